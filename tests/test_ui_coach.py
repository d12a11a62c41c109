"""The coach's widget, headless: pick a leader, GROW notes, actions that carry forward, report."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from lgtrack import Journal, Leader, Reflection, load_framework
from lgtrack.coaching import carried_forward, sessions
from lgtrack.ui.coach import CoachWidget

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


def widget_for(journal: Journal, tmp_path, **options) -> CoachWidget:
    return CoachWidget(journal, report_dir=tmp_path / "reports", **options)


def write_notes(widget: CoachWidget, day: date, **notes: str) -> None:
    widget._day.value = day
    for name, text in notes.items():
        widget._notes[name].value = text
    widget._save.click()


def add(widget: CoachWidget, text: str, due: date | None = None) -> None:
    widget._action_text.value = text
    widget._action_due.value = due
    widget._add.click()


def open_texts(widget: CoachWidget) -> list[str]:
    return [row.action.text for row in widget._rows]


# -- leaders ---------------------------------------------------------------------------------


def test_without_leaders_the_page_says_how_to_import_one(journal, tmp_path):
    widget = widget_for(journal, tmp_path)
    assert "lgtrack import FIL" in widget._empty.value
    assert widget._tabs.layout.display == "none" and widget._leader.layout.display == "none"
    assert widget.leader is None
    widget.set_lang("en")
    assert (
        "Import a leader&#x27;s share bundle with the command “lgtrack import FILE”"
        in widget._empty.value
    )


def test_a_coach_without_a_profile_sees_the_leaders(journal, tmp_path):
    assert journal.me() is None
    ada = add_leader(journal, "Ada Berg", text="Svær samtale med teamet")
    widget = widget_for(journal, tmp_path)
    assert widget.lang == "da" and widget.leader == ada
    assert widget._empty.value == "" and widget._tabs.layout.display != "none"
    assert "Svær samtale med teamet" in widget._overview.value
    assert "<svg" in widget._overview.value  # the trends and coverage figures


def test_other_leaders_come_before_me_and_picking_one_shows_theirs(journal, tmp_path):
    journal.set_profile("Coach Carl", "kontorchef", lang="en")
    ada = add_leader(journal, "Ada Berg", text="Adas refleksion")
    bo = add_leader(journal, "Bo Dahl", text="Bos refleksion")
    widget = widget_for(journal, tmp_path)
    assert widget.lang == "en"  # the coach's profile language
    assert [label for label, _ in widget._leader.options] == [
        "Ada Berg",
        "Bo Dahl",
        "Coach Carl (me)",
    ]
    widget.select(bo.id)
    assert (
        "Bos refleksion" in widget._overview.value
        and "Adas refleksion" not in widget._overview.value
    )
    assert widget.leader == bo != ada


def test_a_leader_imported_later_appears_on_refresh(journal, tmp_path):
    widget = widget_for(journal, tmp_path)
    ada = add_leader(journal, "Ada Berg")
    widget.refresh()
    assert widget.leader == ada and widget._empty.value == ""


def test_bundle_text_is_escaped(journal, tmp_path):
    add_leader(journal, HOSTILE, text=HOSTILE)
    widget = widget_for(journal, tmp_path)
    assert widget._leader.options[0][0] == HOSTILE  # a dropdown label is text, not HTML
    assert "<script" not in widget._overview.value and ESCAPED in widget._overview.value
    add(widget, HOSTILE)
    write_notes(widget, TODAY, goal=HOSTILE)
    widget._report.click()
    for html in (widget._overview.value, widget._previous.value, widget._report_status.value,
                 *(row.children[0].value for row in widget._rows)):  # fmt: skip
        assert "<script" not in html
    assert "<script" not in widget.last_report.read_text("utf-8")


# -- GROW notes ------------------------------------------------------------------------------


def test_grow_notes_are_saved_for_the_session_date_and_updated_in_place(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    assert widget._day.value == TODAY
    write_notes(widget, date(2026, 11, 24), goal="Mere strategi", reality="Travlt",
                options="Uddelegere", will="Aflyse to møder")  # fmt: skip
    [session] = sessions(journal, ada.id)
    assert (session.day, session.goal, session.reality, session.options, session.will) == (
        date(2026, 11, 24), "Mere strategi", "Travlt", "Uddelegere", "Aflyse to møder")  # fmt: skip
    assert "lg-msg-ok" in widget._session_status.value
    write_notes(widget, date(2026, 11, 24), will="Aflyse tre møder")
    [session] = sessions(journal, ada.id)
    assert session.will == "Aflyse tre møder" and session.goal == "Mere strategi"


def test_empty_notes_are_refused_and_nothing_is_saved(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    write_notes(widget, TODAY, goal="   ")
    assert "lg-msg-error" in widget._session_status.value and sessions(journal, ada.id) == []


def test_switching_the_language_keeps_unsaved_notes(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    widget._notes["reality"].value = "Halvskrevet"
    widget.set_lang("en")
    assert widget._notes["reality"].value == "Halvskrevet"
    assert widget._tabs.titles == ("Overview", "Session notes", "Actions", "Report")
    assert "<h2>Since the last session</h2>" in widget._overview.value


def test_no_message_stays_in_the_old_language_after_switching(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    add(widget, "Læse bogen")
    write_notes(widget, TODAY, goal="Mere ro")
    assert "tilføjet" in widget._actions_status.value and "gemt" in widget._session_status.value
    widget.set_lang("en")
    assert widget._actions_status.value == widget._session_status.value == ""


# -- actions ---------------------------------------------------------------------------------


def test_the_wide_fields_fill_the_column_without_spilling_over_its_edge(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    # "100%" plus the widgets' margin cut the right border off at the page edge
    assert widget._action_text.layout.width == widget._notes["goal"].layout.width == "auto"


def test_the_due_label_of_a_new_action_is_not_cut(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    assert widget._action_due.description == "Frist (valgfri)"
    assert widget._action_due.style.description_width == "initial"  # the default cut it short


def test_an_action_carries_forward_to_the_next_session_until_closed(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    write_notes(widget, date(2026, 11, 2), will="Holde 1:1 med alle")
    add(widget, "Booke 1:1 med alle", due=date(2026, 11, 20))
    [action] = carried_forward(journal, ada.id)
    assert action.session_id == sessions(journal, ada.id)[0].id and action.due == date(2026, 11, 20)
    widget._day.value = date(2026, 11, 30)  # the next session
    assert all(widget._notes[name].value == "" for name in widget._notes)
    assert open_texts(widget) == ["Booke 1:1 med alle"]
    assert "Holde 1:1 med alle" in widget._previous.value
    widget._rows[0].done.click()
    assert open_texts(widget) == [] and carried_forward(journal, ada.id) == []
    assert "lg-msg-ok" in widget._actions_status.value


def test_a_dropped_action_is_gone_and_others_stay(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    add(widget, "Første")
    add(widget, "Anden")
    row = next(r for r in widget._rows if r.action.text == "Første")
    row.drop.click()
    row.drop.click()  # a second click on a row already gone does nothing
    assert open_texts(widget) == ["Anden"]
    assert [a.status for a in journal_actions(journal, ada.id)] == ["open", "dropped"]


def journal_actions(journal: Journal, leader_id: str):
    from lgtrack.coaching import actions

    return actions(journal, leader_id)


def test_an_action_needs_a_text_and_a_double_click_adds_one(journal, tmp_path):
    ada = add_leader(journal, "Ada Berg")
    widget = widget_for(journal, tmp_path)
    add(widget, "  ")
    assert "lg-msg-error" in widget._actions_status.value and carried_forward(journal, ada.id) == []
    add(widget, "Læse bogen")
    widget._add.click()
    assert [a.text for a in carried_forward(journal, ada.id)] == ["Læse bogen"]
    assert widget._action_text.value == ""


# -- report ----------------------------------------------------------------------------------


def test_the_report_button_writes_the_report_in_the_leaders_language(journal, tmp_path):
    add_leader(journal, "Ada Berg", lang="en")
    widget = widget_for(journal, tmp_path)
    assert widget.lang == "da"
    widget._report.click()
    path = widget.last_report
    assert path.parent == tmp_path / "reports" and path.name.endswith("-2026-11-30.html")
    assert '<html lang="en">' in path.read_text("utf-8")
    assert str(path) in widget._report_status.value and "lg-msg-ok" in widget._report_status.value
    assert 'href="data:text/html;base64,' in widget._report_status.value


def test_a_report_that_cannot_be_written_is_a_message(journal, tmp_path):
    add_leader(journal, "Ada Berg")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    widget = CoachWidget(journal, report_dir=blocker / "reports")
    widget._report.click()
    assert "lg-msg-error" in widget._report_status.value and widget.last_report is None
