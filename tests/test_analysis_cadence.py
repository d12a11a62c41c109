"""Cadence: reflections per week and month, streak, days since the last one, and "due"."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from lgtrack import Journal, Reflection
from lgtrack.analysis import (
    CadenceStatus,
    cadence_status,
    daily_reflection_counts,
    reflection_counts,
)
from lgtrack.frames import reflections_frame

WEDNESDAY = date(2026, 6, 17)  # this week is Monday 15 June … Sunday 21 June


class Clock:
    def __init__(self, moment: datetime):
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def reflections() -> pd.DataFrame:
    clock = Clock(datetime(2026, 5, 1, 9, tzinfo=timezone.utc))
    j = Journal.open(":memory:", clock=clock)
    j.set_profile("Testleder", "teamleder")
    for day in (
        date(2026, 5, 12),
        date(2026, 5, 28),
        date(2026, 6, 10),
        date(2026, 6, 10),
        date(2026, 6, 15),
        date(2026, 6, 20),
    ):
        j.add_reflection(Reflection(day=day, disciplines=("self",), text="Refleksion"))
    # Written 00:30 Danish time on 1 June, which is still 31 May in UTC: it counts on 1 June.
    clock.now = datetime(2026, 5, 31, 22, 30, tzinfo=timezone.utc)
    j.add_reflection(Reflection(day=date(2026, 6, 1), disciplines=("self",), text="Sent"))
    return reflections_frame(j)


def counts(column: str, rows: list[tuple[str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[column, "reflections"])
    frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame


def test_reflections_per_week_fill_empty_weeks_with_zero(reflections):
    result = reflection_counts(reflections, WEDNESDAY, freq="week")
    want = counts(
        "period",
        [
            ("2026-05-11", 1),
            ("2026-05-18", 0),
            ("2026-05-25", 1),
            ("2026-06-01", 1),
            ("2026-06-08", 2),
            ("2026-06-15", 1),
        ],
    )
    assert_frame_equal(result, want)


def test_reflections_per_month_use_the_day_not_the_moment_written(reflections):
    result = reflection_counts(reflections, WEDNESDAY, freq="month", since="2026-04-01")
    assert_frame_equal(
        result, counts("period", [("2026-04-01", 0), ("2026-05-01", 2), ("2026-06-01", 4)])
    )


def test_status_midweek_with_a_reflection_this_week(reflections):
    result = cadence_status(reflections, WEDNESDAY)
    assert result == CadenceStatus(
        today=WEDNESDAY,
        rhythm="weekly",
        rhythm_days=7,
        reflections=6,
        this_week=1,
        last_day=date(2026, 6, 15),
        days_since_last=2,
        streak_weeks=4,
        due=False,
        next_due=date(2026, 6, 22),
    )


def test_streak_runs_to_last_week_while_this_week_has_none_yet(reflections):
    result = cadence_status(reflections.iloc[:-1], date(2026, 6, 23), rhythm="fortnightly")
    # without 20 June: the week of 22 June is empty so far; 15, 8, 1 June and 25 May count
    assert (result.streak_weeks, result.this_week, result.days_since_last) == (4, 0, 8)
    assert (result.due, result.next_due) == (False, date(2026, 6, 29))
    assert cadence_status(reflections.iloc[:-1], date(2026, 6, 23)).due is True


def test_an_empty_week_breaks_the_streak(reflections):
    assert cadence_status(reflections, date(2026, 6, 30)).streak_weeks == 0
    assert cadence_status(reflections, date(2026, 5, 29)).streak_weeks == 1


def test_monthly_rhythm_is_thirty_days(reflections):
    result = cadence_status(reflections, date(2026, 7, 20), rhythm="monthly")
    assert (result.days_since_last, result.due, result.next_due) == (30, True, date(2026, 7, 20))


def test_daily_counts_cover_whole_weeks_up_to_today(reflections):
    result = daily_reflection_counts(reflections, WEDNESDAY, weeks=2)
    days = [f"2026-06-{d:02d}" for d in range(8, 18)]
    per_day = {"2026-06-10": 2, "2026-06-15": 1}
    assert_frame_equal(result, counts("day", [(d, per_day.get(d, 0)) for d in days]))


def test_no_reflections_yet():
    j = Journal.open(":memory:")
    j.set_profile("Testleder", "teamleder")
    empty = reflections_frame(j)
    status = cadence_status(empty, WEDNESDAY)
    assert (status.reflections, status.streak_weeks, status.due) == (0, 0, True)
    assert status.last_day is None and status.next_due is None
    assert reflection_counts(empty, WEDNESDAY).empty
    assert daily_reflection_counts(empty, WEDNESDAY)["reflections"].sum() == 0
    with pytest.raises(ValueError):
        cadence_status(empty, WEDNESDAY, rhythm="daily")
