"""The widgets of #13: the effektbillede in "Min udvikling", the share page's cohort option and
the facilitator's cohort page."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from cohort_support import SECRET, write_bundles
from pages import CohortPage, DevelopmentPage, EffectsPage, SharePage, css_classes

from lgtrack import Journal, Reflection
from lgtrack.cohort.importing import import_cohort
from lgtrack.records import Cohort
from lgtrack.ui.cohort import CohortWidget
from lgtrack.ui.development import DevelopmentWidget
from lgtrack.ui.effects import EffectsWidget
from lgtrack.ui.share import ShareWidget

NOW = datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc)


def _clock() -> datetime:
    return NOW


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=_clock)
    journal.set_profile("Ida Holm", "teamleder")
    yield journal
    journal.close()


def test_the_effects_section_reminds_then_stores_an_answer(journal):
    page = EffectsPage(EffectsWidget(journal))
    assert page.effects == ["e1", "e2", "e3", "e4", "e5", "e6"]
    assert "ikke besvaret" in page.reminder.text
    page.rate_effect("e1", 4)
    page.rate_effect("e3", "?")
    page.save()
    assert page.status.kind == "ok"
    [answer] = journal.effect_answers()
    assert answer.day == NOW.date() and answer.scores == {"e1": 4, "e3": None}
    assert "næste om et kvartal" in page.reminder.text and "2027-08-31" in page.reminder.text
    assert page.figure is not None and page.figure.axes[0].lines


def test_an_empty_answer_is_refused_on_the_page(journal):
    page = EffectsPage(EffectsWidget(journal))
    page.save()
    assert page.status.kind == "error" and journal.effect_answers() == []


def test_my_development_holds_the_effects_section(journal):
    journal.add_reflection(Reflection(day=date(2027, 5, 3), disciplines=("self",), text="x"))
    page = DevelopmentPage(DevelopmentWidget(journal))
    effects = EffectsPage(page.find("lg-effects"))
    assert effects.effects[0] == "e1"
    page.set_lang("en")
    assert "How clearly" in effects.widget.children[0].value


def test_the_share_page_makes_a_cohort_bundle_without_text(journal, tmp_path):
    journal.add_reflection(
        Reflection(day=date(2027, 5, 3), disciplines=("self",), text=f"Tekst {SECRET}")
    )
    page = SharePage(ShareWidget(journal, folder=tmp_path))
    page.for_cohort()
    assert page.bundle["format"] == "lgtrack-cohort"
    assert page.bundle["participant"]["initials"] == "IH"
    assert "Ingen fri tekst" in page.preview_html and SECRET not in page.preview_html
    page.type_path("forloeb.json")
    page.write_file()
    assert page.status.kind == "ok"
    assert SECRET not in (tmp_path / "forloeb.json").read_text(encoding="utf-8")
    page.type_name("Ida Holm fra kontoret")  # a name is not initials: refused, nothing to write
    assert page.bundle is None and not page.write_enabled


def test_the_cohort_page_shows_the_dashboard_with_hidden_cells(tmp_path):
    facilitator = Journal.open(tmp_path / "f", clock=_clock)
    assert "cohort create" in CohortPage(CohortWidget(facilitator)).empty_html
    cohort = Cohort(name="Forløb 2027", start=date(2027, 1, 4), end=date(2027, 12, 17),
                    created_at=NOW)  # fmt: skip
    with facilitator.atomic():
        facilitator.store.cohorts.save(cohort)
    paths = write_bundles(tmp_path / "b", ["teamleder"] * 5 + ["kontorchef"] * 2)
    import_cohort(facilitator, cohort, paths, now=NOW)
    page = CohortPage(CohortWidget(facilitator))
    assert page.empty_hidden and page.dashboard["participants"] == 7
    assert "for få" in page.body_html and "lg-cohort-suppression" in page.body_html
    page.write_report()
    assert page.status.kind == "ok"
    assert (tmp_path / "f" / "lgtrack-cohort-2027-06-01.html").exists()
    assert "lg-cohort" in css_classes(page.widget)
    facilitator.close()


def test_for_a_cohort_the_text_and_scope_choices_are_switched_off(journal, tmp_path):
    page = SharePage(ShareWidget(journal, folder=tmp_path))
    text_box = page.find("lg-share-text")
    assert not text_box.disabled
    page.for_cohort()
    assert text_box.disabled and page.find("lg-share-reflections").disabled
    page.for_cohort(False)
    assert not text_box.disabled and page.bundle["format"] == "lgtrack-share"
