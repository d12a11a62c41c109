"""360 rounds' shown figures that leaders shared with their coach (#12), one row per round.

The coach's journal keeps each round as the checked JSON of the bundle
(:mod:`lgtrack.sharing.rounds`): means and counts, never an answer or a comment.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any


class SharedRoundRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def replace(self, leader_id: str, rounds: list[dict[str, Any]]) -> None:
        """Make ``leader_id``'s shared rounds exactly ``rounds`` (inside a transaction)."""
        self._conn.execute("DELETE FROM shared_rounds WHERE leader_id = ?", (leader_id,))
        self._conn.executemany(
            "INSERT INTO shared_rounds (leader_id, round_id, position, figures) VALUES (?, ?, ?, ?)",
            [
                (leader_id, entry["id"], position, json.dumps(entry, ensure_ascii=False))
                for position, entry in enumerate(rounds)
            ],
        )

    def of(self, leader_id: str) -> list[dict[str, Any]]:
        """``leader_id``'s shared rounds, in the bundle's order (oldest first)."""
        rows = self._conn.execute(
            "SELECT figures FROM shared_rounds WHERE leader_id = ? ORDER BY position",
            (leader_id,),
        )
        return [json.loads(row[0]) for row in rows]
