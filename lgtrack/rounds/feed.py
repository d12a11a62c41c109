"""A round feeds the leader's development (#12): its *shown* group means enter the ratings in
long form (:func:`lgtrack.frames.ratings_frame`) as feedback from that group, so that the
self-vs-others view and the development figures see them.

Each row is one shown group's mean for one behaviour, on the round's day (closing day, else
the day it was created), with the round's id as its ``entry_id``: the mark that it comes from a
360 round (:func:`is_round_entry`). Hidden figures (too few answers, or hidden to protect
another group) never enter; the round's own self answers do not either (the leader's
self-ratings are her reflections).
"""

from __future__ import annotations

from ..journal import Journal
from .results import OTHER_GROUPS, round_results


def round_rating_rows(journal: Journal, leader_id: str) -> list[tuple]:
    """Rows in the storage layer's long form (``RATING_ROW``) for ``leader_id``'s rounds."""
    rows = []
    for item in journal.store.rounds.all(leader_id):
        results = round_results(journal, item)
        day = (item.closed_on or item.created_at.date()).isoformat()
        for b in results.behaviours:
            for group in OTHER_GROUPS:
                cell = b.groups[group]
                if cell.shown:
                    rows.append((day, b.id, cell.mean, group, item.leader_id, item.level,
                                 item.id, item.framework_version, False))  # fmt: skip
    return rows


def round_ids(journal: Journal, leader_id: str) -> set[str]:
    """The ids of ``leader_id``'s rounds: the ``entry_id`` of every row a round feeds."""
    return {item.id for item in journal.store.rounds.all(leader_id)}
