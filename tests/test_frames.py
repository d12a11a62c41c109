"""The journal as pandas DataFrames: the columns and types analysis and notebooks rely on."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest
from pandas.api import types

from lgtrack import Feedback, Goal, Journal, Leader, Rating, Reflection, load_framework
from lgtrack.frames import (
    CHECKIN_COLUMNS,
    FEEDBACK_COLUMNS,
    GOAL_COLUMNS,
    RATING_COLUMNS,
    REFLECTION_COLUMNS,
    checkins_frame,
    feedback_frame,
    goals_frame,
    ratings_frame,
    reflections_frame,
)

FRAMES = [
    (ratings_frame, RATING_COLUMNS),
    (reflections_frame, REFLECTION_COLUMNS),
    (goals_frame, GOAL_COLUMNS),
    (checkins_frame, CHECKIN_COLUMNS),
    (feedback_frame, FEEDBACK_COLUMNS),
]
DATE_COLUMNS = {
    ratings_frame: ["day"],
    reflections_frame: ["day", "created_at"],
    goals_frame: ["due", "created", "closed_on"],
    checkins_frame: ["day"],
    feedback_frame: ["day"],
}
NUMBER_COLUMNS = {
    ratings_frame: ["score"],
    reflections_frame: ["wellbeing", "energy", "n_ratings"],
    goals_frame: ["progress", "n_checkins"],
    checkins_frame: ["progress"],
    feedback_frame: ["n_ratings"],
}
BOOL_COLUMNS = {
    ratings_frame: ["private"],
    reflections_frame: ["private"],
    goals_frame: ["private"],
    checkins_frame: [],
    feedback_frame: ["private"],
}
TEXT = "Svær samtale om ”fravær” – Åse og Ørjan tog den godt."


class TickingClock:
    def __init__(self):
        self.now = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def journal():
    with Journal.open(":memory:", clock=TickingClock()) as j:
        j.set_profile("Åse", "teamleder")
        j.add_reflection(
            Reflection(day=date(2026, 1, 5), disciplines=("people",), text=TEXT, tags=("1til1",),
                       wellbeing=4, ratings=(Rating("people.teamleder.1", 4),
                                             Rating("people.g1", None)))
        )  # fmt: skip
        j.add_reflection(
            Reflection(day=date(2026, 2, 1), disciplines=("self", "strategic"), text="Privat",
                       private=True, ratings=(Rating("self.g1", 2),))
        )  # fmt: skip
        goal = j.add_goal(Goal(discipline="people", title="Flere 1:1", behaviours=("people.g1",),
                               due=date(2026, 6, 30)))  # fmt: skip
        j.check_in(goal.id, 25, note="Godt i gang", day=date(2026, 1, 20))
        j.check_in(goal.id, 75, day=date(2026, 3, 1))
        j.add_feedback(
            Feedback(day=date(2026, 1, 25), role="employee", discipline="people", text=TEXT,
                     ratings=(Rating("people.teamleder.1", 5), Rating("people.g2", None)))
        )  # fmt: skip
        yield j


@pytest.mark.parametrize(("build", "columns"), FRAMES, ids=lambda x: getattr(x, "__name__", ""))
def test_frames_have_their_columns_and_types(journal, build, columns):
    frame = build(journal)
    assert list(frame.columns) == columns
    assert len(frame) > 0
    _assert_types(build, frame)


@pytest.mark.parametrize(("build", "columns"), FRAMES, ids=lambda x: getattr(x, "__name__", ""))
def test_empty_journal_frames_have_all_columns_and_the_same_types(build, columns):
    with Journal.open(":memory:") as empty:
        frame = build(empty)
        assert list(frame.columns) == columns
        assert frame.empty
        _assert_types(build, frame)
        empty.set_profile("AB", "teamleder")
        assert list(build(empty).columns) == columns


def _assert_types(build, frame: pd.DataFrame) -> None:
    for column in DATE_COLUMNS[build]:
        assert types.is_datetime64_any_dtype(frame[column]), column
    for column in NUMBER_COLUMNS[build]:
        assert types.is_numeric_dtype(frame[column]) and not types.is_bool_dtype(frame[column])
    for column in BOOL_COLUMNS[build]:
        assert types.is_bool_dtype(frame[column]), column


def test_ratings_frame_has_ved_ikke_as_nan_and_knows_each_behaviour(journal):
    frame = ratings_frame(journal)
    assert len(frame) == 5
    row = frame.set_index(["source", "behaviour"])
    assert math.isnan(row.loc[("self", "people.g1"), "score"])
    assert math.isnan(row.loc[("employee", "people.g2"), "score"])
    assert row.loc[("self", "people.teamleder.1"), "score"] == 4.0
    assert row.loc[("employee", "people.teamleder.1"), "score"] == 5.0
    assert (frame["score"] == 0).sum() == 0
    assert row.loc[("self", "people.teamleder.1"), "discipline"] == "people"
    assert row.loc[("self", "people.teamleder.1"), "level"] == "teamleder"
    assert pd.isna(row.loc[("self", "people.g1"), "level"])  # a general behaviour
    assert set(frame["leader_level"]) == {"teamleder"}
    assert list(frame["day"]) == sorted(frame["day"])
    assert frame["score"].mean() == pytest.approx((4 + 2 + 5) / 3)  # ved ikke is left out


def test_frames_can_leave_private_entries_out(journal):
    assert len(reflections_frame(journal)) == 2
    assert len(reflections_frame(journal, include_private=False)) == 1
    assert set(ratings_frame(journal, include_private=False)["behaviour"]) == {
        "people.teamleder.1", "people.g1", "people.g2"
    }  # fmt: skip


def test_reflections_frame_rows(journal):
    frame = reflections_frame(journal)
    first = frame.iloc[0]  # oldest first
    assert first["day"] == pd.Timestamp("2026-01-05")
    assert first["text"] == TEXT
    assert first["disciplines"] == ("people",) and first["tags"] == ("1til1",)
    assert first["n_ratings"] == 2 and first["wellbeing"] == 4.0
    assert math.isnan(first["energy"])
    assert frame.iloc[1]["disciplines"] == ("self", "strategic")


def test_goals_and_checkins_frames(journal):
    goals = goals_frame(journal)
    assert list(goals["progress"]) == [75]
    assert list(goals["n_checkins"]) == [2]
    assert goals.iloc[0]["due"] == pd.Timestamp("2026-06-30")
    assert pd.isna(goals.iloc[0]["closed_on"])
    checkins = checkins_frame(journal)
    assert list(checkins["progress"]) == [25, 75]
    assert list(checkins["note"]) == ["Godt i gang", ""]
    assert list(checkins["title"]) == ["Flere 1:1", "Flere 1:1"]


def test_feedback_frame(journal):
    frame = feedback_frame(journal)
    assert list(frame["role"]) == ["employee"]
    assert list(frame["text"]) == [TEXT]
    assert list(frame["n_ratings"]) == [2]


def test_frames_for_another_leader(journal):
    fw = load_framework("stuk")
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    bo = Leader(
        name="Bo", level="kontorchef", framework_id=fw.id, framework_version=fw.version,
        created_at=now, updated_at=now,
    )  # fmt: skip
    journal.save_leader(bo)
    journal.add_reflection(
        Reflection(day=date(2026, 1, 9), disciplines=("strategic",), text="Bo skriver",
                   ratings=(Rating("strategic.kontorchef.1", 3),)),
        leader_id=bo.id,
    )  # fmt: skip
    theirs = ratings_frame(journal, bo.id)
    assert list(theirs["behaviour"]) == ["strategic.kontorchef.1"]
    assert list(theirs["leader_level"]) == ["kontorchef"]
    assert list(reflections_frame(journal, bo.id)["text"]) == ["Bo skriver"]
    assert len(ratings_frame(journal)) == 5  # mine are unchanged


def test_a_journal_without_a_profile_has_empty_frames_of_me():
    """A coach's journal: the default leader is "me", and there is none; never every leader."""
    fw = load_framework("stuk")
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with Journal.open(":memory:", clock=lambda: now) as coach:
        bo = coach.save_leader(
            Leader(name="Bo", level="kontorchef", framework_id=fw.id,
                   framework_version=fw.version, created_at=now, updated_at=now)
        )  # fmt: skip
        coach.add_reflection(
            Reflection(day=date(2026, 1, 9), disciplines=("self",), text="Bo skriver",
                       ratings=(Rating("self.g1", 3),)),
            leader_id=bo.id,
        )  # fmt: skip
        for make, columns in FRAMES:
            frame = make(coach)
            assert frame.empty and list(frame.columns) == columns
        assert len(ratings_frame(coach, bo.id)) == 1
