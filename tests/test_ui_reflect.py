"""The reflection widget, headless: fill it in, click save, look in the journal."""

from __future__ import annotations

import html
from datetime import date, datetime, timezone

import ipywidgets as widgets
import pytest
from pages import DONT_KNOW, ReflectPage, css_classes, rating_class
from traitlets import TraitError

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.prompts import prompts_for
from lgtrack.ui import ReflectionWidget
from lgtrack.validation import MAX_TEXT

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    yield journal
    journal.close()


def reflect_page(journal: Journal, **options) -> ReflectPage:
    return ReflectPage(ReflectionWidget(journal, **options))


def test_a_reflection_is_stored_with_ratings_dont_know_as_none_and_the_private_flag(journal):
    page = reflect_page(journal)
    page.choose_discipline("people")
    page.write("  Svær samtale med en medarbejder.  ")
    page.write_next_step("Følge op fredag")
    page.write_tags("#samtale, trivsel")
    page.mark_private()
    page.rate("people.g1", 4)
    page.rate("people.teamleder.1", DONT_KNOW)
    shown_prompt = page.prompt
    page.save()

    [stored] = journal.reflections()
    assert stored.disciplines == ("people",)
    assert stored.day == date(2026, 11, 2)
    assert stored.text == "Svær samtale med en medarbejder."
    assert stored.next_step == "Følge op fredag"
    assert stored.tags == ("samtale", "trivsel")
    assert stored.private is True
    assert stored.prompt == shown_prompt
    assert stored.ratings == (Rating("people.g1", 4), Rating("people.teamleder.1", None))
    assert page.status.kind == "ok" and "gemt" in page.status.text


def test_behaviours_not_answered_are_not_rated(journal):
    page = reflect_page(journal)
    page.rate("strategic.g2", 2)
    page.save()
    assert journal.reflections()[0].ratings == (Rating("strategic.g2", 2),)


def test_the_rating_rows_are_my_levels_behaviours_with_one_to_five_and_ved_ikke(journal):
    page = reflect_page(journal)
    expected = journal.framework().discipline("strategic").behaviours_for("teamleder")
    assert page.rating_classes == [rating_class(b.id) for b in expected]
    labels = page.rating_labels("strategic.teamleder.1")  # #11: each choice says what it means
    assert labels == ["1 – Sjældent", "2 – Af og til", "3 – Ofte", "4 – Meget ofte",
                      "5 – Næsten altid", "Ved ikke"]  # fmt: skip
    assert page.rating("strategic.teamleder.1") is None
    assert not any("-kontorchef-" in css for css in page.rating_classes)


def test_a_choice_made_in_the_browser_is_the_rating_saved_and_a_reset_clears_it(journal):
    page = reflect_page(journal)
    page.choose_discipline("strategic")
    group = page.rating_toggle("strategic.teamleder.1")
    group.index = 3  # what the browser sends when "4 – Meget ofte" is checked
    assert page.rating("strategic.teamleder.1") == 4
    group.index = 5
    assert page.rating("strategic.teamleder.1") == DONT_KNOW
    page.rate("strategic.teamleder.1", 2)
    assert group.index == 1  # and the browser is told which radio to check
    with pytest.raises(TraitError):
        page.rate("strategic.teamleder.1", 7)
    page.save()
    assert journal.reflections()[0].ratings == (Rating("strategic.teamleder.1", 2),)
    assert group.index is None  # the form was reset: the browser unchecks the choice


def test_a_double_click_on_save_stores_the_reflection_once(journal):
    page = reflect_page(journal)
    page.write("Én gang")
    page.save()
    page.save()
    assert len(journal.reflections()) == 1
    assert page.status.kind == "ok"
    assert page.save_enabled


def test_after_a_save_the_form_resets_and_the_next_reflection_can_be_saved(journal):
    page = reflect_page(journal)
    page.write("Første")
    page.write_next_step("Skridt")
    page.mark_private()
    page.rate("strategic.g1", 5)
    page.save()
    assert page.text == "" and page.next_step == ""
    assert page.private is False and page.tags == ""
    assert page.answers == {}
    page.write("Anden")
    page.save()
    assert [r.text for r in journal.reflections()] == ["Anden", "Første"]


def test_an_empty_reflection_shows_a_message_and_stores_nothing(journal):
    page = reflect_page(journal)
    page.write("   ")
    page.save()
    assert journal.reflections() == []
    assert page.status.kind == "error"
    assert "refleksionen er tom" in page.status.text


