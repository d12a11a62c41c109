"""The framework browser: my level's behaviours with the next level's beside them."""

from __future__ import annotations

import html
from dataclasses import replace

import pytest

from lgtrack import Behaviour, Discipline, Text, load_framework
from lgtrack.ui import FrameworkBrowser

STUK = load_framework("stuk")
HOSTILE = "<img src=x onerror=alert(1)>"


def texts(behaviours, lang="da"):
    return [html.escape(b.text.get(lang)) for b in behaviours]


def test_my_levels_behaviours_and_the_next_levels_side_by_side():
    browser = FrameworkBrowser(STUK, "teamleder", "da")
    strategic = STUK.discipline("strategic")
    assert browser.discipline == "strategic"
    assert all(text in browser._general.value for text in texts(strategic.behaviours))
    assert all(text in browser._mine.value for text in texts(strategic.levels["teamleder"]))
    assert all(text in browser._next.value for text in texts(strategic.levels["kontorchef"]))
    assert "Mit niveau: Teamleder" in browser._mine.value
    assert "Næste niveau: Kontorchef" in browser._next.value
    assert not any(text in browser._mine.value for text in texts(strategic.levels["kontorchef"]))


def test_choosing_a_discipline_shows_its_behaviours():
    browser = FrameworkBrowser(STUK, "kontorchef", "da")
    browser.select("people")
    people = STUK.discipline("people")
    assert all(text in browser._mine.value for text in texts(people.levels["kontorchef"]))
    assert all(text in browser._next.value for text in texts(people.levels["vicedirektor"]))
    assert people.lead.da[:40] in browser._lead.value


def test_at_the_top_level_there_is_no_next_level():
    browser = FrameworkBrowser(STUK, "styrelsesdirektor", "en")
    assert "top leadership level" in browser._next.value
    assert "My level: Director General" in browser._mine.value


def test_switching_language_shows_english_names_and_texts():
    browser = FrameworkBrowser(STUK, "teamleder", "da")
    browser.select("self")
    browser.set_lang("en")
    assert browser.lang == "en" and browser.discipline == "self"
    assert ("Developing yourself as a leader", "self") in browser._discipline.options
    self_ = STUK.discipline("self")
    assert all(text in browser._mine.value for text in texts(self_.levels["teamleder"], "en"))


def test_set_level_changes_both_columns():
    browser = FrameworkBrowser(STUK, "teamleder")
    browser.set_level("vicedirektor")
    assert "Vicedirektør" in browser._mine.value and "Styrelsesdirektør" in browser._next.value
    with pytest.raises(ValueError, match="unknown level"):
        browser.set_level("chef")


def test_a_framework_without_levels_shows_its_general_behaviours():
    kodeks = load_framework("kodeks")
    browser = FrameworkBrowser(kodeks, None, "da")
    first = kodeks.disciplines[0]
    assert all(text in browser._general.value for text in texts(first.behaviours))
    assert "ingen ledelsesniveauer" in browser._mine.value


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="unknown level"):
        FrameworkBrowser(STUK, "chef")


def test_framework_text_is_escaped():
    hostile = Discipline(
        id="x",
        name=Text(HOSTILE, HOSTILE),
        behaviours=(Behaviour("x.g1", Text(HOSTILE, HOSTILE), "x"),),
        lead=Text(HOSTILE, HOSTILE),
    )
    framework = replace(STUK, name=Text(HOSTILE, HOSTILE), disciplines=(hostile,), levels=())
    browser = FrameworkBrowser(framework, None)
    shown = browser._title.value + browser._lead.value + browser._general.value
    assert "<img" not in shown and shown.count("&lt;img") == 3


def test_css_classes():
    browser = FrameworkBrowser(STUK, "teamleder")
    assert "lg-framework" in browser._dom_classes
    assert "lg-framework-discipline" in browser._discipline._dom_classes
    assert "lg-framework-mine" in browser._mine._dom_classes
    assert "lg-framework-next" in browser._next._dom_classes
