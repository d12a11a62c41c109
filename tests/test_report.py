"""The session report: self-contained, escaped, bilingual, and what changed since the session."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from markupsafe import escape

from lgtrack import Feedback, Goal, Journal, Leader, Rating, Reflection, load_framework
from lgtrack.coaching import Action, CoachSession, add_action, close_action, save_session
from lgtrack.errors import NotFoundError, ValidationError
from lgtrack.i18n import t
from lgtrack.report import (
    build_overview,
    changes_since,
    find_leader,
    prep_questions,
    render_report,
    write_report,
)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
HOSTILE = "<script>alert(1)</script>"
# Anything a page could load from elsewhere: src/href that is not "#…" or "data:", url(…) that
# is not "#…" or "data:", and @import.
EXTERNAL = re.compile(
    r"""\b(?:src|href)\s*=\s*["']?\s*(?!#|data:)[^"'\s>]"""
    r"""|url\(\s*["']?\s*(?!#|data:)|@import""",
    re.IGNORECASE,
)
SECTION_KEYS = (
    "report.changes.title",
    "report.trends.title",
    "report.coverage.title",
    "report.perception.title",
    "report.goals.title",
    "report.session.title",
    "report.actions.title",
    "report.prep.title",
)


class Clock:
    def __init__(self, moment: datetime):
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


def add_leader(journal: Journal, name: str = "Ada Berg", lang: str = "da", **extra) -> Leader:
    version = load_framework("stuk").version
    return journal.save_leader(
        Leader(name=name, level="teamleder", framework_id="stuk", framework_version=version,
               lang=lang, is_me=False, created_at=NOW, updated_at=NOW, **extra)
    )  # fmt: skip


def fill(journal: Journal, clock: Clock, leader: Leader, text: str = "Godt møde") -> None:
    """Half a year of reflections with self-ratings, feedback and two goals.

    A peer rates people.g1 low and strategic.g1 high; every entry is about the disciplines it
    rates (a rating must fit its entry)."""
    for week in range(26):
        day = TODAY - timedelta(days=7 * week + 1)
        clock.now = datetime.combine(day, NOW.timetz())
        ratings = tuple(Rating(f"{d}.g1", 2 + (week + i) % 3) for i, d in enumerate(DISCIPLINES))
        journal.add_reflection(
            Reflection(day=day, disciplines=DISCIPLINES, text=text, ratings=ratings,
                       next_step="Spørge teamet"),
            leader_id=leader.id,
        )  # fmt: skip
        if week % 4 in (0, 2):  # people in weeks 0, 4, …; strategic in weeks 2, 6, …
            discipline, score = ("people", 2) if week % 4 == 0 else ("strategic", 5)
            journal.add_feedback(
                Feedback(day=day, role="peer", discipline=discipline, text=text,
                         ratings=(Rating(f"{discipline}.g1", score),)),
                leader_id=leader.id,
            )  # fmt: skip
    clock.now = NOW - timedelta(days=100)
    goal = journal.add_goal(
        Goal(discipline="people", title=text, behaviours=("people.g1",), due=TODAY + timedelta(30)),
        leader_id=leader.id,
    )
    journal.check_in(goal.id, 40, note=text, day=TODAY - timedelta(days=10))
    clock.now = NOW


DISCIPLINES = ("strategic", "operational", "professional", "people", "self")


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def journal(clock):
    journal = Journal.open(":memory:", clock=clock)
    yield journal
    journal.close()


@pytest.fixture
def leader(journal, clock):
    leader = add_leader(journal)
    fill(journal, clock, leader)
    return leader


def report(journal: Journal, leader: Leader, lang: str | None = None, today: date = TODAY) -> str:
    return render_report(build_overview(journal, leader.id, today), lang or leader.lang)


# -- self-contained and safe -----------------------------------------------------------------


def test_the_report_loads_nothing_from_elsewhere(journal, leader):
    page = report(journal, leader)
    assert page.count("<svg") == 3  # trends, coverage, goals: inline, not linked
    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    assert "http://" not in page and "https://" not in page
    assert "<img" not in page and "<link" not in page and "<script" not in page.lower()


def test_a_link_in_a_reflection_is_text_not_a_reference(journal, clock):
    leader = add_leader(journal)
    fill(journal, clock, leader, text="Læs https://example.org/x.css")
    page = report(journal, leader)
    assert "https://example.org/x.css" in page  # shown, escaped, as words
    assert not EXTERNAL.search(page)


def test_the_external_reference_check_would_catch_one():
    for bad in ('<img src="https://x.org/a.png">', "<a href='//x.org'>", "url(https://x.org/f)",
                '@import "x.css";', '<use href="http://x.org/s.svg#a"/>'):  # fmt: skip
        assert EXTERNAL.search(bad), bad
    assert not EXTERNAL.search('<use href="#trends-m1"/> clip-path="url(#trends-p1)"')


