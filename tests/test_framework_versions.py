"""Frameworks evolve without breaking the past (issue 10, part 2).

A changed framework needs a new version: the same id and version with other content is refused
with one line. Entries keep the version they were made with, a journal holding several versions
exports and imports losslessly, and a coach can keep a leader's own framework
(``lgtrack framework add FILE``).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from lgtrack import Journal, Rating, Reflection
from lgtrack.framework import bundled_frameworks
from lgtrack.storage import DB_FILENAME, MIGRATIONS, migrate
from lgtrack.storage.database import FRAMEWORK_VERSIONS
from tests.cli_support import run

KODEKS = bundled_frameworks()["kodeks"].read_text(encoding="utf-8")
R1_DA = "Du afklarer dit ledelsesrum med den politiske leder"
R2_BLOCK = """      - id: kodeks.r2
        text:
          da: "Du tager ansvar for, at de politiske mål efterleves i hele organisationen"
          en: "Take responsibility for ensuring that the political goals are implemented throughout the organisation"
"""  # noqa: E501


def own_framework(version: str, *, changed: bool = False) -> str:
    """A leader's own framework (a copy of kodeks under another id); ``changed``: r1 reworded
    and r2 dropped, as a framework evolves."""
    text = KODEKS.replace("\nid: kodeks\n", "\nid: egen\n").replace(
        'version: "1.0"', f'version: "{version}"'
    )
    if changed:
        assert R2_BLOCK in text and R1_DA in text
        text = text.replace(R2_BLOCK, "").replace(R1_DA, "Du afklarer dit ledelsesrum")
    return text


def clock() -> datetime:
    return datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def kept(home: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(home / DB_FILENAME)
    try:
        return conn.execute("SELECT id, version FROM frameworks ORDER BY id, version").fetchall()
    finally:
        conn.close()


@pytest.fixture
def home(tmp_path, capsys) -> Path:
    home = tmp_path / "journal"
    v1 = write(tmp_path, "egen-v1.yaml", own_framework("1"))
    code, _, err = run(capsys, "init", "--home", str(home), "--name", "AB", "--framework", str(v1))
    assert code == 0, err
    return home


def test_the_same_version_with_other_content_is_refused_with_one_line(home, tmp_path, capsys):
    edited = write(tmp_path, "edited.yaml", own_framework("1", changed=True))
    code, out, err = run(capsys, "init", "--home", str(home), "--framework", str(edited))
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "egen" in err and "version 1" in err and "nyt versionsnummer" in err
    assert kept(home) == [("egen", "1")]
    with Journal.open(home) as journal:
        assert journal.me().framework_version == "1"
        assert journal.framework().behaviour("kodeks.r1").text.da == R1_DA


def test_an_edited_copy_of_a_bundled_framework_under_its_version_is_refused(tmp_path, capsys):
    home = tmp_path / "journal"
    edited = write(tmp_path, "kodeks.yaml", KODEKS.replace(R1_DA, "Noget andet"))
    code, _, err = run(
        capsys, "init", "--home", str(home), "--name", "AB", "--framework", str(edited)
    )
    assert code == 2 and "kodeks" in err and err.count("\n") == 1


def test_the_same_file_again_changes_nothing(home, tmp_path, capsys):
    again = write(tmp_path, "copy.yaml", "# a comment changes nothing\n" + own_framework("1"))
    code, _, err = run(capsys, "init", "--home", str(home), "--framework", str(again))
    assert code == 0, err
    assert kept(home) == [("egen", "1")]


def _rate(journal: Journal, behaviour: str, score: int, day: date) -> Reflection:
    discipline = journal.framework().behaviour(behaviour).discipline
    return journal.add_reflection(
        Reflection(day=day, disciplines=(discipline,), ratings=(Rating(behaviour, score),))
    )


def test_old_entries_keep_their_version_and_a_journal_with_two_round_trips(home, tmp_path):
    v2 = write(tmp_path, "egen-v2.yaml", own_framework("2", changed=True))
    with Journal.open(home, clock=clock) as journal:
        old = _rate(journal, "kodeks.r2", 4, date(2026, 1, 5))  # r2 exists in version 1 only
        journal.set_profile("AB", None, framework=v2)
        new = _rate(journal, "kodeks.r1", 3, date(2026, 3, 1))
        assert journal.framework().version == "2"
        assert journal.get_reflection(old.id).framework_version == "1"
        assert journal.get_reflection(new.id).framework_version == "2"
        # an old entry is still edited against its own version (r2 is gone from version 2)
        journal.update_reflection(journal.get_reflection(old.id))
    assert kept(home) == [("egen", "1"), ("egen", "2")]

    export = tmp_path / "export.json"
    assert _cli(["export", "--home", str(home), "--out", str(export)]) == 0
    document = json.loads(export.read_text(encoding="utf-8"))
    assert [(f["id"], f["version"]) for f in document["frameworks"]] == [
        ("egen", "1"),
        ("egen", "2"),
    ]
    other = tmp_path / "other"
    assert _cli(["import", str(export), "--home", str(other)]) == 0
    assert kept(other) == [("egen", "1"), ("egen", "2")]
    with Journal.open(other) as journal:
        by_id = {r.id: r for r in journal.reflections()}
        assert by_id[old.id].framework_version == "1"
        assert by_id[old.id].ratings == (Rating("kodeks.r2", 4),)
        assert by_id[new.id].framework_version == "2"
        assert journal.me().framework_version == "2"
    # and back again: the same file imports into the journal it came from (nothing new)
    assert _cli(["import", str(export), "--home", str(home)]) == 0


def _cli(argv: list[str]) -> int:
    from lgtrack.cli import main

    return main(argv)


def test_an_import_whose_version_differs_from_the_journals_is_refused(home, tmp_path, capsys):
    export = tmp_path / "export.json"
    assert _cli(["export", "--home", str(home), "--out", str(export)]) == 0
    document = json.loads(export.read_text(encoding="utf-8"))
    document["frameworks"][0]["source"] = own_framework("1", changed=True)
    export.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, "import", str(export), "--home", str(home))
    assert code == 2 and "egen 1" in err and err.count("\n") == 1
    assert kept(home) == [("egen", "1")]


def test_framework_add_keeps_a_leaders_framework_in_a_coachs_journal(tmp_path, capsys):
    coach = tmp_path / "coach"
    v1 = write(tmp_path, "egen.yaml", own_framework("1"))
    code, out, err = run(capsys, "framework", "add", str(v1), "--home", str(coach))
    assert code == 0, err
    assert "egen" in out and "1" in out
    assert kept(coach) == [("egen", "1")]

    code, out, err = run(capsys, "framework", "add", str(v1), "--home", str(coach))
    assert code == 0 and "allerede" in out
    assert kept(coach) == [("egen", "1")]

    changed = write(tmp_path, "changed.yaml", own_framework("1", changed=True))
    code, out, err = run(capsys, "framework", "add", str(changed), "--home", str(coach))
    assert code == 2 and out == "" and err.count("\n") == 1 and "changed.yaml" in err
    assert kept(coach) == [("egen", "1")]

    v2 = write(tmp_path, "egen-2.yaml", own_framework("2", changed=True))
    assert run(capsys, "framework", "add", str(v2), "--home", str(coach))[0] == 0
    assert kept(coach) == [("egen", "1"), ("egen", "2")]


def test_framework_add_refuses_a_malformed_file_and_writes_nothing(tmp_path, capsys):
    coach = tmp_path / "coach"
    bad = write(tmp_path, "bad.yaml", own_framework("1").replace("scale:", "skala:"))
    code, _, err = run(capsys, "framework", "add", str(bad), "--home", str(coach))
    assert code == 2 and "bad.yaml" in err and err.count("\n") == 1
    assert not (coach / DB_FILENAME).exists()


def test_framework_add_is_in_the_help(capsys):
    with pytest.raises(SystemExit) as exited:
        run(capsys, "framework", "add", "--help")
    out = capsys.readouterr().out
    assert exited.value.code == 0 and "FILE" in out and "versionsnummer" in out


def test_a_bundle_from_a_leader_with_a_newer_version_reads_with_the_added_version(
    home, tmp_path, capsys
):
    v2 = write(tmp_path, "egen-v2.yaml", own_framework("2", changed=True))
    with Journal.open(home, clock=clock) as journal:
        journal.set_profile("AB", None, framework=v2)
        _rate(journal, "kodeks.r1", 3, date(2026, 3, 1))
    bundle = tmp_path / "bundle.json"
    code, _, err = run(capsys, "share", "--home", str(home), "--out", str(bundle), "--yes")
    assert code == 0, err
    coach = tmp_path / "coach"
    for path in (write(tmp_path, "v1.yaml", own_framework("1")), v2):
        assert run(capsys, "framework", "add", str(path), "--home", str(coach))[0] == 0
    code, _, err = run(capsys, "import", str(bundle), "--home", str(coach))
    assert code == 0, err
    with Journal.open(coach) as journal:
        (leader,) = journal.leaders()
        assert (leader.framework_id, leader.framework_version) == ("egen", "2")
        assert journal.framework_for(leader).version == "2"


def test_the_migration_keeps_every_kept_framework(tmp_path):
    before = MIGRATIONS.index(FRAMEWORK_VERSIONS)  # the schema version before this migration
    conn = sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)
    migrate(conn, target=before)
    conn.execute(
        "INSERT INTO frameworks (id, version, source) VALUES ('egen', '1', ?)",
        (own_framework("1"),),
    )
    conn.close()
    with Journal.open(tmp_path) as journal:
        assert journal.store.frameworks.all() == [("egen", "1", own_framework("1"))]
        assert journal.framework_at("egen", "1").behaviour("kodeks.r2")
