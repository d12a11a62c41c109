"""One line per discipline of where I stand: the numbers behind ``lgtrack summary``.

Windows end with ``today`` and include it: "the last 90 days" are ``today-89`` … ``today``, "the
90 days before" are ``today-179`` … ``today-90`` and "the last 180 days" ``today-179`` …
``today``. Entries dated after ``today`` are left out of every windowed number.
"""

from __future__ import annotations

import pandas as pd

from ..framework import Framework
from ._common import DayLike, as_day, others_ratings, self_ratings, typed, window_start
from .evidence import coverage, coverage_by_discipline
from .inputs import JournalFrames

SUMMARY_COLUMNS = {
    "id": "text",
    "reflections": "int",
    "self_mean_90d": "float",
    "self_mean_prev_90d": "float",
    "coverage": "float",
    "open_goals": "int",
    "others_mean": "float",
    "others_n": "int",
}


def discipline_summary(
    frames: JournalFrames, framework: Framework, level: str | None, today: DayLike
) -> pd.DataFrame:
    """Per discipline, in framework order:

    - ``reflections``: all time up to ``today``; one in two disciplines counts for both;
    - ``self_mean_90d`` / ``self_mean_prev_90d``: mean of my scored self-ratings in the last 90
      days / the 90 days before (NaN when none);
    - ``coverage``: share of my level's behaviours in the discipline (general + level-specific)
      with evidence in the last 90 days (see :mod:`lgtrack.analysis.evidence`);
    - ``open_goals``: goals open now and created on or before ``today``;
    - ``others_mean`` / ``others_n``: mean and number of scored feedback ratings, last 180 days.

    Means and coverage are rounded to 3 decimals.
    """
    end = as_day(today)
    ids = pd.Index(framework.discipline_ids, name="id")
    out = pd.DataFrame(index=ids)
    written = frames.reflections[frames.reflections["day"] <= end]
    out["reflections"] = written["disciplines"].explode().value_counts()
    mine, theirs = self_ratings(frames.ratings), others_ratings(frames.ratings)
    out["self_mean_90d"] = _mean_in(mine, window_start(end, 90), end)
    out["self_mean_prev_90d"] = _mean_in(mine, window_start(end, 180), window_start(end, 91))
    covered = coverage(
        frames.ratings, framework, level, end, goals=frames.goals, checkins=frames.checkins, days=90
    )
    out["coverage"] = coverage_by_discipline(covered, framework).set_index("discipline")["share"]
    goals = frames.goals
    open_goals = goals[(goals["status"] == "open") & ~(goals["created"] > end)]
    out["open_goals"] = open_goals["discipline"].value_counts()
    recent = theirs[(theirs["day"] >= window_start(end, 180)) & (theirs["day"] <= end)]
    out["others_mean"] = recent.groupby("discipline")["score"].mean()
    out["others_n"] = recent.groupby("discipline").size()
    out[["reflections", "open_goals", "others_n"]] = out[
        ["reflections", "open_goals", "others_n"]
    ].fillna(0)
    means = ["self_mean_90d", "self_mean_prev_90d", "coverage", "others_mean"]
    out[means] = out[means].round(3)
    return typed(out.reset_index(), SUMMARY_COLUMNS)


def _mean_in(rated: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    inside = rated[(rated["day"] >= start) & (rated["day"] <= end)]
    return inside.groupby("discipline")["score"].mean()
