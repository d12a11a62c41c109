"""A test run writes nothing outside its temporary directories.

The root ``conftest.py`` points HOME and the user's cache, config and data directories into one
session directory before lgtrack is imported; these tests check where things really land.
"""

from __future__ import annotations

import os
import pwd
import uuid
from pathlib import Path

import pytest

from lgtrack import bundled_frameworks, load_framework

ISOLATED = (
    "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR", "MPLCONFIGDIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR",
    "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "HYPOTHESIS_STORAGE_DIRECTORY", "LGTRACK_HOME",
)  # fmt: skip


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()} if folder.is_dir() else set()


@pytest.mark.parametrize("name", ISOLATED)
def test_each_user_directory_points_into_the_session_directory(session_dir, name):
    assert Path(os.environ[name]).is_relative_to(session_dir), os.environ[name]


def test_the_framework_cache_lands_in_the_session_directory(session_dir, tmp_path):
    from platformdirs import user_cache_path

    cache = user_cache_path("lgtrack", appauthor=False)
    assert cache.is_relative_to(session_dir)
    # A framework text never parsed before: a cache miss, so its parsed form is written.
    stuk = bundled_frameworks()["stuk"].read_text(encoding="utf-8")
    source = tmp_path / "mine.yaml"
    source.write_text(f"{stuk}\n# {uuid.uuid4()}\n", encoding="utf-8")
    real_cache = Path(pwd.getpwuid(os.getuid()).pw_dir) / ".cache" / "lgtrack"
    before, real_before = files_under(session_dir), files_under(real_cache)

    load_framework(source)

    new = files_under(session_dir) - before
    assert new and all(path.is_relative_to(cache) for path in new), new
    assert files_under(real_cache) == real_before


def test_matplotlib_jupyter_ipython_and_hypothesis_use_the_session_directory(session_dir):
    import matplotlib
    from hypothesis.configuration import storage_directory
    from IPython.paths import get_ipython_dir
    from jupyter_core.paths import jupyter_config_dir, jupyter_data_dir, jupyter_runtime_dir

    for folder in (
        matplotlib.get_configdir(),
        matplotlib.get_cachedir(),
        jupyter_config_dir(),
        jupyter_data_dir(),
        jupyter_runtime_dir(),
        get_ipython_dir(),
        storage_directory("examples", intent_to_write=False).path,
    ):
        assert Path(folder).is_relative_to(session_dir), folder
