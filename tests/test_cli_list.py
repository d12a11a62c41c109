"""``lgtrack list reflections|goals|feedback``: newest first, filtered, as text lines or JSON."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.cli import main

DANISH = (
    "Et ”svært” møde – æøå ÆØÅ. Vi talte længe om prioriteringer, og teamet bad om mere klarhed."
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def stdin_is_a_terminal(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal())


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, home: str, kind: str, *argv: str) -> list[dict]:
    code, out, err = run(capsys, "list", kind, "--json", *argv, "--home", home)
    assert code == 0, err
    return json.loads(out)


def at(day: date, minute: int = 0):
    moment = datetime(day.year, day.month, day.day, 9, minute, tzinfo=timezone.utc)
    return lambda: moment


@pytest.fixture
def home(tmp_path) -> str:
    """A team leader's journal with reflections, goals (one with check-ins) and feedback."""
    path = str(tmp_path / "journal")
    journal = Journal.open(path, create=True, clock=at(date(2026, 1, 5)))
    journal.set_profile("A.B.", "teamleder")
    entries = [
        (
            date(2026, 3, 2),
            Reflection(
                day=date(2026, 3, 2),
                disciplines=("strategic",),
                tags=("plan",),
                text="Strategidag med ledergruppen",
                ratings=(Rating("strategic.g1", 4),),
                id="r1" + "0" * 34,
            ),
        ),
        (
            date(2026, 3, 5),
            Reflection(
                day=date(2026, 3, 5),
                disciplines=("people", "self"),
                tags=("1on1", "svært"),
                text=DANISH,
                ratings=(Rating("people.g1", None),),
                private=True,
                id="r2" + "0" * 34,
            ),
        ),
        (
            date(2026, 3, 9),
            Reflection(
                day=date(2026, 3, 9),
                disciplines=("self",),
                ratings=(Rating("self.g2", 3),),
                id="r3" + "0" * 34,
            ),
        ),
    ]
    for minute, (day, reflection) in enumerate(entries):
        journal.clock = at(day, minute)
        journal.add_reflection(reflection)
    journal.clock = at(date(2026, 2, 1))
    journal.add_goal(
        Goal(
            discipline="people",
            title="Ugentlige 1:1 med alle",
            behaviours=("people.g1",),
            due=date(2026, 6, 30),
            id="g1" + "0" * 34,
        )
    )
    journal.check_in("g1" + "0" * 34, 30, day=date(2026, 2, 15), note="Godt i gang")
    journal.check_in("g1" + "0" * 34, 60, day=date(2026, 3, 1))
    journal.clock = at(date(2026, 3, 1))
    journal.add_goal(Goal(discipline="self", title="Læs om feedback", id="g2" + "0" * 34))
    journal.close_goal("g2" + "0" * 34, "achieved", day=date(2026, 3, 20))
    journal.clock = at(date(2026, 3, 10))
    journal.add_goal(Goal(discipline="self", title="Skjult mål", private=True, id="g3" + "0" * 34))
    journal.add_feedback(
        Feedback(
            day=date(2026, 3, 3),
            role="peer",
            name="C.D.",
            discipline="people",
            text="Tydelig i kommunikationen",
            ratings=(Rating("people.g1", 4),),
            id="f1" + "0" * 34,
        )
    )
    journal.add_feedback(
        Feedback(
            day=date(2026, 3, 8),
            role="manager",
            discipline="self",
            ratings=(Rating("self.g1", None),),
            id="f2" + "0" * 34,
        )
    )
    journal.close()
    return path


def ids(records: list[dict]) -> list[str]:
    return [record["id"][:2] for record in records]


# -- text ---------------------------------------------------------------------------------------


