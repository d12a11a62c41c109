"""``lgtrack summary``: one line per discipline, as JSON with exact numbers or as a table."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.cli import main

TODAY = "2026-06-30"  # last 90 days: 2 Apr … 30 Jun; the 90 before: 2 Jan … 1 Apr


class Clock:
    def __init__(self, moment: datetime):
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def build(path: str, lang: str = "da") -> None:
    clock = Clock(datetime(2026, 6, 20, 9, tzinfo=timezone.utc))
    j = Journal.open(path, create=True, clock=clock)
    j.set_profile("A.B.", "teamleder", lang=lang)

    def reflect(day: date, disciplines: tuple[str, ...], *ratings: tuple[str, int | None]):
        j.add_reflection(
            Reflection(
                day=day,
                disciplines=disciplines,
                text="Refleksion",
                ratings=tuple(Rating(b, s) for b, s in ratings),
            )
        )

    def feedback(day: date, discipline: str, *ratings: tuple[str, int | None]):
        j.add_feedback(
            Feedback(
                day=day,
                role="peer",
                discipline=discipline,
                ratings=tuple(Rating(b, s) for b, s in ratings),
            )
        )

    # A reflection late in the evening of 10 June (UTC): its day decides, not the clock.
    clock.now = datetime(2026, 6, 10, 23, 55, tzinfo=timezone.utc)
    reflect(
        date(2026, 6, 10),
        ("people", "strategic"),
        ("strategic.g1", 4),
        ("strategic.g2", None),
        ("people.g1", 2),
    )
    reflect(date(2026, 4, 2), ("strategic",), ("strategic.g1", 3))  # first day of the 90
    reflect(date(2026, 4, 1), ("strategic",), ("strategic.g3", 5))  # last day of the 90 before
    reflect(date(2026, 1, 2), ("strategic",), ("strategic.g1", 1))  # first day of the 90 before
    reflect(date(2026, 1, 1), ("strategic",), ("strategic.g1", 2))  # in no window
    reflect(date(2026, 7, 1), ("strategic",), ("strategic.g1", 5))  # after today: left out
    feedback(date(2026, 5, 1), "strategic", ("strategic.g4", 2), ("strategic.g5", None))
    feedback(date(2026, 1, 2), "people", ("people.g1", 5))  # first of the 180 days
    feedback(date(2026, 1, 1), "strategic", ("strategic.g1", 1))  # outside the 180 days
    clock.now = datetime(2026, 6, 20, 9, tzinfo=timezone.utc)
    j.add_goal(
        Goal(discipline="strategic", title="Sætte retning", behaviours=("strategic.teamleder.1",))
    )
    j.add_goal(Goal(discipline="strategic", title="Uden adfærd"))
    dropped = j.add_goal(Goal(discipline="people", title="Opgivet mål"))
    j.close_goal(dropped.id, "dropped", day=date(2026, 6, 21))
    j.close()


@pytest.fixture
def home(tmp_path) -> str:
    path = str(tmp_path / "journal")
    build(path)
    return path


EMPTY = {
    "reflections": 0,
    "self_mean_90d": None,
    "self_mean_prev_90d": None,
    "coverage": 0.0,
    "open_goals": 0,
    "others_mean": None,
    "others_n": 0,
}


def test_json_shape_and_numbers(capsys, home):
    code, out, err = run(capsys, "summary", "--json", "--today", TODAY, "--home", home)
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "disciplines": [
            {
                "id": "strategic",
                "reflections": 5,
                "self_mean_90d": 3.5,
                "self_mean_prev_90d": 3.0,
                # covered: g1 (own), g4 (feedback), teamleder.1 (goal) of 8 general + 6 team leader
                "coverage": 0.214,
                "open_goals": 2,
                "others_mean": 2.0,
                "others_n": 1,
            },
            {"id": "operational", **EMPTY},
            {"id": "professional", **EMPTY},
            {
                "id": "people",
                "reflections": 1,
                "self_mean_90d": 2.0,
                "self_mean_prev_90d": None,
                "coverage": 0.071,
                "open_goals": 0,
                "others_mean": 5.0,
                "others_n": 1,
            },
            {"id": "self", **EMPTY},
        ]
    }
    keys = list(json.loads(out)["disciplines"][0])
    assert keys == [
        "id",
        "reflections",
        "self_mean_90d",
        "self_mean_prev_90d",
        "coverage",
        "open_goals",
        "others_mean",
        "others_n",
    ]


def test_a_later_today_moves_the_windows(capsys, home):
    code, out, _ = run(capsys, "summary", "--json", "--today", "2026-07-01", "--home", home)
    strategic = json.loads(out)["disciplines"][0]
    # 1 Jul: the 90 days are 3 Apr … 1 Jul and the 90 before 3 Jan … 2 Apr
    assert (strategic["reflections"], strategic["self_mean_90d"]) == (6, 4.5)
    assert strategic["self_mean_prev_90d"] == 4.0  # 2 Apr's 3 and 1 Apr's 5; 2 Jan dropped out


def test_text_table_in_danish(capsys, home):
    code, out, err = run(capsys, "summary", "--today", TODAY, "--home", home)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Overblik for A.B. (Teamleder) pr. 2026-06-30"
    assert lines[2].split() == [
        "Disciplin",
        "Refleksioner",
        "Selv",
        "90",
        "d",
        "Forrige",
        "90",
        "d",
        "Dækning",
        "Åbne",
        "mål",
        "Andre",
        "180",
        "d",
        "n",
    ]
    assert lines[3].split() == [
        "Strategisk",
        "ledelse",
        "5",
        "3,50",
        "3,00",
        "21",
        "%",
        "2",
        "2,00",
        "1",
    ]
    assert lines[4].split() == ["Driftsledelse", "0", "–", "–", "0", "%", "0", "–", "0"]
    assert "Ved ikke" in out


def test_text_table_in_the_profiles_language(capsys, tmp_path):
    path = str(tmp_path / "english")
    build(path, lang="en")
    code, out, _ = run(capsys, "summary", "--today", TODAY, "--home", path)
    lines = out.splitlines()
    assert lines[0] == "Summary for A.B. (Team Leader) as of 2026-06-30"
    assert lines[3].split() == [
        "Strategic",
        "leadership",
        "5",
        "3.50",
        "3.00",
        "21%",
        "2",
        "2.00",
        "1",
    ]
    assert lines[6].split()[:4] == ["People", "leadership", "and", "development"]
    danish = run(capsys, "summary", "--today", TODAY, "--lang", "da", "--home", path)[1]
    assert danish.startswith("Overblik for")


def test_bad_input_is_one_line_and_exit_2(capsys, home, tmp_path):
    code, out, err = run(capsys, "summary", "--today", "2026-02-30", "--home", home)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "2026-02-30" in err
    code, _, err = run(capsys, "summary", "--home", str(tmp_path / "nowhere"))
    assert code == 2 and err.count("\n") == 1
    no_profile = str(tmp_path / "no-profile")
    Journal.open(no_profile, create=True).close()
    code, _, err = run(capsys, "summary", "--home", no_profile)
    assert code == 2 and "lgtrack init" in err


def test_empty_journal_summarises_to_zeros(capsys, tmp_path):
    path = str(tmp_path / "empty")
    with Journal.open(path, create=True) as j:
        j.set_profile("A.B.", "kontorchef")
    code, out, _ = run(capsys, "summary", "--json", "--today", TODAY, "--home", path)
    assert code == 0
    assert json.loads(out)["disciplines"] == [
        {"id": d, **EMPTY} for d in ("strategic", "operational", "professional", "people", "self")
    ]
