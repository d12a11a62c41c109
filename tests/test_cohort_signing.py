"""Signed cohort bundles (#13, #10 part 7): only the participant could have sent her bundle.

The facilitator's import checks each bundle's signature, pins a participant's key on her first
bundle and shows its fingerprint in ``cohort status``; a changed bundle, another key for a known
participant, a bundle dated more than a day ahead and an unsigned (version 1) bundle are refused
on one line, and nothing is written.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (fixture)
from cohort_support import (
    FACILITATOR_NOW,
    NOW,
    leader_bundle,
    participant_key,
    resign,
    write_bundles,
)

from lgtrack.keys import fingerprint
from lgtrack.sharing import bundle_checksum, write_bundle
from lgtrack.sharing.signing import sign_document


@pytest.fixture(autouse=True)
def _facilitator_clock(monkeypatch):
    """The CLI's clock (its only one) at the facilitator's import, after the bundles' dates."""
    monkeypatch.setattr("lgtrack.cli.cohort.utc_now", lambda: FACILITATOR_NOW)


@pytest.fixture
def cohort(capsys, tmp_path):
    """A facilitator's cohort holding participant 0's first bundle: ``(home, cohort id)``."""
    home, folder = tmp_path / "facilitator", tmp_path / "first"
    code, out, err = run(capsys, "cohort", "create", "--name", "Forløb 2027", "--start",
                         "2027-01-04", "--end", "2027-12-17", "--home", str(home))  # fmt: skip
    assert code == 0, err
    ident = out.strip()
    write_bundles(folder, ["teamleder"])
    code, out, err = run(capsys, "cohort", "import", ident, str(folder), "--home", str(home))
    assert code == 0 and "1 nye" in out, err
    return home, ident


def _status(capsys, home, ident) -> list[dict]:
    code, out, err = run(capsys, "cohort", "status", ident, "--json", "--today", "2027-07-01",
                         "--home", str(home))  # fmt: skip
    assert code == 0, err
    return json.loads(out)["participants"]


def _refused(capsys, home, ident, bundle, path) -> str:
    """Import ``bundle`` from ``path``: refused on one line, and the cohort unchanged."""
    write_bundle(bundle, path)
    before = _status(capsys, home, ident)
    code, out, err = run(capsys, "cohort", "import", ident, str(path), "--home", str(home))
    lines = [line for line in err.splitlines() if "fejl" in line]
    assert code == 2 and len(lines) == 1 and path.name in lines[0], err
    assert _status(capsys, home, ident) == before
    return lines[0]


def test_a_participants_signed_bundle_round_trips_and_status_shows_her_fingerprint(
    tmp_path, capsys
):
    leader, home, out = tmp_path / "leader", tmp_path / "facilitator", tmp_path / "ih.json"
    assert run(capsys, "init", "--name", "Ida Holm", "--level", "teamleder",
               "--home", str(leader))[0] == 0  # fmt: skip
    run(capsys, "reflect", "--discipline", "people", "--text", "Noget", "--rate", "people.g1=4",
        "--date", "2026-10-05", "--home", str(leader))  # fmt: skip
    code, shown, err = run(capsys, "key", "show", "--json", "--home", str(leader))
    assert code == 0, err
    key = json.loads(shown)
    code, preview, err = run(
        capsys, "share", "--cohort", "--out", str(out), "--yes", "--home", str(leader)
    )
    assert code == 0, err
    assert key["fingerprint"] in preview  # she reads it aloud to the facilitator
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["version"] == 2 and bundle["signature"]["public_key"] == key["public_key"]

    code, ident, err = run(capsys, "cohort", "create", "--name", "Forløb", "--start",
                           "2026-09-01", "--end", "2027-06-30", "--home", str(home))  # fmt: skip
    assert code == 0, err
    ident = ident.strip()
    code, printed, err = run(capsys, "cohort", "import", ident, str(out), "--home", str(home))
    assert code == 0 and "1 nye" in printed, err
    (participant,) = _status(capsys, home, ident)
    assert participant["fingerprint"] == key["fingerprint"] and participant["initials"] == "IH"
    code, table, _ = run(capsys, "cohort", "status", ident, "--home", str(home))
    assert "Fingeraftryk" in table and key["fingerprint"] in table
    # the same bundle again: nothing changes, the key stays pinned
    code, printed, _ = run(capsys, "cohort", "import", ident, str(out), "--home", str(home))
    assert code == 0 and "1 uændret" in printed
    assert _status(capsys, home, ident) == [participant]


def test_a_bundle_changed_after_signing_is_refused_and_nothing_is_stored(cohort, tmp_path, capsys):
    home, ident = cohort
    changed = leader_bundle(0, "teamleder", now=NOW.replace(month=7))
    rated = next(r for r in changed["reflections"] if r["ratings"])
    rated["ratings"][0]["score"] = 5 if rated["ratings"][0]["score"] != 5 else 1
    changed["checksum"] = bundle_checksum(changed)  # a careful forger fixes the checksum
    line = _refused(capsys, home, ident, changed, tmp_path / "changed.json")
    assert "signature" in line and "ændret, efter at den blev signeret" in line


def test_another_key_for_a_known_participant_is_refused_naming_both_fingerprints(
    cohort, tmp_path, capsys
):
    home, ident = cohort
    (known,) = _status(capsys, home, ident)
    forged = leader_bundle(0, "teamleder", now=NOW.replace(month=7))  # newer, so it would win
    forged = sign_document({k: v for k, v in forged.items() if k != "signature"},
                           participant_key(99))  # fmt: skip
    other = fingerprint(forged["signature"]["public_key"])
    line = _refused(capsys, home, ident, forged, tmp_path / "forged.json")
    assert known["fingerprint"] in line and other in line and other != known["fingerprint"]


def test_two_keys_for_one_participant_in_one_import_are_refused(tmp_path, capsys):
    home, folder = tmp_path / "facilitator", tmp_path / "bundles"
    code, ident, _ = run(capsys, "cohort", "create", "--name", "Forløb", "--start", "2027-01-04",
                         "--end", "2027-12-17", "--home", str(home))  # fmt: skip
    folder.mkdir()
    write_bundle(leader_bundle(0, "teamleder"), folder / "a.json")
    forged = leader_bundle(0, "teamleder", now=NOW.replace(month=7))
    forged = sign_document({k: v for k, v in forged.items() if k != "signature"},
                           participant_key(99))  # fmt: skip
    write_bundle(forged, folder / "b.json")
    code, _, err = run(capsys, "cohort", "import", ident.strip(), str(folder), "--home", str(home))
    assert code == 2 and "b.json" in err and fingerprint(forged["signature"]["public_key"]) in err
    assert _status(capsys, home, ident.strip()) == []


def test_a_bundle_dated_more_than_a_day_ahead_is_refused(cohort, tmp_path, capsys):
    home, ident = cohort
    ahead = leader_bundle(0, "teamleder", now=FACILITATOR_NOW + timedelta(days=1, hours=1))
    line = _refused(capsys, home, ident, ahead, tmp_path / "ahead.json")
    assert "created_at" in line and "2027-07-16" in line


def test_a_bundle_a_few_hours_ahead_is_accepted(cohort, capsys, tmp_path):
    home, ident = cohort
    path = tmp_path / "soon.json"
    write_bundle(leader_bundle(0, "teamleder", now=FACILITATOR_NOW + timedelta(hours=20)), path)
    code, out, err = run(capsys, "cohort", "import", ident, str(path), "--home", str(home))
    assert code == 0 and "1 opdateret" in out, err


def test_an_older_bundle_is_skipped_and_counted_never_replacing_newer_data(tmp_path, capsys):
    home, folder = tmp_path / "facilitator", tmp_path / "bundles"
    code, ident, _ = run(capsys, "cohort", "create", "--name", "Forløb", "--start", "2027-01-04",
                         "--end", "2027-12-17", "--home", str(home))  # fmt: skip
    ident = ident.strip()
    folder.mkdir()
    write_bundle(leader_bundle(0, "teamleder", now=NOW.replace(month=7), weeks=22),
                 folder / "new.json")  # fmt: skip
    run(capsys, "cohort", "import", ident, str(folder / "new.json"), "--home", str(home))
    write_bundle(leader_bundle(0, "teamleder"), folder / "old.json")
    code, out, _ = run(capsys, "cohort", "import", ident, str(folder / "old.json"),
                       "--home", str(home))  # fmt: skip
    assert code == 0 and "1 ældre end den gemte" in out and "0 opdateret" in out
    (participant,) = _status(capsys, home, ident)
    assert participant["delivered_at"].startswith("2027-07-01")


def test_an_unsigned_version_1_bundle_is_refused_with_one_line(cohort, tmp_path, capsys):
    home, ident = cohort
    old = {k: v for k, v in leader_bundle(0, "teamleder").items() if k != "signature"}
    old["version"] = 1
    old["checksum"] = bundle_checksum(old)
    line = _refused(capsys, home, ident, old, tmp_path / "old.json")
    assert "usigneret forløbspakke" in line and "version 1" in line


def test_a_version_2_bundle_without_its_signature_is_refused(cohort, tmp_path, capsys):
    home, ident = cohort
    bare = {k: v for k, v in leader_bundle(0, "teamleder").items() if k != "signature"}
    line = _refused(capsys, home, ident, bare, tmp_path / "bare.json")
    assert "ikke signeret" in line


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("public_key", "ed25519:Hej facilitator, her er en hemmelighed til dig!!!!="),
        ("value", "A" * 80 + "hemmelig=="),
        ("algorithm", "ed25519 (se min note)"),
    ],
)
def test_text_in_the_signature_is_refused_as_free_text(cohort, tmp_path, capsys, field, value):
    home, ident = cohort
    bundle = resign(leader_bundle(0, "teamleder", now=NOW.replace(month=7)), 0)
    bundle["signature"][field] = value
    line = _refused(capsys, home, ident, bundle, tmp_path / "text.json")
    assert f"signature.{field}" in line and "fri tekst" in line
