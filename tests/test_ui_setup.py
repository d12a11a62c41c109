"""The setup widget creates the profile on first run."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from pages import SetupPage, css_classes

from lgtrack import Journal, load_framework
from lgtrack.ui import SetupWidget


@pytest.fixture
def journal():
    journal = Journal.open(":memory:")
    yield journal
    journal.close()


def test_setup_creates_the_profile_and_calls_on_done(journal):
    widget = SetupWidget(journal)
    page = SetupPage(widget)
    done = []
    widget.on_done(done.append)
    page.type_name("  AB  ")
    page.choose_level("kontorchef")
    page.choose_language("en")
    page.save()
    me = journal.me()
    assert (me.name, me.level, me.lang, me.framework_id) == ("AB", "kontorchef", "en", "stuk")
    assert done == [me]
    assert page.status.kind == "ok" and "AB" in page.status.text


def test_the_level_dropdown_offers_the_frameworks_levels_by_name(journal):
    page = SetupPage(SetupWidget(journal))
    assert page.level is None
    assert page.level_options[-1] == ("Teamleder", "teamleder")
    assert [v for _, v in page.level_options] == list(load_framework("stuk").level_ids)


@pytest.mark.parametrize(
    ("name", "level", "message"),
    [
        ("", "teamleder", "et navn eller initialer"),
        ("AB", None, "ledelsesniveau"),
        ("x" * 501, "teamleder", "længere end 500 tegn"),
    ],
)
def test_invalid_input_shows_a_message_and_stores_nothing(journal, name, level, message):
    widget = SetupWidget(journal)
    page = SetupPage(widget)
    done = []
    widget.on_done(done.append)
    page.type_name(name)
    page.choose_level(level)
    page.save()
    assert journal.me() is None and done == []
    assert page.status.kind == "error" and message in page.status.text


def test_choosing_english_relabels_the_widget(journal):
    page = SetupPage(SetupWidget(journal))
    assert page.save_label == "Opret profil"
    page.choose_language("en")
    assert page.save_label == "Create profile"
    assert page.level_options[-1] == ("Team Leader", "teamleder")
    page.set_lang("da")
    assert page.lang == "da" and page.save_label == "Opret profil"


def test_a_double_click_calls_on_done_once(journal):
    widget = SetupWidget(journal)
    page = SetupPage(widget)
    done = []
    widget.on_done(done.append)
    page.type_name("AB")
    page.choose_level("teamleder")
    page.save()
    page.save()
    assert len(done) == 1


def test_a_framework_without_levels_needs_no_level(journal):
    page = SetupPage(SetupWidget(journal, "kodeks"))
    assert page.level_hidden
    page.type_name("CD")
    page.save()
    me = journal.me()
    assert (me.level, me.framework_id) == (None, "kodeks")


def test_an_existing_profile_is_shown_for_changing(journal):
    journal.set_profile("AB", "vicedirektor", lang="en", unit="Kontor X")
    page = SetupPage(SetupWidget(journal))
    assert (page.name, page.level, page.lang) == ("AB", "vicedirektor", "en")
    page.choose_level("kontorchef")
    page.save()
    me = journal.me()
    assert (me.level, me.unit) == ("kontorchef", "Kontor X")
    assert len(journal.leaders()) == 1


def test_css_classes(journal):
    page = SetupPage(SetupWidget(journal))
    assert "lg-setup" in css_classes(page.widget)
    for css_class, kind in (
        ("lg-setup-name", widgets.Text),
        ("lg-setup-level", widgets.Dropdown),
        ("lg-setup-lang", widgets.ToggleButtons),
        ("lg-setup-save", widgets.Button),
        ("lg-setup-status", widgets.HTML),
    ):
        assert isinstance(page.find(css_class), kind), css_class
