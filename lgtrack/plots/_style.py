"""Shared look of every plot: a colour-blind-safe palette, empty states, date axes, layouts.

Colours are Okabe & Ito's palette (safe for the common colour-vision deficiencies); series are
also told apart by line style and marker, so a plot reads in black and white too.

Two layouts: ``"wide"`` for a desktop page and ``"narrow"`` for a phone. A narrow figure is
:data:`NARROW_WIDTH` inches wide, shown at its own size in a phone's column, so its text of at
least :data:`NARROW_FONT` points is at least as large as the page's; it stacks what a wide one
puts side by side: labels above their rows (:func:`row_bands`), legends below the plot.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import Formatter
from matplotlib.transforms import blended_transform_factory

from ..errors import LgtrackError
from ..framework import Scale
from ..i18n import t

BLUE, ORANGE, GREEN, PURPLE = "#0072B2", "#E69F00", "#009E73", "#CC79A7"
VERMILLION, SKY, YELLOW, BLACK, GREY = "#D55E00", "#56B4E9", "#F0E442", "#000000", "#999999"
PALETTE = (BLUE, ORANGE, GREEN, PURPLE, VERMILLION, SKY, BLACK, YELLOW)
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (3, 1, 1, 1, 1, 1)))
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
STATE_COLOURS = {
    "covered": GREEN,
    "stale": ORANGE,
    "never": "#DDDDDD",
    "on_track": GREEN,
    "behind": ORANGE,
    "overdue": VERMILLION,
    "achieved": BLUE,
    "dropped": GREY,
}
EMPTY_CELL = "#FFFFFF"

WIDE, NARROW = "wide", "narrow"
LAYOUTS = (WIDE, NARROW)
# Voilà gives a figure 320 px of a 390 px phone screen: 3.3 in at 96 px per inch. Shown at that
# size, 12 pt text is 16 px, above the page text (13–14 px), and still 14.5 px on a 360 px phone.
NARROW_WIDTH = 3.3  # inches
NARROW_FONT = 12.0  # points, the smallest text of a narrow figure
NARROW_CHARS = 30  # characters of narrow text in one line across the figure
LINE = NARROW_FONT * 1.3 / 72  # inches: one line of narrow text


def series_style(index: int) -> dict:
    """Colour, line style and marker of the ``index``-th series."""
    return {
        "color": PALETTE[index % len(PALETTE)],
        "linestyle": LINESTYLES[index % len(LINESTYLES)],
        "marker": MARKERS[index % len(MARKERS)],
    }


def figure_and_axes(
    ax: Axes | None, *, figsize: tuple[float, float] = (9, 4.5), polar: bool = False
) -> tuple[Figure, Axes]:
    """The figure and axes to draw on: ``ax`` when given (made polar if needed), else new ones."""
    if ax is None:
        fig = Figure(figsize=figsize, layout="constrained")
        return fig, fig.add_subplot(projection="polar" if polar else None)
    fig = ax.get_figure()
    if polar and ax.name != "polar":
        spec = ax.get_subplotspec()
        ax.remove()
        ax = (
            fig.add_subplot(spec, projection="polar")
            if spec
            else fig.add_subplot(projection="polar")
        )
    return fig, ax


def is_narrow(layout: str) -> bool:
    """Whether ``layout`` (one of :data:`LAYOUTS`) is the narrow one; else an error naming both."""
    if layout not in LAYOUTS:
        raise LgtrackError("err_plot_layout", layout=layout, known=", ".join(LAYOUTS))
    return layout == NARROW


def wrap(text: str, width: int = NARROW_CHARS) -> str:
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)


def narrow_size(*, axes: float, lines: float) -> tuple[float, float]:
    """A narrow figure's size: ``axes`` inches of plot and ``lines`` of text around it."""
    return NARROW_WIDTH, round(axes + lines * LINE + 0.3, 2)


def readable(fig: Figure) -> Figure:
    """Every text of ``fig`` at least :data:`NARROW_FONT` points, tick labels drawn later too."""
    for ax in fig.axes:
        ax.tick_params(which="both", labelsize=NARROW_FONT)
    for text in fig.findobj(Text):
        if text.get_fontsize() < NARROW_FONT:
            text.set_fontsize(NARROW_FONT)
    return fig


