"""When I reflect: a calendar of reflections per day, weeks as columns."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from ..i18n import t
from ._style import (
    BLUE,
    date_axis,
    empty_state,
    figure_and_axes,
    is_narrow,
    narrow_size,
    readable,
    weekday_names,
    wrap,
)

CALENDAR_COLOURS = LinearSegmentedColormap.from_list("lgtrack_calendar", ["#F2F2F2", BLUE])


def plot_cadence_calendar(
    daily: pd.DataFrame, *, lang: str = "da", ax: Axes | None = None, layout: str = "wide"
) -> Figure:
    """Reflections per day from :func:`lgtrack.analysis.daily_reflection_counts`: one column per
    week (Monday on top), darker for more. Without a reflection in the period the figure says so.
    ``layout="narrow"`` turns the calendar: a row per week (the oldest on top), a column per
    weekday, like a pocket calendar, and the colour scale below.
    """
    narrow = is_narrow(layout)
    title = t("plot_cadence_title", lang)
    if daily.empty or daily["reflections"].sum() == 0:
        size = narrow_size(axes=1.6, lines=2) if narrow else (10, 2.8)
        fig, ax = figure_and_axes(ax, figsize=size)
        return empty_state(ax, t("plot_empty_cadence", lang), title=title, layout=layout)
    first = daily["day"].min()
    start = first - pd.Timedelta(days=first.day_of_week)
    offset = (daily["day"] - start).dt.days.to_numpy()
    weeks = int(offset.max() // 7 + 1)
    grid = np.full((7, weeks), np.nan)
    grid[offset % 7, offset // 7] = daily["reflections"].to_numpy(dtype=float)
    edges = mdates.date2num([start + pd.Timedelta(weeks=k) for k in range(weeks + 1)])
    most = max(1.0, float(np.nanmax(grid)))
    size = narrow_size(axes=min(6.5, 0.16 * weeks), lines=6) if narrow else (10, 2.8)
    fig, ax = figure_and_axes(ax, figsize=size)
    days, colours = np.arange(8), {"cmap": CALENDAR_COLOURS, "vmin": 0, "vmax": most}
    # rasterized: the cells are one image inside an SVG, not a path each.
    cells = {"edgecolors": "white", "linewidth": 1.0, "rasterized": True, **colours}
    if narrow:
        mesh = ax.pcolormesh(days, edges, np.ma.masked_invalid(grid.T), **cells)
        ax.set_xticks(days[:-1] + 0.5, labels=weekday_names(lang))
        ax.xaxis.tick_top()
        ax.set_ylim(edges[-1], edges[0])
        date_axis(ax, lang, label=False, ticks=5, axis="y")
    else:
        mesh = ax.pcolormesh(edges, days, np.ma.masked_invalid(grid), **cells)
        ax.set_yticks(days[:-1] + 0.5, labels=weekday_names(lang), fontsize="small")
        ax.set_ylim(7, 0)
        date_axis(ax, lang, label=False)
    ax.set_facecolor("white")
    ticks = list(range(int(most) + 1)) if most <= 6 else None
    where = {"location": "bottom", "aspect": 14, "pad": 0.03} if narrow else {"fraction": 0.03}
    bar = fig.colorbar(mesh, ax=ax, ticks=ticks, **{"pad": 0.01, **where})
    bar.set_label(t("plot_axis_reflections", lang))
    ax.set_title(wrap(title) if narrow else title)
    return readable(fig) if narrow else fig
