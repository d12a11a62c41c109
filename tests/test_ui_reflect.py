"""The reflection widget, headless: fill it in, click save, look in the journal."""

from __future__ import annotations

import html
from datetime import date, datetime, timezone

import ipywidgets as widgets
import pytest

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.prompts import prompts_for
from lgtrack.ui import ReflectionWidget
from lgtrack.ui._ratings import DONT_KNOW
from lgtrack.validation import MAX_TEXT

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    yield journal
    journal.close()


def status(widget: ReflectionWidget) -> str:
    return widget._status.value


def test_a_reflection_is_stored_with_ratings_dont_know_as_none_and_the_private_flag(journal):
    widget = ReflectionWidget(journal)
    widget.select("people")
    widget._text.value = "  Svær samtale med en medarbejder.  "
    widget._next_step.value = "Følge op fredag"
    widget._tags.value = "#samtale, trivsel"
    widget._private.value = True
    toggles = widget._ratings.toggles
    toggles["people.g1"].value = 4
    toggles["people.teamleder.1"].value = DONT_KNOW
    shown_prompt = widget.prompt
    widget._save.click()

    [stored] = journal.reflections()
    assert stored.disciplines == ("people",)
    assert stored.day == date(2026, 11, 2)
    assert stored.text == "Svær samtale med en medarbejder."
    assert stored.next_step == "Følge op fredag"
    assert stored.tags == ("samtale", "trivsel")
    assert stored.private is True
    assert stored.prompt == shown_prompt
    assert stored.ratings == (Rating("people.g1", 4), Rating("people.teamleder.1", None))
    assert "lg-msg-ok" in status(widget) and "gemt" in status(widget)


def test_behaviours_not_answered_are_not_rated(journal):
    widget = ReflectionWidget(journal)
    widget._ratings.toggles["strategic.g2"].value = 2
    widget._save.click()
    assert journal.reflections()[0].ratings == (Rating("strategic.g2", 2),)


def test_the_rating_rows_are_my_levels_behaviours_with_one_to_five_and_ved_ikke(journal):
    widget = ReflectionWidget(journal)
    expected = [
        b.id for b in journal.framework().discipline("strategic").behaviours_for("teamleder")
    ]
    assert list(widget._ratings.toggles) == expected
    toggle = widget._ratings.toggles["strategic.teamleder.1"]
    assert [label for label, _ in toggle.options] == ["1", "2", "3", "4", "5", "Ved ikke"]
    assert toggle.value is None
    assert not any(".kontorchef." in bid for bid in widget._ratings.toggles)


def test_a_double_click_on_save_stores_the_reflection_once(journal):
    widget = ReflectionWidget(journal)
    widget._text.value = "Én gang"
    widget._save.click()
    widget._save.click()
    assert len(journal.reflections()) == 1
    assert "lg-msg-ok" in status(widget)
    assert widget._save.disabled is False


def test_after_a_save_the_form_resets_and_the_next_reflection_can_be_saved(journal):
    widget = ReflectionWidget(journal)
    widget._text.value = "Første"
    widget._next_step.value = "Skridt"
    widget._private.value = True
    widget._ratings.toggles["strategic.g1"].value = 5
    widget._save.click()
    assert widget._text.value == "" and widget._next_step.value == ""
    assert widget._private.value is False and widget._tags.value == ""
    assert all(toggle.value is None for toggle in widget._ratings.toggles.values())
    widget._text.value = "Anden"
    widget._save.click()
    assert [r.text for r in journal.reflections()] == ["Anden", "Første"]


def test_an_empty_reflection_shows_a_message_and_stores_nothing(journal):
    widget = ReflectionWidget(journal)
    widget._text.value = "   "
    widget._save.click()
    assert journal.reflections() == []
    assert "lg-msg-error" in status(widget)
    assert "Skriv en refleksion" in status(widget)


def test_a_too_long_text_shows_a_message_keeps_the_text_and_stores_nothing(journal):
    widget = ReflectionWidget(journal)
    widget._text.value = "x" * (MAX_TEXT + 1)
    widget._save.click()
    assert journal.reflections() == []
    assert "for lang" in status(widget) and "100.001" in status(widget)
    assert len(widget._text.value) == MAX_TEXT + 1


def test_a_core_validation_error_is_shown_as_one_line_and_nothing_is_stored(journal):
    widget = ReflectionWidget(journal)
    widget._text.value = "nul \x00 tegn"
    widget._save.click()
    assert journal.reflections() == []
    assert "Ikke gemt" in status(widget) and "NUL" in status(widget)


def test_the_suggested_discipline_is_chosen_and_marked(journal):
    for discipline in ("strategic", "operational"):
        journal.add_reflection(
            Reflection(day=date(2026, 11, 1), disciplines=(discipline,), text="x")
        )
    widget = ReflectionWidget(journal)
    assert widget.suggested == "professional" and widget.discipline == "professional"
    labels = dict((value, label) for label, value in widget._discipline.options)
    assert labels["professional"] == "Faglig ledelse (foreslået)"
    assert labels["strategic"] == "Strategisk ledelse"


