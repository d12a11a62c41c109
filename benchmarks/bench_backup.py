"""Backups of a large journal: ``lgtrack export`` and ``lgtrack import`` of ~100 MB, time and
peak memory, against the whole-file way (the peer) of doing the same.

Writes a journal of about ``--mb`` MB of JSON (long reflections and feedback, deterministic
for ``--seed``) into a temporary folder, then runs each step as its own process and prints its
wall time and peak resident memory (``ru_maxrss`` of that process):

- **export (streamed)**: ``lgtrack export --out backup.json`` — the export written record by
  record to a synced temporary file;
- **export (whole text)**, the peer: ``export_json(journal)`` as one string, encoded, written;
- **read (streamed)**: ``lgtrack.exchange.read_document`` — two passes, the second one piece
  by piece;
- **read (json.loads)**, the peer: the file read whole, decoded and parsed with ``json.loads``
  (what ``import`` did before, up to 20 MB);
- **import**: ``lgtrack import backup.json`` into a new journal (read, check, write).

The ratios are the peer's figure divided by lgtrack's (above 1: lgtrack uses less). Nothing
here fails; it prints figures::

    python benchmarks/bench_backup.py               # ~100 MB
    python benchmarks/bench_backup.py --mb 20
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
WORDS = [
    "ledelse",
    "møde",
    "strategi",
    "medarbejder",
    "samtale",
    "budget",
    "opfølgning",
    "tillid",
    "sygefravær",
    "forandring",
    "dialog",
    "mål",
    "prioritering",
    "faglighed",
    "feedback",
    "kollega",
    "direktion",
]
ENTRY_CHARS = 40_000


def build(home: Path, megabytes: int, seed: int) -> tuple[int, int]:
    """A journal whose export is about ``megabytes`` MB: reflections and feedback, half each."""
    from lgtrack import Feedback, Journal, Rating, Reflection

    rng = random.Random(seed)
    entries = megabytes * 1024 * 1024 // (ENTRY_CHARS + 400)
    first = date(2016, 1, 1)
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Bench Leder", "teamleder")
        with journal.atomic():
            for i in range(entries):
                text = " ".join(rng.choice(WORDS) for _ in range(ENTRY_CHARS // 8))
                day = first + timedelta(days=i % 3650)
                if i % 2:
                    journal.add_feedback(
                        Feedback(day=day, role="peer", discipline="people", text=text,
                                 ratings=(Rating("people.g1", rng.randint(1, 5)),))
                    )  # fmt: skip
                else:
                    journal.add_reflection(
                        Reflection(day=day, disciplines=("people", "self"), text=text,
                                   ratings=(Rating("self.g1", rng.randint(1, 5)),),
                                   tags=("bench",))
                    )  # fmt: skip
    return entries - entries // 2, entries // 2


def measure(code: str, *args: str) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of ``python -c code args…``."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {code} {args}")
    return elapsed, usage.ru_maxrss / 1024  # KiB on Linux


CLI = "import sys; from lgtrack.cli import main; sys.exit(main(sys.argv[1:]))"
EXPORT_WHOLE = """
import sys
from datetime import datetime, timezone
from lgtrack import Journal
from lgtrack.exchange import export_json
with Journal.open(sys.argv[1], create=False) as journal:
    data = export_json(journal, now=datetime.now(timezone.utc)).encode("utf-8")
open(sys.argv[2], "wb").write(data)
"""
READ_STREAMED = "import sys; from lgtrack.exchange import read_document; read_document(sys.argv[1])"
READ_WHOLE = """
import json, sys
import lgtrack.exchange  # the same start-up as the streamed read
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8"); del data
document = json.loads(text)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100, help="size of the export (MB)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lgtrack-bench-backup-") as tmp:
        folder = Path(tmp)
        home, backup, whole = folder / "journal", folder / "backup.json", folder / "whole.json"
        start = time.perf_counter()
        reflections, feedback = build(home, args.mb, args.seed)
        print(f"journal: {reflections:,} reflections and {feedback:,} feedback "
              f"of ~{ENTRY_CHARS:,} characters, written in {time.perf_counter() - start:.1f} s")  # fmt: skip
        rows = [
            ("export (streamed)", measure(CLI, "export", "--out", str(backup), "--home", str(home))),
            ("export (whole text)", measure(EXPORT_WHOLE, str(home), str(whole))),
            ("read (streamed)", measure(READ_STREAMED, str(backup))),
            ("read (json.loads)", measure(READ_WHOLE, str(backup))),
            ("import (new journal)", measure(CLI, "import", str(backup), "--home",
                                             str(folder / "restored"))),
        ]  # fmt: skip
        size = backup.stat().st_size / 2**20
    print(f"export: {size:.1f} MB\n")
    print(f"{'step':<22}{'time (s)':>10}{'peak (MB)':>11}")
    for name, (seconds, peak) in rows:
        print(f"{name:<22}{seconds:>10.2f}{peak:>11.0f}")
    figures = dict(rows)
    for what, ours, peer in (("export", "export (streamed)", "export (whole text)"),
                             ("read", "read (streamed)", "read (json.loads)")):  # fmt: skip
        (t_ours, m_ours), (t_peer, m_peer) = figures[ours], figures[peer]
        print(
            f"ratio {what}, peer/lgtrack: time {t_peer / t_ours:.2f}x, "
            f"peak memory {m_peer / m_ours:.2f}x"
        )


if __name__ == "__main__":
    main()
