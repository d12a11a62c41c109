"""Coverage of my level's behaviours, per discipline."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..analysis import COVERAGE_STATUSES, coverage_by_discipline
from ..framework import Framework
from ..i18n import t
from ._style import (
    LINE,
    STATE_COLOURS,
    empty_state,
    figure_and_axes,
    is_narrow,
    label_rows,
    legend_below,
    narrow_size,
    readable,
    row_bands,
    wrap,
)

HATCHES = {"covered": "", "stale": "//", "never": ""}


def plot_coverage(
    coverage: pd.DataFrame,
    framework: Framework,
    *,
    lang: str = "da",
    ax: Axes | None = None,
    layout: str = "wide",
) -> Figure:
    """Stacked bars per discipline: behaviours covered, not recently, never.

    ``coverage`` is :func:`lgtrack.analysis.coverage`. With no evidence at all the figure
    explains how to get some. ``layout="narrow"`` writes each discipline and its "covered/all"
    above its bar, and the legend below.
    """
    narrow = is_narrow(layout)
    title = _title(coverage, framework, lang)
    if coverage.empty or (coverage["status"] == "never").all():
        fig, ax = figure_and_axes(ax, figsize=narrow_size(axes=2.0, lines=2) if narrow else (9, 4))
        return empty_state(ax, t("plot_empty_coverage", lang), title=title, layout=layout)
    counts = coverage_by_discipline(coverage, framework)
    names = [framework.discipline(d).name.get(lang) for d in counts["discipline"]]
    if narrow:
        return _narrow(ax, counts, names, title, lang)
    fig, ax = figure_and_axes(ax, figsize=(9, 4))
    rows = np.arange(len(counts))
    _stacked_bars(ax, counts, rows, lang)
    ax.set_yticks(rows, labels=names)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, counts["behaviours"].max() + 2)
    ax.set_xlabel(t("plot_axis_behaviours", lang))
    ax.set_title(title)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.32), ncols=3, frameon=False)
    return fig


def _narrow(ax: Axes | None, counts: pd.DataFrame, names: list[str], title: str, lang: str):
    labels = [
        wrap(f"{name} · {item.covered}/{item.behaviours}")
        for name, item in zip(names, counts.itertuples(index=False), strict=True)
    ]
    bands = row_bands(labels)
    title = wrap(title)
    fig, ax = figure_and_axes(
        ax, figsize=narrow_size(axes=bands.height * LINE, lines=title.count("\n") + 8)
    )
    _stacked_bars(ax, counts, bands.middles, lang, height=bands.ends - bands.starts)
    label_rows(ax, labels, bands)
    ax.set_xlim(0, counts["behaviours"].max() * 1.02)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.set_xlabel(t("plot_axis_behaviours", lang))
    ax.set_title(title)
    legend_below(fig)
    return readable(fig)


def _stacked_bars(
    ax: Axes, counts: pd.DataFrame, rows: np.ndarray, lang: str, *, height=None
) -> None:
    """One bar per discipline, stacked covered · stale · never; wide, "covered/all" beside it."""
    left = np.zeros(len(counts))
    for status in COVERAGE_STATUSES:
        values = counts[status].to_numpy(dtype=float)
        ax.barh(rows, values, left=left, height=0.6 if height is None else height,
                color=STATE_COLOURS[status], hatch=HATCHES[status], edgecolor="white",
                label=t(f"plot_status_{status}", lang))  # fmt: skip
        left += values
    if height is not None:
        return
    for row, item in zip(rows, counts.itertuples(index=False), strict=True):
        label = f"{item.covered}/{item.behaviours}"
        ax.text(item.behaviours + 0.2, row, label, va="center", fontsize="small")


def _title(coverage: pd.DataFrame, framework: Framework, lang: str) -> str:
    level = coverage.attrs.get("level")
    known = level in framework.level_ids
    name = framework.level(level).name.get(lang) if known else framework.name.get(lang)
    return t("plot_coverage_title", lang, level=name, days=coverage.attrs.get("days", "?"))
