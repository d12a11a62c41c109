"""The journal as pandas DataFrames, for analysis and notebooks.

Every function takes the journal and, optionally, a leader id (default: me). Dates are
``datetime64`` columns (``day``), "ved ikke" ratings are NaN scores, and every frame has its
columns even when the journal is empty.
"""

from __future__ import annotations

import pandas as pd

from .journal import Journal
from .storage import RATING_ROW

RATING_COLUMNS = [
    "day",
    "behaviour",
    "discipline",
    "level",
    "score",
    "source",
    "leader_id",
    "leader_level",
    "entry_id",
    "framework_version",
    "private",
]
REFLECTION_COLUMNS = [
    "id",
    "leader_id",
    "day",
    "level",
    "disciplines",
    "prompt",
    "text",
    "next_step",
    "tags",
    "wellbeing",
    "energy",
    "private",
    "n_ratings",
    "created_at",
]
GOAL_COLUMNS = [
    "id",
    "leader_id",
    "discipline",
    "title",
    "why",
    "success",
    "behaviours",
    "due",
    "status",
    "private",
    "progress",
    "n_checkins",
    "created",
    "closed_on",
]
CHECKIN_COLUMNS = ["id", "goal_id", "discipline", "title", "day", "progress", "note"]
FEEDBACK_COLUMNS = [
    "id",
    "leader_id",
    "day",
    "role",
    "name",
    "discipline",
    "text",
    "private",
    "n_ratings",
]


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
    reflection was written.
    """
    leader = journal.leader_key(leader_id)
    rows = journal.store.ratings.long_form(leader, include_private=include_private)
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
    frame = pd.DataFrame(
        [
            (
                r.id,
                r.leader_id,
                r.day,
                r.level,
                r.disciplines,
                r.prompt,
                r.text,
                r.next_step,
                r.tags,
                r.wellbeing,
                r.energy,
                r.private,
                len(r.ratings),
                r.created_at,
            )
            for r in reversed(items)
        ],
        columns=REFLECTION_COLUMNS,
    )
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

    goals = journal.goals(EntryFilter(include_private=include_private), leader_id=leader_id)
    frame = pd.DataFrame(
        [
            (
                g.id,
                g.leader_id,
                g.discipline,
                g.title,
                g.why,
                g.success,
                g.behaviours,
                g.due,
                g.status,
                g.private,
                g.progress,
                len(g.checkins),
                g.created_at.date() if g.created_at else None,
                g.closed_on,
            )
            for g in reversed(goals)
        ],
        columns=GOAL_COLUMNS,
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
        (c.id, g.id, g.discipline, g.title, c.day, c.progress, c.note)
        for g in goals
        for c in g.checkins
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
    frame = pd.DataFrame(
        [
            (
                f.id,
                f.leader_id,
                f.day,
                f.role,
                f.name,
                f.discipline,
                f.text,
                f.private,
                len(f.ratings),
            )
            for f in reversed(items)
        ],
        columns=FEEDBACK_COLUMNS,
    )
    frame["private"] = frame["private"].astype(bool)
    frame["n_ratings"] = frame["n_ratings"].astype(int)
    return _dates(frame, "day")