def test_reflections_are_listed_newest_first_one_line_each(home, capsys):
    code, out, _ = run(capsys, "list", "reflections", "--home", home)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("2026-03-09  r3000000  ")
    assert "self.g2=3" in lines[0]  # a rating-only reflection shows its ratings
    assert lines[1].startswith(
        "2026-03-05  r2000000  people,self  #1on1 #svært  [privat] Et ”svært” møde"
    )
    assert lines[1].endswith("…")
    assert len(lines[1].split("[privat] ")[1]) == 60
    assert lines[2].startswith("2026-03-02  r1000000  strategic") and "#plan" in lines[2]
    assert lines[2].endswith("Strategidag med ledergruppen")


def test_goals_line_shows_id_status_progress_due_and_title(home, capsys):
    code, out, _ = run(capsys, "list", "goals", "--home", home)
    assert code == 0
    lines = out.splitlines()
    assert [line[:2] for line in lines] == ["g3", "g2", "g1"]
    assert lines[2].split() == [
        "g1000000",
        "åbent",
        "60",
        "%",
        "2026-06-30",
        "people",
        "Ugentlige",
        "1:1",
        "med",
        "alle",
    ]
    # an achieved goal is 100 % and "nået" (the profile's language), whatever its last check-in
    assert lines[1].split()[:3] == ["g2000000", "nået", "100"]
    assert "[privat] Skjult mål" in lines[0]


def test_feedback_line_shows_date_role_name_discipline_and_text(home, capsys):
    code, out, _ = run(capsys, "list", "feedback", "--home", home)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["2026-03-08", "f2000000", "leder", "-", "self", "self.g1=?"]
    assert lines[1].split()[:5] == ["2026-03-03", "f1000000", "kollega", "C.D.", "people"]
    assert lines[1].endswith("Tydelig i kommunikationen")


def test_the_private_marker_follows_the_profile_language(home, capsys):
    run(capsys, "init", "--lang", "en", "--home", home)
    out = run(capsys, "list", "reflections", "--home", home)[1]
    assert "[private] Et" in out


def test_an_empty_list_says_so(tmp_path, capsys):
    home = str(tmp_path / "j")
    run(capsys, "init", "--name", "A", "--level", "teamleder", "--home", home)
    assert run(capsys, "list", "goals", "--home", home)[1] == "Intet at vise.\n"
    assert run(capsys, "list", "goals", "--json", "--home", home)[1] == "[]\n"


# -- JSON ---------------------------------------------------------------------------------------


def test_json_reflections_are_full_records(home, capsys):
    records = listed(capsys, home, "reflections")
    assert ids(records) == ["r3", "r2", "r1"]
    r2 = records[1]
    assert set(r2) == {
        "id",
        "day",
        "disciplines",
        "text",
        "prompt",
        "ratings",
        "wellbeing",
        "energy",
        "tags",
        "next_step",
        "private",
        "leader_id",
        "level",
        "framework_version",
        "created_at",
        "updated_at",
    }
    assert r2["day"] == "2026-03-05"
    assert r2["disciplines"] == ["people", "self"]
    assert r2["tags"] == ["1on1", "svært"]
    assert r2["ratings"] == [{"behaviour": "people.g1", "score": None}]
    assert r2["text"] == DANISH
    assert r2["private"] is True and records[0]["private"] is False
    assert r2["level"] == "teamleder"
    assert datetime.fromisoformat(r2["created_at"]) == datetime(
        2026, 3, 5, 9, 1, tzinfo=timezone.utc
    )


def test_json_goals_include_their_checkins_and_progress(home, capsys):
    records = listed(capsys, home, "goals")
    assert ids(records) == ["g3", "g2", "g1"]
    g1 = records[2]
    assert (g1["status"], g1["progress"], g1["due"], g1["behaviours"]) == (
        "open",
        60,
        "2026-06-30",
        ["people.g1"],
    )
    assert [(c["day"], c["progress"], c["note"]) for c in g1["checkins"]] == [
        ("2026-02-15", 30, "Godt i gang"),
        ("2026-03-01", 60, ""),
    ]
    assert (records[1]["status"], records[1]["closed_on"]) == ("achieved", "2026-03-20")


