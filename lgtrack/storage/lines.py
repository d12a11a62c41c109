"""Reading reflections for a one-line listing, and the filter every reflection query shares.

Cheap to import on purpose (no records, no field specifications): ``lgtrack list reflections``
formats its lines straight from these rows (#15).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from .._text import fold
from ._sql import shared_conditions

if TYPE_CHECKING:  # not at run time: its dataclass module costs a quick listing's start (#15)
    from ..query import EntryFilter

NO_LEADER = ""  # lgtrack.journal.NO_LEADER: the key of a journal without a profile, no one's

# What a text search looks in: the prompt, the text and the next step as one string. The
# trigram index is fed the same expression, folded, by its triggers (FOLDED_SEARCH).
SEARCHED = "(r.prompt || ' ' || r.text || ' ' || r.next_step)"
# What the index holds of a reflection ``r`` (a needle is folded the same way).
INDEXED = f"lgtrack_fold({SEARCHED})"

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


def reflection_lines(
    conn: sqlite3.Connection, leader_id: str | None, f: EntryFilter
) -> sqlite3.Cursor:
    """One row per reflection matching ``f``, newest first, for a one-line listing:
    ``(day, id, private, disciplines, tags, text)``, straight from SQL, no records.

    ``disciplines`` is ``"a,b"`` and ``tags`` ``"#x #y"`` (both sorted, None when there are
    none); ``text`` is the text, else the next step, else the ratings as ``behaviour=score``
    (``?`` for "ved ikke"), as the records of ``ReflectionRepository.query`` would give them.
    ``f`` is an :class:`EntryFilter` or any object with its fields (the command line passes
    its checked options, :func:`lgtrack.cli.listing.filter_options`).
    """
    where, params = where_clause(leader_id, f)
    sql = f"{_LINE} WHERE {where} ORDER BY r.day DESC, r.created_at DESC, r.rowid DESC"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(f.limit)
    return conn.execute(sql, params)


def journal_owner(conn: sqlite3.Connection) -> tuple[str | None, str | None, bool]:
    """The profile's id and language (None, None without one), and whether any leader is kept."""
    me = conn.execute("SELECT id, lang FROM leaders WHERE is_me = 1").fetchone()
    if me:
        return me[0], me[1], True
    return None, None, conn.execute("SELECT EXISTS (SELECT 1 FROM leaders)").fetchone()[0] == 1


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
        conditions.append(f"instr({INDEXED}, ?) > 0")
        params.append(needle)
    return " AND ".join(conditions), params


def search_trigrams(needle: str) -> list[str]:
    """The distinct three-character pieces of ``needle`` (none when it is shorter): an entry
    that contains ``needle`` contains every one of them, so the index can narrow by them all."""
    return list(dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2)))
