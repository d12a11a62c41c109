"""The effektbillede over time: my quarterly answers, one line per effect (#13)."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..framework import Framework
from ..i18n import t
from ._style import date_axis, empty_state, figure_and_axes, score_axis, series_style, shorten


def effects_frame(rows: list[tuple]) -> pd.DataFrame:
    """``(day, effect, score)`` rows (:func:`lgtrack.effects.effect_rows`) as a frame with
    ``day`` as datetime; "ved ikke" (None) is left out."""
    frame = pd.DataFrame(rows, columns=["day", "effect", "score"])
    frame = frame.dropna(subset=["score"])
    frame["day"] = pd.to_datetime(frame["day"])
    frame["score"] = frame["score"].astype(float)
    return frame


def plot_effects(
    frame: pd.DataFrame, framework: Framework, *, lang: str = "da", ax: Axes | None = None
) -> Figure:
    """One line per effect through my answers (:func:`effects_frame`); an empty state before
    the first answer."""
    fig, ax = figure_and_axes(ax, figsize=(9, 4))
    title = t("effects.plot_title", lang)
    if frame.empty:
        return empty_state(ax, t("effects.plot_empty", lang), title=title)
    for index, effect in enumerate(framework.effects):
        mine = frame[frame["effect"] == effect.id].sort_values("day")
        if mine.empty:
            continue
        label = shorten(f"{effect.id}: {effect.text.get(lang)}", 48)
        ax.plot(mine["day"], mine["score"], label=label, **series_style(index))
    date_axis(ax, lang)
    score_axis(ax, framework.scale, lang)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    ax.set_title(title)
    return fig
