"""Copies of frameworks that are not bundled, kept so a journal works wherever it moves.

A framework is kept per id AND version: records carry the version they were made with, and a
changed framework is a new version stored next to the old one (never over it).
"""

from __future__ import annotations

import sqlite3


class FrameworkRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def source(self, framework_id: str, version: str | None = None) -> str | None:
        """The YAML source kept for ``framework_id`` at ``version`` (None: the version kept
        last), or None."""
        if version is None:
            row = self._conn.execute(
                "SELECT source FROM frameworks WHERE id = ? ORDER BY rowid DESC LIMIT 1",
                (framework_id,),
            ).fetchone()
        else:
            row = self._conn.execute(
                "SELECT source FROM frameworks WHERE id = ? AND version = ?",
                (framework_id, version),
            ).fetchone()
        return row[0] if row else None

    def add(self, framework_id: str, version: str, source: str) -> None:
        """Keep a framework version this journal does not have yet (an existing id and version
        is an error: a kept version never changes)."""
        self._conn.execute(
            "INSERT INTO frameworks (id, version, source) VALUES (?, ?, ?)",
            (framework_id, version, source),
        )

    def versions(self, framework_id: str) -> list[str]:
        """The versions kept for ``framework_id``, oldest first."""
        rows = self._conn.execute(
            "SELECT version FROM frameworks WHERE id = ? ORDER BY rowid", (framework_id,)
        )
        return [row[0] for row in rows]

    def all(self) -> list[tuple[str, str, str]]:
        """``(id, version, source)`` of every kept framework version, by id, oldest first."""
        return self._conn.execute(
            "SELECT id, version, source FROM frameworks ORDER BY id, rowid"
        ).fetchall()

    def referenced(self) -> list[tuple[str, str]]:
        """Every ``(framework id, version)`` that a leader or a record names."""
        return self._conn.execute(
            """
            SELECT framework_id, framework_version FROM leaders
            UNION SELECT l.framework_id, r.framework_version FROM reflections r
                JOIN leaders l ON l.id = r.leader_id WHERE r.framework_version IS NOT NULL
            UNION SELECT l.framework_id, f.framework_version FROM feedback f
                JOIN leaders l ON l.id = f.leader_id
            UNION SELECT l.framework_id, x.framework_version FROM ratings x
                JOIN reflections r ON r.id = x.reflection_id JOIN leaders l ON l.id = r.leader_id
            UNION SELECT l.framework_id, x.framework_version FROM ratings x
                JOIN feedback f ON f.id = x.feedback_id JOIN leaders l ON l.id = f.leader_id
            ORDER BY 1, 2
            """
        ).fetchall()
