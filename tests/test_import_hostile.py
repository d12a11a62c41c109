"""Any file given to ``lgtrack import`` ends in one clear line and an unchanged journal.

Each case is checked twice: through the API (one ImportFileError, one line) and through the
command line (exit code 2, exactly one line on stderr, no traceback).
"""

from __future__ import annotations

import copy
import json
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from lgtrack import ImportFileError, Journal, Rating, Reflection
from lgtrack.cli import main
from lgtrack.exchange import EXPORT_VERSION, MAX_IMPORT_BYTES, build_export, import_file

NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
TABLES = ("leaders", "reflections", "ratings", "goals", "checkins", "feedback", "frameworks")


def _valid_export() -> dict:
    """A good export of another leader's journal: it imports cleanly as the control case."""
    with Journal.open(":memory:", clock=lambda: NOW) as source:
        source.set_profile("Ida Holm", "teamleder")
        for day, score in ((date(2026, 9, 1), 4), (date(2026, 9, 8), 2), (date(2026, 9, 15), 5)):
            source.add_reflection(
                Reflection(
                    day=day,
                    disciplines=("people",),
                    text=f"Møde {day} – ”æøå”",
                    ratings=(Rating("people.teamleder.1", score), Rating("people.g1", None)),
                ),
            )
        return build_export(source, now=NOW)


VALID = _valid_export()


