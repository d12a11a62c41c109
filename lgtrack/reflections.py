"""Reflections in the database: saving, loading and filtering."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from ._time import day_to_text, moment_to_text, text_to_day, text_to_moment
from .query import EntryFilter, fold, shared_conditions
from .records import Rating, Reflection

_COLUMNS = (
    "id, leader_id, day, prompt, text, next_step, private, wellbeing, energy, level, "
    "framework_version, created_at, updated_at"
)


def save(conn: sqlite3.Connection, r: Reflection) -> None:
    """Insert or replace ``r`` with its disciplines, tags and ratings (inside a transaction)."""
    search = fold(" ".join((r.prompt, r.text, r.next_step)))
    conn.execute(
        f"INSERT INTO reflections ({_COLUMNS}, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET day=excluded.day, prompt=excluded.prompt, text=excluded.text, "
        "next_step=excluded.next_step, private=excluded.private, wellbeing=excluded.wellbeing, "
        "energy=excluded.energy, level=excluded.level, framework_version=excluded.framework_version, "
        "updated_at=excluded.updated_at, search=excluded.search",
        (
            r.id,
            r.leader_id,
            day_to_text(r.day),
            r.prompt,
            r.text,
            r.next_step,
            int(r.private),
            r.wellbeing,
            r.energy,
            r.level,
            r.framework_version,
            moment_to_text(r.created_at),
            moment_to_text(r.updated_at),
            search,
        ),
    )
    for table in ("reflection_disciplines", "reflection_tags", "ratings"):
        conn.execute(f"DELETE FROM {table} WHERE reflection_id = ?", (r.id,))
    conn.executemany(
        "INSERT INTO reflection_disciplines (reflection_id, discipline) VALUES (?, ?)",
        [(r.id, d) for d in dict.fromkeys(r.disciplines)],
    )
    conn.executemany(
        "INSERT INTO reflection_tags (reflection_id, tag) VALUES (?, ?)",
        [(r.id, t) for t in dict.fromkeys(r.tags)],
    )
    conn.executemany(
        "INSERT INTO ratings (reflection_id, behaviour, score, framework_version, position) "
        "VALUES (?, ?, ?, ?, ?)",
        [(r.id, x.behaviour, x.score, r.framework_version, i) for i, x in enumerate(r.ratings)],
    )


def delete(conn: sqlite3.Connection, reflection_id: str) -> bool:
    return conn.execute("DELETE FROM reflections WHERE id = ?", (reflection_id,)).rowcount > 0


def where_clause(leader_id: str | None, f: EntryFilter) -> tuple[str, list]:
    """SQL conditions on table alias ``r`` for ``f``; shared with exports and frames.

    Discipline, tag and behaviour filters are ``r.id IN (...)`` over their indexes, so a tag on
    3 % of 50,000 reflections reads those rows only. While one of them is given, the leader test
    is written ``+r.leader_id`` so that SQLite (without ANALYZE statistics) starts from that
    index rather than walking all of the leader's reflections by day.
    """
    conditions, params = shared_conditions(f, None, alias="r", day="r.day")
    by_set = bool(f.discipline or f.tag or f.behaviour)
    if leader_id is not None:
        conditions.append("+r.leader_id = ?" if by_set else "r.leader_id = ?")
        params.append(leader_id)
    if f.discipline:
        conditions.append(
            "r.id IN (SELECT reflection_id FROM reflection_disciplines WHERE discipline = ?)"
        )
        params.append(f.discipline)
    if f.tag:
        conditions.append("r.id IN (SELECT reflection_id FROM reflection_tags WHERE tag = ?)")
        params.append(f.tag)
    if f.behaviour:
        conditions.append("r.id IN (SELECT reflection_id FROM ratings WHERE behaviour = ?)")
        params.append(f.behaviour)
    if f.contains:
        needle = fold(f.contains)
        if len(needle) >= 3:  # the trigram index narrows the search; instr() below confirms it
            conditions.append(
                "r.rowid IN (SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?)"
            )
            params.append('"' + needle.replace('"', '""') + '"')
        conditions.append("instr(r.search, ?) > 0")
        params.append(needle)
    return " AND ".join(conditions), params


def query(
    conn: sqlite3.Connection, leader_id: str | None, f: EntryFilter = EntryFilter()
) -> list[Reflection]:
    """Reflections matching ``f``, newest first."""
    where, params = where_clause(leader_id, f)
    sql = (
        f"SELECT {_COLUMNS} FROM reflections r WHERE {where} ORDER BY r.day DESC, r.created_at DESC"
    )
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(f.limit)
    rows = conn.execute(sql, params).fetchall()
    return _with_children(conn, rows)


def get(conn: sqlite3.Connection, reflection_id: str) -> Reflection | None:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM reflections WHERE id = ?", (reflection_id,)
    ).fetchall()
    found = _with_children(conn, rows)
    return found[0] if found else None


def _with_children(conn: sqlite3.Connection, rows: list[tuple]) -> list[Reflection]:
    if not rows:
        return []
    ids = json.dumps([row[0] for row in rows])
    in_ids = "IN (SELECT value FROM json_each(?))"
    disciplines, tags, ratings = defaultdict(list), defaultdict(list), defaultdict(list)
    for rid, value in conn.execute(
        f"SELECT reflection_id, discipline FROM reflection_disciplines WHERE reflection_id {in_ids}",
        (ids,),
    ):
        disciplines[rid].append(value)
    for rid, value in conn.execute(
        f"SELECT reflection_id, tag FROM reflection_tags WHERE reflection_id {in_ids}", (ids,)
    ):
        tags[rid].append(value)
    for rid, behaviour, score in conn.execute(
        f"SELECT reflection_id, behaviour, score FROM ratings WHERE reflection_id {in_ids} ORDER BY position",
        (ids,),
    ):
        ratings[rid].append(Rating(behaviour, score))
    return [
        Reflection(
            id=row[0],
            leader_id=row[1],
            day=text_to_day(row[2]),
            prompt=row[3],
            text=row[4],
            next_step=row[5],
            private=bool(row[6]),
            wellbeing=row[7],
            energy=row[8],
            level=row[9],
            framework_version=row[10],
            created_at=text_to_moment(row[11]),
            updated_at=text_to_moment(row[12]),
            disciplines=tuple(sorted(disciplines[row[0]])),
            tags=tuple(sorted(tags[row[0]])),
            ratings=tuple(ratings[row[0]]),
        )
        for row in rows
    ]
