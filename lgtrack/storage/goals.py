"""Goals and their check-ins."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import replace

from ..query import EntryFilter, text_matches
from ..records import CheckIn, Goal
from ..specs import CHECKIN, GOAL
from ._sql import IN_IDS, id_list, select, shared_conditions, upsert

_UPSERT = upsert(GOAL)
_UPSERT_CHECKIN = upsert(CHECKIN, keep=("id", "goal_id", "created_at"))


class GoalRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def save(self, g: Goal) -> None:
        """Insert or replace ``g`` with its behaviours and check-ins (inside a transaction)."""
        conn = self._conn
        conn.execute(_UPSERT, GOAL.to_row(g))
        conn.execute("DELETE FROM goal_behaviours WHERE goal_id = ?", (g.id,))
        conn.executemany(
            "INSERT INTO goal_behaviours (goal_id, behaviour, position) VALUES (?, ?, ?)",
            [(g.id, b, i) for i, b in enumerate(dict.fromkeys(g.behaviours))],
        )
        conn.execute("DELETE FROM checkins WHERE goal_id = ?", (g.id,))
        for checkin in g.checkins:
            self.save_checkin(g.id, checkin)

    def save_checkin(self, goal_id: str, c: CheckIn) -> None:
        self._conn.execute(_UPSERT_CHECKIN, CHECKIN.to_row(_with_goal(c, goal_id)))

    def delete(self, goal_id: str) -> bool:
        return self._conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,)).rowcount > 0

    def query(
        self, leader_id: str | None, f: EntryFilter = EntryFilter(), status: str | None = None
    ) -> list[Goal]:
        """Goals matching ``f`` (dates filter on creation day), newest first."""
        conditions, params = shared_conditions(
            f, leader_id, alias="g", day="substr(g.created_at, 1, 10)"
        )
        if status:
            conditions.append("g.status = ?")
            params.append(status)
        if f.discipline:
            conditions.append("g.discipline = ?")
            params.append(f.discipline)
        if f.behaviour:
            conditions.append(
                "EXISTS (SELECT 1 FROM goal_behaviours b WHERE b.goal_id = g.id AND b.behaviour = ?)"
            )
            params.append(f.behaviour)
        sql = f"{select(GOAL, 'g')} WHERE {' AND '.join(conditions)} ORDER BY g.created_at DESC"
        goals = self._with_children(self._conn.execute(sql, params).fetchall())
        return text_matches(goals, f, lambda g: " ".join((g.title, g.why, g.success)))

    def get(self, goal_id: str) -> Goal | None:
        rows = self._conn.execute(f"{select(GOAL)} WHERE id = ?", (goal_id,)).fetchall()
        found = self._with_children(rows)
        return found[0] if found else None

    def checkin_owners(self, checkin_ids: list[str]) -> dict[str, str]:
        """Per check-in id among ``checkin_ids`` that this journal holds: its goal's id."""
        rows = self._conn.execute(
            f"SELECT id, goal_id FROM checkins WHERE id {IN_IDS}", (id_list(checkin_ids),)
        )
        return dict(rows.fetchall())

    def _with_children(self, rows: list[tuple]) -> list[Goal]:
        if not rows:
            return []
        id_at = GOAL.columns.index("id")
        ids = id_list(row[id_at] for row in rows)
        behaviours, checkins = defaultdict(list), defaultdict(list)
        for gid, behaviour in self._conn.execute(
            f"SELECT goal_id, behaviour FROM goal_behaviours WHERE goal_id {IN_IDS} ORDER BY position",
            (ids,),
        ):
            behaviours[gid].append(behaviour)
        goal_at = CHECKIN.columns.index("goal_id")
        for row in self._conn.execute(
            f"{select(CHECKIN)} WHERE goal_id {IN_IDS} ORDER BY day, created_at", (ids,)
        ):
            checkins[row[goal_at]].append(CHECKIN.from_row(row))
        return [
            GOAL.from_row(
                row,
                behaviours=tuple(behaviours[row[id_at]]),
                checkins=tuple(checkins[row[id_at]]),
            )
            for row in rows
        ]


def _with_goal(c: CheckIn, goal_id: str) -> CheckIn:
    return c if c.goal_id == goal_id else replace(c, goal_id=goal_id)
