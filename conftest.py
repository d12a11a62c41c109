"""Test-session set-up shared by the tests and the notebooks (run by nbval).

Before anything runs, LGTRACK_HOME points at a throw-away demo journal, so that the notebooks'
kernels (which inherit this environment) show real data, and so that no test can ever touch the
developer's own journal.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import settings

_SESSION_DIR = tempfile.TemporaryDirectory(prefix="lgtrack-tests-")

# CI explores the same property-test examples on every run, so that a red build always points
# at a change; locally hypothesis keeps searching new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config) -> None:
    from lgtrack import Journal
    from lgtrack.demo import build_demo

    home = Path(_SESSION_DIR.name) / "demo-journal"
    os.environ["LGTRACK_HOME"] = str(home)
    os.environ.setdefault("MPLBACKEND", "Agg")
    with Journal.open(home) as journal:
        build_demo(journal, today=date(2026, 11, 30))


def pytest_unconfigure(config) -> None:
    _SESSION_DIR.cleanup()
