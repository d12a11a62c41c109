"""Rules the tests keep, so that a maintainer can lean on them.

- The widget tests act and read through the page objects of ``tests/pages.py``, never through a
  widget's private attributes: a layout change touches one file, not every UI test.
- The tests never install system packages: ``.ci/run`` installs Debian's Chromium, then runs
  exactly the README's test command; without Chromium a browser test skips with a reason,
  except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import require_chromium

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
PRIVATE = re.compile(r"\._[a-z]")
SYSTEM_INSTALL = re.compile(r"\bapt-get\b|\bapt install\b|\bsudo\b|playwright install")


def private_accesses(source: str) -> list[tuple[int, str]]:
    """(line number, line) of every ``x._name`` in ``source``."""
    return [
        (number, line.strip())
        for number, line in enumerate(source.splitlines(), start=1)
        if PRIVATE.search(line)
    ]


def other_test_files() -> list[Path]:
    return [path for path in sorted(TESTS.glob("*.py")) if path != Path(__file__).resolve()]


def test_ui_tests_use_page_objects_not_private_attributes():
    files = sorted(TESTS.glob("test_ui_*.py"))
    assert len(files) >= 10
    found = [
        f"{path.name}:{number}: {line}"
        for path in files
        for number, line in private_accesses(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "use a page object (tests/pages.py):\n" + "\n".join(found)


def test_the_private_access_check_sees_attributes_and_private_modules():
    source = "page.save()\nwidget._save.click()\nfrom lgtrack.ui._ratings import X\nx.__dict__"
    assert private_accesses(source) == [
        (2, "widget._save.click()"),
        (3, "from lgtrack.ui._ratings import X"),
    ]


def test_one_helper_reads_the_css_classes_of_a_widget():
    readers = [p.name for p in other_test_files() if "_dom_classes" in p.read_text("utf-8")]
    assert readers == ["page_base.py"]


def test_no_test_installs_system_packages():
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in other_test_files()
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if SYSTEM_INSTALL.search(line)
    ]
    assert found == [], "\n".join(found)


def readme_test_command() -> str:
    """The command under "Run the tests:" in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("Run the tests:", 1)[1]
    return re.search(r"```bash\n(.*?)\n```", after, re.DOTALL).group(1).strip()


def test_ci_installs_chromium_when_missing_then_runs_exactly_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if line.strip()]
    commands = [line for line in commands if not line.startswith("#")]
    assert commands[-1] == readme_test_command()
    guard = script.index("if [ ! -x /usr/bin/chromium ]")
    assert guard < script.index("apt-get update") < script.index("apt-get install -y")
    assert script.index("apt-get install -y") < script.index(readme_test_command())


def test_without_chromium_a_browser_test_skips_with_the_reason(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="the browser test needs Debian's Chromium"):
        require_chromium(None, "the browser test")


def test_under_ci_a_missing_chromium_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: the browser test needs"):
        require_chromium(None, "the browser test")


def test_an_installed_chromium_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    assert require_chromium(str(tmp_path / "chromium"), "x") == tmp_path / "chromium"
