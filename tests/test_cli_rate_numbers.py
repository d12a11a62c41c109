"""``--rate N=SCORE``: the N-th behaviour of the discipline at my level, numbered as
``lgtrack framework show --level LEVEL`` prints them, beside ``--rate ID=SCORE``."""

from __future__ import annotations

import re

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (an autouse fixture)

from lgtrack import Journal
from lgtrack.cli import main
from lgtrack.framework import load_framework

NUMBERED = re.compile(r"^\s+(\d+)\. \[([a-z.0-9]+)\]", re.MULTILINE)


@pytest.fixture
def home(tmp_path, capsys) -> str:
    path = str(tmp_path / "journal")
    assert main(["init", "--name", "A.B.", "--level", "teamleder", "--home", path]) == 0
    capsys.readouterr()
    return path


def shown_numbers(capsys, discipline: str) -> dict[int, str]:
    """The number → id pairs `framework show --level teamleder` prints under a discipline."""
    code, out, _ = run(capsys, "framework", "show", "stuk", "--level", "teamleder")
    assert code == 0
    name = load_framework("stuk").discipline(discipline).name.get("da")
    section = out.split(name + "\n")[1].split("\n\n")[0]
    return {int(number): behaviour for number, behaviour in NUMBERED.findall(section)}


def saved(home: str):
    with Journal.open(home) as journal:
        return journal.reflections(), journal.feedback()


def test_framework_show_numbers_general_then_level_behaviours(capsys):
    numbers = shown_numbers(capsys, "people")
    people = load_framework("stuk").discipline("people")
    expected = [b.id for b in people.behaviours_for("teamleder")]
    assert list(numbers) == list(range(1, len(expected) + 1))
    assert list(numbers.values()) == expected


def test_reflect_rates_by_the_number_framework_show_prints(home, capsys):
    numbers = shown_numbers(capsys, "people")
    code, _, err = run(capsys, "reflect", "--discipline", "people", "--rate", "2=4",
                       "--rate", "10=?", "--rate", "people.g1=3", "--text", "1:1", "--home", home)  # fmt: skip
    assert code == 0, err
    (reflection,), _ = saved(home)
    assert [(r.behaviour, r.score) for r in reflection.ratings] == [
        (numbers[2], 4),
        (numbers[10], None),
        ("people.g1", 3),
    ]
    assert numbers[10].startswith("people.teamleder.")  # past the general ones: my level's


def test_feedback_rates_by_number_too(home, capsys):
    numbers = shown_numbers(capsys, "self")
    code, _, err = run(capsys, "feedback", "add", "--from", "peer", "--discipline", "self",
                       "--rate", "1=5", "--text", "Godt", "--home", home)  # fmt: skip
    assert code == 0, err
    _, (feedback,) = saved(home)
    assert [(r.behaviour, r.score) for r in feedback.ratings] == [(numbers[1], 5)]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--discipline", "self", "--rate", "99=4"], "self har adfærd nummer 1–"),
        (["--discipline", "self", "--rate", "0=4"], "framework show stuk --level teamleder"),
        (["--discipline", "self", "--discipline", "people", "--rate", "2=4"], "tvetydigt"),
    ],
)
def test_a_number_that_names_no_behaviour_is_one_line_and_writes_nothing(home, capsys, argv, words):
    code, out, err = run(capsys, "reflect", *argv, "--text", "x", "--home", home)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and words in err
    assert saved(home) == ([], [])


def test_the_help_says_what_a_number_means(capsys):
    with pytest.raises(SystemExit):
        main(["reflect", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "dens nummer i --discipline på dit niveau" in out
    assert "med flere --discipline: brug id'et" in out
