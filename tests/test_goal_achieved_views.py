"""An achieved goal is 100 % and "Nået" in every view (decided once, by ``Goal.progress``);
``leaders`` shows the id prefix ``report --leader`` takes; a coach's empty states say ``import``."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (an autouse fixture)

from lgtrack import Goal, Journal
from lgtrack.analysis import goal_status
from lgtrack.exchange import export_csv, export_markdown
from lgtrack.frames import goals_frame
from lgtrack.plots import plot_goal_timeline
from lgtrack.records import CheckIn
from lgtrack.report import build_overview, render_report

TODAY = date(2026, 6, 30)
NOW = datetime(2026, 6, 30, 12, tzinfo=timezone.utc)
TITLE = "Ugentlige 1:1 med alle"


@pytest.fixture
def home(tmp_path) -> str:
    """A Danish team leader's journal: one goal checked in at 40 %, then closed as achieved."""
    path = str(tmp_path / "journal")
    with Journal.open(path, create=True, clock=lambda: NOW) as journal:
        journal.set_profile("A.B.", "teamleder", lang="da")
        goal = journal.add_goal(Goal(discipline="people", title=TITLE, due=date(2026, 12, 1)))
        journal.check_in(goal.id, 40, note="Halvvejs", day=date(2026, 5, 1))
        journal.close_goal(goal.id, "achieved", day=date(2026, 6, 1))
    return path


def test_the_record_decides_once_achieved_is_100_and_the_rest_is_the_last_check_in():
    checkin = CheckIn(day=date(2026, 5, 1), progress=40)
    assert Goal("people", "x", checkins=(checkin,), status="achieved").progress == 100
    assert Goal("people", "x", status="achieved").progress == 100
    assert Goal("people", "x", checkins=(checkin,), status="dropped").progress == 40
    assert Goal("people", "x", checkins=(checkin,)).progress == 40


def test_list_goals_says_100_and_naaet(home, capsys):
    code, out, _ = run(capsys, "list", "goals", "--home", home)
    assert code == 0
    assert out.split()[1:4] == ["nået", "100", "%"]
    code, out, _ = run(capsys, "list", "goals", "--json", "--home", home)
    (record,) = json.loads(out)
    assert (record["status"], record["progress"]) == ("achieved", 100)


def test_csv_and_markdown_say_100(home):
    with Journal.open(home) as journal:
        (row,) = csv.DictReader(io.StringIO(export_csv(journal, "goals")))
        markdown = export_markdown(journal, now=NOW)
    assert (row["status"], row["progress"]) == ("achieved", "100")
    assert f"### {TITLE} · nået, 100 %" in markdown


def test_frames_figure_and_coach_report_say_100_and_naaet(home):
    with Journal.open(home, clock=lambda: NOW) as journal:
        frame = goals_frame(journal)
        me = journal.me()
        page = render_report(build_overview(journal, me.id, TODAY), "da")
    assert frame["progress"].tolist() == [100]
    figure = plot_goal_timeline(goal_status(frame, today=TODAY), TODAY, lang="da")
    figure.canvas.draw()
    labels = [text.get_text().strip() for text in figure.axes[0].texts]
    assert "100 %" in labels and "0 %" not in labels and "40 %" not in labels
    table = page.split('class="lg-table lg-goals-table"', 1)[1]
    row = table.split(TITLE, 1)[1].split("</tr>", 1)[0]
    assert "<td>Nået</td>" in row and "100 %" in row and "width:100%" in row


# -- the coach: the leader's short id, and empty states that name `import` ----------------------


def test_leaders_shows_the_id_prefix_that_report_accepts(home, tmp_path, capsys):
    code, out, _ = run(capsys, "leaders", "--home", home)
    assert code == 0
    short = out.splitlines()[1].split()[0]
    out_file = tmp_path / "session.html"
    code, out, err = run(capsys, "report", "--leader", short, "--out", str(out_file),
                         "--today", "2026-06-30", "--home", home)  # fmt: skip
    assert code == 0, err
    assert out_file.is_file()


def test_a_coach_without_a_journal_is_told_to_import(tmp_path, capsys):
    missing = str(tmp_path / "coach")
    for argv in (["leaders"], ["report", "--leader", "abcdef", "--out", str(tmp_path / "r.html")]):
        code, out, err = run(capsys, *argv, "--home", missing)
        assert code == 2 and out == ""
        assert len(err.splitlines()) == 1
        assert "lgtrack import" in err and "init" not in err
    assert not (tmp_path / "coach").exists()  # and nothing was created


def test_an_empty_coach_journal_is_told_to_import(tmp_path, capsys):
    coach = str(tmp_path / "coach")
    Journal.open(coach).close()
    code, out, _ = run(capsys, "leaders", "--home", coach)
    assert code == 0
    assert out.splitlines()[-1] == "Importér en leders delingspakke: lgtrack import FIL"
    code, out, err = run(capsys, "report", "--leader", "abcdef",
                         "--out", str(tmp_path / "r.html"), "--home", coach)  # fmt: skip
    assert code == 2 and "lgtrack import" in err and "init" not in err
