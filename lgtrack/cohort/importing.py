"""``lgtrack cohort import``: participants' cohort bundles into the facilitator's cohort.

Files and folders (every ``*.json`` under a folder) are read and checked whole first
(:func:`~lgtrack.cohort.bundle.read_cohort_bundle`); one bad bundle refuses the import with one
line naming the file, and nothing is written. Then every participant is written in one
transaction: a new participant is added, a newer bundle replaces what the cohort held about her
(in place), the same bundle again changes nothing, and an older one than stored is left out.
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
from ..records import Cohort, CohortParticipant
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
    cohort: Cohort, paths: list[Path], progress: Progress | None = None
) -> list[CohortDelivery]:
    """Every bundle read and checked; per participant only her newest. Nothing is written."""
    framework = cohort_framework(cohort)
    newest: dict[str, CohortDelivery] = {}
    for done, path in enumerate(paths, start=1):
        document = read_document(path)
        try:
            delivery = read_cohort_bundle(document, framework)
        except FileProblem as problem:
            raise refuse(display_name(path), problem) from None
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
    deliveries = plan_cohort_import(cohort, bundle_paths(paths), progress)
    summary = CohortImportSummary()
    repo = journal.store.cohorts
    with journal.atomic():
        for d in deliveries:
            stored = repo.participant(cohort.id, d.participant_id)
            if stored is not None and stored.checksum == d.checksum:
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
    )
