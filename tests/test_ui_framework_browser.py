"""The framework browser: my level's behaviours with the next level's beside them."""

from __future__ import annotations

import html
from dataclasses import replace

import pytest
from pages import FrameworkBrowserPage, css_classes

from lgtrack import Behaviour, Discipline, Text, load_framework
from lgtrack.ui import FrameworkBrowser

STUK = load_framework("stuk")
HOSTILE = "<img src=x onerror=alert(1)>"


def texts(behaviours, lang="da"):
    return [html.escape(b.text.get(lang)) for b in behaviours]


def browse(framework, level, *lang: str) -> FrameworkBrowserPage:
    return FrameworkBrowserPage(FrameworkBrowser(framework, level, *lang))


def test_my_levels_behaviours_and_the_next_levels_side_by_side():
    page = browse(STUK, "teamleder", "da")
    strategic = STUK.discipline("strategic")
    general, mine, above = page.html("general"), page.html("mine"), page.html("next")
    assert page.discipline == "strategic"
    assert all(text in general for text in texts(strategic.behaviours))
    assert all(text in mine for text in texts(strategic.levels["teamleder"]))
    assert all(text in above for text in texts(strategic.levels["kontorchef"]))
    assert "Mit niveau: Teamleder" in mine
    assert "Næste niveau: Kontorchef" in above
    assert not any(text in mine for text in texts(strategic.levels["kontorchef"]))


def test_choosing_a_discipline_shows_its_behaviours():
    page = browse(STUK, "kontorchef", "da")
    page.choose_discipline("people")
    people = STUK.discipline("people")
    assert all(text in page.html("mine") for text in texts(people.levels["kontorchef"]))
    assert all(text in page.html("next") for text in texts(people.levels["vicedirektor"]))
    assert people.lead.da[:40] in page.html("lead")


def test_at_the_top_level_there_is_no_next_level():
    page = browse(STUK, "styrelsesdirektor", "en")
    assert "top leadership level" in page.html("next")
    assert "My level: Director General" in page.html("mine")


def test_switching_language_shows_english_names_and_texts():
    page = browse(STUK, "teamleder", "da")
    page.choose_discipline("self")
    page.set_lang("en")
    assert page.lang == "en" and page.discipline == "self"
    assert ("Developing yourself as a leader", "self") in page.discipline_options
    self_ = STUK.discipline("self")
    assert all(text in page.html("mine") for text in texts(self_.levels["teamleder"], "en"))


def test_set_level_changes_both_columns():
    browser = FrameworkBrowser(STUK, "teamleder")
    page = FrameworkBrowserPage(browser)
    browser.set_level("vicedirektor")
    assert "Vicedirektør" in page.html("mine") and "Styrelsesdirektør" in page.html("next")
    with pytest.raises(ValueError, match="unknown level"):
        browser.set_level("chef")


def test_a_framework_without_levels_shows_its_general_behaviours():
    kodeks = load_framework("kodeks")
    page = browse(kodeks, None, "da")
    first = kodeks.disciplines[0]
    assert all(text in page.html("general") for text in texts(first.behaviours))
    assert "ingen ledelsesniveauer" in page.html("mine")


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
    page = browse(framework, None)
    shown = page.html("title") + page.html("lead") + page.html("general")
    assert "<img" not in shown and shown.count("&lt;img") == 3


def test_css_classes():
    page = browse(STUK, "teamleder")
    assert "lg-framework" in css_classes(page.widget)
    for css_class in ("lg-framework-discipline", "lg-framework-mine", "lg-framework-next"):
        assert page.find(css_class) is not None
