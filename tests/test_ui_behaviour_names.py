"""Wherever a leader or coach reads, a behaviour is its text, never its id: no string like
``strategic.g1`` or ``people.teamleder.5`` in any widget page, any figure or the coach report,
rendered on the demo journal in Danish and English."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest
from matplotlib.figure import Figure
from page_base import descendants
from pages import AppPage, CoachPage, DevelopmentPage

from lgtrack import Journal
from lgtrack.analysis import (
    JournalFrames,
    behaviour_by_month,
    behaviour_trends,
    coverage,
    daily_reflection_counts,
    discipline_trends,
    goal_progress,
    goal_status,
    level_periods,
    self_vs_others,
)
from lgtrack.demo import build_demo
from lgtrack.plots import (
    plot_behaviour_heatmap,
    plot_cadence_calendar,
    plot_coverage,
    plot_goal_timeline,
    plot_radar,
    plot_trends,
)
from lgtrack.report import build_overview, render_report
from lgtrack.ui import App, CoachWidget, DevelopmentWidget

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
BEHAVIOUR_ID = re.compile(r"\b[a-z_]+\.(?:g\d+|[a-z_]+\.\d+)\b")  # strategic.g1, people.teamleder.5
LANGS = ("da", "en")


@pytest.fixture(scope="module")
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    build_demo(journal, today=TODAY)
    yield journal
    journal.close()


def ids_in(text: str) -> set[str]:
    return set(BEHAVIOUR_ID.findall(text))


def widget_texts(widget) -> list[str]:
    """Everything a widget and its children show: values, labels, tooltips, option labels."""
    texts = []
    for part in descendants(widget):
        for name in ("value", "description", "tooltip", "placeholder"):
            value = getattr(part, name, None)
            if isinstance(value, str):
                texts.append(value)
        for option in getattr(part, "options", None) or ():
            texts.append(str(option[0] if isinstance(option, tuple) else option))
        texts.extend(getattr(part, "titles", None) or ())
    return texts


def figure_texts(figure: Figure) -> list[str]:
    figure.canvas.draw()
    texts = [text.get_text() for text in figure.findobj(lambda o: hasattr(o, "get_text"))]
    return texts + [str(line.get_label()) for ax in figure.axes for line in ax.lines]


def test_the_id_pattern_finds_ids_and_nothing_else():
    text = "strategic.g1 people.teamleder.5 self.kontorchef.12 1.5 kl. 9.30 e.g. 3"
    assert ids_in(text) == {"strategic.g1", "people.teamleder.5", "self.kontorchef.12"}


@pytest.mark.parametrize("lang", LANGS)
def test_no_widget_page_shows_a_behaviour_id(journal, lang):
    app = AppPage(App(journal, clock=lambda: NOW))
    app.choose_language(lang)
    found = {}
    for name in app.PAGES:
        if name == "share":
            continue
        page = app.page(name)
        if name == "journal":  # an entry with ratings, open
            page.open(next(r.id for r in journal.reflections() if r.ratings))
        found[name] = {i for text in widget_texts(page.widget) for i in ids_in(text)}
    development = DevelopmentPage(DevelopmentWidget(journal, clock=lambda: NOW, lang=lang))
    for discipline in [value for _, value in development.discipline_options]:
        development.choose_discipline(discipline)
        development.show_next_level(True)
        texts = widget_texts(development.widget)
        found[f"development/{discipline}"] = {i for text in texts for i in ids_in(text)}
    coach = CoachPage(CoachWidget(journal, clock=lambda: NOW, lang=lang))
    found["coach"] = {i for text in widget_texts(coach.widget) for i in ids_in(text)}
    assert {name: ids for name, ids in found.items() if ids} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_no_figure_shows_a_behaviour_id(journal, lang):
    development = DevelopmentPage(DevelopmentWidget(journal, clock=lambda: NOW, lang=lang))
    found = {}
    for discipline in [value for _, value in development.discipline_options]:
        development.choose_discipline(discipline)
        development.show_next_level(True)
        for view in ("trends", "heatmap", "radar", "coverage", "next_level", "goals", "cadence"):
            for layout, figure in (("wide", development.figure(view)),
                                   ("narrow", development.narrow_figure(view))):  # fmt: skip
                if figure is not None:
                    texts = figure_texts(figure)
                    found[f"{discipline}/{view}/{layout}"] = {i for t in texts for i in ids_in(t)}
    assert len(found) >= 20
    assert {name: ids for name, ids in found.items() if ids} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_no_plot_function_labels_a_behaviour_by_its_id(journal, lang):
    frames = JournalFrames.load(journal)
    fw = journal.framework()
    figures = {
        "trends": plot_trends(discipline_trends(frames.ratings, fw), fw, lang=lang),
        "behaviour trends": plot_trends(
            behaviour_trends(frames.ratings, fw, discipline="people"), fw,
            levels=level_periods(frames.ratings), lang=lang,
        ),
        "heatmap": plot_behaviour_heatmap(behaviour_by_month(frames.ratings, fw), fw, lang=lang),
        "radar": plot_radar(self_vs_others(frames.ratings, fw), fw, lang=lang),
        "coverage": plot_coverage(
            coverage(frames.ratings, fw, journal.me().level, today=TODAY), fw, lang=lang
        ),
        "goals": plot_goal_timeline(
            goal_status(frames.goals, today=TODAY), TODAY,
            progress=goal_progress(frames.checkins, until=TODAY), lang=lang,
        ),
        "cadence": plot_cadence_calendar(
            daily_reflection_counts(frames.reflections, TODAY), lang=lang
        ),
    }  # fmt: skip
    found = {
        name: {i for t in figure_texts(fig) for i in ids_in(t)} for name, fig in figures.items()
    }
    assert {name: ids for name, ids in found.items() if ids} == {}


@pytest.mark.parametrize("lang", LANGS)
def test_the_coach_report_names_behaviours_by_their_text(journal, lang):
    page = render_report(build_overview(journal, journal.me().id, TODAY), lang)
    assert ids_in(page) == set()
    fw = journal.framework()
    rated = {r.behaviour for item in journal.feedback() for r in item.ratings}
    assert any(fw.behaviour_text(b, lang)[:40] in page for b in rated)  # the texts are there


def test_a_figure_that_shortens_behaviours_has_their_full_texts_as_its_text_alternative(journal):
    development = DevelopmentPage(DevelopmentWidget(journal, clock=lambda: NOW, lang="en"))
    development.choose_discipline("people")
    fw = journal.framework()
    people = [b.text.get("en") for b in fw.discipline("people").behaviours_for(journal.me().level)]
    for view in ("trends", "heatmap"):
        (output,) = development.outputs(view)
        assert '<img class="lg-figure-img" alt="' in output["data"]["text/html"]
        alt = output["data"]["text/plain"]
        axes = development.figure(view).axes[0]
        labels = (
            [text.get_text() for text in axes.get_legend().get_texts()]
            if view == "trends"
            else [tick.get_text() for tick in axes.get_yticklabels()]
        )
        assert labels and any(label.endswith("…") for label in labels), view
        for label in labels:  # each shortened label's whole text is in the alternative
            (text,) = [text for text in people if text.startswith(label.rstrip("…"))]
            assert f"• {text}" in alt
        assert ids_in(alt) == set()
