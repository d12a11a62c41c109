"""Coverage of my level's behaviours, per discipline."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..analysis import COVERAGE_STATUSES, coverage_by_discipline
from ..framework import Framework
from ..i18n import t
from ._style import STATE_COLOURS, empty_state, figure_and_axes

HATCHES = {"covered": "", "stale": "//", "never": ""}


def plot_coverage(
    coverage: pd.DataFrame, framework: Framework, *, lang: str = "da", ax: Axes | None = None
) -> Figure:
    """Stacked bars per discipline: behaviours covered, not recently, never.

    ``coverage`` is :func:`lgtrack.analysis.coverage`. With no evidence at all the figure
    explains how to get some.
    """
    fig, ax = figure_and_axes(ax, figsize=(9, 4))
    title = _title(coverage, framework, lang)
    if coverage.empty or (coverage["status"] == "never").all():
        return empty_state(ax, t("plot_empty_coverage", lang), title=title)
    counts = coverage_by_discipline(coverage, framework)
    names = [framework.discipline(d).name.get(lang) for d in counts["discipline"]]
    rows = np.arange(len(counts))
    _stacked_bars(ax, counts, rows, lang)
    ax.set_yticks(rows, labels=names)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, counts["behaviours"].max() + 2)
    ax.set_xlabel(t("plot_axis_behaviours", lang))
    ax.set_title(title)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.32), ncols=3, frameon=False)
    return fig


def _stacked_bars(ax: Axes, counts: pd.DataFrame, rows: np.ndarray, lang: str) -> None:
    """One bar per discipline, stacked covered · stale · never, with "covered/all" beside it."""
    left = np.zeros(len(counts))
    for status in COVERAGE_STATUSES:
        values = counts[status].to_numpy(dtype=float)
        ax.barh(rows, values, left=left, height=0.6, color=STATE_COLOURS[status],
                hatch=HATCHES[status], edgecolor="white",
                label=t(f"plot_status_{status}", lang))  # fmt: skip
        left += values
    for row, item in zip(rows, counts.itertuples(index=False), strict=True):
        label = f"{item.covered}/{item.behaviours}"
        ax.text(item.behaviours + 0.2, row, label, va="center", fontsize="small")


def _title(coverage: pd.DataFrame, framework: Framework, lang: str) -> str:
    level = coverage.attrs.get("level")
    known = level in framework.level_ids
    name = framework.level(level).name.get(lang) if known else framework.name.get(lang)
    return t("plot_coverage_title", lang, level=name, days=coverage.attrs.get("days", "?"))
