"""Automatic backups of a journal: a consistent copy on the first write of each day.

The copy is made with SQLite's backup API (a snapshot, even while another program writes)
into ``<journal folder>/backups/journal-YYYY-MM-DD.sqlite`` (folder 0700, files 0600), before
the day's first change, so it holds the journal as it was when the day began. Seven daily copies
and four weekly ones (the newest of each older week) are kept. ``restore`` copies a backup back
into the journal in one transaction, after keeping the current state as a backup too.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .._files import open_atomically, private_dir, sync_dir
from ..errors import NotFoundError, StoreError
from .database import check_not_damaged
from .faults import fault_from

BACKUP_DIR = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_NAME = re.compile(r"^journal-(\d{4}-\d{2}-\d{2})(?:-([a-z0-9-]{1,40}))?\.sqlite$")


@dataclass(frozen=True)
class Backup:
    """One backup file: its name, the day it was taken and its size in bytes."""

    name: str
    day: date
    path: Path
    size: int
    tag: str = ""  # "" for the daily copy; "before-restore-HHMMSS" for a copy taken by restore


_CHUNK = 1 << 20  # bytes per read when a journal file is copied as it is


def backup_dir(db_path: str | os.PathLike) -> Path:
    return Path(db_path).parent / BACKUP_DIR


def list_backups(db_path: str | os.PathLike) -> list[Backup]:
    """The journal's backups, newest first."""
    folder = backup_dir(db_path)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or not path.is_file():
                continue
            try:
                day = date.fromisoformat(match.group(1))
            except ValueError:
                continue
            found.append(Backup(path.name, day, path, path.stat().st_size, match.group(2) or ""))
    return sorted(found, key=lambda b: (b.day, b.tag == "", b.name), reverse=True)


def backup_if_due(conn: sqlite3.Connection, clock: Callable[[], datetime]) -> Backup | None:
    """Keep today's backup unless it exists, after checking that the file is whole (a damaged
    one is refused); called before each outermost write transaction.

    A journal that has just been created has nothing to keep. A backup that cannot be written
    (no space, a read-only folder) does not stop the write: ``lgtrack doctor`` reports the age
    of the last backup.
    """
    path = getattr(conn, "lgtrack_path", ":memory:")
    if path == ":memory:":
        return None
    today = clock().date()
    if getattr(conn, "lgtrack_backup_day", None) == today:
        return None
    if not _has_leaders(conn):
        return None  # a new journal: nothing to keep yet (a later write keeps one)
    conn.lgtrack_backup_day = today
    if any(b.day == today and not b.tag for b in list_backups(path)):
        return None
    # The day's first write checks the whole file before keeping it: a damaged journal is
    # refused (one line, pointing to the doctor) and never replaces a good backup. Later writes
    # that day skip the check, whose cost grows with the journal (#15); SQLite still refuses
    # any damaged page a write touches.
    check_not_damaged(conn)
    try:
        made = take_backup(conn, path, today)
    except (OSError, sqlite3.Error):
        return None
    prune(path)
    return made


def _has_leaders(conn: sqlite3.Connection) -> bool:
    if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
        return False
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM leaders)").fetchone()[0])


def take_backup(conn: sqlite3.Connection, db_path: str, day: date, tag: str = "") -> Backup:
    """A consistent copy of the database behind ``conn`` as ``journal-DAY[-TAG].sqlite``.

    Written to a temporary file, synced, then renamed: a backup is whole or absent.
    """
    folder = private_dir(backup_dir(db_path))
    name = f"journal-{day.isoformat()}{'-' + tag if tag else ''}.sqlite"
    final = folder / name
    # one partial file per process: two programs making the day's first write at once each
    # write a whole snapshot, and the later rename wins
    partial = folder / f".{name}.{os.getpid()}.partial"
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        target = sqlite3.connect(partial)
        try:
            conn.backup(target)
            # a backup is one standalone file: reading it never needs a -wal or -shm beside it
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.chmod(partial, 0o600)
        _fsync(partial)
        os.replace(partial, final)
        sync_dir(folder)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Backup(name, day, final, final.stat().st_size, tag)


