"""The setup widget creates the profile on first run."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from lgtrack import Journal, load_framework
from lgtrack.ui import SetupWidget


@pytest.fixture
def journal():
    journal = Journal.open(":memory:")
    yield journal
    journal.close()


def test_setup_creates_the_profile_and_calls_on_done(journal):
    widget = SetupWidget(journal)
    done = []
    widget.on_done(done.append)
    widget._name.value = "  AB  "
    widget._level.value = "kontorchef"
    widget._language.value = "en"
    widget._save.click()
    me = journal.me()
    assert (me.name, me.level, me.lang, me.framework_id) == ("AB", "kontorchef", "en", "stuk")
    assert done == [me]
    assert "lg-msg-ok" in widget._status.value and "AB" in widget._status.value


def test_the_level_dropdown_offers_the_frameworks_levels_by_name(journal):
    widget = SetupWidget(journal)
    assert widget._level.value is None
    assert widget._level.options[-1] == ("Teamleder", "teamleder")
    assert [v for _, v in widget._level.options] == list(load_framework("stuk").level_ids)


@pytest.mark.parametrize(
    ("name", "level", "message"),
    [
        ("", "teamleder", "navn eller dine initialer"),
        ("AB", None, "ledelsesniveau"),
        ("x" * 501, "teamleder", "for langt"),
    ],
)
def test_invalid_input_shows_a_message_and_stores_nothing(journal, name, level, message):
    widget = SetupWidget(journal)
    done = []
    widget.on_done(done.append)
    widget._name.value = name
    widget._level.value = level
    widget._save.click()
    assert journal.me() is None and done == []
    assert "lg-msg-error" in widget._status.value and message in widget._status.value


def test_choosing_english_relabels_the_widget(journal):
    widget = SetupWidget(journal)
    assert widget._save.description == "Opret profil"
    widget._language.value = "en"
    assert widget._save.description == "Create profile"
    assert widget._level.options[-1] == ("Team Leader", "teamleder")
    widget.set_lang("da")
    assert widget.lang == "da" and widget._save.description == "Opret profil"


def test_a_double_click_calls_on_done_once(journal):
    widget = SetupWidget(journal)
    done = []
    widget.on_done(done.append)
    widget._name.value = "AB"
    widget._level.value = "teamleder"
    widget._save.click()
    widget._save.click()
    assert len(done) == 1


def test_a_framework_without_levels_needs_no_level(journal):
    widget = SetupWidget(journal, "kodeks")
    assert widget._level.layout.display == "none"
    widget._name.value = "CD"
    widget._save.click()
    me = journal.me()
    assert (me.level, me.framework_id) == (None, "kodeks")


def test_an_existing_profile_is_shown_for_changing(journal):
    journal.set_profile("AB", "vicedirektor", lang="en", unit="Kontor X")
    widget = SetupWidget(journal)
    assert (widget._name.value, widget._level.value, widget.lang) == ("AB", "vicedirektor", "en")
    widget._level.value = "kontorchef"
    widget._save.click()
    me = journal.me()
    assert (me.level, me.unit) == ("kontorchef", "Kontor X")
    assert len(journal.leaders()) == 1


def test_css_classes(journal):
    widget = SetupWidget(journal)
    assert "lg-setup" in widget._dom_classes
    for child, css_class, kind in (
        (widget._name, "lg-setup-name", widgets.Text),
        (widget._level, "lg-setup-level", widgets.Dropdown),
        (widget._language, "lg-setup-lang", widgets.ToggleButtons),
        (widget._save, "lg-setup-save", widgets.Button),
        (widget._status, "lg-setup-status", widgets.HTML),
    ):
        assert css_class in child._dom_classes and isinstance(child, kind)
