"""360 rounds in the lossless JSON export (version 3) and back (#12): every round, respondent,
answer and text survives; importing twice adds nothing; a bad round refuses the whole file."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from rounds_support import BEHAVIOURS, FIRST, LEVEL, rows_for, write_csv

from lgtrack import Journal
from lgtrack.errors import ImportFileError
from lgtrack.exchange import export_json, import_file
from lgtrack.rounds import create_round
from lgtrack.rounds.importing import plan_import, write_import
from lgtrack.rounds.report import report_json
from lgtrack.rounds.results import round_results

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)
PEOPLE = [
    ("self", {FIRST: 4}, "Mine egne ord"),
    *[("employee", {FIRST: 3, BEHAVIOURS[1].id: None}, f"Tak {i}") for i in range(3)],
    *[("peer", {FIRST: 2}, "Kollega skriver") for _ in range(2)],
]


@pytest.fixture
def source(tmp_path):
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", LEVEL)
    item = create_round(journal, "Forår", disciplines=["people"])
    path = write_csv(tmp_path / "svar.csv", rows_for(PEOPLE, "da"))
    write_import(journal, plan_import(journal, item, path))
    return journal


def _state(journal: Journal) -> list:
    out = []
    for item in journal.store.rounds.all():
        out.append((item, report_json(round_results(journal, item)),
                    journal.store.rounds.respondents(item.id), journal.store.rounds.answers(item.id),
                    journal.store.rounds.texts(item.id)))  # fmt: skip
    return out


def test_rounds_survive_export_and_import_and_a_second_import_adds_nothing(source, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(export_json(source, now=NOW), encoding="utf-8")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 3 and len(document["rounds"]) == 1
    assert "person1@example.org" not in path.read_text(encoding="utf-8")
    target = Journal.open(":memory:")
    summary = import_file(target, path)
    assert summary.added["rounds"] == 1
    assert _state(target) == _state(source)
    again = import_file(target, path)
    assert again.present["rounds"] == 1
    assert _state(target) == _state(source)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda r: r["respondents"][0]["answers"][0].update(score=9), "rounds[0].respondents[0]"),
        (lambda r: r["respondents"][1].update(group="boss"), "unknown group 'boss'"),
        (lambda r: r["texts"][0].update(question="why"), "unknown open question"),
        (lambda r: r["respondents"][1].update(number=1), "respondent's number"),
        (lambda r: r.update(minimums={**r["minimums"], "peer": 1}), "minimum for peer"),
        (lambda r: r.update(email="x@example.org"), "unknown field"),
    ],
)
def test_a_bad_round_in_an_export_refuses_the_whole_file(source, tmp_path, change, words):
    document = json.loads(export_json(source, now=NOW))
    change(document["rounds"][0])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    target = Journal.open(":memory:")
    with pytest.raises(ImportFileError, match=words.replace("[", r"\[").replace("]", r"\]")):
        import_file(target, path)
    assert target.leaders() == [] and target.store.rounds.all() == []
