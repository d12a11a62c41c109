"""The journal browser lists goals and feedback too; they can be edited and deleted there,
deleting with a confirm step, like reflections."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pages import JournalBrowserPage

from lgtrack import Feedback, Goal, Journal, NotFoundError, Rating, Reflection
from lgtrack.ui import JournalBrowser

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    journal.add_reflection(Reflection(day=date(2026, 10, 1), disciplines=("self",), text="Dag"))
    yield journal
    journal.close()


def goal(journal: Journal, title: str = "Ugentlige 1:1", **fields) -> Goal:
    return journal.add_goal(Goal(discipline="people", title=title, **fields))


def feedback(journal: Journal, text: str = "Tydelig", **fields) -> Feedback:
    return journal.add_feedback(
        Feedback(day=date(2026, 10, 5), role="peer", discipline="people", text=text, **fields)
    )


def browse(journal: Journal) -> JournalBrowserPage:
    return JournalBrowserPage(JournalBrowser(journal))


def test_the_list_shows_reflections_goals_or_feedback(journal):
    g, f = goal(journal), feedback(journal, name="CD", private=True)
    page = browse(journal)
    assert [label for label, _ in page.kind_options] == ["Refleksioner", "Mål", "Feedback"]
    assert page.kind == "reflections" and len(page.shown) == 1
    page.choose_kind("goals")
    assert page.shown == [g.id]
    assert page.entry_labels == ["2026-11-02 · Personaleledelse og udvikling · Ugentlige 1:1 (0 %)"]
    assert not page.tag_enabled
    page.choose_kind("feedback")
    assert (
        page.shown == [f.id] and "🔒" in page.entry_labels[0] and "Tydelig" in page.entry_labels[0]
    )
    page.set_lang("en")
    assert [label for label, _ in page.kind_options] == ["Reflections", "Goals", "Feedback"]
    assert page.kind == "feedback"


def test_filters_apply_to_goals_and_feedback(journal):
    a = journal.add_goal(Goal(discipline="strategic", title="Strategi"))
    b = goal(journal, "Sparring med teamet")
    page = browse(journal)
    page.choose_kind("goals")
    assert sorted(page.shown) == sorted([a.id, b.id])
    page.choose_discipline("strategic")
    assert page.shown == [a.id]
    page.clear_filters()
    page.search("sparring")
    assert page.shown == [b.id]


def test_a_goal_can_be_edited(journal):
    g = goal(journal, behaviours=("people.g1",))
    page = browse(journal)
    page.choose_kind("goals")
    page.open(g.id)
    assert not page.editor_hidden and page.part("edit-title").value == "Ugentlige 1:1"
    page.edit(title="Ugentlige 1:1 med alle", why="Sparring", due=date(2027, 1, 31), private=True)
    page.save_changes()
    stored = journal.get_goal(g.id)
    assert (stored.title, stored.why, stored.due, stored.private) == (
        "Ugentlige 1:1 med alle", "Sparring", date(2027, 1, 31), True,
    )  # fmt: skip
    assert stored.behaviours == ("people.g1",) and stored.created_at == g.created_at
    assert page.status.kind == "ok"
    page.edit(title="  ")
    page.save_changes()
    assert page.status.kind == "error" and journal.get_goal(g.id).title == "Ugentlige 1:1 med alle"


def test_feedback_can_be_edited_and_hostile_text_is_escaped(journal):
    f = feedback(journal, text=HOSTILE, name="CD", ratings=(Rating("people.g1", 4),))
    page = browse(journal)
    page.choose_kind("feedback")
    page.open(f.id)
    assert "<img" not in page.detail_html and "&lt;img" in page.detail_html
    page.edit(text="Meget tydelig", name="")
    page.save_changes()
    stored = journal.get_feedback(f.id)
    assert (stored.text, stored.name, stored.ratings) == ("Meget tydelig", "", f.ratings)


@pytest.mark.parametrize("kind", ["goals", "feedback"])
def test_deleting_needs_a_confirm_step(journal, kind):
    entry = goal(journal) if kind == "goals" else feedback(journal)
    get = journal.get_goal if kind == "goals" else journal.get_feedback
    page = browse(journal)
    page.choose_kind(kind)
    page.open(entry.id)
    page.delete()
    assert get(entry.id) and not page.confirm_hidden
    page.cancel_delete()
    page.confirm_delete()
    assert get(entry.id)
    page.delete()
    page.confirm_delete()
    with pytest.raises(NotFoundError):
        get(entry.id)
    assert page.shown == [] and page.selected is None and "slettet" in page.status.text
    assert "endnu" in page.page_label


def test_switching_kind_withdraws_a_pending_delete(journal):
    g = goal(journal)
    page = browse(journal)
    page.choose_kind("goals")
    page.open(g.id)
    page.delete()
    page.choose_kind("reflections")
    page.choose_kind("goals")
    assert page.selected is None and page.editor_hidden
    page.open(g.id)
    page.confirm_delete()
    assert journal.get_goal(g.id)
