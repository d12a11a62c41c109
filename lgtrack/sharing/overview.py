"""The leaders a journal holds, side by side: "me" and everyone whose bundle was imported."""

from __future__ import annotations

import json
from typing import Any

from ..journal import Journal

_COUNTS = """
SELECT
  (SELECT COUNT(*) FROM reflections WHERE leader_id = :id),
  (SELECT COUNT(*) FROM goals WHERE leader_id = :id),
  (SELECT COUNT(*) FROM feedback WHERE leader_id = :id),
  (SELECT MAX(day) FROM (
      SELECT day FROM reflections WHERE leader_id = :id
      UNION ALL SELECT day FROM feedback WHERE leader_id = :id
      UNION ALL SELECT c.day FROM checkins c JOIN goals g ON g.id = c.goal_id
                WHERE g.leader_id = :id
      UNION ALL SELECT substr(created_at, 1, 10) FROM goals WHERE leader_id = :id)),
  (SELECT imported_at FROM leaders WHERE id = :id),
  (SELECT share_scope FROM leaders WHERE id = :id)
"""


def leader_overview(journal: Journal) -> list[dict[str, Any]]:
    """One entry per leader, "me" first, then by name.

    Each is ``{"id", "name", "level", "me", "imported_at", "framework": {"id", "version"},
    "reflections", "goals", "feedback", "last_entry", "scope"}``: counts of records (private
    ones included), the day of the latest entry or check-in (or None), and the scope of the
    last imported bundle (None for "me" and leaders not imported from a bundle).
    """
    overview = []
    for leader in journal.leaders():
        row = journal.conn.execute(_COUNTS, {"id": leader.id}).fetchone()
        reflections, goals, feedback, last_entry, imported_at, scope = row
        overview.append(
            {
                "id": leader.id,
                "name": leader.name,
                "level": leader.level,
                "me": leader.is_me,
                "imported_at": None if leader.is_me else imported_at,
                "framework": {"id": leader.framework_id, "version": leader.framework_version},
                "reflections": reflections,
                "goals": goals,
                "feedback": feedback,
                "last_entry": last_entry,
                "scope": json.loads(scope) if scope and not leader.is_me else None,
            }
        )
    return overview
