"""A coach bundle may carry a 360 round's shown figures, never individual answers (#12):
``lgtrack share --round ID`` and the share page; the coach's import stores them, a newer bundle
replaces them, ``leaders remove`` removes them, and the coach's report and page show them."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timezone

import pytest
from cli_support import run
from pages import CoachPage, SharePage
from rounds_support import BEHAVIOURS, FIRST, make_journal, make_round, report, rows_for, write_csv

from lgtrack import Journal
from lgtrack.sharing import bundle_checksum
from lgtrack.sharing.rounds import ROUND_FIELDS
from lgtrack.sharing.signing import sign_with_journal
from lgtrack.ui.coach import CoachWidget
from lgtrack.ui.share import ShareWidget

THIRD = BEHAVIOURS[2].id
HIDDEN_COMMENT = "Hemmelig kollega-kommentar"
SHOWN_COMMENT = "Fortsæt de gode møder"
# Two peers (under their minimum of 3) answer FIRST with 1 and 2: their mean 1.5 must never
# leave; with them in "all others", the employees' FIRST figure is hidden too (it would
# reveal the peers by subtraction). THIRD only the employees answer: shown.
PEOPLE = (
    [("self", {FIRST: 4, THIRD: 3}, "")]
    + [("employee", {FIRST: 3, THIRD: 5}, SHOWN_COMMENT)] * 3
    + [("peer", {FIRST: 1}, HIDDEN_COMMENT), ("peer", {FIRST: 2}, HIDDEN_COMMENT)]
)


@pytest.fixture
def leader(tmp_path, capsys) -> tuple[str, str]:
    """The leader's journal and her round with the answers imported."""
    home = make_journal(capsys, tmp_path / "leader")
    round_id = make_round(capsys, home, "--min", "peer=3")
    answers = write_csv(tmp_path / "svar.csv", rows_for(PEOPLE, "da"))
    code, _, err = run(capsys, "round", "import", round_id, str(answers), "--home", home)
    assert code == 0, err
    return home, round_id


@pytest.fixture
def coach(tmp_path, capsys) -> str:
    home = str(tmp_path / "coach")
    code, _, err = run(capsys, "init", "--name", "Coach", "--level", "kontorchef",
                       "--home", home)  # fmt: skip
    assert code == 0, err
    return home


def share(capsys, home: str, out, *options: str) -> dict:
    code, _, err = run(capsys, "share", "--out", str(out), "--yes", *options, "--home", home)
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8"))


def import_bundle(capsys, coach: str, path) -> str:
    code, out, err = run(capsys, "import", str(path), "--home", coach)
    assert code == 0, err
    return out


def shared_rounds(coach: str) -> list[dict]:
    with Journal.open(coach) as journal:
        [other] = [leader for leader in journal.leaders() if not leader.is_me]
        return journal.store.shared_rounds.of(other.id)


def coach_report(capsys, coach: str, tmp_path, lang: str = "da") -> str:
    with Journal.open(coach) as journal:
        [other] = [leader for leader in journal.leaders() if not leader.is_me]
    out = tmp_path / f"coach-{lang}.html"
    code, _, err = run(capsys, "report", "--leader", other.id, "--out", str(out), "--lang", lang,
                       "--home", coach)  # fmt: skip
    assert code == 0, err
    return out.read_text(encoding="utf-8")


# -- the leader's side -----------------------------------------------------------------------