def _mutated(change) -> bytes:
    document = copy.deepcopy(VALID)
    change(document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _text(replace_from: str, replace_to: str) -> bytes:
    text = json.dumps(VALID, ensure_ascii=False)
    assert replace_from in text
    return text.replace(replace_from, replace_to, 1).encode("utf-8")


def _set(path: tuple, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _jrnl(entries) -> bytes:
    return json.dumps({"tags": {}, "entries": entries}).encode("utf-8")


_GOOD_ENTRY = {
    "date": "2024-05-01",
    "time": "09:30",
    "title": "Godt.",
    "body": "",
    "tags": [],
    "starred": False,
}
_BAD_YAML = "id: [unclosed\n"
_BOMB = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"

CASES = {
    # the file as a whole
    "empty": (b"", "empty"),
    "only whitespace": (b"  \n\t ", "empty"),
    "truncated": (json.dumps(VALID).encode()[:700], "ends early"),
    "not json": (b"format: lgtrack-export\n", "not valid JSON"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "deeply nested": (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    "millions of lists": (b'{"a": [' + b"[]," * 1_000_000 + b"[]]}", "more than 1,000,000 lists"),
    "nested in a record": (
        _mutated(_set(("reflections", 0, "tags"), json.loads("[" * 40 + "]" * 40))),
        "nested too deeply",
    ),
    "NaN": (_text('"score": 4', '"score": NaN'), "NaN"),
    "Infinity": (_text('"score": 4', '"score": Infinity'), "Infinity"),
    "-Infinity": (_text('"score": 4', '"score": -Infinity'), "Infinity"),
    "float overflow": (_text('"score": 4', '"score": 1e999'), "too large"),
    "huge integer": (_text('"score": 4', '"score": 1' + "0" * 5000), "number"),
    "latin-1": (json.dumps(VALID, ensure_ascii=False).encode("latin-1", "replace"), "not UTF-8"),
    "utf-16": (json.dumps(VALID).encode("utf-16"), "UTF-16"),
    "top-level list": (b"[1, 2, 3]", "not an lgtrack or jrnl export"),
    "no format": (b'{"hello": "world"}', "not an lgtrack or jrnl export"),
    "unknown format": (_mutated(_set(("format",), "lgtrack-bundle-9")), "unknown format"),
    "future version": (_mutated(_set(("version",), 99)), "made by a newer lgtrack"),
    "version as text": (_mutated(_set(("version",), "1")), "version"),
    "repeated key": (
        _text(f'"version": {EXPORT_VERSION}', f'"version": {EXPORT_VERSION}, "version": 2'),
        "appears twice",
    ),
    "unknown field": (_mutated(_set(("reflections", 1, "mood"), "glad")), "unknown field"),
    # wrong types
    "score as text": (
        _mutated(_set(("reflections", 1, "ratings", 0, "score"), "4")),
        "whole number",
    ),
    "score as float": (
        _mutated(_set(("reflections", 1, "ratings", 0, "score"), 3.5)),
        "whole number",
    ),
    "score as bool": (
        _mutated(_set(("reflections", 1, "ratings", 0, "score"), True)),
        "whole number",
    ),
    "day as number": (_mutated(_set(("reflections", 1, "day"), 20260901)), "date"),
    "private as text": (_mutated(_set(("reflections", 1, "private"), "yes")), "true or false"),
    "tags as text": (_mutated(_set(("reflections", 1, "tags"), "møde")), "must be a list"),
    "text as number": (_mutated(_set(("reflections", 1, "text"), 42)), "must be text"),
    "leaders as object": (_mutated(_set(("leaders",), {})), "must be a list"),
    "record as text": (_mutated(_set(("reflections", 1), "hej")), "must be an object"),
    "id not a uuid": (_mutated(_set(("reflections", 1, "id"), "42")), "not a UUID"),
    # against the framework
    "unknown discipline": (
        _mutated(_set(("reflections", 1, "disciplines"), ["cooking"])),
        "unknown discipline",
    ),
    "unknown behaviour": (
        _mutated(_set(("reflections", 1, "ratings", 0, "behaviour"), "people.x9")),
        "unknown behaviour",
    ),
    "score above scale": (
        _mutated(_set(("reflections", 1, "ratings", 0, "score"), 6)),
        "outside the scale",
    ),
    "score zero": (
        _mutated(_set(("reflections", 1, "ratings", 0, "score"), 0)),
        "outside the scale",
    ),
    "unknown level": (_mutated(_set(("leaders", 0, "level"), "konge")), "unknown level"),
    "unknown framework": (
        _mutated(_set(("leaders", 0, "framework_id"), "nope")),
        "unknown framework",
    ),
    "framework id is a path": (
        _mutated(_set(("leaders", 0, "framework_id"), "../../etc/passwd")),
        "not a framework id",
    ),
    "malformed framework": (
        _mutated(_set(("frameworks",), [{"id": "x", "version": "1", "source": _BAD_YAML}])),
        "frameworks[0]",
    ),
    "yaml alias bomb": (
        _mutated(_set(("frameworks",), [{"id": "x", "version": "1", "source": _BOMB}])),
        "frameworks[0]",
    ),
    # dates
    "impossible date": (_mutated(_set(("reflections", 1, "day"), "2026-02-30")), "not a real date"),
    "month 13": (_mutated(_set(("reflections", 1, "day"), "2026-13-01")), "not a real date"),
    "implausible year": (
        _mutated(_set(("reflections", 1, "day"), "0001-01-01")),
        "not a plausible date",
    ),
    "time without zone": (
        _mutated(_set(("reflections", 1, "created_at"), "2026-09-01T10:00:00")),
        "no time zone",
    ),
    "time garbage": (
        _mutated(_set(("reflections", 1, "updated_at"), "yesterday")),
        "date and time",
    ),
    # hostile text and structure
    "NUL in text": (_mutated(_set(("reflections", 1, "text"), "før\x00efter")), "NUL"),
    "lone surrogate": (_text('"text": "Møde', '"text": "\\ud800Møde'), "invalid character"),
    "huge text": (_mutated(_set(("reflections", 1, "text"), "æ" * 200_001)), "longer than"),
    "huge name": (_mutated(_set(("leaders", 0, "name"), "Ø" * 5_000)), "longer than"),
    "empty reflection": (
        _mutated(lambda d: d["reflections"][1].update(text="  ", ratings=[])),
        "empty reflection",
    ),
    "duplicate id": (
        _mutated(lambda d: d["reflections"].append(d["reflections"][0])),
        "appears twice",
    ),
    "two me": (
        _mutated(
            lambda d: d["leaders"].append({**d["leaders"][0], "id": VALID["reflections"][0]["id"]})
        ),
        "more than one leader",
    ),
    "record of unknown leader": (
        _mutated(_set(("reflections", 1, "leader_id"), VALID["reflections"][0]["id"])),
        "not one of the file's leaders",
    ),
    # jrnl exports
    "jrnl entries not a list": (b'{"tags": {}, "entries": {"a": 1}}', "must be a list"),
    "jrnl impossible date": (
        _jrnl([_GOOD_ENTRY, {**_GOOD_ENTRY, "date": "2024-02-30"}]),
        "entries[1].date",
    ),
    "jrnl impossible time": (_jrnl([{**_GOOD_ENTRY, "time": "25:00"}]), "not a real time"),
    "jrnl title not text": (_jrnl([{**_GOOD_ENTRY, "title": ["a"]}]), "must be text"),
    "jrnl tags not text": (_jrnl([{**_GOOD_ENTRY, "tags": "@work"}]), "must be a list"),
    "jrnl tag with space": (_jrnl([{**_GOOD_ENTRY, "tags": ["@two words"]}]), "invalid tag"),
}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A journal on disk with my profile and one reflection."""
    home = tmp_path / "home"
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Åse Ø", "teamleder")
        journal.add_reflection(
            Reflection(day=date(2026, 10, 1), disciplines=("self",), text="Min egen")
        )
    return home


def snapshot(home: Path) -> tuple:
    """Everything in the journal: the export (minus its time stamp) and every table's rows."""
    with Journal.open(home, create=False) as journal:
        export = build_export(journal, now=NOW)
    conn = sqlite3.connect(home / "journal.sqlite")
    try:
        rows = {
            table: sorted(map(repr, conn.execute(f"SELECT * FROM {table}"))) for table in TABLES
        }
    finally:
        conn.close()
    return export, rows


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "import.json"
    path.write_bytes(data)
    return path


def test_the_unmutated_file_imports(home: Path, tmp_path: Path):
    path = write(tmp_path, json.dumps(VALID).encode())
    with Journal.open(home) as journal:
        summary = import_file(journal, path)
    assert summary.imported("reflections") == 3


@pytest.mark.parametrize("name", CASES)
def test_api_refuses_with_one_line_and_changes_nothing(name: str, home: Path, tmp_path: Path):
    data, expected = CASES[name]
    path = write(tmp_path, data)
    before = snapshot(home)
    with Journal.open(home) as journal, pytest.raises(ImportFileError) as caught:
        import_file(journal, path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and len(message) <= 300
    assert snapshot(home) == before


@pytest.mark.parametrize("name", CASES)
def test_cli_exits_2_with_one_stderr_line(name: str, home: Path, tmp_path: Path, capsys):
    data, expected = CASES[name]
    path = write(tmp_path, data)
    before = snapshot(home)
    code = main(["import", str(path), "--home", str(home)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lgtrack: fejl: ")
    assert "Traceback" not in captured.err
    assert snapshot(home) == before
    # The API's message, in the profile's language (Danish).
    with Journal.open(home, create=False) as journal, pytest.raises(ImportFileError) as api:
        import_file(journal, path)
    assert expected in str(api.value)
    assert lines[0] == f"lgtrack: fejl: {api.value.render('da')}"


def test_oversized_file_is_refused_before_reading(home: Path, tmp_path: Path, capsys):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: large on paper, nothing to read
        handle.truncate(MAX_IMPORT_BYTES + 1)
    before = snapshot(home)
    assert main(["import", str(path), "--home", str(home)]) == 2
    err = capsys.readouterr().err.splitlines()
    limit = f"{MAX_IMPORT_BYTES // 2**20:,}".replace(",", ".")  # Danish digit grouping
    assert len(err) == 1 and f"højst fylde {limit} MB" in err[0]
    assert snapshot(home) == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: tmp / "missing.json", "filen findes ikke"),  # the profile is Danish
        (lambda tmp: tmp, "mappen indeholder ingen .json-filer"),  # a directory: its *.json
    ],
)
def test_unusable_path_is_one_line(make, expected, home: Path, tmp_path: Path, capsys):
    assert main(["import", str(make(tmp_path)), "--home", str(home)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and expected in err[0]


def test_utf8_byte_order_mark_is_accepted(home: Path, tmp_path: Path, capsys):
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(VALID, ensure_ascii=False).encode("utf-8"))
    assert main(["import", str(path), "--home", str(home)]) == 0
    assert capsys.readouterr().out.startswith("Importeret: 3 refleksioner")  # Danish profile


def test_control_characters_from_the_file_never_reach_the_terminal(
    home: Path, tmp_path: Path, capsys
):
    hostile = "\x1b[2J\x1b[31mrm -rf\u202e\r\nfake line"
    path = write(tmp_path, _mutated(_set(("reflections", 1, "disciplines"), [hostile])))
    assert main(["import", str(path), "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "\x1b" not in err and "\u202e" not in err and "\r" not in err


def test_a_refused_file_creates_no_journal(tmp_path: Path, capsys):
    path = write(tmp_path, _mutated(_set(("reflections", 1, "day"), "2026-02-30")))
    new_home = tmp_path / "new-home"
    assert main(["import", str(path), "--home", str(new_home)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert not new_home.exists()