def test_a_too_long_text_shows_a_message_keeps_the_text_and_stores_nothing(journal):
    page = reflect_page(journal)
    page.write("x" * (MAX_TEXT + 1))
    page.save()
    assert journal.reflections() == []
    assert "længere end 100.000 tegn (100.001)" in page.status.text
    assert len(page.text) == MAX_TEXT + 1


def test_a_core_validation_error_is_shown_as_one_line_and_nothing_is_stored(journal):
    page = reflect_page(journal)
    page.write("nul \x00 tegn")
    page.save()
    assert journal.reflections() == []
    assert "Ikke gemt" in page.status.text and "NUL" in page.status.text


def test_the_suggested_discipline_is_chosen_and_marked(journal):
    for discipline in ("strategic", "operational"):
        journal.add_reflection(
            Reflection(day=date(2026, 11, 1), disciplines=(discipline,), text="x")
        )
    widget = ReflectionWidget(journal)
    page = ReflectPage(widget)
    assert widget.suggested == "professional" and page.discipline == "professional"
    labels = dict((value, label) for label, value in page.discipline_options)
    assert labels["professional"] == "Faglig ledelse (foreslået)"
    assert labels["strategic"] == "Strategisk ledelse"


def test_saving_moves_the_suggestion_on(journal):
    page = reflect_page(journal)
    assert page.discipline == "strategic"
    page.write("x")
    page.save()
    assert page.discipline == "operational"
    assert "(foreslået)" in dict((v, k) for k, v in page.discipline_options)["operational"]


def test_new_prompt_cycles_through_the_disciplines_bank(journal):
    page = reflect_page(journal)
    bank = {p.text.da for p in prompts_for("strategic")}
    seen = []
    for _ in range(len(bank)):
        seen.append(page.prompt)
        page.new_prompt()
    assert set(seen) == bank
    assert page.prompt == seen[0]
    assert html.escape(page.prompt) in page.prompt_html


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
    page = reflect_page(journal)
    page.choose_discipline("people")
    panel = page.side_panel_html
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
    page = reflect_page(journal)
    page.choose_discipline("strategic")
    panel = page.side_panel_html
    assert "<img" not in panel
    assert panel.count("&lt;img src=x onerror=alert(1)&gt;") >= 4


def test_switching_language_relabels_and_keeps_what_was_typed(journal):
    page = reflect_page(journal)
    page.write("Mine tanker")
    page.rate("strategic.g1", 3)
    assert page.save_label == "Gem"
    page.set_lang("en")
    assert page.lang == "en"
    assert page.save_label == "Save"
    assert page.discipline_options[0] == ("Strategic leadership (suggested)", "strategic")
    assert page.prompt in {p.text.en for p in prompts_for("strategic")}
    assert page.rating_labels("strategic.g1")[-1] == "Don't know"
    assert page.text == "Mine tanker"
    assert page.rating("strategic.g1") == 3


def test_the_profile_language_is_the_default(journal):
    me = journal.me()
    journal.set_profile(me.name, me.level, lang="en")
    assert reflect_page(journal).save_label == "Save"


def test_on_saved_receives_the_stored_reflection(journal):
    widget = ReflectionWidget(journal)
    page = ReflectPage(widget)
    received = []
    widget.on_saved(received.append)
    page.write("x")
    page.save()
    assert received == journal.reflections()


def test_css_classes_for_the_browser_test(journal):
    page = reflect_page(journal)
    assert "lg-reflect" in css_classes(page.widget) and isinstance(page.widget, widgets.VBox)
    expected = {
        "lg-reflect-discipline": widgets.Dropdown,
        "lg-reflect-text": widgets.Textarea,
        "lg-reflect-next-step": widgets.Text,
        "lg-reflect-private": widgets.Checkbox,
        "lg-reflect-save": widgets.Button,
        "lg-reflect-status": widgets.HTML,
    }
    for css_class, kind in expected.items():
        assert isinstance(page.find(css_class), kind), css_class
    toggle = page.rating_toggle("strategic.teamleder.1")
    # #11: a radio group named by its behaviour (the browser test drives it with arrow keys)
    assert toggle.label == journal.framework().behaviour("strategic.teamleder.1").text.get("da")
    assert [label for label, _ in toggle.options][-1] == "Ved ikke"
    assert {"lg-rating", "lg-rating-strategic-teamleder-1"} <= set(css_classes(toggle))


def test_a_journal_without_a_profile_is_refused():
    with Journal.open(":memory:") as empty, pytest.raises(Exception, match="no profile"):
        ReflectionWidget(empty)


# -- the day and several disciplines (issue #11: the page does what `lgtrack reflect` does) ----