def test_the_bundle_holds_exactly_the_figures_the_leaders_report_shows(leader, tmp_path, capsys):
    home, round_id = leader
    path = tmp_path / "b.json"
    bundle = share(capsys, home, path, "--round", round_id[:8])
    assert bundle["version"] == 3
    [entry] = bundle["rounds"]
    assert tuple(entry) == ROUND_FIELDS  # no respondents, answers, texts or survey metadata
    assert entry["groups"]["peer"] == {"n": 2, "shown": False}
    own = report(capsys, home, round_id)
    assert entry["groups"] == own["groups"]
    assert entry["behaviours"] == [
        {key: b[key] for key in ("id", "self", "groups", "others")} for b in own["behaviours"]
    ]
    first = next(b for b in entry["behaviours"] if b["id"] == FIRST)
    assert first["groups"] == dict.fromkeys(("manager", "peer", "employee", "other"))
    assert first["others"] == {"mean": 2.4, "n": 5} and first["self"] == 4.0
    third = next(b for b in entry["behaviours"] if b["id"] == THIRD)
    assert third["groups"]["employee"] == {"mean": 5.0, "n": 3}
    assert all(b["groups"]["peer"] is None for b in entry["behaviours"])
    raw = path.read_bytes()
    for secret in ("1.5", HIDDEN_COMMENT, SHOWN_COMMENT, "example.org", "Nummer", "10:00"):
        assert secret.encode("utf-8") not in raw, secret


def test_without_round_the_bundle_carries_none_and_stays_version_2(leader, tmp_path, capsys):
    home, _ = leader
    bundle = share(capsys, home, tmp_path / "b.json")
    assert "rounds" not in bundle and bundle["version"] == 2


def test_the_preview_lists_the_round_and_says_no_answers_or_comments_go(leader, capsys):
    home, round_id = leader
    code, out, err = run(capsys, "share", "--dry-run", "--round", round_id, "--lang", "en",
                         "--home", home)  # fmt: skip
    assert code == 0, err
    assert "360 rounds: only the figures your own report shows" in out
    assert "No single answers and no comments." in out
    assert "Forår (open, created" in out and "Peers 2 · Employees 3" in out


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--round", "ffffffff"), "ffffffff"),
        (("--round", "{round}", "--discipline", "strategic"), "Forår"),
        (("--round", "{round}", "--cohort"), "--cohort"),
    ],
)
def test_a_bad_round_choice_is_one_line_and_writes_nothing(
    leader, tmp_path, capsys, options, words
):
    home, round_id = leader
    out = tmp_path / "b.json"
    argv = [o.format(round=round_id) for o in options]
    code, printed, err = run(capsys, "share", "--out", str(out), "--yes", *argv, "--home", home)
    assert code == 2 and err.startswith("lgtrack: fejl: ") and err.count("\n") == 1
    assert words in err or words == "--cohort"
    assert not out.exists()


def test_the_share_page_offers_rounds_off_by_default(leader, tmp_path):
    home, round_id = leader
    clock = lambda: datetime.now(timezone.utc)  # noqa: E731
    with Journal.open(home, clock=clock) as journal:
        page = SharePage(ShareWidget(journal, folder=tmp_path, lang="en"))
        assert not page.round_ticked(round_id) and "rounds" not in page.bundle
        assert "360 rounds" not in page.preview_html
        page.tick_round(round_id)
        [entry] = page.bundle["rounds"]
        assert entry["id"] == round_id
        assert "360 rounds: only the figures" in page.preview_html
        assert "Forår (open" in page.preview_html


# -- the coach's side ------------------------------------------------------------------------


def test_the_coach_stores_and_shows_the_figures_in_report_and_page(leader, coach, tmp_path, capsys):
    home, round_id = leader
    path = tmp_path / "b.json"
    bundle = share(capsys, home, path, "--round", round_id)
    assert "1 360-runde" in import_bundle(capsys, coach, path)
    assert shared_rounds(coach) == bundle["rounds"]
    page = coach_report(capsys, coach, tmp_path)
    assert "360-runder" in page and "Forår (åben" in page
    assert "for få svar" in page and "2,4 (n=5)" in page and "5,0 (n=3)" in page
    assert "1,5" not in page and HIDDEN_COMMENT not in page
    english = coach_report(capsys, coach, tmp_path, "en")
    assert "360 rounds" in english and "too few answers" in english and "2.4 (n=5)" in english
    with Journal.open(coach) as journal:
        widget = CoachPage(CoachWidget(journal, report_dir=tmp_path / "reports"))
        overview = widget.html("overview")
        assert "360-runder" in overview and "2,4 (n=5)" in overview and "for få svar" in overview


