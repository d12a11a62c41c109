"""The "My development" page, headless: a demo journal, the controls, the views they redraw."""

from __future__ import annotations

from datetime import date, datetime, timezone

import matplotlib.dates as mdates
import pytest
import yaml
from pages import DevelopmentPage, css_classes

from lgtrack import Feedback, Journal, Rating, Reflection
from lgtrack.analysis import VERDICTS, CadenceStatus
from lgtrack.demo import build_demo
from lgtrack.framework import bundled_frameworks, load_framework
from lgtrack.i18n import t
from lgtrack.ui import App
from lgtrack.ui.development import FIGURES, PERIOD_MONTHS, TABS, DevelopmentWidget, cadence_line

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
HOSTILE = "<script>alert(1)</script>"
EMPTY_KEYS = {
    "trends": "plot_empty_trends",
    "heatmap": "plot_empty_heatmap",
    "radar": "plot_empty_radar",
    "coverage": "plot_empty_coverage",
    "goals": "plot_empty_goals",
    "cadence": "plot_empty_cadence",
}


@pytest.fixture(scope="module")
def demo_journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    build_demo(journal, today=TODAY)
    journal.clock = lambda: NOW
    yield journal
    journal.close()


@pytest.fixture
def demo(demo_journal) -> DevelopmentPage:
    return DevelopmentPage(DevelopmentWidget(demo_journal, clock=lambda: NOW))


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    yield journal
    journal.close()


def development_page(journal: Journal) -> DevelopmentPage:
    return DevelopmentPage(DevelopmentWidget(journal, clock=lambda: NOW))


def shown(page: DevelopmentPage, view: str) -> list[dict]:
    return page.outputs(view)


def main_axes(page: DevelopmentPage, view: str):
    return page.figure(view).axes[0]


def texts_of(axes) -> str:
    return " ".join(" ".join(text.get_text().split()) for text in axes.texts)


def legend_labels(page: DevelopmentPage, view: str) -> list[str]:
    return [text.get_text() for text in main_axes(page, view).get_legend().get_texts()]


def x_days(page: DevelopmentPage, view: str) -> tuple[date, date]:
    low, high = main_axes(page, view).get_xlim()
    return mdates.num2date(low).date(), mdates.num2date(high).date()


# -- the demo journal ------------------------------------------------------------------------------


def test_every_view_holds_one_image_after_construction(demo):
    assert "lg-development" in css_classes(demo.widget)
    for view in FIGURES:
        [item] = shown(demo, view)
        assert item["output_type"] == "display_data"
        picture = item["data"]["text/html"]
        # One picture: the narrow figure on a phone's screen, else the wide one, one alt text.
        assert picture.count("data:image/svg+xml;base64,") == 2, view
        assert '<source media="(max-width: 600px)" srcset="data:image/svg+xml' in picture, view
        assert picture.count("<img ") == 1 and 'alt="' in picture, view
        assert demo.figure(view).get_figwidth() > demo.narrow_figure(view).get_figwidth()
    assert "forfalder" in demo.html("cadence-line")
    assert "lg-development-perception-table" in demo.html("table")
    assert "Ikke for nylig" in demo.html("coverage-lists")
    assert "Kontorchef" in demo.html("next-level-list")


def test_all_disciplines_show_one_curve_per_discipline_of_the_leaders_behaviours(demo):
    axes = main_axes(demo, "trends")
    assert axes.get_title() == t("plot_trends_discipline_title", "da", days=90)
    assert legend_labels(demo, "trends")[:2] == ["Strategisk ledelse", "Driftsledelse"]


def test_one_discipline_shows_its_behaviours_in_trends_heatmap_and_table(demo):
    demo.choose_discipline("people")
    axes = main_axes(demo, "trends")
    assert axes.get_title() == t("plot_trends_behaviour_title", "da", days=90)
    discipline = load_framework("stuk").discipline("people")
    levels = discipline.levels.values()
    people = [b.text.get("da") for b in (*discipline.behaviours, *(b for lv in levels for b in lv))]

    def about_people(label: str) -> bool:  # a behaviour's text (shortened), never its id
        return any(text.startswith(label.rstrip("…")) for text in people)

    labels = legend_labels(demo, "trends")
    assert labels and all(about_people(label) for label in labels)
    rows = [tick.get_text() for tick in main_axes(demo, "heatmap").get_yticklabels()]
    assert rows and all(about_people(row) for row in rows)
    assert "<th style='text-align:left;padding:2px 8px'>Adfærd</th>" in demo.html("table")
    assert "strategic." not in demo.html("table")
    assert "strategic." not in demo.html("coverage-lists")


