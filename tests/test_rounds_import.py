"""Importing a 360 round's answers (#12): Forms-style xlsx and Danish Excel CSV agree, survey
metadata is never stored, a second import adds nothing, and hostile files are refused on one
line with nothing stored."""

from __future__ import annotations

from datetime import date

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (fixture)
from rounds_support import (
    BEHAVIOURS,
    FIRST,
    make_journal,
    make_round,
    report,
    respondents,
    rows_for,
    write_csv,
    write_xlsx,
)

PEOPLE = [
    ("self", {b.id: 4 for b in BEHAVIOURS}, "Jeg vil gerne blive bedre"),
    ("manager", {FIRST: 3, BEHAVIOURS[2].id: None}, "Fortsæt de gode møder"),
    *[("employee", {b.id: (i % 5) + 1 for b in BEHAVIOURS[i:]}, f"Tak {i}") for i in range(4)],
    *[("peer", {FIRST: 5, BEHAVIOURS[1].id: None}, "") for _ in range(3)],
    ("other", {FIRST: 1}, "Samarbejdet går ”fint” – ærligt"),
]


@pytest.fixture
def home(tmp_path, capsys):
    return make_journal(capsys, tmp_path / "journal")


def _import(capsys, home, round_id, path, *options):
    return run(capsys, "round", "import", round_id, str(path), *options, "--home", home)


def _results(capsys, home, tmp_path, path, *options) -> dict:
    round_id = make_round(capsys, home)
    code, _, err = _import(capsys, home, round_id, path, *options)
    assert code == 0, err
    data = report(capsys, home, round_id)
    # the change since the round before is the sequence's, not this file's: left out
    behaviours = [{k: v for k, v in b.items() if k != "change"} for b in data["behaviours"]]
    return {"groups": data["groups"], "behaviours": behaviours}


def test_forms_xlsx_and_danish_excel_csv_give_identical_results(home, tmp_path, capsys):
    xlsx = write_xlsx(tmp_path / "forms.xlsx", rows_for(PEOPLE, "en"))  # English Forms export
    semicolon = write_csv(tmp_path / "excel.csv", rows_for(PEOPLE, "da"))  # ; and cp1252
    bom = write_csv(tmp_path / "bom.csv", rows_for(PEOPLE, "da"), encoding="utf-8-sig",
                    delimiter=",")  # fmt: skip
    first = _results(capsys, home, tmp_path, xlsx)
    assert first == _results(capsys, home, tmp_path, semicolon)
    assert first == _results(capsys, home, tmp_path, bom)
    assert first["groups"]["employee"] == {"n": 4, "shown": True}


def test_numbers_ids_and_untidy_headers_are_matched(home, tmp_path, capsys):
    rows = [["Respondent ID", "  RELATION ", f" {FIRST.upper()} ", BEHAVIOURS[1].text.da.upper()]]
    rows += [["1", "medarbejder", 3, "  næsten   ALTID "], ["2", "Employee", 3.0, "5"]]
    rows += [["3", "employee", "3", "Ved ikke"]]
    data = _results(capsys, home, tmp_path, write_xlsx(tmp_path / "x.xlsx", rows))
    [first] = [b for b in data["behaviours"] if b["id"] == FIRST]
    assert first["groups"]["employee"] == {"mean": 3.0, "n": 3}
    [second] = [b for b in data["behaviours"] if b["id"] == BEHAVIOURS[1].id]
    assert second["groups"]["employee"] is None  # two answers and a "Ved ikke"


def test_group_from_option_column_and_map(home, tmp_path, capsys):
    rows = [["Hold", FIRST]] + [["Team", 2]] * 3 + [["Chef", 5]]
    path = write_csv(tmp_path / "g.csv", rows, encoding="utf-8")
    round_id = make_round(capsys, home)
    code, _, err = _import(capsys, home, round_id, path, "--group-column", "hold")
    assert code == 2 and "'Team'" in err and "--group-map" in err
    code, _, err = _import(capsys, home, round_id, path, "--group-column", "hold",
                           "--group-map", "Team=employee,Chef=manager")  # fmt: skip
    assert code == 0, err
    assert respondents(capsys, home) == {"employee": 3, "manager": 1}
    only = write_csv(tmp_path / "o.csv", [[FIRST], [4], [4], [4]], encoding="utf-8")
    assert _import(capsys, home, round_id, only, "--group", "peer")[0] == 0
    assert respondents(capsys, home)["peer"] == 3


def test_dry_run_prints_the_mapping_and_counts_and_stores_nothing(home, tmp_path, capsys):
    round_id = make_round(capsys, home)
    path = write_csv(tmp_path / "s.csv", rows_for(PEOPLE, "da"))
    code, out, err = _import(capsys, home, round_id, path, "--dry-run")
    assert code == 0, err
    assert f"→ {FIRST}" in out and "Email → spørgeskemaets metadata" in out
    assert "Medarbejdere 4" in out and "intet er gemt" in out
    assert respondents(capsys, home) == {}


def test_importing_the_same_file_twice_adds_nothing(home, tmp_path, capsys):
    round_id = make_round(capsys, home)
    same = [("employee", {FIRST: 3}, "")] * 3  # three identical answers are three people
    path = write_csv(tmp_path / "s.csv", rows_for(same, "da"))
    assert _import(capsys, home, round_id, path)[0] == 0
    code, out, _ = _import(capsys, home, round_id, path)
    assert code == 0 and out.startswith("0 nye")
    assert respondents(capsys, home) == {"employee": 3}
    more = write_csv(tmp_path / "m.csv", rows_for([*same, ("employee", {FIRST: 3}, "")], "da"))
    assert _import(capsys, home, round_id, more)[0] == 0
    assert respondents(capsys, home) == {"employee": 4}  # a later download adds the new one