def test_saving_moves_the_suggestion_on(journal):
    widget = ReflectionWidget(journal)
    assert widget.discipline == "strategic"
    widget._text.value = "x"
    widget._save.click()
    assert widget.discipline == "operational"
    assert "(foreslået)" in dict((v, k) for k, v in widget._discipline.options)["operational"]


def test_new_prompt_cycles_through_the_disciplines_bank(journal):
    widget = ReflectionWidget(journal)
    bank = {p.text.da for p in prompts_for("strategic")}
    seen = []
    for _ in range(len(bank)):
        seen.append(widget.prompt)
        widget._new_prompt.click()
    assert set(seen) == bank
    assert widget.prompt == seen[0]
    assert html.escape(widget.prompt) in widget._prompt.value


def test_the_side_panel_shows_open_goals_and_latest_feedback_for_the_discipline(journal):
    journal.add_goal(Goal(discipline="people", title="Holde 1:1 hver uge"))
    journal.add_goal(Goal(discipline="strategic", title="Strategimål"))
    closed = journal.add_goal(Goal(discipline="people", title="Gammelt mål"))
    journal.close_goal(closed.id, "achieved")
    journal.add_feedback(
        Feedback(day=date(2026, 10, 30), role="employee", discipline="people", text="Lyttede godt")
    )
    journal.add_reflection(
        Reflection(day=date(2026, 10, 1), disciplines=("people",), text="Tidligere")
    )
    widget = ReflectionWidget(journal)
    widget.select("people")
    panel = widget._context.value
    assert "Holde 1:1 hver uge" in panel and "Lyttede godt" in panel and "Tidligere" in panel
    assert "Strategimål" not in panel and "Gammelt mål" not in panel


def test_hostile_text_in_the_side_panel_is_shown_as_text(journal):
    journal.add_goal(Goal(discipline="strategic", title=HOSTILE))
    journal.add_feedback(
        Feedback(
            day=date(2026, 10, 30), role="peer", discipline="strategic", text=HOSTILE, name=HOSTILE
        )
    )
    journal.add_reflection(
        Reflection(
            day=date(2026, 10, 1), disciplines=("strategic",), text=HOSTILE, next_step=HOSTILE
        )
    )
    widget = ReflectionWidget(journal)
    widget.select("strategic")
    panel = widget._context.value
    assert "<img" not in panel
    assert panel.count("&lt;img src=x onerror=alert(1)&gt;") >= 4


def test_switching_language_relabels_and_keeps_what_was_typed(journal):
    widget = ReflectionWidget(journal)
    widget._text.value = "Mine tanker"
    widget._ratings.toggles["strategic.g1"].value = 3
    assert widget._save.description == "Gem"
    widget.set_lang("en")
    assert widget.lang == "en"
    assert widget._save.description == "Save"
    assert widget._discipline.options[0] == ("Strategic leadership (suggested)", "strategic")
    assert widget.prompt in {p.text.en for p in prompts_for("strategic")}
    assert widget._ratings.toggles["strategic.g1"].options[-1][0] == "Don't know"
    assert widget._text.value == "Mine tanker"
    assert widget._ratings.toggles["strategic.g1"].value == 3


def test_the_profile_language_is_the_default(journal):
    me = journal.me()
    journal.set_profile(me.name, me.level, lang="en")
    assert ReflectionWidget(journal)._save.description == "Save"


def test_on_saved_receives_the_stored_reflection(journal):
    widget = ReflectionWidget(journal)
    received = []
    widget.on_saved(received.append)
    widget._text.value = "x"
    widget._save.click()
    assert received == journal.reflections()


def test_css_classes_for_the_browser_test(journal):
    widget = ReflectionWidget(journal)
    expected = {
        "lg-reflect": (widget, widgets.VBox),
        "lg-reflect-discipline": (widget._discipline, widgets.Dropdown),
        "lg-reflect-text": (widget._text, widgets.Textarea),
        "lg-reflect-next-step": (widget._next_step, widgets.Text),
        "lg-reflect-private": (widget._private, widgets.Checkbox),
        "lg-reflect-save": (widget._save, widgets.Button),
        "lg-reflect-status": (widget._status, widgets.HTML),
    }
    for css_class, (child, kind) in expected.items():
        assert css_class in child._dom_classes and isinstance(child, kind), css_class
    toggle = widget._ratings.toggles["strategic.teamleder.1"]
    assert isinstance(toggle, widgets.ToggleButtons)
    assert {"lg-rating", "lg-rating-strategic-teamleder-1"} <= set(toggle._dom_classes)


def test_a_journal_without_a_profile_is_refused():
    with Journal.open(":memory:") as empty, pytest.raises(Exception, match="no profile"):
        ReflectionWidget(empty)
