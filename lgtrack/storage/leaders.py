"""Leader profiles: "me" and the leaders whose data a coach or facilitator holds."""

from __future__ import annotations

import sqlite3

from ..records import Leader
from ..specs import LEADER
from ._sql import select, upsert

_SELECT = select(LEADER)
_UPSERT = upsert(LEADER)


class LeaderRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def save(self, leader: Leader) -> None:
        """Insert or update ``leader`` with every column it owns (its origin too)."""
        self._conn.execute(_UPSERT, LEADER.to_row(leader))

    def get(self, leader_id: str) -> Leader | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (leader_id,)).fetchone()
        return LEADER.from_row(row) if row else None

    def me(self) -> Leader | None:
        row = self._conn.execute(f"{_SELECT} WHERE is_me = 1").fetchone()
        return LEADER.from_row(row) if row else None

    def all(self) -> list[Leader]:
        rows = self._conn.execute(f"{_SELECT} ORDER BY is_me DESC, name COLLATE NOCASE")
        return [LEADER.from_row(row) for row in rows]

    def count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM leaders").fetchone()[0]

    def delete(self, leader_id: str) -> bool:
        """Remove a leader and, by the schema's cascades, every record of theirs."""
        return self._conn.execute("DELETE FROM leaders WHERE id = ?", (leader_id,)).rowcount > 0

    def delete_all(self) -> None:
        self._conn.execute("DELETE FROM leaders")

    def pinned_key(self, leader_id: str) -> str | None:
        """The public key pinned for ``leader_id`` when their first signed bundle came in."""
        row = self._conn.execute(
            "SELECT public_key FROM leader_keys WHERE leader_id = ?", (leader_id,)
        ).fetchone()
        return row[0] if row else None

    def pinned_keys(self) -> dict[str, str]:
        """Every pinned public key, by leader id."""
        return dict(self._conn.execute("SELECT leader_id, public_key FROM leader_keys"))

    def pin_key(self, leader_id: str, public_key: str, pinned_at: str) -> None:
        """Pin ``public_key`` for ``leader_id`` (replacing a pin is :meth:`unpin_key` first)."""
        self._conn.execute(
            "INSERT INTO leader_keys (leader_id, public_key, pinned_at) VALUES (?, ?, ?)",
            (leader_id, public_key, pinned_at),
        )

    def unpin_key(self, leader_id: str) -> bool:
        """Forget the key pinned for ``leader_id``; False if none was."""
        cursor = self._conn.execute("DELETE FROM leader_keys WHERE leader_id = ?", (leader_id,))
        return cursor.rowcount > 0

    def activity(self, leader_id: str) -> tuple[int, int, int, str | None]:
        """Counts of reflections, goals and feedback, and the day of the latest entry."""
        return self._conn.execute(_ACTIVITY, {"id": leader_id}).fetchone()

    def activity_of_all(self) -> dict[str, tuple[int, int, int, str | None]]:
        """:meth:`activity` of every leader at once, by id: one pass over each table, so a
        coach's thousand leaders cost what their records cost, not a thousand lookups."""
        found: dict[str, list] = {}
        for column, sql in enumerate(_ACTIVITY_OF_ALL):
            for leader_id, count, last in self._conn.execute(sql):
                entry = found.setdefault(leader_id, [0, 0, 0, None])
                if column < 3:
                    entry[column] = count
                if last is not None and (entry[3] is None or last > entry[3]):
                    entry[3] = last
        return {leader_id: tuple(entry) for leader_id, entry in found.items()}


_ACTIVITY = """
SELECT
  (SELECT COUNT(*) FROM reflections WHERE leader_id = :id),
  (SELECT COUNT(*) FROM goals WHERE leader_id = :id),
  (SELECT COUNT(*) FROM feedback WHERE leader_id = :id),
  (SELECT MAX(day) FROM (
      SELECT day FROM reflections WHERE leader_id = :id
      UNION ALL SELECT day FROM feedback WHERE leader_id = :id
      UNION ALL SELECT c.day FROM checkins c JOIN goals g ON g.id = c.goal_id
                WHERE g.leader_id = :id
      UNION ALL SELECT substr(created_at, 1, 10) FROM goals WHERE leader_id = :id))
"""

_ACTIVITY_OF_ALL = (  # (leader, count, latest day): reflections, goals, feedback, check-ins
    "SELECT leader_id, COUNT(*), MAX(day) FROM reflections GROUP BY leader_id",
    "SELECT leader_id, COUNT(*), MAX(substr(created_at, 1, 10)) FROM goals GROUP BY leader_id",
    "SELECT leader_id, COUNT(*), MAX(day) FROM feedback GROUP BY leader_id",
    "SELECT g.leader_id, 0, MAX(c.day) FROM checkins c JOIN goals g ON g.id = c.goal_id "
    "GROUP BY g.leader_id",
)
