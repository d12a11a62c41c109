"""The framework for my level: each discipline's behaviours, with the next level's beside them."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from .._markup import Markup, html, join
from ..framework import Behaviour, Framework
from ..i18n import t
from ._common import classed, quiet, resolve_lang, set_options


def _behaviour_list(behaviours: Sequence[Behaviour], lang: str) -> Markup:
    items = join(html('<li class="lg-behaviour">{}</li>', b.text.get(lang)) for b in behaviours)
    return html("<ul>{}</ul>", items)


def _column(title: str, body: Markup) -> Markup:
    return html('<h4 style="margin:0.5em 0 0.2em">{}</h4>{}', title, body)


def _note(text: str) -> Markup:
    return html('<p style="color:#555"><i>{}</i></p>', text)


class FrameworkBrowser(widgets.VBox):
    """Browse a framework from ``level``'s point of view (``level`` may be None).

    Per discipline: the general behaviours, my level's behaviours, and the next level up's
    behaviours beside them.
    """

    def __init__(self, framework: Framework, level: str | None, lang: str = "da"):
        super().__init__()
        if level is not None and level not in framework.level_ids:
            raise ValueError(f"unknown level '{level}' (known: {', '.join(framework.level_ids)})")
        self._framework = framework
        self._level = level
        self._lang = resolve_lang(None, lang)
        self._title = classed(widgets.HTML(), "lg-framework-title")
        self._discipline = classed(
            widgets.ToggleButtons(options=[], style={"button_width": "auto"}),
            "lg-framework-discipline",
        )
        self._lead = classed(widgets.HTML(), "lg-framework-lead")
        self._general = classed(widgets.HTML(), "lg-framework-general")
        self._mine = classed(widgets.HTML(), "lg-framework-mine")
        self._next = classed(widgets.HTML(), "lg-framework-next")
        columns = widgets.HBox(
            [self._mine, self._next], layout=widgets.Layout(flex_flow="row wrap", width="100%")
        )
        for column in (self._mine, self._next):
            column.layout = widgets.Layout(flex="1 1 320px", padding="0 1em 0 0")
        self.children = [self._title, self._discipline, self._lead, self._general, columns]
        self._discipline.observe(self._on_discipline_value, "value")
        self._render()
        self.add_class("lg-framework")

    @property
    def discipline(self) -> str:
        return self._discipline.value

    @property
    def lang(self) -> str:
        return self._lang

    def select(self, discipline: str) -> None:
        """Show ``discipline`` (an id of the framework)."""
        self._discipline.value = discipline

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self._render()

    def set_level(self, level: str | None) -> None:
        if level is not None and level not in self._framework.level_ids:
            raise ValueError(f"unknown level '{level}'")
        self._level = level
        self._render()

    def _on_discipline_value(self, _change: dict) -> None:
        self._render_discipline()

    def _render(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3>", self._framework.name.get(lang))
        options = [(d.name.get(lang), d.id) for d in self._framework.disciplines]
        with quiet(self._discipline, self._on_discipline_value):
            set_options(self._discipline, options, self._discipline.value or options[0][1])
        self._render_discipline()

    def _render_discipline(self) -> None:
        lang, fw = self._lang, self._framework
        discipline = fw.discipline(self._discipline.value)
        self._lead.value = html("<p>{}</p>", discipline.lead.get(lang)) if discipline.lead else ""
        self._general.value = _column(
            t("ui.framework.general", lang), _behaviour_list(discipline.behaviours, lang)
        )
        if not fw.levels:
            self._mine.value = _note(t("ui.framework.no_levels", lang))
            self._next.value = ""
            return
        if self._level is None:
            self._mine.value = _note(t("ui.framework.no_level_chosen", lang))
            self._next.value = ""
            return
        self._mine.value = self._level_column(discipline.levels.get(self._level, ()), self._level)
        above = fw.next_level_up(self._level)
        if above is None:
            self._next.value = _column(
                t("ui.framework.next_level_none_title", lang),
                _note(t("ui.framework.top_level", lang)),
            )
        else:
            self._next.value = self._level_column(discipline.levels.get(above, ()), above, True)

    def _level_column(self, behaviours: Sequence[Behaviour], level: str, nxt: bool = False) -> str:
        lang = self._lang
        name = self._framework.level(level).name.get(lang)
        title = t("ui.framework.next_level" if nxt else "ui.framework.my_level", lang, level=name)
        body = (
            _behaviour_list(behaviours, lang) if behaviours else _note(t("ui.framework.none", lang))
        )
        return _column(title, body)
