"""What signing costs: signing and verifying a large share bundle, against writing it unsigned.

Builds the share bundle of everything in the benchmark journal that ``generate.py`` writes (ten
years of reflections, with text), then times, best of ``--repeat``:

- **write unsigned**: the bundle's JSON text written to a file (whole or not at all, 0600): what
  sharing cost before bundles were signed;
- **sign**: the canonical JSON and its Ed25519 signature (:func:`lgtrack.sharing.sign_document`);
- **verify**: what the coach's import adds (:func:`lgtrack.sharing.verify_document`);
- **encrypt** / **decrypt** for a key (age X25519, ``lgtrack share --encrypt --recipient``).

Ratios are against "write unsigned". Nothing here fails; it prints figures::

    python benchmarks/bench_signing.py                 # 10,000 entries, best of 5
    python benchmarks/bench_signing.py --size 50000 --repeat 3
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import generate

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


def best_of(repeat: int, operation: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        operation()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=generate.DEFAULT_OUT)
    args = parser.parse_args(argv)

    from lgtrack import Journal
    from lgtrack.keys import journal_keys
    from lgtrack.sharing import ShareScope, build_bundle, bundle_text, write_bundle
    from lgtrack.sharing.envelope import decrypt_with_identity, encrypt_for
    from lgtrack.sharing.signing import SIGNATURE, sign_document, verify_document

    source = generate.generate(args.size, args.seed, args.data)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "lgtrack"
        shutil.copytree(source / "lgtrack", home)
        with Journal.open(home) as journal:
            signed = build_bundle(journal, ShareScope(), now=NOW)
            keys = journal_keys(journal)
        unsigned = {k: v for k, v in signed.items() if k != SIGNATURE}
        out = Path(tmp) / "bundle.json"
        size = len(bundle_text(signed).encode("utf-8"))
        sealed = encrypt_for(bundle_text(signed).encode("utf-8"), keys.recipient)
        assert verify_document(sign_document(unsigned, keys.signing)) == keys.public_key

        cases = [
            ("write unsigned", lambda: write_bundle(unsigned, out)),
            ("sign", lambda: sign_document(unsigned, keys.signing)),
            ("verify", lambda: verify_document(signed)),
            ("sign + write", lambda: write_bundle(sign_document(unsigned, keys.signing), out)),
            (
                "encrypt for a key",
                lambda: encrypt_for(bundle_text(signed).encode(), keys.recipient),
            ),
            ("decrypt with the key", lambda: decrypt_with_identity(sealed, keys.identity, "b")),
        ]
        reflections = len(signed["reflections"])
        print(
            f"### Signing a share bundle: {reflections:,} reflections, {size / 1e6:.1f} MB "
            f"(best of {args.repeat})"
        )
        print("\n| operation | ms | ratio to write unsigned |")
        print("|---|---:|---:|")
        baseline = None
        for name, operation in cases:
            seconds = best_of(args.repeat, operation)
            baseline = baseline or seconds
            print(f"| {name} | {seconds * 1000:.1f} | {seconds / baseline:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
