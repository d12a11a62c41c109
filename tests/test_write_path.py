"""One way into the journal: only the storage layer runs SQL, and one field specification per
record decides the SQL row, the JSON export, the CSV columns, the frames and the bundle."""

from __future__ import annotations

import ast
import csv
import dataclasses
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import EVERYTHING, NOW, random_journal

from lgtrack import Journal, specs
from lgtrack._text import terminal_safe
from lgtrack.exchange import export_json, import_file
from lgtrack.exchange.export_csv import export_csv, looks_like_formula
from lgtrack.frames import feedback_frame, goals_frame, reflections_frame
from lgtrack.sharing.format import FIELDS, LEADER_FIELDS

PACKAGE = Path(__file__).resolve().parents[1] / "lgtrack"
STORAGE = PACKAGE / "storage"
SQL_CALLS = {"execute", "executemany", "executescript"}


def _sql_uses(path: Path) -> list[str]:
    """Where ``path`` runs SQL or imports sqlite3: ``file:line: what``."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        if call and node.func.attr in SQL_CALLS:
            found.append(f"{path.name}:{node.lineno}: .{node.func.attr}()")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            if "sqlite3" in names:
                found.append(f"{path.name}:{node.lineno}: import sqlite3")
    return found


def test_no_module_outside_the_storage_layer_runs_sql():
    outside = [p for p in PACKAGE.rglob("*.py") if STORAGE not in p.parents]
    problems = [problem for path in sorted(outside) for problem in _sql_uses(path)]
    assert problems == [], "SQL outside lgtrack/storage:\n" + "\n".join(problems)


def test_the_sql_check_finds_sql_where_there_is_some(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("import sqlite3\n\ndef f(j):\n    j.store.conn.execute('DELETE FROM x')\n")
    assert sorted(_sql_uses(sneaky)) == ["sneaky.py:1: import sqlite3", "sneaky.py:4: .execute()"]


def test_the_storage_layer_does_run_the_sql():
    assert any(_sql_uses(p) for p in STORAGE.rglob("*.py"))


@pytest.mark.parametrize("spec", list(specs.SPECS.values()), ids=list(specs.SPECS))
def test_each_specification_names_every_column_of_its_table_and_every_field_of_its_record(spec):
    journal = Journal.open(":memory:")
    table = [row[1] for row in journal.store.conn.execute(f"PRAGMA table_info({spec.table})")]
    derived = {"search"} if spec is specs.REFLECTION else set()  # the folded text the index reads
    if spec is specs.RATING:  # one table for the ratings of reflections and of feedback
        derived = {"reflection_id", "feedback_id", "framework_version", "position"}
    assert set(table) - derived == set(spec.columns)
    record_fields = {f.name for f in dataclasses.fields(spec.record)}
    stored_or_exported = {f.name for f in spec.fields if f.column or f.json}
    assert record_fields == stored_or_exported | ({"goal_id"} if spec is specs.CHECKIN else set())


def test_bundle_fields_come_from_the_specifications():
    assert set(FIELDS["reflections"][0]) == {
        f.name for f in specs.REFLECTION.fields if f.share == "always"
    }
    assert set(FIELDS["reflections"][1]) == {
        f.name for f in specs.REFLECTION.fields if f.share == "text"
    }
    assert "unit" in LEADER_FIELDS and "is_me" not in LEADER_FIELDS
    # words a person wrote never leave without free text, except the goal's title (by design)
    for kind, spec in (("reflections", specs.REFLECTION), ("feedback", specs.FEEDBACK)):
        assert not set(spec.word_names) & set(FIELDS[kind][0])


def _csv_rows(journal: Journal, table: str) -> dict[str, dict[str, str]]:
    text = export_csv(journal, table)
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text))}


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = terminal_safe(str(value))  # no control characters, even in a file (#10)
    return "'" + text if looks_like_formula(text) else text


def _frame_value(value):
    """A frame cell as plain Python for comparison (NaN and NaT are "none")."""
    import pandas as pd

    if value is None or (not isinstance(value, tuple | list | str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() and value.tzinfo is None else value
    if hasattr(value, "item"):
        return value.item()
    return value


def _same_in_frame(spec: specs.RecordSpec, frame, records) -> None:
    import pandas as pd

    by_id = {row["id"]: row for row in frame.to_dict("records")}
    for record in records:
        row = by_id[record.id]
        for f in spec.fields:
            if not f.frame:
                continue
            expected = specs.to_frame(f, getattr(record, f.name))
            got = _frame_value(row[specs.frame_name(f)])
            if f.kind == specs.MOMENT and got is not None:
                assert pd.Timestamp(got) == pd.Timestamp(expected), (spec.kind, f.name)
            else:
                assert got == expected, (spec.kind, f.name, got, expected)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_field_survives_sql_json_import_csv_and_frames(data):
    source = random_journal(data.draw)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_text(export_json(source, now=NOW), encoding="utf-8")
        target = Journal.open(":memory:")
        import_file(target, path)
    for spec, frame_of in (
        (specs.REFLECTION, reflections_frame),
        (specs.GOAL, goals_frame),
        (specs.FEEDBACK, feedback_frame),
    ):
        rows = _csv_rows(target, spec.kind)
        for leader in target.leaders():
            original = getattr(source, spec.kind)(EVERYTHING, leader_id=leader.id)
            restored = getattr(target, spec.kind)(EVERYTHING, leader_id=leader.id)
            by_id = {r.id: r for r in restored}
            for record in original:
                # SQL -> JSON -> import: every field as it was
                assert spec.to_json(by_id[record.id]) == spec.to_json(record)
                # CSV: every column the specification marks, as its cell text
                row = rows[record.id]
                assert row["leader"] == leader.name
                for f in spec.fields:
                    if f.csv:
                        assert row[f.name] == _csv_text(
                            specs.to_cell(f, getattr(record, f.name))
                        ), (spec.kind, f.name)
            # frames: every column the specification marks
            _same_in_frame(spec, frame_of(target, leader.id), original)
    for leader in source.leaders():
        assert target.leader(leader.id) == leader  # origin (imported_at, share_scope) included
