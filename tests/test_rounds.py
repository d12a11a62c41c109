"""360 rounds (#12): known means, "Ved ikke", minimums, complementary suppression, hidden
comments, the change since an earlier round, and the questionnaire — through the CLI."""

from __future__ import annotations

import json
import random

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (fixture)
from rounds_support import (
    BEHAVIOURS,
    FIRST,
    FRAMEWORK,
    LEVEL,
    behaviour,
    make_journal,
    make_round,
    report,
    rows_for,
    write_csv,
)

from lgtrack.records import ROUND_DEFAULT_MINIMUMS, Round
from lgtrack.rounds.results import OTHER_GROUPS, compute

SECOND = BEHAVIOURS[1].id


@pytest.fixture
def home(tmp_path, capsys):
    return make_journal(capsys, tmp_path / "journal")


def imported(capsys, home, tmp_path, people, *options, name="svar.csv") -> str:
    round_id = make_round(capsys, home, *options)
    path = write_csv(tmp_path / name, rows_for(people, "da"))
    code, _, err = run(capsys, "round", "import", round_id, str(path), "--home", home)
    assert code == 0, err
    return round_id


def test_known_means_ved_ikke_pooled_others_and_the_gap(home, tmp_path, capsys):
    people = [
        ("self", {FIRST: 4}, ""),
        ("manager", {FIRST: 2}, ""),
        ("peer", {FIRST: 3}, ""), ("peer", {FIRST: 4}, ""), ("peer", {FIRST: 5}, ""),
        ("peer", {FIRST: None}, ""),  # "Ved ikke": no answer, never 0
        ("employee", {FIRST: 1}, ""), ("employee", {FIRST: 2}, ""),
        ("employee", {FIRST: 3}, ""),
    ]  # fmt: skip
    data = report(capsys, home, imported(capsys, home, tmp_path, people))
    first = behaviour(data, FIRST)
    assert first["self"] == 4.0
    assert first["groups"]["manager"] == {"mean": 2.0, "n": 1}
    assert first["groups"]["peer"] == {"mean": 4.0, "n": 3}
    assert first["groups"]["employee"] == {"mean": 2.0, "n": 3}
    assert first["groups"]["other"] is None
    assert first["others"] == {"mean": round(20 / 7, 2), "n": 7}
    assert data["groups"]["peer"] == {"n": 4, "shown": True}
    assert set(data) == {"round", "groups", "behaviours", "disciplines"}
    assert set(first) == {"id", "self", "groups", "others", "change"}


def test_a_group_just_under_its_minimum_shows_too_few_and_at_it_shows(home, tmp_path, capsys):
    under = [("employee", {FIRST: 5}, ""), ("employee", {FIRST: 1}, "")]
    at = [*under, ("employee", {FIRST: 3}, "")]
    data = report(capsys, home, imported(capsys, home, tmp_path, under, name="a.csv"))
    assert data["groups"]["employee"] == {"n": 2, "shown": False}
    assert behaviour(data, FIRST)["groups"]["employee"] is None
    assert behaviour(data, FIRST)["others"] is None  # two answers pooled are still two people
    data = report(capsys, home, imported(capsys, home, tmp_path, at, name="b.csv"))
    assert behaviour(data, FIRST)["groups"]["employee"] == {"mean": 3.0, "n": 3}


def test_the_page_says_too_few_and_shows_no_figure_of_a_small_group(home, tmp_path, capsys):
    people = [("peer", {FIRST: 1}, ""), ("peer", {FIRST: 1}, "")]
    people += [("employee", {FIRST: 5}, "")] * 3
    round_id = imported(capsys, home, tmp_path, people)
    out = tmp_path / "r.html"
    code, _, err = run(capsys, "round", "report", round_id, "--out", str(out), "--home", home)
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "for få svar" in page
    assert "(n=2)" not in page and "1,0 (n=" not in page


def test_a_pooled_figure_that_would_reveal_a_hidden_group_hides_a_second_figure(
    home, tmp_path, capsys
):
    # manager 1 (shown at her minimum), two peers (hidden), three employees (shown):
    # all others minus manager minus employees would be the two peers' answers.
    people = [("manager", {FIRST: 4}, "")]
    people += [("peer", {FIRST: 1}, ""), ("peer", {FIRST: 2}, "")]
    people += [("employee", {FIRST: 5}, "")] * 3
    round_id = imported(capsys, home, tmp_path, people)
    first = behaviour(report(capsys, home, round_id), FIRST)
    assert first["groups"]["peer"] is None
    assert first["groups"]["manager"] is None  # the complementary suppression
    assert first["groups"]["employee"] == {"mean": 5.0, "n": 3}
    assert first["others"] == {"mean": round(22 / 6, 2), "n": 6}
    out = tmp_path / "r.html"
    run(capsys, "round", "report", round_id, "--out", str(out), "--home", home)
    page = out.read_text(encoding="utf-8")
    assert "komplementær undertrykkelse" in page and "skjult, se note" in page