@dataclass(frozen=True)
class Bands:
    """Rows with their label above them, in units of one line of narrow text (:data:`LINE`):
    label ``tops``, band ``starts`` and ``ends``, and the ``height`` of all rows."""

    tops: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    height: float

    @property
    def middles(self) -> np.ndarray:
        return (self.starts + self.ends) / 2

    @property
    def edges(self) -> np.ndarray:
        """Edges of 2 cells per row, the label's then the band's (for ``pcolormesh``)."""
        return np.concatenate([[self.tops[0]], np.ravel(np.column_stack([self.starts, self.ends]))])


def row_bands(labels: list[str], *, band: float = 1.3, gap: float = 0.5) -> Bands:
    """Where to draw rows labelled ``labels`` (wrapped text) with each label above its band."""
    tops, starts, ends, y = [], [], [], 0.0
    for label in labels:
        tops.append(y)
        starts.append(y + label.count("\n") + 1.15)
        ends.append(starts[-1] + band)
        y = ends[-1] + gap
    return Bands(np.array(tops), np.array(starts), np.array(ends), y)


def label_rows(ax: Axes, labels: list[str], bands: Bands) -> None:
    """Each label above its band, from the left edge of the plot; no y axis ticks."""
    to_left = blended_transform_factory(ax.transAxes, ax.transData)
    for label, top in zip(labels, bands.tops, strict=True):
        ax.text(0, top, label, transform=to_left, ha="left", va="top", fontsize=NARROW_FONT)
    ax.set_yticks([])
    ax.set_ylim(bands.height, 0)


def legend_below(fig: Figure, handles: list | None = None) -> None:
    """The legend in one column under the plot, where a phone has room for it."""
    options = {"loc": "outside lower left", "ncols": 1, "frameon": False, "fontsize": NARROW_FONT}
    if handles is None:
        fig.legend(**options)
    else:
        fig.legend(handles=handles, **options)


def empty_state(ax: Axes, message: str, *, title: str | None = None, layout: str = WIDE) -> Figure:
    """``ax`` turned into a friendly message instead of a plot."""
    narrow = is_narrow(layout)
    ax.set_axis_off()
    if title:
        ax.set_title(wrap(title) if narrow else title)
    ax.text(
        0.5,
        0.5,
        wrap(message, 26) if narrow else textwrap.fill(message, 60),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=NARROW_FONT if narrow else 11,
        color="#333333",
        wrap=True,
        bbox={"boxstyle": "round,pad=0.8", "facecolor": "#F5F5F5", "edgecolor": "#CCCCCC"},
    )
    return readable(ax.get_figure()) if narrow else ax.get_figure()


def month_names(lang: str) -> list[str]:
    return t("plot_months", lang).split()


def weekday_names(lang: str) -> list[str]:
    return t("plot_weekdays", lang).split()


class DayFormatter(Formatter):
    """Dates in the leader's language, as precise as the visible span needs."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, x: float, pos: int | None = None) -> str:
        day = mdates.num2date(x)
        low, high = self.axis.get_view_interval() if self.axis else (x, x)
        span = abs(high - low)
        month = month_names(self.lang)[day.month - 1]
        if span <= 62:
            return f"{day.day}. {month}" if self.lang == "da" else f"{day.day} {month}"
        if span <= 3 * 366:
            return f"{month}\n{day.year}" if day.month == 1 or pos == 0 else month
        return str(day.year) if day.month == 1 else f"{month}\n{day.year}"


def date_axis(ax: Axes, lang: str, *, label: bool = True, ticks: int = 8, axis: str = "x") -> None:
    """Put readable dates on the x (or y) axis, at most ``ticks`` of them."""
    dates = ax.xaxis if axis == "x" else ax.yaxis
    dates.axis_date()
    dates.set_major_locator(
        mdates.AutoDateLocator(
            minticks=3 if ticks > 5 else 2, maxticks=ticks, interval_multiples=True
        )
    )
    dates.set_major_formatter(DayFormatter(lang))
    if label:
        dates.set_label_text(t("plot_axis_date", lang))


def score_axis(ax: Axes, scale: Scale, lang: str) -> None:
    """The y axis as the framework's rating scale."""
    ax.set_ylim(scale.min - 0.25, scale.max + 0.25)
    ax.set_yticks(list(scale.values))
    ax.set_ylabel(t("plot_axis_score", lang, min=scale.min, max=scale.max))
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)


def shorten(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
