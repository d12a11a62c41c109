"""The SQLite database under a journal: location, connection settings, migrations, transactions.

- WAL journal, foreign keys on and a busy timeout, so that two processes can write at once.
- Every write goes through :func:`atomic` (one ``BEGIN IMMEDIATE`` transaction).
- The schema is versioned with ``PRAGMA user_version`` and upgraded by ordered migrations.
- The default location is a per-user data directory, overridable by ``LGTRACK_HOME``; never the
  repository. ``":memory:"`` gives a throw-away journal for tests.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from ..query import fold

DB_FILENAME = "journal.sqlite"
BUSY_TIMEOUT_MS = 30_000
_LOCK_RETRIES = 20
PAGE_SIZE = 8192
CACHE_KIB = 64 * 1024

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE leaders (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT,
        framework_id TEXT NOT NULL,
        framework_version TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'da',
        unit TEXT NOT NULL DEFAULT '',
        is_me INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX leaders_one_me ON leaders(is_me) WHERE is_me = 1;
    CREATE TABLE reflections (
        id TEXT PRIMARY KEY,
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        next_step TEXT NOT NULL DEFAULT '',
        private INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX reflections_day ON reflections(leader_id, day);
    CREATE TABLE reflection_disciplines (
        reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
        discipline TEXT NOT NULL,
        PRIMARY KEY (reflection_id, discipline)
    ) WITHOUT ROWID;
    CREATE INDEX reflection_disciplines_discipline ON reflection_disciplines(discipline);
    CREATE TABLE reflection_tags (
        reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (reflection_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX reflection_tags_tag ON reflection_tags(tag);
    CREATE TABLE goals (
        id TEXT PRIMARY KEY,
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        discipline TEXT NOT NULL,
        title TEXT NOT NULL,
        why TEXT NOT NULL DEFAULT '',
        success TEXT NOT NULL DEFAULT '',
        due TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
        private INTEGER NOT NULL DEFAULT 0,
        closed_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE goal_behaviours (
        goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        behaviour TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (goal_id, behaviour)
    ) WITHOUT ROWID;
    CREATE TABLE checkins (
        id TEXT PRIMARY KEY,
        goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX checkins_goal ON checkins(goal_id, day);
    CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        discipline TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        private INTEGER NOT NULL DEFAULT 0,
        framework_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX feedback_day ON feedback(leader_id, day);
    CREATE TABLE ratings (
        reflection_id TEXT REFERENCES reflections(id) ON DELETE CASCADE,
        feedback_id TEXT REFERENCES feedback(id) ON DELETE CASCADE,
        behaviour TEXT NOT NULL,
        score INTEGER,
        framework_version TEXT NOT NULL,
        position INTEGER NOT NULL,
        CHECK ((reflection_id IS NULL) != (feedback_id IS NULL))
    );
    CREATE INDEX ratings_reflection ON ratings(reflection_id);
    CREATE INDEX ratings_feedback ON ratings(feedback_id);
    CREATE INDEX ratings_behaviour ON ratings(behaviour);
    """,
    # 2: wellbeing and energy, the leader's level at the time, and a case-folded search column
    """
    ALTER TABLE reflections ADD COLUMN wellbeing INTEGER;
    ALTER TABLE reflections ADD COLUMN energy INTEGER;
    ALTER TABLE reflections ADD COLUMN level TEXT;
    ALTER TABLE reflections ADD COLUMN framework_version TEXT;
    ALTER TABLE reflections ADD COLUMN search TEXT NOT NULL DEFAULT '';
    UPDATE reflections SET search = lgtrack_fold(prompt || ' ' || text || ' ' || next_step);
    UPDATE reflections SET level = (
        SELECT level FROM leaders WHERE leaders.id = reflections.leader_id);
    CREATE TABLE frameworks (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        source TEXT NOT NULL
    );
    UPDATE reflections SET framework_version = (
        SELECT framework_version FROM leaders WHERE leaders.id = reflections.leader_id);
    """,
    # 3: the coach's side: where an imported leader came from, session notes and agreed actions
    """
    ALTER TABLE leaders ADD COLUMN imported_at TEXT;
    ALTER TABLE leaders ADD COLUMN share_scope TEXT;
    CREATE TABLE coach_sessions (
        id TEXT PRIMARY KEY,
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        goal TEXT NOT NULL DEFAULT '',
        reality TEXT NOT NULL DEFAULT '',
        options TEXT NOT NULL DEFAULT '',
        will TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX coach_sessions_leader ON coach_sessions(leader_id, day);
    CREATE TABLE coach_actions (
        id TEXT PRIMARY KEY,
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        session_id TEXT REFERENCES coach_sessions(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        due TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
        closed_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX coach_actions_leader ON coach_actions(leader_id, status);
    """,
    # 4: a trigram full-text index over the search text, so that a text search over years of
    # reflections reads a few index pages instead of every entry; triggers keep it in step.
    """
    CREATE VIRTUAL TABLE reflections_fts USING fts5(
        search, content='reflections', content_rowid='rowid', tokenize='trigram'
    );
    CREATE TRIGGER reflections_fts_insert AFTER INSERT ON reflections BEGIN
        INSERT INTO reflections_fts (rowid, search) VALUES (new.rowid, new.search);
    END;
    CREATE TRIGGER reflections_fts_delete AFTER DELETE ON reflections BEGIN
        INSERT INTO reflections_fts (reflections_fts, rowid, search)
        VALUES ('delete', old.rowid, old.search);
    END;
    CREATE TRIGGER reflections_fts_update AFTER UPDATE OF search ON reflections BEGIN
        INSERT INTO reflections_fts (reflections_fts, rowid, search)
        VALUES ('delete', old.rowid, old.search);
        INSERT INTO reflections_fts (rowid, search) VALUES (new.rowid, new.search);
    END;
    INSERT INTO reflections_fts (reflections_fts) VALUES ('rebuild');
    """,
    # 5 (#15): a smaller file with the same search. The index folds case itself (trigram
    # case_sensitive 0 folds Æ/Ø/Å like A-Z) and keeps no copy of the text (contentless), so the
    # case-folded ``search`` column goes. detail=none keeps only which reflections hold each
    # trigram, not where: a search ANDs the needle's trigrams and instr() confirms each candidate.
    # The triggers give the index the very text they gave it at insert, so 'delete' is exact.
    # A rating belongs to a reflection or to feedback: each index of its owner keeps only the
    # ratings that have one (a query by owner id uses it all the same). The dropped column
    # leaves its pages free: the file is compacted once after migrating.
    """
    -- compact: VACUUM after migrating
    DROP TRIGGER reflections_fts_insert;
    DROP TRIGGER reflections_fts_delete;
    DROP TRIGGER reflections_fts_update;
    DROP TABLE reflections_fts;
    ALTER TABLE reflections DROP COLUMN search;
    CREATE VIRTUAL TABLE reflections_fts USING fts5(
        search, content='', tokenize='trigram case_sensitive 0', detail='none', columnsize=0
    );
    CREATE TRIGGER reflections_fts_insert AFTER INSERT ON reflections BEGIN
        INSERT INTO reflections_fts (rowid, search)
        VALUES (new.rowid, new.prompt || ' ' || new.text || ' ' || new.next_step);
    END;
    CREATE TRIGGER reflections_fts_delete AFTER DELETE ON reflections BEGIN
        INSERT INTO reflections_fts (reflections_fts, rowid, search)
        VALUES ('delete', old.rowid, old.prompt || ' ' || old.text || ' ' || old.next_step);
    END;
    CREATE TRIGGER reflections_fts_update AFTER UPDATE OF prompt, text, next_step ON reflections
    BEGIN
        INSERT INTO reflections_fts (reflections_fts, rowid, search)
        VALUES ('delete', old.rowid, old.prompt || ' ' || old.text || ' ' || old.next_step);
        INSERT INTO reflections_fts (rowid, search)
        VALUES (new.rowid, new.prompt || ' ' || new.text || ' ' || new.next_step);
    END;
    INSERT INTO reflections_fts (rowid, search)
        SELECT rowid, prompt || ' ' || text || ' ' || next_step FROM reflections;
    INSERT INTO reflections_fts (reflections_fts) VALUES ('optimize');
    DROP INDEX ratings_reflection;
    CREATE INDEX ratings_reflection ON ratings(reflection_id) WHERE reflection_id IS NOT NULL;
    DROP INDEX ratings_feedback;
    CREATE INDEX ratings_feedback ON ratings(feedback_id) WHERE feedback_id IS NOT NULL;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
# A migration whose script holds this line is followed by a VACUUM (outside its transaction).
_COMPACT = "-- compact: VACUUM after migrating"


def default_home() -> Path:
    """``$LGTRACK_HOME`` if set, else the per-user data directory (never the repository)."""
    env = os.environ.get("LGTRACK_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("lgtrack", appauthor=False)


def database_path(home: str | os.PathLike | None = None) -> str:
    """The database file for ``home`` (a directory or a ``.sqlite`` file), or ``":memory:"``."""
    if home is not None and str(home) == ":memory:":
        return ":memory:"
    if home is not None and not str(home).strip():
        # "" would be the current directory: a journal never lands there (or in a repository)
        raise StoreError("err_store_empty_home")
    path = Path(home).expanduser() if home is not None else default_home()
    if path.suffix in (".sqlite", ".sqlite3", ".db"):
        return str(path)
    return str(path / DB_FILENAME)


def connect(db_path: str, *, create: bool = True) -> sqlite3.Connection:
    """Open (and, if needed, create and migrate) the database at ``db_path``."""
    if db_path != ":memory:":
        path = Path(db_path)
        if not path.exists() and not create:
            raise StoreError("err_store_no_journal", path=str(path.parent))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                "err_store_cannot_create", path=str(path.parent), reason=exc.strerror
            ) from None
    try:
        conn = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        raise StoreError("err_store_cannot_open", path=db_path, reason=str(exc)) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # A bigger page cache than SQLite's 2 MiB default: a coach importing a thousand bundles
        # in one transaction touches index pages all over a growing file (#15). Only what is
        # used is allocated.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if db_path != ":memory:":
            if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
                # A new, empty file only (on an existing one auto_vacuum would write): 8 KiB
                # pages leave less of each page unused behind texts of a few hundred words
                # than 4 KiB ones, and pages freed by a commit (index merges, deletes) leave
                # the file instead of lingering as free pages (#15: a smaller file).
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                conn.execute("PRAGMA auto_vacuum = FULL")
            _retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError("err_store_cannot_open", path=db_path, reason=str(exc)) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _retry_locked(operation):
    """Run ``operation``, retrying while another process holds a lock it could not wait for."""
    for attempt in range(_LOCK_RETRIES):
        try:
            return operation()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == _LOCK_RETRIES - 1:
                raise StoreError("err_store_busy") from None
            time.sleep(0.05 * (attempt + 1))
    return None


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations after the database's ``user_version`` up to ``target``."""
    # SQLite's lower() folds ASCII only; migrations fold search text as the journal does (æøå).
    conn.create_function("lgtrack_fold", 1, fold, deterministic=True)
    if conn.execute("PRAGMA user_version").fetchone()[0] == target:
        return target  # up to date: no write lock, so opening never waits for a writer
    with atomic(conn):
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError("err_store_newer", found=current, supported=SCHEMA_VERSION)
        for version in range(current + 1, target + 1):
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
    if current and any(_COMPACT in MIGRATIONS[v - 1] for v in range(current + 1, target + 1)):
        conn.execute("VACUUM")  # a migration that dropped data gives its pages back, once
    return max(current, target)


