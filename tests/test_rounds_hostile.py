"""More hostile answer files for a 360 round (#12): wide and long sheets and CSV files, over-long
cells, a file over the size limit, Excel error values and formulas typed into a CSV. Each is
refused on one line, and nothing is stored."""

from __future__ import annotations

import pytest
from cli_support import run
from rounds_support import (
    FIRST,
    make_journal,
    make_round,
    respondents,
    rows_for,
    write_csv,
    write_xlsx,
)

PEOPLE = [("employee", {FIRST: 3}, "")] * 3 + [("peer", {FIRST: 4}, "")] * 3


@pytest.fixture
def home(tmp_path, capsys):
    return make_journal(capsys, tmp_path / "journal")


def _wide(rows: list[list], extra: int) -> list[list]:
    return [row + [""] * extra for row in rows[:1]] + [row + ["x"] * extra for row in rows[1:]]


def _with_cell(rows: list[list], row: int, column: int, value) -> list[list]:
    rows = [list(r) for r in rows]
    rows[row][column] = value
    return rows


def _xlsx(tmp_path, rows):
    return write_xlsx(tmp_path / "svar.xlsx", rows)


def _csv(tmp_path, rows):
    return write_csv(tmp_path / "svar.csv", rows)


def _excel_error(tmp_path):
    from openpyxl import load_workbook

    path = _xlsx(tmp_path, rows_for(PEOPLE, "da"))
    book = load_workbook(path)
    cell = book.active.cell(row=3, column=6)
    cell.value = "#DIV/0!"
    assert cell.data_type == "e"  # an Excel error value, not text
    book.save(path)
    return path


LIMITS = {"MAX_COLUMNS": 20, "MAX_ROWS": 4, "MAX_CELL": 5_000, "MAX_FILE_BYTES": 2_000}
HOSTILE = {
    "a wide sheet": (lambda p: _xlsx(p, _wide(rows_for(PEOPLE, "da"), 20)), "kolonner"),
    "a wide csv": (lambda p: _csv(p, _wide(rows_for(PEOPLE, "da"), 20)), "kolonner"),
    "a long csv": (lambda p: _csv(p, rows_for(PEOPLE, "da")), "rækker"),
    "a long sheet": (lambda p: _xlsx(p, rows_for(PEOPLE, "da")), "rækker"),
    "an over-long comment in a sheet": (
        lambda p: _xlsx(p, _with_cell(rows_for(PEOPLE, "da"), 2, -2, "ord " * 2_000)),
        "række 3",
    ),
    "an over-long comment in a csv": (
        lambda p: _csv(p, _with_cell(rows_for(PEOPLE, "da"), 2, -2, "ord " * 2_000)),
        "række 3",
    ),
    "a file over the size limit": (
        lambda p: _csv(p, _with_cell(rows_for(PEOPLE, "da"), 1, -1, "x" * 3_000)),
        "MB",
    ),
    "an Excel error value": (_excel_error, "#DIV/0!"),
    "a formula typed into a csv": (
        lambda p: _csv(p, _with_cell(rows_for(PEOPLE, "da"), 1, 5, "=1+2")),
        "'=1+2'",
    ),
    "a negative number": (
        lambda p: _xlsx(p, _with_cell(rows_for(PEOPLE, "da"), 1, 5, -3)),
        "'-3'",
    ),
}
# which limit each case runs against (scaled down, so that the test files stay small)
LIMIT_OF = {
    "a wide sheet": "MAX_COLUMNS",
    "a wide csv": "MAX_COLUMNS",
    "a long csv": "MAX_ROWS",
    "a long sheet": "MAX_ROWS",
    "an over-long comment in a sheet": "MAX_CELL",
    "an over-long comment in a csv": "MAX_CELL",
    "a file over the size limit": "MAX_FILE_BYTES",
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_one_line_and_stores_nothing(home, tmp_path, capsys, monkeypatch, case):
    from lgtrack.rounds import reading

    if case in LIMIT_OF:
        name = LIMIT_OF[case]
        monkeypatch.setattr(reading, name, LIMITS[name])
    make, words = HOSTILE[case]
    round_id = make_round(capsys, home)
    path = make(tmp_path)
    code, out, err = run(capsys, "round", "import", round_id, str(path), "--home", home)
    assert code == 2, (case, out)
    assert err.startswith("lgtrack: fejl: ") and err.count("\n") == 1, err
    assert words in err and "intet er importeret" in err, err
    assert respondents(capsys, home) == {}


def test_the_same_files_import_within_the_limits(home, tmp_path, capsys):
    """The cases above fail for the reason they name: the same answers import when sound."""
    for make in (_xlsx, _csv):
        round_id = make_round(capsys, home)
        path = make(tmp_path, rows_for(PEOPLE, "da"))
        code, _, err = run(capsys, "round", "import", round_id, str(path), "--home", home)
        assert code == 0, err
