"""Every bad share bundle is rejected whole: one clear line, and the coach's journal unchanged.

Each case runs through the API (one ImportFileError) and the command line (exit 2, exactly one
line on stderr, nothing on stdout). The coach's journal already holds another leader's bundle,
so "unchanged" is checked against real content.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sharing_support import NOW, leader_journal, resealed, snapshot, write_json

from lgtrack import ImportFileError, Journal
from lgtrack.cli import main
from lgtrack.exchange import MAX_IMPORT_BYTES, import_file, reading
from lgtrack.sharing import BUNDLE_VERSION, ShareScope, build_bundle, bundle_checksum, bundle_text
from lgtrack.sharing.signing import sign_document


def _bundles() -> tuple[dict, dict, dict]:
    ida, bo = leader_journal("Ida Holm"), leader_journal("Bo Berg")
    with ida.journal, bo.journal:
        return (
            build_bundle(ida.journal, ShareScope(), now=NOW),
            build_bundle(ida.journal, ShareScope(text=False), now=NOW),
            build_bundle(bo.journal, ShareScope(), now=NOW),
        )


VALID, NO_TEXT, BO = _bundles()


OTHER_KEY = Ed25519PrivateKey.generate()  # someone else's: not the key of any leader here


def changed(
    change, *, base: dict = VALID, reseal: bool = True, checksum: bool = False, resign=None
) -> bytes:
    """The bundle after ``change``; resealed (a fitting checksum and signature by its leader)
    unless told otherwise: ``checksum`` recomputes the checksum only (as anyone could), and
    ``resign`` signs with another key."""
    document = copy.deepcopy(base)
    change(document)
    if reseal and resign is None:
        document = resealed(document)
    if checksum or resign is not None:
        document["checksum"] = bundle_checksum(document)
    if resign is not None:
        document = sign_document(document, resign)
    return json.dumps(document, ensure_ascii=True).encode("utf-8")


def setting(*path_and_value):
    *path, value = path_and_value

    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def one_char_edited() -> bytes:
    text = bundle_text(VALID)
    assert "Strategidag" in text
    return text.replace("Strategidag", "Strategidat", 1).encode("utf-8")


CASES = {
    # the file as a whole
    "truncated": (bundle_text(VALID).encode()[:900], "ends early"),
    "not json": (b"format: lgtrack-share\n", "not valid JSON"),
    "NaN": (bundle_text(VALID).replace('"score": 4', '"score": NaN', 1).encode(), "NaN"),
    # version and checksum
    "future version": (changed(setting("version", BUNDLE_VERSION + 1)), "made by a newer lgtrack"),
    "unsigned version 1": (
        changed(lambda d: d.pop("signature") and d.update(version=1), reseal=False),
        "version: an unsigned share bundle from an older lgtrack (version 1); ask the leader "
        "to share again",
    ),
    "version zero": (changed(setting("version", 0)), "unknown share bundle version"),
    "version as text": (changed(setting("version", "1")), "version: must be a whole number"),
    "one character edited": (one_char_edited(), "checksum: does not match"),
    "field added, not resealed": (
        changed(setting("reflections", 0, "text", "ændret"), reseal=False),
        "checksum: does not match",
    ),
    "no checksum": (changed(lambda d: d.pop("checksum"), reseal=False), "checksum: missing"),
    "md5 checksum": (changed(setting("checksum", "md5:abc"), reseal=False), "checksum: missing"),
    # signature
    "no signature": (
        changed(lambda d: d.pop("signature"), reseal=False),
        "signature: missing: the bundle is not signed",
    ),
    "checksum recomputed, not signed again": (
        changed(setting("reflections", 0, "text", "ændret"), reseal=False, checksum=True),
        "signature: does not match the contents",
    ),
    "signature as text": (
        changed(setting("signature", "ok"), reseal=False),
        "signature: not of the form",
    ),
    "signature by rsa": (
        changed(setting("signature", "algorithm", "rsa"), reseal=False),
        "signature.algorithm: unknown signature algorithm 'rsa'",
    ),
    "signature value cut short": (
        changed(setting("signature", "value", "AAAA"), reseal=False),
        "signature.value: not of the form",
    ),
    "public key not a key": (
        changed(setting("signature", "public_key", "ed25519:AAAA"), reseal=False),
        "signature.public_key: not of the form",
    ),
    "another leader's key swapped in": (
        changed(setting("signature", "public_key", BO["signature"]["public_key"]), reseal=False),
        "signature: does not match the contents",
    ),
    "impersonation: Bo's id, another key": (
        changed(setting("reflections", 0, "text", "falsk"), base=BO, resign=OTHER_KEY),
        "signature: signed with another key than Bo Berg's",
    ),
    "dated in 2200": (
        changed(setting("created_at", "2200-01-01T00:00:00+00:00")),
        "created_at: the bundle is dated 2200-01-01, more than a day after today",
    ),
    # framework
    "unknown framework": (changed(setting("framework", "id", "acme")), "unknown framework 'acme'"),
    "framework id is a path": (
        changed(setting("framework", "id", "../../etc/passwd")),
        "not a framework id",
    ),
    "framework as text": (changed(setting("framework", "stuk")), "framework: must be an object"),
    # wrong types and structure
    "unknown top field": (changed(setting("mood", "glad")), "unknown field 'mood'"),
    "reflections as object": (changed(setting("reflections", {})), "must be a list"),
    "goals missing": (changed(lambda d: d.pop("goals")), "missing field 'goals'"),
    "day as number": (changed(setting("reflections", 0, "day", 20260210)), "must be a date"),
    "impossible day": (changed(setting("reflections", 0, "day", "2026-02-30")), "not a real date"),
    "score as text": (
        changed(setting("reflections", 0, "ratings", 0, "score", "4")),
        "whole number",
    ),
    "text flag as text": (changed(setting("scope", "text", "yes")), "true or false"),
    "id not a uuid": (changed(setting("goals", 0, "id", "42")), "not a UUID"),
    "leader as list": (changed(setting("leader", [])), "leader: must be an object"),
    "leader without name": (changed(lambda d: d["leader"].pop("name")), "missing field 'name'"),
    "created_at without zone": (
        changed(setting("created_at", "2026-11-02T10:15:00")),
        "no time zone",
    ),
    "progress above 100": (
        changed(setting("goals", 1, "checkins", 0, "progress", 130)),
        "from 0 to 100",
    ),
    # against the framework
    "unknown behaviour": (
        changed(setting("reflections", 0, "ratings", 0, "behaviour", "people.x9")),
        "unknown behaviour 'people.x9'",
    ),
    "unknown discipline": (
        changed(setting("reflections", 1, "disciplines", ["cooking"])),
        "unknown discipline 'cooking'",
    ),
    "unknown discipline in scope": (
        changed(setting("scope", "disciplines", ["cooking"])),
        "unknown discipline 'cooking'",
    ),
    "no discipline in scope": (
        changed(setting("scope", "disciplines", [])),
        "names no discipline",
    ),
    "unknown goal behaviour": (
        changed(setting("goals", 1, "behaviours", ["people.nope"])),
        "unknown behaviour",
    ),
    "unknown level": (changed(setting("leader", "level", "konge")), "unknown level 'konge'"),
    "score above the scale": (
        changed(setting("feedback", 0, "ratings", 0, "score", 6)),
        "outside the scale",
    ),
    "unknown role": (changed(setting("feedback", 0, "role", "boss")), "unknown role"),
    # hostile text
    "NUL in text": (changed(setting("reflections", 0, "text", "før\x00efter")), "NUL"),
    "lone surrogate": (
        changed(setting("reflections", 0, "text", "\ud800x")),
        "invalid character",
    ),
    "huge text": (changed(setting("reflections", 0, "text", "æ" * 100_001)), "longer than"),
    "huge name": (changed(setting("leader", "name", "Ø" * 501)), "longer than 500"),
    "bundle claims is_me": (changed(setting("leader", "is_me", True)), "is_me"),
    # inconsistent with its own scope
    "record before the period": (
        changed(lambda d: d["scope"].update({"from": "2026-03-01"})),
        "outside the bundle's scope",
    ),
    "record of an unshared discipline": (
        changed(setting("scope", "disciplines", ["people", "self"])),
        "outside the bundle's scope",
    ),
    "kind not included": (
        changed(setting("scope", "include", ["goals"])),
        "does not include reflections",
    ),
    "text in a bundle without text": (
        changed(setting("reflections", 0, "text", "smuglet"), base=NO_TEXT),
        "free text in a bundle whose scope says text: false",
    ),
    "note in a bundle without text": (
        changed(setting("goals", 1, "checkins", 0, "note", "smuglet"), base=NO_TEXT),
        "free text",
    ),
    "same record twice": (
        changed(lambda d: d["feedback"].append(d["feedback"][0])),
        "appears twice",
    ),
    "record of another leader": (
        changed(setting("reflections", 0, "id", BO["reflections"][0]["id"])),
        "belongs to another leader",
    ),
}


@pytest.fixture
def coach_home(tmp_path) -> str:
    home = tmp_path / "coach"
    clock = lambda: datetime(2026, 11, 20, tzinfo=timezone.utc)  # noqa: E731
    with Journal.open(home, clock=clock) as journal:
        import_file(journal, write_json(tmp_path / "bo.json", BO))
    return str(home)


def _state(home: str) -> dict:
    with Journal.open(home, create=False) as journal:
        return snapshot(journal.store.conn)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_bundle_is_refused_whole_through_the_api(case, coach_home, tmp_path):
    data, expected = CASES[case]
    path = tmp_path / "bundle.json"
    path.write_bytes(data)
    before = _state(coach_home)
    with (
        Journal.open(coach_home, create=False) as journal,
        pytest.raises(ImportFileError) as caught,
    ):
        import_file(journal, path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and message.startswith("bundle.json: ")
    assert message.endswith("nothing was imported")
    assert _state(coach_home) == before


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_bundle_is_refused_whole_on_the_command_line(case, coach_home, tmp_path, capsys):
    data, expected = CASES[case]
    path = tmp_path / "bundle.json"
    path.write_bytes(data)
    before = _state(coach_home)
    code = main(["import", str(path), "--home", coach_home])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("lgtrack: fejl: bundle.json: ")
    assert "Traceback" not in err
    assert _state(coach_home) == before
    # The API's message, in the language of a journal without a profile: Danish.
    with Journal.open(coach_home, create=False) as journal, pytest.raises(ImportFileError) as api:
        import_file(journal, path)
    assert expected in str(api.value)
    assert err == f"lgtrack: fejl: {api.value.render('da')}\n"


def test_an_oversized_bundle_is_refused_before_it_is_read(
    coach_home, tmp_path, capsys, monkeypatch
):
    limit = 20 * 2**20  # the real limit is 1 GiB: too much to write in a test
    monkeypatch.setattr(reading, "MAX_IMPORT_BYTES", limit)
    assert limit < MAX_IMPORT_BYTES
    path = tmp_path / "huge.json"
    text = bundle_text(VALID)
    path.write_text(text[:-2] + " " * (limit + 1 - len(text)) + "}\n", "utf-8")
    before = _state(coach_home)
    too_large = pytest.raises(ImportFileError, match="an import may be at most 20 MB")
    with Journal.open(coach_home, create=False) as journal, too_large:
        import_file(journal, path)
    assert main(["import", str(path), "--home", coach_home]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert _state(coach_home) == before


def test_the_valid_bundle_behind_the_cases_imports(coach_home, tmp_path):
    # the control case: without the damage, each base bundle is accepted
    for name, document in (("ida.json", VALID), ("ida-plain.json", NO_TEXT)):
        with Journal.open(coach_home, create=False) as journal:
            summary = import_file(journal, write_json(tmp_path / name, document))
        assert summary.imported("reflections") + summary.unchanged["reflections"] == 3
    assert len(json.loads(Path(tmp_path / "ida.json").read_text("utf-8"))["goals"]) == 2


def test_a_refused_bundle_creates_no_journal(tmp_path, capsys):
    path = tmp_path / "bundle.json"
    path.write_bytes(one_char_edited())
    home = tmp_path / "new-coach"
    assert main(["import", str(path), "--home", str(home)]) == 2
    assert not home.exists() or not any(home.iterdir())
    capsys.readouterr()
