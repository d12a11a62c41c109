"""My goals on a timeline: from creation to due date (or closing), coloured by state."""

from __future__ import annotations

import matplotlib.dates as mdates
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
    STATE_COLOURS,
    VERMILLION,
    date_axis,
    empty_state,
    figure_and_axes,
    shorten,
)


def plot_goal_timeline(
    status: pd.DataFrame,
    today: DayLike,
    *,
    progress: pd.DataFrame | None = None,
    lang: str = "da",
    ax: Axes | None = None,
) -> Figure:
    """One bar per goal of :func:`lgtrack.analysis.goal_status`, oldest at the top.

    A bar runs from the day the goal was created to the day it was closed, else to its due
    date, else to ``today``; its colour is the goal's state and its label the latest progress.
    ``progress`` (:func:`lgtrack.analysis.goal_progress`) adds a dot per check-in.
    """
    fig, ax = figure_and_axes(ax, figsize=(9, max(2.6, 0.45 * len(status) + 1.6)))
    title = t("plot_goals_title", lang)
    if status.empty:
        return empty_state(ax, t("plot_empty_goals", lang), title=title)
    day = as_day(today)
    _draw_goals(ax, status, day)
    if progress is not None and not progress.empty:
        _draw_checkins(ax, status, progress, lang)
    ax.axvline(mdates.date2num(day), color=VERMILLION, linestyle="--", linewidth=1.2)
    ax.set_yticks(range(len(status)), labels=[shorten(x, 34) for x in status["title"]])
    ax.set_ylim(len(status) - 0.5, -0.5)
    date_axis(ax, lang)
    ax.set_title(title)
    ax.legend(handles=_legend(status, lang), loc="upper left", bbox_to_anchor=(1.01, 1),
              fontsize="small", frameon=False)  # fmt: skip
    return fig


def _draw_goals(ax: Axes, status: pd.DataFrame, day: pd.Timestamp) -> None:
    """A bar per goal in its state's colour, labelled with its progress."""
    for row, goal in enumerate(status.itertuples(index=False)):
        left = mdates.date2num(goal.created)
        width = max((_bar_end(goal, day) - goal.created).days, 1)
        ax.barh(row, width, left=left, height=0.5, color=STATE_COLOURS[goal.state],
                edgecolor="white")  # fmt: skip
        ax.text(left + width, row, f" {goal.progress} %", va="center", fontsize="small")


def _draw_checkins(ax: Axes, status: pd.DataFrame, progress: pd.DataFrame, lang: str) -> None:
    """A dot on the goal's bar for every check-in."""
    rows = {goal_id: row for row, goal_id in enumerate(status["id"])}
    known = progress[progress["goal_id"].isin(rows)]
    ax.scatter(known["day"], known["goal_id"].map(rows), s=22, color="white", edgecolors=BLACK,
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
