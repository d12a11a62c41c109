"""The development page's figures, drawn as the page shows them, against a wide PNG only.

    python benchmarks/bench_figures.py [--repeat N]

On the demo journal (a team leader with two years of reflections, feedback and goals), each
figure of the "My development" page (all disciplines, all time) is drawn and rendered:

- lgtrack: in both layouts (``wide`` and ``narrow``), each as an SVG ``data:`` URI, as
  ``lgtrack.ui._figures`` puts them into the page's ``<picture>``;
- peer: the page before the narrow layout: the wide figure only, as a 96 dpi PNG.

Seconds are the best of N runs (drawing and rendering; the analysis frames are computed once,
outside the timing), sizes are the bytes sent to the browser. The last line is the whole page:
``DevelopmentWidget(journal)`` as a notebook builds it. Nothing is compared for correctness
here; ``tests/test_plots.py`` and the browser tests do that.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import time
from datetime import date

from lgtrack import Journal, plots
from lgtrack import analysis as an
from lgtrack.demo import build_demo

TODAY = date(2026, 11, 30)


def inputs(journal: Journal) -> dict:
    """Each figure's plot function and arguments, as the page calls it."""
    fw, me = journal.framework(), journal.me()
    frames = an.JournalFrames.load(journal)
    mine = an.level_behaviours(fw, me.level, None)
    evidence = {"goals": frames.goals, "checkins": frames.checkins}
    status = an.goal_status(frames.goals, TODAY, checkins=frames.checkins)
    return {
        "trends": (plots.plot_trends, (an.discipline_trends(frames.ratings, fw, behaviours=mine),
                                       fw), {"levels": an.level_periods(frames.ratings)}),
        "heatmap": (plots.plot_behaviour_heatmap,
                    (an.behaviour_by_month(frames.ratings, fw, behaviours=mine), fw), {}),
        "radar": (plots.plot_radar, (an.self_vs_others(frames.ratings, fw), fw), {}),
        "coverage": (plots.plot_coverage,
                     (an.coverage(frames.ratings, fw, me.level, TODAY, **evidence), fw), {}),
        "goals": (plots.plot_goal_timeline, (status, TODAY),
                  {"progress": an.goal_progress(frames.checkins)}),
        "cadence": (plots.plot_cadence_calendar,
                    (an.daily_reflection_counts(frames.reflections, TODAY),), {}),
    }  # fmt: skip


def as_page(plot, args, options) -> int:
    from lgtrack.ui._figures import svg_data_uri

    return sum(len(svg_data_uri(plot(*args, layout=layout, **options))) for layout in plots.LAYOUTS)


def as_peer(plot, args, options) -> int:
    buffer = io.BytesIO()
    plot(*args, layout="wide", **options).savefig(buffer, format="png", dpi=96)
    return len(base64.b64encode(buffer.getvalue()))


def best(repeat: int, work, *args) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        size = work(*args)
        times.append(time.perf_counter() - started)
    return min(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    print(f"load average before: {os.getloadavg()[0]:.2f}; best of {repeat}")
    journal = Journal.open(":memory:")
    build_demo(journal, today=TODAY)
    total = [0.0, 0, 0.0, 0]
    print(f"{'figure':10} {'lgtrack s':>10} {'KB':>6} {'peer s':>8} {'KB':>6} {'ratio':>6}")
    for name, (plot, args, options) in inputs(journal).items():
        mine, mine_size = best(repeat, as_page, plot, args, options)
        peer, peer_size = best(repeat, as_peer, plot, args, options)
        total = [total[0] + mine, total[1] + mine_size, total[2] + peer, total[3] + peer_size]
        print(f"{name:10} {mine:10.2f} {mine_size / 1024:6.0f} {peer:8.2f} {peer_size / 1024:6.0f}"
              f" {mine / peer:6.2f}")  # fmt: skip
    print(f"{'all':10} {total[0]:10.2f} {total[1] / 1024:6.0f} {total[2]:8.2f} "
          f"{total[3] / 1024:6.0f} {total[0] / total[2]:6.2f}")  # fmt: skip
    from lgtrack.ui import DevelopmentWidget

    page, _ = best(repeat, lambda: DevelopmentWidget(journal) and 0)
    print(f"the whole page, DevelopmentWidget(journal): {page:.2f} s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
