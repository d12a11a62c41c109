"""Reflections: saving, loading and filtering."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..query import EntryFilter
from ..records import Rating, Reflection
from ..specs import REFLECTION
from ._sql import IN_IDS, id_list, select, upsert
from .lines import reflection_lines, search_trigrams, where_clause

__all__ = ["ReflectionRepository", "reflection_lines", "search_trigrams", "where_clause"]

_UPSERT = upsert(REFLECTION)


class ReflectionRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def save(self, r: Reflection) -> None:
        """Insert or replace ``r`` with its disciplines, tags and ratings (inside a transaction)."""
        conn = self._conn
        conn.execute(_UPSERT, REFLECTION.to_row(r))
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

    def delete(self, reflection_id: str) -> bool:
        return (
            self._conn.execute("DELETE FROM reflections WHERE id = ?", (reflection_id,)).rowcount
            > 0
        )

    def query(self, leader_id: str | None, f: EntryFilter = EntryFilter()) -> list[Reflection]:
        """Reflections matching ``f``, newest first."""
        where, params = where_clause(leader_id, f)
        sql = f"{select(REFLECTION, 'r')} WHERE {where} ORDER BY r.day DESC, r.created_at DESC, r.rowid DESC"
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(f.limit)
        return self._with_children(self._conn.execute(sql, params).fetchall())

    def lines(self, leader_id: str | None, f: EntryFilter = EntryFilter()) -> sqlite3.Cursor:
        """One row per reflection matching ``f``, newest first, for a one-line listing:
        ``(day, id, private, disciplines, tags, text)``, straight from SQL, no records.

        ``disciplines`` is ``"a,b"`` and ``tags`` ``"#x #y"`` (both sorted, None when there are
        none); ``text`` is the text, else the next step, else the ratings as ``behaviour=score``
        (``?`` for "ved ikke"), as :meth:`query`'s records would give them.
        """
        return reflection_lines(self._conn, leader_id, f)

    def get(self, reflection_id: str) -> Reflection | None:
        rows = self._conn.execute(f"{select(REFLECTION)} WHERE id = ?", (reflection_id,)).fetchall()
        found = self._with_children(rows)
        return found[0] if found else None

    def _with_children(self, rows: list[tuple]) -> list[Reflection]:
        if not rows:
            return []
        ids = id_list(row[REFLECTION.columns.index("id")] for row in rows)
        disciplines, tags, ratings = defaultdict(list), defaultdict(list), defaultdict(list)
        conn = self._conn
        for rid, value in conn.execute(
            f"SELECT reflection_id, discipline FROM reflection_disciplines WHERE reflection_id {IN_IDS}",
            (ids,),
        ):
            disciplines[rid].append(value)
        for rid, value in conn.execute(
            f"SELECT reflection_id, tag FROM reflection_tags WHERE reflection_id {IN_IDS}", (ids,)
        ):
            tags[rid].append(value)
        for rid, behaviour, score in conn.execute(
            f"SELECT reflection_id, behaviour, score FROM ratings WHERE reflection_id {IN_IDS} "
            "ORDER BY position",
            (ids,),
        ):
            ratings[rid].append(Rating(behaviour, score))
        id_at = REFLECTION.columns.index("id")
        return [
            REFLECTION.from_row(
                row,
                disciplines=tuple(sorted(disciplines[row[id_at]])),
                tags=tuple(sorted(tags[row[id_at]])),
                ratings=tuple(ratings[row[id_at]]),
            )
            for row in rows
        ]
