"""Danish throughout on the command line (issue #11): with a Danish profile no line the command
line prints is English, help and usage errors included; with an English profile it is English.
"""

from __future__ import annotations

import re
from pathlib import Path

from lgtrack.cli import COMMANDS, main

DAY = "2026-11-30"

# English words that are not Danish words, matched whole. Command and option names, values a
# command takes (reflections, achieved, manager …) and ids stay English by design: they are left
# out of the markers, or removed from the line first (see `readable_words`).
ENGLISH = re.compile(
    r"\b(the|and|with|of|your|you|this|that|what|which|when|only|show|usage|options|error|"
    r"saved|wrote|written|imported|nothing|invalid|choice|required|unrecognized|arguments|"
    r"default|reflection|behaviour|behaviours|entries|exit|message|see|summary|check)\b",
    re.IGNORECASE,
)


# A command's name at the start of a line of a --help's list of commands.
NAMES = [*COMMANDS, "add", "checkin", "close", "list", "show", "validate", "reflection", "remove"]
SUBCOMMAND = re.compile(rf"^\s+({'|'.join(NAMES)})(\s{{2,}}|$)")


def readable_words(line: str) -> str:
    """``line`` without what stays the same in every language: quoted and bracketed parts
    (examples, choices, ids like [people.g1]), command names and lines, option names, paths,
    ids and metavars (FILE, DIR)."""
    line = re.sub(r"'[^']*'|\[[^\]]*\]|\{[^}]*\}", " ", line)
    line = SUBCOMMAND.sub(" ", line)
    line = re.sub(r"\blgtrack(?: [a-z]+)*", " ", line)
    words = [
        word
        for word in line.split()
        if not word.startswith("-")
        and not any(mark in word for mark in "/=.$_@")
        and not (word.isupper() and len(word) > 1)
    ]
    return " ".join(words)


def english_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ENGLISH.search(readable_words(line))]


