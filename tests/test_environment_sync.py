"""environment.yml mirrors pyproject.toml: the same packages, with the same lower bounds.

A dependency added to one file and not the other fails here, naming the package.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).parents[1]
# conda-forge names that differ from the PyPI name (after normalising both).
CONDA_TO_PYPI = {"playwright-python": "playwright"}
# Conda packages that are tools of the environment, not dependencies of lgtrack.
CONDA_ONLY = {"python", "pip"}
_CONDA_SPEC = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def pyproject_requirements(pyproject: dict) -> dict[str, SpecifierSet]:
    """Runtime dependencies and every extra, by normalised name."""
    project = pyproject["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    wanted: dict[str, SpecifierSet] = {}
    for line in lines:
        requirement = Requirement(line)
        wanted.setdefault(normalise(requirement.name), requirement.specifier)
    return wanted


def conda_requirements(environment: dict) -> dict[str, SpecifierSet]:
    found: dict[str, SpecifierSet] = {}
    for entry in environment["dependencies"]:
        if isinstance(entry, str):
            name, spec = _CONDA_SPEC.match(entry).groups()
            name = normalise(name)
            if name not in CONDA_ONLY:
                found[CONDA_TO_PYPI.get(name, name)] = SpecifierSet(spec)
    return found


def test_environment_has_the_same_packages_as_pyproject(pyproject, environment) -> None:
    in_pyproject = pyproject_requirements(pyproject)
    in_environment = conda_requirements(environment)
    assert sorted(set(in_pyproject) - set(in_environment)) == [], "missing in environment.yml"
    assert sorted(set(in_environment) - set(in_pyproject)) == [], "missing in pyproject.toml"


def test_environment_has_the_same_lower_bounds(pyproject, environment) -> None:
    in_pyproject = pyproject_requirements(pyproject)
    in_environment = conda_requirements(environment)
    differing = {
        name: (str(in_pyproject[name]), str(spec))
        for name, spec in in_environment.items()
        if name in in_pyproject and spec != in_pyproject[name]
    }
    assert differing == {}


def test_environment_python_matches_requires_python(pyproject, environment) -> None:
    pythons = [
        entry
        for entry in environment["dependencies"]
        if isinstance(entry, str) and _CONDA_SPEC.match(entry).group(1) == "python"
    ]
    assert pythons == [f"python{pyproject['project']['requires-python']}"]


def test_environment_uses_conda_forge_and_installs_lgtrack(environment) -> None:
    assert environment["name"] == "lgtrack"
    assert environment["channels"] == ["conda-forge"]
    pip_sections = [e["pip"] for e in environment["dependencies"] if isinstance(e, dict)]
    assert pip_sections == [["-e ."]]


def test_the_names_are_compared_after_normalising() -> None:
    assert normalise("PyYAML") == normalise("pyyaml") == "pyyaml"
    assert normalise("jupyter_server.terminals") == "jupyter-server-terminals"
    assert conda_requirements({"dependencies": ["python>=3.10", "PyYAML>=6.0", "pip"]}) == {
        "pyyaml": SpecifierSet(">=6.0")
    }
