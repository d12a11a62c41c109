"""The feedback widget: record feedback received, with ratings and "ved ikke"."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pages import DONT_KNOW, FeedbackPage, css_classes

from lgtrack import Feedback, Journal, Rating
from lgtrack.ui import FeedbackWidget

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    yield journal
    journal.close()


@pytest.fixture
def page(journal) -> FeedbackPage:
    return FeedbackPage(FeedbackWidget(journal))


def test_feedback_is_stored_with_role_name_discipline_ratings_and_text(journal, page):
    assert page.day == date(2026, 11, 2)
    page.choose_day(date(2026, 10, 28))
    page.choose_role("employee")
    page.type_name("CD")
    page.choose_discipline("operational")
    page.rate("operational.g1", 2)
    page.rate("operational.teamleder.1", DONT_KNOW)
    page.write("Tydeligere prioriteringer, tak")
    page.mark_private()
    page.save()
    [item] = journal.feedback()
    assert (item.day, item.role, item.name, item.discipline) == (
        date(2026, 10, 28),
        "employee",
        "CD",
        "operational",
    )
    assert item.ratings == (Rating("operational.g1", 2), Rating("operational.teamleder.1", None))
    assert item.text == "Tydeligere prioriteringer, tak" and item.private is True
    assert page.status.kind == "ok" and "Medarbejder" in page.status.text


def test_after_saving_the_form_resets_and_a_double_click_stores_once(journal, page):
    page.write("Godt møde")
    page.type_name("EF")
    page.save()
    page.save()
    assert len(journal.feedback()) == 1
    assert page.text == "" and page.name == ""
    assert page.answers == {}


@pytest.mark.parametrize(
    ("day", "text", "message"),
    [
        (date(2026, 11, 3), "x", "fremtiden"),
        (None, "x", "Vælg datoen"),
        (date(2026, 11, 2), "  ", "tilføj en tekst eller en vurdering"),
    ],
)
def test_invalid_feedback_shows_a_message_and_stores_nothing(journal, page, day, text, message):
    page.choose_day(day)
    page.write(text)
    page.save()
    assert journal.feedback() == []
    assert page.status.kind == "error" and message in page.status.text


def test_ratings_alone_are_enough(journal, page):
    page.rate("strategic.g3", 5)
    page.save()
    assert journal.feedback()[0].ratings == (Rating("strategic.g3", 5),)


def test_recent_feedback_is_listed_and_escaped(journal):
    journal.add_feedback(
        Feedback(day=date(2026, 10, 1), role="peer", discipline="self", text=HOSTILE, name=HOSTILE)
    )
    page = FeedbackPage(FeedbackWidget(journal))
    assert "<img" not in page.recent_html
    assert page.recent_html.count("&lt;img src=x onerror=alert(1)&gt;") == 2


def test_the_saved_message_does_not_stay_in_the_old_language(page):
    page.write("Godt møde")
    page.save()
    assert page.status.kind == "ok"
    page.set_lang("en")
    assert page.status.html == ""


def test_switching_language_relabels_roles_and_buttons(page):
    page.choose_role("peer")
    page.set_lang("en")
    assert ("Peer", "peer") in page.role_options and page.role == "peer"
    assert page.save_label == "Save"
    assert page.rating_labels("strategic.g1")[-1] == "Don't know"


def test_css_classes(page):
    assert "lg-feedback" in css_classes(page.widget)
    for css_class in (
        "lg-feedback-day",
        "lg-feedback-role",
        "lg-feedback-name",
        "lg-feedback-text",
        "lg-feedback-discipline",
        "lg-feedback-save",
        "lg-feedback-status",
    ):
        assert page.find(css_class) is not None
    assert "lg-rating-strategic-g1" in css_classes(page.rating_toggle("strategic.g1"))
