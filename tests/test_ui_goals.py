"""The goals widget: create a goal tied to behaviours, check in, close."""

from __future__ import annotations

from datetime import date, datetime, timezone

import ipywidgets as widgets
import pytest
from pages import GoalsPage, css_classes

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


def goals_page(journal: Journal, **options) -> GoalsPage:
    return GoalsPage(GoalsWidget(journal, **options))


def fill(page: GoalsPage, title: str = "Holde 1:1 hver anden uge") -> None:
    page.fill(
        discipline="people",
        behaviours=("people.g1", "people.teamleder.2"),
        title=title,
        why="Medarbejderne savner sparring",
        success="10 samtaler inden jul",
        due=date(2026, 12, 20),
    )


def test_a_goal_is_created_with_its_behaviours_and_the_form_resets(journal):
    page = goals_page(journal)
    fill(page)
    page.save()
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
    assert page.title == "" and page.behaviours == () and page.due is None
    assert page.status.kind == "ok"


def test_the_behaviour_choices_follow_the_discipline_at_my_level(journal):
    page = goals_page(journal)
    page.choose_discipline("operational")
    expected = journal.framework().discipline("operational").behaviours_for("teamleder")
    assert page.behaviour_choices == [b.id for b in expected]


def test_a_goal_without_a_title_is_refused_with_a_message(journal):
    page = goals_page(journal)
    fill(page, title="  ")
    page.save()
    assert journal.goals() == []
    assert page.status.kind == "error" and "titel" in page.status.text


def test_a_new_goal_due_before_today_is_refused_with_a_message(journal):
    page = goals_page(journal)
    fill(page)
    page.choose_due(date(2026, 11, 1))  # NOW is 2 November
    page.save()
    assert journal.goals() == []
    assert page.status.kind == "error"
    assert "Fristen ligger før i dag" in page.status.text
    page.choose_due(date(2026, 11, 2))
    page.save()
    assert [g.due for g in journal.goals()] == [date(2026, 11, 2)]


def test_an_open_goal_past_its_due_date_is_marked_overdue(journal):
    late = journal.add_goal(Goal(discipline="self", title="Sen", due=date(2026, 10, 31)))
    journal.add_goal(Goal(discipline="self", title="I tide", due=date(2026, 11, 2)))
    rows = goals_page(journal, lang="en").open_goals
    marked = {row.goal.id: "lg-goal-overdue" in row.summary_html for row in rows}
    assert marked[late.id] and sum(marked.values()) == 1
    assert "overdue" in next(r for r in rows if r.goal.id == late.id).summary_html


def test_closed_goals_are_listed_most_recently_closed_first():
    now = [datetime(2026, 8, 1, tzinfo=timezone.utc)]
    with Journal.open(":memory:", clock=lambda: now[0]) as journal:
        journal.set_profile("AB", "teamleder", lang="da")
        first = journal.add_goal(Goal(discipline="self", title="Oprettet først"))
        now[0] = datetime(2026, 8, 2, tzinfo=timezone.utc)
        second = journal.add_goal(Goal(discipline="self", title="Oprettet sidst"))
        journal.close_goal(second.id, "achieved", day=date(2026, 9, 1))
        journal.close_goal(first.id, "dropped", day=date(2026, 10, 1))
        closed = goals_page(journal).closed_html
    assert closed.index("Oprettet først") < closed.index("Oprettet sidst")


def test_a_double_click_on_add_creates_one_goal(journal):
    page = goals_page(journal)
    fill(page)
    page.save()
    page.save()
    assert len(journal.goals()) == 1


def test_open_goals_are_listed_with_a_progress_bar(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    goal = journal.add_goal(Goal(discipline="people", title="Lukket"))
    journal.close_goal(goal.id, "dropped")
    page = goals_page(journal)
    [row] = page.open_goals
    assert row.goal.title == "Mere pause"
    assert isinstance(row.bar, widgets.IntProgress) and row.bar.value == 0
    assert "Lukket" in page.closed_html and "Droppet" in page.closed_html


def test_the_progress_field_says_it_takes_a_percentage_in_the_pages_language(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    assert goals_page(journal).open_goals[0].progress_label == "Fremskridt (%)"
    assert goals_page(journal, lang="en").open_goals[0].progress_label == "Progress (%)"


def test_a_check_in_stores_progress_and_note_once_and_updates_the_bar(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    page = goals_page(journal)
    row = page.open_goals[0]
    row.check_in(60, "Halvvejs")
    row.press_check_in()  # the row has been replaced: a second click does nothing
    [goal] = journal.goals()
    assert [(c.progress, c.note, c.day) for c in goal.checkins] == [
        (60, "Halvvejs", date(2026, 11, 2))
    ]
    assert page.open_goals[0].bar.value == 60
    assert "60" in page.list_status.text


@pytest.mark.parametrize(
    ("button", "status", "label"),
    [("achieved", "achieved", "nået"), ("dropped", "dropped", "droppet")],
)
def test_closing_a_goal_removes_it_from_the_open_list(journal, button, status, label):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    page = goals_page(journal)
    page.open_goals[0].close(button)
    [goal] = journal.goals()
    assert (goal.status, goal.closed_on) == (status, date(2026, 11, 2))
    assert page.open_goals == []
    assert label in page.list_status.text


def test_hostile_goal_text_is_shown_as_text(journal):
    journal.add_goal(Goal(discipline="self", title=HOSTILE, success=HOSTILE))
    closed = journal.add_goal(Goal(discipline="self", title=HOSTILE))
    journal.close_goal(closed.id, "achieved")
    page = goals_page(journal)
    shown = page.open_goals[0].summary_html + page.closed_html
    assert "<img" not in shown and shown.count("&lt;img") == 3


def test_the_added_message_does_not_stay_in_the_old_language(journal):
    page = goals_page(journal)
    fill(page)
    page.save()
    assert "oprettet" in page.status.text
    page.set_lang("en")
    assert page.status.html == ""


def test_switching_language_relabels_the_form_and_the_rows(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    page = goals_page(journal)
    page.type_title("Halvskrevet")
    page.set_lang("en")
    assert page.save_label == "Add goal"
    assert page.open_goals[0].check_in_label == "Check in"
    assert ("People leadership and development", "people") in page.discipline_options
    assert page.title == "Halvskrevet"


def test_css_classes(journal):
    journal.add_goal(Goal(discipline="self", title="Mere pause"))
    page = goals_page(journal)
    assert "lg-goals" in css_classes(page.widget)
    for css_class in (
        "lg-goal-title",
        "lg-goal-add",
        "lg-goal-discipline",
        "lg-goal-behaviours",
        "lg-goal-due",
        "lg-goal-row",
        "lg-goal-checkin",
        "lg-goal-checkin-progress",
    ):
        assert page.find(css_class) is not None
