"""What the journal's safety costs on ten years of entries: the daily backup, the damage check
on a connection's first write, and ``lgtrack doctor``.

Uses the benchmark journal that ``generate.py`` writes (default 3,650 reflections: one a day for
ten years), copied to a temporary directory, and prints the best wall time of each operation
with the ratio against its named peer:

- **daily backup** (SQLite's backup API, synced, renamed, pruned) against a bare file copy
  (``shutil.copyfile``) of the same database;
- **first write of the day** (quick check + backup + the write), and a connection's first write
  on a day whose backup exists (quick check + the write), against a later write on the same
  connection (no check, no backup);
- **doctor** (all six checks, in process) against SQLite's bare ``PRAGMA integrity_check``;
- **lgtrack doctor** as a command (a new process, start-up included), for what a person waits.

Nothing here fails; it prints figures::

    python benchmarks/bench_doctor.py                      # 3,650 entries, best of 5
    python benchmarks/bench_doctor.py --size 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import generate


def best_of(
    repeat: int, action: Callable[[], object], before: Callable[[], object] = None
) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3650)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=generate.DEFAULT_OUT)
    args = parser.parse_args(argv)

    from lgtrack import Journal, Reflection
    from lgtrack.doctor import examine
    from lgtrack.storage import DB_FILENAME
    from lgtrack.storage.backups import backup_dir, take_backup

    source = generate.generate(args.size, args.seed, args.data)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "journal"
        shutil.copytree(source / "lgtrack", home)
        db = home / DB_FILENAME
        size_mb = db.stat().st_size / 1e6
        print(
            f"journal: {args.size:,} reflections over ten years, {size_mb:.1f} MB; best of {args.repeat}"
        )
        print("| operation | lgtrack ms | peer | peer ms | ratio |")
        print("|---|---:|---|---:|---:|")

        def row(name: str, ours: float, peer: str, theirs: float) -> None:
            print(
                f"| {name} | {ours * 1000:.1f} | {peer} | {theirs * 1000:.1f} | {ours / theirs:.1f}× |"
            )

        conn = sqlite3.connect(db)
        day = date(2030, 1, 1)
        backup = best_of(args.repeat, lambda: take_backup(conn, str(db), day, "bench"))
        copy = best_of(args.repeat, lambda: shutil.copyfile(db, Path(tmp) / "copy.sqlite"))
        conn.close()
        row("daily backup", backup, "file copy", copy)
        shutil.rmtree(backup_dir(db))

        moments = iter(
            datetime(2030, 1, 1, 9, tzinfo=timezone.utc) + timedelta(days=n) for n in range(1000)
        )
        state: dict = {}

        def new_day() -> None:  # a fresh connection on a new day: check and backup are due
            if "journal" in state:
                state["journal"].close()
            now = next(moments)
            state["journal"] = Journal.open(home, clock=lambda: now)

        def write() -> None:
            journal = state["journal"]
            journal.add_reflection(
                Reflection(day=journal.clock().date(), disciplines=("self",), text="Benchmark")
            )

        def same_day() -> None:  # a fresh connection, today's backup taken: the check only
            state["journal"].close()
            state["journal"] = Journal.open(home, clock=state["journal"].clock)

        first = best_of(args.repeat, write, before=new_day)
        checked = best_of(args.repeat, write, before=same_day)
        later = best_of(args.repeat, write)
        state["journal"].close()
        row("first write of a day (check + backup)", first, "later write", later)
        row("first write of a connection (check)", checked, "later write", later)

        today = date(2031, 1, 1)
        doctor = best_of(args.repeat, lambda: examine(str(db), today=today))
        bare = sqlite3.connect(db)
        integrity = best_of(args.repeat, lambda: bare.execute("PRAGMA integrity_check").fetchall())
        bare.close()
        row("doctor (6 checks)", doctor, "integrity_check", integrity)

        command = [sys.executable, "-m", "lgtrack.cli", "doctor", "--home", str(home)]
        script = "import sys; from lgtrack.cli import main; sys.exit(main(sys.argv[1:]))"
        command = [sys.executable, "-c", script, *command[3:]]
        version = [sys.executable, "-c", script, "--version"]
        cli = best_of(
            args.repeat, lambda: subprocess.run(command, capture_output=True, check=False)
        )
        start = best_of(
            args.repeat, lambda: subprocess.run(version, capture_output=True, check=False)
        )
        row("`lgtrack doctor` command", cli, "`lgtrack --version`", start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
