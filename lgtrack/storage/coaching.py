"""A coach's session notes and agreed actions."""

from __future__ import annotations

import sqlite3

from ..records import Action, CoachSession
from ..specs import COACH_ACTION, COACH_SESSION
from ._sql import select, upsert

_UPSERT_SESSION = upsert(COACH_SESSION)
_UPSERT_ACTION = upsert(COACH_ACTION)


class CoachingRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def save_session(self, session: CoachSession) -> None:
        """Write ``session`` as given, its time stamps included; an existing one keeps its
        leader and ``created_at``."""
        self._conn.execute(_UPSERT_SESSION, COACH_SESSION.to_row(session))

    def get_session(self, session_id: str) -> CoachSession | None:
        row = self._conn.execute(f"{select(COACH_SESSION)} WHERE id = ?", (session_id,)).fetchone()
        return COACH_SESSION.from_row(row) if row else None

    def sessions(self, leader_id: str) -> list[CoachSession]:
        """The leader's sessions, newest first."""
        rows = self._conn.execute(
            f"{select(COACH_SESSION)} WHERE leader_id = ? ORDER BY day DESC, created_at DESC",
            (leader_id,),
        )
        return [COACH_SESSION.from_row(row) for row in rows]

    def delete_session(self, session_id: str) -> bool:
        return (
            self._conn.execute("DELETE FROM coach_sessions WHERE id = ?", (session_id,)).rowcount
            > 0
        )

    def save_action(self, action: Action) -> None:
        """Write ``action`` as given; an existing one keeps its leader and ``created_at``."""
        self._conn.execute(_UPSERT_ACTION, COACH_ACTION.to_row(action))

    def get_action(self, action_id: str) -> Action | None:
        row = self._conn.execute(f"{select(COACH_ACTION)} WHERE id = ?", (action_id,)).fetchone()
        return COACH_ACTION.from_row(row) if row else None

    def actions(self, leader_id: str, status: str | None = None) -> list[Action]:
        """The leader's actions, open ones first, then by due date (none last) and age."""
        rows = self._conn.execute(
            f"{select(COACH_ACTION)} WHERE leader_id = ? AND (? IS NULL OR status = ?) "
            "ORDER BY status != 'open', due IS NULL, due, created_at",
            (leader_id, status, status),
        )
        return [COACH_ACTION.from_row(row) for row in rows]
