"""Feedback received, in the database."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from ._time import day_to_text, moment_to_text, text_to_day, text_to_moment
from .query import EntryFilter, shared_conditions, text_matches
from .records import Feedback, Rating

_COLUMNS = "id, leader_id, day, role, name, discipline, text, private, framework_version, created_at, updated_at"


def save(conn: sqlite3.Connection, f: Feedback) -> None:
    conn.execute(
        f"INSERT INTO feedback ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET day=excluded.day, role=excluded.role, name=excluded.name, "
        "discipline=excluded.discipline, text=excluded.text, private=excluded.private, "
        "framework_version=excluded.framework_version, updated_at=excluded.updated_at",
        (
            f.id,
            f.leader_id,
            day_to_text(f.day),
            f.role,
            f.name,
            f.discipline,
            f.text,
            int(f.private),
            f.framework_version,
            moment_to_text(f.created_at),
            moment_to_text(f.updated_at),
        ),
    )
    conn.execute("DELETE FROM ratings WHERE feedback_id = ?", (f.id,))
    conn.executemany(
        "INSERT INTO ratings (feedback_id, behaviour, score, framework_version, position) VALUES (?, ?, ?, ?, ?)",
        [(f.id, x.behaviour, x.score, f.framework_version, i) for i, x in enumerate(f.ratings)],
    )


def delete(conn: sqlite3.Connection, feedback_id: str) -> bool:
    return conn.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,)).rowcount > 0


def query(
    conn: sqlite3.Connection, leader_id: str | None, f: EntryFilter = EntryFilter()
) -> list[Feedback]:
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
    sql = f"SELECT {_COLUMNS} FROM feedback b WHERE {' AND '.join(conditions)} ORDER BY b.day DESC, b.created_at DESC"
    items = _with_ratings(conn, conn.execute(sql, params).fetchall())
    return text_matches(items, f, lambda x: x.text + " " + x.name)


def get(conn: sqlite3.Connection, feedback_id: str) -> Feedback | None:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM feedback WHERE id = ?", (feedback_id,)).fetchall()
    found = _with_ratings(conn, rows)
    return found[0] if found else None


def _with_ratings(conn: sqlite3.Connection, rows: list[tuple]) -> list[Feedback]:
    if not rows:
        return []
    ratings = defaultdict(list)
    for fid, behaviour, score in conn.execute(
        "SELECT feedback_id, behaviour, score FROM ratings "
        "WHERE feedback_id IN (SELECT value FROM json_each(?)) ORDER BY position",
        (json.dumps([row[0] for row in rows]),),
    ):
        ratings[fid].append(Rating(behaviour, score))
    return [
        Feedback(
            id=row[0],
            leader_id=row[1],
            day=text_to_day(row[2]),
            role=row[3],
            name=row[4],
            discipline=row[5],
            text=row[6],
            private=bool(row[7]),
            framework_version=row[8],
            created_at=text_to_moment(row[9]),
            updated_at=text_to_moment(row[10]),
            ratings=tuple(ratings[row[0]]),
        )
        for row in rows
    ]
