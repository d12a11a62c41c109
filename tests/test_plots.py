"""Plots: the series and labels a leader reads, in Danish and English, and empty states."""

from __future__ import annotations

import math
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import matplotlib.colors as mcolors
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
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
from lgtrack.errors import LgtrackError
from lgtrack.plots import (
    NARROW_FONT,
    NARROW_WIDTH,
    plot_behaviour_heatmap,
    plot_cadence_calendar,
    plot_coverage,
    plot_goal_timeline,
    plot_radar,
    plot_trends,
)

TODAY = date(2026, 6, 30)


class Clock:
    def __init__(self, moment: datetime):
        self.now = moment

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def reflect(j: Journal, day: date, *ratings: tuple[str, int | None]) -> None:
    disciplines = tuple(sorted({b.split(".")[0] for b, _ in ratings})) or ("self",)
    j.add_reflection(
        Reflection(
            day=day,
            disciplines=disciplines,
            text="Refleksion",
            ratings=tuple(Rating(b, s) for b, s in ratings),
        )
    )


@pytest.fixture(scope="module")
def journal() -> Journal:
    """Five months of a team leader who becomes head of division on 1 April."""
    clock = Clock(datetime(2026, 1, 1, 9, tzinfo=timezone.utc))
    j = Journal.open(":memory:", clock=clock)
    j.set_profile("Testleder", "teamleder")
    reflect(j, date(2026, 1, 5), ("strategic.g1", 2), ("people.g1", 3), ("self.g1", 3))
    reflect(j, date(2026, 1, 19), ("strategic.g1", 4), ("people.g1", None))
    reflect(j, date(2026, 2, 2), ("strategic.g1", 3), ("operational.g1", 4))
    for behaviour, score in (("strategic.g1", 2), ("people.g1", 4), ("professional.g1", 3)):
        j.add_feedback(  # a rating belongs to its feedback's discipline
            Feedback(
                day=date(2026, 2, 10),
                role="manager",
                discipline=behaviour.split(".")[0],
                ratings=(Rating(behaviour, score),),
            )
        )
    goal = j.add_goal(
        Goal(
            discipline="people",
            title="Holde 1:1-samtaler",
            due=date(2026, 9, 1),
            behaviours=("people.g1",),
        )
    )
    j.check_in(goal.id, 30, day=date(2026, 3, 1))
    late = j.add_goal(
        Goal(discipline="strategic", title="Formidle strategien", due=date(2026, 5, 1))
    )
    j.check_in(late.id, 60, day=date(2026, 4, 1))
    clock.now = datetime(2026, 4, 1, 9, tzinfo=timezone.utc)
    j.set_profile("Testleder", "kontorchef")
    reflect(j, date(2026, 6, 1), ("strategic.g1", 5), ("strategic.kontorchef.1", 4))
    reflect(j, date(2026, 6, 15), ("strategic.g1", 4), ("people.g1", 3))
    return j


@pytest.fixture(scope="module")
def frames(journal) -> JournalFrames:
    return JournalFrames.load(journal)


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_discipline_trends_one_line_per_discipline_broken_at_gaps(journal, frames):
    fw = journal.framework()
    trends = discipline_trends(frames.ratings, fw)
    fig = plot_trends(trends, fw, levels=level_periods(frames.ratings), lang="da")
    ax = fig.axes[0]
    assert isinstance(fig, Figure)
    assert [line.get_label() for line in ax.lines] == [
        "Strategisk ledelse",
        "Driftsledelse",
        "Personaleledelse og udvikling",
        "Udvikling af dig selv som leder",
    ]
    strategic = ax.lines[0].get_ydata()
    # 5 Jan 2, 19 Jan (2+4)/2, 2 Feb (2+4+3)/3, a break for the gap, 1 Jun (5+4)/2, 15 Jun
    assert strategic[:3].tolist() == [2.0, 3.0, 3.0]
    assert math.isnan(strategic[3])
    assert strategic[4:].tolist() == [4.5, (5 + 4 + 4) / 3]
    assert ax.get_title() == "Udvikling pr. disciplin – glidende gennemsnit over 90 dage"
    assert ax.get_ylabel() == "Vurdering (1–5)"
    assert {"Teamleder", "Kontorchef"} <= {t.strip() for t in texts(fig)}
    assert ax.get_legend() is not None