def _round(**minimums) -> Round:
    mins = {**ROUND_DEFAULT_MINIMUMS, **minimums}
    return Round(name="R", disciplines=("people",), minimums=mins, text_minimums=mins,
                 level=LEVEL)  # fmt: skip


@pytest.mark.parametrize("seed", range(200))
def test_no_shown_figures_let_anyone_subtract_their_way_to_a_hidden_group(seed):
    rng = random.Random(seed)
    groups = ["self"] + [rng.choice(OTHER_GROUPS) for _ in range(rng.randint(0, 9))]
    respondents_ = [(i, g, "") for i, g in enumerate(groups, start=1)]
    answers = [
        (i, b.id, rng.choice([None, 1, 2, 3, 4, 5])) for i, _, _ in respondents_ for b in BEHAVIOURS
    ]
    results = compute(FRAMEWORK, _round(), respondents_, answers, [])
    for b in results.behaviours:
        shown = [g for g in OTHER_GROUPS if b.groups[g].shown]
        for g in shown:
            assert b.groups[g].n >= _round().minimums[g]
        if b.others.shown:
            remainder = b.others.n - sum(b.groups[g].n for g in shown)
            assert remainder == 0 or remainder >= results.others_minimum, (b.id, seed)


def test_comments_of_a_hidden_group_are_never_shown(home, tmp_path, capsys):
    people = [("peer", {FIRST: 3}, "PEER-SECRET-1"), ("peer", {FIRST: 3}, "PEER-SECRET-2")]
    people += [("employee", {FIRST: 4}, f"Medarbejder {i} siger tak") for i in range(3)]
    round_id = imported(capsys, home, tmp_path, people)
    out = tmp_path / "r.html"
    run(capsys, "round", "report", round_id, "--out", str(out), "--home", home)
    page = out.read_text(encoding="utf-8")
    assert "PEER-SECRET" not in page
    assert "Medarbejder 1 siger tak" in page
    assert "Kommentarer fra Kolleger vises ikke" in page
    code, text, _ = run(capsys, "round", "report", round_id, "--json", "--home", home)
    assert "PEER-SECRET" not in text and "siger tak" not in text


def test_comments_are_unattributed_and_in_a_fixed_order(home, tmp_path, capsys):
    people = [("employee", {FIRST: 4}, text) for text in ("Zeta", "Alfa", "Mellem")]
    round_id = imported(capsys, home, tmp_path, people)
    out = tmp_path / "r.html"
    run(capsys, "round", "report", round_id, "--out", str(out), "--home", home)
    page = out.read_text(encoding="utf-8")
    assert page.index("Alfa") < page.index("Mellem") < page.index("Zeta")


def test_blind_spots_and_hidden_strengths_follow_the_stated_rule(home, tmp_path, capsys):
    people = [("self", {FIRST: 5, SECOND: 1}, "")]
    people += [("employee", {FIRST: 3, SECOND: 3}, "")] * 3
    round_id = imported(capsys, home, tmp_path, people)
    out = tmp_path / "r.html"
    run(capsys, "round", "report", round_id, "--out", str(out), "--home", home, "--lang", "en")
    page = out.read_text(encoding="utf-8")
    assert "Blind spot: you rate yourself more than 0.5 above" in page
    assert page.count("lg-blind-spot") == 1 and page.count("lg-hidden-strength") == 1


def test_a_second_round_shows_the_change_since_the_first(home, tmp_path, capsys):
    first = imported(capsys, home, tmp_path, [("employee", {FIRST: 2}, "")] * 3, name="1.csv")
    second = imported(capsys, home, tmp_path, [("employee", {FIRST: 4}, "")] * 3, name="2.csv")
    data = report(capsys, home, second)
    assert data["round"]["compared_with"] == first
    out = tmp_path / "r.html"
    run(capsys, "round", "report", second, "--out", str(out), "--home", home)
    page = out.read_text(encoding="utf-8")
    assert "2,0 → 4,0 (+2,0)" in page  # the discipline's others' mean, then and now
    assert "+2,0" in page


