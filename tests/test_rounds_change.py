"""The change since an earlier round in ``lgtrack round report ID --json`` (#12): per
behaviour (self and others) and per discipline, only where both rounds' figures are shown."""

from __future__ import annotations

import pytest
from cli_support import run
from rounds_support import (
    BEHAVIOURS,
    FIRST,
    behaviour,
    make_journal,
    make_round,
    report,
    rows_for,
    write_csv,
)

SECOND, THIRD = BEHAVIOURS[1].id, BEHAVIOURS[2].id


@pytest.fixture
def home(tmp_path, capsys):
    return make_journal(capsys, tmp_path / "journal")


def _round(capsys, home, tmp_path, people, name) -> str:
    round_id = make_round(capsys, home)
    path = write_csv(tmp_path / name, rows_for(people, "da"))
    code, _, err = run(capsys, "round", "import", round_id, str(path), "--home", home)
    assert code == 0, err
    return round_id


@pytest.fixture
def rounds(home, tmp_path, capsys):
    """Round 1: every group shown. Round 2: two peers only (under their minimum of 3), so
    the employees' figure for FIRST is hidden too (it would reveal the peers), and THIRD
    rests on two answers (hidden everywhere)."""
    first = [("self", {FIRST: 2, THIRD: 3}, "")]
    first += [("employee", {FIRST: 2, SECOND: 3, THIRD: 4}, "")] * 3
    first += [("peer", {FIRST: 4}, "")] * 3
    second = [("self", {FIRST: 3}, "")]
    second += [("employee", {FIRST: 4, SECOND: 5, THIRD: t}, "") for t in (5, 5, None)]
    second += [("peer", {FIRST: 5}, "")] * 2
    one = _round(capsys, home, tmp_path, first, "1.csv")
    two = _round(capsys, home, tmp_path, second, "2.csv")
    return one, two


def test_the_change_per_behaviour_only_where_both_rounds_show_a_figure(home, rounds, capsys):
    one, two = rounds
    data = report(capsys, home, two)
    assert data["round"]["compared_with"] == one
    first = behaviour(data, FIRST)
    # the peers are hidden, and the employees with them; the pooled figure still shows
    assert first["groups"] == dict.fromkeys(("manager", "peer", "employee", "other"))
    assert first["others"] == {"mean": 4.4, "n": 5}
    assert first["change"] == {"self": 1.0, "others": round(4.4 - 3.0, 2)}
    assert behaviour(data, SECOND)["change"] == {"self": None, "others": 2.0}
    third = behaviour(data, THIRD)
    assert third["others"] is None  # two answers: a change would reveal them (now = then + d)
    assert third["change"] == {"self": None, "others": None}
    rest = [b for b in data["behaviours"] if b["id"] not in (FIRST, SECOND, THIRD)]
    assert rest and all(b["change"] == {"self": None, "others": None} for b in rest)


def test_the_change_per_discipline_from_shown_figures_as_the_page_shows_it(
    home, rounds, capsys, tmp_path
):
    _, two = rounds
    [people] = report(capsys, home, two)["disciplines"]
    now = (4.4 + 5.0) / 2  # FIRST and SECOND; THIRD is hidden and counts nowhere
    assert people == {
        "id": "people",
        "others": {"mean": round(now, 2), "n": 8, "behaviours": 2},
        "change": round(now - 3.0, 2),  # over FIRST and SECOND, shown in both rounds
    }
    out = tmp_path / "r.html"
    run(capsys, "round", "report", two, "--out", str(out), "--home", home)
    assert "3,0 → 4,7 (+1,7)" in out.read_text(encoding="utf-8")


def test_a_first_round_has_no_change_but_its_discipline_figure(home, rounds, capsys):
    one, _ = rounds
    data = report(capsys, home, one)
    assert data["round"]["compared_with"] is None
    assert all(b["change"] == {"self": None, "others": None} for b in data["behaviours"])
    [people] = data["disciplines"]
    # FIRST 3.0 (n=6: employees 2, peers 4), SECOND 3.0 (n=3), THIRD 4.0 (n=3)
    assert people["others"] == {"mean": round(10 / 3, 2), "n": 12, "behaviours": 3}
    assert people["change"] is None
