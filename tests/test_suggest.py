"""The suggested discipline is the one reflected on least lately."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from lgtrack import Journal, Reflection
from lgtrack.suggest import WINDOW_DAYS, suggest_discipline

TODAY = date(2026, 11, 2)


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: datetime(2026, 11, 2, 9, tzinfo=timezone.utc))
    journal.set_profile("AB", "teamleder")
    yield journal
    journal.close()


def reflect(journal: Journal, discipline: str, days_ago: int) -> None:
    day = TODAY - timedelta(days=days_ago)
    journal.add_reflection(Reflection(day=day, disciplines=(discipline,), text="x"))


def test_with_no_reflections_the_first_discipline_is_suggested(journal):
    assert suggest_discipline(journal, TODAY) == "strategic"


def test_a_discipline_never_reflected_on_comes_before_those_reflected_on(journal):
    for discipline in ("strategic", "operational", "professional", "self"):
        reflect(journal, discipline, 3)
    assert suggest_discipline(journal, TODAY) == "people"


def test_fewest_reflections_in_the_window_wins(journal):
    for discipline in ("strategic", "operational", "professional", "people", "self"):
        reflect(journal, discipline, 1)
    reflect(journal, "strategic", 2)
    reflect(journal, "operational", 2)
    reflect(journal, "people", 2)
    reflect(journal, "self", 2)
    assert suggest_discipline(journal, TODAY) == "professional"


def test_ties_go_to_the_discipline_reflected_on_longest_ago(journal):
    for days_ago, discipline in enumerate(
        ("self", "people", "professional", "operational", "strategic")
    ):
        reflect(journal, discipline, days_ago)
    assert suggest_discipline(journal, TODAY) == "strategic"


def test_only_reflections_within_the_window_count(journal):
    for discipline in ("operational", "professional", "people", "self"):
        reflect(journal, discipline, 1)
    reflect(journal, "strategic", WINDOW_DAYS)  # one day too old to count
    reflect(journal, "strategic", WINDOW_DAYS + 10)
    assert suggest_discipline(journal, TODAY) == "strategic"
    reflect(journal, "strategic", WINDOW_DAYS - 1)  # the window's first day counts
    reflect(journal, "strategic", WINDOW_DAYS - 1)
    assert suggest_discipline(journal, TODAY) == "operational"


def test_reflections_dated_after_today_are_ignored(journal):
    for discipline in ("operational", "professional", "people", "self"):
        reflect(journal, discipline, 1)
    reflect(journal, "strategic", -5)
    assert suggest_discipline(journal, TODAY) == "strategic"
