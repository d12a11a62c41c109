"""``lgtrack forget TEXT``: a person's name is found in every entry, whole words only, in any
case and Danish spelling; ``--initials`` and ``--remove`` change all of it at once, or nothing."""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone

import pytest
from cli_support import Terminal, run

from lgtrack import Feedback, Goal, Journal, Reflection, coaching
from lgtrack.errors import ValidationError
from lgtrack.forgetting import INITIALS, REMOVE, find, forget, initials, name_pattern
from lgtrack.records import Action, CoachSession

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Søren Ågård", "SØREN ÅGÅRD"),
        ("Søren Ågård", "soeren aagaard"),
        ("soeren aagaard", "Søren Ågård"),
        ("Soren Agard", "Søren Ågård"),
        ("Søren Ågård", "Sören  Ågard"),
        ("Mette Hansen", "mette\nhansen"),
        ("Jæger", "Jaeger"),
        ("Jaeger", "Jäger"),
        ("René", "Rene"),
    ],
)
def test_a_name_matches_in_any_case_and_danish_spelling(name, text):
    assert name_pattern(name).search(f"Talte med {text}, i dag")


@pytest.mark.parametrize(
    ("name", "text"),
    [("Mette", "Mettes"), ("Mette", "Anne-Mettea"), ("Bo", "Bodil"), ("Mette Hansen", "Mette")],
)
def test_only_whole_words_match(name, text):
    assert not name_pattern(name).search(f"Talte med {text} i dag")


