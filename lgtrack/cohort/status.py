"""Who in a cohort has delivered a bundle, and when: so the facilitator can remind. No figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from .._time import moment_to_text
from ..journal import Journal
from ..keys import fingerprint
from ..records import Cohort


def cohort_status(journal: Journal, cohort: Cohort, *, today: date) -> dict[str, Any]:
    """``{"cohort": {...}, "participants": [{"id", "initials", "level", "delivered_at",
    "imported_at", "days_since", "fingerprint"}]}``, the longest silent first. ``fingerprint`` is
    that of her pinned key (None: imported before bundles were signed), to compare aloud."""
    participants = sorted(
        journal.store.cohorts.participants(cohort.id),
        key=lambda p: (p.bundle_created_at, p.initials, p.participant_id),
    )
    return {
        "cohort": {
            "id": cohort.id,
            "name": cohort.name,
            "start": cohort.start.isoformat(),
            "end": cohort.end.isoformat(),
            "k": cohort.k,
        },  # fmt: skip
        "participants": [
            {
                "id": p.participant_id,
                "initials": p.initials,
                "level": p.level,
                "delivered_at": moment_to_text(p.bundle_created_at),
                "imported_at": moment_to_text(p.imported_at),
                "days_since": (today - p.bundle_created_at.date()).days,
                "fingerprint": fingerprint(p.public_key) if p.public_key else None,
            }
            for p in participants
        ],
    }