def test_trends_in_english_with_dates_on_the_axis(journal, frames):
    fw = journal.framework()
    fig = plot_trends(discipline_trends(frames.ratings, fw, window_days=30), fw, lang="en")
    ax = fig.axes[0]
    fig.canvas.draw()
    assert ax.lines[0].get_label() == "Strategic leadership"
    assert ax.get_title().endswith("rolling mean over 30 days")
    assert ax.get_xlabel() == "Date"
    labels = " ".join(t.get_text() for t in ax.get_xticklabels())
    assert any(month in labels for month in ("Jan", "Feb", "Mar", "Apr", "May", "Jun"))


def test_danish_month_names_on_the_date_axis(journal, frames):
    fw = journal.framework()
    fig = plot_trends(discipline_trends(frames.ratings, fw), fw, lang="da")
    fig.canvas.draw()
    labels = " ".join(t.get_text() for t in fig.axes[0].get_xticklabels())
    assert any(month in labels for month in ("jan", "feb", "mar", "apr", "maj", "jun"))


def test_behaviour_trends_are_labelled_with_behaviour_texts(journal, frames):
    fw = journal.framework()
    fig = plot_trends(behaviour_trends(frames.ratings, fw, discipline="strategic"), fw, lang="en")
    ax = fig.axes[0]
    texts = [fw.behaviour(b).text.get("en") for b in ("strategic.g1", "strategic.kontorchef.1")]
    labels = [line.get_label() for line in ax.lines]
    assert all(text.startswith(lab.rstrip("…")) for text, lab in zip(texts, labels, strict=True))
    assert all(len(label) <= 45 and "strategic." not in label for label in labels)
    assert ax.get_title().startswith("Development per behaviour")


def test_heatmap_cells_hold_monthly_means_and_gaps_stay_blank(journal, frames):
    fw = journal.framework()
    fig = plot_behaviour_heatmap(behaviour_by_month(frames.ratings, fw), fw, lang="da")
    ax = fig.axes[0]
    cells = ax.collections[0].get_array()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    ids = ["strategic.g1", "strategic.kontorchef.1", "operational.g1", "people.g1", "self.g1"]
    texts = [fw.behaviour(b).text.get("da") for b in ids]  # the leader reads what a row is about
    assert all(text.startswith(lab.rstrip("…")) for text, lab in zip(texts, labels, strict=True))
    assert all(len(label) <= 45 and not any(b in label for b in ids) for label in labels)
    assert cells.shape == (5, 6)  # five behaviours × January … June
    assert cells[0].tolist() == [3.0, 3.0, None, None, None, 4.5]  # masked = no rating
    assert cells.mask[3].tolist() == [False, True, True, True, True, False]  # "ved ikke" is no 0
    assert fig.axes[1].get_ylabel() == "Gennemsnitlig selvvurdering"


def test_radar_shows_self_others_and_target(journal, frames):
    fw = journal.framework()
    fig = plot_radar(self_vs_others(frames.ratings, fw), fw, lang="en")
    ax = fig.axes[0]
    assert ax.name == "polar"
    assert [line.get_label() for line in ax.lines] == ["Self", "Others (feedback)", "Target"]
    mine = ax.lines[0].get_ydata()
    assert mine[:2].tolist() == [(2 + 4 + 3 + 5 + 4 + 4) / 6, 4.0]
    assert np.isnan(mine[2])  # no self-rating in professional leadership
    assert mine[-1] == mine[0]  # closed polygon
    assert ax.lines[2].get_ydata().tolist() == [4.0] * 6
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "Strategic\nleadership"
    custom = plot_radar(self_vs_others(frames.ratings, fw), fw, target={"people": 5.0})
    assert np.isnan(custom.axes[0].lines[2].get_ydata()[0])
    without = plot_radar(self_vs_others(frames.ratings, fw), fw, target={})
    assert len(without.axes[0].lines) == 2


