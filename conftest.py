"""Test-session set-up shared by the tests and the notebooks (run by nbval).

When pytest loads this file, before anything imports lgtrack, every place a run could write to
outside its temporary directories is pointed into one session directory: HOME, the user's cache,
config, data, state and runtime directories (platformdirs reads them; lgtrack caches parsed
frameworks in the cache directory), and the directories of matplotlib, Jupyter, IPython and
hypothesis. Then LGTRACK_HOME points at a throw-away demo journal, so that the notebooks'
kernels (which inherit this environment) show real data, and so that no test can ever touch the
developer's own journal. The session directory is removed when the process exits.
"""

from __future__ import annotations

import atexit
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

_SESSION_DIR = tempfile.TemporaryDirectory(prefix="lgtrack-tests-")
SESSION_DIR = Path(_SESSION_DIR.name)
# Removed at exit, not when pytest unconfigures: an IPython shell made by a test writes its
# history into IPYTHONDIR at exit, and atexit calls registered later (IPython's) run first.
atexit.register(_SESSION_DIR.cleanup)

# Environment variable → folder in the session directory.
ISOLATED_DIRS = {
    "HOME": "home",
    "XDG_CACHE_HOME": "cache",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
    "MPLCONFIGDIR": "matplotlib",
    "JUPYTER_CONFIG_DIR": "jupyter/config",
    "JUPYTER_DATA_DIR": "jupyter/data",
    "JUPYTER_RUNTIME_DIR": "jupyter/runtime",
    "IPYTHONDIR": "ipython",
    "HYPOTHESIS_STORAGE_DIRECTORY": "hypothesis",  # its examples, not `.hypothesis/` here
}


def _isolate() -> None:
    for name, folder in ISOLATED_DIRS.items():
        path = SESSION_DIR / folder
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ[name] = str(path)


_isolate()

# CI explores the same property-test examples on every run, so that a red build always points
# at a change; locally hypothesis keeps searching new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def session_dir() -> Path:
    """The folder that HOME, the user's cache and config directories point into."""
    return SESSION_DIR


def pytest_configure(config) -> None:
    from lgtrack import Journal
    from lgtrack.demo import build_demo

    home = SESSION_DIR / "demo-journal"
    os.environ["LGTRACK_HOME"] = str(home)
    os.environ.setdefault("MPLBACKEND", "Agg")
    with Journal.open(home) as journal:
        build_demo(journal, today=date(2026, 11, 30))