def test_a_shorter_period_shows_a_shorter_stretch_of_time(demo):
    demo.choose_period("2y")
    first_2y, last_2y = x_days(demo, "trends")
    demo.choose_period("3m")
    first_3m, last_3m = x_days(demo, "trends")
    assert first_2y < date(2025, 3, 1) < date(2026, 8, 1) < first_3m
    assert last_3m <= date(2026, 12, 31)
    assert (last_3m - first_3m).days < (last_2y - first_2y).days / 3
    heatmap_first, _ = x_days(demo, "heatmap")
    assert heatmap_first >= date(2026, 8, 1)


def test_every_period_and_window_can_be_chosen(demo):
    for period in PERIOD_MONTHS:
        demo.choose_period(period)
        assert len(shown(demo, "cadence")) == 1
    for window in (30, 60):
        demo.choose_window(window)
        assert main_axes(demo, "trends").get_title().endswith(f"{window} dage")


def test_the_level_overlay_toggles_the_next_level_view_and_the_level_shading(demo):
    assert demo.next_level_shown is True and demo.next_level_offered
    assert "Kontorchef" in demo.next_level_label
    assert "Kontorchef" in main_axes(demo, "next_level").get_title()
    assert "Teamleder" in texts_of(main_axes(demo, "trends"))  # the level period, shaded
    demo.show_next_level(False)
    assert demo.next_level_hidden
    assert shown(demo, "next_level") == [] and demo.figure("next_level") is None
    assert "Teamleder" not in texts_of(main_axes(demo, "trends"))
    demo.show_next_level(True)
    assert not demo.next_level_hidden
    assert len(shown(demo, "next_level")) == 1


def test_a_control_change_keeps_only_the_current_figures(demo):
    old = demo.figure("trends")
    demo.choose_discipline("self")
    assert demo.figure("trends") is not old
    assert all(len(shown(demo, view)) == 1 for view in FIGURES)
    assert all((demo.figure(view) is None) == (shown(demo, view) == []) for view in FIGURES)


def test_english_relabels_controls_tabs_figures_and_texts(demo):
    demo.set_lang("en")
    assert demo.lang == "en"
    assert "My development" in demo.html("title")
    assert demo.tab_titles == tuple(t(f"ui.development.tab.{name}", "en") for name in TABS)
    assert demo.tab_titles[0] == "Trends"
    assert demo.period_labels[-1] == "All"
    assert demo.discipline_options[0][0] == "All disciplines"
    assert demo.next_level_label.startswith("Show the next level up (Head of Division)")
    assert main_axes(demo, "trends").get_title().startswith("Development per discipline")
    assert "next due" in demo.html("cadence-line")
    assert "Meaning" in demo.html("table")
    demo.set_lang("da")
    assert main_axes(demo, "trends").get_title().startswith("Udvikling pr. disciplin")


def test_refresh_redraws_only_when_the_journal_changed(journal):
    page = development_page(journal)
    figure = page.figure("cadence")
    page.refresh()
    assert page.figure("cadence") is figure  # nothing changed: nothing redrawn
    journal.add_reflection(Reflection(day=TODAY, disciplines=("people",), text="I dag"))
    page.refresh()
    assert page.figure("cadence") is not figure
    assert "sidste refleksion i dag" in page.html("cadence-line")


# -- little or no data ---------------------------------------------------------------------------


def test_an_empty_journal_with_a_profile_shows_every_empty_state(journal):
    page = development_page(journal)
    for view, key in EMPTY_KEYS.items():
        assert len(shown(page, view)) == 1
        axes = main_axes(page, view)
        assert not axes.axison, view
        assert " ".join(t(key, "da").split()) in texts_of(axes), view
    assert t("ui.development.perception_empty", "da") in page.html("table")
    assert t("ui.development.no_reflections", "da") in page.html("cadence-line")
    assert "Aldrig (65)" in page.html("coverage-lists")


