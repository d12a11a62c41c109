"""Leader profiles in the database: "me" and the leaders whose data a coach or facilitator holds."""

from __future__ import annotations

import sqlite3

from ._time import moment_to_text, text_to_moment
from .records import Leader

_COLUMNS = (
    "id, name, level, framework_id, framework_version, lang, unit, is_me, created_at, updated_at"
)


def _from_row(row: tuple) -> Leader:
    return Leader(
        id=row[0],
        name=row[1],
        level=row[2],
        framework_id=row[3],
        framework_version=row[4],
        lang=row[5],
        unit=row[6],
        is_me=bool(row[7]),
        created_at=text_to_moment(row[8]),
        updated_at=text_to_moment(row[9]),
    )


def save(conn: sqlite3.Connection, leader: Leader) -> None:
    conn.execute(
        f"INSERT INTO leaders ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name=excluded.name, level=excluded.level, "
        "framework_id=excluded.framework_id, framework_version=excluded.framework_version, "
        "lang=excluded.lang, unit=excluded.unit, is_me=excluded.is_me, updated_at=excluded.updated_at",
        (
            leader.id,
            leader.name,
            leader.level,
            leader.framework_id,
            leader.framework_version,
            leader.lang,
            leader.unit,
            int(leader.is_me),
            moment_to_text(leader.created_at),
            moment_to_text(leader.updated_at),
        ),
    )


def get(conn: sqlite3.Connection, leader_id: str) -> Leader | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM leaders WHERE id = ?", (leader_id,)).fetchone()
    return _from_row(row) if row else None


def me(conn: sqlite3.Connection) -> Leader | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM leaders WHERE is_me = 1").fetchone()
    return _from_row(row) if row else None


def all_leaders(conn: sqlite3.Connection) -> list[Leader]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM leaders ORDER BY is_me DESC, name COLLATE NOCASE")
    return [_from_row(row) for row in rows]


def delete(conn: sqlite3.Connection, leader_id: str) -> bool:
    return conn.execute("DELETE FROM leaders WHERE id = ?", (leader_id,)).rowcount > 0
