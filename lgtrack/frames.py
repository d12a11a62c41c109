"""The journal as pandas DataFrames, for analysis and notebooks.

Every function takes the journal and, optionally, a leader id (default: me). Dates are
``datetime64`` columns (``day``), "ved ikke" ratings are NaN scores, and every frame has its
columns even when the journal is empty.
"""

from __future__ import annotations

import pandas as pd

from . import specs
from .journal import Journal
from .storage import RATING_ROW

# The storage layer's long-form row, with the behaviour's discipline and level beside it.
RATING_COLUMNS = [*RATING_ROW[:2], "discipline", "level", *RATING_ROW[2:]]
# The record frames' columns come from the records' specifications (:mod:`lgtrack.specs`):
# every field marked ``frame``, lists of child records as their count (``n_ratings``).
REFLECTION_COLUMNS = list(specs.REFLECTION.frame_names)
GOAL_COLUMNS = [*specs.GOAL.frame_names, "created"]  # created: the day the goal was set
CHECKIN_COLUMNS = [*specs.CHECKIN.frame_names, "discipline", "title"]  # and its goal's
FEEDBACK_COLUMNS = list(specs.FEEDBACK.frame_names)


def _record_rows(spec: specs.RecordSpec, records) -> list[list]:
    fields = [f for f in spec.fields if f.frame]
    return [[specs.to_frame(f, getattr(record, f.name)) for f in fields] for record in records]


def _dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column], errors="coerce")
    return frame


def ratings_frame(
    journal: Journal, leader_id: str | None = None, *, include_private: bool = True
) -> pd.DataFrame:
    """Every rating in long form: one row per (entry, behaviour), self and feedback alike.

    ``source`` is ``"self"`` for reflections and the feedback role otherwise; ``level`` is the
    behaviour's level (None for general behaviours); ``leader_level`` the leader's level when the
    reflection was written. A 360 round's shown group means are rows too, one per group and
    behaviour, with the round's id as ``entry_id`` (:mod:`lgtrack.rounds.feed`).
    """
    leader = journal.leader_key(leader_id)
    rows = journal.store.ratings.long_form(leader, include_private=include_private)
    rows += _round_rows(journal, leader)
    frame = pd.DataFrame(rows, columns=list(RATING_ROW))
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce").astype(float)
    frame["private"] = frame["private"].astype(bool)
    lookup = _behaviour_lookup(journal, leader)
    frame["discipline"] = frame["behaviour"].map(lambda b: lookup.get(b, (None, None))[0])
    frame["level"] = frame["behaviour"].map(lambda b: lookup.get(b, (None, None))[1])
    frame = _dates(frame, "day")
    return (
        frame[RATING_COLUMNS]
        .sort_values(["day", "entry_id", "behaviour"], kind="stable")
        .reset_index(drop=True)
    )


def _round_rows(journal: Journal, leader_id: str | None) -> list[tuple]:
    """The shown group means of 360 rounds, as feedback from those groups (#12)."""
    from .rounds.feed import round_rating_rows

    leaders = [leader_id] if leader_id is not None else [x.id for x in journal.leaders()]
    return [row for leader in leaders for row in round_rating_rows(journal, leader)]


def _behaviour_lookup(journal: Journal, leader_id: str | None) -> dict[str, tuple[str, str | None]]:
    leaders = [journal.leader(leader_id)] if leader_id else journal.leaders()
    lookup: dict[str, tuple[str, str | None]] = {}
    for leader in leaders:
        for behaviour in journal.framework_for(leader).all_behaviours():
            lookup[behaviour.id] = (behaviour.discipline, behaviour.level)
    return lookup


def reflections_frame(
    journal: Journal, leader_id: str | None = None, *, include_private: bool = True
) -> pd.DataFrame:
    """One row per reflection, oldest first; ``disciplines`` and ``tags`` hold tuples."""
    from .query import EntryFilter

    items = journal.reflections(EntryFilter(include_private=include_private), leader_id=leader_id)
    rows = _record_rows(specs.REFLECTION, reversed(items))
    frame = pd.DataFrame(rows, columns=REFLECTION_COLUMNS)
    frame["wellbeing"] = pd.to_numeric(frame["wellbeing"]).astype(float)
    frame["energy"] = pd.to_numeric(frame["energy"]).astype(float)
    frame["private"] = frame["private"].astype(bool)
    frame["n_ratings"] = frame["n_ratings"].astype(int)
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True)
    return _dates(frame, "day")


def goals_frame(
    journal: Journal, leader_id: str | None = None, *, include_private: bool = True
) -> pd.DataFrame:
    """One row per goal with its latest progress, oldest first."""
    from .query import EntryFilter

    goals = list(
        reversed(journal.goals(EntryFilter(include_private=include_private), leader_id=leader_id))
    )
    rows = _record_rows(specs.GOAL, goals)
    created = [g.created_at.date() if g.created_at else None for g in goals]
    frame = pd.DataFrame(
        [[*row, day] for row, day in zip(rows, created, strict=True)], columns=GOAL_COLUMNS
    )
    frame["private"] = frame["private"].astype(bool)
    frame["progress"] = pd.to_numeric(frame["progress"]).astype(int)
    frame["n_checkins"] = frame["n_checkins"].astype(int)
    return _dates(frame, "due", "created", "closed_on")


def checkins_frame(
    journal: Journal, leader_id: str | None = None, *, include_private: bool = True
) -> pd.DataFrame:
    """One row per goal check-in, oldest first."""
    from .query import EntryFilter

    goals = journal.goals(EntryFilter(include_private=include_private), leader_id=leader_id)
    rows = [
        [*row, g.discipline, g.title]
        for g in goals
        for row in _record_rows(specs.CHECKIN, g.checkins)
    ]
    frame = _dates(pd.DataFrame(rows, columns=CHECKIN_COLUMNS), "day")
    frame["progress"] = pd.to_numeric(frame["progress"]).astype(int)
    return frame.sort_values(["day", "goal_id"], kind="stable").reset_index(drop=True)


def feedback_frame(
    journal: Journal, leader_id: str | None = None, *, include_private: bool = True
) -> pd.DataFrame:
    """One row per piece of feedback received, oldest first."""
    from .query import EntryFilter

    items = journal.feedback(EntryFilter(include_private=include_private), leader_id=leader_id)
    frame = pd.DataFrame(_record_rows(specs.FEEDBACK, reversed(items)), columns=FEEDBACK_COLUMNS)
    frame["private"] = frame["private"].astype(bool)
    frame["n_ratings"] = frame["n_ratings"].astype(int)
    return _dates(frame, "day")
