"""``lgtrack doctor [--repair] [--json]`` (issue 10, part 6).

One line per check (integrity, search index, permissions, WAL, framework versions, backup),
ok/warning/fault in the profile's language; exit 0 when all is ok, 1 with warnings, 2 with a
fault. ``--repair`` rebuilds the index, tightens modes, checkpoints the WAL and takes a backup.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from lgtrack import Journal, Reflection
from lgtrack.storage import DB_FILENAME
from lgtrack.storage import health as health_module
from lgtrack.storage.backups import list_backups
from lgtrack.storage.database import PAGE_SIZE
from tests.cli_support import run

CHECKS = ["integrity", "index", "permissions", "wal", "frameworks", "backup"]


def clock() -> datetime:
    return datetime.now(timezone.utc)  # the command line's "today" is the real one


def tighten(home: Path) -> None:
    for path in [home, *home.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.fixture
def home(tmp_path) -> Path:
    """A journal with a few entries, written today (so today's backup exists), modes tight."""
    home = tmp_path / "journal"
    with Journal.open(home, clock=clock) as journal:
        journal.set_profile("AB", "teamleder", lang="en")
        for number in range(3):
            journal.add_reflection(
                Reflection(
                    day=date(2026, 1, 5 + number), disciplines=("self",), text=f"Tekst {number}"
                )
            )
    tighten(home)
    return home


def doctor(capsys, home: Path, *extra: str) -> tuple[int, dict]:
    code, out, err = run(capsys, "doctor", "--home", str(home), "--json", *extra)
    assert err == "", err
    report = json.loads(out)
    assert [c["check"] for c in report["checks"]] == CHECKS
    return code, {c["check"]: c for c in report["checks"]}


def statuses(checks: dict) -> dict[str, str]:
    return {name: check["status"] for name, check in checks.items()}


def test_a_healthy_journal_is_all_ok_one_line_per_check(home, capsys):
    code, out, err = run(capsys, "doctor", "--home", str(home))
    assert code == 0, out + err
    lines = out.splitlines()
    assert len(lines) == len(CHECKS)
    assert all(line.startswith("ok ") for line in lines)
    assert "the database is whole" in out  # the profile's language (English)
    code, checks = doctor(capsys, home)
    assert code == 0 and set(statuses(checks).values()) == {"ok"}


def test_doctor_speaks_danish_when_asked(home, capsys):
    code, out, _ = run(capsys, "doctor", "--home", str(home), "--lang", "da")
    assert code == 0 and "databasen er hel" in out


def test_loose_permissions_are_a_warning_and_repair_tightens_them(home, capsys):
    os.chmod(home, 0o755)
    os.chmod(home / DB_FILENAME, 0o644)
    code, checks = doctor(capsys, home)
    assert code == 1
    assert checks["permissions"]["status"] == "warning"
    assert "journal.sqlite 0644" in checks["permissions"]["message"]
    os.chmod(home, 0o755)  # opening the journal tightened them again: loosen them for --repair
    os.chmod(home / DB_FILENAME, 0o644)
    code, checks = doctor(capsys, home, "--repair")
    assert code == 0 and checks["permissions"]["repaired"] is True
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / DB_FILENAME).stat().st_mode) == 0o600


def _spoil_index(home: Path) -> None:
    conn = sqlite3.connect(home / DB_FILENAME)
    conn.create_function("lgtrack_fold", 1, str.casefold)  # what the index is fed
    conn.execute(
        "INSERT INTO reflections_fts (reflections_fts, rowid, search) SELECT 'delete', rowid, "
        "lgtrack_fold(prompt || ' ' || text || ' ' || next_step) FROM reflections LIMIT 1"
    )
    conn.commit()
    conn.close()


def test_a_spoilt_search_index_is_a_fault_and_repair_rebuilds_it(home, capsys):
    _spoil_index(home)
    code, checks = doctor(capsys, home)
    assert code == 2 and checks["index"]["status"] == "fault"
    code, checks = doctor(capsys, home, "--repair")
    assert code == 0 and checks["index"]["repaired"] is True
    with Journal.open(home) as journal:
        from lgtrack import EntryFilter

        assert len(journal.reflections(EntryFilter(contains="Tekst"))) == 3


