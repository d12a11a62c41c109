"""Analysis of a leader's development: pure pandas over the frames of :mod:`lgtrack.frames`.

Every function takes DataFrames plus, where it matters, the framework, the level and ``today``
explicitly (no hidden clock), and returns a DataFrame (or a small frozen record) with fixed
columns, also when there is no data. "Ved ikke" ratings (NaN scores) are never counted as 0:
they are left out of means and counts, and they are no evidence. Analysis uses an entry's
``day`` (the day it is about), never the moment it was written.

==========================  ===============================================================
development over time       :func:`discipline_trends`, :func:`behaviour_trends`,
                            :func:`behaviour_by_month`, :func:`level_periods`
coverage of my level        :func:`evidence`, :func:`coverage`, :func:`coverage_by_discipline`
self vs others              :func:`self_vs_others`
goals                       :func:`goal_progress`, :func:`goal_status`
cadence                     :func:`reflection_counts`, :func:`daily_reflection_counts`,
                            :func:`cadence_status`
current vs next level       :func:`next_level`, :func:`next_level_gap`
one line per discipline     :func:`discipline_summary`
==========================  ===============================================================

>>> from lgtrack import Journal, load_framework
>>> frames = JournalFrames.load(Journal.open(":memory:"))
>>> table = coverage(frames.ratings, load_framework("stuk"), "teamleder", "2026-03-01")
>>> sorted(set(table["status"]))
['never']
"""

from __future__ import annotations

from ._common import level_behaviours
from .cadence import (
    RHYTHMS,
    CadenceStatus,
    cadence_status,
    daily_reflection_counts,
    reflection_counts,
)
from .evidence import (
    COVERAGE_STATUSES,
    coverage,
    coverage_by_discipline,
    evidence,
    next_level,
    next_level_gap,
)
from .goals import GOAL_STATES, goal_progress, goal_status
from .inputs import JournalFrames
from .perception import VERDICTS, self_vs_others
from .summary import discipline_summary
from .trends import behaviour_by_month, behaviour_trends, discipline_trends, level_periods

__all__ = [
    "COVERAGE_STATUSES",
    "GOAL_STATES",
    "RHYTHMS",
    "VERDICTS",
    "CadenceStatus",
    "JournalFrames",
    "behaviour_by_month",
    "behaviour_trends",
    "cadence_status",
    "coverage",
    "coverage_by_discipline",
    "daily_reflection_counts",
    "discipline_summary",
    "discipline_trends",
    "evidence",
    "goal_progress",
    "goal_status",
    "level_behaviours",
    "level_periods",
    "next_level",
    "next_level_gap",
    "reflection_counts",
    "self_vs_others",
]