def run(capsys, *argv: str) -> tuple[int, str]:
    """``lgtrack ARGV`` in-process: (exit code, stdout and stderr)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # --help and usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def journal_in(tmp_path: Path, capsys, monkeypatch, lang: str) -> str:
    """A demo journal whose profile speaks ``lang``, which is also $LGTRACK_HOME (for the
    commands without --home, such as framework)."""
    home = str(tmp_path / f"journal-{lang}")
    assert main(["demo", "--home", home, "--today", DAY]) == 0
    assert main(["init", "--lang", lang, "--home", home]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LGTRACK_HOME", home)
    return home


def every_help() -> list[list[str]]:
    nested = [["goal", "add"], ["goal", "checkin"], ["goal", "close"], ["feedback", "add"]]
    nested += [["framework", action] for action in ("list", "show", "validate")]
    return [["--help"], *([name, "--help"] for name in COMMANDS), *(n + ["--help"] for n in nested)]


def outputs(capsys, home: str, tmp_path: Path) -> dict[str, str]:
    """What each command of a list prints on the journal in ``home``, by its command line."""
    at = ["--home", home]
    commands = [
        *every_help(),
        ["list", "reflections", "-n", "5", *at],
        ["list", "goals", *at],
        ["list", "feedback", "-n", "5", *at],
        ["summary", "--today", DAY, *at],
        ["framework", "list"],
        ["framework", "show", "stuk", "--level", "teamleder"],
        ["leaders", *at],
        ["export", "--format", "csv", *at],
        ["reflect", "--discipline", "self", "--rate", "1=4", "--text", "Et godt møde", *at],
        ["feedback", "add", "--from", "peer", "--discipline", "self", "--text", "Tak", *at],
        ["share", "--dry-run", "--include", "goals", *at],
        ["import", str(tmp_path / "none.json"), *at],  # bad input from here on
        ["reflect", "--discipline", "nope", "--text", "x", *at],
        ["reflect", "--discipline", "self", "--wellbeing", "godt", *at],
        ["list", "notes", *at],
        ["list", "goals", "--tag", "x", *at],
        ["goal", "close", "zzzzzz", "--status", "achieved", *at],
        ["goal", "close", "--status", "done", *at],
        ["export", "--format", "pdf", *at],
        ["frobnicate"],
        ["report", "--leader", "zzzzzz", "--out", str(tmp_path / "r.html"), *at],
    ]
    printed = {}
    code, goal_id = run(capsys, "goal", "add", "--discipline", "self", "--title", "Mål", *at)
    assert code == 0, goal_id
    printed["goal add"] = goal_id
    short = goal_id.strip()[:8]
    for argv in (["goal", "checkin", short, "--progress", "40", *at],
                 ["goal", "close", short, "--status", "achieved", *at], *commands):  # fmt: skip
        printed[" ".join(argv)] = run(capsys, *argv)[1]
    return printed


def test_with_a_danish_profile_no_line_the_command_line_prints_is_english(
    tmp_path, capsys, monkeypatch
):
    home = journal_in(tmp_path, capsys, monkeypatch, "da")
    printed = outputs(capsys, home, tmp_path)
    english = {command: lines for command, out in printed.items() if (lines := english_lines(out))}
    assert not english, english
    assert all(out.strip() for out in printed.values())  # every command said something
    assert "brug: lgtrack goal add" in printed["goal add --help"]
    assert printed["frobnicate"].startswith("lgtrack: fejl: argumentet COMMAND: ugyldigt valg")


def test_with_an_english_profile_the_same_commands_speak_english(tmp_path, capsys, monkeypatch):
    home = journal_in(tmp_path, capsys, monkeypatch, "en")
    printed = outputs(capsys, home, tmp_path)
    for argv in every_help():  # usage and options, in every --help
        out = printed[" ".join(argv)]
        assert out.startswith("usage: lgtrack") and "show this help message and exit" in out, out
    assert "examples:\n  lgtrack goal add" in printed["goal --help"]
    assert "Summary for Demo Leder" in printed[f"summary --today {DAY} --home {home}"]
    assert "disciplines" in printed["framework list"]
    assert "Reflection saved" in printed[next(c for c in printed if c.startswith("reflect --d"))]
    wellbeing = printed[f"reflect --discipline self --wellbeing godt --home {home}"]
    assert wellbeing.startswith("lgtrack: error: argument --wellbeing: invalid int value: 'godt'")
    assert "invalid choice: 'frobnicate'" in printed["frobnicate"]
    english = [command for command, out in printed.items() if english_lines(out)]
    assert len(english) > len(printed) * 2 // 3, sorted(set(printed) - set(english))


def test_help_speaks_the_language_of_the_journal_at_home(tmp_path, capsys, monkeypatch):
    english_home = journal_in(tmp_path, capsys, monkeypatch, "en")
    monkeypatch.setenv("LGTRACK_HOME", str(tmp_path / "none"))  # only --home says English
    assert run(capsys, "list", "--help", "--home", english_home)[1].startswith("usage: ")
    assert run(capsys, "list", f"--home={english_home}", "--help")[1].startswith("usage: ")
    assert run(capsys, "list", "--help")[1].startswith("brug: ")  # no profile: Danish
    assert run(capsys, "framework", "list", "--lang", "en")[1].count("disciplines") == 2


def test_the_marker_check_finds_english():
    assert english_lines("usage: lgtrack list [-h]\nbrug: lgtrack list [-h]") == [
        "usage: lgtrack list [-h]"
    ]
    assert english_lines("lgtrack: error: the file does not exist") != []
    assert english_lines("  --home DIR   journalens mappe ('lgtrack show the id')") == []


def test_a_quick_list_does_not_read_the_catalogue_for_help_it_does_not_show(
    tmp_path, capsys, monkeypatch
):
    from lgtrack import i18n

    home = journal_in(tmp_path, capsys, monkeypatch, "da")
    i18n.catalogue.cache_clear()
    assert run(capsys, "list", "reflections", "--json", "-n", "1", "--home", home)[0] == 0
    assert i18n.catalogue.cache_info().currsize == 0  # parsing it costs start-up time
    assert run(capsys, "list", "--help", "--home", home)[1].startswith("brug: ")
    assert i18n.catalogue.cache_info().currsize == 1


def test_help_wraps_to_the_terminals_width(capsys, monkeypatch):
    """argparse asks shutil for the width; lgtrack's formatter reads it itself (``COLUMNS``,
    else the terminal, else 80), so that no start of the command line imports shutil."""

    def option_line(columns: str) -> str:
        monkeypatch.setenv("COLUMNS", columns)
        code, out = run(capsys, "list", "--help")
        assert code == 0
        return next(line for line in out.splitlines() if line.startswith("  --from DATE"))

    assert len(option_line("50")) <= 48 < len(option_line("120")) <= 118
    assert len(option_line("nonsense")) <= 78  # as shutil: ignored, then the terminal or 80
