"""Output that cannot attack its reader.

A text in the journal may come from someone else (an imported bundle, a hand-edited export):
- the Markdown export shows HTML as text in a Markdown renderer, and loads no image;
- nothing the command line prints drives the terminal: no escape sequences, no C0/C1 control
  characters but newline and tab, no bidi overrides — in names, goal titles, tags and JSON;
  JSON keeps every character (as ``\\uXXXX``), so it stays lossless;
- a CSV or xlsx cell that a spreadsheet could run as a formula is text, also after leading
  (non-breaking) spaces and in full-width forms.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date, datetime, timezone
from pathlib import Path

import mistune
import pytest
from cli_support import nothing_piped, run  # noqa: F401 (an autouse fixture)
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from lgtrack import Goal, Journal, Rating, Reflection
from lgtrack._text import json_text, terminal_safe

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
# An escape that clears the screen, one that retitles the window, a fake prompt after a carriage
# return, bidi overrides and isolates, the 8-bit CSI and other C1 controls, BEL and DEL.
HOSTILE = (
    "\x1b[2J\x1b]0;pwned\x07\x1b[31mrød\x1b[0m\rroot# \u202eevil\u202c"
    "\u2066iso\u2069\x9b31m\x85\x07\x7f"
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TAG = "møde\x1b[5m\u202e"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "journal"
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile(f"Ida {HOSTILE}", "teamleder", unit=f"Kontor {HOSTILE}")
        journal.add_reflection(
            Reflection(
                day=date(2026, 11, 2),
                disciplines=("people",),
                text=f"Hej {HOSTILE} slut",
                prompt="<script>alert('prompt')</script>",
                next_step='<img src=x onerror="alert(1)">',
                tags=(TAG,),
                ratings=(Rating("people.g1", 4),),
            )
        )
        journal.add_reflection(
            Reflection(
                day=date(2026, 11, 3),
                disciplines=("self",),
                text="<script>alert(1)</script> og <img src=x onerror=alert(2)> "
                "og ![spor](https://tracker.example/pixel.png) & <b>fed</b>",
            )
        )
        journal.add_goal(Goal(discipline="people", title=f"Mål {HOSTILE}", why="<iframe>"))
    return home


def ok(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, ""), err
    return out


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_export_shows_html_as_text_in_a_renderer(home: Path, tmp_path: Path, capsys):
    out = tmp_path / "journal.md"
    ok(capsys, "export", "--format", "markdown", "--out", str(out), "--home", str(home))
    text = out.read_text("utf-8")
    rendered = mistune.html(text)  # a renderer that passes raw HTML through, as many do
    for tag in ("<script", "<img", "<iframe", "<b>"):
        assert tag not in rendered, tag
    visible = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert "<script>alert(1)</script> og <img src=x onerror=alert(2)>" in visible
    assert "& <b>fed</b>" in visible and "<iframe>" in visible
    assert "![spor](https://tracker.example/pixel.png)" in visible  # shown, never loaded
    assert not UNSAFE.search(text)
    assert "Hej [2J" not in text and "Hej rød" in html.unescape(text).replace("0;pwned", "")


# -- the terminal ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("list", "reflections"),
        ("list", "goals"),
        ("leaders",),
        ("export", "--format", "markdown"),
        ("export", "--format", "csv"),
        ("export",),
        ("list", "reflections", "--json"),
        ("list", "goals", "--json"),
        ("leaders", "--json"),
        ("summary", "--json"),
    ],
)
def test_nothing_printed_can_drive_the_terminal(argv, home: Path, capsys):
    code, out, err = run(capsys, *argv, "--home", str(home))
    printed = (out + err).replace("\r\n", "\n")  # CSV's line ends are not a carriage return
    assert code == 0, err
    assert len(printed) > 50
    assert not UNSAFE.search(printed), repr(UNSAFE.findall(printed)[:5])
    assert "\x1b" not in printed


def test_json_output_keeps_every_character_as_an_escape(home: Path, capsys):
    listed = json.loads(ok(capsys, "list", "reflections", "--json", "--home", str(home)))
    assert f"Hej {HOSTILE} slut" in [item["text"] for item in listed]
    assert TAG in [tag for item in listed for tag in item["tags"]]
    exported = json.loads(ok(capsys, "export", "--home", str(home)))
    assert f"Ida {HOSTILE}" == exported["leaders"][0]["name"]
    assert f"Mål {HOSTILE}" == exported["goals"][0]["title"]


def test_a_goal_title_and_a_tag_are_shown_without_their_escapes(home: Path, capsys):
    with Journal.open(home, create=False) as journal:
        goal = journal.goals()[0]
    out = ok(capsys, "goal", "checkin", goal.id, "--progress", "40", "--home", str(home))
    assert "Mål" in out and not UNSAFE.search(out)
    table = ok(capsys, "list", "reflections", "--home", str(home))
    assert "#møde" in table and not UNSAFE.search(table)


def test_the_filters_remove_only_what_is_unsafe():
    assert terminal_safe(f"a\tb\nc{HOSTILE}") == "a\tb\ncrødroot# eviliso"
    assert terminal_safe("æøå – “citat” 🙂") == "æøå – “citat” 🙂"
    text = json_text({"t": HOSTILE + "\u2028"})
    assert not UNSAFE.search(text) and "\u2028" not in text
    assert json.loads(text) == {"t": HOSTILE + "\u2028"}


# -- spreadsheets ----------------------------------------------------------------------------

FORMULAS = (
    '=HYPERLINK("https://evil.example","klik")',
    "  =1+1",
    "\u00a0=1+1",  # non-breaking space
    "\u3000=1+1",  # ideographic space
    "\u200b=1+1",  # zero-width space
    "\uff1dcmd|' /C calc'!A0",  # full-width =
    "\uff0b1+1",  # full-width +
    "\uff0d1+1",  # full-width -
    "\uff20SUM(A1)",  # full-width @
    "\t=1+1",
    "-2+3",
)


@pytest.fixture
def sheet_home(tmp_path: Path) -> Path:
    home = tmp_path / "sheets"
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Ida Holm", "teamleder")
        for day, text in enumerate(FORMULAS, start=1):
            journal.add_reflection(
                Reflection(day=date(2026, 10, day), disciplines=("self",), text=text)
            )
        journal.add_reflection(
            Reflection(day=date(2026, 10, 30), disciplines=("self",), text="1 + 1 = 2 ok")
        )
    return home


def test_csv_cells_that_could_be_formulas_are_text(sheet_home: Path, tmp_path: Path, capsys):
    out = tmp_path / "r.csv"
    ok(capsys, "export", "--format", "csv", "--lang", "en", "--out", str(out),
       "--home", str(sheet_home))  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    texts = {row["text"] for row in rows}
    assert texts == {"'" + text for text in FORMULAS} | {"1 + 1 = 2 ok"}


def test_xlsx_cells_that_could_be_formulas_are_text(sheet_home: Path, tmp_path: Path, capsys):
    out = tmp_path / "j.xlsx"
    ok(capsys, "export", "--format", "xlsx", "--out", str(out), "--home", str(sheet_home))
    sheet = load_workbook(out).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value in FORMULAS]
    assert {cell.value for cell in cells} == set(FORMULAS)
    assert all(cell.data_type == "s" for cell in cells)


def test_a_workbook_of_hostile_texts_is_written_without_their_controls(
    home: Path, tmp_path: Path, capsys
):
    out = tmp_path / "j.xlsx"
    ok(capsys, "export", "--format", "xlsx", "--out", str(out), "--home", str(home))
    texts = [
        cell.value
        for sheet in load_workbook(out).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert "Hej rødroot# eviliso slut" in texts
    assert not any(UNSAFE.search(text) for text in texts)


# -- the quick paths give what the careful ones give -----------------------------------------------

# Characters that matter to one_line and terminal_safe: spaces of every kind, line breaks,
# escapes, C1, bidi overrides, a surrogate, Danish letters.
_TRICKY = "ab æø  \n\r\t\x0b\x1b[]0;m\x07\x85\x9b\xa0\u2028\u202e\u2066\ud800"


def _one_line_slowly(text: str, width: int) -> str:
    """one_line as it was first written: clean every character, then flatten and cut."""
    import unicodedata

    cleaned = "".join(
        " " if ch in "\n\r\t" else "?" if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch
        for ch in text
    )
    flat = " ".join(cleaned.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)].rstrip() + "…"


@given(st.text(_TRICKY, max_size=60), st.integers(0, 20))
def test_one_line_gives_what_cleaning_every_character_gives(text, width):
    from lgtrack._text import one_line

    assert one_line(text, width) == _one_line_slowly(text, width)


@given(st.text(_TRICKY, max_size=40))
def test_terminal_safe_leaves_clean_text_as_it_is_and_cleans_the_rest(text):
    careful = re.sub(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]",
        "",
        re.sub(
            r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
            r"|\x1b[ -/]*[0-~]?|\x9b[0-?]*[ -/]*[@-~]?",
            "",
            text,
        ),
    )
    assert terminal_safe(text) == careful
