"""Each notebook in notebooks/ executed headless against a fresh demo journal: seconds per notebook.

    python benchmarks/bench_notebooks.py [--notebooks DIR] [--repeat N] [--timeout S]

Every notebook runs in its own kernel (nbclient, kernel ``python3``) with ``LGTRACK_HOME`` set
to a fresh copy of the demo journal, so notebooks that write never affect each other. The peer
is an empty notebook (kernel start-up and shut-down only); the target is < 10 s per notebook.
Figures are the best of N runs. Exit code 1 when a notebook fails or misses the target.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 10.0


def build_demo_home(directory: Path) -> float:
    """Write the demo journal into ``directory``; returns the seconds it took."""
    from lgtrack import Journal
    from lgtrack.demo import build_demo

    started = time.perf_counter()
    with Journal.open(directory) as journal:
        build_demo(journal, today=date.today())
    return time.perf_counter() - started


def empty_notebook() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.cells = [nbformat.v4.new_code_cell("pass")]
    return notebook


def execute(notebook: nbformat.NotebookNode, cwd: Path, home: Path, timeout: int) -> float:
    """Run every cell of ``notebook`` in a fresh kernel; returns wall seconds (raises on error)."""
    os.environ["LGTRACK_HOME"] = str(home)  # the kernel inherits this process's environment
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    started = time.perf_counter()
    client.execute()
    return time.perf_counter() - started


def best_of(repeat: int, notebook_path: Path | None, demo: Path, work: Path, timeout: int) -> float:
    times = []
    for run in range(repeat):
        home = work / f"home-{run}"
        shutil.rmtree(home, ignore_errors=True)
        shutil.copytree(demo, home)
        if notebook_path is None:
            notebook, cwd = empty_notebook(), work
        else:
            notebook, cwd = nbformat.read(notebook_path, as_version=4), notebook_path.parent
        times.append(execute(notebook, cwd, home, timeout))
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", type=Path, default=REPO / "notebooks")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell")
    args = parser.parse_args(argv)
    notebooks = sorted(args.notebooks.glob("*.ipynb"))
    if not notebooks:
        print(f"no notebooks in {args.notebooks}")
        return 1
    failed = False
    with tempfile.TemporaryDirectory(prefix="lgtrack-bench-") as tmp:
        work = Path(tmp)
        demo_s = build_demo_home(work / "demo")
        print(f"demo journal built in {demo_s:.2f} s (target < 2 s)")
        peer = best_of(args.repeat, None, work / "demo", work, args.timeout)
        print(
            f"{'notebook':<28} {'seconds':>8} {'x empty':>8}  "
            f"(best of {args.repeat}; target < {TARGET_S:.0f} s)"
        )
        print(f"{'(empty notebook: peer)':<28} {peer:>8.2f} {1.0:>8.2f}")
        for path in notebooks:
            try:
                seconds = best_of(args.repeat, path, work / "demo", work, args.timeout)
            except Exception as exc:  # report every notebook, then fail
                reason = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip().splitlines() or [""]
                print(f"{path.name:<28} {'FAILED':>8}  {type(exc).__name__}: {reason[-1]}")
                failed = True
                continue
            verdict = "ok" if seconds < TARGET_S else "SLOW"
            failed = failed or seconds >= TARGET_S
            print(f"{path.name:<28} {seconds:>8.2f} {seconds / peer:>8.2f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
