"""The "My development" page: how my leadership develops, drawn from my own journal.

Controls: the period shown, all disciplines or one (one: behaviour by behaviour), a level overlay
(the next level up and the periods spent at each level) and the rolling-mean window. Views, one
per tab: trends, behaviour × month, self vs others (radar and a short table), coverage of my level
(and of the next level up), goals, and cadence (a one-line status and a calendar).

The journal's frames are read once per :meth:`DevelopmentWidget.refresh`; a control change
redraws only the views it affects, each from the frames cut to the controls' choice
(:mod:`lgtrack.ui._development_data`). Each figure is drawn wide and narrow and shown as one
picture that the browser fits to its screen (:mod:`lgtrack.ui._figures`): a bare matplotlib
``Figure`` shows as text in a kernel where pyplot was never imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import date

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from .. import analysis as an
from .. import plots
from .._markup import html
from ..framework import Framework
from ..i18n import LANGUAGES, t
from ..journal import Journal
from ..records import Leader
from . import _development_data as data
from ._a11y import name_controls
from ._common import (
    ALL,
    Clock,
    classed,
    discipline_options,
    hide,
    quiet,
    resolve_lang,
    set_options,
    today_of,
)
from ._development_data import PERIOD_MONTHS
from ._development_text import (
    cadence_line,
    coverage_html,
    figure_alt,
    next_level_html,
    perception_html,
)
from ._figures import figure_output
from .effects import EffectsWidget

WINDOWS = (30, 60, 90)
TABS = ("trends", "heatmap", "perception", "coverage", "goals", "cadence")  # ui.development.tab.*
_LABEL_KEYS = ("ui.development.period", "ui.development.discipline", "ui.development.window")
FIGURES = ("trends", "heatmap", "radar", "coverage", "next_level", "goals", "cadence")
# What each control redraws.
_DEPENDS = {
    "period": ("trends", "heatmap", "radar", "table", "goals", "cadence"),
    "discipline": ("trends", "heatmap", "table", "coverage_lists", "next_level", "goals"),
    "overlay": ("trends", "next_level"),
    "window": ("trends",),
}
_ALL_VIEWS = (*FIGURES, "table", "coverage_lists", "cadence_line")
_FRAME_NAMES = tuple(field.name for field in fields(an.JournalFrames))


class DevelopmentWidget(widgets.VBox):
    """My development over time, for the journal's owner.

    ``clock`` fixes "now" (default: the journal's clock); ``lang`` defaults to the profile's.
    Without a profile the page is a one-line note pointing to setup.
    """

    def __init__(self, journal: Journal, *, clock: Clock | None = None, lang: str | None = None):
        super().__init__()
        self._journal = journal
        self._clock = clock or journal.clock
        self._lang = resolve_lang(journal, lang)
        self._me: Leader | None = None
        self._framework: Framework | None = None
        self._frames: an.JournalFrames | None = None
        self._today = today_of(self._clock)
        self._figures: dict[str, dict[str, Figure]] = {}
        self._built = False
        self._note = classed(widgets.HTML(), "lg-development-note")
        self.add_class("lg-development")
        self.refresh()

    # -- public API ----------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self._lang

    def figure(self, view: str, layout: str = "wide") -> Figure | None:
        """The figure shown in ``view`` (one of :data:`FIGURES`) on a wide screen, or with
        ``layout="narrow"`` on a phone; None when none is shown."""
        return self._figures.get(view, {}).get(layout)

    def set_lang(self, lang: str) -> None:
        """Show every label and figure in ``lang`` (``da`` or ``en``)."""
        lang = resolve_lang(None, lang)
        if lang == self._lang:
            return
        self._lang = lang
        if self._built and self._me is not None:
            self._effects.set_lang(lang)
            self._render_labels()
            self._render(_ALL_VIEWS)

    def refresh(self) -> None:
        """Re-read the journal (e.g. after a new reflection) and redraw what changed."""
        me = self._journal.me()
        if me is None:
            self._me = None
            self._note.value = html(
                "<p><i>{}</i></p>",
                " · ".join(t("ui.development.no_profile", lang) for lang in LANGUAGES),
            )
            self.children = [self._note]
            return
        frames, today = an.JournalFrames.load(self._journal), today_of(self._clock)
        if self._unchanged(me, frames, today):
            return
        self._me, self._frames, self._today = me, frames, today
        self._framework = self._journal.framework()
        if not self._built:
            self._build()
        self._load_coverage()
        self._render_labels()
        self._render(_ALL_VIEWS)
        self.children = self._page

    def _unchanged(self, me: Leader, frames: an.JournalFrames, today: date) -> bool:
        old = self._frames
        if not self._built or old is None or (me, today) != (self._me, self._today):
            return False
        return all(getattr(old, name).equals(getattr(frames, name)) for name in _FRAME_NAMES)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._title.add_class("lg-development-title")
        self._labels = {key: widgets.HTML() for key in _LABEL_KEYS}
        small = {"button_width": "auto"}
        self._period = classed(widgets.ToggleButtons(style=small), "lg-development-period")
        self._discipline = classed(widgets.Dropdown(), "lg-development-discipline")
        self._window = classed(widgets.ToggleButtons(style=small), "lg-development-window")
        self._overlay = classed(
            widgets.Checkbox(value=True, indent=False, layout=widgets.Layout(width="auto")),
            "lg-development-overlay",
        )
        self._refresh = classed(widgets.Button(icon="refresh"), "lg-development-refresh")
        self._outputs = {
            view: classed(widgets.Output(), f"lg-development-{view.replace('_', '-')}")
            for view in FIGURES
        }
        self._table = classed(widgets.HTML(), "lg-development-table")
        self._coverage_lists = classed(widgets.HTML(), "lg-development-coverage-lists")
        self._next_list = classed(widgets.HTML(), "lg-development-next-level-list")
        self._next_box = widgets.VBox([self._outputs["next_level"], self._next_list])
        self._next_box.add_class("lg-development-next-level-box")
        self._cadence_line = classed(widgets.HTML(), "lg-development-cadence-line")
        self._tabs = classed(widgets.Tab(children=self._tab_pages()), "lg-development-tabs")
        # the effektbillede: its reminder, form and plot (#13, lgtrack/ui/effects.py)
        self._effects = EffectsWidget(self._journal, clock=self._clock, lang=self._lang)
        self._page = [self._title, self._controls(), self._tabs, self._effects]
        self._period.observe(self._on_period_value, "value")
        self._discipline.observe(self._on_discipline_value, "value")
        self._window.observe(self._on_window_value, "value")
        self._overlay.observe(self._on_overlay_value, "value")
        self._refresh.on_click(self._on_refresh_click)
        self._built = True

    def _controls(self) -> widgets.Box:
        def field(key: str, control: widgets.Widget) -> widgets.VBox:
            return widgets.VBox(
                [self._labels[key], control], layout=widgets.Layout(margin="0 1em 0 0")
            )

        row = widgets.HBox(
            [
                field("ui.development.period", self._period),
                field("ui.development.discipline", self._discipline),
                field("ui.development.window", self._window),
                widgets.VBox([self._overlay, self._refresh]),
            ],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-end"),
        )
        return classed(row, "lg-development-controls")

    def _tab_pages(self) -> list[widgets.Widget]:
        out = self._outputs
        pages = {
            "trends": [out["trends"]],
            "heatmap": [out["heatmap"]],
            "perception": [out["radar"], self._table],
            "coverage": [out["coverage"], self._coverage_lists, self._next_box],
            "goals": [out["goals"]],
            "cadence": [self._cadence_line, out["cadence"]],
        }
        return [classed(widgets.VBox(pages[name]), f"lg-development-tab-{name}") for name in TABS]

    def _render_labels(self) -> None:
        lang, fw = self._lang, self._framework
        self._title.value = html("<h3>{}</h3>", t("ui.development.title", lang))
        for key, label in self._labels.items():
            label.value = html("<b>{}</b>", t(key, lang))
        controls = (self._period, self._discipline, self._window)
        name_controls(zip((t(key, lang) for key in _LABEL_KEYS), controls, strict=True))
        self._tabs.titles = tuple(t(f"ui.development.tab.{name}", lang) for name in TABS)
        self._refresh.description = t("ui.development.refresh", lang)
        periods = [(t(f"ui.development.period.{p}", lang), p) for p in PERIOD_MONTHS]
        windows = [(t("ui.development.days", lang, days=days), days) for days in WINDOWS]
        disciplines = [(t("ui.development.all_disciplines", lang), ALL)]
        disciplines += discipline_options(fw, lang)
        for control, handler, options, default in (
            (self._period, self._on_period_value, periods, "1y"),
            (self._window, self._on_window_value, windows, 90),
            (self._discipline, self._on_discipline_value, disciplines, ALL),
        ):
            with quiet(control, handler):
                set_options(control, options, control.value if control.options else default)
        up = self._next_level_id()
        with quiet(self._overlay, self._on_overlay_value):
            self._overlay.disabled = up is None
            if up is None:
                self._overlay.value = False
                self._overlay.description = t("ui.development.overlay_top", lang)
            else:
                name = fw.level(up).name.get(lang)
                self._overlay.description = t("ui.development.overlay", lang, level=name)

    # -- events --------------------------------------------------------------------------------

    def _on_period_value(self, _change: dict) -> None:
        self._render(_DEPENDS["period"])

    def _on_discipline_value(self, _change: dict) -> None:
        self._render(_DEPENDS["discipline"])

    def _on_window_value(self, _change: dict) -> None:
        self._render(_DEPENDS["window"])

    def _on_overlay_value(self, _change: dict) -> None:
        self._render(_DEPENDS["overlay"])

    def _on_refresh_click(self, _button: widgets.Button) -> None:
        self.refresh()

    # -- views ---------------------------------------------------------------------------------

    def _render(self, views) -> None:
        for view in _ALL_VIEWS:  # in a fixed order, each at most once
            if view in views:
                getattr(self, f"_draw_{view}")()

    def _show(self, view: str, plot: Callable[..., Figure] | None = None, /, *args,
              behaviours: Iterable[str] = (), **options) -> None:  # fmt: skip
        """Show ``plot(*args, **options)`` drawn in each layout, with the full texts of the
        ``behaviours`` its labels shorten as its text alternative; no ``plot``: nothing."""
        output = self._outputs[view]
        output.outputs = ()
        if plot is None:
            self._figures.pop(view, None)
            return
        figures = {
            layout: plot(*args, lang=self._lang, layout=layout, **options)
            for layout in plots.LAYOUTS
        }
        self._figures[view] = figures
        alt = figure_alt(figures["wide"], self._framework, behaviours, self._lang)
        output.outputs = (figure_output(figures["wide"], figures["narrow"], alt),)

    def _selection(self) -> data.Selection:
        return data.Selection(
            self._frames, self._framework, self._me.level, self._today,
            since=data.period_start(self._period.value, self._today),
            discipline=self._discipline.value or None, window=self._window.value,
        )  # fmt: skip

    def _next_level_id(self) -> str | None:
        level = self._me.level
        return self._framework.next_level_up(level) if level in self._framework.level_ids else None

    def _load_coverage(self) -> None:  # before the controls have values: no period, no choice
        selection = data.Selection(self._frames, self._framework, self._me.level, self._today)
        self._coverage = data.coverage(selection, self._me.level)
        self._next = data.next_level(selection)

    def _draw_trends(self) -> None:
        selection = self._selection()
        trends, ratings = data.trends(selection), self._frames.ratings
        levels = an.level_periods(ratings) if self._overlay.value else None
        shown = trends.get("behaviour", ()) if selection.discipline else ()
        fw = self._framework
        self._show("trends", plots.plot_trends, trends, fw, levels=levels, behaviours=shown)

    def _draw_heatmap(self) -> None:
        monthly = data.monthly(self._selection())
        shown = monthly.get("behaviour", ())
        fw = self._framework
        self._show("heatmap", plots.plot_behaviour_heatmap, monthly, fw, behaviours=shown)

    def _draw_radar(self) -> None:
        self._show("radar", plots.plot_radar, data.perception(self._selection()), self._framework)

    def _draw_table(self) -> None:
        selection = self._selection()
        table = data.perception(selection, table=True)
        fw, discipline = self._framework, selection.discipline
        self._table.value = perception_html(table, fw, discipline, self._lang)

    def _draw_coverage(self) -> None:
        self._show("coverage", plots.plot_coverage, self._coverage, self._framework)

    def _draw_coverage_lists(self) -> None:
        rows = self._selection().in_discipline(self._coverage)
        self._coverage_lists.value = coverage_html(rows, self._framework, self._lang)

    def _draw_next_level(self) -> None:
        up = self._next_level_id() if self._overlay.value else None
        hide(self._next_box, up is None)
        if up is None:
            self._show("next_level")
            self._next_list.value = ""
            return
        selection, fw = self._selection(), self._framework
        self._show("next_level", plots.plot_coverage, data.coverage(selection, up), fw)
        name = fw.level(up).name.get(self._lang)
        rows = selection.in_discipline(self._next)
        self._next_list.value = next_level_html(rows, fw, name, self._lang)

    def _draw_goals(self) -> None:
        status, progress = data.goals(self._selection())
        day = pd.Timestamp(self._today)
        self._show("goals", plots.plot_goal_timeline, status, day, progress=progress)

    def _draw_cadence(self) -> None:
        self._show("cadence", plots.plot_cadence_calendar, data.daily(self._selection()))

    def _draw_cadence_line(self) -> None:
        status = an.cadence_status(self._frames.reflections, self._today)
        self._cadence_line.value = html("<p><b>{}</b></p>", cadence_line(status, self._lang))
