"""The coach's own notes on a leader: GROW session notes and agreed actions.

They live in the coach's journal only; share bundles never carry them. An action stays open,
and so is carried forward to every later session, until it is closed as done or dropped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from ._time import day_to_text, moment_to_text, text_to_day, text_to_moment
from .errors import NotFoundError, ValidationError
from .journal import Journal
from .records import new_id
from .store import atomic
from .validation import check_day, check_text

ACTION_STATUSES = ("open", "done", "dropped")
GROW_FIELDS = ("goal", "reality", "options", "will")


@dataclass(frozen=True)
class CoachSession:
    """One coaching session, its notes structured as GROW: goal, reality, options, will."""

    leader_id: str
    day: date
    goal: str = ""
    reality: str = ""
    options: str = ""
    will: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Action:
    """Something the leader agreed to do, with an optional due date."""

    leader_id: str
    text: str
    due: date | None = None
    status: str = "open"
    session_id: str | None = None
    closed_on: date | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None


_SESSION_COLUMNS = "id, leader_id, day, goal, reality, options, will, notes, created_at, updated_at"
_ACTION_COLUMNS = "id, leader_id, session_id, text, due, status, closed_on, created_at, updated_at"


def save_session(journal: Journal, session: CoachSession) -> CoachSession:
    """Store a new session or update an existing one (same id)."""
    journal.leader(session.leader_id)  # NotFoundError for an unknown leader
    check_day(session.day, "session date")
    for name in (*GROW_FIELDS, "notes"):
        check_text(getattr(session, name), name)
    if not any(getattr(session, name).strip() for name in (*GROW_FIELDS, "notes")):
        raise ValidationError(
            "empty session notes: fill in at least one of goal, reality, options, will"
        )
    now = journal.clock()
    existing = _session_row(journal, session.id)
    session = replace(
        session, created_at=text_to_moment(existing[8]) if existing else now, updated_at=now
    )
    with atomic(journal.conn):
        write_session(journal.conn, session)
    return session


def write_session(conn: sqlite3.Connection, session: CoachSession) -> None:
    """Write ``session`` as given, its own time stamps included (inside the caller's transaction).

    An existing session (same id) keeps its leader and ``created_at``; the rest is replaced.
    """
    conn.execute(
        f"INSERT INTO coach_sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET day=excluded.day, goal=excluded.goal, "
        "reality=excluded.reality, options=excluded.options, will=excluded.will, "
        "notes=excluded.notes, updated_at=excluded.updated_at",
        (
            session.id,
            session.leader_id,
            day_to_text(session.day),
            session.goal,
            session.reality,
            session.options,
            session.will,
            session.notes,
            moment_to_text(session.created_at),
            moment_to_text(session.updated_at),
        ),
    )


def find_session(conn: sqlite3.Connection, session_id: str) -> CoachSession | None:
    """The session with ``session_id``, or None."""
    row = conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM coach_sessions WHERE id = ?", (session_id,)
    ).fetchone()
    return _session(row) if row else None


def _session_row(journal: Journal, session_id: str) -> tuple | None:
    return journal.conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM coach_sessions WHERE id = ?", (session_id,)
    ).fetchone()


def _session(row: tuple) -> CoachSession:
    return CoachSession(
        id=row[0],
        leader_id=row[1],
        day=text_to_day(row[2]),
        goal=row[3],
        reality=row[4],
        options=row[5],
        will=row[6],
        notes=row[7],
        created_at=text_to_moment(row[8]),
        updated_at=text_to_moment(row[9]),
    )


def sessions(journal: Journal, leader_id: str) -> list[CoachSession]:
    """The leader's sessions, newest first."""
    rows = journal.conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM coach_sessions WHERE leader_id = ? ORDER BY day DESC, created_at DESC",
        (leader_id,),
    )
    return [_session(row) for row in rows]


