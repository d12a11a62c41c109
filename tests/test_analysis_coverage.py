"""Coverage of my level's behaviours, and what I already show of the next level up."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.analysis import (
    JournalFrames,
    coverage,
    coverage_by_discipline,
    evidence,
    next_level,
    next_level_gap,
)

TODAY = date(2026, 6, 30)  # the last 90 days: 2 April … 30 June
NAN = math.nan


class Clock:
    def __init__(self, moment: datetime):
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


def reflect(j: Journal, day: date, discipline: str, *ratings: tuple[str, int | None], text=""):
    j.add_reflection(
        Reflection(
            day=day,
            disciplines=(discipline,),
            text=text,
            ratings=tuple(Rating(b, s) for b, s in ratings),
        )
    )


def feedback(j: Journal, day: date, discipline: str, *ratings: tuple[str, int | None]):
    j.add_feedback(
        Feedback(
            day=day,
            role="peer",
            discipline=discipline,
            ratings=tuple(Rating(b, s) for b, s in ratings),
        )
    )


@pytest.fixture
def journal() -> Journal:
    clock = Clock(datetime(2026, 1, 1, 9, tzinfo=timezone.utc))
    j = Journal.open(":memory:", clock=clock)
    j.set_profile("Testleder", "teamleder")
    reflect(j, date(2026, 6, 1), "strategic", ("strategic.g1", 4))
    reflect(j, date(2026, 6, 10), "strategic", ("strategic.g2", None))  # "ved ikke": no evidence
    reflect(j, date(2026, 1, 10), "strategic", ("strategic.g3", 3))
    reflect(j, date(2026, 7, 5), "strategic", ("strategic.g5", 5))  # after today: ignored
    reflect(j, date(2026, 6, 20), "people", text="Svær samtale, ingen score")  # no evidence
    feedback(j, date(2026, 5, 5), "strategic", ("strategic.g4", 2))
    feedback(j, date(2026, 4, 2), "operational", ("operational.g1", 3))  # first day of window
    feedback(j, date(2026, 4, 1), "operational", ("operational.g2", 3))  # the day before
    linked = j.add_goal(
        Goal(discipline="strategic", title="Sætte retning", behaviours=("strategic.teamleder.1",))
    )
    j.add_goal(
        Goal(
            discipline="strategic",
            title="Oversætte strategien",
            behaviours=("strategic.teamleder.2",),
        )
    )
    j.check_in(linked.id, 30, day=date(2026, 6, 15))
    return j


def coverage_expected(fw, level: str, changes: dict[str, tuple]) -> pd.DataFrame:
    """Every behaviour of ``level`` "never", except ``changes``: id → (last, recent, status)."""
    rows = []
    for discipline, behaviours in fw.behaviours_for_level(level).items():
        for b in behaviours:
            last, recent, status = changes.get(b.id, (None, 0, "never"))
            rows.append((discipline, b.id, b.is_general, last, recent, status))
    frame = pd.DataFrame(
        rows, columns=["discipline", "behaviour", "general", "last_evidence", "recent", "status"]
    )
    frame["last_evidence"] = pd.to_datetime(frame["last_evidence"]).astype("datetime64[ns]")
    return frame


def test_coverage_of_my_level_covered_stale_never(journal):
    frames = JournalFrames.load(journal)
    fw = journal.framework()
    result = coverage(
        frames.ratings, fw, "teamleder", TODAY, goals=frames.goals, checkins=frames.checkins
    )
    want = coverage_expected(
        fw,
        "teamleder",
        {
            "strategic.g1": ("2026-06-01", 1, "covered"),
            "strategic.g3": ("2026-01-10", 0, "stale"),
            "strategic.g4": ("2026-05-05", 1, "covered"),  # feedback counts
            "strategic.teamleder.1": ("2026-06-15", 1, "covered"),  # the goal's check-in
            "strategic.teamleder.2": ("2026-01-01", 0, "stale"),  # the goal's creation only
            "operational.g1": ("2026-04-02", 1, "covered"),
            "operational.g2": ("2026-04-01", 0, "stale"),
        },
    )
    assert_frame_equal(result, want)
    assert len(result) == sum(len(v) for v in fw.behaviours_for_level("teamleder").values())


def test_coverage_window_is_a_parameter(journal):
    frames = JournalFrames.load(journal)
    result = coverage(frames.ratings, journal.framework(), "teamleder", TODAY, days=30)
    statuses = result.set_index("behaviour")["status"]
    assert statuses["strategic.g1"] == "covered"  # 1 June is within 1 … 30 June
    assert statuses["strategic.g4"] == "stale"
    assert statuses["strategic.teamleder.1"] == "never"  # goals not passed: no goal evidence


def test_coverage_counts_per_discipline(journal):
    frames = JournalFrames.load(journal)
    fw = journal.framework()
    table = coverage(
        frames.ratings, fw, "teamleder", TODAY, goals=frames.goals, checkins=frames.checkins
    )
    result = coverage_by_discipline(table, fw)
    want = pd.DataFrame(
        {
            "discipline": ["strategic", "operational", "professional", "people", "self"],
            "behaviours": [14, 12, 14, 14, 11],
            "covered": [3, 1, 0, 0, 0],
            "stale": [2, 1, 0, 0, 0],
            "never": [9, 10, 14, 14, 11],
            "share": [3 / 14, 1 / 12, 0.0, 0.0, 0.0],
        }
    )
    assert_frame_equal(result, want)


def test_evidence_lists_self_others_and_goal_days_up_to_today(journal):
    frames = JournalFrames.load(journal)
    result = evidence(frames.ratings, TODAY, goals=frames.goals, checkins=frames.checkins)
    assert result.values.tolist()[:3] == [
        ["strategic.teamleder.1", pd.Timestamp("2026-01-01"), "goal"],
        ["strategic.teamleder.2", pd.Timestamp("2026-01-01"), "goal"],
        ["strategic.g3", pd.Timestamp("2026-01-10"), "self"],
    ]
    assert set(result["kind"]) == {"self", "others", "goal"}
    assert result["day"].max() == pd.Timestamp("2026-06-15")  # 5 July is after today


@pytest.fixture
def reaching_up() -> Journal:
    """A team leader who already works on some head-of-division (kontorchef) behaviours."""
    j = Journal.open(":memory:", clock=Clock(datetime(2026, 1, 1, 9, tzinfo=timezone.utc)))
    j.set_profile("Testleder", "teamleder")
    reflect(
        j,
        date(2026, 3, 1),
        "strategic",
        ("strategic.kontorchef.1", 4),
        ("strategic.kontorchef.3", None),
    )
    reflect(j, date(2026, 5, 1), "strategic", ("strategic.kontorchef.1", 3))
    feedback(j, date(2026, 4, 1), "strategic", ("strategic.kontorchef.2", 3))
    j.add_goal(
        Goal(
            discipline="people",
            title="Udvikle mine teamledere",
            behaviours=("people.kontorchef.1",),
        )
    )
    return j


def test_next_level_up_shows_what_i_already_do_and_the_gap(reaching_up):
    frames = JournalFrames.load(reaching_up)
    fw = reaching_up.framework()
    result = next_level(
        frames.ratings, fw, "teamleder", TODAY, goals=frames.goals, checkins=frames.checkins
    )
    shown = {
        "strategic.kontorchef.1": (2, 3.5, NAN, "2026-05-01"),
        "strategic.kontorchef.2": (1, NAN, 3.0, "2026-04-01"),
        "people.kontorchef.1": (1, NAN, NAN, "2026-01-01"),
    }
    rows = []
    for d in fw.disciplines:
        for b in d.levels["kontorchef"]:
            n, mine, theirs, last = shown.get(b.id, (0, NAN, NAN, None))
            rows.append((d.id, b.id, n, mine, theirs, last, n > 0))
    want = pd.DataFrame(
        rows,
        columns=[
            "discipline",
            "behaviour",
            "evidence",
            "self_mean",
            "others_mean",
            "last_evidence",
            "shown",
        ],
    )
    want["last_evidence"] = pd.to_datetime(want["last_evidence"]).astype("datetime64[ns]")
    assert_frame_equal(result, want)
    assert result.attrs["level"] == "kontorchef"

    gap = next_level_gap(result, fw)
    assert gap.values.tolist() == [
        ["strategic", 5, 2, 3],
        ["operational", 5, 0, 5],
        ["professional", 5, 0, 5],
        ["people", 7, 1, 6],
        ["self", 4, 0, 4],
    ]


def test_next_level_within_a_window(reaching_up):
    frames = JournalFrames.load(reaching_up)
    result = next_level(frames.ratings, reaching_up.framework(), "teamleder", TODAY, days=90)
    row = result.set_index("behaviour").loc["strategic.kontorchef.1"]
    assert (row["evidence"], row["self_mean"]) == (1, 3.0)  # only 1 May is in the window


def test_level_change_coverage_uses_the_new_level_but_keeps_general_evidence():
    clock = Clock(datetime(2026, 1, 1, 9, tzinfo=timezone.utc))
    j = Journal.open(":memory:", clock=clock)
    j.set_profile("Testleder", "teamleder")
    reflect(j, date(2026, 5, 1), "self", ("self.g1", 4), ("self.teamleder.1", 4))
    clock.now = datetime(2026, 6, 1, 9, tzinfo=timezone.utc)
    j.set_profile("Testleder", "kontorchef")
    reflect(j, date(2026, 6, 2), "self", ("self.kontorchef.1", 3))
    frames = JournalFrames.load(j)
    assert frames.ratings["leader_level"].tolist() == ["teamleder", "teamleder", "kontorchef"]
    result = coverage(frames.ratings, j.framework(), "kontorchef", TODAY)
    covered = result[result["status"] == "covered"]["behaviour"].tolist()
    assert covered == ["self.g1", "self.kontorchef.1"]
    assert "self.teamleder.1" not in set(result["behaviour"])
    assert next_level(frames.ratings, j.framework(), "kontorchef", TODAY).attrs["level"] == (
        "vicedirektor"
    )


def test_top_level_and_empty_journal_give_empty_frames_with_columns():
    j = Journal.open(":memory:")
    j.set_profile("Testleder", "styrelsesdirektor")
    frames = JournalFrames.load(j)
    fw = j.framework()
    top = next_level(frames.ratings, fw, "styrelsesdirektor", TODAY)
    assert top.empty and "shown" in top.columns
    assert next_level_gap(top, fw)["gap"].tolist() == [0, 0, 0, 0, 0]
    empty = coverage(
        frames.ratings, fw, "styrelsesdirektor", TODAY, goals=frames.goals, checkins=frames.checkins
    )
    assert set(empty["status"]) == {"never"}
    assert evidence(frames.ratings, TODAY).empty
