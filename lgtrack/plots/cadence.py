"""When I reflect: a calendar of reflections per day, weeks as columns."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from ..i18n import t
from ._style import BLUE, date_axis, empty_state, figure_and_axes, weekday_names

CALENDAR_COLOURS = LinearSegmentedColormap.from_list("lgtrack_calendar", ["#F2F2F2", BLUE])


def plot_cadence_calendar(
    daily: pd.DataFrame, *, lang: str = "da", ax: Axes | None = None
) -> Figure:
    """Reflections per day from :func:`lgtrack.analysis.daily_reflection_counts`: one column per
    week (Monday on top), darker for more. Without a reflection in the period the figure says so.
    """
    fig, ax = figure_and_axes(ax, figsize=(10, 2.8))
    title = t("plot_cadence_title", lang)
    if daily.empty or daily["reflections"].sum() == 0:
        return empty_state(ax, t("plot_empty_cadence", lang), title=title)
    first = daily["day"].min()
    start = first - pd.Timedelta(days=first.day_of_week)
    offset = (daily["day"] - start).dt.days.to_numpy()
    weeks = int(offset.max() // 7 + 1)
    grid = np.full((7, weeks), np.nan)
    grid[offset % 7, offset // 7] = daily["reflections"].to_numpy(dtype=float)
    edges = mdates.date2num([start + pd.Timedelta(weeks=k) for k in range(weeks + 1)])
    most = max(1.0, float(np.nanmax(grid)))
    mesh = ax.pcolormesh(
        edges,
        np.arange(8),
        np.ma.masked_invalid(grid),
        cmap=CALENDAR_COLOURS,
        vmin=0,
        vmax=most,
        edgecolors="white",
        linewidth=1.0,
    )
    ax.set_yticks(np.arange(7) + 0.5, labels=weekday_names(lang), fontsize="small")
    ax.set_ylim(7, 0)
    date_axis(ax, lang, label=False)
    ax.set_facecolor("white")
    ticks = list(range(int(most) + 1)) if most <= 6 else None
    bar = fig.colorbar(mesh, ax=ax, ticks=ticks, fraction=0.03, pad=0.01)
    bar.set_label(t("plot_axis_reflections", lang))
    ax.set_title(title)
    return fig