def test_the_day_is_today_by_default_and_a_backdated_reflection_keeps_its_day(journal):
    page = reflect_page(journal)
    assert page.day == date(2026, 11, 2)  # today, from the clock
    page.choose_day(date(2026, 10, 28))
    page.write("Skrevet et par dage efter")
    page.save()
    [stored] = journal.reflections()
    assert stored.day == date(2026, 10, 28)
    assert page.status.kind == "ok" and "2026-10-28" in page.status.text
    assert page.day == date(2026, 11, 2)  # the next reflection starts from today again


@pytest.mark.parametrize(
    ("lang", "words"), [("da", "Datoen ligger i fremtiden"), ("en", "The date is in the future")]
)
def test_a_future_day_is_refused_in_the_pages_language_and_nothing_is_stored(journal, lang, words):
    page = reflect_page(journal, lang=lang)
    page.choose_day(date(2026, 11, 3))
    page.write("Om i morgen")
    page.save()
    assert journal.reflections() == []
    assert page.status.kind == "error" and words in page.status.text
    assert page.text == "Om i morgen" and page.day == date(2026, 11, 3)  # kept to correct


def test_without_a_day_the_page_asks_for_one(journal):
    page = reflect_page(journal)
    page.choose_day(None)
    page.write("Hvornår?")
    page.save()
    assert journal.reflections() == []
    assert page.status.kind == "error" and "Vælg datoen for refleksionen." in page.status.text


def test_a_reflection_on_two_disciplines_stores_both_and_the_ratings_of_both(journal):
    fw = journal.framework()
    page = reflect_page(journal)
    page.choose_discipline("people")
    page.also_about("self")
    assert page.rating_headings == [
        fw.discipline_name("people", "da"),
        fw.discipline_name("self", "da"),
    ]
    expected = [
        *fw.discipline("people").behaviours_for("teamleder"),
        *fw.discipline("self").behaviours_for("teamleder"),
    ]
    assert page.rating_classes == [rating_class(b.id) for b in expected]
    page.rate("people.teamleder.1", 4)
    page.rate("self.g1", DONT_KNOW)
    page.write("Både om mine medarbejdere og om mig selv")
    page.save()
    [stored] = journal.reflections()
    assert stored.disciplines == ("people", "self")
    assert stored.ratings == (Rating("people.teamleder.1", 4), Rating("self.g1", None))
    assert page.also_ticked == [] and page.rating_headings == []  # the form starts afresh


def test_unticking_a_discipline_drops_its_rows_and_keeps_the_other_answers(journal):
    page = reflect_page(journal)
    page.choose_discipline("people")
    page.also_about("self", "strategic")
    page.rate("people.g1", 5)
    page.rate("self.g1", 2)
    page.also_about("self", ticked=False)
    assert not any(css.startswith("lg-rating-self-") for css in page.rating_classes)
    assert page.answers == {rating_class("people.g1"): 5}
    page.write("x")
    page.save()
    [stored] = journal.reflections()
    assert stored.disciplines == ("people", "strategic")
    assert stored.ratings == (Rating("people.g1", 5),)


def test_the_chosen_discipline_is_not_offered_again_and_choosing_a_ticked_one_unticks_it(journal):
    fw = journal.framework()
    page = reflect_page(journal)
    page.choose_discipline("people")
    people, self_name = fw.discipline_name("people", "da"), fw.discipline_name("self", "da")
    assert people not in page.also_offered and self_name in page.also_offered
    assert len(page.also_offered) == len(fw.disciplines) - 1
    page.also_about("self")
    page.choose_discipline("self")
    assert page.also_ticked == [] and people in page.also_offered
    assert page.widget.disciplines == ("self",)


def test_the_further_disciplines_are_labelled_in_the_pages_language(journal):
    page = reflect_page(journal)
    page.set_lang("en")
    fw = journal.framework()
    expected = [d.name.get("en") for d in fw.disciplines if d.id != page.discipline]
    assert page.also_offered == expected


def test_css_classes_for_the_day_and_the_further_disciplines(journal):
    page = reflect_page(journal)
    assert isinstance(page.find("lg-reflect-day"), widgets.DatePicker)
    boxes = page.find("lg-reflect-disciplines").children
    assert boxes and all(isinstance(box, widgets.Checkbox) for box in boxes)
    fw = journal.framework()
    assert [[c for c in css_classes(box) if c.startswith("lg-reflect-also")] for box in boxes] == [
        ["lg-reflect-also", f"lg-reflect-also-{d.id}"] for d in fw.disciplines
    ]
