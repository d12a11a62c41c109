"""Self vs others: blind spots, hidden strengths, and how many ratings a verdict rests on."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from lgtrack import Feedback, Journal, Rating, Reflection
from lgtrack.analysis import self_vs_others
from lgtrack.frames import ratings_frame

NAN = math.nan
COLUMNS = ["role", "self_mean", "self_n", "others_mean", "others_n", "gap", "verdict", "small_n"]


@pytest.fixture
def journal() -> Journal:
    j = Journal.open(":memory:", clock=lambda: datetime(2026, 1, 1, 9, tzinfo=timezone.utc))
    j.set_profile("Testleder", "teamleder")

    def mine(day: int, discipline: str, *scores):
        ratings = tuple(Rating(f"{discipline}.g{i + 1}", s) for i, s in enumerate(scores))
        j.add_reflection(
            Reflection(day=date(2026, 3, day), disciplines=(discipline,), ratings=ratings)
        )

    def theirs(day: int, role: str, discipline: str, *scores):
        ratings = tuple(Rating(f"{discipline}.g{i + 1}", s) for i, s in enumerate(scores))
        j.add_feedback(
            Feedback(day=date(2026, 3, day), role=role, discipline=discipline, ratings=ratings)
        )

    mine(1, "strategic", 4, 4, 5, None)  # self 13/3
    theirs(2, "manager", "strategic", 3)
    theirs(3, "peer", "strategic", 3, 2)  # others 8/3: a blind spot
    mine(4, "people", 2, 2)
    theirs(5, "employee", "people", 4, 4, 5, None)  # others 13/3: a hidden strength
    mine(6, "operational", 3)  # no feedback: unknown
    theirs(7, "coach", "self", 4)  # no self-rating: unknown
    mine(8, "professional", 3, 3, 3)
    theirs(20, "peer", "professional", 3, 4, 3)  # 10/3: aligned
    return j


def frame(key: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[key, *COLUMNS])


def test_self_vs_others_per_discipline_and_role(journal):
    result = self_vs_others(ratings_frame(journal), journal.framework())
    want = frame(
        "discipline",
        [
            ("strategic", "all", 13 / 3, 3, 8 / 3, 3, 13 / 3 - 8 / 3, "blind_spot", False),
            ("strategic", "manager", 13 / 3, 3, 3.0, 1, 13 / 3 - 3, "blind_spot", True),
            ("strategic", "peer", 13 / 3, 3, 2.5, 2, 13 / 3 - 2.5, "blind_spot", True),
            ("operational", "all", 3.0, 1, NAN, 0, NAN, "unknown", True),
            ("professional", "all", 3.0, 3, 10 / 3, 3, 3 - 10 / 3, "aligned", False),
            ("professional", "peer", 3.0, 3, 10 / 3, 3, 3 - 10 / 3, "aligned", False),
            ("people", "all", 2.0, 2, 13 / 3, 3, 2 - 13 / 3, "hidden_strength", True),
            ("people", "employee", 2.0, 2, 13 / 3, 3, 2 - 13 / 3, "hidden_strength", True),
            ("self", "all", NAN, 0, 4.0, 1, NAN, "unknown", True),
            ("self", "coach", NAN, 0, 4.0, 1, NAN, "unknown", True),
        ],
    )
    assert_frame_equal(result, want)


def test_threshold_and_small_n_are_parameters(journal):
    result = self_vs_others(ratings_frame(journal), journal.framework(), threshold=2.5, small_n=2)
    overall = result[result["role"] == "all"].set_index("discipline")
    assert overall["verdict"].to_dict() == {
        "strategic": "aligned",
        "operational": "unknown",
        "professional": "aligned",
        "people": "aligned",
        "self": "unknown",
    }
    assert overall["small_n"].to_dict() == {
        "strategic": False,
        "operational": True,
        "professional": False,
        "people": False,
        "self": True,
    }


def test_period_limits_both_sides(journal):
    result = self_vs_others(ratings_frame(journal), journal.framework(), until="2026-03-10")
    professional = result[result["discipline"] == "professional"]
    assert professional[["role", "others_n", "verdict"]].values.tolist() == [["all", 0, "unknown"]]


def test_per_behaviour_carries_its_discipline(journal):
    result = self_vs_others(ratings_frame(journal), journal.framework(), by="behaviour")
    first = result[result["behaviour"] == "strategic.g1"]
    want = pd.DataFrame(
        [
            ("strategic.g1", "strategic", "all", 4.0, 1, 3.0, 2, 1.0, "blind_spot", True),
            ("strategic.g1", "strategic", "manager", 4.0, 1, 3.0, 1, 1.0, "blind_spot", True),
            ("strategic.g1", "strategic", "peer", 4.0, 1, 3.0, 1, 1.0, "blind_spot", True),
        ],
        columns=["behaviour", "discipline", *COLUMNS],
    )
    assert_frame_equal(first.reset_index(drop=True), want)
    ved_ikke = result[result["behaviour"] == "strategic.g4"]
    assert ved_ikke.empty  # a "ved ikke" alone is no rating at all


def test_empty_journal_and_bad_key():
    j = Journal.open(":memory:")
    j.set_profile("Testleder", "teamleder")
    result = self_vs_others(ratings_frame(j), j.framework())
    assert result.empty and list(result.columns) == ["discipline", *COLUMNS]
    with pytest.raises(ValueError):
        self_vs_others(ratings_frame(j), j.framework(), by="level")
