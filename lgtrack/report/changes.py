"""What changed for a leader since the last coaching session.

"Since" a session means *after* its day: an entry dated on the session day belongs to that
session. Without an earlier session the window is the last :data:`FIRST_SESSION_DAYS` days.
Entries are told apart by the day they are about, not by when they were written or imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..journal import Journal
from ..query import EntryFilter
from ..records import CheckIn, Feedback, Goal, Reflection

FIRST_SESSION_DAYS = 30


@dataclass(frozen=True)
class Changes:
    """New entries dated ``since`` < day ≤ ``until`` (newest first)."""

    since: date  # exclusive
    until: date  # inclusive
    session_day: date | None  # the session the window starts at; None before the first one
    reflections: tuple[Reflection, ...] = ()
    feedback: tuple[Feedback, ...] = ()
    checkins: tuple[tuple[Goal, CheckIn], ...] = ()
    new_goals: tuple[Goal, ...] = ()
    achieved: tuple[Goal, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.reflections or self.feedback or self.checkins or self.new_goals or self.achieved
        )


def changes_since(
    journal: Journal, leader_id: str, session_day: date | None, today: date
) -> Changes:
    """Reflections, feedback, check-ins, new and newly achieved goals after ``session_day``
    (or in the last 30 days when there was no session) up to and including ``today``."""
    since = session_day if session_day is not None else today - timedelta(days=FIRST_SESSION_DAYS)
    # Private entries never reach a coaching overview or report.
    window = EntryFilter(since=since + timedelta(days=1), until=today, include_private=False)
    goals = journal.goals(EntryFilter(include_private=False), leader_id=leader_id)

    def inside(day: date | None) -> bool:
        return day is not None and since < day <= today

    checkins = sorted(
        ((goal, c) for goal in goals for c in goal.checkins if inside(c.day)),
        key=lambda pair: pair[1].day,
        reverse=True,
    )
    created = [g for g in goals if g.created_at is not None and inside(g.created_at.date())]
    achieved = [g for g in goals if g.status == "achieved" and inside(g.closed_on)]
    return Changes(
        since=since,
        until=today,
        session_day=session_day,
        reflections=tuple(journal.reflections(window, leader_id=leader_id)),
        feedback=tuple(journal.feedback(window, leader_id=leader_id)),
        checkins=tuple(checkins),
        new_goals=tuple(created),
        achieved=tuple(achieved),
    )
