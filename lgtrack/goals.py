"""Goals and their check-ins in the database."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from ._time import day_to_text, moment_to_text, text_to_day, text_to_moment
from .query import EntryFilter, shared_conditions, text_matches
from .records import CheckIn, Goal

_COLUMNS = "id, leader_id, discipline, title, why, success, due, status, private, closed_on, created_at, updated_at"


def save(conn: sqlite3.Connection, g: Goal) -> None:
    """Insert or replace ``g`` with its behaviours and check-ins (inside a transaction)."""
    conn.execute(
        f"INSERT INTO goals ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET discipline=excluded.discipline, title=excluded.title, "
        "why=excluded.why, success=excluded.success, due=excluded.due, status=excluded.status, "
        "private=excluded.private, closed_on=excluded.closed_on, updated_at=excluded.updated_at",
        (
            g.id,
            g.leader_id,
            g.discipline,
            g.title,
            g.why,
            g.success,
            day_to_text(g.due),
            g.status,
            int(g.private),
            day_to_text(g.closed_on),
            moment_to_text(g.created_at),
            moment_to_text(g.updated_at),
        ),
    )
    conn.execute("DELETE FROM goal_behaviours WHERE goal_id = ?", (g.id,))
    conn.executemany(
        "INSERT INTO goal_behaviours (goal_id, behaviour, position) VALUES (?, ?, ?)",
        [(g.id, b, i) for i, b in enumerate(dict.fromkeys(g.behaviours))],
    )
    conn.execute("DELETE FROM checkins WHERE goal_id = ?", (g.id,))
    for checkin in g.checkins:
        save_checkin(conn, g.id, checkin)


def save_checkin(conn: sqlite3.Connection, goal_id: str, c: CheckIn) -> None:
    conn.execute(
        "INSERT INTO checkins (id, goal_id, day, progress, note, created_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET day=excluded.day, progress=excluded.progress, note=excluded.note",
        (c.id, goal_id, day_to_text(c.day), c.progress, c.note, moment_to_text(c.created_at)),
    )


def delete(conn: sqlite3.Connection, goal_id: str) -> bool:
    return conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,)).rowcount > 0


def query(
    conn: sqlite3.Connection,
    leader_id: str | None,
    f: EntryFilter = EntryFilter(),
    status: str | None = None,
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
    sql = f"SELECT {_COLUMNS} FROM goals g WHERE {' AND '.join(conditions)} ORDER BY g.created_at DESC"
    goals = _with_children(conn, conn.execute(sql, params).fetchall())
    return text_matches(goals, f, lambda g: " ".join((g.title, g.why, g.success)))


def get(conn: sqlite3.Connection, goal_id: str) -> Goal | None:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM goals WHERE id = ?", (goal_id,)).fetchall()
    found = _with_children(conn, rows)
    return found[0] if found else None


def _with_children(conn: sqlite3.Connection, rows: list[tuple]) -> list[Goal]:
    if not rows:
        return []
    ids = json.dumps([row[0] for row in rows])
    in_ids = "IN (SELECT value FROM json_each(?))"
    behaviours, checkins = defaultdict(list), defaultdict(list)
    for gid, behaviour in conn.execute(
        f"SELECT goal_id, behaviour FROM goal_behaviours WHERE goal_id {in_ids} ORDER BY position",
        (ids,),
    ):
        behaviours[gid].append(behaviour)
    for cid, gid, day, progress, note, created in conn.execute(
        f"SELECT id, goal_id, day, progress, note, created_at FROM checkins WHERE goal_id {in_ids} "
        "ORDER BY day, created_at",
        (ids,),
    ):
        checkins[gid].append(
            CheckIn(
                id=cid,
                goal_id=gid,
                day=text_to_day(day),
                progress=progress,
                note=note,
                created_at=text_to_moment(created),
            )
        )
    return [
        Goal(
            id=row[0],
            leader_id=row[1],
            discipline=row[2],
            title=row[3],
            why=row[4],
            success=row[5],
            due=text_to_day(row[6]),
            status=row[7],
            private=bool(row[8]),
            closed_on=text_to_day(row[9]),
            created_at=text_to_moment(row[10]),
            updated_at=text_to_moment(row[11]),
            behaviours=tuple(behaviours[row[0]]),
            checkins=tuple(checkins[row[0]]),
        )
        for row in rows
    ]
