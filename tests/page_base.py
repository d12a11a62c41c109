"""What the page objects of ``pages.py`` are made of: finding a widget's parts by their CSS
classes, status lines, and small factories that declare a page's API by part name.

A page class names its parts by the end of their class: on a page with prefix ``lg-reflect``,
``part("next-step")`` is the child classed ``lg-reflect-next-step``; ``write_next_step =
fills("next-step")`` makes the method that types into it, ``next_step = shows("next-step")`` the
property that reads it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

DONT_KNOW = "?"  # the "Ved ikke" answer of a rating toggle; stored as a rating without score
_TAG = re.compile(r"<[^>]+>")
_KIND = re.compile(r"\blg-msg-(ok|error|info)\b")


def css_classes(widget: widgets.Widget) -> tuple[str, ...]:
    """The CSS classes of ``widget``: the one place that reads ipywidgets' ``_dom_classes``."""
    return tuple(getattr(widget, "_dom_classes", ()))


def descendants(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    """``widget`` and every widget inside it, depth first, in display order."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def rating_class(behaviour_id: str) -> str:
    """The class of a behaviour's rating buttons (``people.g1`` → ``lg-rating-people-g1``)."""
    return "lg-rating-" + behaviour_id.replace(".", "-")


def text_of(markup: str) -> str:
    """HTML as a reader sees it: tags dropped, entities decoded, white space collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


@dataclass(frozen=True)
class Message:
    """A status line: its HTML, its kind (``ok``, ``error``, ``info``; None when empty), text."""

    html: str

    @property
    def kind(self) -> str | None:
        found = _KIND.search(self.html)
        return found.group(1) if found else None

    @property
    def text(self) -> str:
        return text_of(self.html)


# -- factories for a page's API, by part name ----------------------------------------------------


def shows(part: str) -> property:
    """What ``part`` holds: a field's value, or the markup of an HTML view."""
    return property(lambda page: page.part(part).value)


def status_of(part: str = "status") -> property:
    """The status line ``part`` as a :class:`Message`."""
    return property(lambda page: Message(page.part(part).value))


def label_of(part: str) -> property:
    """The label (description) of a button or checkbox."""
    return property(lambda page: page.part(part).description)


def options_of(part: str) -> property:
    """The (label, value) choices of a dropdown or toggle."""
    return property(lambda page: list(page.part(part).options))


def is_hidden(part: str) -> property:
    return property(lambda page: page.part(part).layout.display == "none")


def enabled(part: str) -> property:
    return property(lambda page: not page.part(part).disabled)


def fills(part: str) -> Callable[[Page, Any], None]:
    """A method that types, picks or ticks ``value`` into ``part``."""

    def fill(page: Page, value: Any) -> None:
        page.part(part).value = value

    return fill


def presses(part: str) -> Callable[[Page], None]:
    """A method that clicks the button ``part``."""

    def press(page: Page) -> None:
        page.part(part).click()

    return press


class Page:
    """A widget seen from outside. ``root`` is the widget's own class; ``prefix`` starts the
    classes of its parts."""

    root = ""
    prefix = ""

    def __init__(self, widget: widgets.Widget):
        if self.root not in css_classes(widget):
            raise AssertionError(f"expected a {self.root} widget, got {css_classes(widget)}")
        self.widget = widget

    def find_all(self, css: str) -> list[widgets.Widget]:
        return [w for w in descendants(self.widget) if css in css_classes(w)]

    def find(self, css: str) -> widgets.Widget:
        """The one widget classed ``css`` on this page."""
        found = self.find_all(css)
        if len(found) != 1:
            raise LookupError(f"{len(found)} widgets classed {css!r} in {self.root}, not one")
        return found[0]

    def part(self, name: str) -> widgets.Widget:
        return self.find(f"{self.prefix}-{name}")

    @property
    def lang(self) -> str:
        return self.widget.lang

    def set_lang(self, lang: str) -> None:
        self.widget.set_lang(lang)

    def refresh(self) -> None:
        """Re-read the journal, as the page does when its tab is opened."""
        self.widget.refresh()

    # -- rating radio groups (1–5 and "Ved ikke") ---------------------------------------------

    def rating_toggle(self, behaviour_id: str) -> widgets.RadioButtons:
        return self.find(rating_class(behaviour_id))

    def rate(self, behaviour_id: str, score: int | str | None) -> None:
        """Answer ``score`` (1–5, :data:`DONT_KNOW`, or None to take the answer back)."""
        self.rating_toggle(behaviour_id).value = score

    def rating(self, behaviour_id: str) -> int | str | None:
        return self.rating_toggle(behaviour_id).value

    def rating_labels(self, behaviour_id: str) -> list[str]:
        return [label for label, _ in self.rating_toggle(behaviour_id).options]

    @property
    def rating_classes(self) -> list[str]:
        """The behaviour class of each rating row, in display order."""
        return [
            next(c for c in css_classes(toggle) if c.startswith("lg-rating-"))
            for toggle in self.find_all("lg-rating")
        ]

    @property
    def answers(self) -> dict[str, int | str]:
        """The answered rating rows: behaviour class → answer."""
        toggles = self.find_all("lg-rating")
        return {
            css: toggle.value
            for css, toggle in zip(self.rating_classes, toggles, strict=True)
            if toggle.value is not None
        }


class FormPage(Page):
    """A page that stores what is typed: discipline, text, "private", save, a status line."""

    choose_discipline = fills("discipline")
    discipline = shows("discipline")
    discipline_options = options_of("discipline")
    write = fills("text")
    text = shows("text")
    private = shows("private")
    save = presses("save")
    save_label = label_of("save")
    save_enabled = enabled("save")
    status = status_of()

    def mark_private(self, private: bool = True) -> None:
        self.part("private").value = private
