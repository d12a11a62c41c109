"""Several programs using one journal at once: nothing is lost, nobody sees "database is locked".

The writers are separate processes (``sys.executable`` running a small script), as when the
notebook app and the command line write to the same journal. Each adds its reflections one
transaction at a time, so the processes really contend for the write lock.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date, datetime, timezone

from lgtrack import EntryFilter, Journal, Reflection
from lgtrack.storage import DB_FILENAME

PER_PROCESS = 200
TIMEOUT_S = 120

WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import date, datetime, timezone
    from lgtrack import Journal, Leader, Reflection, load_framework

    home, name, count, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    fw = load_framework("stuk")
    time.sleep(max(0.0, start - time.time()))  # all writers begin together
    with Journal.open(home) as journal:
        now = datetime.now(timezone.utc)
        leader = journal.save_leader(Leader(name=name, level="teamleder", framework_id=fw.id,
                                            framework_version=fw.version, created_at=now,
                                            updated_at=now))
        for i in range(count):
            journal.add_reflection(
                Reflection(day=date(2026, 1, 1 + i % 28), disciplines=("self",),
                           text=f"{name} nummer {i} – æøå", tags=(name,)),
                leader_id=leader.id,
            )
    print("done", name)
    """
)


def _start_writers(home, names: list[str], count: int) -> list[subprocess.Popen]:
    start = time.time() + 1.5  # after every interpreter has imported lgtrack
    return [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home), name, str(count), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]


def _finish(processes: list[subprocess.Popen]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=TIMEOUT_S)
        results.append((process.returncode, out, err))
    return results


def _assert_clean(results: list[tuple[int, str, str]]) -> None:
    for code, out, err in results:
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
        assert "Traceback" not in err, err
        assert code == 0, err
        assert out.startswith("done"), out


def test_concurrent_writers_lose_nothing(tmp_path):
    names = ["anna", "bent", "cecilie", "dorte"]
    Journal.open(tmp_path).close()  # an existing, empty journal
    _assert_clean(_finish(_start_writers(tmp_path, names, PER_PROCESS)))
    with Journal.open(tmp_path) as journal:
        total = journal.store.conn.execute("SELECT count(*) FROM reflections").fetchone()[0]
        assert total == len(names) * PER_PROCESS
        for leader in journal.leaders():
            mine = journal.reflections(EntryFilter(tag=leader.name), leader_id=leader.id)
            texts = {r.text for r in mine}
            assert texts == {f"{leader.name} nummer {i} – æøå" for i in range(PER_PROCESS)}
        assert journal.store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_concurrent_writers_creating_a_new_journal_together(tmp_path):
    home = tmp_path / "new"
    names = ["eva", "finn", "gitte"]
    _assert_clean(_finish(_start_writers(home, names, 50)))
    with Journal.open(home, create=False) as journal:
        assert len(journal.leaders()) == 3
        assert journal.store.conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 150


def test_a_reader_keeps_reading_while_another_process_writes(tmp_path):
    with Journal.open(tmp_path) as journal:
        journal.set_profile("Læser", "teamleder")
        journal.add_reflection(
            Reflection(day=date(2025, 1, 1), disciplines=("self",), text="først")
        )
    (writer,) = _start_writers(tmp_path, ["skriver"], 300)
    counts = []
    clock = lambda: datetime(2026, 1, 1, tzinfo=timezone.utc)  # noqa: E731
    with Journal.open(tmp_path, clock=clock) as reader:
        while writer.poll() is None:
            counts.append(
                reader.store.conn.execute("SELECT count(*) FROM reflections").fetchone()[0]
            )
            assert [r.text for r in reader.reflections()] == ["først"]  # mine, not the writer's
            reader.reflections(EntryFilter(limit=10), leader_id=None)
            time.sleep(0.005)
        _assert_clean([(writer.returncode, *writer.communicate(timeout=TIMEOUT_S))])
        final = reader.store.conn.execute("SELECT count(*) FROM reflections").fetchone()[0]
    assert final == 301
    assert len(counts) > 10
    assert counts == sorted(counts)  # a reader never sees a write undone
    assert counts[-1] <= final


def test_opening_a_journal_while_a_writer_holds_the_lock_waits_instead_of_failing(tmp_path):
    Journal.open(tmp_path).close()
    import sqlite3

    holder = sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE scratch (x)")
    try:
        script = (
            "from lgtrack import Journal\n"
            f"j = Journal.open({str(tmp_path)!r})\n"
            "j.set_profile('AB', 'teamleder')\n"
            "print('done')\n"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)
        assert process.poll() is None  # still waiting for the lock, not failed
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = process.communicate(timeout=TIMEOUT_S)
    _assert_clean([(process.returncode, out, err)])
    with Journal.open(tmp_path) as journal:
        assert journal.me().name == "AB"
