"""Development over time: rolling-mean curves and a behaviour × month heatmap."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from ..framework import Framework
from ..i18n import t
from ._style import (
    EMPTY_CELL,
    GREY,
    LINE,
    NARROW_CHARS,
    date_axis,
    empty_state,
    figure_and_axes,
    is_narrow,
    label_rows,
    legend_below,
    narrow_size,
    readable,
    row_bands,
    score_axis,
    series_style,
    shorten,
    wrap,
)

BEHAVIOUR_LABEL_WIDTH = 45  # characters of a behaviour's text in a legend or on an axis
NARROW_LABEL_WIDTH = 2 * NARROW_CHARS - 4  # two lines of it in a narrow figure
LEGEND_CHARS = NARROW_CHARS - 3  # a legend's line beside its marker
NARROW_FULL_ROWS = 16  # more rows in a narrow heatmap get one line of label each


def plot_trends(
    trends: pd.DataFrame,
    framework: Framework,
    *,
    levels: pd.DataFrame | None = None,
    window_days: int | None = None,
    lang: str = "da",
    ax: Axes | None = None,
    layout: str = "wide",
) -> Figure:
    """One curve per discipline (or behaviour) of :func:`lgtrack.analysis.discipline_trends`
    (or :func:`~lgtrack.analysis.behaviour_trends`), broken where evidence has a gap.

    ``levels`` (:func:`lgtrack.analysis.level_periods`) shades the time at each level;
    ``window_days`` (for the title) defaults to the one the trends were computed with. A series
    needs evidence on two days; with less the figure explains what to do. ``layout="narrow"``
    puts the legend under the plot, its labels wrapped, and fewer dates on the axis.
    """
    narrow = is_narrow(layout)
    key = "behaviour" if "behaviour" in trends.columns else "discipline"
    days = window_days or trends.attrs.get("window_days")
    title = t(f"plot_trends_{key}_title", lang, days=days if days else "?")
    if trends.empty or trends.groupby(key)["day"].nunique().max() < 2:
        fig, ax = figure_and_axes(
            ax, figsize=narrow_size(axes=2.0, lines=2) if narrow else (9, 4.5)
        )
        return empty_state(ax, t("plot_empty_trends", lang), title=title, layout=layout)
    labels = _series_labels(framework, key, lang, narrow=narrow)
    shown = list(_in_order(trends, key, labels))
    lines = sum(labels[series].count("\n") + 1.3 for series, _ in shown)
    size = narrow_size(axes=2.4, lines=lines + title.count("\n") + 5) if narrow else (9, 4.5)
    fig, ax = figure_and_axes(ax, figsize=size)
    for index, (series, part) in enumerate(shown):
        x, y = _broken_at_gaps(part)
        ax.plot(x, y, markersize=4, linewidth=1.8, label=labels[series], **series_style(index))
    score_axis(ax, framework.scale, lang)
    date_axis(ax, lang, ticks=5 if narrow else 8)
    if levels is not None and not levels.empty:
        _level_overlay(ax, levels, framework, lang)
    if not narrow:
        ax.set_title(title)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
        return fig
    ax.set_title(wrap(title))
    legend_below(fig)
    return readable(fig)


def _series_labels(
    framework: Framework, key: str, lang: str, *, narrow: bool = False
) -> dict[str, str]:
    if key == "discipline":
        names = {d.id: d.name.get(lang) for d in framework.disciplines}
        return {k: wrap(v, LEGEND_CHARS) for k, v in names.items()} if narrow else names
    # A leader reads a behaviour's text, never its id (the page beside the figure has it in full).
    width = NARROW_LABEL_WIDTH if narrow else BEHAVIOUR_LABEL_WIDTH
    texts = {b.id: shorten(b.text.get(lang), width) for b in framework.all_behaviours()}
    return {k: wrap(v, LEGEND_CHARS) for k, v in texts.items()} if narrow else texts


def _text(framework: Framework, behaviour: str, lang: str) -> str:
    return framework.behaviour(behaviour).text.get(lang)


def _in_order(trends: pd.DataFrame, key: str, labels: dict[str, str]):
    for series in dict.fromkeys(trends[key]):
        if series in labels:
            yield series, trends[trends[key] == series]


def _broken_at_gaps(part: pd.DataFrame) -> tuple[list, list]:
    """Days and rolling means with a NaN between segments, so no line crosses a gap."""
    x: list = []
    y: list = []
    for _, segment in part.groupby("segment", sort=True):
        if x:
            x.append(x[-1] + pd.Timedelta(days=1))
            y.append(np.nan)
        x.extend(segment["day"])
        y.extend(segment["rolling_mean"])
    return x, y


def _level_overlay(ax: Axes, levels: pd.DataFrame, framework: Framework, lang: str) -> None:
    """Shade alternate level periods and name each level at the top of the plot."""
    names = {level.id: level.name.get(lang) for level in framework.levels}
    xlim = ax.get_xlim()
    to_top = blended_transform_factory(ax.transData, ax.transAxes)
    starts = list(levels["start"])
    for i, row in enumerate(levels.itertuples(index=False)):
        stop = starts[i + 1] if i + 1 < len(starts) else row.end + pd.Timedelta(days=1)
        left, right = mdates.date2num(row.start), mdates.date2num(stop)
        if right < xlim[0] or left > xlim[1]:
            continue
        ax.axvspan(left, right, color=GREY, alpha=0.14 if i % 2 else 0.06, linewidth=0, zorder=0)
        start, end = max(left, xlim[0]), min(right, xlim[1])
        # A period that starts in the right half is named from its right end: inside the plot.
        at_right = start > (xlim[0] + xlim[1]) / 2
        ax.text(
            end if at_right else start,
            0.98,
            f" {names.get(row.level, row.level)} ",
            transform=to_top,
            ha="right" if at_right else "left",
            va="top",
            fontsize="small",
            color="#444444",
        )
    ax.set_xlim(xlim)


def plot_behaviour_heatmap(
    monthly: pd.DataFrame,
    framework: Framework,
    *,
    lang: str = "da",
    ax: Axes | None = None,
    layout: str = "wide",
) -> Figure:
    """Mean self-rating per behaviour (rows) and month (columns) from
    :func:`lgtrack.analysis.behaviour_by_month`; months without a rating stay blank.

    Needs a behaviour rated on two days; with less the figure explains what to do.
    ``layout="narrow"`` writes each behaviour above its row and the colour scale below.
    """
    narrow = is_narrow(layout)
    behaviours = list(dict.fromkeys(monthly["behaviour"]))
    title = t("plot_heatmap_title", lang)
    if monthly.empty or monthly.groupby("behaviour")["days"].sum().max() < 2:
        size = narrow_size(axes=2.0, lines=2) if narrow else (9, 3.0)
        fig, ax = figure_and_axes(ax, figsize=size)
        return empty_state(ax, t("plot_empty_heatmap", lang), title=title, layout=layout)
    names = _series_labels(framework, "behaviour", lang)
    labels = [names.get(b, b) for b in behaviours]
    bands = None
    if narrow and len(behaviours) > NARROW_FULL_ROWS:  # one line each, or a very long page
        labels = [shorten(_text(framework, b, lang), NARROW_CHARS) for b in behaviours]
        bands = row_bands(labels, band=1.0, gap=0.3)
    elif narrow:
        labels = [wrap(shorten(_text(framework, b, lang), NARROW_LABEL_WIDTH)) for b in behaviours]
        bands = row_bands(labels)
    if narrow:
        size = narrow_size(axes=bands.height * LINE, lines=title.count("\n") + 7)
    else:
        size = (9, max(3.0, 0.28 * len(behaviours) + 1.6))
    fig, ax = figure_and_axes(ax, figsize=size)
    months = pd.date_range(monthly["month"].min(), monthly["month"].max(), freq="MS")
    grid = monthly.pivot(index="behaviour", columns="month", values="mean")
    grid = grid.reindex(index=behaviours, columns=months).to_numpy(dtype=float)
    edges = mdates.date2num(list(months) + [months[-1] + pd.DateOffset(months=1)])
    if narrow:  # a blank row for each label, above its behaviour's row
        grid = np.insert(grid, range(len(behaviours)), np.nan, axis=0)
    rows = bands.edges if narrow else np.arange(len(behaviours) + 1)
    scale = framework.scale
    # rasterized: the cells are one image inside an SVG; a path per cell made it ~0.5 MB.
    mesh = ax.pcolormesh(edges, rows, np.ma.masked_invalid(grid), cmap="cividis",
                         vmin=scale.min, vmax=scale.max, edgecolors="white", linewidth=0.6,
                         rasterized=True)  # fmt: skip
    ax.set_facecolor(EMPTY_CELL)
    ticks = list(scale.values)
    if narrow:
        label_rows(ax, labels, bands)
        date_axis(ax, lang, label=False, ticks=5)
        bar = fig.colorbar(mesh, ax=ax, ticks=ticks, location="bottom", aspect=14, pad=0.02)
        bar.set_label(t("plot_axis_mean_score", lang))
        ax.set_title(wrap(title))
        return readable(fig)
    ax.set_yticks(np.arange(len(behaviours)) + 0.5, labels=labels, fontsize="small")
    ax.set_ylim(len(behaviours), 0)
    ax.set_ylabel(t("plot_axis_behaviour", lang))
    date_axis(ax, lang, label=False)
    ax.set_xlabel(t("plot_axis_month", lang))
    bar = fig.colorbar(mesh, ax=ax, ticks=ticks, fraction=0.04, pad=0.02)
    bar.set_label(t("plot_axis_mean_score", lang))
    ax.set_title(title)
    return fig
