"""Helpers shared by the widgets: status lines, languages, option lists, guards,
the base classes of the owner's pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Generic, TypeVar

import ipywidgets as widgets

from .._markup import Markup, html
from ..errors import LgtrackError
from ..framework import Framework
from ..i18n import LANGUAGES, t
from ..journal import Journal

Clock = Callable[[], datetime]
LANGUAGE_OPTIONS = (("Dansk", "da"), ("English", "en"))
ALL = ""  # the "any" choice of a filter dropdown
_COLOURS = {"ok": "#1b5e20", "error": "#b71c1c", "info": "#37474f"}
_ICONS = {"ok": "✓ ", "error": "⚠ ", "info": ""}


def snippet(text: str, limit: int = 80) -> str:
    """The first ``limit`` characters of ``text`` on one line (plain text, not escaped)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def status_html(kind: str, message: str) -> Markup:
    """A one-line message; ``kind`` is ``ok``, ``error`` or ``info`` (also a CSS class)."""
    return html(
        '<div class="lg-msg lg-msg-{kind}" style="color:{colour};font-weight:600">{icon}{text}</div>',
        kind=kind,
        colour=_COLOURS[kind],
        icon=_ICONS[kind],
        text=message,
    )


def error_message(error: LgtrackError | OSError, lang: str) -> str:
    """A core error as a sentence in the leader's language, the reason included (an OSError
    carries the system's own words)."""
    if isinstance(error, LgtrackError):
        return t("ui.not_saved", lang, reason=error.render(lang))
    return t("ui.not_saved", lang, reason=error.strerror or str(error))


def resolve_lang(journal: Journal | None, lang: str | None) -> str:
    """``lang`` if given, else the profile's language, else Danish."""
    if lang is not None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}' (known: {', '.join(LANGUAGES)})")
        return lang
    me = journal.me() if journal is not None else None
    return me.lang if me is not None else "da"


def classed(widget: Any, *classes: str) -> Any:
    """``widget`` with the CSS ``classes`` added (stable selectors for browser tests)."""
    for name in classes:
        widget.add_class(name)
    return widget


def hide(widget: widgets.Widget, hidden: bool = True) -> None:
    widget.layout.display = "none" if hidden else None


def discipline_options(
    framework: Framework, lang: str, suggested: str | None = None
) -> list[tuple[str, str]]:
    """(label, id) per discipline; the suggested one is marked "(foreslået)"/"(suggested)"."""
    marker = t("ui.suggested", lang)
    return [
        (f"{d.name.get(lang)} {marker}" if d.id == suggested else d.name.get(lang), d.id)
        for d in framework.disciplines
    ]


@contextmanager
def quiet(widget: widgets.Widget, handler: Callable, name: str = "value") -> Iterator[None]:
    """Change ``widget`` without ``handler`` seeing it (e.g. while relabelling options)."""
    widget.unobserve(handler, name)
    try:
        yield
    finally:
        widget.observe(handler, name)


def set_options(selector: Any, options: Sequence[tuple[str, Any]], value: Any = None) -> None:
    """Replace a selector's options, keeping ``value`` (or the current one) when still offered,
    else choosing the first option."""
    keep = selector.value if value is None else value
    selector.options = list(options)
    values = [v for _, v in options]
    if values:
        selector.value = keep if keep in values else values[0]


_TAG_SPLIT = re.compile(r"[\s,;]+")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as ``#a b, c`` → ``('a', 'b', 'c')`` (without duplicates, in order)."""
    tags = (part.lstrip("#") for part in _TAG_SPLIT.split(text.strip()))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def number(value: int, lang: str) -> str:
    """``100000`` as ``100.000`` (da) or ``100,000`` (en)."""
    from ..formatting import number as formatted

    return formatted(value, lang)


def today_of(clock: Clock) -> date:
    return clock().date()


class SaveGuard:
    """Stops a double click from saving twice.

    While a save runs the button is disabled and further clicks are ignored; after a successful
    save, clicks are ignored until the form is changed again (:meth:`touch`).
    """

    def __init__(self, button: widgets.Button):
        self._button = button
        self._busy = False
        self._saved_unchanged = False

    def touch(self) -> None:
        """The form changed: the next click may save again."""
        self._saved_unchanged = False

    def saved(self) -> None:
        """The form was saved and reset: ignore clicks until it changes."""
        self._saved_unchanged = True

    def run(self, action: Callable[[], None]) -> None:
        if self._busy or self._saved_unchanged:
            return
        self._busy = True
        self._button.disabled = True
        try:
            action()
        finally:
            self._busy = False
            self._button.disabled = False


class LeaderPage(widgets.VBox):
    """A page of the journal owner's: the journal, "now", the language, the owner and the
    owner's framework (``_journal``, ``_clock``, ``_lang``, ``_leader``, ``_framework``)."""

    def __init__(self, journal: Journal, clock: Clock | None, lang: str | None):
        super().__init__()
        self._journal = journal
        self._clock = clock or journal.clock
        self._leader = journal.require_me()
        self._framework = journal.framework_for(self._leader)
        self._lang = resolve_lang(journal, lang)

    @property
    def lang(self) -> str:
        return self._lang


Entry = TypeVar("Entry")


class FormPage(LeaderPage, Generic[Entry]):
    """A page with a form that stores an entry: the save guard, the status line and listeners.

    A subclass sets ``_status`` (HTML) and ``_guard`` (:class:`SaveGuard`) and defines
    ``_problem()`` (what is wrong with the form, or None), ``_add()`` (store the form's entry,
    return it as stored) and ``_after_save(stored)`` (reset the form; return the "saved" message).
    """

    _status: widgets.HTML
    _guard: SaveGuard

    def __init__(self, journal: Journal, clock: Clock | None, lang: str | None):
        super().__init__(journal, clock, lang)
        self._saved_listeners: list[Callable[[Entry], None]] = []

    def on_saved(self, callback: Callable[[Entry], None]) -> None:
        """Call ``callback(entry)`` after each entry is stored."""
        self._saved_listeners.append(callback)

    def _notify(self, entry: Entry) -> None:
        for callback in self._saved_listeners:
            callback(entry)

    def _on_form_value(self, _change: dict) -> None:
        self._touch()

    def _touch(self) -> None:
        self._guard.touch()
        if self._status.value:
            self._status.value = ""

    def _on_save_click(self, _button: widgets.Button) -> None:
        self._guard.run(self._store)

    def _store(self) -> None:
        problem = self._problem()
        if problem:
            self._status.value = status_html("error", problem)
            return
        try:
            stored = self._add()
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))
            return
        message = self._after_save(stored)
        self._guard.saved()
        self._status.value = status_html("ok", message)
        self._notify(stored)

    def _problem(self) -> str | None:
        raise NotImplementedError

    def _add(self) -> Entry:
        raise NotImplementedError

    def _after_save(self, stored: Entry) -> str:
        raise NotImplementedError
