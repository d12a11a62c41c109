"""The 360 page (#12), headless: create a round, write its questionnaire and results, import
answers, and read the results with small groups hidden — through the page object."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pages import AppPage, RoundsPage
from rounds_support import FIRST, LEVEL, rows_for, write_csv

from lgtrack import Journal
from lgtrack.ui import App
from lgtrack.ui.rounds import RoundsWidget

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def journal(tmp_path):
    journal = Journal.open(tmp_path / "journal", clock=lambda: NOW)
    journal.set_profile("AB", LEVEL)
    yield journal
    journal.close()


@pytest.fixture
def page(journal):
    return RoundsPage(RoundsWidget(journal, clock=lambda: NOW))


def test_create_a_round_and_write_its_questionnaire(page, tmp_path):
    assert "Ingen runder endnu" in page.results_text
    page.type_name("Forår 2027")
    page.create()
    assert page.status.kind == "ok" and "Forår 2027" in page.status.text
    assert [label for label, _ in page.round_options] == ["Forår 2027"]
    out = tmp_path / "spoergeskema.xlsx"
    page.type_out(str(out))
    page.write()
    assert page.status.kind == "ok" and out.is_file()


def test_import_answers_and_read_results_with_a_small_group_hidden(page, tmp_path):
    page.type_name("Forår")
    page.create()
    people = [("self", {FIRST: 5}, "")]
    people += [("employee", {FIRST: 3}, "Tak for i år")] * 3
    people += [("peer", {FIRST: 1}, "HEMMELIG")] * 2
    page.type_path(str(write_csv(tmp_path / "svar.csv", rows_for(people, "da"))))
    page.import_answers()
    assert page.status.kind == "ok" and "6 nye" in page.status.text
    text = page.results_text
    # all others 2,2 from five; the employees' 3,0 would give the two peers away by subtraction
    assert "2,2 (n=5)" in text and "for få svar" in text and "skjult, se note" in text
    assert "3,0 (n=3)" not in text
    assert "Tak for i år" in text and "HEMMELIG" not in text
    assert "blind vinkel" in text  # self 5 against all others' 2,2
    page.set_lang("en")
    assert "too few answers" in page.results_text


def test_a_bad_file_is_one_error_and_nothing_is_stored(page, journal, tmp_path):
    page.type_name("Forår")
    page.create()
    bad = write_csv(tmp_path / "bad.csv", [["Navn", FIRST], ["A", "7"]], encoding="utf-8")
    page.type_path(str(bad))
    page.choose_group("employee")
    page.import_answers()
    assert page.status.kind == "error" and "'7'" in page.status.text
    [item] = journal.store.rounds.all()
    assert journal.store.rounds.counts(item.id) == {}


def test_the_notebook_app_shows_the_rounds_page(journal):
    app = AppPage(App(journal, pages=("rounds",)))
    [page] = app.body
    assert "Ingen runder endnu" in RoundsPage(page).results_text
