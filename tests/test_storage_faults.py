"""Storage faults are one line (issue 10, part 5).

A full disk, read-only media, an unwritable file, a damaged database and a lock held too long
each end in one line on stderr in the profile's language, exit 2, no traceback, and nothing
half-written. The full disk is a 512 KiB tmpfs and the read-only media a read-only remount of
it (the tests run as root, who may mount); the unwritable file is tried by a process without
root's right to ignore file modes (``setpriv``). Outside CI a machine that cannot mount skips
these with the reason; under ``CI=true`` that is a failure.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from lgtrack import Journal, Reflection
from lgtrack.storage import DB_FILENAME
from lgtrack.storage.database import LockPolicy, lock_policy
from tests.cli_support import run

CLI = "import sys; from lgtrack.cli import main; sys.exit(main(sys.argv[1:]))"


def _cannot(reason: str) -> None:
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"{reason} (required under CI=true)")
    pytest.skip(reason)


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KiB tmpfs, unmounted afterwards."""
    point = tmp_path / "disk"
    point.mkdir()
    if shutil.which("mount") is None:
        _cannot("no mount command")
    mounted = _mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(point))
    if mounted.returncode != 0:
        _cannot(f"cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def entries(home: Path) -> int:
    conn = sqlite3.connect(f"{(home / DB_FILENAME).as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM reflections").fetchone()[0]
    finally:
        conn.close()


def init(capsys, home: Path, lang: str = "da") -> None:
    code, _, err = run(
        capsys, "init", "--home", str(home), "--name", "AB", "--level", "teamleder", "--lang", lang
    )
    assert code == 0, err


def reflect(capsys, home: Path, text: str) -> tuple[int, str, str]:
    return run(capsys, "reflect", "--home", str(home), "--discipline", "self", "--text", text)


def test_a_full_disk_is_one_line_and_keeps_every_acknowledged_entry(small_disk, capsys):
    home = small_disk / "journal"
    init(capsys, home)
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 96 * 1024))
    written, failed = 0, None
    for number in range(200):
        code, _, err = reflect(capsys, home, f"Refleksion {number}: " + "ord " * 400)
        if code != 0:
            failed = (code, err)
            break
        written += 1
    assert failed is not None, "the disk never filled up"
    code, err = failed
    assert code == 2
    assert "disken med journalen er fuld" in one_line(err)
    filler.unlink()
    assert entries(home) == written  # nothing lost, nothing half-written
    assert not [p for p in home.rglob("*") if p.name.endswith(".partial")]
    code, _, err = reflect(capsys, home, "Efter oprydningen")
    assert code == 0, err
    assert entries(home) == written + 1


def test_read_only_media_can_be_read_but_not_written(small_disk, capsys):
    home = small_disk / "journal"
    init(capsys, home, lang="en")
    assert reflect(capsys, home, "Skrevet før")[0] == 0
    remounted = _mount("-o", "remount,ro", str(small_disk))
    if remounted.returncode != 0:
        _cannot(f"cannot remount read-only: {remounted.stderr.strip()}")
    code, out, err = run(capsys, "list", "reflections", "--home", str(home))
    assert code == 0, err
    assert "Skrevet før" in out
    code, out, err = reflect(capsys, home, "Skrevet bagefter")
    assert code == 2 and out == ""
    assert "is on read-only storage; nothing was written" in one_line(err)
    code, out, err = run(capsys, "doctor", "--home", str(home))
    assert code == 1 and err == ""  # checked what can be read; the index needs a write
    assert out.splitlines()[0].startswith("ok") and "not checked" in out
    code, out, err = run(capsys, "backups", "restore", "--home", str(home), "2020-01-01")
    assert code == 2 and len(err.splitlines()) == 1


def test_an_unwritable_journal_file_is_one_line_and_still_reads(tmp_path, capsys):
    if shutil.which("setpriv") is None:
        _cannot("no setpriv to run without root's override of file modes")
    home = tmp_path / "journal"
    init(capsys, home)
    assert reflect(capsys, home, "Læsbar tekst")[0] == 0
    for path in home.glob(f"{DB_FILENAME}*"):
        path.chmod(0o444)
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]

    def lgtrack(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*drop, sys.executable, "-c", CLI, *argv],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip

    listed = lgtrack("list", "reflections", "--home", str(home))
    assert listed.returncode == 0, listed.stderr
    assert "Læsbar tekst" in listed.stdout
    refused = lgtrack("reflect", "--home", str(home), "--discipline", "self", "--text", "Ny")
    assert refused.returncode == 2
    assert "kan ikke skrives af dig" in one_line(refused.stderr)
    assert entries(home) == 1


