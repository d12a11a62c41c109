"""Helpers shared by the analysis modules: days, windows, ordering and output dtypes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from ..framework import Framework

SELF = "self"
DayLike = date | str | pd.Timestamp
# The dtype pandas infers for a column of text (object on pandas 2, "str" on pandas 3), so that
# frames built here compare equal to frames a test builds with ``pd.DataFrame``.
TEXT = pd.Series(["x"]).dtype
DATE = "datetime64[ns]"


def as_day(value: DayLike) -> pd.Timestamp:
    """A calendar day as a midnight Timestamp."""
    return pd.Timestamp(value).normalize()


def window_start(today: DayLike, days: int) -> pd.Timestamp:
    """First day of the ``days``-day window that ends with ``today`` (both days included)."""
    if days < 1:
        raise ValueError("a window is at least one day long")
    return as_day(today) - pd.Timedelta(days=days - 1)


def in_period(
    frame: pd.DataFrame, since: DayLike | None, until: DayLike | None, column: str = "day"
):
    """Rows of ``frame`` whose ``column`` lies in ``since`` … ``until`` (inclusive, either open)."""
    keep = pd.Series(True, index=frame.index)
    if since is not None:
        keep &= frame[column] >= as_day(since)
    if until is not None:
        keep &= frame[column] <= as_day(until)
    return frame[keep]


def scored(ratings: pd.DataFrame) -> pd.DataFrame:
    """Ratings with a score: "ved ikke" (NaN) is left out, never counted as 0."""
    return ratings[ratings["score"].notna()]


def self_ratings(ratings: pd.DataFrame) -> pd.DataFrame:
    """My own scored ratings (``source == "self"``)."""
    rated = scored(ratings)
    return rated[rated["source"] == SELF]


def others_ratings(ratings: pd.DataFrame) -> pd.DataFrame:
    """Scored ratings from feedback (every ``source`` but ``"self"``)."""
    rated = scored(ratings)
    return rated[rated["source"] != SELF]


def lookup(keys: pd.Series, values: pd.Series, fill: object = None):
    """``values`` (a Series indexed by key) looked up for each of ``keys``; ``fill`` if absent."""
    found = values.reindex(keys.to_numpy())
    return (found if fill is None else found.fillna(fill)).to_numpy()


def level_behaviours(
    framework: Framework, level: str | None, discipline: str | None = None
) -> list[str]:
    """Ids of the behaviours for ``level``: each discipline's general ones, then the level's."""
    by_discipline = framework.behaviours_for_level(level)
    return [
        b.id
        for d_id, behaviours in by_discipline.items()
        if discipline in (None, d_id)
        for b in behaviours
    ]


def behaviour_rank(framework: Framework) -> dict[str, int]:
    return {b.id: i for i, b in enumerate(framework.all_behaviours())}


def discipline_rank(framework: Framework) -> dict[str, int]:
    return {d: i for i, d in enumerate(framework.discipline_ids)}


def in_framework_order(
    frame: pd.DataFrame, framework: Framework, key: str, then: Iterable[str] = ()
) -> pd.DataFrame:
    """``frame`` sorted by ``key`` (a discipline or behaviour column) in framework order."""
    ranks = discipline_rank(framework) if key == "discipline" else behaviour_rank(framework)
    order = frame[key].map(ranks).fillna(len(ranks)).astype(int).rename("_rank")
    sorted_frame = frame.assign(_rank=order).sort_values(["_rank", *then], kind="stable")
    return sorted_frame.drop(columns="_rank").reset_index(drop=True)


def typed(frame: pd.DataFrame, dtypes: Mapping[str, str]) -> pd.DataFrame:
    """``frame`` with exactly the columns of ``dtypes``, in order, cast to stable dtypes.

    Kinds: ``"text"``, ``"date"``, ``"float"``, ``"int"``, ``"bool"``, ``"object"``.
    """
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    for column, kind in dtypes.items():
        values = (
            frame[column].reset_index(drop=True)
            if column in frame
            else pd.Series([None] * len(frame), dtype=object)
        )
        out[column] = _cast(values, kind)
    return out


def _cast(values: pd.Series, kind: str) -> pd.Series:
    if kind == "text":
        return values.astype(object).where(values.notna(), None).astype(TEXT)
    if kind == "date":
        return pd.to_datetime(values).astype(DATE)
    if kind == "float":
        return pd.to_numeric(values).astype(float)
    if kind == "int":
        return pd.to_numeric(values).astype("int64")
    if kind == "bool":
        return values.astype(bool)
    return values.astype(object)
