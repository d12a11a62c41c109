"""Copies of frameworks that are not bundled, kept so a journal works wherever it moves."""

from __future__ import annotations

import sqlite3


class FrameworkRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def source(self, framework_id: str) -> str | None:
        """The YAML source kept for ``framework_id``, or None."""
        row = self._conn.execute(
            "SELECT source FROM frameworks WHERE id = ?", (framework_id,)
        ).fetchone()
        return row[0] if row else None

    def save(self, framework_id: str, version: str, source: str) -> None:
        self._conn.execute(
            "INSERT INTO frameworks (id, version, source) VALUES (?, ?, ?) ON CONFLICT(id) "
            "DO UPDATE SET version = excluded.version, source = excluded.source",
            (framework_id, version, source),
        )

    def add(self, framework_id: str, version: str, source: str) -> None:
        """Store a framework this journal does not have yet (an existing id is an error)."""
        self._conn.execute(
            "INSERT INTO frameworks (id, version, source) VALUES (?, ?, ?)",
            (framework_id, version, source),
        )

    def all(self) -> list[tuple[str, str, str]]:
        """``(id, version, source)`` of every kept framework, by id."""
        return self._conn.execute(
            "SELECT id, version, source FROM frameworks ORDER BY id"
        ).fetchall()
