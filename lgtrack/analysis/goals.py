"""Goals: progress over time from check-ins, and where each goal stands today.

A goal's **state** on ``today``:

- ``"achieved"`` / ``"dropped"`` — it was closed so;
- ``"overdue"`` — open, and its due date is before today;
- ``"on_track"`` — open, not overdue, and its pace is plausible;
- ``"behind"`` — open, not overdue, but progress lags the pace.

**Pace** is a straight line from 0 % on the day the goal was created to 100 % on its due date:
``expected = 100 × (today − created) / (due − created)``, clipped to 0–100 (100 when due on the
day it was created). The pace is plausible when ``progress ≥ expected − pace_tolerance``
(default 25 percentage points). A goal without a due date has no pace and is on track while
open. ``progress`` is that of the latest check-in dated on or before today (0 without one).
"""

from __future__ import annotations

import pandas as pd

from ..records import Goal
from ._common import DayLike, as_day, lookup, typed

GOAL_STATES = ("on_track", "behind", "overdue", "achieved", "dropped")
PROGRESS_COLUMNS = {
    "goal_id": "text",
    "discipline": "text",
    "title": "text",
    "day": "date",
    "progress": "int",
}
STATUS_COLUMNS = {
    "id": "text",
    "discipline": "text",
    "title": "text",
    "created": "date",
    "due": "date",
    "closed_on": "date",
    "status": "text",
    "progress": "int",
    "expected": "float",
    "last_checkin": "date",
    "state": "text",
}


def goal_progress(checkins: pd.DataFrame, *, until: DayLike | None = None) -> pd.DataFrame:
    """Progress per goal and check-in day (the last check-in of a day wins), by goal then day.

    Columns: ``goal_id, discipline, title, day, progress``. ``until`` drops later check-ins.
    """
    rows = checkins if until is None else checkins[checkins["day"] <= as_day(until)]
    rows = rows.drop_duplicates(["goal_id", "day"], keep="last")
    first_day = rows.groupby("goal_id")["day"].transform("min")
    rows = rows.assign(_first=first_day).sort_values(["_first", "goal_id", "day"], kind="stable")
    return typed(rows, PROGRESS_COLUMNS)


def goal_status(
    goals: pd.DataFrame,
    today: DayLike,
    *,
    checkins: pd.DataFrame | None = None,
    pace_tolerance: float = 25,
) -> pd.DataFrame:
    """Where each goal stands on ``today``, oldest goal first.

    Columns: ``id, discipline, title, created, due, closed_on, status, progress, expected``
    (NaN unless open with a due date not passed), ``last_checkin`` and ``state``.
    """
    day = as_day(today)
    out = goals.copy()
    if checkins is not None:
        latest = goal_progress(checkins, until=day).groupby("goal_id").last()
        out["progress"] = lookup(out["id"], latest["progress"], 0)
        out["last_checkin"] = lookup(out["id"], latest["day"])
        # An achieved goal is 100 % from the day it closed, as Goal.progress says for today.
        achieved = (out["status"] == "achieved") & ~(out["closed_on"] > day)
        out.loc[achieved, "progress"] = Goal.ACHIEVED_PROGRESS
    out["expected"] = _expected(out, day)
    out["state"] = [_state(row, day, pace_tolerance) for row in out.itertuples(index=False)]
    return typed(out, STATUS_COLUMNS)


def _expected(goals: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    span = (goals["due"] - goals["created"]).dt.days
    elapsed = (day - goals["created"]).dt.days
    fraction = (elapsed / span.where(span > 0)).where(span > 0, 1.0).clip(0, 1)
    applies = (goals["status"] == "open") & goals["due"].notna() & (goals["due"] >= day)
    return (100 * fraction).where(applies)


def _state(goal, day: pd.Timestamp, tolerance: float) -> str:
    if goal.status in ("achieved", "dropped"):
        return goal.status
    if pd.notna(goal.due) and goal.due < day:
        return "overdue"
    if pd.isna(goal.expected) or goal.progress >= goal.expected - tolerance:
        return "on_track"
    return "behind"
