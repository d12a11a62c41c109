"""Cadence: how regularly I reflect.

Weeks run Monday–Sunday and are named by their Monday; months by their first day. Counts use
the reflection's ``day`` (the day it is about), never the moment it was written, and ignore
reflections dated after ``today``.

The **streak** is the number of consecutive weeks, up to this week, with at least one
reflection. This week counts when it has one; when it has none yet, the streak runs up to last
week (the week is not over). A reflection is **due** when the days since the last one reach the
rhythm (weekly 7, fortnightly 14, monthly 30 days), or when there is none yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ._common import DayLike, as_day, in_period, typed

RHYTHMS = {"weekly": 7, "fortnightly": 14, "monthly": 30}
_FREQUENCIES = {"week": "W-SUN", "month": "M"}


@dataclass(frozen=True)
class CadenceStatus:
    """How my reflecting stands on ``today``, for a chosen rhythm."""

    today: date
    rhythm: str
    rhythm_days: int
    reflections: int  # up to and including today
    this_week: int
    last_day: date | None
    days_since_last: int | None
    streak_weeks: int
    due: bool
    next_due: date | None  # None when one is due now because there is none yet


def week_start(days: pd.Series) -> pd.Series:
    """The Monday of each day's week."""
    return days.dt.to_period(_FREQUENCIES["week"]).dt.start_time


def reflection_counts(
    reflections: pd.DataFrame, today: DayLike, *, freq: str = "week", since: DayLike | None = None
) -> pd.DataFrame:
    """Reflections per week or month (``freq``), from ``since`` (default: the first) to today.

    Columns: ``period`` (first day), ``reflections``. Periods without a reflection are 0.
    """
    if freq not in _FREQUENCIES:
        raise ValueError("freq is 'week' or 'month'")
    days = in_period(reflections, since, today)["day"]
    if days.empty and since is None:
        return typed(
            pd.DataFrame(columns=["period", "reflections"]),
            {"period": "date", "reflections": "int"},
        )
    start = as_day(since) if since is not None else days.min()
    periods = pd.period_range(start, as_day(today), freq=_FREQUENCIES[freq])
    counts = days.dt.to_period(_FREQUENCIES[freq]).value_counts()
    out = pd.DataFrame({"period": periods.start_time, "reflections": counts.reindex(periods)})
    return typed(out.fillna(0), {"period": "date", "reflections": "int"})


def daily_reflection_counts(reflections: pd.DataFrame, today: DayLike, *, weeks: int = 53):
    """Reflections per day for a calendar: whole weeks, the last ``weeks`` up to this week.

    Columns: ``day, reflections``; from a Monday to ``today`` (0 on days without one).
    """
    end = as_day(today)
    start = end - pd.Timedelta(days=end.day_of_week + 7 * (weeks - 1))
    days = pd.date_range(start, end, freq="D")
    counts = in_period(reflections, start, end)["day"].value_counts()
    out = pd.DataFrame({"day": days, "reflections": counts.reindex(days).fillna(0).to_numpy()})
    return typed(out, {"day": "date", "reflections": "int"})


def cadence_status(reflections: pd.DataFrame, today: DayLike, *, rhythm: str = "weekly"):
    """Counts, streak, days since the last reflection and whether one is due."""
    if rhythm not in RHYTHMS:
        raise ValueError(f"rhythm is one of {', '.join(RHYTHMS)}")
    end = as_day(today)
    days = reflections.loc[reflections["day"] <= end, "day"]
    this_monday = end - pd.Timedelta(days=end.day_of_week)
    weeks = set(week_start(days))
    cursor = this_monday if this_monday in weeks else this_monday - pd.Timedelta(weeks=1)
    streak = 0
    while cursor in weeks:
        streak += 1
        cursor -= pd.Timedelta(weeks=1)
    last = days.max().date() if not days.empty else None
    since_last = (end.date() - last).days if last else None
    rhythm_days = RHYTHMS[rhythm]
    return CadenceStatus(
        today=end.date(),
        rhythm=rhythm,
        rhythm_days=rhythm_days,
        reflections=len(days),
        this_week=int((days >= this_monday).sum()),
        last_day=last,
        days_since_last=since_last,
        streak_weeks=streak,
        due=since_last is None or since_last >= rhythm_days,
        next_due=last + timedelta(days=rhythm_days) if last else None,
    )
