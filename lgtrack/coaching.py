"""The coach's own notes on a leader: GROW session notes and agreed actions.

They live in the coach's journal only; share bundles never carry them. An action stays open,
and so is carried forward to every later session, until it is closed as done or dropped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from . import validation
from .errors import NotFoundError
from .journal import Journal
from .records import ACTION_STATUSES, GROW_FIELDS, Action, CoachSession

__all__ = [
    "ACTION_STATUSES",
    "GROW_FIELDS",
    "Action",
    "CoachSession",
    "actions",
    "add_action",
    "carried_forward",
    "close_action",
    "delete_session",
    "get_action",
    "last_session",
    "save_session",
    "sessions",
]


def save_session(journal: Journal, session: CoachSession) -> CoachSession:
    """Store a new session or update an existing one (same id)."""
    journal.leader(session.leader_id)  # NotFoundError for an unknown leader
    validation.check_session(session)
    now = journal.clock()
    existing = journal.store.coaching.get_session(session.id)
    session = replace(session, created_at=existing.created_at if existing else now, updated_at=now)
    with journal.atomic():
        journal.store.coaching.save_session(session)
    return session


def sessions(journal: Journal, leader_id: str) -> list[CoachSession]:
    """The leader's sessions, newest first."""
    return journal.store.coaching.sessions(leader_id)


def last_session(
    journal: Journal, leader_id: str, before: date | None = None
) -> CoachSession | None:
    """The latest session (strictly before ``before`` when given)."""
    for session in sessions(journal, leader_id):
        if before is None or session.day < before:
            return session
    return None


def delete_session(journal: Journal, session_id: str) -> None:
    with journal.atomic():
        if not journal.store.coaching.delete_session(session_id):
            raise NotFoundError("err_no_session", id=session_id)
    journal.scrub()  # the notes' words gone from the disk, as with any delete


def add_action(journal: Journal, action: Action) -> Action:
    """Store a new agreed action (status open)."""
    journal.leader(action.leader_id)
    validation.check_action(action)
    now = journal.clock()
    action = replace(
        action,
        text=action.text.strip(),
        status="open",
        closed_on=None,
        created_at=now,
        updated_at=now,
    )
    with journal.atomic():
        journal.store.coaching.save_action(action)
    return action


def close_action(
    journal: Journal, action_id: str, status: str = "done", *, day: date | None = None
) -> Action:
    """Close an action as done or dropped; it is no longer carried forward."""
    validation.check_action_closing(status)
    current = get_action(journal, action_id)
    now = journal.clock()
    action = replace(current, status=status, closed_on=day or now.date(), updated_at=now)
    validation.check_action(action)
    with journal.atomic():
        journal.store.coaching.save_action(action)
    return action


def get_action(journal: Journal, action_id: str) -> Action:
    action = journal.store.coaching.get_action(action_id)
    if action is None:
        raise NotFoundError("err_no_action", id=action_id)
    return action


def actions(journal: Journal, leader_id: str, *, status: str | None = None) -> list[Action]:
    """The leader's actions, open ones first, then by due date (none last) and age."""
    return journal.store.coaching.actions(leader_id, status)


def carried_forward(journal: Journal, leader_id: str) -> list[Action]:
    """Actions still open: they appear at the next session until closed."""
    return actions(journal, leader_id, status="open")
