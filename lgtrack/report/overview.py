"""Everything a coach looks at for one leader, computed once from the coach's journal.

:func:`build_overview` gathers the numbers (with :mod:`lgtrack.analysis`), the last coaching
session, the actions still open and what changed since the last session. It is language-free:
the widget and the report render it in a language of their choosing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ..analysis import (
    JournalFrames,
    coverage,
    discipline_trends,
    goal_progress,
    goal_status,
    level_periods,
    self_vs_others,
)
from ..coaching import Action, CoachSession, carried_forward, last_session
from ..errors import Message, NotFoundError, ValidationError
from ..framework import Framework
from ..journal import Journal
from ..query import EntryFilter
from ..records import Goal, Leader
from .changes import Changes, changes_since

SHARED = EntryFilter(include_private=False)

PERIOD_DAYS = 365
COVERAGE_DAYS = 90
TREND_WINDOW_DAYS = 90
MIN_ID_PREFIX = 6
KNOWN_SHOWN = 5  # leaders named in an error message


@dataclass(frozen=True)
class Overview:
    """One leader as the coach sees them on ``today``; the period is ``period_start`` … today."""

    leader: Leader
    framework: Framework
    today: date
    period_start: date
    trends: pd.DataFrame  # analysis.discipline_trends
    levels: pd.DataFrame  # analysis.level_periods
    coverage: pd.DataFrame  # analysis.coverage (last COVERAGE_DAYS days)
    perception: pd.DataFrame  # analysis.self_vs_others by discipline, in the period
    perception_behaviours: pd.DataFrame  # the same by behaviour
    goals: pd.DataFrame  # analysis.goal_status: open goals and those closed in the period
    goal_progress: pd.DataFrame  # analysis.goal_progress of those goals
    goal_records: dict[str, Goal]  # by id, for check-in notes
    changes: Changes
    session: CoachSession | None  # the last session (see build_overview)
    open_actions: tuple[Action, ...]
    shared_rounds: tuple[dict, ...] = ()  # 360 rounds' shown figures the leader shared (#12)


def build_overview(
    journal: Journal,
    leader_id: str,
    today: date,
    *,
    session_before: date | None = None,
    period_days: int = PERIOD_DAYS,
) -> Overview:
    """The overview of ``leader_id`` on ``today``.

    The last session is the latest one on or before ``today``; pass ``session_before`` (the day
    of the session being written) to take the latest one strictly before that day instead.
    "What changed" counts entries after that session's day.

    Entries marked private are left out: the overview and the report made from it are for a
    coaching session, even when a leader makes one from her own journal.
    """
    leader = journal.leader(leader_id)
    framework = journal.framework_for(leader)
    frames = JournalFrames.load(journal, leader.id, include_private=False)
    start = today - timedelta(days=period_days - 1)
    before = session_before if session_before is not None else today + timedelta(days=1)
    session = last_session(journal, leader.id, before=before)
    goals = _goals_in_period(frames, today, start)
    return Overview(
        leader=leader,
        framework=framework,
        today=today,
        period_start=start,
        trends=discipline_trends(
            frames.ratings, framework, window_days=TREND_WINDOW_DAYS, since=start, until=today
        ),
        levels=level_periods(frames.ratings[frames.ratings["day"] >= pd.Timestamp(start)]),
        coverage=coverage(
            frames.ratings,
            framework,
            leader.level,
            today,
            goals=frames.goals,
            checkins=frames.checkins,
            days=COVERAGE_DAYS,
        ),  # fmt: skip
        perception=self_vs_others(frames.ratings, framework, since=start, until=today),
        perception_behaviours=self_vs_others(
            frames.ratings, framework, by="behaviour", since=start, until=today
        ),
        goals=goals,
        goal_progress=goal_progress(
            frames.checkins[frames.checkins["goal_id"].isin(goals["id"])], until=today
        ),
        goal_records={g.id: g for g in journal.goals(SHARED, leader_id=leader.id)},
        changes=changes_since(journal, leader.id, session.day if session else None, today),
        session=session,
        open_actions=tuple(carried_forward(journal, leader.id)),
        shared_rounds=tuple(journal.store.shared_rounds.of(leader.id)),
    )


def _goals_in_period(frames: JournalFrames, today: date, start: date) -> pd.DataFrame:
    """Goal status of goals created by ``today`` that are open or were closed in the period."""
    status = goal_status(frames.goals, today, checkins=frames.checkins)
    created = status["created"].isna() | (status["created"] <= pd.Timestamp(today))
    closed_in_period = status["closed_on"] >= pd.Timestamp(start)
    keep = created & ((status["status"] == "open") | closed_in_period)
    return status[keep].reset_index(drop=True)


def find_leader(journal: Journal, key: str) -> Leader:
    """The leader whose id is ``key`` or starts with ``key`` (at least 6 characters, unique)."""
    key = key.strip()
    leaders = journal.leaders()
    if not leaders:  # a coach's next step is an import
        raise NotFoundError("err_no_leaders_yet")
    for leader in leaders:
        if leader.id == key:
            return leader
    names = ", ".join(f"{leader.name} ({leader.id[:8]})" for leader in leaders[:KNOWN_SHOWN])
    more = len(leaders) - KNOWN_SHOWN
    known = Message("known_more", names=names, more=more) if more > 0 else names
    if len(key) < MIN_ID_PREFIX:
        raise ValidationError("err_leader_id_short", min=MIN_ID_PREFIX, key=key, known=known)
    found = [leader for leader in leaders if leader.id.startswith(key)]
    if not found:
        raise NotFoundError("err_no_leader", key=key, known=known)
    if len(found) > 1:
        raise ValidationError("err_leader_id_ambiguous", key=key, count=len(found))
    return found[0]
