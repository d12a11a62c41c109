"""``lgtrack share --cohort`` and ``lgtrack cohort create|import|status|dashboard|report``: the
facilitator sees the cohort in aggregate only and never holds a word of text."""

from __future__ import annotations

import copy
import json
import os
import stat

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (fixture)
from cohort_support import FACILITATOR_NOW, NOW, SECRET, leader_bundle, resign, write_bundles

from lgtrack.cohort.bundle import COHORT_FORMAT
from lgtrack.sharing import write_bundle

LEVELS5 = ["teamleder", "kontorchef"] * 3  # 3 team leaders, 3 heads of division


@pytest.fixture(autouse=True)
def _facilitator_clock(monkeypatch):
    """The CLI's clock (its only one) at the facilitator's import, after the bundles' dates."""
    monkeypatch.setattr("lgtrack.cli.cohort.utc_now", lambda: FACILITATOR_NOW)


def _create(capsys, home, k="5") -> str:
    code, out, err = run(capsys, "cohort", "create", "--name", "Forløb 2027", "--start",
                         "2027-01-04", "--end", "2027-12-17", "--k", k, "--home", str(home))  # fmt: skip
    assert code == 0, err
    return out.strip()


def _raw_bytes(home) -> bytes:
    return b"".join(p.read_bytes() for p in home.iterdir() if p.name.startswith("journal.sqlite"))


def test_share_cohort_previews_no_text_and_writes_only_numbers(tmp_path, capsys):
    home, out = tmp_path / "leader", tmp_path / "forloeb.json"
    assert (
        run(capsys, "init", "--name", "Ida Holm", "--level", "teamleder", "--home", str(home))[0]
        == 0
    )
    code, _, err = run(capsys, "reflect", "--discipline", "people", "--text", f"Tekst {SECRET}",
                       "--rate", "people.g1=4", "--date", "2027-01-05", "--home", str(home))  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "effects", "add", "--rate", "e1=4", "--rate", "e2=?", "--date",
                       "2027-01-06", "--home", str(home))  # fmt: skip
    assert code == 0, err
    code, printed, err = run(
        capsys, "share", "--cohort", "--out", str(out), "--yes", "--home", str(home)
    )
    assert code == 0, err
    assert "Ingen fri tekst" in printed and "IH" in printed
    text = out.read_text(encoding="utf-8")
    bundle = json.loads(text)
    assert bundle["format"] == COHORT_FORMAT and bundle["participant"]["initials"] == "IH"
    assert bundle["reflections"] == [
        {"day": "2027-01-05", "ratings": [{"behaviour": "people.g1", "score": 4}]}
    ]
    assert bundle["effects"] == [{"day": "2027-01-06", "scores": {"e1": 4, "e2": None}}]
    assert SECRET not in text and "Ida" not in text and "Holm" not in text
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_share_cohort_refuses_options_that_would_change_its_content(tmp_path, capsys):
    home = tmp_path / "leader"
    run(capsys, "init", "--name", "Ida Holm", "--level", "teamleder", "--home", str(home))
    code, _, err = run(capsys, "share", "--cohort", "--out", str(tmp_path / "x.json"),
                       "--discipline", "people", "--home", str(home))  # fmt: skip
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--cohort" in err
    code, _, err = run(capsys, "share", "--cohort", "--name", "Ida Holm fra kontoret", "--out",
                       str(tmp_path / "x.json"), "--home", str(home))  # fmt: skip
    assert code == 2 and "initialer" in err and not (tmp_path / "x.json").exists()


def test_import_is_idempotent_updates_in_place_and_status_shows_no_figures(tmp_path, capsys):
    home, folder = tmp_path / "facilitator", tmp_path / "bundles"
    write_bundles(folder / "a", LEVELS5[:3])
    write_bundles(folder / "b", [])  # an empty folder among the others is fine
    extra = folder / "p5.json"
    write_bundle(leader_bundle(5, "kontorchef"), extra)
    cohort = _create(capsys, home)
    code, out, err = run(capsys, "cohort", "import", cohort[:8], str(folder / "a"), str(extra),
                         "--home", str(home))  # fmt: skip
    assert code == 0 and "4 nye" in out and "4/4" in err
    code, out, _ = run(capsys, "cohort", "import", cohort, str(folder), "--home", str(home))
    assert code == 0 and "0 nye" in out and "4 uændret" in out
    newer = leader_bundle(5, "kontorchef", now=NOW.replace(month=7), weeks=22)
    write_bundle(newer, extra)
    code, out, _ = run(capsys, "cohort", "import", cohort, str(extra), "--home", str(home))
    assert "1 opdateret" in out
    code, out, _ = run(capsys, "cohort", "status", cohort, "--json", "--home", str(home),
                       "--today", "2027-07-01")  # fmt: skip
    status = json.loads(out)
    assert len(status["participants"]) == 4
    assert set(status["participants"][0]) == {
        "id",
        "initials",
        "level",
        "delivered_at",
        "imported_at",
        "days_since",
        "fingerprint",
    }
    assert status["participants"][-1]["delivered_at"].startswith("2027-07-01")


