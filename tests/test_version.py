"""The version lives in one place (``lgtrack.__version__``); the package's metadata, the
command line and the declared licence all agree with what the repository holds."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from hatchling.metadata.core import ProjectMetadata
from hatchling.plugin.manager import PluginManager
from packaging.requirements import Requirement

import lgtrack
from lgtrack.cli import main

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def metadata() -> ProjectMetadata:
    """The metadata hatchling builds the wheel and sdist with."""
    return ProjectMetadata(str(ROOT), PluginManager())


def test_the_version_is_written_once_in_the_package(pyproject):
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "lgtrack/__init__.py"
    source = (ROOT / "lgtrack" / "__init__.py").read_text(encoding="utf-8")
    assert re.findall(r'^__version__ = "([^"]+)"$', source, re.MULTILINE) == [lgtrack.__version__]


def test_the_built_package_carries_the_packages_version(metadata):
    assert metadata.version == lgtrack.__version__


def test_the_command_line_shows_the_packages_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"lgtrack {lgtrack.__version__}\n"


def test_the_declared_licence_is_the_mit_licence_in_the_repository(pyproject, metadata):
    assert pyproject["project"]["license"] == "MIT"
    assert pyproject["project"]["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "the lgtrack authors" in text
    assert metadata.core.license_expression == "MIT"
    assert "LICENSE" in pyproject["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


def third_party_imports() -> dict[str, str]:
    """Top-level modules the package imports that are neither its own nor the standard
    library's, each with a file that imports it."""
    found = {}
    for path in sorted((ROOT / "lgtrack").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in (name.split(".")[0] for name in names):
                if name != "lgtrack" and name not in sys.stdlib_module_names:
                    found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_the_code_imports_only_declared_runtime_dependencies(metadata):
    declared = {normalise(Requirement(line).name) for line in metadata.core.dependencies}
    distributions = packages_distributions()
    undeclared = {
        module: where
        for module, where in third_party_imports().items()
        if not {normalise(d) for d in distributions.get(module, [module])} & declared
    }
    assert undeclared == {}, "imported but not in [project] dependencies"
    assert {"numpy", "pandas", "yaml"} <= set(third_party_imports())