def test_radar_on_a_given_flat_axes_replaces_it_with_a_polar_one(journal, frames):
    fw = journal.framework()
    fig = Figure()
    flat = fig.add_subplot()
    result = plot_radar(self_vs_others(frames.ratings, fw), fw, ax=flat)
    assert result is fig
    assert [ax.name for ax in fig.axes] == ["polar"]


def test_coverage_bars_per_discipline_and_status(journal, frames):
    fw = journal.framework()
    table = coverage(
        frames.ratings, fw, "kontorchef", TODAY, goals=frames.goals, checkins=frames.checkins
    )
    fig = plot_coverage(table, fw, lang="da")
    ax = fig.axes[0]
    assert len(ax.patches) == 3 * 5
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Dækket",
        "Ikke for nylig",
        "Aldrig",
    ]
    assert texts(fig) == ["2/13", "0/12", "0/12", "1/15", "0/11"]
    assert ax.get_title() == "Dækning af adfærd for Kontorchef – de seneste 90 dage"
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Strategisk ledelse"


def test_goal_timeline_colours_goals_by_state(journal, frames):
    status = goal_status(frames.goals, TODAY, checkins=frames.checkins)
    fig = plot_goal_timeline(status, TODAY, progress=goal_progress(frames.checkins), lang="en")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Holde 1:1-samtaler",
        "Formidle strategien",
    ]
    colours = [mcolors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours == ["#e69f00", "#d55e00"]  # behind (30 % of 74 % expected), overdue
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Behind", "Overdue", "Today"]
    assert texts(fig) == [" 30 %", " 60 %"]
    assert len(ax.collections[0].get_offsets()) == 2  # one dot per check-in


def test_cadence_calendar_counts_reflections_per_day(journal, frames):
    daily = daily_reflection_counts(frames.reflections, TODAY, weeks=24)
    fig = plot_cadence_calendar(daily, lang="da")
    ax = fig.axes[0]
    cells = ax.collections[0].get_array()
    assert cells.shape == (7, 24)
    assert cells.sum() == 4  # 19 Jan, 2 Feb, 1 and 15 Jun; 5 Jan is before the 24 weeks
    assert cells.mask[:, -1].tolist() == [False, False, True, True, True, True, True]  # future
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "man",
        "tir",
        "ons",
        "tor",
        "fre",
        "lør",
        "søn",
    ]
    assert ax.get_title() == "Refleksioner pr. dag"


def empty_journal(entries: int) -> JournalFrames:
    j = Journal.open(":memory:", clock=lambda: datetime(2026, 1, 1, 9, tzinfo=timezone.utc))
    j.set_profile("Testleder", "teamleder")
    if entries:
        reflect(j, date(2026, 6, 1), ("strategic.g1", 4), ("strategic.g2", 3))
    return JournalFrames.load(j)


def all_plots(frames: JournalFrames, lang: str, layout: str = "wide") -> dict[str, Figure]:
    from lgtrack import load_framework

    fw = load_framework("stuk")
    status = goal_status(frames.goals, TODAY, checkins=frames.checkins)
    how = {"lang": lang, "layout": layout}
    return {
        "trends": plot_trends(
            discipline_trends(frames.ratings, fw), fw, levels=level_periods(frames.ratings), **how
        ),
        "heatmap": plot_behaviour_heatmap(behaviour_by_month(frames.ratings, fw), fw, **how),
        "radar": plot_radar(self_vs_others(frames.ratings, fw), fw, **how),
        "coverage": plot_coverage(coverage(frames.ratings, fw, "teamleder", TODAY), fw, **how),
        "goals": plot_goal_timeline(status, TODAY, progress=goal_progress(frames.checkins), **how),
        "cadence": plot_cadence_calendar(daily_reflection_counts(frames.reflections, TODAY), **how),
    }