def test_create_list_close_and_no_import_after_closing(home, tmp_path, capsys):
    round_id = make_round(capsys, home, "--due", "2027-04-30", "--min", "peer=4")
    code, out, _ = run(capsys, "round", "list", "--json", "--home", home)
    [entry] = json.loads(out)
    assert entry["id"] == round_id and entry["due"] == "2027-04-30"
    assert entry["minimums"]["peer"] == 4 and entry["text_minimums"]["peer"] == 4
    code, out, _ = run(capsys, "round", "close", round_id[:8], "--home", home)
    assert code == 0 and "lukket" in out
    path = write_csv(tmp_path / "s.csv", rows_for([("employee", {FIRST: 3}, "")], "da"))
    code, _, err = run(capsys, "round", "import", round_id, str(path), "--home", home)
    assert code == 2 and err.count("\n") == 1 and "lukket" in err


@pytest.mark.parametrize("option", ["peer=2", "employee=0", "boss=3", "peer=x", "other=1"])
def test_a_minimum_that_would_expose_raters_is_refused(home, capsys, option):
    code, out, err = run(capsys, "round", "create", "--name", "R", "--min", option, "--home", home)
    assert code == 2 and out == "" and err.startswith("lgtrack: fejl: ") and err.count("\n") == 1


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".html", ".txt"])
def test_the_questionnaire_in_every_format(home, tmp_path, capsys, suffix):
    round_id = make_round(capsys, home)
    out = tmp_path / f"q{suffix}"
    code, _, err = run(
        capsys, "round", "questionnaire", round_id, "--out", str(out), "--home", home
    )
    assert code == 0, err
    assert out.stat().st_mode & 0o777 == 0o600
    if suffix == ".txt":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(BEHAVIOURS) + 3  # relation, behaviours, two open questions
        assert lines[1] == BEHAVIOURS[0].text.da
    if suffix == ".html":
        page = out.read_text(encoding="utf-8")
        assert "Ved ikke" in page and "Fortsæt med" in page and "Overvej at ændre" in page


def test_a_filled_in_questionnaire_sheet_imports(home, tmp_path, capsys):
    from openpyxl import load_workbook

    round_id = make_round(capsys, home)
    sheet_path = tmp_path / "q.xlsx"
    run(capsys, "round", "questionnaire", round_id, "--out", str(sheet_path), "--home", home)
    book = load_workbook(sheet_path)
    sheet = book.worksheets[0]
    for row in range(2, 5):
        sheet.cell(row=row, column=1, value="Jeg er medarbejder hos lederen")
        for column in range(2, 2 + len(BEHAVIOURS)):
            sheet.cell(row=row, column=column, value="Meget ofte")
    book.save(sheet_path)
    code, _, err = run(capsys, "round", "import", round_id, str(sheet_path), "--home", home)
    assert code == 0, err
    assert behaviour(report(capsys, home, round_id), FIRST)["groups"]["employee"] == {
        "mean": 4.0, "n": 3,
    }  # fmt: skip


def test_round_help_describes_every_subcommand(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "round", "--help")
    out = capsys.readouterr().out
    for sub in ("create", "list", "close", "questionnaire", "import", "report"):
        assert sub in out


def test_the_round_commands_do_not_import_pandas_or_matplotlib(home, tmp_path, capsys):
    import subprocess
    import sys

    round_id = make_round(capsys, home)
    answers = write_csv(tmp_path / "s.csv", rows_for([("employee", {FIRST: 3}, "")] * 3, "da"))
    script = (
        "import sys\n"
        "from lgtrack.cli import main\n"
        f"home, rid, out = {home!r}, {round_id!r}, {str(tmp_path)!r}\n"
        f"main(['round', 'import', rid, {str(answers)!r}, '--home', home])\n"
        "main(['round', 'questionnaire', rid, '--out', out + '/q.html', '--home', home])\n"
        "main(['round', 'report', rid, '--out', out + '/r.html', '--home', home])\n"
        "heavy = ('pandas', 'matplotlib', 'ipywidgets', 'IPython')\n"
        "print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr


def test_hostile_comments_and_names_are_text_on_the_page(home, tmp_path, capsys):
    hostile = '<img src=x onerror=alert(1)> "><script>alert(2)</script>'
    code, out, err = run(capsys, "round", "create", "--name", hostile, "--home", home)
    assert code == 0, err
    round_id = out.strip()
    people = [("employee", {FIRST: 4}, hostile)] * 3
    path = write_csv(tmp_path / "s.csv", rows_for(people, "da"), encoding="utf-8")
    assert run(capsys, "round", "import", round_id, str(path), "--home", home)[0] == 0
    out = tmp_path / "r.html"
    run(capsys, "round", "report", round_id, "--out", str(out), "--home", home)
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
