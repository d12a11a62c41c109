"""``lgtrack report``: writes the HTML report; bad input is one line on stderr and exit 2."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from browser_support import require_chromium

import lgtrack.report
from lgtrack import Feedback, Goal, Journal, Leader, Reflection, load_framework
from lgtrack.cli import main

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
LEADER_ID = "3f2a9c11-0000-4000-8000-000000000001"
OTHER_ID = "3f2a9c22-0000-4000-8000-000000000002"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path):
    """A coach's journal: no profile of its own, two imported leaders."""
    path = tmp_path / "coach"
    version = load_framework("stuk").version
    with Journal.open(path, clock=lambda: NOW) as journal:
        for leader_id, name, lang in ((LEADER_ID, "Ada Berg", "en"), (OTHER_ID, "Bo Dahl", "da")):
            journal.save_leader(
                Leader(id=leader_id, name=name, level="teamleder", framework_id="stuk",
                       framework_version=version, lang=lang, created_at=NOW, updated_at=NOW)
            )  # fmt: skip
        journal.add_reflection(
            Reflection(day=date(2026, 11, 20), disciplines=("self",), text="Godt møde"),
            leader_id=LEADER_ID,
        )
        assert journal.me() is None
    return str(path)


def test_the_report_is_written_in_the_leaders_language(capsys, home, tmp_path):
    out = tmp_path / "report.html"
    code, stdout, err = run(capsys, "report", "--home", home, "--leader", LEADER_ID[:8],
                            "--out", str(out), "--today", "2026-11-30")  # fmt: skip
    assert (code, err) == (0, "")
    assert stdout == f"skrevet: {out}\n"  # a coach's journal: Danish
    text = out.read_text("utf-8")
    assert '<html lang="en">' in text and "<h1>Ada Berg</h1>" in text and "Godt møde" in text
    assert "30 November 2026" in text


def test_lang_overrides_the_leaders_language(capsys, home, tmp_path):
    out = tmp_path / "report.html"
    code, _, _ = run(capsys, "report", "--home", home, "--leader", LEADER_ID, "--out", str(out),
                     "--lang", "da", "--today", "2026-11-30")  # fmt: skip
    assert code == 0
    assert "<h2>Siden sidste session</h2>" in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("leader", "message"),
    [
        (
            "ffffffff",
            "der er ingen leder, hvis id begynder med 'ffffffff' (ledere: Ada Berg (3f2a9c11)",
        ),
        ("3f2a9c", "'3f2a9c' er begyndelsen på 2 lederes id"),
        ("3f2a", "angiv mindst 6 tegn af lederens id"),
    ],
)
def test_an_unknown_or_unclear_leader_is_one_line_and_exit_2(
    capsys, home, tmp_path, leader, message
):
    out = tmp_path / "report.html"
    code, stdout, err = run(capsys, "report", "--home", home, "--leader", leader, "--out", str(out))
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and err.startswith("lgtrack: fejl: ") and message in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--today", "2026-02-30"], "--today '2026-02-30' er ikke en gyldig dato"),
        (["--out", "/nonexistent-dir/report.html"], "findes ikke"),
        (["--lang", "de"], "ugyldigt valg"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(capsys, home, tmp_path, extra, message):
    argv = ["report", "--home", home, "--leader", LEADER_ID, "--out", str(tmp_path / "r.html")]
    code, _, err = run(capsys, *argv, *extra)
    assert code == 2 and err.count("\n") == 1 and message in err
    assert list(tmp_path.glob("*.html")) == []


def test_the_report_never_writes_over_the_journal_itself(capsys, home):
    database = f"{home}/journal.sqlite"
    with open(database, "rb") as handle:
        before = handle.read()
    code, _, err = run(capsys, "report", "--home", home, "--leader", LEADER_ID, "--out", database)
    assert code == 2 and err.count("\n") == 1 and "journalens egen database" in err
    with open(database, "rb") as handle:
        assert handle.read() == before


def test_a_missing_journal_is_one_line_and_exit_2(capsys, tmp_path):
    out = tmp_path / "r.html"
    code, _, err = run(capsys, "report", "--home", str(tmp_path / "none"), "--leader", LEADER_ID,
                       "--out", str(out))  # fmt: skip
    assert code == 2 and err.count("\n") == 1 and not out.exists()


def test_pdf_without_chromium_says_how_to_print_and_writes_nothing(
    capsys, home, tmp_path, monkeypatch
):
    monkeypatch.setattr(lgtrack.report, "find_chromium", lambda: None)
    out = tmp_path / "report.html"
    code, stdout, err = run(capsys, "report", "--home", home, "--leader", LEADER_ID,
                            "--out", str(out), "--pdf")  # fmt: skip
    assert code == 2 and stdout == "" and err.count("\n") == 1
    assert "Ctrl+P" in err and "Gem som PDF" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "coach"]


def test_pdf_with_the_installed_chromium(capsys, home, tmp_path):
    # Skips without Chromium (.ci/run installs it); under CI=true a missing Chromium fails.
    require_chromium(lgtrack.report.find_chromium(), "printing the report as PDF")
    out = tmp_path / "report.html"
    code, stdout, err = run(capsys, "report", "--home", home, "--leader", LEADER_ID,
                            "--out", str(out), "--pdf", "--today", "2026-11-30")  # fmt: skip
    assert (code, err) == (0, "")
    pdf = tmp_path / "report.pdf"
    assert stdout == f"skrevet: {out}\nskrevet: {pdf}\n"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_help_names_the_options(capsys):
    code, stdout, _ = run(capsys, "report", "--help")
    assert code == 0
    for option in ("--leader ID", "--out FILE", "--today DATE", "--lang", "--pdf", "--home DIR"):
        assert option in stdout


def test_a_leaders_report_on_her_own_journal_leaves_private_entries_out(capsys, tmp_path):
    home = tmp_path / "own"
    with Journal.open(home, clock=lambda: NOW) as journal:
        me = journal.set_profile("Ida", "teamleder", lang="da")
        for text, private in (
            ("Delt refleksion", False),
            ("HEMMELIG-NOTE om en medarbejder", True),
        ):
            journal.add_reflection(
                Reflection(day=date(2026, 11, 20), disciplines=("people",), text=text,
                           private=private)
            )  # fmt: skip
        goal = journal.add_goal(Goal(discipline="people", title="HEMMELIGT-MÅL", private=True))
        journal.check_in(goal.id, 50, note="HEMMELIG-STATUS", day=date(2026, 11, 21))
        journal.add_feedback(
            Feedback(day=date(2026, 11, 22), role="employee", discipline="people",
                     text="HEMMELIG-FEEDBACK", private=True)
        )  # fmt: skip
    out = tmp_path / "report.html"
    code, _, err = run(capsys, "report", "--home", str(home), "--leader", me.id,
                       "--out", str(out), "--today", "2026-11-30")  # fmt: skip
    assert (code, err) == (0, "")
    text = out.read_text("utf-8")
    assert "Delt refleksion" in text
    assert "HEMMELIG" not in text and "HEMMELIGT" not in text
