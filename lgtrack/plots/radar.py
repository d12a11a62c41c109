"""Self, others and target per discipline on a radar ("spindelvæv")."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..framework import Framework
from ..i18n import t
from ._style import (
    BLACK,
    BLUE,
    LINE,
    ORANGE,
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

MIN_DISCIPLINES = 3  # a radar with fewer axes carrying a value is no shape to read
SERIES_STYLES = {
    "self": {"color": BLUE, "marker": "o", "linewidth": 2},
    "others": {"color": ORANGE, "marker": "s", "linestyle": "--", "linewidth": 2},
    "target": {"color": BLACK, "linestyle": ":", "linewidth": 1.5},
}
# Narrow: a dot per series on each discipline's scale, the target a bar across it.
DOT_STYLES = {
    "self": {"color": BLUE, "marker": "o", "markersize": 9},
    "others": {"color": ORANGE, "marker": "s", "markersize": 8, "markeredgecolor": BLACK},
    "target": {"color": BLACK, "marker": "|", "markersize": 18, "markeredgewidth": 2},
}


def plot_radar(
    perception: pd.DataFrame,
    framework: Framework,
    *,
    target: float | Mapping[str, float] | None = None,
    lang: str = "da",
    ax: Axes | None = None,
    layout: str = "wide",
) -> Figure:
    """My self-rating, others' ratings and a target per discipline.

    ``perception`` is :func:`lgtrack.analysis.self_vs_others` by discipline (its ``role="all"``
    rows are used). ``target`` is one score for every discipline or a score per discipline id;
    the default is one step below the top of the scale ("Meget ofte" / "Very often" on STUK's
    scale); pass ``{}`` for no target. An ``ax`` that is not polar is replaced by a polar one in
    the same place. Needs self or others' ratings in three disciplines. ``layout="narrow"`` draws
    no radar (its names around a circle need a wide screen) but a row per discipline, its name
    above a scale with a dot for self and for others and a bar at the target.
    """
    narrow = is_narrow(layout)
    title = t("plot_radar_title", lang)
    ids = list(framework.discipline_ids)
    rows = perception[perception["role"] == "all"].set_index("discipline")
    mine = rows["self_mean"].reindex(ids).to_numpy(dtype=float)
    theirs = rows["others_mean"].reindex(ids).to_numpy(dtype=float)
    if max(np.isfinite(mine).sum(), np.isfinite(theirs).sum()) < MIN_DISCIPLINES:
        size = narrow_size(axes=2.0, lines=2) if narrow else (7, 6)
        fig, ax = figure_and_axes(ax, figsize=size, polar=not narrow)
        return empty_state(ax, t("plot_empty_radar", lang), title=title, layout=layout)
    series = {"self": mine, "others": theirs, "target": _targets(target, ids, framework)}
    if narrow:
        return _dots(ax, series, framework, title, lang)
    fig, ax = figure_and_axes(ax, figsize=(7, 6), polar=True)
    angles = np.linspace(0, 2 * np.pi, len(ids), endpoint=False)
    for name, values in series.items():
        if values is not None:
            ax.plot(_closed(angles), _closed(values), label=t(f"plot_series_{name}", lang),
                    **SERIES_STYLES[name])  # fmt: skip
    if np.isfinite(mine).all():
        ax.fill(_closed(angles), _closed(mine), color=BLUE, alpha=0.08)
    _radar_axes(ax, angles, framework, lang)
    ax.set_title(title, pad=24)
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=3, fontsize="small", frameon=False
    )
    return fig


def _closed(values: np.ndarray) -> np.ndarray:
    return np.append(values, values[0])


def _targets(target, ids: list[str], framework: Framework) -> np.ndarray | None:
    if target is None:
        target = framework.scale.max - 1
    if isinstance(target, Mapping):
        if not target:
            return None
        return np.array([target.get(i, np.nan) for i in ids], dtype=float)
    return np.full(len(ids), float(target))


def _radar_axes(ax: Axes, angles: np.ndarray, framework: Framework, lang: str) -> None:
    ax.set_theta_offset(np.pi / 2)
    ax.set_theta_direction(-1)
    names = [textwrap.fill(d.name.get(lang), 16) for d in framework.disciplines]
    ax.set_xticks(angles, labels=names, fontsize="small")
    ax.set_ylim(0, framework.scale.max)
    ax.set_yticks(list(framework.scale.values))
    ax.set_rlabel_position(180 / len(angles))
    ax.tick_params(axis="y", labelsize="x-small", labelcolor="#666666")


def _dots(ax: Axes | None, series: dict, framework: Framework, title: str, lang: str) -> Figure:
    """The narrow form: per discipline its name, then its values on the rating scale."""
    names = [wrap(d.name.get(lang)) for d in framework.disciplines]
    bands = row_bands(names)
    title = wrap(title)
    size = narrow_size(axes=bands.height * LINE, lines=title.count("\n") + 8)
    fig, ax = figure_and_axes(ax, figsize=size)
    for name, values in series.items():
        if values is not None:
            ax.plot(values, bands.middles, linestyle="none", label=t(f"plot_series_{name}", lang),
                    **DOT_STYLES[name])  # fmt: skip
    scale = framework.scale
    ax.set_xlim(scale.min - 0.3, scale.max + 0.3)
    ax.set_xticks(list(scale.values))
    ax.set_xlabel(t("plot_axis_score", lang, min=scale.min, max=scale.max))
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    label_rows(ax, names, bands)
    ax.set_title(title)
    legend_below(fig)
    return readable(fig)