def test_json_feedback_records(home, capsys):
    records = listed(capsys, home, "feedback")
    assert ids(records) == ["f2", "f1"]
    assert records[0]["ratings"] == [{"behaviour": "self.g1", "score": None}]
    assert (records[1]["role"], records[1]["name"], records[1]["day"]) == (
        "peer",
        "C.D.",
        "2026-03-03",
    )


# -- filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "argv", "expected"),
    [
        ("reflections", ["--discipline", "self"], ["r3", "r2"]),
        ("reflections", ["--behaviour", "people.g1"], ["r2"]),
        ("reflections", ["--from", "2026-03-05"], ["r3", "r2"]),
        ("reflections", ["--to", "2026-03-05"], ["r2", "r1"]),
        ("reflections", ["--from", "2026-03-05", "--to", "2026-03-05"], ["r2"]),
        ("reflections", ["--tag", "svært"], ["r2"]),
        ("reflections", ["--tag", "#plan"], ["r1"]),
        ("reflections", ["--contains", "ÆØÅ"], ["r2"]),
        ("reflections", ["--contains", "LEDERGRUPPEN"], ["r1"]),
        ("reflections", ["-n", "2"], ["r3", "r2"]),
        ("reflections", ["-n", "0"], []),
        ("reflections", ["--discipline", "self", "-n", "1"], ["r3"]),
        ("goals", ["--discipline", "self"], ["g3", "g2"]),
        ("goals", ["--behaviour", "people.g1"], ["g1"]),
        ("goals", ["--status", "open"], ["g3", "g1"]),
        ("goals", ["--from", "2026-03-01", "--to", "2026-03-01"], ["g2"]),
        ("goals", ["--contains", "læs"], ["g2"]),
        ("goals", ["-n", "1"], ["g3"]),
        ("feedback", ["--discipline", "people"], ["f1"]),
        ("feedback", ["--behaviour", "self.g1"], ["f2"]),
        ("feedback", ["--from", "2026-03-04"], ["f2"]),
        ("feedback", ["--contains", "c.d."], ["f1"]),
        ("feedback", ["-n", "1"], ["f2"]),
    ],
)
def test_filters_narrow_the_list(home, capsys, kind, argv, expected):
    assert ids(listed(capsys, home, kind, *argv)) == expected
    code, out, _ = run(capsys, "list", kind, *argv, "--home", home)
    assert code == 0
    assert [
        line[12:14] if kind != "goals" else line[:2] for line in out.splitlines() if expected
    ] == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["goals", "--tag", "plan"], "--tag gælder kun refleksioner"),
        (["feedback", "--tag", "plan"], "--tag gælder kun refleksioner"),
        (["reflections", "--status", "open"], "--status gælder kun mål"),
        (["reflections", "-n", "-1"], "-n skal være 0 eller mere"),
        (["reflections", "-n", "ti"], "ugyldig int-værdi"),
        (["reflections", "--from", "2026-03-09", "--to", "2026-03-01"], "ligger efter --to"),
        (["reflections", "--from", "2026-02-30"], "'2026-02-30' er ikke en gyldig dato"),
        (["goals", "--to", "marts"], "er ikke en gyldig dato"),
        (["reflections", "--discipline", "selv"], "ukendt disciplin 'selv'"),
        (["feedback", "--behaviour", "self.g77"], "ukendt adfærd 'self.g77'"),
        (["notes"], "ugyldigt valg"),
    ],
)
def test_bad_filters_are_one_line_errors(home, capsys, argv, message):
    code, out, err = run(capsys, "list", *argv, "--home", home)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and message in err


def test_terminal_escapes_in_entries_are_not_printed(tmp_path, capsys):
    path = str(tmp_path / "j")
    with Journal.open(path, clock=at(date(2026, 3, 1))) as journal:
        journal.set_profile("A.B.", "teamleder")
        journal.add_reflection(
            Reflection(day=date(2026, 3, 1), disciplines=("self",), tags=("a\x1b[2Jb",),
                       text="Rød \x1b]0;titel\x07 og \u202egrøn")
        )  # fmt: skip
        journal.add_feedback(
            Feedback(day=date(2026, 3, 1), role="peer", discipline="self", text="ok",
                     name="C\x1b[31mD")
        )  # fmt: skip
    out = run(capsys, "list", "reflections", "--home", path)[1]
    out += run(capsys, "list", "feedback", "--home", path)[1]
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Rød ?]0;titel? og ?grøn" in out and "#a?[2Jb" in out and "C?[31mD" in out


