"""The coach's widget, headless: pick a leader, GROW notes, actions that carry forward, report."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pages import CoachPage

from lgtrack import Journal, Leader, Reflection, load_framework
from lgtrack.coaching import carried_forward, sessions
from lgtrack.ui.coach import NOTE_FIELDS, CoachWidget

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    yield journal
    journal.close()


def add_leader(journal: Journal, name: str, lang: str = "da", text: str = "Godt møde") -> Leader:
    leader = journal.save_leader(
        Leader(name=name, level="teamleder", framework_id="stuk",
               framework_version=load_framework("stuk").version, lang=lang, is_me=False,
               created_at=NOW, updated_at=NOW)
    )  # fmt: skip
    journal.add_reflection(
        Reflection(day=TODAY - timedelta(days=3), disciplines=("people",), text=text),
        leader_id=leader.id,
    )
    return leader


def coach_page(journal: Journal, tmp_path, **options) -> CoachPage:
    return CoachPage(CoachWidget(journal, report_dir=tmp_path / "reports", **options))


def open_texts(page: CoachPage) -> list[str]:
    return [row.action.text for row in page.open_actions]


# -- leaders ---------------------------------------------------------------------------------


def test_without_leaders_the_page_says_how_to_import_one(journal, tmp_path):
    page = coach_page(journal, tmp_path)
    assert "lgtrack import FIL" in page.html("empty-state")
    assert page.hidden("tabs") and page.hidden("leader")
    assert page.leader is None
    page.set_lang("en")
    empty = page.html("empty-state")
    assert "Import a leader&#39;s share bundle with the command “lgtrack import FILE”" in empty


def test_a_coach_without_a_profile_sees_the_leaders(journal, tmp_path):
    assert journal.me() is None
    ada = add_leader(journal, "Ada Berg", text="Svær samtale med teamet")
    page = coach_page(journal, tmp_path)
    assert page.lang == "da" and page.leader == ada
    assert page.html("empty-state") == "" and not page.hidden("tabs")
    assert "Svær samtale med teamet" in page.html("overview")
    assert "<svg" in page.html("overview")  # the trends and coverage figures


def test_other_leaders_come_before_me_and_picking_one_shows_theirs(journal, tmp_path):
    journal.set_profile("Coach Carl", "kontorchef", lang="en")
    ada = add_leader(journal, "Ada Berg", text="Adas refleksion")
    bo = add_leader(journal, "Bo Dahl", text="Bos refleksion")
    page = coach_page(journal, tmp_path)
    assert page.lang == "en"  # the coach's profile language
    assert [label for label, _ in page.leader_options] == [
        "Ada Berg",
        "Bo Dahl",
        "Coach Carl (me)",
    ]
    page.choose_leader(bo.id)
    overview = page.html("overview")
    assert "Bos refleksion" in overview and "Adas refleksion" not in overview
    assert page.leader == bo != ada


def test_a_leader_imported_later_appears_on_refresh(journal, tmp_path):
    page = coach_page(journal, tmp_path)
    ada = add_leader(journal, "Ada Berg")
    page.refresh()
    assert page.leader == ada and page.html("empty-state") == ""


def test_bundle_text_is_escaped(journal, tmp_path):
    add_leader(journal, HOSTILE, text=HOSTILE)
    page = coach_page(journal, tmp_path)
    assert page.leader_options[0][0] == HOSTILE  # a dropdown label is text, not HTML
    assert "<script" not in page.html("overview") and ESCAPED in page.html("overview")
    page.add_action(HOSTILE)
    page.write_notes(TODAY, goal=HOSTILE)
    page.write_report()
    for html in (page.html("overview"), page.html("previous"), page.statuses["report"].html,
                 *(row.text_html for row in page.open_actions)):  # fmt: skip
        assert "<script" not in html
    assert "<script" not in page.last_report.read_text("utf-8")


# -- GROW notes ------------------------------------------------------------------------------


def test_grow_notes_are_saved_for_the_session_date_and_updated_in_place(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    assert page.session_day == TODAY
    page.write_notes(date(2026, 11, 24), goal="Mere strategi", reality="Travlt",
                     options="Uddelegere", will="Aflyse to møder")  # fmt: skip
    [session] = sessions(journal, ada.id)
    assert (session.day, session.goal, session.reality, session.options, session.will) == (
        date(2026, 11, 24), "Mere strategi", "Travlt", "Uddelegere", "Aflyse to møder")  # fmt: skip
    assert page.statuses["session"].kind == "ok"
    page.write_notes(date(2026, 11, 24), will="Aflyse tre møder")
    [session] = sessions(journal, ada.id)
    assert session.will == "Aflyse tre møder" and session.goal == "Mere strategi"


def test_empty_notes_are_refused_and_nothing_is_saved(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    page.write_notes(TODAY, goal="   ")
    assert page.statuses["session"].kind == "error" and sessions(journal, ada.id) == []


def test_switching_the_language_keeps_unsaved_notes(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    page.write_note("reality", "Halvskrevet")
    page.set_lang("en")
    assert page.note("reality") == "Halvskrevet"
    assert page.tab_titles == ("Overview", "Session notes", "Actions", "Report")
    assert "<h2>Since the last session</h2>" in page.html("overview")


def test_no_message_stays_in_the_old_language_after_switching(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    page.add_action("Læse bogen")
    page.write_notes(TODAY, goal="Mere ro")
    statuses = page.statuses
    assert "tilføjet" in statuses["actions"].text and "gemt" in statuses["session"].text
    page.set_lang("en")
    assert page.statuses["actions"].html == page.statuses["session"].html == ""


# -- actions ---------------------------------------------------------------------------------


def test_the_wide_fields_fill_the_column_without_spilling_over_its_edge(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    # "100%" plus the widgets' margin cut the right border off at the page edge
    assert page.part("action-new").layout.width == page.part("goal").layout.width == "auto"


def test_the_due_label_of_a_new_action_is_not_cut(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    due = coach_page(journal, tmp_path).part("action-due")
    assert due.description == "Frist (valgfri)"
    assert due.style.description_width == "initial"  # the default cut it short


def test_an_action_carries_forward_to_the_next_session_until_closed(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    page.write_notes(date(2026, 11, 2), will="Holde 1:1 med alle")
    page.add_action("Booke 1:1 med alle", due=date(2026, 11, 20))
    [action] = carried_forward(journal, ada.id)
    assert action.session_id == sessions(journal, ada.id)[0].id and action.due == date(2026, 11, 20)
    page.choose_day(date(2026, 11, 30))  # the next session
    assert all(page.note(name) == "" for name in NOTE_FIELDS)
    assert open_texts(page) == ["Booke 1:1 med alle"]
    assert "Holde 1:1 med alle" in page.html("previous")
    page.open_actions[0].close("done")
    assert open_texts(page) == [] and carried_forward(journal, ada.id) == []
    assert page.statuses["actions"].kind == "ok"


def test_a_dropped_action_is_gone_and_others_stay(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    page.add_action("Første")
    page.add_action("Anden")
    row = next(r for r in page.open_actions if r.action.text == "Første")
    row.close("drop")
    row.close("drop")  # a second click on a row already gone does nothing
    assert open_texts(page) == ["Anden"]
    assert [a.status for a in journal_actions(journal, ada.id)] == ["open", "dropped"]


def journal_actions(journal: Journal, leader_id: str):
    from lgtrack.coaching import actions

    return actions(journal, leader_id)


def test_an_action_needs_a_text_and_a_double_click_adds_one(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    page = coach_page(journal, tmp_path)
    page.add_action("  ")
    assert page.statuses["actions"].kind == "error" and carried_forward(journal, ada.id) == []
    page.add_action("Læse bogen")
    page.press_add()
    assert [a.text for a in carried_forward(journal, ada.id)] == ["Læse bogen"]
    assert page.action_text == ""


# -- report ----------------------------------------------------------------------------------


def test_the_report_button_writes_the_report_in_the_leaders_language(journal, tmp_path):
    add_leader(journal, "Ada Berg", lang="en")
    page = coach_page(journal, tmp_path)
    assert page.lang == "da"
    page.write_report()
    path = page.last_report
    assert path.parent == tmp_path / "reports" and path.name.endswith("-2026-11-30.html")
    assert '<html lang="en">' in path.read_text("utf-8")
    report = page.statuses["report"]
    assert str(path) in report.text and report.kind == "ok"
    assert 'href="data:text/html;base64,' in report.html


def test_a_report_that_cannot_be_written_is_a_message(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    page = CoachPage(CoachWidget(journal, report_dir=blocker / "reports"))
    page.write_report()
    assert page.statuses["report"].kind == "error" and page.last_report is None