def test_a_single_reflection_is_no_error(journal):
    rating = Rating("people.g1", 3)
    journal.add_reflection(Reflection(day=TODAY, disciplines=("people",), ratings=(rating,)))
    page = development_page(journal)
    page.choose_discipline("people")
    page.choose_period("all")
    assert all(len(shown(page, view)) == 1 for view in FIGURES)
    assert not main_axes(page, "trends").axison  # one day is no curve yet


def test_without_a_profile_the_page_is_a_bilingual_note_until_one_exists():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    page = development_page(journal)
    [note] = page.widget.children
    assert note is page.find("lg-development-note")
    assert "Opret først din profil" in note.value and "Create your profile first" in note.value
    page.set_lang("en")  # nothing to relabel yet, and no error
    journal.set_profile("AB", "teamleder", lang="en")
    page.refresh()
    assert len(page.widget.children) == 4  # title, controls, tabs, the effektbillede (#13)
    assert all(len(shown(page, view)) == 1 for view in FIGURES)


def test_at_the_top_level_there_is_no_next_level_to_show(journal):
    journal.set_profile("AB", "styrelsesdirektor", lang="da")
    page = development_page(journal)
    assert not page.next_level_offered and page.next_level_shown is False
    assert page.next_level_label == t("ui.development.overlay_top", "da")
    assert page.figure("next_level") is None


# -- texts -----------------------------------------------------------------------------------------


def test_the_cadence_line_says_streak_days_since_and_next_due():
    status = CadenceStatus(
        today=date(2026, 12, 2), rhythm="weekly", rhythm_days=7, reflections=9, this_week=0,
        last_day=date(2026, 11, 27), days_since_last=5, streak_weeks=3, due=False,
        next_due=date(2026, 12, 4),
    )  # fmt: skip
    assert cadence_line(status, "da") == (
        "3 uger i træk · 5 dage siden sidste refleksion · næste forfalder 2026-12-04"
    )
    assert cadence_line(status, "en") == (
        "3 weeks in a row · 5 days since your last reflection · next due 2026-12-04"
    )
    late = CadenceStatus(
        today=date(2026, 12, 30), rhythm="weekly", rhythm_days=7, reflections=9, this_week=0,
        last_day=date(2026, 11, 27), days_since_last=33, streak_weeks=0, due=True,
        next_due=date(2026, 12, 4),
    )  # fmt: skip
    assert cadence_line(late, "da") == (
        "ingen refleksion i denne eller sidste uge · 33 dage siden sidste refleksion"
        " · en refleksion forfalder nu"
    )


def test_every_verdict_has_a_text_in_both_languages():
    for verdict in VERDICTS:
        for lang in ("da", "en"):
            assert t(f"ui.development.verdict.{verdict}", lang)


def test_framework_texts_in_the_table_and_lists_are_escaped(tmp_path):
    data = yaml.safe_load(bundled_frameworks()["stuk"].read_text(encoding="utf-8"))
    data["id"] = "hostile"
    strategic = next(d for d in data["disciplines"] if d["id"] == "strategic")
    general = next(b for b in strategic["behaviours"] if b["id"] == "strategic.g1")
    general["text"] = {"da": HOSTILE, "en": HOSTILE}
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", framework=path, lang="da")
    journal.add_reflection(
        Reflection(day=date(2026, 6, 1), disciplines=("strategic",),
                   ratings=(Rating("strategic.g1", 4),))
    )  # fmt: skip
    journal.add_feedback(
        Feedback(date(2026, 6, 2), "peer", "strategic", ratings=(Rating("strategic.g1", 2),))
    )
    page = development_page(journal)
    page.choose_discipline("strategic")
    for html in (page.html("table"), page.html("coverage-lists")):
        assert ">&lt;script&gt;alert(1)&lt;/script&gt;</span>" in html  # the text, not the id
        assert 'title="&lt;script&gt;alert(1)&lt;/script&gt;"' in html
        assert "<script>" not in html
    assert "lg-verdict-blind_spot" in page.html("table")


# -- in the app ------------------------------------------------------------------------------------


def test_the_app_shows_the_page_and_relabels_it(journal):
    app = App(journal, clock=lambda: NOW)
    assert isinstance(app.page("development"), DevelopmentWidget)
    page = DevelopmentPage(app.page("development"))
    app.set_lang("en")
    assert page.lang == "en"
    assert "My development" in page.html("title")
