"""``lgtrack effects [add]``: the effektbillede answered every quarter, and its history."""

from __future__ import annotations

import json
from datetime import date

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (fixture)

from lgtrack import Journal
from lgtrack.effects import effects_status
from lgtrack.records import EffectAnswer


@pytest.fixture
def home(tmp_path, capsys):
    home = tmp_path / "journal"
    assert (
        run(capsys, "init", "--name", "Ida Holm", "--level", "teamleder", "--home", str(home))[0]
        == 0
    )
    return home


def test_an_answer_is_stored_and_listed_as_json(home, capsys):
    code, out, err = run(capsys, "effects", "add", "--rate", "e1=4", "--rate", "e2=3", "--rate",
                         "e6=?", "--date", "2027-01-05", "--home", str(home))  # fmt: skip
    assert code == 0, err
    assert "effekter vurderet: 3" in out
    code, out, _ = run(capsys, "effects", "--json", "--home", str(home))
    [answer] = json.loads(out)
    assert answer["day"] == "2027-01-05"
    assert answer["scores"] == {"e1": 4, "e2": 3, "e6": None}
    code, out, _ = run(capsys, "effects", "--home", str(home))
    assert code == 0 and "2027-01-05" in out and "Tydelig retning" in out


@pytest.mark.parametrize(
    "rate, words",
    [("e9=4", "e9"), ("e1=6", "1–5"), ("e1=x", "x"), ("people.g1=3", "people.g1")],
)
def test_a_bad_answer_is_one_line_and_nothing_is_stored(home, capsys, rate, words):
    code, out, err = run(capsys, "effects", "add", "--rate", rate, "--home", str(home))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and words in err
    assert json.loads(run(capsys, "effects", "--json", "--home", str(home))[1]) == []


def test_the_same_effect_twice_is_refused(home, capsys):
    code, _, err = run(capsys, "effects", "add", "--rate", "e1=4", "--rate", "e1=3", "--home",
                       str(home))  # fmt: skip
    assert code == 2 and "e1" in err


def test_an_answer_is_due_when_a_quarter_has_passed():
    journal = Journal.open(":memory:")
    journal.set_profile("AB", "teamleder")
    assert effects_status(journal.effect_answers(), date(2027, 1, 1)).due
    journal.add_effect_answer(EffectAnswer(day=date(2027, 1, 5), scores={"e1": 4}))
    answers = journal.effect_answers()
    assert not effects_status(answers, date(2027, 4, 5)).due
    status = effects_status(answers, date(2027, 4, 6))
    assert status.due and status.last_day == date(2027, 1, 5)


def test_effect_answers_travel_in_the_json_export(home, tmp_path, capsys):
    run(capsys, "effects", "add", "--rate", "e1=4", "--rate", "e5=?", "--date", "2027-01-05",
        "--home", str(home))  # fmt: skip
    export = tmp_path / "export.json"
    assert (
        run(capsys, "export", "--format", "json", "--out", str(export), "--home", str(home))[0] == 0
    )
    assert json.loads(export.read_text("utf-8"))["effect_answers"][0]["scores"] == {
        "e1": 4, "e5": None,
    }  # fmt: skip
    other = tmp_path / "other"
    code, _, err = run(capsys, "import", str(export), "--home", str(other))
    assert code == 0, err
    with Journal.open(other) as journal:
        [answer] = journal.effect_answers()
    assert answer.day == date(2027, 1, 5) and answer.scores == {"e1": 4, "e5": None}
    # an unknown effect in the file is refused at its place, and nothing is written
    document = json.loads(export.read_text("utf-8"))
    document["effect_answers"][0]["scores"] = {"e42": 3}
    export.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, "import", str(export), "--home", str(tmp_path / "third"))
    assert code == 2 and "effect_answers[0].scores" in err and "e42" in err
