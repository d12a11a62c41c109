"""The effektbillede over time: my quarterly answers, one line per effect (#13)."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..framework import Framework
from ..i18n import t
from ._style import (
    NARROW_CHARS,
    date_axis,
    empty_state,
    figure_and_axes,
    is_narrow,
    legend_below,
    narrow_size,
    readable,
    score_axis,
    series_style,
    shorten,
    wrap,
)

LEGEND_CHARS = NARROW_CHARS - 3  # a legend's line beside its marker


def effects_frame(rows: list[tuple]) -> pd.DataFrame:
    """``(day, effect, score)`` rows (:func:`lgtrack.effects.effect_rows`) as a frame with
    ``day`` as datetime; "ved ikke" (None) is left out."""
    frame = pd.DataFrame(rows, columns=["day", "effect", "score"])
    frame = frame.dropna(subset=["score"])
    frame["day"] = pd.to_datetime(frame["day"])
    frame["score"] = frame["score"].astype(float)
    return frame


def plot_effects(
    frame: pd.DataFrame,
    framework: Framework,
    *,
    lang: str = "da",
    ax: Axes | None = None,
    layout: str = "wide",
) -> Figure:
    """One line per effect through my answers (:func:`effects_frame`); an empty state before
    the first answer. ``layout="narrow"`` (a phone) puts the legend under the plot, wrapped."""
    narrow = is_narrow(layout)
    title = t("effects.plot_title", lang)
    if frame.empty:
        fig, ax = figure_and_axes(ax, figsize=narrow_size(axes=2.0, lines=2) if narrow else (9, 4))
        return empty_state(ax, t("effects.plot_empty", lang), title=title, layout=layout)
    labels = {
        effect.id: shorten(f"{effect.id}: {effect.text.get(lang)}", 48)
        for effect in framework.effects
    }
    if narrow:
        labels = {key: wrap(label, LEGEND_CHARS) for key, label in labels.items()}
    shown = [effect.id for effect in framework.effects if (frame["effect"] == effect.id).any()]
    lines = sum(labels[effect].count("\n") + 1.3 for effect in shown)
    size = narrow_size(axes=2.4, lines=lines + title.count("\n") + 5) if narrow else (9, 4)
    fig, ax = figure_and_axes(ax, figsize=size)
    for index, effect in enumerate(framework.effects):
        mine = frame[frame["effect"] == effect.id].sort_values("day")
        if mine.empty:
            continue
        ax.plot(mine["day"], mine["score"], label=labels[effect.id], **series_style(index))
    date_axis(ax, lang, ticks=5 if narrow else 8)
    score_axis(ax, framework.scale, lang)
    if not narrow:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
        ax.set_title(title)
        return fig
    ax.set_title(wrap(title))
    legend_below(fig)
    return readable(fig)