def test_a_name_of_one_letter_or_none_is_refused():
    for name in ("", "  ", "M"):
        with pytest.raises(ValidationError):
            name_pattern(name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mette Hansen", "M.H."),
        ("søren ågård", "S.Å."),
        ("Anne-Marie Holm", "A.-M.H."),
        ("Bo", "B."),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    me = journal.set_profile("Ida Holm", "teamleder")
    journal.add_reflection(
        Reflection(day=date(2026, 2, 10), disciplines=("people",),
                   text="Godt 1:1 med Mette Hansen. Mette Hansen var glad.",
                   next_step="Spørg mette hansen om ferien", tags=("mette", "1-1"))
    )  # fmt: skip
    journal.add_reflection(
        Reflection(day=date(2026, 2, 11), disciplines=("self",), text="Mettes dag, ikke hendes")
    )
    goal = journal.add_goal(Goal(discipline="people", title="Støt Mette Hansen", why="Ny"))
    journal.check_in(goal.id, 30, note="Talt med Mette Hansen", day=date(2026, 3, 1))
    journal.add_feedback(
        Feedback(day=date(2026, 3, 5), role="peer", name="Mette Hansen", discipline="people",
                 text="Ros fra METTE HANSEN", private=True)
    )  # fmt: skip
    coaching.save_session(
        journal, CoachSession(leader_id=me.id, day=date(2026, 3, 9), reality="Mette Hansen?")
    )
    coaching.add_action(journal, Action(leader_id=me.id, text="Ring til Mette Hansen"))
    yield journal
    journal.close()


def test_find_shows_every_place(journal):
    places = find(journal, "mette hansen")
    assert [(p.kind, p.field) for p in places] == [
        ("reflection", "text"), ("reflection", "text"), ("reflection", "next_step"),
        ("goal", "title"), ("checkin", "note"), ("feedback", "text"), ("feedback", "name"),
        ("session", "reality"), ("action", "text"),
    ]  # fmt: skip
    assert places[0].snippet == "Godt 1:1 med Mette Hansen. Mette Hansen var glad."
    assert places[0].day == date(2026, 2, 10)
    assert [p.field for p in find(journal, "Mette")][:4] == ["text", "text", "next_step", "tags"]


def test_forget_with_initials_changes_every_place(journal):
    changed = forget(journal, "Mette Hansen", INITIALS)
    assert len(changed) == 9
    reflection = journal.reflections()[1]
    assert reflection.text == "Godt 1:1 med M.H.. M.H. var glad."
    assert reflection.next_step == "Spørg M.H. om ferien"
    goal = journal.goals()[0]
    assert (goal.title, goal.checkins[0].note) == ("Støt M.H.", "Talt med M.H.")
    item = journal.feedback()[0]
    assert (item.name, item.text, item.private) == ("M.H.", "Ros fra M.H.", True)
    me = journal.require_me().id
    assert coaching.sessions(journal, me)[0].reality == "M.H.?"
    assert coaching.actions(journal, me)[0].text == "Ring til M.H."
    assert find(journal, "Mette Hansen") == []
    assert journal.reflections()[0].text == "Mettes dag, ikke hendes"


def test_forget_remove_takes_the_name_and_a_space(journal):
    forget(journal, "Mette", REMOVE)
    reflection = journal.reflections()[1]
    assert reflection.text == "Godt 1:1 med Hansen. Hansen var glad."
    assert reflection.tags == ("1-1",)  # the tag that was the name is gone
    assert journal.feedback()[0].name == "Hansen"


def test_an_entry_left_empty_stops_it_all_and_nothing_changes(journal):
    journal.add_goal(Goal(discipline="self", title="Mette Hansen"))
    before = (journal.reflections(), journal.goals(), journal.feedback())
    with pytest.raises(ValidationError) as error:
        forget(journal, "Mette Hansen", REMOVE)
    assert "nothing was changed" in str(error.value) and "goal" in str(error.value)
    assert (journal.reflections(), journal.goals(), journal.feedback()) == before


# -- the command line ---------------------------------------------------------------------------


@pytest.fixture
def home(tmp_path) -> str:
    path = str(tmp_path / "journal")
    with Journal.open(path, clock=lambda: NOW) as journal:
        journal.set_profile("Ida Holm", "teamleder")
        journal.add_reflection(
            Reflection(day=date(2026, 2, 10), disciplines=("people",),
                       text="Godt 1:1 med Mette Hansen om ferien")
        )  # fmt: skip
        journal.add_goal(Goal(discipline="people", title="Støt Mette Hansen"))
    return path


def texts(home: str) -> list[str]:
    with Journal.open(home, create=False) as journal:
        return [journal.reflections()[0].text, journal.goals()[0].title]


def test_without_an_option_forget_only_shows(home, capsys):
    code, out, err = run(capsys, "forget", "mette hansen", "--home", home)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["dato", "hvad", "id", "felt", "tekst"]
    assert lines[1].startswith("2026-02-10  refleksion  ")
    assert lines[1].endswith("tekst  Godt 1:1 med Mette Hansen om ferien")
    assert lines[2].startswith("2026-11-02  mål")
    assert lines[-1].startswith("Fundet 2 steder. Intet er ændret")
    assert texts(home) == ["Godt 1:1 med Mette Hansen om ferien", "Støt Mette Hansen"]


def test_forget_initials_asks_on_a_terminal(home, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("nej\n"))
    code, out, _ = run(capsys, "forget", "Mette Hansen", "--initials", "--home", home)
    assert code == 0 and out.endswith("Intet er ændret.\n")
    assert texts(home)[1] == "Støt Mette Hansen"
    monkeypatch.setattr(sys, "stdin", Terminal("ja\n"))
    code, out, _ = run(capsys, "forget", "Mette Hansen", "--initials", "--home", home)
    assert out.endswith("Navnet er erstattet med initialer (2 steder) og er væk fra disken.\n")
    assert texts(home) == ["Godt 1:1 med M.H. om ferien", "Støt M.H."]


def test_forget_remove_and_a_name_that_is_nowhere(home, capsys):
    code, out, _ = run(capsys, "forget", "Mette Hansen", "--remove", "--yes", "--home", home)
    assert code == 0 and out.endswith("Navnet er fjernet (2 steder) og er væk fra disken.\n")
    assert texts(home) == ["Godt 1:1 med om ferien", "Støt"]
    code, out, _ = run(capsys, "forget", "Mette Hansen", "--remove", "--home", home)
    assert (code, out) == (0, "'Mette Hansen' står ingen steder i journalen.\n")


def test_bad_forget_input_is_one_line(home, capsys):
    code, out, err = run(capsys, "forget", "M", "--home", home)
    assert (code, out) == (2, "") and err.startswith("lgtrack: fejl: skriv mindst 2 tegn")
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "forget", "Mette", "--initials", "--remove", "--home", home)
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2 and len(err.splitlines()) == 1
