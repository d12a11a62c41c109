"""First run: create the leader's profile (name or initials, level, language)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from .._markup import html
from ..errors import LgtrackError
from ..framework import Framework, load_framework
from ..i18n import t
from ..journal import Journal
from ..records import Leader
from ._common import (
    LANGUAGE_OPTIONS,
    SaveGuard,
    classed,
    error_message,
    hide,
    quiet,
    resolve_lang,
    set_options,
    status_html,
)


class SetupWidget(widgets.VBox):
    """Create (or change) the journal owner's profile.

    ``framework_id`` is a bundled framework id, a path to a framework file, or a Framework.
    When a profile exists it is shown for changing (its framework stays).
    Register :meth:`on_done` callbacks to continue once the profile is stored.
    """

    def __init__(
        self,
        journal: Journal,
        framework_id: str | Path | Framework = "stuk",
        *,
        lang: str | None = None,
    ):
        super().__init__()
        self._journal = journal
        me = journal.me()
        if me is not None:  # a profile keeps its framework: ratings refer to its behaviours
            self._framework = journal.framework()
        elif isinstance(framework_id, Framework):
            self._framework = framework_id
        else:
            self._framework = load_framework(framework_id)
        self._lang = resolve_lang(journal, lang)
        self._done_listeners: list[Callable[[Leader], None]] = []
        self._build()
        self._guard = SaveGuard(self._save)
        self._fill_from_profile(me)
        self._render_labels()
        self.add_class("lg-setup")

    @property
    def lang(self) -> str:
        return self._lang

    def on_done(self, callback: Callable[[Leader], None]) -> None:
        """Call ``callback(leader)`` once the profile is stored."""
        self._done_listeners.append(callback)

    def set_lang(self, lang: str) -> None:
        self._language.value = resolve_lang(None, lang)

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._intro = widgets.HTML()
        self._name_label = widgets.HTML()
        self._name = classed(widgets.Text(layout=widgets.Layout(width="24em")), "lg-setup-name")
        self._level_label = widgets.HTML()
        self._level = classed(
            widgets.Dropdown(options=[], value=None, layout=widgets.Layout(width="24em")),
            "lg-setup-level",
        )
        self._language_label = widgets.HTML()
        self._language = classed(
            widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self._lang), "lg-setup-lang"
        )
        self._save = classed(widgets.Button(button_style="primary", icon="check"), "lg-setup-save")
        self._status = classed(widgets.HTML(), "lg-setup-status")
        self.children = [
            self._title,
            self._intro,
            self._name_label,
            self._name,
            self._level_label,
            self._level,
            self._language_label,
            self._language,
            self._save,
            self._status,
        ]
        hide(self._level_label, not self._framework.levels)
        hide(self._level, not self._framework.levels)
        self._language.observe(self._on_language_value, "value")
        self._save.on_click(self._on_save_click)
        for field in (self._name, self._level):
            field.observe(self._on_form_value, "value")

    def _fill_from_profile(self, me: Leader | None) -> None:
        if me is None:
            return
        self._name.value = me.name
        self._level.options = [(me.level or "", me.level)] if me.level else []
        self._level.value = me.level
        self._language.value = me.lang

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3>", t("ui.setup.title", lang))
        intro = t("ui.setup.intro", lang, framework=self._framework.name.get(lang))
        self._intro.value = html("<p>{}</p>", intro)
        self._name_label.value = html("<b>{}</b>", t("ui.setup.name", lang))
        self._name.placeholder = t("ui.setup.name_placeholder", lang)
        self._level_label.value = html("<b>{}</b>", t("ui.setup.level", lang))
        self._language_label.value = html("<b>{}</b>", t("ui.setup.language", lang))
        self._save.description = t("ui.setup.save", lang)
        levels = [(level.name.get(lang), level.id) for level in self._framework.levels]
        chosen = self._level.value  # None until the leader picks one: no level is assumed
        with quiet(self._level, self._on_form_value):
            set_options(self._level, levels)
            if chosen not in self._framework.level_ids:
                self._level.value = None

    def _on_language_value(self, change: dict) -> None:
        self._lang = change["new"]
        self._render_labels()
        self._status.value = ""
        self._guard.touch()

    def _on_form_value(self, _change: dict) -> None:
        self._guard.touch()
        self._status.value = ""

    def _on_save_click(self, _button: widgets.Button) -> None:
        self._guard.run(self._store)

    def _problem(self) -> str | None:
        # name and unit are the journal's validation, worded as everywhere else
        if self._framework.levels and self._level.value is None:
            return t("ui.setup.error.level", self._lang)
        return None

    def _store(self) -> None:
        problem = self._problem()
        if problem:
            self._status.value = status_html("error", problem)
            return
        me = self._journal.me()
        try:
            leader = self._journal.set_profile(
                self._name.value.strip(),
                self._level.value if self._framework.levels else None,
                framework=self._framework,
                lang=self._lang,
                unit=me.unit if me else "",
            )
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))
            return
        self._guard.saved()
        self._status.value = status_html("ok", t("ui.setup.saved", self._lang, name=leader.name))
        for callback in self._done_listeners:
            callback(leader)
