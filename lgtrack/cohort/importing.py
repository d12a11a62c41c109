"""``lgtrack cohort import``: participants' cohort bundles into the facilitator's cohort.

Files and folders (every ``*.json`` under a folder) are read and checked whole first
(:func:`~lgtrack.cohort.bundle.read_cohort_bundle`, signature included); one bad bundle refuses
the import with one line naming the file, and nothing is written. Refused too: a bundle dated
more than a day ahead of now (it would make every real bundle after it look older), and one
signed with another key than the one pinned for its participant (someone else made it).
Then every participant is written in one transaction: a new participant is added with her key
pinned, a newer bundle replaces what the cohort held about her (in place), the same bundle again
changes nothing, and an older one than stored is skipped and counted ("older than the one
stored" in the summary line), so it never replaces newer data.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import ImportFileError, NotFoundError, ValidationError
from ..exchange.fields import FileProblem
from ..exchange.reading import display_name, read_document, refuse
from ..framework import Framework, load_framework
from ..journal import Journal
from ..keys import fingerprint
from ..records import Cohort, CohortParticipant
from ..sharing.receive import MAX_CLOCK_AHEAD
from .bundle import CohortDelivery, read_cohort_bundle

Progress = Callable[[int, int], None]
MIN_PREFIX = 6


@dataclass
class CohortImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0


def find_cohort(journal: Journal, ref: str) -> Cohort:
    """The cohort whose id is ``ref`` or starts with it (at least six characters)."""
    ref = ref.strip().lower()
    if len(ref) < MIN_PREFIX:
        raise ValidationError("err_cohort_id_short", id=ref, min=MIN_PREFIX)
    found = journal.store.cohorts.matching(ref)
    if not found:
        raise NotFoundError("err_cohort_not_found", id=ref)
    if len(found) > 1:
        raise ValidationError("err_cohort_id_ambiguous", id=ref)
    return found[0]


def cohort_framework(cohort: Cohort) -> Framework:
    return load_framework(cohort.framework_id)


def bundle_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files named, and every ``*.json`` under the folders named, in a stable order."""
    found: list[Path] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.json") if p.is_file())
        elif path.exists():
            found.append(path)
        else:
            raise ImportFileError("err_import_no_such_file", path=str(path))
    if not found:
        raise ValidationError("err_cohort_no_bundles")
    return list(dict.fromkeys(found))


def plan_cohort_import(
    journal: Journal,
    cohort: Cohort,
    paths: list[Path],
    *,
    now: datetime,
    progress: Progress | None = None,
) -> list[CohortDelivery]:
    """Every bundle read and checked; per participant only her newest. Nothing is written."""
    framework = cohort_framework(cohort)
    newest: dict[str, CohortDelivery] = {}
    pinned = {
        p.participant_id: p.public_key
        for p in journal.store.cohorts.participants(cohort.id)
        if p.public_key is not None
    }
    for done, path in enumerate(paths, start=1):
        document = read_document(path)
        try:
            delivery = read_cohort_bundle(document, framework)
            _check_not_ahead(delivery, now)
            _check_key(delivery, pinned)
        except FileProblem as problem:
            raise refuse(display_name(path), problem) from None
        # the first signed bundle of a participant pins her key, for the rest of this import too
        pinned.setdefault(delivery.participant_id, delivery.public_key)
        current = newest.get(delivery.participant_id)
        if current is None or delivery.created_at > current.created_at:
            newest[delivery.participant_id] = delivery
        if progress is not None:
            progress(done, len(paths))
    return list(newest.values())


def import_cohort(
    journal: Journal,
    cohort: Cohort,
    paths: Iterable[str | os.PathLike],
    *,
    now: datetime,
    progress: Progress | None = None,
) -> CohortImportSummary:
    """Read ``paths`` (files or folders) whole, then write them in one transaction."""
    deliveries = plan_cohort_import(
        journal, cohort, bundle_paths(paths), now=now, progress=progress
    )
    summary = CohortImportSummary()
    repo = journal.store.cohorts
    with journal.atomic():
        for d in deliveries:
            stored = repo.participant(cohort.id, d.participant_id)
            if stored is not None and stored.checksum == d.checksum and stored.public_key:
                summary.unchanged += 1
                continue
            if stored is not None and stored.bundle_created_at > d.created_at:
                summary.older += 1
                continue
            if stored is None:
                summary.added += 1
            else:
                summary.updated += 1
            repo.replace_participant(
                cohort.id, _participant(d, now), d.reflection_days, d.ratings, d.effects
            )
    return summary


def _check_not_ahead(d: CohortDelivery, now: datetime) -> None:
    if d.created_at > now + MAX_CLOCK_AHEAD:
        raise FileProblem(
            "created_at",
            "err_bundle_future",
            day=d.created_at.date().isoformat(),
            today=now.date().isoformat(),
        )


def _check_key(d: CohortDelivery, pinned: dict[str, str]) -> None:
    """A participant known by another key: someone else signed this bundle with her id."""
    known = pinned.get(d.participant_id)
    if known is not None and known != d.public_key:
        raise FileProblem(
            "signature",
            "err_cohort_other_key",
            initials=d.initials,
            id=d.participant_id[:8],
            pinned=fingerprint(known),
            found=fingerprint(d.public_key),
        )


def _participant(d: CohortDelivery, now: datetime) -> CohortParticipant:
    return CohortParticipant(
        participant_id=d.participant_id,
        initials=d.initials,
        level=d.level,
        framework_version=d.framework_version,
        bundle_created_at=d.created_at,
        checksum=d.checksum,
        imported_at=now,
        goals_open=d.goals["open"],
        goals_achieved=d.goals["achieved"],
        goals_dropped=d.goals["dropped"],
        public_key=d.public_key,  # the same as pinned (checked), or pinned now
    )
