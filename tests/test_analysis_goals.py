"""Goals: progress from check-ins, and on track / behind / overdue / achieved / dropped."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from lgtrack import Goal, Journal
from lgtrack.analysis import goal_progress, goal_status
from lgtrack.frames import checkins_frame, goals_frame

TODAY = date(2026, 6, 30)
NAN = math.nan


class Clock:
    """Advances a second per call, so check-ins on one day keep the order they were made in."""

    def __init__(self, moment: datetime):
        self.now = moment

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def journal() -> Journal:
    j = Journal.open(":memory:", clock=Clock(datetime(2026, 1, 1, 9, tzinfo=timezone.utc)))
    j.set_profile("Testleder", "teamleder")

    def goal(title: str, due: date | None, *checkins: tuple[date, int]) -> Goal:
        g = j.add_goal(Goal(discipline="people", title=title, due=due))
        for day, progress in checkins:
            j.check_in(g.id, progress, day=day)
        return g

    goal(
        "Årsplan",
        date(2026, 12, 31),
        (date(2026, 3, 1), 20),
        (date(2026, 6, 1), 30),
        (date(2026, 6, 1), 40),
        (date(2026, 7, 5), 100),
    )
    goal("Sparring", date(2026, 7, 30), (date(2026, 2, 1), 10))
    goal("Onboarding", date(2026, 6, 29), (date(2026, 5, 1), 90))
    goal("Uden frist", None)
    done = goal("Feedbackkultur", date(2026, 9, 1), (date(2026, 4, 1), 100))
    j.close_goal(done.id, "achieved", day=date(2026, 4, 2))
    dropped = goal("Ny struktur", None)
    j.close_goal(dropped.id, "dropped", day=date(2026, 3, 3))
    goal("Tavlemøder", date(2026, 6, 30), (date(2026, 6, 20), 80))
    return j


def test_goal_state_on_today(journal):
    result = goal_status(goals_frame(journal), TODAY, checkins=checkins_frame(journal))
    rows = [
        # title, due, closed_on, status, progress, expected, last check-in, state
        ("Årsplan", "2026-12-31", None, "open", 40, 100 * 180 / 364, "2026-06-01", "on_track"),
        ("Sparring", "2026-07-30", None, "open", 10, 100 * 180 / 210, "2026-02-01", "behind"),
        ("Onboarding", "2026-06-29", None, "open", 90, NAN, "2026-05-01", "overdue"),
        ("Uden frist", None, None, "open", 0, NAN, None, "on_track"),
        (
            "Feedbackkultur",
            "2026-09-01",
            "2026-04-02",
            "achieved",
            100,
            NAN,
            "2026-04-01",
            "achieved",
        ),
        ("Ny struktur", None, "2026-03-03", "dropped", 0, NAN, None, "dropped"),
        ("Tavlemøder", "2026-06-30", None, "open", 80, 100.0, "2026-06-20", "on_track"),
    ]
    want = pd.DataFrame(
        rows,
        columns=[
            "title",
            "due",
            "closed_on",
            "status",
            "progress",
            "expected",
            "last_checkin",
            "state",
        ],
    )
    for column in ("due", "closed_on", "last_checkin"):
        want[column] = pd.to_datetime(want[column]).astype("datetime64[ns]")
    want["created"] = pd.Timestamp("2026-01-01").as_unit("ns")
    want["id"] = goals_frame(journal)["id"]
    want["discipline"] = "people"
    want = want[
        [
            "id",
            "discipline",
            "title",
            "created",
            "due",
            "closed_on",
            "status",
            "progress",
            "expected",
            "last_checkin",
            "state",
        ]
    ]
    assert_frame_equal(result, want)


def test_pace_tolerance_is_a_parameter(journal):
    result = goal_status(
        goals_frame(journal), TODAY, checkins=checkins_frame(journal), pace_tolerance=80
    )
    assert result.set_index("title").loc["Sparring", "state"] == "on_track"


def test_without_checkins_frame_the_goals_latest_progress_is_used(journal):
    result = goal_status(goals_frame(journal), TODAY)
    assert result.set_index("title").loc["Årsplan", "progress"] == 100  # incl. 5 July


def test_progress_over_time_last_checkin_of_a_day_wins(journal):
    result = goal_progress(checkins_frame(journal), until=TODAY)
    titles = goals_frame(journal).set_index("title")["id"]
    want = pd.DataFrame(
        [
            (titles["Sparring"], "Sparring", "2026-02-01", 10),
            (titles["Årsplan"], "Årsplan", "2026-03-01", 20),
            (titles["Årsplan"], "Årsplan", "2026-06-01", 40),
            (titles["Feedbackkultur"], "Feedbackkultur", "2026-04-01", 100),
            (titles["Onboarding"], "Onboarding", "2026-05-01", 90),
            (titles["Tavlemøder"], "Tavlemøder", "2026-06-20", 80),
        ],
        columns=["goal_id", "title", "day", "progress"],
    )
    want["day"] = pd.to_datetime(want["day"]).astype("datetime64[ns]")
    want.insert(1, "discipline", "people")
    assert_frame_equal(result, want)
    assert len(goal_progress(checkins_frame(journal))) == 7  # with 5 July


def test_empty_journal():
    j = Journal.open(":memory:")
    j.set_profile("Testleder", "teamleder")
    status = goal_status(goals_frame(j), TODAY, checkins=checkins_frame(j))
    assert status.empty and "state" in status.columns
    assert goal_progress(checkins_frame(j)).empty