def test_a_newer_bundle_replaces_the_rounds_and_leaders_remove_removes_them(
    leader, coach, tmp_path, capsys
):
    home, round_id = leader
    for name, options, expected in (
        ("1.json", ("--round", round_id), 1),
        ("2.json", (), 0),  # no longer shared: the coach's copy goes
        ("3.json", ("--round", round_id), 1),
    ):
        if name == "3.json":  # a closed round goes as well, and replaces the open one
            assert run(capsys, "round", "close", round_id, "--home", home)[0] == 0
        share(capsys, home, tmp_path / name, *options)
        import_bundle(capsys, coach, tmp_path / name)
        assert len(shared_rounds(coach)) == expected, name
        assert ("lg-rounds" in coach_report(capsys, coach, tmp_path)) == bool(expected)
    [closed] = shared_rounds(coach)
    assert closed["status"] == "closed" and closed["closed_on"] is not None
    with Journal.open(coach) as journal:
        [other] = [leader for leader in journal.leaders() if not leader.is_me]
    code, _, err = run(capsys, "leaders", "remove", other.id, "--yes", "--home", coach)
    assert code == 0, err
    with Journal.open(coach) as journal:
        assert journal.store.conn.execute("SELECT COUNT(*) FROM shared_rounds").fetchone() == (0,)
    files = [p for p in (tmp_path / "coach").iterdir() if p.is_file()]
    assert files and not any("Forår".encode() in p.read_bytes() for p in files)


def _tampered(home: str, bundle: dict, change) -> dict:
    """``bundle`` changed, then signed again by the leader's own journal: what the coach's
    reader refuses is the change itself, not a broken signature."""
    document = copy.deepcopy(bundle)
    change(document)
    document.pop("signature")
    document["checksum"] = bundle_checksum(document)
    with Journal.open(home) as journal:
        return sign_with_journal(journal, document)


def _show_hidden_peer(document: dict) -> None:
    first = next(b for b in document["rounds"][0]["behaviours"] if b["id"] == FIRST)
    first["groups"]["peer"] = {"mean": 1.5, "n": 2}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (_show_hidden_peer, "under sit minimum"),
        (lambda d: d["rounds"][0]["behaviours"][0].update(answers=[1, 2]), "answers"),
        (lambda d: d["rounds"][0].update(texts=["x"]), "texts"),
        (lambda d: d["rounds"][0]["behaviours"][0].update(self=9), "9"),
        (lambda d: d["rounds"][0]["behaviours"][0].update(self="4"), "4"),
        (lambda d: d["rounds"][0]["groups"]["peer"].update(shown=True), "shown"),
        (lambda d: d["rounds"][0]["behaviours"][0].update(id="strategic.g1"), "strategic.g1"),
        (lambda d: d.update(version=2), "version 3 eller nyere"),
    ],
)
def test_the_coach_refuses_a_bad_round_with_one_line_and_stores_nothing(
    leader, coach, tmp_path, capsys, change, words
):
    home, round_id = leader
    bundle = share(capsys, home, tmp_path / "b.json", "--round", round_id, "--lang", "en")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_tampered(home, bundle, change)), encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), "--home", coach)
    assert code == 2 and err.count("\n") == 1 and words in err, err
    with Journal.open(coach) as journal:
        assert [leader for leader in journal.leaders() if not leader.is_me] == []
        assert journal.store.conn.execute("SELECT COUNT(*) FROM shared_rounds").fetchone() == (0,)


def test_an_older_coach_refuses_a_bundle_with_rounds_as_newer(
    leader, coach, tmp_path, capsys, monkeypatch
):
    from lgtrack.sharing import receive

    home, round_id = leader
    share(capsys, home, tmp_path / "b.json", "--round", round_id)
    monkeypatch.setattr(receive, "BUNDLE_VERSION", 2)  # what an lgtrack before rounds knows
    code, _, err = run(capsys, "import", str(tmp_path / "b.json"), "--home", coach)
    assert code == 2 and err.count("\n") == 1 and "nyere" in err
