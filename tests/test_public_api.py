"""``lgtrack.__all__`` is the public contract, and importing lgtrack stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import lgtrack

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

EXPECTED_ALL = [
    "Behaviour",
    "CheckIn",
    "Discipline",
    "EntryFilter",
    "Feedback",
    "Framework",
    "FrameworkError",
    "Goal",
    "ImportFileError",
    "Journal",
    "Leader",
    "Level",
    "LgtrackError",
    "NotFoundError",
    "Rating",
    "Reflection",
    "StoreError",
    "Text",
    "ValidationError",
    "__version__",
    "bundled_frameworks",
    "load_framework",
    "open_journal",
]
# Never imported by ``import lgtrack``: the widget stack, and pyplot's global state.
HEAVY_MODULES = ["ipywidgets", "IPython", "matplotlib.pyplot"]


def test_all_is_the_expected_list() -> None:
    assert lgtrack.__all__ == EXPECTED_ALL


def test_every_public_name_is_importable() -> None:
    namespace: dict = {}
    exec("from lgtrack import *", namespace)
    assert sorted(name for name in namespace if name != "__builtins__") == sorted(EXPECTED_ALL)
    for name in EXPECTED_ALL:
        assert getattr(lgtrack, name) is namespace[name]


def test_errors_share_one_base_class() -> None:
    for name in ["FrameworkError", "ValidationError", "NotFoundError", "ImportFileError"]:
        assert issubclass(getattr(lgtrack, name), lgtrack.LgtrackError)
    assert issubclass(lgtrack.StoreError, lgtrack.LgtrackError)


def test_version_is_the_one_in_pyproject() -> None:
    pyproject = Path(__file__).parents[1] / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
    # One place: hatch reads lgtrack.__version__ (tests/test_version.py checks the built one).
    assert "version" not in project and "version" in project["dynamic"]


def test_import_lgtrack_does_not_import_widgets_or_pyplot() -> None:
    code = (
        "import json, sys; import lgtrack; "
        f"print(json.dumps([m for m in {HEAVY_MODULES!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout) == []


def test_the_probe_would_see_a_heavy_import() -> None:
    code = (
        "import json, sys; import lgtrack, matplotlib.pyplot; "
        f"print(json.dumps([m for m in {HEAVY_MODULES!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout) == ["matplotlib.pyplot"]
