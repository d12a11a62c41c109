"""``lgtrack export --format xlsx``: an Excel workbook in the profile's language."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import openpyxl
import pytest

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.cli import main

NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
HOSTILE = '=HYPERLINK("http://x.invalid","klik")'


def _journal(home: Path, lang: str) -> Path:
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Åse Ø", "teamleder", lang=lang)
        journal.add_reflection(
            Reflection(
                day=date(2026, 10, 1),
                disciplines=("people",),
                text=HOSTILE,
                ratings=(Rating("people.teamleder.1", 4), Rating("people.g1", None)),
                private=True,
            )
        )
        journal.add_goal(Goal(discipline="self", title="+Fast tid", due=date(2026, 12, 31)))
        journal.add_feedback(
            Feedback(
                day=date(2026, 10, 10),
                role="manager",
                discipline="people",
                ratings=(Rating("people.teamleder.1", 3),),
            )
        )
    return home


def _export(home: Path, out: Path, *extra: str) -> openpyxl.Workbook:
    assert main(["export", "--format", "xlsx", "--out", str(out), "--home", str(home), *extra]) == 0
    return openpyxl.load_workbook(out)


def _rows(sheet) -> list[dict[str, object]]:
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_a_danish_workbook_has_danish_sheets_headers_and_words(tmp_path: Path):
    book = _export(_journal(tmp_path / "home", "da"), tmp_path / "journal.xlsx")
    assert book.sheetnames == ["Refleksioner", "Vurderinger", "Mål", "Feedback"]
    [reflection] = _rows(book["Refleksioner"])
    assert list(reflection)[:4] == ["leder", "dato", "id", "discipliner"]
    assert (reflection["leder"], reflection["privat"]) == ("Åse Ø", "ja")
    [goal] = _rows(book["Mål"])
    assert (goal["titel"], goal["status"]) == ("+Fast tid", "åbent")
    [feedback] = _rows(book["Feedback"])
    assert feedback["rolle"] == "leder"


def test_ratings_are_one_row_each_with_the_discipline_and_behaviour_text(tmp_path: Path):
    home = _journal(tmp_path / "home", "da")
    book = _export(home, tmp_path / "journal.xlsx")
    rows = _rows(book["Vurderinger"])
    assert [(r["kilde"], r["score"]) for r in rows] == [("selv", 4), ("selv", None), ("leder", 3)]
    with Journal.open(home) as journal:
        fw = journal.framework()
    first = rows[0]
    assert first["disciplin"] == fw.discipline_name("people", "da") != "people"
    assert first["adfærd"] == fw.behaviour_text("people.teamleder.1", "da")
    assert first["dato"] == datetime(2026, 10, 1) and first["privat"] == "ja"


def test_days_are_excel_dates_and_times_are_date_times(tmp_path: Path):
    book = _export(_journal(tmp_path / "home", "da"), tmp_path / "journal.xlsx")
    sheet = book["Refleksioner"]
    header = [c.value for c in sheet[1]]
    day = sheet.cell(row=2, column=header.index("dato") + 1)
    assert day.is_date and day.value == datetime(2026, 10, 1) and day.number_format == "yyyy-mm-dd"
    created = sheet.cell(row=2, column=header.index("oprettet") + 1)
    assert created.is_date and created.value == datetime(2026, 11, 2, 10, 15)  # UTC
    goal = book["Mål"]
    due = goal.cell(row=2, column=[c.value for c in goal[1]].index("frist") + 1)
    assert due.is_date and due.value == datetime(2026, 12, 31)


def test_formula_like_text_is_stored_as_text_never_as_a_formula(tmp_path: Path):
    out = tmp_path / "journal.xlsx"
    book = _export(_journal(tmp_path / "home", "da"), out)
    sheet = book["Refleksioner"]
    text = sheet.cell(row=2, column=[c.value for c in sheet[1]].index("tekst") + 1)
    assert text.value == HOSTILE and text.data_type == "s"
    title = book["Mål"].cell(row=2, column=4)
    assert title.value == "+Fast tid" and title.data_type == "s"
    with zipfile.ZipFile(out) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in package.read(n) for n in sheets)


def test_an_english_workbook_has_english_sheets_and_the_csv_headers(tmp_path: Path):
    book = _export(_journal(tmp_path / "home", "en"), tmp_path / "journal.xlsx")
    assert book.sheetnames == ["Reflections", "Ratings", "Goals", "Feedback"]
    assert [c.value for c in book["Ratings"][1]] == [
        "leader", "day", "entry_id", "source", "discipline", "behaviour", "score", "private",
    ]  # fmt: skip
    [reflection] = _rows(book["Reflections"])
    assert reflection["private"] == "true" and reflection["text"] == HOSTILE
    assert [r["source"] for r in _rows(book["Ratings"])] == ["self", "self", "manager"]


def test_lang_overrides_the_profiles_language(tmp_path: Path):
    book = _export(_journal(tmp_path / "home", "da"), tmp_path / "j.xlsx", "--lang", "en")
    assert book.sheetnames[0] == "Reflections"


@pytest.mark.parametrize("where", ["folder", "missing"])
def test_a_bad_destination_is_one_line_and_writes_nothing(tmp_path: Path, capsys, where):
    home = _journal(tmp_path / "home", "da")
    out = tmp_path if where == "folder" else tmp_path / "nowhere" / "journal.xlsx"
    before = sorted(tmp_path.iterdir())
    args = ["export", "--format", "xlsx", "--out", str(out), "--home", str(home)]
    assert main(args) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert sorted(tmp_path.iterdir()) == before
