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
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from .._files import make_private, private_dir
from .._text import fold
from ..errors import StoreError
from .faults import fault_from, is_busy

Clock = Callable[[], datetime]

DB_FILENAME = "journal.sqlite"
BUSY_TIMEOUT_MS = 30_000
_WAIT_SLICE_MS = 100  # how long SQLite waits for a lock before lgtrack looks at the clock again
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
    # 5: signed share bundles: this journal's own key pairs (signing, and opening bundles sent
    # to it), and each leader's public key, pinned by the coach's journal on the first import
    """
    CREATE TABLE journal_keys (
        purpose TEXT PRIMARY KEY CHECK (purpose IN ('sign', 'encrypt')),
        secret TEXT NOT NULL,
        public TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE leader_keys (
        leader_id TEXT PRIMARY KEY REFERENCES leaders(id) ON DELETE CASCADE,
        public_key TEXT NOT NULL,
        pinned_at TEXT NOT NULL
    );
    """,
)
# Issue 10: a journal keeps every version of a framework its records were made with, so that
# old ratings keep the text they were given against. The kept copy is keyed by id AND version.
FRAMEWORK_VERSIONS = """
    CREATE TABLE frameworks_by_version (
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (id, version)
    );
    INSERT INTO frameworks_by_version (id, version, source)
        SELECT id, version, source FROM frameworks;
    DROP TABLE frameworks;
    ALTER TABLE frameworks_by_version RENAME TO frameworks;
"""
MIGRATIONS += (FRAMEWORK_VERSIONS,)
# #12: 360 rounds. Answers per anonymous respondent number (never survey metadata);
# a respondent's row hash (of the answers alone) makes a second import of a file add nothing.
# Free texts are kept per group, apart from the respondent: never attributable.
ROUNDS = """
    CREATE TABLE rounds (
        id TEXT PRIMARY KEY,
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        disciplines TEXT NOT NULL,
        minimums TEXT NOT NULL,
        text_minimums TEXT NOT NULL,
        due TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_on TEXT,
        level TEXT,
        lang TEXT NOT NULL DEFAULT 'da',
        framework_version TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX rounds_leader ON rounds(leader_id, created_at);
    CREATE TABLE round_respondents (
        round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        grp TEXT NOT NULL CHECK (grp IN ('self', 'manager', 'peer', 'employee', 'other')),
        row_hash TEXT NOT NULL,
        PRIMARY KEY (round_id, number)
    ) WITHOUT ROWID;
    CREATE INDEX round_respondents_hash ON round_respondents(round_id, row_hash);
    CREATE TABLE round_answers (
        round_id TEXT NOT NULL,
        respondent INTEGER NOT NULL,
        behaviour TEXT NOT NULL,
        score INTEGER,
        PRIMARY KEY (round_id, respondent, behaviour),
        FOREIGN KEY (round_id, respondent)
            REFERENCES round_respondents(round_id, number) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE round_texts (
        round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        grp TEXT NOT NULL CHECK (grp IN ('self', 'manager', 'peer', 'employee', 'other')),
        question TEXT NOT NULL CHECK (question IN ('continue', 'change')),
        text TEXT NOT NULL
    );
    CREATE INDEX round_texts_round ON round_texts(round_id);
"""
MIGRATIONS += (ROUNDS,)
# #13: a leader's quarterly effect answers, and a facilitator's cohorts. The cohort
# tables hold numbers, days, ids and initials only: never a word a participant wrote.
EFFECTS_AND_COHORTS = """
    CREATE TABLE effect_answers (
        id TEXT PRIMARY KEY,
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        scores TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX effect_answers_day ON effect_answers(leader_id, day);
    CREATE TABLE cohorts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        start_day TEXT NOT NULL,
        end_day TEXT NOT NULL,
        k INTEGER NOT NULL CHECK (k >= 3),
        framework_id TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'da',
        created_at TEXT NOT NULL
    );
    CREATE TABLE cohort_participants (
        cohort_id TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        initials TEXT NOT NULL,
        level TEXT,
        framework_version TEXT NOT NULL,
        bundle_created_at TEXT NOT NULL,
        checksum TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        goals_open INTEGER NOT NULL DEFAULT 0,
        goals_achieved INTEGER NOT NULL DEFAULT 0,
        goals_dropped INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (cohort_id, participant_id)
    ) WITHOUT ROWID;
    CREATE TABLE cohort_reflections (
        cohort_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        day TEXT NOT NULL,
        FOREIGN KEY (cohort_id, participant_id)
            REFERENCES cohort_participants(cohort_id, participant_id) ON DELETE CASCADE
    );
    CREATE INDEX cohort_reflections_participant ON cohort_reflections(cohort_id, participant_id);
    CREATE TABLE cohort_ratings (
        cohort_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        day TEXT NOT NULL,
        behaviour TEXT NOT NULL,
        score INTEGER,
        FOREIGN KEY (cohort_id, participant_id)
            REFERENCES cohort_participants(cohort_id, participant_id) ON DELETE CASCADE
    );
    CREATE INDEX cohort_ratings_participant
        ON cohort_ratings(cohort_id, participant_id, behaviour);
    CREATE TABLE cohort_effects (
        cohort_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        day TEXT NOT NULL,
        effect TEXT NOT NULL,
        score INTEGER,
        FOREIGN KEY (cohort_id, participant_id)
            REFERENCES cohort_participants(cohort_id, participant_id) ON DELETE CASCADE
    );
    CREATE INDEX cohort_effects_participant ON cohort_effects(cohort_id, participant_id);
"""
MIGRATIONS += (EFFECTS_AND_COHORTS,)
# #15: a smaller file with the same search. The index folds case itself (trigram
# case_sensitive 0 folds Æ/Ø/Å like A-Z) and keeps no copy of the text (contentless), so the
# case-folded ``search`` column goes. detail=none keeps only which reflections hold each
# trigram, not where: a search ANDs the needle's trigrams and instr() confirms each candidate.
# The triggers give the index the very text they gave it at insert, so 'delete' is exact.
# A rating belongs to a reflection or to feedback: each index of its owner keeps only the
# ratings that have one (a query by owner id uses it all the same). The dropped column
# leaves its pages free: the file is compacted once after migrating.
SMALLER_SEARCH = """
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
"""
MIGRATIONS += (SMALLER_SEARCH,)
# #13/#10.7: signed cohort bundles. Each participant's public key ("ed25519:<base64>"), pinned
# by the facilitator's journal on her first signed bundle; NULL until then (older imports).
COHORT_KEYS = """
    ALTER TABLE cohort_participants ADD COLUMN public_key TEXT;
"""
MIGRATIONS += (COHORT_KEYS,)
# #15: search results as before SMALLER_SEARCH, for every language: the index is fed the text
# folded as a search folds its needle (Python's casefold: "Straße" holds "strasse", as a
# search for it expects), not as SQLite folds it (case only). The triggers call lgtrack_fold,
# which every connection of lgtrack's registers (migrate); a tool without it can read the
# journal but not write reflections, which is what we want of other tools anyway.
FOLDED_SEARCH = """
    DROP TRIGGER reflections_fts_insert;
    DROP TRIGGER reflections_fts_delete;
    DROP TRIGGER reflections_fts_update;
    CREATE TRIGGER reflections_fts_insert AFTER INSERT ON reflections BEGIN
        INSERT INTO reflections_fts (rowid, search)
        VALUES (new.rowid, lgtrack_fold(new.prompt || ' ' || new.text || ' ' || new.next_step));
    END;
    CREATE TRIGGER reflections_fts_delete AFTER DELETE ON reflections BEGIN
        INSERT INTO reflections_fts (reflections_fts, rowid, search) VALUES ('delete',
            old.rowid, lgtrack_fold(old.prompt || ' ' || old.text || ' ' || old.next_step));
    END;
    CREATE TRIGGER reflections_fts_update AFTER UPDATE OF prompt, text, next_step ON reflections
    BEGIN
        INSERT INTO reflections_fts (reflections_fts, rowid, search) VALUES ('delete',
            old.rowid, lgtrack_fold(old.prompt || ' ' || old.text || ' ' || old.next_step));
        INSERT INTO reflections_fts (rowid, search)
        VALUES (new.rowid, lgtrack_fold(new.prompt || ' ' || new.text || ' ' || new.next_step));
    END;
    INSERT INTO reflections_fts (reflections_fts) VALUES ('delete-all');
    INSERT INTO reflections_fts (rowid, search)
        SELECT rowid, lgtrack_fold(prompt || ' ' || text || ' ' || next_step) FROM reflections;
    INSERT INTO reflections_fts (reflections_fts) VALUES ('optimize');
"""
MIGRATIONS += (FOLDED_SEARCH,)
# #12: a 360 round's shown figures, as a leader shared them with her coach: the checked JSON of
# one round per row (means and counts; never an answer, a respondent or a comment). A newer
# bundle replaces the leader's rows; removing the leader removes them (the cascade).
SHARED_ROUNDS = """
    CREATE TABLE shared_rounds (
        leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
        round_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        figures TEXT NOT NULL,
        PRIMARY KEY (leader_id, round_id)
    ) WITHOUT ROWID;
"""
MIGRATIONS += (SHARED_ROUNDS,)
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


