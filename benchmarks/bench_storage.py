"""The storage layer against bare SQLite: what the repositories and the field specifications cost.

Reads the same rows two ways from the benchmark journal that ``generate.py`` writes, in one
process, and prints the best wall time of each and the ratio:

- **lgtrack**: ``journal.reflections(filter)`` — the repository's query, its child rows
  (disciplines, tags, ratings) and a ``Reflection`` record per row, built from the field
  specification (:mod:`lgtrack.specs`);
- **bare sqlite3**: the same query and the same child queries with the ``sqlite3`` module,
  rows left as tuples.

The ratio is lgtrack / bare: the price of records (and of everything the journal checks) over
SQLite itself. Nothing here fails; it prints figures::

    python benchmarks/bench_storage.py                 # 50,000 entries, best of 5
    python benchmarks/bench_storage.py --size 10000 --repeat 3
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
from datetime import date
from pathlib import Path

import generate

CHILDREN = (
    "SELECT reflection_id, discipline FROM reflection_disciplines "
    "WHERE reflection_id IN (SELECT value FROM json_each(?))",
    "SELECT reflection_id, tag FROM reflection_tags "
    "WHERE reflection_id IN (SELECT value FROM json_each(?))",
    "SELECT reflection_id, behaviour, score FROM ratings "
    "WHERE reflection_id IN (SELECT value FROM json_each(?)) ORDER BY position",
)
COLUMNS = (
    "r.day, r.id, r.leader_id, r.prompt, r.text, r.next_step, r.wellbeing, r.energy, r.private, "
    "r.level, r.framework_version, r.created_at, r.updated_at"
)


def bare(conn: sqlite3.Connection, where: str, params: tuple, limit: str = "") -> int:
    """The rows and their children, as tuples: what SQLite itself has to do."""
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM reflections r WHERE {where} "
        f"ORDER BY r.day DESC, r.created_at DESC {limit}",
        params,
    ).fetchall()
    ids = json.dumps([row[1] for row in rows])
    for sql in CHILDREN:
        conn.execute(sql, (ids,)).fetchall()
    return len(rows)


def best_of(repeat: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def cases(journal, conn, meta: dict) -> list[tuple[str, Callable, Callable]]:
    from lgtrack import EntryFilter

    q = meta["query"]
    me = journal.me().id
    since, until = date.fromisoformat(q["from"]), date.fromisoformat(q["to"])
    # the same SQL the repository runs, so that the ratio is the price of the records alone
    tagged = (
        "+r.leader_id = ? AND r.id IN (SELECT reflection_id FROM reflection_tags WHERE tag = ?)"
    )
    return [
        (
            "last 10",
            lambda: journal.reflections(EntryFilter(limit=10)),
            lambda: bare(conn, "r.leader_id = ?", (me,), "LIMIT 10"),
        ),
        (
            f"tag {q['tag']}",
            lambda: journal.reflections(EntryFilter(tag=q["tag"])),
            lambda: bare(conn, tagged, (me, q["tag"])),
        ),
        (
            f"range {q['from'][:4]}",
            lambda: journal.reflections(EntryFilter(since=since, until=until)),
            lambda: bare(
                conn, "r.day >= ? AND r.day <= ? AND r.leader_id = ?", (q["from"], q["to"], me)
            ),
        ),
        (
            "all reflections",
            lambda: journal.reflections(),
            lambda: bare(conn, "r.leader_id = ?", (me,)),
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=generate.DEFAULT_OUT)
    args = parser.parse_args(argv)

    from lgtrack import Journal

    source = generate.generate(args.size, args.seed, args.data)
    meta = json.loads((source / "meta.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "lgtrack"
        shutil.copytree(source / "lgtrack", home)
        journal = Journal.open(home)
        conn = sqlite3.connect(home / "journal.sqlite")
        print(f"### Storage layer vs bare sqlite3, {args.size:,} entries (best of {args.repeat})")
        print("\n| operation | rows | lgtrack ms | bare sqlite3 ms | ratio lgtrack/bare |")
        print("|---|---:|---:|---:|---:|")
        for name, ours, theirs in cases(journal, conn, meta):
            rows = len(ours())
            if rows != theirs():
                raise SystemExit(f"{name}: lgtrack found {rows} rows, bare SQL {theirs()}")
            ours_s = best_of(args.repeat, ours)
            theirs_s = best_of(args.repeat, theirs)
            print(
                f"| {name} | {rows:,} | {ours_s * 1000:.1f} | {theirs_s * 1000:.1f} | "
                f"{ours_s / theirs_s:.1f}× |"
            )
        journal.close()
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
