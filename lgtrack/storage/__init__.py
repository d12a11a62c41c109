"""The storage layer: the only code in lgtrack that runs SQL.

:class:`Store` holds one connection and the journal's repositories, one per kind of record
(leaders, reflections, goals, feedback, the coach's notes, kept frameworks, ratings in long
form). :class:`lgtrack.Journal` validates and then writes through them; importers and the
share import write through ``journal.store`` inside ``journal.atomic()``. A test
(``tests/test_write_path.py``) fails when any module outside this package executes SQL.

Row layouts come from the records' field specifications (:mod:`lgtrack.specs`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from .database import (
    DB_FILENAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    atomic,
    connect,
    database_path,
    default_home,
    has_profile,
    migrate,
    profile_lang,
)

# The repositories (and the records and specifications they build on) load when a Store is
# made or RATING_ROW is asked for: reading the database alone must stay cheap to import (#15).

# What the database raises when it refuses a write (a constraint): callers need not import sqlite3.
DatabaseError = sqlite3.Error

__all__ = [
    "DB_FILENAME",
    "DatabaseError",
    "MIGRATIONS",
    "RATING_ROW",
    "SCHEMA_VERSION",
    "Store",
    "atomic",
    "connect",
    "database_path",
    "default_home",
    "has_profile",
    "migrate",
    "profile_lang",
]


class Store:
    """A journal's database: its connection, transactions and repositories."""

    def __init__(self, conn: sqlite3.Connection):
        from .coaching import CoachingRepository
        from .feedback import FeedbackRepository
        from .frameworks import FrameworkRepository
        from .goals import GoalRepository
        from .leaders import LeaderRepository
        from .ratings import RatingRepository
        from .reflections import ReflectionRepository

        self.conn = conn  # for tests and diagnostics that read the raw database
        self.leaders = LeaderRepository(conn)
        self.reflections = ReflectionRepository(conn)
        self.goals = GoalRepository(conn)
        self.feedback = FeedbackRepository(conn)
        self.coaching = CoachingRepository(conn)
        self.frameworks = FrameworkRepository(conn)
        self.ratings = RatingRepository(conn)

    @classmethod
    def open(cls, db_path: str, *, create: bool = True) -> Store:
        return cls(connect(db_path, create=create))

    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """One write transaction (nested blocks are savepoints): all is written, or nothing."""
        with atomic(self.conn):
            yield self

    def close(self) -> None:
        self.conn.close()

    def owners(self, table: str, ids: list[str]) -> dict[str, str]:
        """Per id among ``ids`` held in ``table`` (reflections, goals, feedback, coach_sessions,
        coach_actions): the leader it belongs to."""
        if table not in ("reflections", "goals", "feedback", "coach_sessions", "coach_actions"):
            raise ValueError(table)
        from ._sql import id_list

        rows = self.conn.execute(
            f"SELECT id, leader_id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            (id_list(ids),),
        )
        return dict(rows.fetchall())


def __getattr__(name: str) -> object:
    if name == "RATING_ROW":
        from .ratings import RATING_ROW

        return RATING_ROW
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
