"""``lgtrack init|reflect|goal|feedback``: what a leader types is what the journal holds.

Bad input ends in exit code 2, exactly one line on stderr and an unchanged journal.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lgtrack import Goal, Journal, Rating
from lgtrack.cli import capture, main

DANISH = "Et ”svært” møde – æøå ÆØÅ; vi nåede målet"


class Terminal(io.StringIO):
    """A stdin that is an interactive terminal (nothing piped)."""

    def isatty(self) -> bool:
        return True


def piped(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors and --help
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_bad_input(code: int, err: str) -> None:
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert err.startswith(("lgtrack: fejl: ", "lgtrack: error: "))
    assert "Traceback" not in err


def snapshot(home: str) -> tuple:
    """Everything the journal holds, to compare before and after a failed command."""
    with Journal.open(home, create=False) as journal:
        return (journal.leaders(), journal.reflections(), journal.goals(), journal.feedback())


@pytest.fixture(autouse=True)
def stdin_is_a_terminal(monkeypatch) -> None:
    """Nothing piped, unless a test says otherwise."""
    monkeypatch.setattr(sys, "stdin", Terminal())


@pytest.fixture
def home(tmp_path) -> str:
    """A journal set up for a team leader."""
    path = str(tmp_path / "journal")
    assert main(["init", "--name", "A.B.", "--level", "teamleder", "--home", path]) == 0
    return path


def cli(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """``lgtrack`` as a separate process; stdin is empty (not a terminal) unless given."""
    env = {**os.environ, "LGTRACK_HOME": "/nonexistent-lgtrack-home"}
    return subprocess.run(
        [sys.executable, "-m", "lgtrack.cli", *argv],
        input=stdin or b"",
        capture_output=True,
        env=env,
        timeout=60,
    )


# -- init ---------------------------------------------------------------------------------------


def test_init_creates_the_journal_and_my_profile(tmp_path, capsys):
    home = str(tmp_path / "new")
    code, out, _ = run(
        capsys,
        "init",
        "--name",
        "Åse B.",
        "--level",
        "kontorchef",
        "--unit",
        "Kontor 3",
        "--home",
        home,
    )
    assert code == 0
    assert "oprettet" in out and "Kontorchef" in out
    me = Journal.open(home, create=False).me()
    assert (me.name, me.level, me.framework_id, me.lang, me.unit) == (
        "Åse B.",
        "kontorchef",
        "stuk",
        "da",
        "Kontor 3",
    )


def test_init_again_updates_the_profile_and_keeps_what_was_not_given(home, capsys):
    before = Journal.open(home, create=False).me()
    code, out, _ = run(capsys, "init", "--lang", "en", "--level", "kontorchef", "--home", home)
    assert code == 0
    assert "Profile updated" in out
    me = Journal.open(home, create=False).me()
    assert (me.id, me.name, me.level, me.lang) == (before.id, "A.B.", "kontorchef", "en")


def test_init_with_a_framework_without_levels_needs_no_level(tmp_path, capsys):
    home = str(tmp_path / "j")
    assert run(capsys, "init", "--name", "C", "--framework", "kodeks", "--home", home)[0] == 0
    me = Journal.open(home, create=False).me()
    assert (me.framework_id, me.level) == ("kodeks", None)


def test_init_with_a_framework_file_keeps_a_copy_in_the_journal(tmp_path, capsys):
    source = Path(__file__).parents[1] / "data" / "frameworks" / "kodeks.yaml"
    copy = tmp_path / "vores.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    home = str(tmp_path / "j")
    assert run(capsys, "init", "--name", "C", "--framework", str(copy), "--home", home)[0] == 0
    copy.unlink()
    code, _, err = run(
        capsys,
        "reflect",
        "--discipline",
        "upward",
        "--rate",
        "kodeks.r1=4",
        "--date",
        "2026-03-02",
        "--home",
        home,
    )
    assert code == 0, err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--name", "A", "--level", "chef"], "ukendt niveau 'chef'"),
        (["--name", "A"], "--level skal angives"),
        (["--level", "teamleder"], "--name skal angives"),
        (["--name", "  ", "--level", "teamleder"], "navn"),
        (["--name", "A", "--framework", "kodeks", "--level", "teamleder"], "ukendt niveau"),
        (
            ["--name", "A", "--level", "teamleder", "--framework", "nope"],
            "ukendt ramme 'nope'",
        ),
        (["--name", "A", "--level", "teamleder", "--lang", "de"], "ugyldigt valg"),
    ],
)
def test_init_rejects_bad_input_and_creates_nothing(tmp_path, capsys, argv, message):
    home = tmp_path / "j"
    code, _, err = run(capsys, "init", *argv, "--home", str(home))
    assert_bad_input(code, err)
    assert message in err
    assert not home.exists()


def test_init_rejects_a_bad_level_on_update_and_keeps_the_profile(home, capsys):
    before = snapshot(home)
    code, _, err = run(capsys, "init", "--level", "minister", "--home", home)
    assert_bad_input(code, err)
    assert snapshot(home) == before


def test_init_refuses_to_switch_framework_when_entries_exist(home, capsys):
    run(
        capsys,
        "reflect",
        "--discipline",
        "self",
        "--text",
        "x",
        "--date",
        "2026-03-02",
        "--home",
        home,
    )
    before = snapshot(home)
    code, _, err = run(capsys, "init", "--framework", "kodeks", "--home", home)
    assert_bad_input(code, err)
    assert "kan ikke skifte" in err
    assert snapshot(home) == before


# -- reflect ------------------------------------------------------------------------------------


def test_reflect_stores_every_option(home, capsys):
    code, out, _ = run(
        capsys,
        "reflect",
        "--discipline",
        "people",
        "--discipline",
        "self",
        "--rate",
        "people.teamleder.1=4",
        "--rate",
        "people.g1=?",
        "--text",
        DANISH,
        "--date",
        "2026-03-02",
        "--tag",
        "#1on1",
        "--tag",
        "svært",
        "--next-step",
        "Spørg teamet",
        "--private",
        "--prompt",
        "Hvad lærte du?",
        "--wellbeing",
        "4",
        "--energy",
        "2",
        "--home",
        home,
    )
    assert code == 0
    [r] = Journal.open(home, create=False).reflections()
    assert r.id in out
    assert r.day == date(2026, 3, 2)
    assert r.disciplines == ("people", "self")
    assert r.ratings == (Rating("people.teamleder.1", 4), Rating("people.g1", None))
    assert (r.text, r.next_step, r.prompt) == (DANISH, "Spørg teamet", "Hvad lærte du?")
    assert r.tags == ("1on1", "svært")
    assert (r.private, r.wellbeing, r.energy, r.level) == (True, 4, 2, "teamleder")


def test_reflect_is_about_today_by_default(home, capsys, monkeypatch):
    monkeypatch.setattr(capture, "today", lambda: date(2026, 5, 17))
    assert run(capsys, "reflect", "--discipline", "self", "--text", "x", "--home", home)[0] == 0
    assert Journal.open(home, create=False).reflections()[0].day == date(2026, 5, 17)


def test_reflect_with_ratings_only_needs_no_text(home, capsys):
    code, _, _ = run(
        capsys,
        "reflect",
        "--discipline",
        "strategic",
        "--rate",
        "strategic.g2=5",
        "--date",
        "2026-03-02",
        "--home",
        home,
    )
    assert code == 0
    [r] = Journal.open(home, create=False).reflections()
    assert (r.text, r.ratings) == ("", (Rating("strategic.g2", 5),))


def test_reflect_reads_the_text_from_stdin(home, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", piped(("\ufeff" + DANISH + "\n").encode("utf-8")))
    code, _, _ = run(
        capsys, "reflect", "--discipline", "self", "--date", "2026-03-02", "--home", home
    )
    assert code == 0
    assert Journal.open(home, create=False).reflections()[0].text == DANISH


def test_reflect_text_dash_reads_stdin(home, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", piped(b"fra stdin"))
    assert (
        run(
            capsys,
            "reflect",
            "--discipline",
            "self",
            "--text",
            "-",
            "--date",
            "2026-03-02",
            "--home",
            home,
        )[0]
        == 0
    )
    assert Journal.open(home, create=False).reflections()[0].text == "fra stdin"


def test_reflect_without_text_or_ratings_at_a_terminal_is_an_error(home, capsys):
    before = snapshot(home)
    code, _, err = run(
        capsys, "reflect", "--discipline", "self", "--date", "2026-03-02", "--home", home
    )
    assert_bad_input(code, err)
    assert "ingen tekst" in err
    assert snapshot(home) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--discipline", "selv", "--text", "x"], "ukendt disciplin 'selv'"),
        (["--discipline", "self", "--rate", "self.g99=3"], "ukendt adfærd 'self.g99'"),
        (["--discipline", "self", "--rate", "strategic.g1=3"], "hører til disciplinen 'strategic'"),
        (["--discipline", "self", "--rate", "self.g1=6"], "uden for skalaen 1–5"),
        (["--discipline", "self", "--rate", "self.g1=0"], "uden for skalaen 1–5"),
        (["--discipline", "self", "--rate", "self.g1=fire"], "er ikke et helt tal"),
        (["--discipline", "self", "--rate", "self.g1"], "har ikke formen ADFÆRD=SCORE"),
        (
            ["--discipline", "self", "--rate", "self.g1=3", "--rate", "self.g1=4"],
            "vurderet to gange",
        ),
        (
            ["--discipline", "self", "--text", "x", "--date", "2026-02-30"],
            "'2026-02-30' er ikke en gyldig dato",
        ),
        (["--discipline", "self", "--text", "x", "--date", "2.3.2026"], "er ikke en gyldig dato"),
        (["--discipline", "self", "--text", "x", "--wellbeing", "7"], "trivslen"),
        (["--discipline", "self", "--text", "x", "--energy", "høj"], "ugyldig int-værdi"),
        (["--discipline", "self", "--text", "x", "--tag", "to ord"], "ugyldigt tag"),
        (["--discipline", "self", "--text", "x" * 100_001], "længere end 100.000"),
        (["--discipline", "self", "--text", "   "], "refleksionen er tom"),
        (["--text", "x"], "--discipline"),
    ],
)
def test_reflect_rejects_bad_input_and_writes_nothing(home, capsys, argv, message):
    before = snapshot(home)
    code, _, err = run(capsys, "reflect", *argv, "--home", home)
    assert_bad_input(code, err)
    assert message in err
    assert snapshot(home) == before


def test_reflect_needs_an_existing_journal(tmp_path, capsys):
    home = tmp_path / "none"
    code, _, err = run(
        capsys, "reflect", "--discipline", "self", "--text", "x", "--home", str(home)
    )
    assert_bad_input(code, err)
    assert "ingen journal i" in err
    assert not home.exists()


def test_reflect_needs_a_profile(tmp_path, capsys):
    home = str(tmp_path / "j")
    Journal.open(home, create=True).close()
    code, _, err = run(capsys, "reflect", "--discipline", "self", "--text", "x", "--home", home)
    assert_bad_input(code, err)
    assert "lgtrack init" in err


# -- goals --------------------------------------------------------------------------------------


def add_goal(capsys, home: str, *extra: str) -> str:
    code, out, err = run(
        capsys,
        "goal",
        "add",
        "--discipline",
        "people",
        "--title",
        "Ugentlige 1:1",
        *extra,
        "--home",
        home,
    )
    assert code == 0, err
    return out.strip()


def test_goal_add_prints_only_the_new_id(home, capsys):
    goal_id = add_goal(
        capsys,
        home,
        "--behaviour",
        "people.g1",
        "--behaviour",
        "people.teamleder.2",
        "--due",
        "2026-12-31",
        "--why",
        "Tillid",
        "--success",
        "Alle har haft 1:1",
    )
    goal = Journal.open(home, create=False).get_goal(goal_id)
    assert (goal.discipline, goal.title, goal.status) == ("people", "Ugentlige 1:1", "open")
    assert goal.behaviours == ("people.g1", "people.teamleder.2")
    assert (goal.due, goal.why, goal.success) == (date(2026, 12, 31), "Tillid", "Alle har haft 1:1")


def test_goal_checkin_accepts_a_six_character_prefix(home, capsys):
    goal_id = add_goal(capsys, home)
    code, out, _ = run(
        capsys,
        "goal",
        "checkin",
        goal_id[:6].upper(),
        "--progress",
        "40",
        "--note",
        "Halvvejs – godt",
        "--date",
        "2026-04-01",
        "--home",
        home,
    )
    assert code == 0
    assert "40 %" in out
    goal = Journal.open(home, create=False).get_goal(goal_id)
    [checkin] = goal.checkins
    assert (checkin.day, checkin.progress, checkin.note, goal.progress) == (
        date(2026, 4, 1),
        40,
        "Halvvejs – godt",
        40,
    )


def test_goal_checkin_is_dated_today_by_default(home, capsys, monkeypatch):
    monkeypatch.setattr(capture, "today", lambda: date(2026, 6, 1))
    goal_id = add_goal(capsys, home)
    assert run(capsys, "goal", "checkin", goal_id, "--progress", "10", "--home", home)[0] == 0
    assert Journal.open(home, create=False).get_goal(goal_id).checkins[0].day == date(2026, 6, 1)


def test_goal_close_marks_it_achieved(home, capsys):
    goal_id = add_goal(capsys, home)
    code, out, _ = run(
        capsys,
        "goal",
        "close",
        goal_id[:8],
        "--status",
        "achieved",
        "--date",
        "2026-05-01",
        "--home",
        home,
    )
    assert code == 0
    assert "nået" in out
    goal = Journal.open(home, create=False).get_goal(goal_id)
    assert (goal.status, goal.closed_on) == ("achieved", date(2026, 5, 1))


def test_goal_close_twice_keeps_the_first_closing_day(home, capsys):
    goal_id = add_goal(capsys, home)
    run(
        capsys,
        "goal",
        "close",
        goal_id,
        "--status",
        "dropped",
        "--date",
        "2026-05-01",
        "--home",
        home,
    )
    code, out, _ = run(
        capsys,
        "goal",
        "close",
        goal_id,
        "--status",
        "dropped",
        "--date",
        "2026-06-01",
        "--home",
        home,
    )
    assert code == 0
    assert "allerede" in out
    assert Journal.open(home, create=False).get_goal(goal_id).closed_on == date(2026, 5, 1)


@pytest.fixture
def twins(home) -> tuple[str, str]:
    """Two goals whose ids share their first eight characters."""
    ids = ("abcdef12-0000-4000-8000-000000000001", "abcdef12-0000-4000-8000-000000000002")
    with Journal.open(home, create=False) as journal:
        for goal_id in ids:
            journal.add_goal(Goal(discipline="self", title="Tvilling", id=goal_id))
    return ids


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["checkin", "abcdef12", "--progress", "10"], "passer på 2 mål"),
        (["checkin", "abcde", "--progress", "10"], "for kort"),
        (["checkin", "0123456789", "--progress", "10"], "intet mål med id'et '0123456789'"),
        (["checkin", "abcdef12-0000-4000-8000-000000000001", "--progress", "101"], "0 til 100"),
        (["checkin", "abcdef12-0000-4000-8000-000000000001", "--progress", "-1"], "0 til 100"),
        (["checkin", "abcdef12-0000-4000-8000-000000000001", "--progress", "meget"], "ugyldig int"),
        (
            [
                "checkin",
                "abcdef12-0000-4000-8000-000000000001",
                "--progress",
                "5",
                "--date",
                "2026-13-01",
            ],
            "ikke en gyldig dato",
        ),
        (["close", "abcdef12", "--status", "achieved"], "passer på 2 mål"),
        (["close", "abcdef12-0000-4000-8000-000000000001", "--status", "done"], "ugyldigt valg"),
        (["close", "ffffffff", "--status", "achieved"], "intet mål med id"),
        (["add", "--discipline", "selv", "--title", "T"], "ukendt disciplin 'selv'"),
        (["add", "--discipline", "self", "--title", " "], "et mål skal have en titel"),
        (
            ["add", "--discipline", "self", "--title", "T", "--behaviour", "people.g1"],
            "hører til disciplinen",
        ),
        (
            ["add", "--discipline", "self", "--title", "T", "--behaviour", "self.g42"],
            "ukendt adfærd",
        ),
        (
            ["add", "--discipline", "self", "--title", "T", "--due", "2026-02-29"],
            "ikke en gyldig dato",
        ),
        (["add", "--discipline", "self"], "--title"),
    ],
)
def test_goal_commands_reject_bad_input_and_write_nothing(home, twins, capsys, argv, message):
    before = snapshot(home)
    code, _, err = run(capsys, "goal", *argv, "--home", home)
    assert_bad_input(code, err)
    assert message in err
    assert snapshot(home) == before


# -- feedback -----------------------------------------------------------------------------------


def test_feedback_add_stores_every_option(home, capsys):
    code, out, _ = run(
        capsys,
        "feedback",
        "add",
        "--from",
        "employee",
        "--name",
        "Ø.K.",
        "--discipline",
        "people",
        "--rate",
        "people.g1=4",
        "--rate",
        "people.g2=?",
        "--text",
        DANISH,
        "--date",
        "2026-03-05",
        "--private",
        "--home",
        home,
    )
    assert code == 0
    [item] = Journal.open(home, create=False).feedback()
    assert item.id in out
    assert (item.day, item.role, item.name, item.discipline) == (
        date(2026, 3, 5),
        "employee",
        "Ø.K.",
        "people",
    )
    assert item.ratings == (Rating("people.g1", 4), Rating("people.g2", None))
    assert (item.text, item.private) == (DANISH, True)


def test_feedback_text_can_come_from_stdin(home, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", piped(DANISH.encode("utf-8")))
    code, _, _ = run(
        capsys,
        "feedback",
        "add",
        "--from",
        "manager",
        "--discipline",
        "self",
        "--date",
        "2026-03-05",
        "--home",
        home,
    )
    assert code == 0
    assert Journal.open(home, create=False).feedback()[0].text == DANISH


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "chef", "--discipline", "self", "--text", "x"], "ugyldigt valg: 'chef'"),
        (["--from", "peer", "--discipline", "selv", "--text", "x"], "ukendt disciplin"),
        (
            ["--from", "peer", "--discipline", "self", "--rate", "people.g1=3"],
            "hører til disciplinen",
        ),
        (["--from", "peer", "--discipline", "self", "--rate", "self.g1=9"], "uden for skalaen"),
        (["--from", "peer", "--discipline", "self"], "ingen tekst"),
        (
            ["--from", "peer", "--discipline", "self", "--text", "x", "--date", "2026-02-30"],
            "ikke en gyldig dato",
        ),
        (["--discipline", "self", "--text", "x"], "--from"),
    ],
)
def test_feedback_add_rejects_bad_input_and_writes_nothing(home, capsys, argv, message):
    before = snapshot(home)
    code, _, err = run(capsys, "feedback", "add", *argv, "--home", home)
    assert_bad_input(code, err)
    assert message in err
    assert snapshot(home) == before


# -- help ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["init"], ["reflect"], ["goal", "add"], ["goal", "checkin"], ["goal", "close"],
     ["feedback", "add"], ["goal"], ["feedback"]],
)  # fmt: skip
def test_every_capture_command_explains_itself_with_an_example(capsys, command):
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0
    assert re.search(rf"eksemp(el|ler):\n  (id=\$\()?lgtrack {' '.join(command)}", out), out
    if len(command) == 2 or command[0] in ("init", "reflect"):
        assert "--home DIR" in out


# -- as a real process: stdin, exit codes, no tracebacks ------------------------------------------


@pytest.fixture
def process_home(tmp_path) -> str:
    home = str(tmp_path / "p")
    assert cli("init", "--name", "A.B.", "--level", "teamleder", "--home", home).returncode == 0
    return home


def test_piped_danish_text_arrives_intact(process_home):
    done = cli(
        "reflect",
        "--discipline",
        "self",
        "--date",
        "2026-03-02",
        "--home",
        process_home,
        stdin=(DANISH + "\n").encode("utf-8"),
    )
    assert done.returncode == 0, done.stderr
    assert Journal.open(process_home, create=False).reflections()[0].text == DANISH


def assert_process_bad_input(done: subprocess.CompletedProcess, message: str) -> None:
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert len(err.splitlines()) == 1, err
    assert message in err
    assert "Traceback" not in err
    assert done.stdout == b""


def test_piped_text_that_is_not_utf8_is_one_line_error(process_home):
    before = snapshot(process_home)
    done = cli(
        "reflect", "--discipline", "self", "--home", process_home, stdin="Møde".encode("latin-1")
    )
    assert_process_bad_input(done, "ikke UTF-8")
    assert snapshot(process_home) == before


def test_piped_text_over_the_limit_is_one_line_error(process_home):
    before = snapshot(process_home)
    too_long = ("æ" * (capture.MAX_STDIN_CHARS + 1)).encode("utf-8")
    done = cli("reflect", "--discipline", "self", "--home", process_home, stdin=too_long)
    assert_process_bad_input(done, "længere end 100.000 tegn")
    done = cli(
        "feedback",
        "add",
        "--from",
        "peer",
        "--discipline",
        "self",
        "--home",
        process_home,
        stdin=b"x" * (4 * capture.MAX_STDIN_CHARS + 10),
    )
    assert_process_bad_input(done, "længere end 100.000 tegn")
    assert snapshot(process_home) == before


def test_empty_stdin_with_ratings_is_a_rating_only_reflection(process_home):
    done = cli("reflect", "--discipline", "self", "--rate", "self.g1=?", "--home", process_home)
    assert done.returncode == 0, done.stderr
    [r] = Journal.open(process_home, create=False).reflections()
    assert (r.text, r.ratings) == ("", (Rating("self.g1", None),))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["reflect", "--discipline", "self", "--text", "x", "--date", "2026-02-30"],
            "ikke en gyldig dato",
        ),
        (["goal", "checkin", "zzzzzzzz", "--progress", "1"], "intet mål med id"),
        (
            ["goal", "add", "--discipline", "self", "--title", "T", "--due", "i morgen"],
            "ikke en gyldig dato",
        ),
        (
            ["feedback", "add", "--from", "peer", "--discipline", "x", "--text", "y"],
            "ukendt disciplin",
        ),
        (["init", "--level", "direktør"], "ukendt niveau"),
    ],
)
def test_a_real_process_exits_2_with_one_line_and_no_traceback(process_home, argv, message):
    before = snapshot(process_home)
    assert_process_bad_input(cli(*argv, "--home", process_home), message)
    assert snapshot(process_home) == before


def test_commands_without_a_journal_say_so_in_one_line(tmp_path):
    for argv in (
        ["reflect", "--discipline", "self", "--text", "x"],
        ["goal", "close", "abcdef", "--status", "dropped"],
        ["feedback", "add", "--from", "peer", "--discipline", "self", "--text", "x"],
    ):
        assert_process_bad_input(cli(*argv, "--home", str(tmp_path / "none")), "ingen journal i")
    assert not (tmp_path / "none").exists()


def test_capture_and_list_do_not_import_pandas_or_matplotlib(process_home):
    script = (
        "import sys\n"
        "from lgtrack.cli import main\n"
        f"home = {process_home!r}\n"
        "main(['reflect', '--discipline', 'self', '--text', 'x', '--home', home])\n"
        "main(['goal', 'add', '--discipline', 'self', '--title', 'T', '--home', home])\n"
        "main(['list', 'reflections', '--json', '--home', home])\n"
        "heavy = ('pandas', 'matplotlib', 'numpy', 'ipywidgets', 'IPython')\n"
        "print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=60, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout
