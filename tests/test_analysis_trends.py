"""Development over time: rolling means of self-ratings, only where there is evidence."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from lgtrack import Feedback, Journal, Rating, Reflection
from lgtrack.analysis import (
    behaviour_by_month,
    behaviour_trends,
    discipline_trends,
    level_behaviours,
    level_periods,
)
from lgtrack.frames import ratings_frame, reflections_frame

NAN = math.nan


class Clock:
    def __init__(self, moment: datetime):
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


def days(*texts: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(texts))).astype("datetime64[ns]")


def expected(columns: dict[str, list], **dates: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    for column, values in dates.items():
        frame[column] = days(*values)
    return frame[list(columns) + [c for c in dates if c not in columns]]


@pytest.fixture
def journal() -> Journal:
    """A team leader with gaps, "ved ikke" ratings and feedback that must not count."""
    j = Journal.open(":memory:", clock=Clock(datetime(2026, 1, 1, 9, tzinfo=timezone.utc)))
    j.set_profile("Testleder", "teamleder")
    add = j.add_reflection
    add(
        Reflection(
            day=date(2026, 1, 5),
            disciplines=("strategic", "people"),
            ratings=(
                Rating("strategic.g1", 3),
                Rating("strategic.g2", None),
                Rating("people.g1", 4),
            ),
        )
    )
    add(
        Reflection(
            day=date(2026, 1, 20),
            disciplines=("strategic",),
            ratings=(Rating("strategic.g1", 5), Rating("strategic.teamleder.1", 4)),
        )
    )
    add(
        Reflection(
            day=date(2026, 2, 10),
            disciplines=("strategic",),
            text="Ved ikke endnu",
            ratings=(Rating("strategic.g2", None),),
        )
    )
    add(
        Reflection(
            day=date(2026, 5, 20), disciplines=("strategic",), ratings=(Rating("strategic.g1", 2),)
        )
    )
    j.add_feedback(
        Feedback(
            day=date(2026, 1, 25),
            role="peer",
            discipline="strategic",
            ratings=(Rating("strategic.g1", 1),),
        )
    )
    return j


TREND = ["day_mean", "day_n", "rolling_mean", "rolling_n", "segment"]


def trend_frame(keys: list[str], rows: list[tuple]) -> pd.DataFrame:
    """Expected rows laid out as ``*keys, day, *TREND``."""
    frame = pd.DataFrame(rows, columns=[*keys, "day", *TREND])
    frame["day"] = days(*frame["day"])
    return frame


def test_discipline_trend_is_a_90_day_rolling_mean_of_self_ratings_only(journal):
    fw = journal.framework()
    result = discipline_trends(ratings_frame(journal), fw)
    rows = [
        # discipline, day, day_mean, day_n, rolling_mean, rolling_n, segment
        ("strategic", "2026-01-05", 3.0, 1, 3.0, 1, 0),
        ("strategic", "2026-01-20", 4.5, 2, 4.0, 3, 0),  # (3 + 5 + 4) / 3; peer's 1 not counted
        ("strategic", "2026-05-20", 2.0, 1, 2.0, 1, 1),  # January fell out; a new segment
        ("people", "2026-01-05", 4.0, 1, 4.0, 1, 0),
    ]
    assert_frame_equal(result, trend_frame(["discipline"], rows))
    assert result.attrs["window_days"] == 90


def test_ved_ikke_only_day_is_no_evidence_and_never_a_zero(journal):
    result = discipline_trends(ratings_frame(journal), journal.framework())
    assert pd.Timestamp("2026-02-10") not in set(result["day"])
    assert (result["rolling_mean"] >= 1).all()


def test_window_is_a_parameter_and_gaps_longer_than_it_start_a_new_segment(journal):
    result = discipline_trends(ratings_frame(journal), journal.framework(), window_days=10)
    strategic = result[result["discipline"] == "strategic"]
    assert strategic["rolling_mean"].tolist() == [3.0, 4.5, 2.0]  # 01-05 is out of 01-11…01-20
    assert strategic["segment"].tolist() == [0, 1, 2]


def test_period_trims_rows_but_earlier_ratings_still_count_in_the_window(journal):
    result = discipline_trends(
        ratings_frame(journal), journal.framework(), since="2026-01-10", until="2026-03-01"
    )
    assert result[["discipline", "rolling_mean", "rolling_n"]].values.tolist() == [
        ["strategic", 4.0, 3]
    ]


def test_behaviour_trends_in_framework_order(journal):
    result = behaviour_trends(ratings_frame(journal), journal.framework(), discipline="strategic")
    rows = [
        ("strategic.g1", "strategic", "2026-01-05", 3.0, 1, 3.0, 1, 0),
        ("strategic.g1", "strategic", "2026-01-20", 5.0, 1, 4.0, 2, 0),
        ("strategic.g1", "strategic", "2026-05-20", 2.0, 1, 2.0, 1, 1),
        ("strategic.teamleder.1", "strategic", "2026-01-20", 4.0, 1, 4.0, 1, 0),
    ]
    assert_frame_equal(result, trend_frame(["behaviour", "discipline"], rows))


def test_behaviour_by_month_counts_ratings_and_days(journal):
    result = behaviour_by_month(ratings_frame(journal), journal.framework())
    want = expected(
        {
            "behaviour": ["strategic.g1", "strategic.g1", "strategic.teamleder.1", "people.g1"],
            "discipline": ["strategic", "strategic", "strategic", "people"],
            "mean": [4.0, 2.0, 4.0, 4.0],
            "n": [2, 1, 1, 1],
            "days": [2, 1, 1, 1],
        },
        month=["2026-01-01", "2026-05-01", "2026-01-01", "2026-01-01"],
    )
    want = want[["behaviour", "discipline", "month", "mean", "n", "days"]]
    assert_frame_equal(result, want)


def test_a_reflection_written_after_midnight_utc_counts_on_its_own_day():
    clock = Clock(datetime(2026, 3, 31, 22, 30, tzinfo=timezone.utc))  # 00:30 on 1 April in DK
    j = Journal.open(":memory:", clock=clock)
    j.set_profile("Testleder", "teamleder")
    j.add_reflection(
        Reflection(day=date(2026, 4, 1), disciplines=("self",), ratings=(Rating("self.g1", 4),))
    )
    assert reflections_frame(j)["created_at"][0].date() == date(2026, 3, 31)
    monthly = behaviour_by_month(ratings_frame(j), j.framework())
    assert monthly["month"].tolist() == [pd.Timestamp("2026-04-01")]
    trend = discipline_trends(ratings_frame(j), j.framework())
    assert trend["day"].tolist() == [pd.Timestamp("2026-04-01")]


@pytest.fixture
def promoted() -> Journal:
    """A team leader who becomes head of division (kontorchef) on 1 March."""
    clock = Clock(datetime(2026, 1, 1, 9, tzinfo=timezone.utc))
    j = Journal.open(":memory:", clock=clock)
    j.set_profile("Testleder", "teamleder")
    j.add_reflection(
        Reflection(
            day=date(2026, 1, 10),
            disciplines=("people",),
            ratings=(Rating("people.g1", 2), Rating("people.teamleder.1", 3)),
        )
    )
    j.add_reflection(Reflection(day=date(2026, 2, 10), disciplines=("people",), text="Uden score"))
    clock.now = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)
    j.set_profile("Testleder", "kontorchef")
    j.add_reflection(
        Reflection(
            day=date(2026, 3, 5),
            disciplines=("people",),
            ratings=(Rating("people.g1", 4), Rating("people.kontorchef.1", 5)),
        )
    )
    j.add_reflection(
        Reflection(day=date(2026, 4, 5), disciplines=("people",), ratings=(Rating("people.g1", 3),))
    )
    return j


def test_level_change_shows_as_two_periods_from_the_ratings_leader_level(promoted):
    ratings = ratings_frame(promoted)
    assert ratings["leader_level"].tolist() == ["teamleder"] * 2 + ["kontorchef"] * 3
    want = expected(
        {"level": ["teamleder", "kontorchef"]},
        start=["2026-01-10", "2026-03-05"],
        end=["2026-01-10", "2026-04-05"],
    )
    assert_frame_equal(level_periods(ratings), want)
    from_reflections = level_periods(reflections_frame(promoted), column="level")
    assert from_reflections["end"].tolist()[0] == pd.Timestamp("2026-02-10")


def test_trend_runs_across_a_level_change_or_only_over_my_new_levels_behaviours(promoted):
    fw = promoted.framework()
    ratings = ratings_frame(promoted)
    everything = discipline_trends(ratings, fw)
    # 10 January is still inside the 90 days that end on 5 April (6 January … 5 April)
    assert everything["rolling_mean"].tolist() == [2.5, 14 / 4, 17 / 5]
    mine = discipline_trends(ratings, fw, behaviours=level_behaviours(fw, "kontorchef"))
    assert mine["rolling_mean"].tolist() == [2.0, 11 / 3, 14 / 4]  # teamleder.1 is left out


def test_empty_journal_gives_empty_frames_with_their_columns():
    j = Journal.open(":memory:")
    j.set_profile("Testleder", "teamleder")
    fw = j.framework()
    trends = discipline_trends(ratings_frame(j), fw)
    assert trends.empty
    assert list(trends.columns) == [
        "discipline",
        "day",
        "day_mean",
        "day_n",
        "rolling_mean",
        "rolling_n",
        "segment",
    ]
    assert behaviour_by_month(ratings_frame(j), fw).empty
    assert list(level_periods(ratings_frame(j)).columns) == ["level", "start", "end"]


def test_window_must_be_at_least_a_day(journal):
    with pytest.raises(ValueError):
        discipline_trends(ratings_frame(journal), journal.framework(), window_days=0)
