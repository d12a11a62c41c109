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
    set_lock_notice,
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
    "set_lock_notice",
]

_ENTRY_TABLES = ("reflections", "goals", "feedback", "coach_sessions", "coach_actions", "leaders")


class Store:
    """A journal's database: its connection, transactions and repositories."""

    def __init__(self, conn: sqlite3.Connection):
        from .coaching import CoachingRepository
        from .cohorts import CohortRepository
        from .effects import EffectRepository
        from .feedback import FeedbackRepository
        from .frameworks import FrameworkRepository
        from .goals import GoalRepository
        from .keys import KeyRepository
        from .leaders import LeaderRepository
        from .ratings import RatingRepository
        from .reflections import ReflectionRepository
        from .rounds import RoundRepository
        from .shared_rounds import SharedRoundRepository

        self.conn = conn  # for tests and diagnostics that read the raw database
        self.leaders = LeaderRepository(conn)
        self.reflections = ReflectionRepository(conn)
        self.goals = GoalRepository(conn)
        self.feedback = FeedbackRepository(conn)
        self.coaching = CoachingRepository(conn)
        self.frameworks = FrameworkRepository(conn)
        self.ratings = RatingRepository(conn)
        self.keys = KeyRepository(conn)  # this journal's own key pairs
        self.rounds = RoundRepository(conn)
        self.effects = EffectRepository(conn)  # a leader's effect answers (#13)
        self.cohorts = CohortRepository(conn)  # a facilitator's cohorts (#13)
        self.shared_rounds = SharedRoundRepository(conn)  # rounds' figures a leader shared (#12)

    @classmethod
    def open(cls, db_path: str, *, create: bool = True, clock=None) -> Store:
        """The store at ``db_path``; with ``clock``, the day's first write keeps a backup."""
        return cls(connect(db_path, create=create, clock=clock))

    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """One write transaction (nested blocks are savepoints): all is written, or nothing."""
        with atomic(self.conn):
            yield self

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Read in one consistent state: every read inside sees the database as it was at the
        first one, whatever other programs commit meanwhile (a WAL read transaction).

        An export, a share bundle or a listing reads several tables; without this, a delete
        committed between two of those reads gave a reflection without its disciplines. Inside
        an open transaction (``atomic``) the reads are consistent already. For reading only: a
        write inside would fail once another program has committed since the snapshot began.
        """
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN DEFERRED")
        try:
            self.conn.execute("SELECT 1 FROM sqlite_schema LIMIT 1").fetchall()  # pin it now
            yield self
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")  # nothing was written: this only ends the read

    def close(self) -> None:
        self.conn.close()

    def scrub(self) -> bool:
        """After a delete: the words gone from the file, the index and the WAL
        (:func:`lgtrack.storage.erase.scrub`); False when another program kept the log."""
        from .erase import scrub

        return scrub(self.conn)

    def ids_starting(self, table: str, prefix: str, limit: int = 2) -> list[str]:
        """Up to ``limit`` ids in ``table`` (see :data:`_ENTRY_TABLES`) that start with
        ``prefix``: enough to tell a unique short id from an ambiguous one."""
        if table not in _ENTRY_TABLES:
            raise ValueError(table)
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT ?",
            (len(prefix), prefix, limit),
        )
        return [row[0] for row in rows]

    def owners(self, table: str, ids: list[str]) -> dict[str, str]:
        """Per id among ``ids`` held in ``table`` (reflections, goals, feedback, coach_sessions,
        coach_actions): the leader it belongs to."""
        if table not in _ENTRY_TABLES or table == "leaders":
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