def prune(db_path: str | os.PathLike) -> list[Backup]:
    """Delete the daily backups beyond the newest ``KEEP_DAILY`` days and the newest of each of
    ``KEEP_WEEKLY`` older weeks; returns what was deleted."""
    backups = list_backups(db_path)
    days = sorted({b.day for b in backups}, reverse=True)
    keep = set(days[:KEEP_DAILY])
    weeks: dict[tuple[int, int], date] = {}
    for day in days[KEEP_DAILY:]:
        weeks.setdefault(day.isocalendar()[:2], day)  # days run newest first
    keep |= set(sorted(weeks.values(), reverse=True)[:KEEP_WEEKLY])
    removed = [b for b in backups if b.day not in keep]
    for backup in removed:
        backup.path.unlink(missing_ok=True)
    return removed


def find_backup(db_path: str | os.PathLike, ref: str) -> Backup:
    """The backup named ``ref`` (a file name, with or without ``.sqlite``) or taken on the day
    ``ref`` (``YYYY-MM-DD``; the daily copy of that day)."""
    backups = list_backups(db_path)
    wanted = ref if ref.endswith(".sqlite") else f"{ref}.sqlite"
    for backup in backups:
        if backup.name in (wanted, f"journal-{wanted}"):
            return backup
    for backup in backups:  # a day: its daily copy comes first (see list_backups)
        if backup.day.isoformat() == ref:
            return backup
    raise NotFoundError("err_backup_unknown", ref=ref, known=[b.name for b in backups[:5]])


def check_backup(path: Path) -> None:
    """Refuse a backup file that is not a whole, healthy lgtrack database."""
    try:
        # immutable: nobody writes to a backup, and reading it must not create files beside it
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            result = source.execute("PRAGMA integrity_check(1)").fetchone()
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError("err_backup_damaged", name=path.name, reason=str(exc)) from None
    if result is None or result[0] != "ok" or "leaders" not in tables:
        raise StoreError("err_backup_damaged", name=path.name, reason=result[0] if result else "")


def restore(db_path: str, backup: Backup, now: datetime) -> Backup:
    """Replace the journal's contents with ``backup``, all or nothing, after keeping the
    current journal as ``journal-DAY-before-restore-HHMMSS.sqlite``; returns that copy."""
    check_backup(backup.path)
    tag = _free_tag(db_path, now.date(), f"before-restore-{now.strftime('%H%M%S')}")
    try:
        live = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        raise fault_from(exc, db_path) or StoreError(
            "err_store_cannot_open", path=db_path, reason=str(exc)
        ) from None
    try:
        try:
            kept = take_backup(live, db_path, now.date(), tag)
        except sqlite3.DatabaseError:
            live.close()  # a damaged journal: keep its bytes as they are, then replace the file
            kept = _copy_file(Path(db_path), now.date(), tag)
            _replace_file(Path(db_path), backup.path)
            return kept
        source = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            # The backup API writes the whole database in one transaction of the destination:
            # other programs see the old journal or the restored one, never a mix.
            source.backup(live)
        finally:
            source.close()
        live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError as exc:
        raise fault_from(exc, db_path) or StoreError(
            "err_store_cannot_open", path=db_path, reason=str(exc)
        ) from None
    finally:
        live.close()
    return kept


def _free_tag(db_path: str, day: date, tag: str) -> str:
    """``tag``, or ``tag-2``, ``tag-3``…: a copy never overwrites another backup (two restores
    in one second would otherwise overwrite the one being restored)."""
    taken = {b.name for b in list_backups(db_path)}
    candidate, number = tag, 1
    while f"journal-{day.isoformat()}-{candidate}.sqlite" in taken:
        number += 1
        candidate = f"{tag}-{number}"
    return candidate


def _copy_file(db: Path, day: date, tag: str) -> Backup:
    """The journal's bytes as they are (a damaged file the backup API cannot read) kept as a
    backup, whole or not at all."""
    name = f"journal-{day.isoformat()}-{tag}.sqlite"
    final = private_dir(backup_dir(db)) / name
    with open_atomically(final) as out, open(db, "rb") as source:
        shutil.copyfileobj(source, out, _CHUNK)
    return Backup(name, day, final, final.stat().st_size, tag)


def _replace_file(db: Path, backup: Path) -> None:
    """Put a copy of ``backup`` in place of ``db`` (renamed over it: whole or not at all)."""
    with open_atomically(db) as out, open(backup, "rb") as source:
        shutil.copyfileobj(source, out, _CHUNK)
        for suffix in ("-wal", "-shm"):  # they belong to the damaged file
            Path(f"{db}{suffix}").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
