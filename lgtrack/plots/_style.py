"""Shared look of every plot: a colour-blind-safe palette, empty states and date axes.

Colours are Okabe & Ito's palette (safe for the common colour-vision deficiencies); series are
also told apart by line style and marker, so a plot reads in black and white too.
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter

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


def empty_state(ax: Axes, message: str, *, title: str | None = None) -> Figure:
    """``ax`` turned into a friendly message instead of a plot."""
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    ax.text(
        0.5,
        0.5,
        textwrap.fill(message, 60),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=11,
        color="#333333",
        wrap=True,
        bbox={"boxstyle": "round,pad=0.8", "facecolor": "#F5F5F5", "edgecolor": "#CCCCCC"},
    )
    return ax.get_figure()


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


def date_axis(ax: Axes, lang: str, *, label: bool = True) -> None:
    """Put readable dates on the x axis."""
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(DayFormatter(lang))
    if label:
        ax.set_xlabel(t("plot_axis_date", lang))


def score_axis(ax: Axes, scale: Scale, lang: str) -> None:
    """The y axis as the framework's rating scale."""
    ax.set_ylim(scale.min - 0.25, scale.max + 0.25)
    ax.set_yticks(list(scale.values))
    ax.set_ylabel(t("plot_axis_score", lang, min=scale.min, max=scale.max))
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)


def shorten(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
