"""``lgtrack edit`` and ``lgtrack delete``: correct or remove an entry by the short id that
``lgtrack list`` prints. Only the given fields change; bad input is one line and changes nothing;
a delete asks first on a terminal."""

from __future__ import annotations

import io
import sys
from datetime import date, datetime, timezone

import pytest
from cli_support import Terminal, run

from lgtrack import Feedback, Goal, Journal, Rating, Reflection

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def home(tmp_path) -> str:
    path = tmp_path / "journal"
    with Journal.open(path, clock=lambda: NOW) as journal:
        journal.set_profile("Ida Holm", "teamleder")
        journal.add_reflection(
            Reflection(day=date(2026, 2, 10), disciplines=("people",), text="Godt 1:1 med Bo",
                       next_step="Følg op", tags=("møde",),
                       ratings=(Rating("people.g1", 4), Rating("people.g2", 2)))
        )  # fmt: skip
        journal.add_goal(Goal(discipline="people", title="Ugentlige 1:1", due=date(2026, 6, 30)))
        journal.add_feedback(
            Feedback(day=date(2026, 3, 5), role="peer", name="CD", discipline="people",
                     text="Tydelig", ratings=(Rating("people.g1", 3),))
        )  # fmt: skip
    return str(path)


def only(home: str, kind: str):
    with Journal.open(home, create=False) as journal:
        items = {"reflection": journal.reflections, "goal": journal.goals,
                 "feedback": journal.feedback}[kind]()  # fmt: skip
    assert len(items) == 1
    return items[0]


def short(home: str, kind: str) -> str:
    return only(home, kind).id[:8]


def assert_one_line_error(code: int, out: str, err: str) -> None:
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("lgtrack: fejl: "), err


def test_editing_a_reflection_changes_only_the_given_fields(home, capsys):
    ref = short(home, "reflection")
    code, out, err = run(capsys, "edit", "reflection", ref, "--text", "Rettet tekst",
                         "--rate", "people.g2=5", "--tag", "1-1", "--private", "--home", home)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Rettet: refleksion {ref}.\n"
    edited = only(home, "reflection")
    assert edited.text == "Rettet tekst" and edited.next_step == "Følg op"
    assert edited.ratings == (Rating("people.g1", 4), Rating("people.g2", 5))
    assert edited.tags == ("1-1",) and edited.private is True
    assert edited.day == date(2026, 2, 10) and edited.created_at == NOW


def test_a_behaviour_number_and_shared_and_a_new_date(home, capsys):
    ref = short(home, "reflection")
    code, _, err = run(capsys, "edit", "reflection", ref, "--rate", "1=?", "--shared",
                       "--date", "2026-02-11", "--no-tags", "--home", home)  # fmt: skip
    assert (code, err) == (0, "")
    edited = only(home, "reflection")
    assert edited.day == date(2026, 2, 11) and edited.tags == () and not edited.private
    assert edited.ratings == (Rating("people.g1", None), Rating("people.g2", 2))


def test_editing_a_goal_and_its_due_date(home, capsys):
    ref = short(home, "goal")
    code, out, err = run(capsys, "edit", "goal", ref, "--title", "Ugentlige 1:1 med alle",
                         "--no-due", "--why", "Sparring", "--home", home)  # fmt: skip
    assert (code, err) == (0, "") and out == f"Rettet: mål {ref}.\n"
    goal = only(home, "goal")
    assert (goal.title, goal.due, goal.why) == ("Ugentlige 1:1 med alle", None, "Sparring")
    run(capsys, "edit", "goal", ref, "--due", "2027-01-31", "--home", home)
    assert only(home, "goal").due == date(2027, 1, 31)