def test_survey_metadata_is_never_stored(home, tmp_path, capsys):
    round_id = make_round(capsys, home)
    path = write_csv(tmp_path / "s.csv", rows_for(PEOPLE, "da"))
    assert _import(capsys, home, round_id, path)[0] == 0
    stored = b"".join(p.read_bytes() for p in (tmp_path / "journal").glob("journal.sqlite*"))
    for secret in (b"person1@example.org", b"Nummer1", b"2027-03-01 10:00"):
        assert secret not in stored


def _forms(tmp_path, cells: dict[tuple[int, int], object], name="h.xlsx"):
    """A valid Forms sheet with some cells replaced."""
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / name, rows_for(PEOPLE, "da"))
    book = load_workbook(path)
    for (row, column), value in cells.items():
        book.active.cell(row=row, column=column, value=value)
    book.save(path)
    return path


def _merged(tmp_path):
    from openpyxl import load_workbook

    path = _forms(tmp_path, {}, "merged.xlsx")
    book = load_workbook(path)
    book.active.merge_cells("F2:G2")
    book.save(path)
    return path


HOSTILE = {
    "formula": (lambda p: _forms(p, {(2, 6): "=1+2"}), "formel"),
    "merged cells": (_merged, "flettede"),
    "a date as an answer": (lambda p: _forms(p, {(3, 6): date(2027, 1, 2)}), "række 3"),
    "a fraction": (lambda p: _forms(p, {(3, 6): 3.5}), "'3.5'"),
    "a truth value": (lambda p: _forms(p, {(3, 6): True}), "række 3"),
    "off the scale": (lambda p: _forms(p, {(4, 7): 7}), "'7'"),
    "an unknown group": (lambda p: _forms(p, {(5, 5): "Nabo"}), "'Nabo'"),
    "no matching column": (
        lambda p: write_csv(p / "n.csv", [["Navn", "Spørgsmål 1"], ["A", "3"]]),
        "ingen kolonne",
    ),
    "not a workbook": (lambda p: _written(p / "x.xlsx", b"PK\x03\x04garbage"), ".xlsx"),
    "binary as csv": (lambda p: _written(p / "x.csv", b"\x00\x01\x02;\x00"), "CSV"),
}


def _written(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_on_one_line_and_nothing_is_stored(home, tmp_path, capsys, case):
    make, words = HOSTILE[case]
    round_id = make_round(capsys, home)
    code, out, err = _import(capsys, home, round_id, make(tmp_path))
    assert code == 2, (case, out)
    assert err.startswith("lgtrack: fejl: ") and err.count("\n") == 1, err
    assert words in err, err
    assert "intet er importeret" in err
    assert respondents(capsys, home) == {}


def test_a_sheet_with_too_many_rows_is_refused(home, tmp_path, capsys, monkeypatch):
    from lgtrack.rounds import reading

    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    round_id = make_round(capsys, home)
    path = write_xlsx(tmp_path / "many.xlsx", rows_for(PEOPLE, "da"))
    code, _, err = _import(capsys, home, round_id, path)
    assert code == 2 and "rækker" in err
    assert respondents(capsys, home) == {}


def test_a_workbook_that_unzips_too_large_is_refused_before_it_is_opened(
    home, tmp_path, capsys, monkeypatch
):
    from lgtrack.rounds import reading

    monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 4096)  # a zip bomb, scaled down
    round_id = make_round(capsys, home)
    code, _, err = _import(capsys, home, round_id, _forms(tmp_path, {}))
    assert code == 2 and "MB" in err
    assert respondents(capsys, home) == {}


def test_a_statement_two_disciplines_share_is_asked_and_read_twice(home, tmp_path, capsys):
    # the team leader's "Er synlig og tilgængelig" is in both professional and people leadership
    round_id = run(capsys, "round", "create", "--name", "Alle", "--home", home)[1].strip()
    out = tmp_path / "q.txt"
    run(capsys, "round", "questionnaire", round_id, "--out", str(out), "--home", home)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "Er synlig og tilgængelig (Faglig ledelse)" in lines
    assert "Er synlig og tilgængelig (Personaleledelse og udvikling)" in lines
    bare = "Er synlig og tilgængelig"  # a survey tool that kept the bare text twice
    rows = [["Relation", bare, bare]] + [["Medarbejder", 2, 4]] * 3
    path = write_csv(tmp_path / "twice.csv", rows, encoding="utf-8")
    code, out_text, err = _import(capsys, home, round_id, path, "--dry-run")
    assert code == 0, err
    assert "→ professional.teamleder.7" in out_text and "→ people.teamleder.4" in out_text


def test_a_semicolon_file_whose_questions_hold_commas_is_split_on_semicolons(
    home, tmp_path, capsys
):
    # questions whose commas Danish Excel leaves unquoted: more commas than semicolons
    texts = [b.text.da for b in BEHAVIOURS if b.id in (FIRST, "people.g3")]
    assert sum(text.count(",") for text in texts) > 2
    lines = ["Relation;" + ";".join(texts)] + ["Medarbejder;Ofte;Meget ofte"] * 3
    path = tmp_path / "komma.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    data = _results(capsys, home, tmp_path, path)
    [first] = [b for b in data["behaviours"] if b["id"] == FIRST]
    assert first["groups"]["employee"] == {"mean": 3.0, "n": 3}
