"""A leadership programme of 1,000 participants × one year of weekly reflections (#13).

Prints, for each cohort size (default 100 and 1,000 participants):

- **import**: ``import_cohort`` of every participant's cohort bundle (read, checked whole,
  written in one transaction) into a fresh facilitator's journal on disk — target < 60 s;
- **dashboard**: ``cohort_dashboard`` as of the programme's last day (engagement, development,
  coverage, effects, per level, with complementary suppression) — target < 3 s;
- **peak memory** of the process that did both (each size runs in its own process) — < 1 GB;
- the dashboard's CPU time beside its wall time: on a shared machine the wall time also counts
  the time other processes had the CPU;
- the **peer**: the same development aggregation in plain pandas (participant × discipline
  means, then n and mean per discipline and per level, no suppression) on the raw rating rows
  read from the same journal, and the ratio dashboard / pandas.

Bundles are generated, not made through 1,000 leaders' journals: valid ``lgtrack-cohort``
documents with 52 weekly reflections of 3–5 self-ratings on one discipline of the leader's
level (about one in ten "ved ikke") and four quarterly effect answers; deterministic per seed::

    python benchmarks/bench_cohort.py                  # 100 and 1,000 participants
    python benchmarks/bench_cohort.py --sizes 200 --seed 3
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

START = date(2027, 1, 4)
END = date(2027, 12, 31)
NOW = datetime(2028, 1, 2, 9, 0, tzinfo=timezone.utc)


def make_bundles(folder: Path, size: int, seed: int) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from lgtrack.cohort.bundle import COHORT_FORMAT, COHORT_VERSION
    from lgtrack.framework import load_framework
    from lgtrack.sharing import bundle_checksum, write_bundle
    from lgtrack.sharing.signing import sign_document

    framework = load_framework("stuk")
    rng = random.Random(seed)
    for index in range(size):
        level = rng.choice(framework.level_ids)
        behaviours = framework.behaviours_for_level(level)
        reflections = []
        for week in range(52):
            discipline = framework.discipline_ids[(week + index) % 5]
            chosen = rng.sample(behaviours[discipline], min(len(behaviours[discipline]),
                                                            rng.randint(3, 5)))  # fmt: skip
            ratings = [
                {"behaviour": b.id, "score": None if rng.random() < 0.1 else rng.randint(1, 5)}
                for b in chosen
            ]
            day = START + timedelta(days=7 * week + rng.randint(0, 4))
            reflections.append({"day": day.isoformat(), "ratings": ratings})
        effects = [
            {"day": (START + timedelta(days=91 * q)).isoformat(),
             "scores": {e.id: rng.randint(1, 5) for e in framework.effects}}
            for q in range(4)
        ]  # fmt: skip
        bundle = {
            "format": COHORT_FORMAT, "version": COHORT_VERSION,
            "created_at": NOW.isoformat(), "generator": "lgtrack 0.1.0",
            "framework": {"id": "stuk", "version": framework.version},
            "participant": {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                            "initials": "AB", "level": level, "lang": "da"},
            "period": {"from": None, "to": None},
            "reflections": reflections, "effects": effects,
            "goals": {"open": rng.randint(0, 3), "achieved": rng.randint(0, 2), "dropped": 0},
        }  # fmt: skip
        bundle["checksum"] = bundle_checksum(bundle)
        key = Ed25519PrivateKey.from_private_bytes(rng.getrandbits(256).to_bytes(32, "big"))
        write_bundle(sign_document(bundle, key), folder / f"p{index:05d}.json")


def pandas_peer(rows: list[tuple], levels: dict[str, str], framework) -> float:
    """The development aggregation in plain pandas groupby; returns its wall time."""
    import pandas as pd

    started = time.perf_counter()
    frame = pd.DataFrame(rows, columns=["participant", "day", "behaviour", "score"])
    discipline_of = {b.id: b.discipline for b in framework.all_behaviours()}
    frame = frame.dropna(subset=["score"])
    frame = frame[(frame["day"] >= START.isoformat()) & (frame["day"] <= END.isoformat())]
    frame["discipline"] = frame["behaviour"].map(discipline_of)
    frame["level"] = frame["participant"].map(levels)
    scores = frame.groupby(["participant", "level", "discipline"])["score"].mean().reset_index()
    scores.groupby("discipline")["score"].agg(["count", "mean"])
    scores.groupby(["level", "discipline"])["score"].agg(["count", "mean"])
    return time.perf_counter() - started


def run_one(size: int, seed: int) -> dict:
    from lgtrack import Journal
    from lgtrack.cohort.dashboard import cohort_dashboard
    from lgtrack.cohort.importing import import_cohort
    from lgtrack.framework import load_framework
    from lgtrack.records import Cohort

    with tempfile.TemporaryDirectory() as folder:
        bundles = Path(folder) / "bundles"
        bundles.mkdir()
        make_bundles(bundles, size, seed)
        megabytes = sum(p.stat().st_size for p in bundles.iterdir()) / 1e6
        journal = Journal.open(Path(folder) / "facilitator", clock=lambda: NOW)
        cohort = Cohort(name="Bench", start=START, end=END, created_at=NOW)
        with journal.atomic():
            journal.store.cohorts.save(cohort)
        started = time.perf_counter()
        summary = import_cohort(journal, cohort, [bundles], now=NOW)
        import_s = time.perf_counter() - started
        best = cpu = float("inf")
        for _ in range(3):
            started, cpu_started = time.perf_counter(), time.process_time()
            board = cohort_dashboard(journal, cohort, today=END)
            best = min(best, time.perf_counter() - started)
            cpu = min(cpu, time.process_time() - cpu_started)
        rows = journal.store.cohorts.ratings(cohort.id)
        levels = {p.participant_id: p.level for p in journal.store.cohorts.participants(cohort.id)}
        peer = min(pandas_peer(rows, levels, load_framework("stuk")) for _ in range(3))
        journal.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "size": size, "bundles_mb": round(megabytes, 1), "ratings": len(rows),
        "added": summary.added, "import_s": round(import_s, 2), "dashboard_s": round(best, 3),
        "dashboard_cpu_s": round(cpu, 3),
        "pandas_s": round(peer, 3), "peak_mb": round(peak_mb), "participants": board["participants"],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", type=int, help=argparse.SUPPRESS)  # one size, in a child
    args = parser.parse_args()
    if args.only is not None:
        print(json.dumps(run_one(args.only, args.seed)))
        return
    results = []
    for size in args.sizes:  # each size in its own process: its own peak memory
        out = subprocess.run(
            [sys.executable, __file__, "--only", str(size), "--seed", str(args.seed)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        results.append(json.loads(out.strip().splitlines()[-1]))
    print(f"{'participants':>12} {'bundles MB':>10} {'ratings':>9} {'import s':>9} "
          f"{'dashboard s':>11} {'(cpu s)':>8} {'pandas s':>9} {'ratio':>6} {'peak MB':>8}")  # fmt: skip
    for r in results:
        ratio = r["dashboard_s"] / r["pandas_s"] if r["pandas_s"] else float("nan")
        print(f"{r['size']:>12} {r['bundles_mb']:>10} {r['ratings']:>9} {r['import_s']:>9} "
              f"{r['dashboard_s']:>11} {r['dashboard_cpu_s']:>8} {r['pandas_s']:>9} "
              f"{ratio:>6.1f} {r['peak_mb']:>8}")  # fmt: skip
    if len(results) > 1:
        first, last = results[0], results[-1]
        grow = last["size"] / first["size"]
        print(f"growth x{grow:g} in participants: import x{last['import_s'] / first['import_s']:.1f}, "
              f"dashboard x{last['dashboard_s'] / first['dashboard_s']:.1f}")  # fmt: skip
    print("targets: import < 60 s, dashboard < 3 s, peak memory < 1024 MB (1,000 participants);"
          " ratio = dashboard (all views, suppression) / pandas (development only)")  # fmt: skip


if __name__ == "__main__":
    main()
