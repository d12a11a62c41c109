"""Analysis frames and figures on ten years of daily reflections: seconds each, best of N.

    python benchmarks/bench_analysis.py [--years 10] [--repeat 3]

The journal (in a temporary directory) holds one reflection a day for ``--years`` years, each
rating five behaviours (about one in eight a "ved ikke"), a promotion from team leader to head of
division halfway, monthly feedback rating five behaviours, and a goal a quarter with monthly
check-ins. It is written through the public Journal API inside one ``journal.atomic()``.

The peer is the target: < 0.5 s per analysis frame, < 1 s per figure (built and rendered to
PNG at 100 dpi). The ratio column is time / target (below 1.00 meets it). Exit code 1 when
something misses its target.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

from lgtrack import Feedback, Goal, Journal, Rating, Reflection, plots
from lgtrack import analysis as an

FRAME_TARGET_S = 0.5
FIGURE_TARGET_S = 1.0
ROLES = ("manager", "peer", "employee")


def build_journal(home: str, years: int, seed: int = 7) -> tuple[Journal, date, float]:
    """Write the synthetic journal; returns it, its last day and the seconds it took."""
    rng = random.Random(seed)
    first = date(2016, 1, 4)
    days = [first + timedelta(days=i) for i in range(365 * years + years // 4)]
    clock = {"now": datetime(2016, 1, 4, 20, tzinfo=timezone.utc)}
    journal = Journal.open(home, clock=lambda: clock["now"])
    journal.set_profile("Bench Leder", "teamleder")
    started = time.perf_counter()
    with journal.atomic():
        for index, day in enumerate(days):
            clock["now"] = datetime(day.year, day.month, day.day, 20, tzinfo=timezone.utc)
            if index == len(days) // 2:
                journal.set_profile("Bench Leder", "kontorchef")
            _add_day(journal, rng, day)
    return journal, days[-1], time.perf_counter() - started


def _add_day(journal: Journal, rng: random.Random, day: date) -> None:
    fw = journal.framework()
    level = journal.me().level
    discipline = rng.choice(fw.discipline_ids)
    behaviours = rng.sample([b.id for b in fw.discipline(discipline).behaviours_for(level)], 5)
    ratings = tuple(
        Rating(b, None if rng.random() < 0.12 else rng.randint(1, 5)) for b in behaviours
    )
    journal.add_reflection(
        Reflection(day=day, disciplines=(discipline,), text="Dagens refleksion", ratings=ratings)
    )
    if day.day == 15:
        rated = tuple(Rating(b, rng.randint(1, 5)) for b in behaviours)
        journal.add_feedback(
            Feedback(day=day, role=rng.choice(ROLES), discipline=discipline, ratings=rated)
        )
    if day.day == 1 and day.month in (1, 4, 7, 10):
        due = day + timedelta(days=rng.choice((60, 120, 240)))
        goal = journal.add_goal(
            Goal(
                discipline=discipline, title=f"Mål {day:%Y-%m}", behaviours=behaviours[:2], due=due
            )
        )
        for month in range(1, 4):
            journal.check_in(goal.id, min(100, 30 * month), day=day + timedelta(days=30 * month))


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def rendered(make_figure: Callable[[], object]) -> Callable[[], None]:
    def work() -> None:
        make_figure().savefig(io.BytesIO(), format="png", dpi=100)

    return work


def analyses(frames: an.JournalFrames, fw, level: str, today: date) -> dict[str, Callable]:
    r, g, c = frames.ratings, frames.goals, frames.checkins
    mine = an.level_behaviours(fw, level, "people")
    return {
        "discipline_trends": lambda: an.discipline_trends(r, fw),
        "behaviour_trends (people, my level)": lambda: an.behaviour_trends(r, fw, behaviours=mine),
        "behaviour_by_month (all)": lambda: an.behaviour_by_month(r, fw),
        "level_periods": lambda: an.level_periods(r),
        "coverage": lambda: an.coverage(r, fw, level, today, goals=g, checkins=c),
        "self_vs_others by discipline": lambda: an.self_vs_others(r, fw),
        "self_vs_others by behaviour": lambda: an.self_vs_others(r, fw, by="behaviour"),
        "goal_status": lambda: an.goal_status(g, today, checkins=c),
        "goal_progress": lambda: an.goal_progress(c),
        "reflection_counts (week)": lambda: an.reflection_counts(frames.reflections, today),
        "reflection_counts (month)": lambda: an.reflection_counts(
            frames.reflections, today, freq="month"
        ),
        "cadence_status": lambda: an.cadence_status(frames.reflections, today),
        "next_level": lambda: an.next_level(r, fw, level, today, goals=g, checkins=c),
        "discipline_summary": lambda: an.discipline_summary(frames, fw, level, today),
    }


def figures(frames: an.JournalFrames, fw, level: str, today: date) -> dict[str, Callable]:
    r, g, c = frames.ratings, frames.goals, frames.checkins
    mine = an.level_behaviours(fw, level, "people")
    status = an.goal_status(g, today, checkins=c)
    levels = an.level_periods(r)
    return {
        "trends (10 y, 5 lines, levels)": lambda: plots.plot_trends(
            an.discipline_trends(r, fw), fw, levels=levels
        ),
        "heatmap (people, my level)": lambda: plots.plot_behaviour_heatmap(
            an.behaviour_by_month(r, fw, behaviours=mine), fw
        ),
        "heatmap (all behaviours)": lambda: plots.plot_behaviour_heatmap(
            an.behaviour_by_month(r, fw), fw
        ),
        "radar": lambda: plots.plot_radar(an.self_vs_others(r, fw), fw),
        "coverage": lambda: plots.plot_coverage(
            an.coverage(r, fw, level, today, goals=g, checkins=c), fw
        ),
        "goal timeline (40 goals)": lambda: plots.plot_goal_timeline(
            status, today, progress=an.goal_progress(c)
        ),
        "cadence calendar (53 weeks)": lambda: plots.plot_cadence_calendar(
            an.daily_reflection_counts(frames.reflections, today)
        ),
    }


def report(title: str, timings: dict[str, float], target: float) -> bool:
    print(f"\n{title:<40} {'seconds':>8} {'target':>7} {'ratio':>6}")
    ok = True
    for name, seconds in timings.items():
        ok &= seconds < target
        flag = "" if seconds < target else "  MISSED"
        print(f"{name:<40} {seconds:8.3f} {target:7.2f} {seconds / target:6.2f}{flag}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        journal, today, build_s = build_journal(home, args.years)
        load_s = best_of(args.repeat, lambda: an.JournalFrames.load(journal))
        frames = an.JournalFrames.load(journal)
        fw, level = journal.framework(), journal.me().level
        print(f"journal: {len(frames.reflections):,} reflections, {len(frames.ratings):,} ratings, "
              f"{len(frames.feedback):,} feedback, {len(frames.goals):,} goals; "
              f"written in {build_s:.1f} s; today = {today}")  # fmt: skip
        print(f"JournalFrames.load (all five frames): {load_s:.3f} s (for reference, no target)")
        frame_times = {
            n: best_of(args.repeat, w) for n, w in analyses(frames, fw, level, today).items()
        }
        figure_times = {
            n: best_of(args.repeat, rendered(w))
            for n, w in figures(frames, fw, level, today).items()
        }
        journal.close()
    ok = report("analysis frame", frame_times, FRAME_TARGET_S)
    ok &= report("figure (built + PNG)", figure_times, FIGURE_TARGET_S)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