def test_dashboard_json_has_the_issues_keys_and_hides_small_groups(tmp_path, capsys):
    home, folder = tmp_path / "facilitator", tmp_path / "bundles"
    write_bundles(folder, ["teamleder"] * 6 + ["kontorchef"] * 3)
    cohort = _create(capsys, home)
    run(capsys, "cohort", "import", cohort, str(folder), "--home", str(home))
    code, out, err = run(capsys, "cohort", "dashboard", cohort, "--json", "--today", "2027-06-01",
                         "--home", str(home))  # fmt: skip
    assert code == 0, err
    board = json.loads(out)
    assert {
        "cohort",
        "k",
        "participants",
        "delivered",
        "disciplines",
        "by_level",
        "effects",
    } <= set(board)
    assert board["k"] == 5 and board["participants"] == 9
    for entry in board["disciplines"]:
        assert {"id", "n", "mean", "start_mean", "now_mean", "suppressed"} <= set(entry)
    for entry in board["by_level"]:
        assert {"level", "discipline", "n", "mean", "suppressed"} <= set(entry)
        if entry["level"] == "kontorchef":  # 3 < k, and the team leaders then follow from it
            assert entry["suppressed"] and entry["mean"] is None and entry["n"] is None
        if entry["level"] == "teamleder" and entry["n"] != 0:
            assert entry["suppressed"]
    for entry in board["effects"]:
        assert {"id", "n", "start_mean", "now_mean", "suppressed"} <= set(entry)
    code, out, _ = run(capsys, "cohort", "dashboard", cohort, "--today", "2027-06-01", "--home",
                       str(home))  # fmt: skip
    assert code == 0 and "Strategisk ledelse" in out and "9 deltagere" in out
    assert "Hvert tal bygger på mindst 5 deltagere" in out
    e1 = next(e for e in board["effects"] if e["id"] == "e1")
    assert e1 == {"id": "e1", "n": 9, "start_mean": 2.0, "now_mean": 4.0, "suppressed": False}


def test_report_is_self_contained_in_the_cohorts_language(tmp_path, capsys):
    home, folder = tmp_path / "facilitator", tmp_path / "bundles"
    write_bundles(folder, ["teamleder"] * 5 + ["kontorchef"] * 2)
    cohort = _create(capsys, home)
    run(capsys, "cohort", "import", cohort, str(folder), "--home", str(home))
    out = tmp_path / "rapport.html"
    code, _, err = run(capsys, "cohort", "report", cohort, "--out", str(out), "--today",
                       "2027-06-01", "--home", str(home))  # fmt: skip
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="da">' in html
    assert "for få" in html and "Forløbsrapport" in html
    assert "<script" not in html and "src=" not in html and "href=" not in html
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_the_facilitators_database_holds_no_text_from_any_bundle(tmp_path, capsys):
    home, folder = tmp_path / "facilitator", tmp_path / "bundles"
    write_bundles(folder, LEVELS5)
    cohort = _create(capsys, home)
    assert run(capsys, "cohort", "import", cohort, str(folder), "--home", str(home))[0] == 0
    raw = _raw_bytes(home)
    assert b"Deltager" not in raw and b"Efternavn" not in raw
    assert SECRET.encode() not in raw and b"hemmeligt-tag" not in raw


