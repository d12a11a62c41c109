"""What each view of the "My development" page shows: the journal's frames cut to the period
and discipline chosen, as the analysis frames that its plots and tables take.

Plain functions of a :class:`Selection`; no widgets. The page reads the journal once per
refresh and, on a control change, asks here only for what the changed views need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from .. import analysis as an
from ..framework import Framework
from ._development_text import COVERAGE_DAYS, GAP_THRESHOLD, SMALL_N

PERIOD_MONTHS = {"3m": 3, "6m": 6, "1y": 12, "2y": 24, "all": None}  # key: ui.development.period.*


def period_start(period: str, today: date) -> date | None:
    """The first day of ``period`` (a key of :data:`PERIOD_MONTHS`) ending ``today``."""
    months = PERIOD_MONTHS[period]
    if months is None:
        return None
    return (pd.Timestamp(today) - pd.DateOffset(months=months)).date() + timedelta(days=1)


@dataclass(frozen=True)
class Selection:
    """The frames, my framework and level, and what the controls chose."""

    frames: an.JournalFrames
    framework: Framework
    level: str
    today: date
    since: date | None = None
    discipline: str | None = None  # None: all disciplines
    window: int = 90  # days of the rolling mean

    def mine(self) -> list[str]:
        """My level's behaviours in the chosen discipline(s)."""
        return an.level_behaviours(self.framework, self.level, self.discipline)

    def in_discipline(self, rows: pd.DataFrame) -> pd.DataFrame:
        return rows if self.discipline is None else rows[rows["discipline"] == self.discipline]


def trends(s: Selection) -> pd.DataFrame:
    """Rolling means per discipline, or per behaviour of the one discipline chosen."""
    options = {"behaviours": s.mine(), "window_days": s.window, "since": s.since, "until": s.today}
    if s.discipline is None:
        return an.discipline_trends(s.frames.ratings, s.framework, **options)
    return an.behaviour_trends(s.frames.ratings, s.framework, discipline=s.discipline, **options)


def monthly(s: Selection) -> pd.DataFrame:
    return an.behaviour_by_month(
        s.frames.ratings, s.framework, behaviours=s.mine(), since=s.since, until=s.today
    )


def perception(s: Selection, *, table: bool = False) -> pd.DataFrame:
    """Self vs others per discipline (the radar); ``table``: per behaviour of the chosen
    discipline, with gaps and small numbers marked."""
    if not table:
        return an.self_vs_others(s.frames.ratings, s.framework, since=s.since, until=s.today)
    return an.self_vs_others(
        s.frames.ratings, s.framework, by="behaviour" if s.discipline else "discipline",
        since=s.since, until=s.today, threshold=GAP_THRESHOLD, small_n=SMALL_N,
    )  # fmt: skip


def coverage(s: Selection, level: str) -> pd.DataFrame:
    """Coverage of ``level``'s behaviours over the last :data:`COVERAGE_DAYS` days."""
    frames = s.frames
    return an.coverage(frames.ratings, s.framework, level, s.today, days=COVERAGE_DAYS,
                       goals=frames.goals, checkins=frames.checkins)  # fmt: skip


def next_level(s: Selection) -> pd.DataFrame:
    frames = s.frames
    return an.next_level(frames.ratings, s.framework, s.level, s.today, goals=frames.goals,
                         checkins=frames.checkins)  # fmt: skip


def goals(s: Selection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The status and progress of the goals open in the period (in the chosen discipline)."""
    goals, day = s.in_discipline(s.frames.goals), pd.Timestamp(s.today)
    if s.since is not None:
        goals = goals[goals["closed_on"].isna() | (goals["closed_on"] >= pd.Timestamp(s.since))]
    goals = goals[goals["created"] <= day]
    checkins = s.frames.checkins
    return an.goal_status(goals, day, checkins=checkins), an.goal_progress(checkins, until=day)


def daily(s: Selection) -> pd.DataFrame:
    """Reflections per day over the period (all time: since the first; none: a year)."""
    reflections, since = s.frames.reflections, s.since
    if since is None and not reflections.empty:
        since = min(reflections["day"].min().date(), s.today)
    weeks = (s.today - since).days // 7 + 1 if since else 53
    return an.daily_reflection_counts(reflections, s.today, weeks=weeks)
