"""Development over time: rolling means of my self-ratings, per discipline and per behaviour.

The window is **time-based**: ``window_days=90`` means that the value on day *d* is the mean of
every self-rating dated *d-89* … *d* (the 90 calendar days that end with *d*). A rolling value
is only given on days with evidence (a scored self-rating); nothing is interpolated. When two
evidence days are further apart than the window, the later one starts a new ``segment`` so a
plot does not draw a line across the gap. "Ved ikke" ratings (NaN scores) are left out of every
mean and every count; they are never 0.

``since``/``until`` choose the period shown; ratings just before ``since`` still count in the
window of the first days shown, so a value does not change with the period chosen.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..framework import Framework
from ._common import DayLike, in_framework_order, in_period, self_ratings, typed

TREND_COLUMNS = {
    "day": "date",
    "day_mean": "float",
    "day_n": "int",
    "rolling_mean": "float",
    "rolling_n": "int",
    "segment": "int",
}
MONTH_COLUMNS = {
    "behaviour": "text",
    "discipline": "text",
    "month": "date",
    "mean": "float",
    "n": "int",
    "days": "int",
}


def discipline_trends(
    ratings: pd.DataFrame,
    framework: Framework,
    *,
    window_days: int = 90,
    behaviours: Iterable[str] | None = None,
    since: DayLike | None = None,
    until: DayLike | None = None,
) -> pd.DataFrame:
    """Rolling mean of my self-ratings per discipline, one row per discipline and evidence day.

    Columns: ``discipline, day, day_mean, day_n, rolling_mean, rolling_n, segment``; disciplines
    in framework order, then by day. ``behaviours`` limits the ratings used (e.g. those of my
    level, see :func:`~lgtrack.analysis.level_behaviours`).
    """
    rated = _selected(ratings, behaviours)
    out = _rolling(rated, "discipline", window_days)
    out = in_framework_order(in_period(out, since, until), framework, "discipline", ["day"])
    out = typed(out, {"discipline": "text", **TREND_COLUMNS})
    out.attrs["window_days"] = window_days
    return out


def behaviour_trends(
    ratings: pd.DataFrame,
    framework: Framework,
    *,
    window_days: int = 90,
    behaviours: Iterable[str] | None = None,
    discipline: str | None = None,
    since: DayLike | None = None,
    until: DayLike | None = None,
) -> pd.DataFrame:
    """Rolling mean of my self-ratings per behaviour, one row per behaviour and evidence day.

    Columns: ``behaviour, discipline, day, day_mean, day_n, rolling_mean, rolling_n, segment``;
    behaviours in framework order, then by day.
    """
    rated = _selected(ratings, behaviours)
    if discipline is not None:
        rated = rated[rated["discipline"] == discipline]
    out = _rolling(rated, "behaviour", window_days)
    out["discipline"] = out["behaviour"].map(_discipline_of(framework))
    out = in_framework_order(in_period(out, since, until), framework, "behaviour", ["day"])
    out = typed(out, {"behaviour": "text", "discipline": "text", **TREND_COLUMNS})
    out.attrs["window_days"] = window_days
    return out


def behaviour_by_month(
    ratings: pd.DataFrame,
    framework: Framework,
    *,
    behaviours: Iterable[str] | None = None,
    since: DayLike | None = None,
    until: DayLike | None = None,
) -> pd.DataFrame:
    """Mean self-rating per behaviour and calendar month (months without ratings have no row).

    Columns: ``behaviour, discipline, month`` (first day of the month), ``mean``, ``n`` (scored
    ratings) and ``days`` (distinct days with a rating).
    """
    rated = in_period(_selected(ratings, behaviours), since, until)
    rated = rated.assign(month=rated["day"].dt.to_period("M").dt.start_time)
    out = (
        rated.groupby(["behaviour", "month"])
        .agg(mean=("score", "mean"), n=("score", "size"), days=("day", "nunique"))
        .reset_index()
    )
    out["discipline"] = out["behaviour"].map(_discipline_of(framework))
    return typed(in_framework_order(out, framework, "behaviour", ["month"]), MONTH_COLUMNS)


def level_periods(frame: pd.DataFrame, *, column: str = "leader_level") -> pd.DataFrame:
    """The spans of time I spent at each leadership level, for an overlay on a trend plot.

    Pass :func:`lgtrack.frames.ratings_frame` (its self rows carry ``leader_level``, the level
    when the reflection was written) or :func:`lgtrack.frames.reflections_frame` with
    ``column="level"``. Columns: ``level, start, end`` (first and last day seen at that level);
    a return to an earlier level is a new row.
    """
    rows = frame[frame["source"] == "self"] if "source" in frame else frame
    rows = rows[rows[column].notna()].sort_values("day", kind="stable")
    run = (rows[column] != rows[column].shift()).cumsum()
    out = rows.groupby(run).agg(level=(column, "first"), start=("day", "min"), end=("day", "max"))
    return typed(out, {"level": "text", "start": "date", "end": "date"})


def _selected(ratings: pd.DataFrame, behaviours: Iterable[str] | None) -> pd.DataFrame:
    rated = self_ratings(ratings)
    rated = rated[rated["discipline"].notna()]
    if behaviours is not None:
        rated = rated[rated["behaviour"].isin(list(behaviours))]
    return rated


def _discipline_of(framework: Framework) -> dict[str, str]:
    return {b.id: b.discipline for b in framework.all_behaviours()}


def _rolling(rated: pd.DataFrame, key: str, window_days: int) -> pd.DataFrame:
    """Per ``key`` and evidence day: that day's mean and the time-based rolling mean."""
    if window_days < 1:
        raise ValueError("window_days must be at least 1")
    daily = (
        rated.groupby([key, "day"])["score"]
        .agg(day_sum="sum", day_n="count")
        .reset_index()
        .sort_values([key, "day"], kind="stable")
    )
    if daily.empty:
        return daily.assign(day_mean=[], rolling_mean=[], rolling_n=[], segment=[])
    rolled = (
        daily.set_index("day")
        .groupby(key)[["day_sum", "day_n"]]
        .rolling(f"{window_days}D")
        .sum()
        .reset_index()
        .rename(columns={"day_sum": "window_sum", "day_n": "rolling_n"})
    )
    out = daily.merge(rolled, on=[key, "day"], how="left", validate="one_to_one")
    out["day_mean"] = out["day_sum"] / out["day_n"]
    out["rolling_mean"] = out["window_sum"] / out["rolling_n"]
    gap = out.groupby(key)["day"].diff() > pd.Timedelta(days=window_days)
    out["segment"] = gap.astype(int).groupby(out[key]).cumsum()
    return out
