"""The reflection page served as an app (Voilà) and used in a real browser (Debian's Chromium).

A leader picks a discipline, rates behaviours, writes, saves, sees the confirmation, and the
reflection is in the journal. See ``browser_support`` for how Chromium and Voilà are run.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from browser_support import (
    chromium_page,
    deadline,
    debian_chromium,
    log_tail,
    require_chromium,
    voila_server,
)

from lgtrack import EntryFilter, Journal, Rating
from lgtrack.demo import build_demo

REPO = Path(__file__).resolve().parent.parent
REFLECT_NOTEBOOK = REPO / "notebooks" / "01_reflect.ipynb"
TEST_TIMEOUT_S = 240


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; without it the test skips (fails under CI=true)."""
    return require_chromium(debian_chromium(), "the browser test")


@pytest.fixture
def demo_home(tmp_path: Path) -> Path:
    home = tmp_path / "journal"
    with Journal.open(home) as journal:
        build_demo(journal, today=date.today())
    return home


def reflect_notebook(tmp_path: Path) -> Path:
    """The reflection notebook as committed; the test must fail if it goes missing."""
    assert REFLECT_NOTEBOOK.is_file(), f"missing {REFLECT_NOTEBOOK}"
    return REFLECT_NOTEBOOK


def wait_for_app(page, selector: str) -> None:
    """Wait until ``selector`` shows; fail at once with the notebook's error if a cell fails."""
    error = '[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output.jp-mod-error'
    page.wait_for_selector(f"{selector}, {error}", timeout=120_000)
    if page.locator(selector).count() == 0:
        pytest.fail(
            "the notebook failed in Voilà: " + page.locator(error).first.inner_text()[-1500:]
        )


def rate(page, behaviour: str, label: str) -> None:
    """Choose ``label`` in a behaviour's radio group, found by its accessible name."""
    group = page.locator(".lg-rating-" + behaviour.replace(".", "-"))
    group.get_by_role("radio", name=label, exact=True).check()


def test_a_reflection_written_in_the_browser_is_stored(chromium, demo_home, tmp_path):
    notebook = reflect_notebook(tmp_path)
    text = "Browsertest: en god 1:1-samtale om trivsel — æøå <b>ikke fed</b>"
    people = "Personaleledelse og udvikling"
    first_day = date.today()
    with (
        deadline(TEST_TIMEOUT_S, "the browser test"),
        voila_server(notebook, home=demo_home, workdir=tmp_path) as url,
        chromium_page(chromium) as page,
    ):
        try:
            page.goto(url)
            wait_for_app(page, ".lg-reflect-save")
            discipline = page.locator(".lg-reflect-discipline select")
            labels = discipline.locator("option").all_inner_texts()
            choice = next(
                label for label in labels if label.replace("\xa0", " ").startswith(people)
            )
            discipline.select_option(label=choice)
            page.wait_for_selector(".lg-rating-people-teamleder-2")
            rate(page, "people.teamleder.2", "4 – Meget ofte")
            rate(page, "people.teamleder.4", "2 – Af og til")
            rate(page, "people.g3", "Ved ikke")
            page.locator(".lg-reflect-text textarea").fill(text)
            page.locator("button.lg-reflect-save").click()
            status = page.locator(".lg-reflect-status .lg-msg-ok")
            status.wait_for()
            page.screenshot(path=str(tmp_path / "reflect.png"), full_page=True)
            confirmation = status.inner_text()
            typed_after_save = page.locator(".lg-reflect-text textarea").input_value()
        except Exception as exc:
            pytest.fail(f"{exc}\n--- voila log ---\n{log_tail(tmp_path / 'voila.log', 30)}")

    assert re.search(r"gemt|saved", confirmation, re.IGNORECASE), confirmation
    assert typed_after_save == "", "the form resets after saving"
    with Journal.open(demo_home, create=False) as journal:
        found = journal.reflections(EntryFilter(contains="Browsertest"))
    assert len(found) == 1
    reflection = found[0]
    assert reflection.text == text
    assert reflection.disciplines == ("people",)
    assert first_day <= reflection.day <= date.today()
    assert set(reflection.ratings) == {
        Rating("people.teamleder.2", 4),
        Rating("people.teamleder.4", 2),
        Rating("people.g3", None),
    }
