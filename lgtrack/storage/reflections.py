"""Reflections: saving, loading and filtering."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..query import EntryFilter, fold
from ..records import Rating, Reflection
from ..specs import REFLECTION
from ._sql import IN_IDS, id_list, select, shared_conditions, upsert

_UPSERT = upsert(REFLECTION)

# What a text search looks in: the prompt, the text and the next step as one string. The
# trigram index (migration 5) is fed the same expression by its triggers.
SEARCHED = "(r.prompt || ' ' || r.text || ' ' || r.next_step)"


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
        sql = f"{select(REFLECTION, 'r')} WHERE {where} ORDER BY r.day DESC, r.created_at DESC"
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
        where, params = where_clause(leader_id, f)
        sql = f"{_LINE} WHERE {where} ORDER BY r.day DESC, r.created_at DESC"
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(f.limit)
        return self._conn.execute(sql, params)

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


_LINE = """SELECT r.day, r.id, r.private,
  (SELECT group_concat(discipline, ',') FROM (
      SELECT discipline FROM reflection_disciplines WHERE reflection_id = r.id
      ORDER BY discipline)),
  (SELECT group_concat('#' || tag, ' ') FROM (
      SELECT tag FROM reflection_tags WHERE reflection_id = r.id ORDER BY tag)),
  CASE WHEN r.text != '' THEN r.text WHEN r.next_step != '' THEN r.next_step ELSE (
      SELECT group_concat(behaviour || '=' || ifnull(score, '?'), ' ') FROM (
          SELECT behaviour, score FROM ratings WHERE reflection_id = r.id ORDER BY position))
  END
FROM reflections r"""


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
        trigrams = search_trigrams(needle)
        if trigrams:  # the index narrows the search to entries holding every trigram
            conditions.append(
                "r.rowid IN (SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?)"
            )
            params.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams))
        # ... and the exact test confirms each candidate (the index keeps no positions)
        conditions.append(f"instr(lgtrack_fold({SEARCHED}), ?) > 0")
        params.append(needle)
    return " AND ".join(conditions), params


def search_trigrams(needle: str) -> list[str]:
    """The distinct three-character pieces of ``needle`` (none when it is shorter): an entry
    that contains ``needle`` contains every one of them, so the index can narrow by them all."""
    return list(dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2)))