def test_a_piled_up_wal_is_a_warning_and_repair_checkpoints_it(home, capsys, monkeypatch):
    monkeypatch.setattr(health_module, "WAL_WARN_BYTES", 1024)
    reader = sqlite3.connect(home / DB_FILENAME)  # keeps the WAL from being removed
    reader.execute("PRAGMA wal_autocheckpoint = 0")
    reader.execute(
        "INSERT INTO frameworks (id, version, source) VALUES ('x', '1', ?)", ("y" * 20000,)
    )
    reader.commit()
    try:
        assert Path(f"{home / DB_FILENAME}-wal").stat().st_size > 1024
        code, checks = doctor(capsys, home)
        assert code == 1 and checks["wal"]["status"] == "warning"
        code, checks = doctor(capsys, home, "--repair")
        assert checks["wal"]["repaired"] is True and checks["wal"]["status"] == "ok"
        assert Path(f"{home / DB_FILENAME}-wal").stat().st_size == 0
    finally:
        reader.close()


def test_an_entry_under_a_framework_version_the_journal_lacks_is_named(home, capsys):
    conn = sqlite3.connect(home / DB_FILENAME)
    conn.execute("UPDATE reflections SET framework_version = '0.9' WHERE rowid = 1")
    conn.commit()
    conn.close()
    code, checks = doctor(capsys, home)
    assert code == 1
    assert checks["frameworks"]["status"] == "warning"
    assert "stuk 0.9" in checks["frameworks"]["message"]
    assert "lgtrack framework add" in checks["frameworks"]["message"]


def test_no_backup_is_a_warning_and_repair_takes_one(home, capsys):
    for backup in list_backups(home / DB_FILENAME):
        backup.path.unlink()
    code, checks = doctor(capsys, home)
    assert code == 1 and checks["backup"]["status"] == "warning"
    code, checks = doctor(capsys, home, "--repair")
    assert code == 0 and checks["backup"]["repaired"] is True
    (taken,) = list_backups(home / DB_FILENAME)
    assert stat.S_IMODE(taken.path.stat().st_mode) == 0o600


def test_a_backup_older_than_the_last_change_is_a_warning(home, capsys):
    (backup,) = list_backups(home / DB_FILENAME)
    backup.path.rename(backup.path.with_name("journal-2020-01-01.sqlite"))
    code, checks = doctor(capsys, home)
    assert code == 1
    assert "journal-2020-01-01.sqlite" in checks["backup"]["message"]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    # a page from its header on: a page's second half may be free space no check reads
    middle = len(data) // 2 // PAGE_SIZE * PAGE_SIZE
    data[middle : middle + 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_a_fault_naming_the_backup_to_restore(home, capsys):
    with Journal.open(home, clock=clock) as journal:
        with journal.atomic():
            for _ in range(200):
                journal.add_reflection(
                    Reflection(day=date(2025, 2, 1), disciplines=("self",), text="fyld " * 60)
                )
        journal.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _damage(home / DB_FILENAME)
    code, checks = doctor(capsys, home)
    assert code == 2
    assert checks["integrity"]["status"] == "fault"
    (backup,) = list_backups(home / DB_FILENAME)
    assert f"lgtrack backups restore {backup.name}" in checks["integrity"]["message"]
    code, out, err = run(capsys, "backups", "restore", backup.name, "--home", str(home))
    assert code == 0, err
    code, checks = doctor(capsys, home, "--repair")
    assert checks["integrity"]["status"] == "ok" and code in (0, 1)


def test_a_file_that_is_no_database_is_a_fault_without_a_traceback(home, capsys):
    (home / DB_FILENAME).write_bytes(b"\x00garbage" * 1000)
    code, out, err = run(capsys, "doctor", "--home", str(home))
    assert code == 2 and err == ""
    assert out.splitlines()[0].startswith("fejl")  # Danish: the profile cannot be read
    assert len(out.splitlines()) == len(CHECKS)


def test_doctor_without_a_journal_is_one_line(tmp_path, capsys):
    code, out, err = run(capsys, "doctor", "--home", str(tmp_path / "none"))
    assert code == 2 and out == "" and len(err.splitlines()) == 1


def test_the_exit_codes_are_documented_in_the_help(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "doctor", "--help")
    out = capsys.readouterr().out
    assert "--repair" in out and "0" in out and "1" in out and "2" in out and "--json" in out