def last_session(
    journal: Journal, leader_id: str, before: date | None = None
) -> CoachSession | None:
    """The latest session (strictly before ``before`` when given)."""
    for session in sessions(journal, leader_id):
        if before is None or session.day < before:
            return session
    return None


def delete_session(journal: Journal, session_id: str) -> None:
    with atomic(journal.conn):
        if (
            journal.conn.execute("DELETE FROM coach_sessions WHERE id = ?", (session_id,)).rowcount
            == 0
        ):
            raise NotFoundError(f"no session with id '{session_id}'")


def add_action(journal: Journal, action: Action) -> Action:
    """Store a new agreed action (status open)."""
    journal.leader(action.leader_id)
    if not isinstance(action.text, str) or not action.text.strip():
        raise ValidationError("an action needs a text")
    check_text(action.text, "action", 2_000)
    if action.due is not None:
        check_day(action.due, "due date")
    now = journal.clock()
    action = replace(
        action,
        text=action.text.strip(),
        status="open",
        closed_on=None,
        created_at=now,
        updated_at=now,
    )
    _write_action(journal, action)
    return action


def close_action(
    journal: Journal, action_id: str, status: str = "done", *, day: date | None = None
) -> Action:
    """Close an action as done or dropped; it is no longer carried forward."""
    if status not in ("done", "dropped"):
        raise ValidationError(f"an action is closed as 'done' or 'dropped', not '{status}'")
    current = get_action(journal, action_id)
    now = journal.clock()
    action = replace(current, status=status, closed_on=day or now.date(), updated_at=now)
    check_day(action.closed_on, "closing date")
    _write_action(journal, action)
    return action


def _write_action(journal: Journal, a: Action) -> None:
    with atomic(journal.conn):
        write_action(journal.conn, a)


def write_action(conn: sqlite3.Connection, a: Action) -> None:
    """Write ``a`` as given, its own time stamps included (inside the caller's transaction).

    An existing action (same id) keeps its leader and ``created_at``; the rest is replaced.
    """
    conn.execute(
        f"INSERT INTO coach_actions ({_ACTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET session_id=excluded.session_id, text=excluded.text, "
        "due=excluded.due, status=excluded.status, closed_on=excluded.closed_on, "
        "updated_at=excluded.updated_at",
        (
            a.id,
            a.leader_id,
            a.session_id,
            a.text,
            day_to_text(a.due),
            a.status,
            day_to_text(a.closed_on),
            moment_to_text(a.created_at),
            moment_to_text(a.updated_at),
        ),
    )


def find_action(conn: sqlite3.Connection, action_id: str) -> Action | None:
    """The action with ``action_id``, or None."""
    row = conn.execute(
        f"SELECT {_ACTION_COLUMNS} FROM coach_actions WHERE id = ?", (action_id,)
    ).fetchone()
    return _action(row) if row else None


def _action(row: tuple) -> Action:
    return Action(
        id=row[0],
        leader_id=row[1],
        session_id=row[2],
        text=row[3],
        due=text_to_day(row[4]),
        status=row[5],
        closed_on=text_to_day(row[6]),
        created_at=text_to_moment(row[7]),
        updated_at=text_to_moment(row[8]),
    )


def get_action(journal: Journal, action_id: str) -> Action:
    action = find_action(journal.conn, action_id)
    if action is None:
        raise NotFoundError(f"no action with id '{action_id}'")
    return action


def actions(journal: Journal, leader_id: str, *, status: str | None = None) -> list[Action]:
    """The leader's actions, open ones first, then by due date (none last) and age."""
    rows = journal.conn.execute(
        f"SELECT {_ACTION_COLUMNS} FROM coach_actions WHERE leader_id = ? AND (? IS NULL OR status = ?) "
        "ORDER BY status != 'open', due IS NULL, due, created_at",
        (leader_id, status, status),
    )
    return [_action(row) for row in rows]


def carried_forward(journal: Journal, leader_id: str) -> list[Action]:
    """Actions still open: they appear at the next session until closed."""
    return actions(journal, leader_id, status="open")
