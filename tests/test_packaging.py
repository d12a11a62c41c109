"""A non-editable install carries the bundled frameworks and works from any folder.

How, and why this way (robust, offline, a few seconds):

1. Build the wheel with ``pip wheel --no-deps --no-build-isolation --no-index``: hatchling (the
   build backend, in the ``test`` extra) is taken from this environment, so nothing is
   downloaded. The wheel is built from the repository, exactly as ``pip install .`` would.
2. Inspect the wheel's zip: the framework files must be inside the package
   (``lgtrack/_frameworks/``), byte for byte the files in ``data/frameworks/``.
3. Install the wheel with ``pip install --no-deps --no-index --target DIR``: a fresh folder that
   holds only lgtrack. A new virtual environment would need PyYAML and friends installed into
   it (a download) or a ``--system-site-packages`` parent, which a venv inside a venv does not
   give; ``--target`` plus ``PYTHONPATH=DIR`` uses this interpreter's dependencies and puts the
   installed lgtrack first on the path, ahead of the editable checkout.
4. From a folder outside the repository, run the installed ``lgtrack`` script and check that
   ``lgtrack`` and its bundled files were imported from DIR, not from the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
FRAMEWORK_FILES = ("stuk.yaml", "kodeks.yaml", "README.md")


def run(argv: list[str | Path], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LGTRACK_HOME")}
    environment.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONIOENCODING="utf-8", **env)
    done = subprocess.run(
        [str(arg) for arg in argv],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip"]
    run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", out, ROOT], out)
    (built,) = out.glob("lgtrack-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    pip = [sys.executable, "-m", "pip"]
    run([*pip, "install", "--no-deps", "--no-index", "--target", target, wheel], target)
    return target


def test_the_wheel_carries_the_framework_files(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for file_name in FRAMEWORK_FILES:
            inside = f"lgtrack/_frameworks/{file_name}"
            assert inside in names
            assert archive.read(inside) == (ROOT / "data" / "frameworks" / file_name).read_bytes()
        assert "lgtrack/messages.yaml" in names
        for template in ("report.html", "report.css", "sections.html"):  # Jinja2 loads them
            assert f"lgtrack/report/templates/{template}" in names
        assert "lgtrack/ui/_radio_group.js" in names  # anywidget loads the ratings' radio group
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "lgtrack = lgtrack.cli:main" in archive.read(entry_points).decode()
        assert not any(name.startswith(("tests/", "data/", "notebooks/")) for name in names)


def test_the_installed_package_finds_its_frameworks_from_any_folder(
    installed: Path, tmp_path: Path
) -> None:
    probe = (
        "import lgtrack; print(lgtrack.__file__); "
        "print(lgtrack.bundled_frameworks()['stuk']); "
        "print(len(lgtrack.load_framework('stuk').all_behaviours()))"
    )
    done = run([sys.executable, "-c", probe], tmp_path, PYTHONPATH=str(installed))
    package_file, stuk_file, behaviours = done.stdout.splitlines()
    assert Path(package_file).is_relative_to(installed)
    assert Path(stuk_file) == installed / "lgtrack" / "_frameworks" / "stuk.yaml"
    assert behaviours == "130"


def test_the_installed_command_shows_a_level(installed: Path, tmp_path: Path) -> None:
    script = installed / "bin" / "lgtrack"
    assert script.is_file()
    argv = [script, "framework", "show", "stuk", "--level", "teamleder", "--lang", "en"]
    done = run(argv, tmp_path, PYTHONPATH=str(installed))
    assert done.stderr == ""
    assert "Team Leader" in done.stdout
    assert "[strategic.teamleder.1] Ensures a feedback loop" in done.stdout
    assert "kontorchef." not in done.stdout