def _statements(script: str) -> Iterator[str]:
    # executescript() would commit the open transaction; run statements one by one instead.
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside is written, or nothing is.

    Nested use joins the outer transaction: nothing is committed before the outer block ends.
    A nested block is also a savepoint, so if it fails and the caller catches the error, its own
    writes are undone and the outer block's are kept. ``BEGIN IMMEDIATE`` takes the write lock
    up front, so a second writer waits (busy timeout) instead of failing half-way.
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT lgtrack_nested")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # some errors make SQLite roll back the whole transaction
                conn.execute("ROLLBACK TO lgtrack_nested")
                conn.execute("RELEASE lgtrack_nested")
            raise
        else:
            conn.execute("RELEASE lgtrack_nested")
        return
    _retry_locked(lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        _retry_locked(lambda: conn.execute("COMMIT"))


def profile_lang(home: str | os.PathLike | None) -> str | None:
    """The language of the profile in ``home`` (None without one); reads without creating or
    migrating, so the command line can speak the leader's language even about a broken journal."""
    db = Path(database_path(home))
    if not db.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT lang FROM leaders WHERE is_me = 1 LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def has_profile(home: str | os.PathLike) -> bool:
    """True when ``home`` holds a journal with a profile; reads without creating or migrating."""
    db = Path(database_path(home))
    if not db.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return (
                conn.execute("SELECT 1 FROM leaders WHERE is_me = 1 LIMIT 1").fetchone() is not None
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return False
