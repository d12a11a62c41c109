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
    date_axis,
    empty_state,
    figure_and_axes,
    score_axis,
    series_style,
    shorten,
)

BEHAVIOUR_LABEL_WIDTH = 45  # characters of a behaviour's text in a legend or on an axis


def plot_trends(
    trends: pd.DataFrame,
    framework: Framework,
    *,
    levels: pd.DataFrame | None = None,
    window_days: int | None = None,
    lang: str = "da",
    ax: Axes | None = None,
) -> Figure:
    """One curve per discipline (or behaviour) of :func:`lgtrack.analysis.discipline_trends`
    (or :func:`~lgtrack.analysis.behaviour_trends`), broken where evidence has a gap.

    ``levels`` (:func:`lgtrack.analysis.level_periods`) shades the time at each level;
    ``window_days`` (for the title) defaults to the one the trends were computed with. A series
    needs evidence on two days; with less the figure explains what to do.
    """
    fig, ax = figure_and_axes(ax)
    key = "behaviour" if "behaviour" in trends.columns else "discipline"
    days = window_days or trends.attrs.get("window_days")
    title = t(f"plot_trends_{key}_title", lang, days=days if days else "?")
    if trends.empty or trends.groupby(key)["day"].nunique().max() < 2:
        return empty_state(ax, t("plot_empty_trends", lang), title=title)
    labels = _series_labels(framework, key, lang)
    for index, (series, part) in enumerate(_in_order(trends, key, labels)):
        x, y = _broken_at_gaps(part)
        ax.plot(x, y, markersize=4, linewidth=1.8, label=labels[series], **series_style(index))
    score_axis(ax, framework.scale, lang)
    date_axis(ax, lang)
    if levels is not None and not levels.empty:
        _level_overlay(ax, levels, framework, lang)
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return fig


def _series_labels(framework: Framework, key: str, lang: str) -> dict[str, str]:
    if key == "discipline":
        return {d.id: d.name.get(lang) for d in framework.disciplines}
    # A leader reads a behaviour's text, never its id (the page beside the figure has it in full).
    return {
        b.id: shorten(b.text.get(lang), BEHAVIOUR_LABEL_WIDTH) for b in framework.all_behaviours()
    }


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
        ax.text(
            max(left, xlim[0]),
            0.98,
            f" {names.get(row.level, row.level)}",
            transform=to_top,
            ha="left",
            va="top",
            fontsize="small",
            color="#444444",
        )
    ax.set_xlim(xlim)


def plot_behaviour_heatmap(
    monthly: pd.DataFrame, framework: Framework, *, lang: str = "da", ax: Axes | None = None
) -> Figure:
    """Mean self-rating per behaviour (rows) and month (columns) from
    :func:`lgtrack.analysis.behaviour_by_month`; months without a rating stay blank.

    Needs a behaviour rated on two days; with less the figure explains what to do.
    """
    behaviours = list(dict.fromkeys(monthly["behaviour"]))
    fig, ax = figure_and_axes(ax, figsize=(9, max(3.0, 0.28 * len(behaviours) + 1.6)))
    title = t("plot_heatmap_title", lang)
    if monthly.empty or monthly.groupby("behaviour")["days"].sum().max() < 2:
        return empty_state(ax, t("plot_empty_heatmap", lang), title=title)
    months = pd.date_range(monthly["month"].min(), monthly["month"].max(), freq="MS")
    grid = monthly.pivot(index="behaviour", columns="month", values="mean")
    grid = grid.reindex(index=behaviours, columns=months)
    edges = mdates.date2num(list(months) + [months[-1] + pd.DateOffset(months=1)])
    scale = framework.scale
    mesh = ax.pcolormesh(
        edges,
        np.arange(len(behaviours) + 1),
        np.ma.masked_invalid(grid.to_numpy(dtype=float)),
        cmap="cividis",
        vmin=scale.min,
        vmax=scale.max,
        edgecolors="white",
        linewidth=0.6,
    )
    ax.set_facecolor(EMPTY_CELL)
    names = _series_labels(framework, "behaviour", lang)
    ax.set_yticks(
        np.arange(len(behaviours)) + 0.5,
        labels=[names.get(b, b) for b in behaviours],
        fontsize="small",
    )
    ax.set_ylim(len(behaviours), 0)
    ax.set_ylabel(t("plot_axis_behaviour", lang))
    date_axis(ax, lang, label=False)
    ax.set_xlabel(t("plot_axis_month", lang))
    bar = fig.colorbar(mesh, ax=ax, ticks=list(scale.values), fraction=0.04, pad=0.02)
    bar.set_label(t("plot_axis_mean_score", lang))
    ax.set_title(title)
    return fig
