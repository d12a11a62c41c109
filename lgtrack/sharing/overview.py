"""The leaders a journal holds, side by side: "me" and everyone whose bundle was imported."""

from __future__ import annotations

from typing import Any

from .._time import moment_to_text
from ..journal import Journal
from ..keys import fingerprint


def leader_overview(journal: Journal) -> list[dict[str, Any]]:
    """One entry per leader, "me" first, then by name.

    Each is ``{"id", "name", "level", "me", "imported_at", "framework": {"id", "version"},
    "reflections", "goals", "feedback", "last_entry", "scope", "fingerprint"}``: counts of
    records (private ones included), the day of the latest entry or check-in (or None), the
    scope of the last imported bundle (None for "me" and leaders not imported from a bundle),
    and the fingerprint of the key pinned for the leader (None for "me" and before a signed
    bundle came in).
    """
    pinned = journal.store.leaders.pinned_keys()
    overview = []
    activity = journal.store.leaders.activity_of_all()
    for leader in journal.leaders():
        reflections, goals, feedback, last_entry = activity.get(leader.id, (0, 0, 0, None))
        imported_at = leader.imported_at
        overview.append(
            {
                "id": leader.id,
                "name": leader.name,
                "level": leader.level,
                "me": leader.is_me,
                "imported_at": None
                if leader.is_me or not imported_at
                else moment_to_text(imported_at),
                "framework": {"id": leader.framework_id, "version": leader.framework_version},
                "reflections": reflections,
                "goals": goals,
                "feedback": feedback,
                "last_entry": last_entry,
                "scope": None if leader.is_me else leader.share_scope,
                "fingerprint": fingerprint(pinned[leader.id]) if leader.id in pinned else None,
            }
        )
    return overview