def _paths(value, path=()):
    """Every object in a JSON value, with its path."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _strings(value, path=()):
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _at(document, path):
    for step in path:
        document = document[step]
    return document


def _hostile_bundles():
    base = leader_bundle(0, "teamleder", weeks=2)
    for path, _obj in _paths(base):  # an extra key in every object, the top one too
        changed = copy.deepcopy(base)
        _at(changed, path)["note"] = f"Fri tekst {SECRET}"
        yield "key:" + ".".join(map(str, path)), changed
    for path in _strings(base):
        if path in (("checksum",), ("format",)):
            continue
        changed = copy.deepcopy(base)
        _at(changed, path[:-1])[path[-1]] = f"Fri tekst {SECRET}"
        yield "value:" + ".".join(map(str, path)), changed


def _signed_again(name: str, bundle: dict) -> dict:
    """Signed by the participant herself after the change (a text in the signature itself is
    left as is): the reader refuses the text, not only a broken signature."""
    return bundle if "signature" in name else resign(bundle, 0)


HOSTILE = [(name, _signed_again(name, bundle)) for name, bundle in _hostile_bundles()]


@pytest.mark.parametrize("bundle", [b for _, b in HOSTILE], ids=[name for name, _ in HOSTILE])
def test_free_text_in_any_field_refuses_the_import_and_writes_nothing(bundle, tmp_path, capsys):
    home, folder = tmp_path / "facilitator", tmp_path / "bundles"
    write_bundles(folder, ["teamleder"])
    write_bundle(bundle, folder / "zz-hostile.json")
    cohort = _create(capsys, home)
    before = run(capsys, "cohort", "status", cohort, "--json", "--home", str(home))[1]
    code, out, err = run(capsys, "cohort", "import", cohort, str(folder), "--home", str(home))
    lines = [line for line in err.splitlines() if "fejl" in line]
    assert code == 2 and len(lines) == 1 and "zz-hostile.json" in lines[0], err
    assert run(capsys, "cohort", "status", cohort, "--json", "--home", str(home))[1] == before
    assert SECRET.encode() not in _raw_bytes(home)


def test_a_coachs_share_bundle_is_refused_with_a_hint(tmp_path, capsys):
    home = tmp_path / "facilitator"
    bundle = {"format": "lgtrack-share", "version": 1}
    path = tmp_path / "coach.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    cohort = _create(capsys, home)
    code, _, err = run(capsys, "cohort", "import", cohort, str(path), "--home", str(home))
    assert code == 2 and "share --cohort" in err


@pytest.mark.parametrize("k", ["2", "0", "-5"])
def test_k_below_three_is_refused(k, tmp_path, capsys):
    code, out, err = run(capsys, "cohort", "create", "--name", "F", "--start", "2027-01-04",
                         "--end", "2027-12-17", "--k", k, "--home", str(tmp_path))  # fmt: skip
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_an_unknown_cohort_is_one_line(tmp_path, capsys):
    _create(capsys, tmp_path)
    code, _, err = run(capsys, "cohort", "status", "ffffffff", "--home", str(tmp_path))
    assert code == 2 and "cohort create" in err


def test_the_dashboard_summed_in_sql_equals_the_one_from_the_raw_rows(tmp_path):
    from cohort_support import END, START

    from lgtrack import Journal
    from lgtrack.cohort.dashboard import build_dashboard, cohort_dashboard
    from lgtrack.cohort.importing import import_cohort
    from lgtrack.framework import load_framework
    from lgtrack.records import Cohort

    journal = Journal.open(tmp_path / "f", clock=lambda: NOW)
    cohort = Cohort(name="F", start=START, end=END, k=3, created_at=NOW)
    with journal.atomic():
        journal.store.cohorts.save(cohort)
    paths = write_bundles(tmp_path / "b", ["teamleder"] * 4 + ["kontorchef"] * 3, weeks=30)
    import_cohort(journal, cohort, paths, now=NOW)
    repo = journal.store.cohorts
    for today in (START, NOW.date(), END):
        from_raw = build_dashboard(
            cohort, load_framework("stuk"), repo.participants(cohort.id),
            repo.reflection_days(cohort.id), repo.ratings(cohort.id), repo.effects(cohort.id),
            today=today,
        )  # fmt: skip
        assert cohort_dashboard(journal, cohort, today=today) == from_raw
    assert any(e["mean"] for e in from_raw["disciplines"])
    journal.close()


def test_without_a_journal_the_facilitator_is_told_to_create_a_cohort(tmp_path, capsys):
    code, _, err = run(capsys, "cohort", "status", "abcdef12", "--home", str(tmp_path / "none"))
    assert code == 2 and "cohort create" in err and not (tmp_path / "none").exists()
