"""Ratings in long form, self and feedback alike, for analysis (:mod:`lgtrack.frames`)."""

from __future__ import annotations

import sqlite3

RATING_ROW = (
    "day",
    "behaviour",
    "score",
    "source",
    "leader_id",
    "leader_level",
    "entry_id",
    "framework_version",
    "private",
)


class RatingRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def long_form(self, leader_id: str | None, *, include_private: bool = True) -> list[tuple]:
        """One row per rating (fields :data:`RATING_ROW`); ``source`` is ``"self"`` or the
        feedback role; every leader's when ``leader_id`` is None."""
        private = "" if include_private else " AND e.private = 0"
        return self._conn.execute(
            f"""
            SELECT e.day, x.behaviour, x.score, 'self', e.leader_id, e.level, e.id,
                   x.framework_version, e.private
            FROM ratings x JOIN reflections e ON x.reflection_id = e.id
            WHERE (? IS NULL OR e.leader_id = ?){private}
            UNION ALL
            SELECT e.day, x.behaviour, x.score, e.role, e.leader_id, l.level, e.id,
                   x.framework_version, e.private
            FROM ratings x JOIN feedback e ON x.feedback_id = e.id
            JOIN leaders l ON l.id = e.leader_id
            WHERE (? IS NULL OR e.leader_id = ?){private}
            """,
            (leader_id, leader_id, leader_id, leader_id),
        ).fetchall()