EMPTY_DA = {
    "trends": "Endnu ikke nok til en kurve.",
    "heatmap": "Endnu ikke nok til et overblik pr. måned.",
    "radar": "Endnu ikke nok til et spindelvæv.",
    "coverage": "Ingen af dit niveaus adfærd har evidens endnu.",
    "goals": "Ingen mål endnu.",
    "cadence": "Ingen refleksioner i perioden endnu.",
}


@pytest.mark.parametrize("layout", ["wide", "narrow"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_empty_journal_gives_a_message_in_every_plot(lang, layout):
    figures = all_plots(empty_journal(0), lang, layout)
    for name, fig in figures.items():
        message = " ".join(texts(fig)).replace("\n", " ")
        assert not fig.axes[0].axison, name
        if lang == "da":
            assert message.startswith(EMPTY_DA[name]), name
        else:
            assert message and not any(w in message for w in ("Endnu", "Ingen")), name
        fig.canvas.draw()  # renders without error


def test_a_one_entry_journal_explains_why_development_plots_are_empty():
    figures = all_plots(empty_journal(1), "en")
    for name in ("trends", "heatmap", "radar", "goals"):
        assert not figures[name].axes[0].axison, name
    trends = " ".join(texts(figures["trends"])).replace("\n", " ")
    assert "at least two different days" in trends
    # a single reflection already covers behaviours and fills a day in the calendar
    assert figures["coverage"].axes[0].axison
    assert figures["cadence"].axes[0].axison


def test_plots_draw_into_a_given_axes():
    frames = empty_journal(1)
    from lgtrack import load_framework

    fw = load_framework("stuk")
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_coverage(coverage(frames.ratings, fw, "teamleder", TODAY), fw, ax=ax) is fig


def test_plots_never_touch_pyplot():
    code = (
        "import sys, lgtrack.plots, lgtrack.analysis;"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- the narrow layout (a phone) -------------------------------------------------------------------


def shown_texts(fig: Figure) -> list[Text]:
    """Every text a reader sees in ``fig`` once it is laid out and drawn (tick labels too, but
    not those of ticks outside the axis's view, which are not drawn)."""
    fig.draw_without_rendering()
    hidden = set()
    for ax in fig.axes:
        for axis, index in ((ax.xaxis, 0), (ax.yaxis, 1)):
            low, high = sorted(axis.get_view_interval())
            hidden |= {
                label
                for label in axis.get_ticklabels(which="both")
                if not low - 1e-9 <= label.get_position()[index] <= high + 1e-9
            }
    return [
        text
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip() and text not in hidden
    ]


def test_narrow_figures_are_phone_wide_with_text_as_large_as_the_page_and_inside(frames):
    for name, fig in all_plots(frames, "da", "narrow").items():
        assert fig.get_figwidth() == NARROW_WIDTH, name
        texts = shown_texts(fig)
        assert len(texts) > 5, name
        small = [(t.get_text(), t.get_fontsize()) for t in texts if t.get_fontsize() < NARROW_FONT]
        assert not small, (name, small)
        width = fig.bbox.width
        outside = [
            t.get_text()
            for t in texts
            if t.get_window_extent().x0 < -1 or t.get_window_extent().x1 > width + 1
        ]
        assert not outside, (name, outside)


def test_wide_figures_keep_their_smaller_desktop_text(frames):
    figure = all_plots(frames, "da")["trends"]
    assert figure.get_figwidth() == 9
    assert min(t.get_fontsize() for t in shown_texts(figure)) < NARROW_FONT


def test_narrow_rows_are_labelled_above_with_behaviour_texts_not_ids(journal, frames):
    fw = journal.framework()
    monthly = behaviour_by_month(frames.ratings, fw)
    fig = plot_behaviour_heatmap(monthly, fw, lang="da", layout="narrow")
    ax = fig.axes[0]
    ids = ["strategic.g1", "strategic.kontorchef.1", "operational.g1", "people.g1", "self.g1"]
    labels = [" ".join(text.get_text().split()) for text in ax.texts]
    full = [fw.behaviour(b).text.get("da") for b in ids]
    assert all(text.startswith(lab.rstrip("…")) for text, lab in zip(full, labels, strict=True))
    assert not any(b in label for b in ids for label in labels)
    assert ax.get_yticks().size == 0  # the labels stand above the rows, not beside them
    cells = ax.collections[0].get_array()
    assert cells.shape == (10, 6)  # a blank row for each label, then its behaviour's months
    assert cells[1].tolist() == [3.0, 3.0, None, None, None, 4.5]
    assert cells.mask[::2].all()
    bar = fig.axes[1]
    assert bar.get_xlabel() == "Gennemsnitlig selvvurdering"  # the colour scale below


def test_the_narrow_radar_is_a_row_of_dots_per_discipline_with_the_same_values(journal, frames):
    fw = journal.framework()
    perception = self_vs_others(frames.ratings, fw)
    wide = plot_radar(perception, fw, lang="en").axes[0]
    narrow = plot_radar(perception, fw, lang="en", layout="narrow")
    ax = narrow.axes[0]
    assert ax.name == "rectilinear"
    assert [line.get_label() for line in ax.lines] == ["Self", "Others (feedback)", "Target"]
    for dots, curve in zip(ax.lines, wide.lines, strict=True):
        np.testing.assert_array_equal(dots.get_xdata(), curve.get_ydata()[:-1])
    assert [t.get_text() for t in ax.texts][0] == "Strategic leadership"
    assert [t.get_text() for t in narrow.legends[0].get_texts()] == [
        "Self",
        "Others (feedback)",
        "Target",
    ]


def test_narrow_goals_put_title_and_progress_above_each_bar(frames):
    status = goal_status(frames.goals, TODAY, checkins=frames.checkins)
    fig = plot_goal_timeline(status, TODAY, progress=goal_progress(frames.checkins), lang="da",
                             layout="narrow")  # fmt: skip
    assert texts(fig) == ["Holde 1:1-samtaler · 30 %", "Formidle strategien · 60 %"]
    assert len(fig.axes[0].collections[0].get_offsets()) == 2


def test_the_narrow_calendar_has_a_row_per_week_and_a_column_per_weekday(frames):
    daily = daily_reflection_counts(frames.reflections, TODAY, weeks=24)
    ax = plot_cadence_calendar(daily, lang="en", layout="narrow").axes[0]
    cells = ax.collections[0].get_array()
    assert cells.shape == (24, 7)
    assert cells.sum() == 4
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Mon", "Tue"]


def test_an_unknown_layout_is_an_error_that_names_the_known_ones(frames):
    with pytest.raises(LgtrackError) as raised:
        all_plots(frames, "da", "tiny")
    assert raised.value.key == "err_plot_layout"
    assert "wide, narrow" in raised.value.render("da")


def test_the_narrow_effects_plot_is_phone_wide_with_its_legend_below_in_page_size_text():
    from lgtrack import load_framework
    from lgtrack.plots.effects import effects_frame, plot_effects

    answers = [(date(2026, 1, 5), "e1", 3), (date(2026, 4, 6), "e1", 4),
               (date(2026, 1, 5), "e2", 2), (date(2026, 4, 6), "e2", 5)]  # fmt: skip
    fig = plot_effects(effects_frame(answers), load_framework("stuk"), lang="da", layout="narrow")
    assert fig.get_figwidth() == NARROW_WIDTH
    assert fig.legends and not fig.axes[0].get_legend(), "the legend is under the plot"
    small = [
        (t.get_text(), t.get_fontsize()) for t in shown_texts(fig) if t.get_fontsize() < NARROW_FONT
    ]
    assert not small
