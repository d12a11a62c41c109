"""What ``lgtrack doctor`` asks the database: integrity, the full-text index, the WAL, the
framework versions records name; and the repairs it may make (rebuild, checkpoint).

:class:`Examination` opens the journal even when it is damaged (no migration, no quick check
on the way in), so that the doctor can say what is wrong instead of failing to open it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import StoreError
from .database import SCHEMA_VERSION, _read_only_uri, _retry_locked, connect, register_functions
from .faults import fault_from, fault_key
from .lines import INDEXED

_INTEGRITY_CHECK = ("INSERT INTO reflections_fts (reflections_fts) VALUES ('integrity-check')",)
# A contentless index has no 'rebuild': empty it and index every reflection again, with the text
# its triggers give it (database.py, FOLDED_SEARCH).
_REBUILD = (
    "INSERT INTO reflections_fts (reflections_fts) VALUES ('delete-all')",
    f"INSERT INTO reflections_fts (rowid, search) SELECT r.rowid, {INDEXED} FROM reflections r",
)
_MISSING_FROM_INDEX = f"""
    SELECT count(*) FROM reflections AS r
    WHERE length({INDEXED}) >= 3 AND NOT EXISTS (
        SELECT 1 FROM reflections_fts
        WHERE reflections_fts MATCH '"' || replace(substr({INDEXED}, 1, 3), '"', '""') || '"'
          AND rowid = r.rowid)
"""
WAL_WARN_BYTES = 16 * 1024 * 1024  # SQLite checkpoints at about 4 MB; far more means it cannot


class Examination:
    """One open journal under examination. ``opened`` is None, or the fault that kept the
    database from opening (a file that is not a database at all)."""

    def __init__(self, db_path: str):
        self.path = db_path
        self.opened: StoreError | None = None
        self.conn: sqlite3.Connection | None = None
        try:
            self.conn = connect(db_path, create=False)  # migrates an older journal
        except StoreError as exc:
            if exc.key == "err_store_no_journal":
                raise
            self.conn = self._raw()
            if self.conn is None:
                self.opened = exc

    def _raw(self) -> sqlite3.Connection | None:
        try:
            conn = sqlite3.connect(_read_only_uri(Path(self.path)), uri=True)
            conn.execute("PRAGMA schema_version").fetchone()
            register_functions(conn)
            return conn
        except sqlite3.DatabaseError:
            return None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()

    def __enter__(self) -> Examination:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.conn, "lgtrack_read_only", ""))

    def integrity(self) -> list[str]:
        """SQLite's full integrity check: ``[]`` when whole, else its first problems."""
        if self.conn is None:
            return [self.opened.params.get("reason", "") if self.opened else "?"]
        try:
            rows = [row[0] for row in self.conn.execute("PRAGMA integrity_check(10)")]
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        return [] if rows == ["ok"] else rows

    def is_current(self) -> bool:
        """The schema this lgtrack writes (a damaged old journal could not be migrated)."""
        try:
            return self.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        except sqlite3.DatabaseError:
            return False

    def index_problem(self) -> str | None:
        """None when the full-text index is whole and holds every reflection, else what is wrong.

        The index keeps no copy of the texts (contentless, #15), so FTS5 can check only its own
        structure; that each reflection is in it is asked here, by the first trigram of the text
        it was given. The structure check is an INSERT to SQLite, so it runs in a transaction
        that is rolled back."""
        problem = self._index_command(_INTEGRITY_CHECK, keep=False)
        if problem is not None:
            return problem
        missing = self.conn.execute(_MISSING_FROM_INDEX).fetchone()[0]
        return None if missing == 0 else f"{missing} reflections are missing from the index"

    def rebuild_index(self) -> str | None:
        return self._index_command(_REBUILD, keep=True)

    def _index_command(self, statements: tuple[str, ...], *, keep: bool) -> str | None:
        try:
            _retry_locked(self.conn, lambda: self.conn.execute("BEGIN IMMEDIATE"))
            try:
                for statement in statements:
                    self.conn.execute(statement)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT" if keep else "ROLLBACK")
        except sqlite3.DatabaseError as exc:
            key = fault_key(exc)
            if key in ("err_storage_readonly", "err_storage_locked", "err_storage_unwritable"):
                raise fault_from(exc, self.path) from None
            return " ".join(str(exc).split())
        return None

    def wal_bytes(self) -> int:
        try:
            return os.path.getsize(f"{self.path}-wal")
        except OSError:
            return 0

    def checkpoint(self) -> None:
        """Copy the WAL into the database and empty it."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.DatabaseError as exc:
            raise fault_from(exc, self.path) or StoreError(
                "err_store_cannot_open", path=self.path, reason=str(exc)
            ) from None

    def framework_references(self) -> list[tuple[str, str]]:
        from .frameworks import FrameworkRepository

        return FrameworkRepository(self.conn).referenced()

    def kept_frameworks(self) -> set[tuple[str, str]]:
        from .frameworks import FrameworkRepository

        return {(fid, version) for fid, version, _ in FrameworkRepository(self.conn).all()}

    def has_entries(self) -> bool:
        """Anything worth a backup: an entry, a coach's note, a leader besides "me"."""
        row = self.conn.execute(
            """
            SELECT EXISTS (SELECT 1 FROM reflections) OR EXISTS (SELECT 1 FROM goals)
                OR EXISTS (SELECT 1 FROM feedback) OR EXISTS (SELECT 1 FROM coach_sessions)
                OR EXISTS (SELECT 1 FROM leaders WHERE is_me = 0)
            """
        ).fetchone()
        return bool(row[0])
