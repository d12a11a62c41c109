"""A coach with many leaders: N share bundles, imported in one run, then ``lgtrack leaders``.

    python benchmarks/coach.py [--bundles 1000] [--months 6]

The bundles come from lgtrack's own demo leader (two years of reflections, goals and feedback),
shared for the last ``--months`` months with free text; each copy gets its own leader (id and
name), its own record ids, a fresh checksum and the signature of its own leader's key. They are
written into ``DIR/bundles/`` and are only ever read from there. :func:`bench_coach` is what ``bench_vs_jrnl.py`` runs.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

TARGET_IMPORT_S = 60.0  # 1,000 bundles in one `lgtrack import DIR`, at most
TARGET_LEADERS_S = 0.3  # `lgtrack leaders --json` at 1,000 leaders, at most
TODAY = date(2025, 12, 31)


def template_bundle(months: int) -> dict:
    """The demo leader's share bundle for the last ``months`` months, with free text."""
    from lgtrack import Journal
    from lgtrack.demo import build_demo
    from lgtrack.sharing import ShareScope, build_bundle

    now = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=timezone.utc)
    since = date(TODAY.year - (months > 11), (TODAY.month - months) % 12 + 1, 1)
    with Journal.open(":memory:", clock=lambda: now) as journal:
        build_demo(journal, today=TODAY)
        return build_bundle(journal, ShareScope(since=since), now=now)


def copies(template: dict, count: int) -> list[dict]:
    """``count`` bundles like ``template``, each of another leader with other record ids, and
    signed with that leader's own key (as each leader's journal signs hers)."""
    import hashlib

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from lgtrack.sharing.format import bundle_checksum
    from lgtrack.sharing.signing import SIGNATURE, sign_document

    bundles = []
    for n in range(count):
        bundle = copy.deepcopy(template)
        bundle.pop(SIGNATURE, None)
        space = uuid.uuid5(uuid.NAMESPACE_URL, f"lgtrack-benchmark-leader-{n}")
        bundle["leader"]["id"] = str(space)
        bundle["leader"]["name"] = f"Leder {n:04d}"
        for kind in ("reflections", "goals", "feedback"):
            for record in bundle[kind]:
                record["id"] = str(uuid.uuid5(space, record["id"]))
        bundle["checksum"] = bundle_checksum(bundle)
        key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(space.bytes).digest())
        bundles.append(sign_document(bundle, key))
    return bundles


def write_bundles(bundles: list[dict], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, bundle in enumerate(bundles):
        path = folder / f"leder-{n:04d}.json"
        path.write_text(json.dumps(bundle, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def _run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")
    return elapsed


def bench_coach(lgtrack: Path, env: dict[str, str], count: int, months: int, repeat: int) -> dict:
    """Seconds for ``lgtrack import DIR`` of ``count`` bundles into a new coach journal, for
    importing them again (all present), and for ``lgtrack leaders --json`` (best of
    ``repeat``); with the records per bundle."""
    template = template_bundle(months)
    with tempfile.TemporaryDirectory(prefix="lgtrack-coach-") as tmp:
        folder, home = Path(tmp) / "bundles", Path(tmp) / "coach"
        write_bundles(copies(template, count), folder)
        first = _run([str(lgtrack), "import", str(folder), "--home", str(home)], env)
        again = _run([str(lgtrack), "import", str(folder), "--home", str(home)], env)
        leaders_cmd = [str(lgtrack), "leaders", "--json", "--home", str(home)]
        done = subprocess.run(leaders_cmd, env=env, capture_output=True, text=True, check=True)
        listed = len(json.loads(done.stdout))
        leaders = min(_run(leaders_cmd, env) for _ in range(repeat))
        size = sum(p.stat().st_size for p in home.iterdir())
    return {
        "bundles": count,
        "records": {k: len(template[k]) for k in ("reflections", "goals", "feedback")},
        "import_s": first,
        "again_s": again,
        "leaders_s": leaders,
        "leaders_listed": listed,
        "journal_mb": size / 1e6,
    }


def print_coach(result: dict) -> None:
    count, records = result["bundles"], result["records"]
    per = ", ".join(f"{n} {kind}" for kind, n in records.items())
    print(f"\n### A coach with {count:,} leaders (bundles of {per}; wall seconds)\n")
    print("| operation | lgtrack s | target | result |")
    print("|---|---:|---|---|")
    ok_import = result["import_s"] < TARGET_IMPORT_S
    ok_leaders = result["leaders_s"] < TARGET_LEADERS_S and result["leaders_listed"] == count
    rows = [
        (f"import {count:,} bundles (one run, new journal)", result["import_s"],
         f"< {TARGET_IMPORT_S:.0f} s", ok_import),
        (f"import the same {count:,} again (all present)", result["again_s"], "", None),
        (f"leaders --json ({result['leaders_listed']:,} leaders)", result["leaders_s"],
         f"< {TARGET_LEADERS_S} s", ok_leaders),
    ]  # fmt: skip
    for name, seconds, target, ok in rows:
        verdict = "" if ok is None else ("pass" if ok else "FAIL")
        print(f"| {name} | {seconds:.3f} | {target} | {verdict} |")
    print(f"\ncoach journal {result['journal_mb']:.1f} MB")


def passed(result: dict) -> bool:
    return (
        result["import_s"] < TARGET_IMPORT_S
        and result["leaders_s"] < TARGET_LEADERS_S
        and result["leaders_listed"] == result["bundles"]
    )


def main(argv: list[str] | None = None) -> int:
    import os

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--months", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    beside = Path(sys.executable).with_name("lgtrack")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LGTRACK_")}
    result = bench_coach(beside, env, args.bundles, args.months, args.repeat)
    print_coach(result)
    return 0 if passed(result) else 1


if __name__ == "__main__":
    sys.exit(main())
