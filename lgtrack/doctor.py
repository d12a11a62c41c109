"""``lgtrack doctor``: is this journal healthy, and what can be put right?

Six checks, each ``ok``, ``warning`` or ``fault``, with one line a person reads:

- **integrity** — SQLite's integrity check. A fault (a damaged file) is not repaired here: the
  line names the newest backup to restore (``lgtrack backups restore``).
- **index** — the full-text index matches the reflections; repair rebuilds it.
- **permissions** — the journal folder and its backups folder are 0700, every file in them
  0600; repair tightens them.
- **wal** — the write-ahead log is not piling up; repair checkpoints it.
- **frameworks** — every framework version that a leader or an entry names is in the journal
  (or bundled); the fix is ``lgtrack framework add FILE``.
- **backup** — a backup at least as new as the journal's last change; repair takes one.

Exit status of the command: 0 when all is ok, 1 with warnings, 2 with a fault.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from .errors import LgtrackError, Message, StoreError
from .framework import bundled_frameworks, load_framework

OK, WARNING, FAULT = "ok", "warning", "fault"
STATUSES = (OK, WARNING, FAULT)
CHECKS = ("integrity", "index", "permissions", "wal", "frameworks", "backup")


@dataclass(frozen=True)
class Check:
    """One check's outcome: its name, ``ok``/``warning``/``fault``, a line to read, and whether
    ``--repair`` changed something for it."""

    name: str
    status: str
    message: Message
    repaired: bool = False


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def status(self) -> str:
        return max((c.status for c in self.checks), key=STATUSES.index, default=OK)

    @property
    def exit_code(self) -> int:
        return STATUSES.index(self.status)

    def to_json(self, lang: str) -> dict:
        return {
            "status": self.status,
            "checks": [
                {
                    "check": c.name,
                    "status": c.status,
                    "message": c.message.render(lang),
                    "repaired": c.repaired,
                }
                for c in self.checks
            ],
        }


def examine(db_path: str, *, today: date, repair: bool = False) -> Report:
    """Run every check on the journal at ``db_path`` (repairing what ``repair`` may)."""
    from .storage.health import Examination

    # Before opening: opening a journal tightens its modes, and the doctor says what it found.
    permissions = _permissions(db_path, repair)
    with Examination(db_path) as exam:
        if exam.conn is None:  # not a database at all: nothing else can be looked at
            damaged = _integrity(exam, db_path)
            skipped = [_not_checked(name) for name in CHECKS[1:]]
            return Report((damaged, *skipped[:1], permissions, *skipped[2:]))
        checks = [_integrity(exam, db_path)]
        whole = checks[0].status == OK and exam.is_current()
        checks.append(_index(exam, repair) if whole else _not_checked("index"))
        checks.append(permissions)
        checks.append(_wal(exam, repair))
        checks.append(_frameworks(exam) if whole else _not_checked("frameworks"))
        checks.append(_backup(exam, db_path, today, repair and whole))
    return Report(tuple(checks))


def _not_checked(name: str) -> Check:
    return Check(name, WARNING, Message("doctor_not_checked"))


def _integrity(exam, db_path: str) -> Check:
    problems = exam.integrity()
    if not problems:
        return Check("integrity", OK, Message("doctor_integrity_ok"))
    from .storage.backups import list_backups

    backups = list_backups(db_path)
    params = {"problem": " ".join(" ".join(problems).split())[:160]}
    if backups:
        return Check(
            "integrity", FAULT, Message("doctor_integrity_fault", name=backups[0].name, **params)
        )
    return Check("integrity", FAULT, Message("doctor_integrity_fault_no_backup", **params))


def _index(exam, repair: bool) -> Check:
    try:
        problem = exam.index_problem()
        if problem is None:
            return Check("index", OK, Message("doctor_index_ok"))
        if repair and exam.rebuild_index() is None and exam.index_problem() is None:
            return Check("index", OK, Message("doctor_index_rebuilt"), repaired=True)
    except StoreError as exc:  # read-only media or a lock: the index cannot be checked now
        return Check("index", WARNING, Message("doctor_not_checked_because", reason=exc))
    return Check("index", FAULT, Message("doctor_index_fault", problem=problem[:120]))


def _permissions(db_path: str, repair: bool) -> Check:
    loose = _too_open(Path(db_path))
    if not loose:
        return Check("permissions", OK, Message("doctor_permissions_ok"))
    if repair:
        try:
            for path, wanted in loose:
                os.chmod(path, wanted)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return Check("permissions", WARNING, Message("doctor_repair_failed", reason=reason))
        return Check("permissions", OK, Message("doctor_permissions_tightened"), repaired=True)
    names = ", ".join(f"{path.name} {stat.S_IMODE(path.stat().st_mode):04o}" for path, _ in loose)
    return Check("permissions", WARNING, Message("doctor_permissions_warning", files=names))


def _too_open(db: Path) -> list[tuple[Path, int]]:
    """Files and folders of the journal that others could read, with the mode they should have."""
    from .storage.backups import backup_dir

    folders = [db.parent, backup_dir(db)]
    files = [Path(f"{db}{suffix}") for suffix in ("", "-wal", "-shm")]
    if backup_dir(db).is_dir():
        files += [p for p in backup_dir(db).iterdir() if p.is_file()]
    wanted = [(p, 0o700) for p in folders] + [(p, 0o600) for p in files]
    found = []
    for path, mode in wanted:
        try:
            current = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue
        if current & 0o077:
            found.append((path, mode))
    return found


def _wal(exam, repair: bool) -> Check:
    from .storage.health import WAL_WARN_BYTES

    size = exam.wal_bytes()
    kb = round(size / 1024)
    if size <= WAL_WARN_BYTES:
        return Check("wal", OK, Message("doctor_wal_ok", kb=kb))
    if repair:
        try:
            exam.checkpoint()
        except LgtrackError as exc:
            return Check("wal", WARNING, Message("doctor_repair_failed", reason=exc))
        return Check("wal", OK, Message("doctor_wal_checkpointed", kb=kb), repaired=True)
    return Check("wal", WARNING, Message("doctor_wal_warning", kb=kb))


def _frameworks(exam) -> Check:
    kept = exam.kept_frameworks()
    bundled = {}
    for framework_id, path in bundled_frameworks().items():
        bundled[framework_id] = load_framework(path).version
    missing = [
        f"{framework_id} {version}"
        for framework_id, version in exam.framework_references()
        if (framework_id, version) not in kept and bundled.get(framework_id) != version
    ]
    if missing:
        return Check("frameworks", WARNING, Message("doctor_frameworks_warning", missing=missing))
    return Check("frameworks", OK, Message("doctor_frameworks_ok", count=len(kept)))


def _backup(exam, db_path: str, today: date, repair: bool) -> Check:
    from .storage.backups import list_backups, take_backup

    # copies kept by a restore may hold a damaged journal: they do not count as backups here
    backups = [b for b in list_backups(db_path) if b.tag in ("", "doctor")]
    changed = _last_change(db_path)
    if backups and backups[0].day >= changed:
        return Check("backup", OK, Message("doctor_backup_ok", name=backups[0].name))
    if not exam.has_entries():
        return Check("backup", OK, Message("doctor_backup_empty"))
    if repair:
        try:
            made = take_backup(exam.conn, db_path, today, "" if _free(backups, today) else "doctor")
        except (OSError, LgtrackError) as exc:
            return Check("backup", WARNING, Message("doctor_repair_failed", reason=str(exc)))
        return Check("backup", OK, Message("doctor_backup_taken", name=made.name), repaired=True)
    if not backups:
        return Check("backup", WARNING, Message("doctor_backup_none"))
    days = (today - backups[0].day).days
    return Check("backup", WARNING, Message("doctor_backup_old", name=backups[0].name, days=days))


def _free(backups, today: date) -> bool:
    return not any(b.day == today and not b.tag for b in backups)


def _last_change(db_path: str) -> date:
    """The day (UTC) the database or its WAL was last written."""
    times = [os.path.getmtime(p) for p in (db_path, f"{db_path}-wal") if os.path.exists(p)]
    return datetime.fromtimestamp(max(times, default=0), tz=timezone.utc).date()
