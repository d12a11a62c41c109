"""Automatic backups and ``lgtrack backups list|restore`` (issue 10, part 6).

A consistent copy (SQLite's backup API) on the first write of each day, into
``<journal>/backups/`` (folder 0700, files 0600), keeping 7 daily and 4 weekly copies. A restore
keeps the current journal as a backup first and is all or nothing.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from lgtrack import Journal, Reflection
from lgtrack.storage import DB_FILENAME
from lgtrack.storage.backups import KEEP_DAILY, KEEP_WEEKLY, list_backups, take_backup
from lgtrack.storage.database import PAGE_SIZE
from tests.cli_support import run


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def next_day(self, days: int = 1) -> None:
        self.now += timedelta(days=days)


START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # a Monday


def add(journal: Journal, text: str) -> Reflection:
    return journal.add_reflection(
        Reflection(day=journal.clock().date(), disciplines=("self",), text=text)
    )


def texts_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM reflections ORDER BY text")]
    finally:
        conn.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def home(tmp_path, clock) -> Path:
    home = tmp_path / "journal"
    with Journal.open(home, clock=clock) as journal:
        journal.set_profile("AB", "teamleder")
    return home


def test_a_new_journal_has_nothing_to_back_up(home):
    assert list_backups(home / DB_FILENAME) == []


def test_the_first_write_of_a_day_keeps_the_journal_as_the_day_began(home, clock):
    with Journal.open(home, clock=clock) as journal:
        add(journal, "mandag 1")
        add(journal, "mandag 2")
    (monday,) = list_backups(home / DB_FILENAME)
    assert monday.name == "journal-2026-03-02.sqlite"
    assert texts_in(monday.path) == []  # taken before the day's first change
    clock.next_day()
    with Journal.open(home, clock=clock) as journal:
        add(journal, "tirsdag")
    tuesday, _ = list_backups(home / DB_FILENAME)
    assert tuesday.name == "journal-2026-03-03.sqlite"
    assert texts_in(tuesday.path) == ["mandag 1", "mandag 2"]
    assert mode(home / "backups") == 0o700
    assert mode(tuesday.path) == 0o600 and mode(monday.path) == 0o600
    standalone = sqlite3.connect(tuesday.path)  # no -wal beside it needed to read it
    assert standalone.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    standalone.close()


def test_a_journal_left_open_over_midnight_backs_up_on_the_new_day(home, clock):
    with Journal.open(home, clock=clock) as journal:
        add(journal, "før midnat")
        clock.next_day()
        add(journal, "efter midnat")
    assert [b.day for b in list_backups(home / DB_FILENAME)] == [
        date(2026, 3, 3),
        date(2026, 3, 2),
    ]


def test_seven_daily_and_four_weekly_backups_are_kept(home, clock):
    with Journal.open(home, clock=clock) as journal:
        for number in range(70):
            add(journal, f"dag {number}")
            clock.next_day()
    days = [b.day for b in list_backups(home / DB_FILENAME)]
    last = START.date() + timedelta(days=69)
    daily = [last - timedelta(days=n) for n in range(KEEP_DAILY)]
    assert days[:KEEP_DAILY] == daily
    weekly = days[KEEP_DAILY:]
    assert len(weekly) == KEEP_WEEKLY
    # the newest copy of each of the four weeks before the daily ones: Sundays, a week apart
    assert all(day.isoweekday() == 7 for day in weekly[1:])
    assert [a - b for a, b in zip(weekly, weekly[1:], strict=False)] == [timedelta(days=7)] * 3
    assert weekly[0] < daily[-1]


def test_a_backup_taken_while_another_connection_writes_is_whole(home, clock):
    stop = threading.Event()

    def writer() -> None:
        with Journal.open(home, clock=clock) as journal:
            number = 0
            while not stop.is_set():
                add(journal, f"samtidig {number}")
                number += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        conn = sqlite3.connect(home / DB_FILENAME)
        copies = [
            take_backup(conn, str(home / DB_FILENAME), START.date(), f"t{n}") for n in range(8)
        ]
        conn.close()
    finally:
        stop.set()
        thread.join(timeout=60)
    for copy in copies:
        check = sqlite3.connect(copy.path)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = check.execute(
            "SELECT count(*) FROM reflections r WHERE NOT EXISTS "
            "(SELECT 1 FROM reflection_disciplines d WHERE d.reflection_id = r.id)"
        ).fetchone()[0]
        check.close()
        assert orphans == 0  # every reflection whole: a snapshot, not a mix of moments


def _two_days(home: Path, clock: Clock) -> None:
    with Journal.open(home, clock=clock) as journal:
        add(journal, "første dag")
        clock.next_day()
        add(journal, "anden dag")


def test_backups_list_shows_them_newest_first(home, clock, capsys):
    _two_days(home, clock)
    code, out, err = run(capsys, "backups", "list", "--home", str(home))
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "journal-2026-03-03.sqlite",
        "journal-2026-03-02.sqlite",
    ]
    code, out, _ = run(capsys, "backups", "list", "--home", str(home), "--json")
    listed = json.loads(out)
    assert [item["day"] for item in listed] == ["2026-03-03", "2026-03-02"]
    assert set(listed[0]) == {"name", "day", "bytes"}


def test_backups_list_without_backups_says_so(home, capsys):
    code, out, _ = run(capsys, "backups", "list", "--home", str(home))
    assert code == 0 and "ingen sikkerhedskopier" in out


def test_restore_by_day_puts_the_journal_back_and_keeps_the_current_one(home, clock, capsys):
    _two_days(home, clock)
    code, out, err = run(capsys, "backups", "restore", "2026-03-03", "--home", str(home))
    assert code == 0, err
    assert "journal-2026-03-03.sqlite" in out
    with Journal.open(home, clock=clock) as journal:
        assert [r.text for r in journal.reflections()] == ["første dag"]
    kept = [b for b in list_backups(home / DB_FILENAME) if b.tag.startswith("before-restore")]
    assert len(kept) == 1 and kept[0].name in out
    assert texts_in(kept[0].path) == ["anden dag", "første dag"]
    assert mode(kept[0].path) == 0o600
    # and the restore itself can be undone by name
    code, _, err = run(capsys, "backups", "restore", kept[0].name, "--home", str(home))
    assert code == 0, err
    assert texts_in(home / DB_FILENAME) == ["anden dag", "første dag"]


def test_restoring_a_damaged_backup_is_refused_and_changes_nothing(home, clock, capsys):
    _two_days(home, clock)
    (newest, _) = list_backups(home / DB_FILENAME)
    data = bytearray(newest.path.read_bytes())
    # a page in the middle, from its header on (in the middle of a page, the bytes may fall in
    # an empty index page's free space, which no check reads: that depends on the schema)
    middle = len(data) // 2 // PAGE_SIZE * PAGE_SIZE
    data[middle : middle + 4096] = b"\x5a" * 4096
    newest.path.write_bytes(bytes(data))
    before = list_backups(home / DB_FILENAME)
    code, out, err = run(capsys, "backups", "restore", newest.name, "--home", str(home))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and newest.name in err and "uændret" in err
    assert texts_in(home / DB_FILENAME) == ["anden dag", "første dag"]
    assert list_backups(home / DB_FILENAME) == before


def test_restoring_an_unknown_backup_is_one_line(home, capsys):
    code, _, err = run(capsys, "backups", "restore", "2020-01-01", "--home", str(home))
    assert code == 2 and len(err.splitlines()) == 1 and "2020-01-01" in err


def test_restore_replaces_a_journal_too_damaged_to_open(home, clock, capsys):
    _two_days(home, clock)
    database = home / DB_FILENAME
    database.write_bytes(b"ikke en database " * 500)
    code, out, err = run(capsys, "backups", "restore", "2026-03-03", "--home", str(home))
    assert code == 0, err
    assert texts_in(database) == ["første dag"]
    kept = [b for b in list_backups(database) if b.tag.startswith("before-restore")]
    assert kept and kept[0].path.read_bytes() == b"ikke en database " * 500