def test_text_from_a_bundle_is_escaped_everywhere(journal, clock):
    leader = add_leader(journal, name=HOSTILE)
    fill(journal, clock, leader, text=HOSTILE)
    save_session(journal, CoachSession(leader_id=leader.id, day=TODAY - timedelta(days=20),
                                       goal=HOSTILE, will=HOSTILE))  # fmt: skip
    add_action(journal, Action(leader_id=leader.id, text=HOSTILE))
    page = report(journal, leader)
    assert "<script" not in page.lower()
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<h1>{escaped}</h1>" in page  # the leader's name
    assert page.count(escaped) >= 6  # title, name, reflection, goal, GROW notes, action


def test_figure_ids_are_unique_on_the_page(journal, leader):
    page = report(journal, leader)
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert ids and not [name for name, count in ids.items() if count > 1]
    references = set(re.findall(r'href="#([^"]+)"', page)) | set(
        re.findall(r"url\(#([^)]+)\)", page)
    )
    assert references and references <= set(ids)


def test_the_page_prints_on_a4(journal, leader):
    page = report(journal, leader)
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", page)
    assert re.search(r"@page\s*\{[^}]*margin:", page)
    # Sections flow across pages (issue #11); small blocks keep together, and the last section
    # with the footer. tests/test_report_print.py measures the printed pages.
    assert not re.search(r"\.lg-section\s*\{[^}]*break-inside:\s*avoid", page)
    for block in (r"\.lg-figure", r"\.lg-table tr", r"\.lg-end"):
        assert re.search(block + r"\s*\{[^}]*page-break-inside:\s*avoid", page), block
    assert re.search(r'<div class="lg-end">\s*<section class="lg-section lg-prep">', page)
    assert re.search(r"</section>\s*<footer class=\"lg-footer\">[^<]*</footer>\s*</div>", page)
    assert "print-color-adjust: exact" in page


# -- languages and sections ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_section_is_there_in_both_languages(journal, leader, lang):
    page = report(journal, leader, lang)
    assert f'<html lang="{lang}">' in page
    for key in SECTION_KEYS:
        assert f"<h2>{escape(t(key, lang))}</h2>" in page, key
    level = load_framework("stuk").level("teamleder").name.get(lang)
    assert f"<dd>{level}</dd>" in page and "<h1>Ada Berg</h1>" in page
    assert t("report.prep.closing", lang) in page


def test_the_report_is_in_the_leaders_language_unless_told(journal, clock, tmp_path):
    leader = add_leader(journal, name="Eve Holm", lang="en")
    fill(journal, clock, leader)
    english = write_report(journal, leader.id, tmp_path / "r.html", today=TODAY)
    assert '<html lang="en">' in english.read_text("utf-8")
    danish = write_report(journal, leader.id, tmp_path / "d.html", today=TODAY, lang="da")
    assert "<h2>Siden sidste session</h2>" in danish.read_text("utf-8")


def test_a_leader_without_any_entries_gets_a_report_with_empty_states(journal):
    leader = add_leader(journal)
    page = report(journal, leader, "en")
    assert t("report.changes.nothing", "en") in page
    assert t("report.goals.none", "en") in page
    assert t("report.session.none", "en") in page and t("report.actions.none", "en") in page


# -- what changed since the last session -----------------------------------------------------


def test_changes_count_only_entries_after_the_session_day(journal, clock):
    leader = add_leader(journal)
    session_day = date(2026, 11, 10)
    for day in (date(2026, 11, 9), session_day, date(2026, 11, 11), date(2026, 11, 29)):
        journal.add_reflection(Reflection(day=day, disciplines=("self",), text=str(day)),
                               leader_id=leader.id)  # fmt: skip
    journal.add_feedback(Feedback(day=date(2026, 11, 20), role="manager", discipline="self",
                                  text="Flot"), leader_id=leader.id)  # fmt: skip
    clock.now = datetime(2026, 10, 1, tzinfo=timezone.utc)
    old = journal.add_goal(Goal(discipline="self", title="Gammelt"), leader_id=leader.id)
    new = journal.add_goal(Goal(discipline="self", title="Nyt"), leader_id=leader.id)
    journal.close_goal(old.id, "achieved", day=date(2026, 11, 5))
    journal.close_goal(new.id, "achieved", day=date(2026, 11, 15))
    journal.check_in(new.id, 100, day=date(2026, 11, 14))
    changes = changes_since(journal, leader.id, session_day, TODAY)
    assert [r.text for r in changes.reflections] == ["2026-11-29", "2026-11-11"]
    assert [f.text for f in changes.feedback] == ["Flot"]
    assert [g.title for g in changes.achieved] == ["Nyt"]
    assert [(g.title, c.progress) for g, c in changes.checkins] == [("Nyt", 100)]


