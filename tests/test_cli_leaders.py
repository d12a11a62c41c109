"""``lgtrack leaders remove ID``: a coach removes a leader with everything of theirs (entries,
ratings, session notes, actions), after a question on a terminal; the others stay."""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone

import pytest
from cli_support import Terminal, run

from lgtrack import Journal, Leader, Reflection, coaching
from lgtrack.framework import load_framework
from lgtrack.records import Action, CoachSession

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc)
ADA = "a0a0a0a0-0000-4000-8000-000000000001"
BO = "b0b0b0b0-0000-4000-8000-000000000002"


@pytest.fixture
def home(tmp_path) -> str:
    path = str(tmp_path / "coach")
    version = load_framework("stuk").version
    with Journal.open(path, clock=lambda: NOW) as journal:
        for leader_id, name in ((ADA, "Ada Berg"), (BO, "Bo Dahl")):
            journal.save_leader(
                Leader(id=leader_id, name=name, level="teamleder", framework_id="stuk",
                       framework_version=version, created_at=NOW, updated_at=NOW,
                       imported_at=NOW)
            )  # fmt: skip
            journal.add_reflection(
                Reflection(day=date(2026, 2, 1), disciplines=("self",), text=f"{name} skriver"),
                leader_id=leader_id,
            )
            coaching.save_session(journal, CoachSession(leader_id=leader_id, day=date(2026, 3, 1),
                                                        notes="Noter"))  # fmt: skip
            coaching.add_action(journal, Action(leader_id=leader_id, text="Aftale"))
    return path


def names(home: str) -> list[str]:
    with Journal.open(home, create=False) as journal:
        return [leader.name for leader in journal.leaders()]


def test_remove_asks_first_and_removes_everything_of_that_leader(home, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    code, out, _ = run(capsys, "leaders", "remove", ADA[:8], "--home", home)
    what = "Ada Berg (a0a0a0a0) med 1 refleksion, 0 mål, 0 feedback, 1 coachsession og 1 handling"
    assert code == 0 and out == f"Fjern {what}? Det kan ikke fortrydes. [j/N] Intet er slettet.\n"
    assert names(home) == ["Ada Berg", "Bo Dahl"]
    monkeypatch.setattr(sys, "stdin", Terminal("j\n"))
    code, out, _ = run(capsys, "leaders", "remove", ADA[:8], "--home", home)
    assert code == 0 and out.endswith(f"Fjernet: {what}\n")
    assert names(home) == ["Bo Dahl"]
    with Journal.open(home, create=False) as journal:
        assert journal.reflections(leader_id=ADA) == [] and coaching.sessions(journal, ADA) == []
        assert [r.text for r in journal.reflections(leader_id=BO)] == ["Bo Dahl skriver"]
        assert len(coaching.actions(journal, BO)) == 1


def test_remove_with_yes_and_home_before_the_action(home, capsys):
    code, out, err = run(capsys, "leaders", "--home", home, "remove", BO, "--yes")
    assert (code, err) == (0, "") and out.startswith("Fjernet: Bo Dahl (b0b0b0b0)")
    code, out, _ = run(capsys, "leaders", "--home", home)
    assert "Ada Berg" in out and "Bo Dahl" not in out


@pytest.mark.parametrize(("ref", "words"), [("a0a", "for kort"), ("ffffffff", "ingen leder")])
def test_an_unknown_or_short_id_is_one_line(home, capsys, ref, words):
    code, out, err = run(capsys, "leaders", "remove", ref, "--yes", "--home", home)
    assert (code, out) == (2, "") and len(err.splitlines()) == 1 and words in err
    assert names(home) == ["Ada Berg", "Bo Dahl"]


def test_the_journals_own_profile_is_not_removed(tmp_path, capsys):
    home = str(tmp_path / "leader")
    with Journal.open(home, clock=lambda: NOW) as journal:
        me = journal.set_profile("Ida Holm", "teamleder")
    code, out, err = run(capsys, "leaders", "remove", me.id[:8], "--yes", "--home", home)
    assert (code, out) == (2, "") and "profil kan ikke fjernes" in err
    assert names(home) == ["Ida Holm"]