def test_editing_feedback_keeps_its_ratings_unless_told(home, capsys):
    ref = short(home, "feedback")
    code, _, err = run(capsys, "edit", "feedback", ref, "--text", "Meget tydelig", "--name", "",
                       "--from", "manager", "--home", home)  # fmt: skip
    assert (code, err) == (0, "")
    item = only(home, "feedback")
    assert (item.text, item.name, item.role) == ("Meget tydelig", "", "manager")
    assert item.ratings == (Rating("people.g1", 3),)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["edit", "reflection", "{reflection}"], "intet at ændre"),
        (["edit", "reflection", "{reflection}", "--rate", "strategic.g1=3"], "strategic.g1"),
        (["edit", "reflection", "{reflection}", "--text", "x" * 100_001], "100"),
        (["edit", "reflection", "{reflection}", "--date", "2026-02-30"], "2026-02-30"),
        (["edit", "goal", "{goal}", "--title", "  "], "titel"),
        (["edit", "goal", "{goal}", "--due", "i morgen"], "i morgen"),
        (["edit", "feedback", "{feedback}", "--rate", "people.g1=9"], "9"),
        (["edit", "goal", "ffffffff", "--why", "W"], "ingen mål med id'et 'ffffffff'"),
        (["edit", "goal", "{reflection}", "--title", "T"], "'lgtrack list goals'"),
        (["delete", "goal", "abc"], "'abc'"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(home, capsys, argv, words):
    ids = {kind: short(home, kind) for kind in ("reflection", "goal", "feedback")}
    before = [only(home, kind) for kind in ids]
    code, out, err = run(capsys, *[word.format(**ids) for word in argv], "--home", home)
    assert_one_line_error(code, out, err)
    assert words in err
    assert [only(home, kind) for kind in ids] == before


def test_a_short_or_shared_prefix_is_refused(tmp_path, capsys):
    home = str(tmp_path / "j")
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Ida Holm", "teamleder")
        for suffix in ("1", "2"):
            journal.add_reflection(
                Reflection(day=date(2026, 1, 1), disciplines=("self",), text="T",
                           id=f"abcdef00-0000-4000-8000-00000000000{suffix}")
            )  # fmt: skip
    code, out, err = run(capsys, "delete", "reflection", "abcdef00", "--yes", "--home", home)
    assert_one_line_error(code, out, err)
    assert "flere" in err
    code, out, err = run(capsys, "delete", "reflection", "abc", "--yes", "--home", home)
    assert_one_line_error(code, out, err)
    assert "for kort" in err
    code, out, _ = run(capsys, "delete", "reflection", "abcdef00-0000-4000-8000-000000000002",
                       "--yes", "--home", home)  # fmt: skip
    assert code == 0 and "abcdef00" in out


def test_delete_asks_on_a_terminal_and_no_keeps_the_entry(home, capsys, monkeypatch):
    ref = short(home, "goal")
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    code, out, _ = run(capsys, "delete", "goal", ref, "--home", home)
    assert code == 0
    assert out.startswith(f"Slet mål {ref} fra 2026-11-02: Ugentlige 1:1?")
    assert out.endswith("Intet er slettet.\n")
    assert only(home, "goal").id.startswith(ref)


def test_delete_with_yes_at_the_question(home, capsys, monkeypatch):
    ref = short(home, "reflection")
    monkeypatch.setattr(sys, "stdin", Terminal("j\n"))
    code, out, _ = run(capsys, "delete", "reflection", ref, "--home", home)
    assert code == 0 and f"Slettet: refleksion {ref} fra 2026-02-10: Godt 1:1 med Bo" in out
    with Journal.open(home, create=False) as journal:
        assert journal.reflections() == []


def test_delete_in_a_script_or_with_yes_asks_nothing(home, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # piped: not a terminal
    ref = short(home, "feedback")
    code, out, _ = run(capsys, "delete", "feedback", ref, "--home", home)
    assert (code, out) == (0, f"Slettet: feedback {ref} fra 2026-03-05: Tydelig\n")
    code, out, _ = run(capsys, "delete", "goal", short(home, "goal"), "--yes", "--home", home)
    assert code == 0 and "Slettet: mål" in out


def test_edit_and_delete_speak_english_with_an_english_profile(home, capsys):
    run(capsys, "init", "--lang", "en", "--home", home)
    ref = short(home, "goal")
    code, out, _ = run(capsys, "edit", "goal", ref, "--title", "Weekly", "--home", home)
    assert out == f"Updated: goal {ref}.\n"
    code, out, _ = run(capsys, "delete", "goal", ref, "--yes", "--home", home)
    assert out == f"Deleted: goal {ref} from 2026-11-02: Weekly\n"


def test_help_describes_the_new_commands(home, capsys):
    for argv, words in ((["edit", "reflection", "--help"], "--next-step"),
                        (["delete", "--help"], "--yes"),
                        (["forget", "--help"], "--initials"),
                        (["leaders", "remove", "--help"], "--yes")):  # fmt: skip
        with pytest.raises(SystemExit):
            run(capsys, *argv, "--home", home)
        out = capsys.readouterr().out
        assert words in out and "lgtrack" in out