def test_the_report_counts_changes_since_the_last_session(journal, leader):
    save_session(journal, CoachSession(leader_id=leader.id, day=TODAY - timedelta(days=12),
                                       reality="Travlt"))  # fmt: skip
    overview = build_overview(journal, leader.id, TODAY)
    assert overview.session.reality == "Travlt"
    assert [r.day for r in overview.changes.reflections] == [TODAY - timedelta(days=1),
                                                             TODAY - timedelta(days=8)]  # fmt: skip
    page = render_report(overview, "en")
    # "Label: number" reads right for any count ("1 new goals" did not)
    assert "Reflections: 2 · Feedback: 1 · Goal check-ins: 1 · New goals: 0" in page


def test_without_a_session_the_last_thirty_days_are_shown(journal, leader):
    overview = build_overview(journal, leader.id, TODAY)
    assert overview.session is None and overview.changes.since == TODAY - timedelta(days=30)
    assert t("report.changes.first", "da", days=30) in render_report(overview, "da")


def test_a_session_being_written_looks_back_to_the_one_before(journal, leader):
    save_session(journal, CoachSession(leader_id=leader.id, day=TODAY - timedelta(days=14),
                                       goal="Første"))  # fmt: skip
    save_session(journal, CoachSession(leader_id=leader.id, day=TODAY, goal="Anden"))
    assert build_overview(journal, leader.id, TODAY).session.goal == "Anden"
    during = build_overview(journal, leader.id, TODAY, session_before=TODAY)
    assert during.session.goal == "Første"
    assert during.changes.since == TODAY - timedelta(days=14)


# -- sessions and actions --------------------------------------------------------------------


def test_open_actions_carry_forward_into_later_reports_until_closed(journal, leader):
    first = save_session(journal, CoachSession(leader_id=leader.id, day=TODAY - timedelta(days=28),
                                               will="Booke samtaler"))  # fmt: skip
    agreed = Action(leader_id=leader.id, text="Booke 1:1 med alle", session_id=first.id,
                    due=TODAY - timedelta(days=2))  # fmt: skip
    action = add_action(journal, agreed)
    save_session(journal, CoachSession(leader_id=leader.id, day=TODAY - timedelta(days=14),
                                       goal="Opfølgning"))  # fmt: skip
    page = report(journal, leader, "en")
    assert "Booke 1:1 med alle" in page and "overdue" in page
    assert "How did it go with: Booke 1:1 med alle?" in page
    assert "<h3>Goal</h3>" in page and "Opfølgning" in page  # the latest session's notes
    close_action(journal, action.id, "done", day=TODAY)
    page = report(journal, leader, "en")
    assert "Booke 1:1 med alle" not in page
    assert t("report.actions.none", "en") in page


def test_prep_questions_come_from_actions_goals_and_the_prompt_bank(journal, leader):
    from lgtrack.prompts import prompts_for

    add_action(journal, Action(leader_id=leader.id, text="Tale med chefen"))
    questions = prep_questions(build_overview(journal, leader.id, TODAY), "da")
    assert questions[0] == "Hvordan er det gået med: Tale med chefen?"
    bank = {p.text.get("da") for d in DISCIPLINES for p in prompts_for(d)}
    assert any(q in bank for q in questions)
    assert questions[-1] == t("report.prep.closing", "da")
    assert len(questions) == len(set(questions))


def test_blind_spots_and_hidden_strengths_are_named(journal, leader):
    page = report(journal, leader, "en")
    # the peer rates people.g1 at 2 and strategic.g1 at 5, the leader about 3 on both
    assert escape(t("report.perception.blind_spot", "en")) in page
    assert escape(t("report.perception.hidden_strength", "en")) in page


# -- choosing the leader ---------------------------------------------------------------------


def test_a_leader_is_found_by_a_unique_id_prefix(journal):
    one = add_leader(journal, id="aaaaaaaa-1111-4111-8111-111111111111")
    add_leader(journal, name="Bo", id="aaaaaaab-2222-4222-8222-222222222222")
    assert find_leader(journal, one.id) == one
    assert find_leader(journal, "aaaaaaaa") == one
    with pytest.raises(ValidationError, match="start of 2 leader ids"):
        find_leader(journal, "aaaaaa")
    with pytest.raises(ValidationError, match="at least 6 characters"):
        find_leader(journal, "aaaa")
    with pytest.raises(NotFoundError, match="no leader with an id starting 'bbbbbb'"):
        find_leader(journal, "bbbbbb")


def test_the_report_file_is_written_whole(journal, leader, tmp_path):
    path = write_report(journal, leader.id, tmp_path / "report.html", today=TODAY)
    text = path.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [(-0.04, "da", "0,0"), (0.04, "en", "0.0"), (-0.26, "da", "-0,3"), (0.26, "en", "+0.3")],
)
def test_a_gap_that_rounds_to_zero_is_shown_without_a_sign(value, lang, shown):
    from lgtrack.report._text import signed

    assert signed(value, lang) == shown
