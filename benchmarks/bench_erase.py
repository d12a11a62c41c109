"""What erasing for real costs: a delete and a forget that leave no trace, against plain SQLite.

On a copy of the benchmark journal that ``generate.py`` writes (ten years of reflections), it
times, best of ``--repeat``:

- **delete one reflection**: ``journal.delete_reflection`` (secure delete on, the full-text
  index merged with ``'optimize'``, the WAL checkpointed and truncated) against the peer, a bare
  ``DELETE`` with ``sqlite3`` and secure delete off (which leaves the words in the file, the
  index's old segments and the WAL);
- **forget a word** found in about 1 % of the entries: ``forgetting.find`` (the dry run) and
  ``forgetting.forget(..., INITIALS)`` (every entry checked and rewritten through the journal,
  then scrubbed) against the peer, a bare ``UPDATE … SET text = replace(text, word, 'T.')``
  (case-sensitive, no Danish spellings, no whole words, no checks, no scrub).

The ratio is lgtrack / peer. Nothing here fails; it prints figures::

    python benchmarks/bench_erase.py                 # 10,000 entries, best of 3
    python benchmarks/bench_erase.py --size 50000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import generate

_BARE_FORGET = "UPDATE reflections SET text = replace(text, ?, 'T.') WHERE instr(text, ?) > 0"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def copy_of(source: Path, tmp: Path, name: str) -> Path:
    home = tmp / name
    shutil.copytree(source / "lgtrack", home)
    return home


def bench_delete(source: Path, tmp: Path, repeat: int) -> tuple[float, float]:
    from lgtrack import Journal

    ours_home, bare_home = copy_of(source, tmp, "ours"), copy_of(source, tmp, "bare")
    journal = Journal.open(ours_home)
    ids = [r.id for r in journal.reflections()[:repeat]]
    ours = min(timed(lambda i=i: journal.delete_reflection(i)) for i in ids)
    journal.close()
    conn = sqlite3.connect(bare_home / "journal.sqlite", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")

    def bare_delete(entry_id: str) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM reflections WHERE id = ?", (entry_id,))
        conn.execute("COMMIT")

    bare = min(timed(lambda i=i: bare_delete(i)) for i in ids)
    conn.close()
    return ours, bare


def bench_forget(
    source: Path, tmp: Path, word: str, repeat: int
) -> tuple[float, float, float, int]:
    from lgtrack import Journal, forgetting

    finds, forgets, bares, found = [], [], [], 0
    for run in range(repeat):
        home = copy_of(source, tmp, f"forget{run}")
        with Journal.open(home) as journal:
            finds.append(timed(lambda: forgetting.find(journal, word)))
            found = len(forgetting.find(journal, word))
            forgets.append(timed(lambda: forgetting.forget(journal, word, forgetting.INITIALS)))
        bare_home = copy_of(source, tmp, f"bare{run}")
        conn = sqlite3.connect(bare_home / "journal.sqlite", isolation_level=None)
        bares.append(timed(lambda conn=conn: conn.execute(_BARE_FORGET, (word, word))))
        conn.close()
    return min(finds), min(forgets), min(bares), found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=generate.DEFAULT_OUT)
    args = parser.parse_args(argv)

    source = generate.generate(args.size, args.seed, args.data)
    meta = json.loads((source / "meta.json").read_text(encoding="utf-8"))
    word = generate.RARE_WORD
    db_mb = (source / "lgtrack" / "journal.sqlite").stat().st_size / 1e6
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        ours, bare = bench_delete(source, tmp, args.repeat)
        find_s, forget_s, bare_forget, found = bench_forget(source, tmp, word, args.repeat)
    print(f"### Erasing, {meta['size']:,} reflections over ten years ({db_mb:.0f} MB), "
          f"best of {args.repeat}")  # fmt: skip
    print("\n| operation | lgtrack ms | peer ms | ratio lgtrack/peer |")
    print("|---|---:|---:|---:|")
    print(f"| delete one reflection (no trace) vs bare DELETE | {ours * 1000:.0f} | "
          f"{bare * 1000:.1f} | {ours / bare:.0f}× |")  # fmt: skip
    print(f"| forget '{word}': find ({found} places) | {find_s * 1000:.0f} | - | - |")
    print(f"| forget --initials (no trace) vs bare UPDATE replace() | {forget_s * 1000:.0f} | "
          f"{bare_forget * 1000:.1f} | {forget_s / bare_forget:.0f}× |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
