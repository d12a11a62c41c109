"""My goals on a timeline: from creation to due date (or closing), coloured by state."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analysis import GOAL_STATES
from ..analysis._common import DayLike, as_day
from ..i18n import t
from ._style import (
    BLACK,
    LINE,
    NARROW_CHARS,
    STATE_COLOURS,
    VERMILLION,
    date_axis,
    empty_state,
    figure_and_axes,
    is_narrow,
    label_rows,
    legend_below,
    narrow_size,
    readable,
    row_bands,
    shorten,
    wrap,
)


def plot_goal_timeline(
    status: pd.DataFrame,
    today: DayLike,
    *,
    progress: pd.DataFrame | None = None,
    lang: str = "da",
    ax: Axes | None = None,
    layout: str = "wide",
) -> Figure:
    """One bar per goal of :func:`lgtrack.analysis.goal_status`, oldest at the top.

    A bar runs from the day the goal was created to the day it was closed, else to its due
    date, else to ``today``; its colour is the goal's state and its label the latest progress.
    ``progress`` (:func:`lgtrack.analysis.goal_progress`) adds a dot per check-in.
    ``layout="narrow"`` writes each goal and its progress above its bar, and the legend below.
    """
    narrow = is_narrow(layout)
    title = t("plot_goals_title", lang)
    if status.empty:
        size = narrow_size(axes=2.0, lines=2) if narrow else (9, 2.6)
        fig, ax = figure_and_axes(ax, figsize=size)
        return empty_state(ax, t("plot_empty_goals", lang), title=title, layout=layout)
    day = as_day(today)
    if narrow:
        labels = [wrap(f"{shorten(g.title, 2 * NARROW_CHARS - 8)} · {g.progress} %")
                  for g in status.itertuples(index=False)]  # fmt: skip
        bands = row_bands(labels, band=1.0)
        rows, height = bands.middles, bands.ends - bands.starts
        size = narrow_size(axes=bands.height * LINE, lines=len(_legend(status, lang)) + 5)
    else:
        rows, height = np.arange(len(status)), 0.5
        size = (9, max(2.6, 0.45 * len(status) + 1.6))
    fig, ax = figure_and_axes(ax, figsize=size)
    _draw_goals(ax, status, day, rows, height, labelled=not narrow)
    if progress is not None and not progress.empty:
        _draw_checkins(ax, status, progress, rows, lang)
    ax.axvline(mdates.date2num(day), color=VERMILLION, linestyle="--", linewidth=1.2)
    date_axis(ax, lang, ticks=5 if narrow else 8)
    ax.set_title(title)
    if narrow:
        label_rows(ax, labels, bands)
        legend_below(fig, _legend(status, lang))
        return readable(fig)
    ax.set_yticks(rows, labels=[shorten(x, 34) for x in status["title"]])
    ax.set_ylim(len(status) - 0.5, -0.5)
    ax.legend(handles=_legend(status, lang), loc="upper left", bbox_to_anchor=(1.01, 1),
              fontsize="small", frameon=False)  # fmt: skip
    return fig


def _draw_goals(ax: Axes, status: pd.DataFrame, day: pd.Timestamp, rows, height, *,
                labelled: bool) -> None:  # fmt: skip
    """A bar per goal in its state's colour; ``labelled``: its progress beside it."""
    for row, goal in zip(rows, status.itertuples(index=False), strict=True):
        left = mdates.date2num(goal.created)
        width = max((_bar_end(goal, day) - goal.created).days, 1)
        ax.barh(row, width, left=left, height=height, color=STATE_COLOURS[goal.state],
                edgecolor="white")  # fmt: skip
        if labelled:
            ax.text(left + width, row, f" {goal.progress} %", va="center", fontsize="small")


def _draw_checkins(ax: Axes, status: pd.DataFrame, progress: pd.DataFrame, rows,
                   lang: str) -> None:  # fmt: skip
    """A dot on the goal's bar for every check-in."""
    where = dict(zip(status["id"], rows, strict=True))
    known = progress[progress["goal_id"].isin(where)]
    ax.scatter(known["day"], known["goal_id"].map(where), s=22, color="white", edgecolors=BLACK,
               zorder=3, label=t("plot_checkin", lang))  # fmt: skip


def _bar_end(goal, day: pd.Timestamp) -> pd.Timestamp:
    if pd.notna(goal.closed_on):
        return max(goal.closed_on, goal.created)
    if pd.notna(goal.due):
        return max(goal.due, goal.created)
    return max(day, goal.created)


def _legend(status: pd.DataFrame, lang: str) -> list:
    present = set(status["state"])
    handles = [
        Patch(color=STATE_COLOURS[state], label=t(f"plot_goal_{state}", lang))
        for state in GOAL_STATES
        if state in present
    ]
    handles.append(Line2D([], [], color=VERMILLION, linestyle="--", label=t("plot_today", lang)))
    return handles
