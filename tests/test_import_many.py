"""``lgtrack import DIR`` (or several files): a coach's many bundles in one run, all or none (#15)."""

from __future__ import annotations

import copy
import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from cli_support import run
from sharing_support import NOW, leader_journal, resealed, snapshot, write_json

from lgtrack import Journal
from lgtrack.sharing import ShareScope, build_bundle
from lgtrack.storage import DB_FILENAME


@pytest.fixture(scope="module")
def template() -> dict:
    sample = leader_journal("Ida Holm")
    try:
        return build_bundle(sample.journal, ShareScope(), now=NOW)
    finally:
        sample.journal.close()


def _bundle_of(template: dict, n: int, name: str | None = None) -> dict:
    """``template`` as the bundle of another leader (``n``), with record ids of its own."""
    bundle = copy.deepcopy(template)
    space = uuid.uuid5(uuid.NAMESPACE_URL, f"lgtrack-test-leader-{n}")
    bundle["leader"]["id"] = str(space)
    bundle["leader"]["name"] = name or f"Leder {n}"
    for kind in ("reflections", "goals", "feedback"):
        for record in bundle[kind]:
            record["id"] = str(uuid.uuid5(space, record["id"]))
    return resealed(bundle)


def _folder(tmp_path: Path, template: dict, count: int) -> Path:
    folder = tmp_path / "pakker"
    folder.mkdir()
    for n in range(count):
        write_json(folder / f"leder-{n:02d}.json", _bundle_of(template, n))
    (folder / "noter.txt").write_text("ikke en pakke", encoding="utf-8")  # not *.json: ignored
    return folder


def test_a_directory_of_bundles_is_imported_in_one_run_with_progress(tmp_path, template, capsys):
    folder = _folder(tmp_path, template, 3)
    coach = str(tmp_path / "coach")
    code, out, err = run(capsys, "import", str(folder), "--home", coach)
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split(" Ny nøgle")[0] for line in lines] == [
        f"Delingspakken fra Leder {n} er importeret: 3 refleksioner, 2 mål, 1 feedback "
        "(6 tilføjet, 0 opdateret, 0 uændret, 0 fjernet)"
        for n in range(3)
    ]
    assert all(f"Ny nøgle gemt for Leder {n}" in line for n, line in enumerate(lines))
    assert err.splitlines() == [f"importerer {n}/3: leder-0{n - 1}.json" for n in (1, 2, 3)]
    code, out, _ = run(capsys, "leaders", "--json", "--home", coach)
    leaders = json.loads(out)
    assert [leader["name"] for leader in leaders] == ["Leder 0", "Leder 1", "Leder 2"]
    assert {(x["reflections"], x["goals"], x["feedback"], x["last_entry"]) for x in leaders} == {
        (3, 2, 1, "2026-04-01")
    }


def test_several_files_and_directories_can_be_named(tmp_path, template, capsys):
    folder = _folder(tmp_path, template, 2)
    single = write_json(tmp_path / "enkelt.json", _bundle_of(template, 9, "Ene Enkelt"))
    coach = str(tmp_path / "coach")
    code, out, err = run(capsys, "import", str(single), str(folder), "--home", coach)
    assert code == 0, err
    assert [line.split(" er ")[0] for line in out.splitlines()] == [
        "Delingspakken fra Ene Enkelt",
        "Delingspakken fra Leder 0",
        "Delingspakken fra Leder 1",
    ]
    code, out, err = run(capsys, "import", str(folder), "--home", coach)  # again: all present
    assert code == 0 and "(0 tilføjet, 0 opdateret, 6 uændret, 0 fjernet)" in out


def test_one_bad_bundle_imports_none_and_names_the_file(tmp_path, template, capsys):
    folder = _folder(tmp_path, template, 3)
    broken = _bundle_of(template, 1)
    broken["reflections"][0]["day"] = "2026-02-30"
    write_json(folder / "leder-01.json", resealed(broken))
    coach = tmp_path / "coach"
    Journal.open(coach).close()
    conn = sqlite3.connect(coach / DB_FILENAME)
    before = snapshot(conn)
    code, out, err = run(capsys, "import", str(folder), "--home", str(coach))
    assert code == 2 and out == ""
    assert err.splitlines()[-1].startswith("lgtrack: fejl: leder-01.json: reflections[0].day")
    assert err.splitlines()[-1].endswith("intet er importeret")
    assert snapshot(conn) == before  # the first bundle, though fine, is not in either
    conn.close()


def test_a_refused_import_into_a_new_journal_leaves_no_journal(tmp_path, template, capsys):
    folder = _folder(tmp_path, template, 2)
    write_json(
        folder / "leder-01.json", {**_bundle_of(template, 1), "checksum": "sha256:" + "0" * 64}
    )
    new_home = tmp_path / "ny" / "coach"
    code, _, err = run(capsys, "import", str(folder), "--home", str(new_home))
    assert code == 2 and "leder-01.json" in err.splitlines()[-1]
    assert not (tmp_path / "ny").exists()


def test_a_directory_without_bundles_is_one_line_and_creates_nothing(tmp_path, capsys):
    empty = tmp_path / "tom"
    empty.mkdir()
    code, out, err = run(capsys, "import", str(empty), "--home", str(tmp_path / "coach"))
    assert code == 2 and out == ""
    assert (
        err == f"lgtrack: fejl: {empty}: mappen indeholder ingen .json-filer; intet er importeret\n"
    )
    assert not (tmp_path / "coach").exists()


def test_leaders_json_counts_match_each_leaders_own_activity(tmp_path, template, capsys):
    folder = _folder(tmp_path, template, 4)
    home = tmp_path / "coach"
    assert run(capsys, "import", str(folder), "--home", str(home))[0] == 0
    with Journal.open(home) as journal:  # a coach who also keeps a journal of their own
        journal.set_profile("Coach", "kontorchef")
        expected = {
            leader.id: list(journal.store.leaders.activity(leader.id))
            for leader in journal.leaders()
        }
    code, out, _ = run(capsys, "leaders", "--json", "--home", str(home))
    listed = json.loads(out)
    assert {x["id"]: [x["reflections"], x["goals"], x["feedback"], x["last_entry"]]
            for x in listed} == expected  # fmt: skip
    assert listed[0]["me"] is True and expected[listed[0]["id"]] == [0, 0, 0, None]