def connect(db_path: str, *, create: bool = True, clock: Clock | None = None) -> sqlite3.Connection:
    """Open (and, if needed, create and migrate) the database at ``db_path``.

    With ``clock`` (the journal's), the first write of each day first keeps a backup
    (:mod:`lgtrack.storage.backups`); without it (bare connections in tests), none is taken.
    """
    if db_path != ":memory:":
        path = Path(db_path)
        if not path.exists() and not create:
            raise StoreError("err_store_no_journal", path=str(path.parent))
        _prepare_private(path)
    conn = _open_connection(db_path)
    conn.lgtrack_clock = clock
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Deleted and rewritten content is overwritten with zeros (see storage/erase.py).
        conn.execute("PRAGMA secure_delete = ON")
        # A bigger page cache than SQLite's 2 MiB default: a coach importing a thousand bundles
        # in one transaction touches index pages all over a growing file (#15). Only what is
        # used is allocated.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if conn.lgtrack_read_only:
            conn = _migrated_in_memory(conn)
        elif db_path != ":memory:":
            if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
                # A new, empty file only (on an existing one auto_vacuum would write): 8 KiB
                # pages leave less of each page unused behind texts of a few hundred words
                # than 4 KiB ones, and pages freed by a commit (index merges, deletes) leave
                # the file instead of lingering as free pages (#15: a smaller file).
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                conn.execute("PRAGMA auto_vacuum = FULL")
            _retry_locked(conn, lambda: conn.execute("PRAGMA journal_mode = WAL"))
            _tighten(Path(db_path))
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise fault_from(exc, db_path) or StoreError(
            "err_store_cannot_open", path=db_path, reason=str(exc)
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


class _Connection(sqlite3.Connection):
    """A connection that remembers what the journal needs to know about it: whether the
    database was checked for damage, the day of its last backup, its clock."""

    lgtrack_path: str = ":memory:"
    lgtrack_clock: Clock | None = None
    lgtrack_backup_day: date | None = None
    lgtrack_read_only: str = ""  # why writes are refused (read-only media, file mode), if so


def _open_connection(db_path: str) -> _Connection:
    """The SQLite connection. A journal on read-only media or in a file this user may not
    write is opened read-only: reading still works, and a write is refused with one line."""
    if db_path != ":memory:" and Path(db_path).is_file():
        path = Path(db_path)
        if _on_read_only_media(path):
            return _open_read_only(path, "err_storage_readonly", immutable=True)
        if not os.access(path, os.W_OK):
            return _open_read_only(path, "err_storage_unwritable", immutable=False)
    try:
        conn = sqlite3.connect(
            db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, factory=_Connection
        )
        if db_path != ":memory:":
            conn.execute("PRAGMA schema_version").fetchone()  # opens the file now, not later
    except sqlite3.DatabaseError as exc:
        raise fault_from(exc, db_path) or StoreError(
            "err_store_cannot_open", path=db_path, reason=str(exc)
        ) from None
    conn.lgtrack_path = db_path
    return conn


def _migrated_in_memory(conn: _Connection) -> _Connection:
    """A read-only journal from an older lgtrack cannot be migrated where it lies: read a copy
    migrated in memory instead (nothing is written to the file)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return conn
    copy = sqlite3.connect(":memory:", isolation_level=None, factory=_Connection)
    try:
        conn.backup(copy)
    finally:
        conn.close()
    copy.execute("PRAGMA foreign_keys = ON")
    copy.lgtrack_path = conn.lgtrack_path
    migrate(copy)
    copy.lgtrack_read_only = conn.lgtrack_read_only  # only now: migrating the copy writes
    return copy


def _read_only_uri(db: Path) -> str:
    """A URI that reads ``db`` without writing; on read-only media without the WAL index."""
    immutable = "&immutable=1" if _on_read_only_media(db) else ""
    return f"{db.resolve().as_uri()}?mode=ro{immutable}"


def _on_read_only_media(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _open_read_only(path: Path, refusal: str, *, immutable: bool) -> _Connection:
    # On read-only media nobody can change the file, so immutable=1 lets SQLite read it without
    # the WAL index it could not create there.
    uri = f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
    try:
        conn = sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            factory=_Connection,
        )  # fmt: skip
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise fault_from(exc, str(path)) or StoreError(
            "err_store_cannot_open", path=str(path), reason=str(exc)
        ) from None
    conn.lgtrack_path = str(path)
    conn.lgtrack_read_only = refusal
    return conn


def _retry_locked(conn: sqlite3.Connection, operation):
    """Run ``operation`` while another program holds the write lock: wait, say so after
    ``notice_after`` seconds (once), and give up after ``give_up_after`` seconds.

    SQLite's own busy handler waits in short slices (so that the notice comes on time);
    statements that need no lock never get here.
    """
    policy = lock_policy()
    started = time.monotonic()
    noticed = False
    conn.execute(f"PRAGMA busy_timeout = {_WAIT_SLICE_MS}")
    try:
        while True:
            try:
                return operation()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
            waited = time.monotonic() - started
            if waited >= policy.give_up_after:
                raise StoreError("err_storage_locked", seconds=round(policy.give_up_after))
            if not noticed and waited >= policy.notice_after:
                noticed = True
                if _lock_notice is not None:
                    _lock_notice()
            time.sleep(0.02)
    finally:
        with suppress(sqlite3.Error):  # a broken connection must not hide the first error
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


class LockPolicy(NamedTuple):  # not a dataclass: opening the journal must not load them
    """How long a write waits for another program's lock: a notice after ``notice_after``
    seconds, and an error after ``give_up_after``."""

    notice_after: float = 2.0
    give_up_after: float = 30.0


def lock_policy() -> LockPolicy:
    """The defaults, or ``LGTRACK_LOCK_NOTICE`` / ``LGTRACK_LOCK_TIMEOUT`` (seconds; tests use
    short ones)."""
    default = LockPolicy()
    return LockPolicy(
        _seconds("LGTRACK_LOCK_NOTICE", default.notice_after),
        _seconds("LGTRACK_LOCK_TIMEOUT", default.give_up_after),
    )


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value >= 0 else default


_lock_notice: Callable[[], None] | None = None


def set_lock_notice(notice: Callable[[], None] | None) -> None:
    """What to do (once per wait) when a write has waited ``notice_after`` seconds for another
    program: the command line prints a line on stderr. None: nothing."""
    global _lock_notice
    _lock_notice = notice


def _prepare_private(path: Path) -> None:
    """The journal folder 0700 and the database file 0600 before SQLite opens it.

    SQLite creates the WAL and SHM files with the database file's mode, so a database that is
    0600 from the start never has a moment in which its words are readable by others. Only a
    journal folder (one holding ``journal.sqlite``) is tightened, not any folder a
    ``.sqlite`` file was named in.
    """
    try:
        if path.name == DB_FILENAME:
            private_dir(path.parent)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError as exc:
        raise fault_from(exc, str(path.parent)) or StoreError(
            "err_store_cannot_create", path=str(path.parent), reason=exc.strerror
        ) from None
    make_private(path)  # an older journal (0644) is tightened when it is opened


def _tighten(path: Path) -> None:
    """The WAL and SHM files of an older journal, made 0600 (new ones inherit 0600)."""
    for suffix in ("-wal", "-shm"):
        make_private(f"{path}{suffix}")


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions lgtrack's schema calls: ``lgtrack_fold``, text folded as a search folds
    it (SQLite's lower() folds ASCII only); the search index's triggers and queries use it."""
    conn.create_function("lgtrack_fold", 1, fold, deterministic=True)


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations after the database's ``user_version`` up to ``target``."""
    register_functions(conn)
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
    _before_first_write(conn)
    _retry_locked(conn, lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        yield conn
        _retry_locked(conn, lambda: conn.execute("COMMIT"))
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        fault = fault_from(exc, getattr(conn, "lgtrack_path", None))
        if fault is not None:
            raise fault from None
        raise


def _before_first_write(conn: sqlite3.Connection) -> None:
    """Refuse to write to a read-only database, and keep the day's backup first (which checks
    that the file is whole: :func:`lgtrack.storage.backups.backup_if_due`)."""
    refusal = getattr(conn, "lgtrack_read_only", "")
    if refusal:
        raise StoreError(refusal, path=conn.lgtrack_path, reason=os.strerror(13))
    clock = getattr(conn, "lgtrack_clock", None)
    if clock is not None:
        from .backups import backup_if_due

        backup_if_due(conn, clock)


def check_not_damaged(conn: sqlite3.Connection) -> None:
    """SQLite's quick check, which reads the whole file (20 ms on ten years of entries, 0.3 s on
    50,000): a damaged database is refused with a pointer to ``lgtrack doctor``."""
    path = getattr(conn, "lgtrack_path", None)
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as exc:
        raise fault_from(exc, path) or StoreError("err_storage_damaged", path=path) from None
    if result is None or result[0] != "ok":
        raise StoreError("err_storage_damaged", path=path, reason=result[0] if result else "")


def profile_lang(home: str | os.PathLike | None) -> str | None:
    """The language of the profile in ``home`` (None without one); reads without creating or
    migrating, so the command line can speak the leader's language even about a broken journal."""
    db = Path(database_path(home))
    if not db.is_file():
        return None
    try:
        conn = sqlite3.connect(_read_only_uri(db), uri=True)
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
        conn = sqlite3.connect(_read_only_uri(db), uri=True)
        try:
            return (
                conn.execute("SELECT 1 FROM leaders WHERE is_me = 1 LIMIT 1").fetchone() is not None
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return False
