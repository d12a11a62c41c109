"""An import file is read as a stream, a piece at a time, and reads exactly as a whole file would.

The pieces are made tiny here, so that every value, key, number and error falls across the
edge of a piece somewhere; the document and each error's message (with its line and column)
must be those of the standard library's ``json.loads`` on the whole text.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from lgtrack import ImportFileError, Journal, Rating, Reflection
from lgtrack.exchange import export_json, read_document, reading

NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
PIECES = (1, 2, 7, 64, 1 << 20)


@pytest.fixture(scope="module")
def export_text() -> str:
    with Journal.open(":memory:", clock=lambda: NOW) as journal:
        journal.set_profile("Åse Ø", "teamleder")
        for day in range(1, 6):
            journal.add_reflection(
                Reflection(
                    day=date(2026, 10, day),
                    disciplines=("people", "self"),
                    text=f'Dag {day}: ”æøå” – \\ " {{[ ]}} \u2028 ok',
                    ratings=(Rating("people.teamleder.1", day), Rating("people.g1", None)),
                    tags=("møde",),
                    wellbeing=3,
                )
            )
        return export_json(journal, now=NOW)


def _read(path: Path, piece: int, monkeypatch) -> dict:
    monkeypatch.setattr(reading, "_CHUNK", piece)
    return read_document(path)


@pytest.mark.parametrize("piece", PIECES)
def test_an_export_reads_the_same_in_pieces_of_any_size(piece, export_text, tmp_path, monkeypatch):
    path = tmp_path / "export.json"
    path.write_text(export_text, encoding="utf-8")
    assert _read(path, piece, monkeypatch) == json.loads(export_text)


@pytest.mark.parametrize("piece", PIECES)
def test_a_byte_order_mark_and_crlf_lines_read_the_same(piece, export_text, tmp_path, monkeypatch):
    path = tmp_path / "export.json"
    path.write_bytes(b"\xef\xbb\xbf" + export_text.replace("\n", "\r\n").encode("utf-8"))
    assert _read(path, piece, monkeypatch) == json.loads(export_text)


def _broken(text: str) -> dict[str, str]:
    """Malformed variants of an export: each is a JSON error somewhere after the first line."""
    return {
        "missing comma between records": text.replace("},\n    {", "}\n    {", 1),
        "missing colon at top": text.replace('"leaders": ', '"leaders" ', 1),
        "bad literal in a record": text.replace('"private": false', '"private": flase', 1),
        "trailing comma": text.replace("\n  ]", ",\n  ]", 1),
        "extra data": text + "{}",
        "key not quoted": text.replace('"goals": ', "goals: ", 1),
        "control character": text.replace("ok", "o\x01k", 1),
    }


@pytest.mark.parametrize("piece", PIECES)
def test_errors_name_the_line_and_column_of_the_whole_file(
    piece, export_text, tmp_path, monkeypatch
):
    for case, text in _broken(export_text).items():
        path = tmp_path / "broken.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(json.JSONDecodeError) as whole:
            json.loads(text)
        with pytest.raises(ImportFileError) as streamed:
            _read(path, piece, monkeypatch)
        message = str(streamed.value)
        assert f"line {whole.value.lineno}, column {whole.value.colno}" in message, case


@pytest.mark.parametrize("piece", PIECES)
def test_truncated_files_say_so_at_any_cut(piece, export_text, tmp_path, monkeypatch):
    path = tmp_path / "cut.json"
    for cut in (1, 30, len(export_text) // 3, len(export_text) // 2, len(export_text) - 3):
        path.write_text(export_text[:cut], encoding="utf-8")
        with pytest.raises(ImportFileError, match="ends early"):
            _read(path, piece, monkeypatch)


@pytest.mark.parametrize("piece", PIECES)
@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '"format": "lgtrack-export"',
            '"format": "lgtrack-export", "format": "x"',
            "appears twice",
        ),
        ('"behaviour": "people.g1"', '"behaviour": "people.g1", "behaviour": "x"', "twice"),
        ('"wellbeing": 3', '"wellbeing": NaN', "NaN"),
        ('"wellbeing": 3', '"wellbeing": -Infinity', "Infinity"),
        ('"wellbeing": 3', '"wellbeing": 1e999', "too large"),
        ('"wellbeing": 3', '"wellbeing": 1' + "0" * 5000, "number"),
        ('"tags": ["møde"]', '"tags": ' + "[" * 40 + "]" * 40, "nested too deeply"),
    ],
)
def test_hostile_values_are_refused_at_any_cut(
    piece, old, new, expected, export_text, tmp_path, monkeypatch
):
    path = tmp_path / "hostile.json"
    assert old in export_text
    path.write_text(export_text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ImportFileError, match=expected):
        _read(path, piece, monkeypatch)


def test_a_long_value_is_read_in_linear_time(tmp_path, monkeypatch):
    """One 30 MB string, read in 1-character pieces at first: the pieces grow with it."""
    path = tmp_path / "long.json"
    path.write_text('{"format": "x", "text": "' + "æ" * 15_000_000 + '"}', encoding="utf-8")
    assert len(_read(path, 1, monkeypatch)["text"]) == 15_000_000


def test_a_string_longer_than_any_export_holds_is_refused_before_it_fills_memory(tmp_path):
    path = tmp_path / "huge-string.json"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"format": "lgtrack-export", "generator": "')
        for _ in range(20):
            handle.write("ø" * 2**20)  # 20 Mi characters, no closing quote for a long while
        handle.write('"}')
    with pytest.raises(ImportFileError, match="more than 16,777,216 characters"):
        read_document(path)
