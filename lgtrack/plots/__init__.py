"""Plots of a leader's development: object-oriented matplotlib, never pyplot.

Each function takes the frame an :mod:`lgtrack.analysis` function returns (plus the framework
where names or the scale are needed), ``lang`` (``"da"`` or ``"en"``) and ``ax=None``, and
returns a :class:`matplotlib.figure.Figure`: a new one, or the one ``ax`` belongs to. With too
little data a plot becomes an empty state: the figure holds a message saying what to do, it never
raises. Colours are Okabe & Ito's colour-blind-safe palette; texts come from
``lgtrack/messages.yaml``. ``layout`` is ``"wide"`` (a desktop page) or ``"narrow"`` (a phone:
:data:`NARROW_WIDTH` inches wide, no text under :data:`NARROW_FONT` points, labels above
their rows and legends below the plot).

===========================  ======================================================
:func:`plot_trends`          discipline (or behaviour) trends, with a level overlay
:func:`plot_behaviour_heatmap`  mean self-rating per behaviour × month
:func:`plot_radar`           self, others and target per discipline
:func:`plot_coverage`        coverage of my level's behaviours per discipline
:func:`plot_goal_timeline`   goals from creation to due date, with check-ins
:func:`plot_cadence_calendar`  reflections per day, a calendar of weeks
===========================  ======================================================

A "My development" view (period, discipline, level overlay) is a few calls::

    frames = JournalFrames.load(journal)                  # lgtrack.analysis
    fw, me = journal.framework(), journal.me()
    mine = level_behaviours(fw, me.level, discipline)     # discipline=None: all of them
    trends = behaviour_trends(frames.ratings, fw, behaviours=mine, since=start, until=today)
    figure = plot_trends(trends, fw, levels=level_periods(frames.ratings), lang=me.lang)
"""

from __future__ import annotations

from ._style import LAYOUTS, NARROW_FONT, NARROW_WIDTH
from .cadence import plot_cadence_calendar
from .coverage import plot_coverage
from .goals import plot_goal_timeline
from .radar import plot_radar
from .trends import plot_behaviour_heatmap, plot_trends

__all__ = [
    "LAYOUTS",
    "NARROW_FONT",
    "NARROW_WIDTH",
    "plot_behaviour_heatmap",
    "plot_cadence_calendar",
    "plot_coverage",
    "plot_goal_timeline",
    "plot_radar",
    "plot_trends",
]
