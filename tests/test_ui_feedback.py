"""The feedback widget: record feedback received, with ratings and "ved ikke"."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from lgtrack import Feedback, Journal, Rating
from lgtrack.ui import FeedbackWidget
from lgtrack.ui._ratings import DONT_KNOW

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    yield journal
    journal.close()


def test_feedback_is_stored_with_role_name_discipline_ratings_and_text(journal):
    widget = FeedbackWidget(journal)
    assert widget._day.value == date(2026, 11, 2)
    widget._day.value = date(2026, 10, 28)
    widget._role.value = "employee"
    widget._name.value = "CD"
    widget._discipline.value = "operational"
    widget._ratings.toggles["operational.g1"].value = 2
    widget._ratings.toggles["operational.teamleder.1"].value = DONT_KNOW
    widget._text.value = "Tydeligere prioriteringer, tak"
    widget._private.value = True
    widget._save.click()
    [item] = journal.feedback()
    assert (item.day, item.role, item.name, item.discipline) == (
        date(2026, 10, 28),
        "employee",
        "CD",
        "operational",
    )
    assert item.ratings == (Rating("operational.g1", 2), Rating("operational.teamleder.1", None))
    assert item.text == "Tydeligere prioriteringer, tak" and item.private is True
    assert "lg-msg-ok" in widget._status.value and "Medarbejder" in widget._status.value


def test_after_saving_the_form_resets_and_a_double_click_stores_once(journal):
    widget = FeedbackWidget(journal)
    widget._text.value = "Godt møde"
    widget._name.value = "EF"
    widget._save.click()
    widget._save.click()
    assert len(journal.feedback()) == 1
    assert widget._text.value == "" and widget._name.value == ""
    assert all(t.value is None for t in widget._ratings.toggles.values())


@pytest.mark.parametrize(
    ("day", "text", "message"),
    [
        (date(2026, 11, 3), "x", "fremtiden"),
        (None, "x", "Vælg datoen"),
        (date(2026, 11, 2), "  ", "mindst én vurdering"),
    ],
)
def test_invalid_feedback_shows_a_message_and_stores_nothing(journal, day, text, message):
    widget = FeedbackWidget(journal)
    widget._day.value = day
    widget._text.value = text
    widget._save.click()
    assert journal.feedback() == []
    assert "lg-msg-error" in widget._status.value and message in widget._status.value


def test_ratings_alone_are_enough(journal):
    widget = FeedbackWidget(journal)
    widget._ratings.toggles["strategic.g3"].value = 5
    widget._save.click()
    assert journal.feedback()[0].ratings == (Rating("strategic.g3", 5),)


def test_recent_feedback_is_listed_and_escaped(journal):
    journal.add_feedback(
        Feedback(day=date(2026, 10, 1), role="peer", discipline="self", text=HOSTILE, name=HOSTILE)
    )
    widget = FeedbackWidget(journal)
    assert "<img" not in widget._recent.value
    assert widget._recent.value.count("&lt;img src=x onerror=alert(1)&gt;") == 2


def test_the_saved_message_does_not_stay_in_the_old_language(journal):
    widget = FeedbackWidget(journal)
    widget._text.value = "Godt møde"
    widget._save.click()
    assert "lg-msg-ok" in widget._status.value
    widget.set_lang("en")
    assert widget._status.value == ""


def test_switching_language_relabels_roles_and_buttons(journal):
    widget = FeedbackWidget(journal)
    widget._role.value = "peer"
    widget.set_lang("en")
    assert ("Peer", "peer") in widget._role.options and widget._role.value == "peer"
    assert widget._save.description == "Save"
    assert widget._ratings.toggles["strategic.g1"].options[-1][0] == "Don't know"


def test_css_classes(journal):
    widget = FeedbackWidget(journal)
    assert "lg-feedback" in widget._dom_classes
    for child, css_class in (
        (widget._day, "lg-feedback-day"),
        (widget._role, "lg-feedback-role"),
        (widget._name, "lg-feedback-name"),
        (widget._text, "lg-feedback-text"),
        (widget._discipline, "lg-feedback-discipline"),
        (widget._save, "lg-feedback-save"),
        (widget._status, "lg-feedback-status"),
    ):
        assert css_class in child._dom_classes
    assert "lg-rating-strategic-g1" in widget._ratings.toggles["strategic.g1"]._dom_classes
