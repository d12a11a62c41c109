"""Feedback received."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..query import EntryFilter, text_matches
from ..records import Feedback, Rating
from ..specs import FEEDBACK
from ._sql import IN_IDS, id_list, select, shared_conditions, upsert

_UPSERT = upsert(FEEDBACK)


class FeedbackRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def save(self, f: Feedback) -> None:
        """Insert or replace ``f`` with its ratings (inside a transaction)."""
        conn = self._conn
        conn.execute(_UPSERT, FEEDBACK.to_row(f))
        conn.execute("DELETE FROM ratings WHERE feedback_id = ?", (f.id,))
        conn.executemany(
            "INSERT INTO ratings (feedback_id, behaviour, score, framework_version, position) "
            "VALUES (?, ?, ?, ?, ?)",
            [(f.id, x.behaviour, x.score, f.framework_version, i) for i, x in enumerate(f.ratings)],
        )

    def delete(self, feedback_id: str) -> bool:
        return self._conn.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,)).rowcount > 0

    def query(self, leader_id: str | None, f: EntryFilter = EntryFilter()) -> list[Feedback]:
        """Feedback matching ``f``, newest first."""
        conditions, params = shared_conditions(f, leader_id, alias="b", day="b.day")
        if f.discipline:
            conditions.append("b.discipline = ?")
            params.append(f.discipline)
        if f.behaviour:
            conditions.append(
                "EXISTS (SELECT 1 FROM ratings x WHERE x.feedback_id = b.id AND x.behaviour = ?)"
            )
            params.append(f.behaviour)
        sql = (
            f"{select(FEEDBACK, 'b')} WHERE {' AND '.join(conditions)} "
            "ORDER BY b.day DESC, b.created_at DESC"
        )
        items = self._with_ratings(self._conn.execute(sql, params).fetchall())
        return text_matches(items, f, lambda x: x.text + " " + x.name)

    def get(self, feedback_id: str) -> Feedback | None:
        rows = self._conn.execute(f"{select(FEEDBACK)} WHERE id = ?", (feedback_id,)).fetchall()
        found = self._with_ratings(rows)
        return found[0] if found else None

    def _with_ratings(self, rows: list[tuple]) -> list[Feedback]:
        if not rows:
            return []
        id_at = FEEDBACK.columns.index("id")
        ratings = defaultdict(list)
        for fid, behaviour, score in self._conn.execute(
            f"SELECT feedback_id, behaviour, score FROM ratings WHERE feedback_id {IN_IDS} "
            "ORDER BY position",
            (id_list(row[id_at] for row in rows),),
        ):
            ratings[fid].append(Rating(behaviour, score))
        return [FEEDBACK.from_row(row, ratings=tuple(ratings[row[id_at]])) for row in rows]