def _journal_with_entries(home: Path, count: int = 300) -> None:
    now = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
    with Journal.open(home, clock=lambda: now) as journal:
        journal.set_profile("AB", "teamleder")
        with journal.atomic():
            for number in range(count):
                journal.add_reflection(
                    Reflection(
                        day=date(2025, 1, 1 + number % 28),
                        disciplines=("self",),
                        text=f"Tekst nummer {number} " + "om ledelse " * 40,
                    )
                )
        journal.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _damage(path: Path, at: float, size: int | None = None) -> str:
    """Overwrite the page at ``at`` (a fraction of the file) whole, or ``size`` bytes of it."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")  # the header's page size (1 means 64 KiB)
    page = 65536 if page == 1 else page
    start = int(len(data) * at) // page * page
    size = page if size is None else size
    data[start : start + size] = b"\xa5" * size
    path.write_bytes(bytes(data))
    return hashlib.sha256(data).hexdigest()


def test_a_damaged_database_refuses_writes_and_points_to_doctor(tmp_path, capsys):
    home = tmp_path / "journal"
    _journal_with_entries(home)
    database = home / DB_FILENAME
    damaged = _damage(database, 0.5)
    code, out, err = reflect(capsys, home, "Skal ikke skrives")
    assert code == 2 and out == ""
    line = one_line(err)
    assert "er beskadiget; intet blev skrevet" in line and "lgtrack doctor" in line
    assert hashlib.sha256(database.read_bytes()).hexdigest() == damaged
    wal = Path(f"{database}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_file_with_a_damaged_header_is_one_line_on_reading_too(tmp_path, capsys):
    home = tmp_path / "journal"
    _journal_with_entries(home, count=20)
    _damage(home / DB_FILENAME, 0.0, size=100)
    code, _, err = run(capsys, "list", "reflections", "--home", str(home))
    assert code == 2
    assert "beskadiget" in one_line(err) and "lgtrack doctor" in err


def test_the_lock_waits_two_seconds_before_saying_so_and_thirty_before_giving_up():
    assert lock_policy() == LockPolicy(notice_after=2.0, give_up_after=30.0)


def _held(home: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(home / DB_FILENAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE scratch (x)")
    return holder


def _cli_process(home: Path, notice: float, timeout: float) -> subprocess.Popen:
    env = {**os.environ, "LGTRACK_LOCK_NOTICE": str(notice), "LGTRACK_LOCK_TIMEOUT": str(timeout)}
    argv = ["reflect", "--home", str(home), "--discipline", "self", "--text", "Venter"]
    return subprocess.Popen(
        [sys.executable, "-c", CLI, *argv],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_a_lock_held_too_long_says_it_waits_then_gives_up_with_one_line(tmp_path, capsys):
    home = tmp_path / "journal"
    init(capsys, home)
    holder = _held(home)
    try:
        started = time.monotonic()
        process = _cli_process(home, notice=0.3, timeout=1.5)
        out, err = process.communicate(timeout=60)
        elapsed = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert process.returncode == 2, err
    assert "Traceback" not in err
    waiting, refused = err.splitlines()
    assert "venter på et andet program" in waiting
    assert "har låst journalen i over 2 sekunder; intet blev skrevet" in refused
    assert elapsed < 15
    assert entries(home) == 0


def test_a_write_that_gets_the_lock_in_time_says_it_waited_and_succeeds(tmp_path, capsys):
    home = tmp_path / "journal"
    init(capsys, home)
    holder = _held(home)
    try:
        process = _cli_process(home, notice=0.2, timeout=30)
        time.sleep(2.0)  # well past the notice
        assert process.poll() is None  # still waiting, not failed
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert err.splitlines() == ["lgtrack: venter på et andet program, der bruger journalen …"]
    assert entries(home) == 1
