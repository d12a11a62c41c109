"""The goals widget: create a goal tied to behaviours, check in, close."""

from __future__ import annotations

from datetime import date, datetime, timezone

import ipywidgets as widgets
import pytest

from lgtrack import Goal, Journal
from lgtrack.ui import GoalsWidget

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    yield journal
    journal.close()


def fill(widget: GoalsWidget, title: str = "Holde 1:1 hver anden uge") -> None:
    widget._discipline.value = "people"
    widget._behaviours.value = ("people.g1", "people.teamleder.2")
    widget._goal_title.value = title
    widget._why.value = "Medarbejderne savner sparring"
    widget._success.value = "10 samtaler inden jul"
    widget._due.value = date(2026, 12, 20)


def test_a_goal_is_created_with_its_behaviours_and_the_form_resets(journal):
    widget = GoalsWidget(journal)
    fill(widget)
    widget._add_button.click()
    [goal] = journal.goals()
    assert (goal.discipline, goal.title, goal.status) == (
        "people",
        "Holde 1:1 hver anden uge",
        "open",
    )
    assert goal.behaviours == ("people.g1", "people.teamleder.2")
    assert (goal.why, goal.success, goal.due) == (
        "Medarbejderne savner sparring",
        "10 samtaler inden jul",
        date(2026, 12, 20),
    )
    assert (
        widget._goal_title.value == ""
        and widget._behaviours.value == ()
        and widget._due.value is None
    )
    assert "lg-msg-ok" in widget._status.value


def test_the_behaviour_choices_follow_the_discipline_at_my_level(journal):
    widget = GoalsWidget(journal)
    widget._discipline.value = "operational"
    ids = [value for _, value in widget._behaviours.options]
    expected = journal.framework().discipline("operational").behaviours_for("teamleder")
    assert ids == [b.id for b in expected]


def test_a_goal_without_a_title_is_refused_with_a_message(journal):
    widget = GoalsWidget(journal)
    fill(widget, title="  ")
    widget._add_button.click()
    assert journal.goals() == []
    assert "lg-msg-error" in widget._status.value and "titel" in widget._status.value


def test_a_new_goal_due_before_today_is_refused_with_a_message(journal):
    widget = GoalsWidget(journal)
    fill(widget)
    widget._due.value = date(2026, 11, 1)  # NOW is 2 November
    widget._add_button.click()
    assert journal.goals() == []
    assert "lg-msg-error" in widget._status.value
    assert "Fristen ligger før i dag" in widget._status.value
    widget._due.value = date(2026, 11, 2)
    widget._add_button.click()
    assert [g.due for g in journal.goals()] == [date(2026, 11, 2)]


def test_an_open_goal_past_its_due_date_is_marked_overdue(journal):
    late = journal.add_goal(Goal(discipline="self", title="Sen", due=date(2026, 10, 31)))
    journal.add_goal(Goal(discipline="self", title="I tide", due=date(2026, 11, 2)))
    widget = GoalsWidget(journal, lang="en")
    marked = {row.goal.id: "lg-goal-overdue" in row._summary.value for row in widget._rows}
    assert marked[late.id] and sum(marked.values()) == 1
    assert "overdue" in next(r for r in widget._rows if r.goal.id == late.id)._summary.value


def test_closed_goals_are_listed_most_recently_closed_first():
    now = [datetime(2026, 8, 1, tzinfo=timezone.utc)]
    with Journal.open(":memory:", clock=lambda: now[0]) as journal:
        journal.set_profile("AB", "teamleder", lang="da")
        first = journal.add_goal(Goal(discipline="self", title="Oprettet først"))
        now[0] = datetime(2026, 8, 2, tzinfo=timezone.utc)
        second = journal.add_goal(Goal(discipline="self", title="Oprettet sidst"))
        journal.close_goal(second.id, "achieved", day=date(2026, 9, 1))
        journal.close_goal(first.id, "dropped", day=date(2026, 10, 1))
        closed = GoalsWidget(journal)._closed.value
    assert closed.index("Oprettet først") < closed.index("Oprettet sidst")


def test_a_double_click_on_add_creates_one_goal(journal):
    widget = GoalsWidget(journal)
    fill(widget)
    widget._add_button.click()
    widget._add_button.click()
    assert len(journal.goals()) == 1


def test_open_goals_are_listed_with_a_progress_bar(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    goal = journal.add_goal(Goal(discipline="people", title="Lukket"))
    journal.close_goal(goal.id, "dropped")
    widget = GoalsWidget(journal)
    [row] = widget._rows
    assert row.goal.title == "Mere pause"
    assert isinstance(row._bar, widgets.IntProgress) and row._bar.value == 0
    assert "Lukket" in widget._closed.value and "Droppet" in widget._closed.value


def test_a_check_in_stores_progress_and_note_once_and_updates_the_bar(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    widget = GoalsWidget(journal)
    row = widget._rows[0]
    row.progress.value = 60
    row.note.value = "Halvvejs"
    row.check_in.click()
    row.check_in.click()  # the row has been replaced: a second click does nothing
    [goal] = journal.goals()
    assert [(c.progress, c.note, c.day) for c in goal.checkins] == [
        (60, "Halvvejs", date(2026, 11, 2))
    ]
    assert widget._rows[0]._bar.value == 60
    assert "60" in widget._list_status.value


@pytest.mark.parametrize(
    ("button", "status", "label"),
    [("achieved", "achieved", "nået"), ("dropped", "dropped", "droppet")],
)
def test_closing_a_goal_removes_it_from_the_open_list(journal, button, status, label):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    widget = GoalsWidget(journal)
    getattr(widget._rows[0], button).click()
    [goal] = journal.goals()
    assert (goal.status, goal.closed_on) == (status, date(2026, 11, 2))
    assert widget._rows == []
    assert label in widget._list_status.value


def test_hostile_goal_text_is_shown_as_text(journal):
    journal.add_goal(Goal(discipline="self", title=HOSTILE, success=HOSTILE))
    closed = journal.add_goal(Goal(discipline="self", title=HOSTILE))
    journal.close_goal(closed.id, "achieved")
    widget = GoalsWidget(journal)
    shown = widget._rows[0]._summary.value + widget._closed.value
    assert "<img" not in shown and shown.count("&lt;img") == 3


def test_the_added_message_does_not_stay_in_the_old_language(journal):
    widget = GoalsWidget(journal)
    fill(widget)
    widget._add_button.click()
    assert "oprettet" in widget._status.value
    widget.set_lang("en")
    assert widget._status.value == ""


def test_switching_language_relabels_the_form_and_the_rows(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    widget = GoalsWidget(journal)
    widget._goal_title.value = "Halvskrevet"
    widget.set_lang("en")
    assert widget._add_button.description == "Add goal"
    assert widget._rows[0].check_in.description == "Check in"
    assert ("People leadership and development", "people") in widget._discipline.options
    assert widget._goal_title.value == "Halvskrevet"


def test_css_classes(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    widget = GoalsWidget(journal)
    assert "lg-goals" in widget._dom_classes
    for child, css_class in (
        (widget._goal_title, "lg-goal-title"),
        (widget._add_button, "lg-goal-add"),
        (widget._discipline, "lg-goal-discipline"),
        (widget._behaviours, "lg-goal-behaviours"),
        (widget._due, "lg-goal-due"),
        (widget._rows[0], "lg-goal-row"),
        (widget._rows[0].check_in, "lg-goal-checkin"),
        (widget._rows[0].progress, "lg-goal-checkin-progress"),
    ):
        assert css_class in child._dom_classes