def test_a_coachs_journal_without_a_profile_points_to_leaders_not_a_mixed_list(tmp_path, capsys):
    from lgtrack import Leader

    path = str(tmp_path / "coach")
    with Journal.open(path, clock=at(date(2026, 3, 1))) as coach:
        for name in ("Bo", "Cy"):
            leader = coach.save_leader(
                Leader(name=name, level="teamleder", framework_id="stuk", framework_version="1.0",
                       created_at=at(date(2026, 3, 1))(), updated_at=at(date(2026, 3, 1))())
            )  # fmt: skip
            coach.add_reflection(
                Reflection(day=date(2026, 3, 1), disciplines=("self",), text=f"{name} skriver"),
                leader_id=leader.id,
            )
    for kind in ("reflections", "goals", "feedback"):
        code, out, err = run(capsys, "list", kind, "--home", path)
        assert (code, out) == (2, "")
        assert "ingen egen profil" in err and "lgtrack leaders" in err
        assert len(err.splitlines()) == 1


def test_list_needs_an_existing_journal(tmp_path, capsys):
    code, _, err = run(capsys, "list", "reflections", "--home", str(tmp_path / "none"))
    assert code == 2 and "ingen journal i" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "none").exists()


def test_list_explains_itself_with_examples(capsys):
    code, out, _ = run(capsys, "list", "--help")
    assert code == 0
    assert "eksempler:\n  lgtrack list reflections" in out
    for option in (
        "--discipline",
        "--behaviour",
        "--from",
        "--to",
        "--tag",
        "--contains",
        "-n",
        "--json",
        "--home",
    ):
        assert option in out


# -- Danish text end to end -----------------------------------------------------------------------


def test_danish_text_survives_reflect_then_list_json(home, capsys):
    run(
        capsys,
        "reflect",
        "--discipline",
        "self",
        "--text",
        DANISH,
        "--tag",
        "møde",
        "--next-step",
        "Følg op – ”hurtigt”",
        "--date",
        "2026-04-01",
        "--home",
        home,
    )
    [record] = listed(capsys, home, "reflections", "--tag", "møde")
    assert (record["text"], record["next_step"]) == (DANISH, "Følg op – ”hurtigt”")


def test_danish_text_survives_a_pipe_through_real_processes(home):
    env = {**os.environ, "LGTRACK_HOME": "/nonexistent-lgtrack-home"}
    command = [sys.executable, "-m", "lgtrack.cli"]
    done = subprocess.run(
        [*command, "reflect", "--discipline", "self", "--date", "2026-04-02", "--home", home],
        input=DANISH.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [*command, "list", "reflections", "--json", "-n", "1", "--home", home],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))[0]["text"] == DANISH
    done = subprocess.run(
        [*command, "list", "reflections", "-n", "1", "--home", home],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert "Et ”svært” møde – æøå ÆØÅ" in done.stdout.decode("utf-8")


def test_a_terminal_that_cannot_show_danish_gets_no_traceback(home):
    env = {**os.environ, "LGTRACK_HOME": "/nonexistent-lgtrack-home", "PYTHONIOENCODING": "ascii"}
    command = [sys.executable, "-m", "lgtrack.cli", "list", "reflections", "--home", home]
    done = subprocess.run(command, capture_output=True, env=env, timeout=60)
    assert (done.returncode, done.stderr) == (0, b"")
    assert b"Et ?sv?rt? m?de" in done.stdout
    done = subprocess.run([*command, "--json"], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0
    assert json.loads(done.stdout)[1]["text"] == DANISH  # \u escapes: nothing lost
