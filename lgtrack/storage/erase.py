"""Erasing for real: after a delete, the words must be gone from the bytes on disk.

SQLite leaves deleted text behind in three places, and each needs its own step:

- **freed space in the database file**: ``PRAGMA secure_delete = ON`` (set on every connection
  by :func:`lgtrack.storage.database.connect`) makes SQLite overwrite deleted and rewritten
  content with zeros;
- **the full-text index**: FTS5 never rewrites a segment; a delete only adds a tombstone, and
  the old segment keeps the words. ``'optimize'`` merges every segment into one, dropping the
  deleted entries, and (with secure delete) zeroes the blocks it frees. It holds for any fts5
  table, so it works whatever the index's columns are;
- **the write-ahead log**: earlier versions of a page stay in ``-wal`` until a checkpoint;
  ``wal_checkpoint(TRUNCATE)`` copies the log into the database and truncates it to nothing.
"""

from __future__ import annotations

import sqlite3

from .database import atomic


def fts_tables(conn: sqlite3.Connection) -> list[str]:
    """The names of the database's FTS5 tables."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND lower(sql) LIKE 'create virtual table%using fts5%' ORDER BY name"
    )
    return [name for (name,) in rows]


def scrub(conn: sqlite3.Connection) -> bool:
    """Make deleted words unrecoverable from the database, its index and its WAL.

    Call it after the deleting transaction has committed. Returns False when another
    connection kept the checkpoint from finishing (the log is then cleared by a later
    checkpoint, at the latest when the last connection closes).
    """
    if conn.in_transaction:
        raise RuntimeError("scrub() runs after the deleting transaction has committed")
    with atomic(conn):
        for name in fts_tables(conn):
            quoted = '"' + name.replace('"', '""') + '"'
            conn.execute(f"INSERT INTO {quoted} ({quoted}) VALUES ('optimize')")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        return True
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0
