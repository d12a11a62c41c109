"""The notebooks as committed: thin, without outputs, and each leader page behind the setup.

nbval runs every notebook against the demo journal; this file checks what nbval does not: the
shape of the notebooks and that a leader opening any page on a fresh journal is asked to set up
a profile first and then sees that page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pages import AppPage, css_classes

from lgtrack.ui import App, SetupWidget

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
COACH_NOTEBOOK = "07_coach.ipynb"  # the coach's journal needs no profile of its own
COHORT_NOTEBOOK = "10_cohort.ipynb"  # nor does a facilitator's (#13)
LEADER_NOTEBOOKS = [p for p in NOTEBOOKS if p.name not in (COACH_NOTEBOOK, COHORT_NOTEBOOK)]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def test_every_page_has_a_notebook():
    names = [path.name for path in NOTEBOOKS]
    assert names[0] == "00_start_here.ipynb" and COACH_NOTEBOOK in names and len(names) == 11
    assert "09_360.ipynb" in names
    assert COHORT_NOTEBOOK in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebooks_are_thin_and_committed_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = notebook["cells"]
    assert 3 <= len(cells) <= 8
    assert cells[0]["cell_type"] == "markdown" and _source(cells[0]).startswith("# ")
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
            assert len(_source(cell).splitlines()) <= 3


@pytest.mark.parametrize("path", LEADER_NOTEBOOKS, ids=lambda path: path.stem)
def test_on_a_fresh_journal_every_leader_page_asks_for_the_profile_first(
    path, tmp_path, monkeypatch
):
    monkeypatch.setenv("LGTRACK_HOME", str(tmp_path / "fresh"))
    monkeypatch.chdir(path.parent)
    namespace: dict = {}
    *setup_cells, last = [_source(c) for c in _cells(path) if c["cell_type"] == "code"]
    for code in setup_cells:
        exec(code, namespace)  # noqa: S102 - our own committed notebook
    shown = eval(last, namespace)  # noqa: S307 - the notebook's last line is the page it shows
    try:
        assert isinstance(shown, App)
        app = AppPage(shown)
        [setup] = app.body
        assert isinstance(setup, SetupWidget)
        profile = app.setup()
        profile.type_name("AB")
        profile.choose_level("teamleder")
        profile.save()
        [page] = app.body if shown.tabs is None else [shown.tabs]
        assert not isinstance(page, SetupWidget)
        assert "development-placeholder" not in str(css_classes(page))
    finally:
        namespace["journal"].close()
