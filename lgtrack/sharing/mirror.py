"""Writing a checked share bundle into the coach's journal: the leader's records in scope
are made equal to the bundle (rules in :mod:`lgtrack.sharing.receive`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from .._time import moment_to_text
from ..exchange.merge import ImportSummary
from ..exchange.reading import clean_message
from ..journal import Journal
from ..keys import fingerprint
from ..query import EntryFilter
from ..records import Feedback, Goal, Leader, Reflection
from .format import KINDS, ShareScope

_EVERYTHING = EntryFilter(include_private=True)


@dataclass
class BundlePlan:
    """A checked bundle: the leader and the records to mirror, nothing written yet."""

    leader: Leader
    scope: ShareScope
    scope_json: dict[str, Any]
    created_at: datetime
    reflections: list[Reflection] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)  # checked: shown figures only
    public_key: str = ""  # the signer's, checked against the key pinned for the leader
    pin: bool = False  # the leader's first signed bundle: pin its key


@dataclass(frozen=True)
class ShareImportSummary(ImportSummary):
    """What importing a bundle did; ``removed`` counts records the leader no longer shares."""

    leader_name: str = ""
    removed: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    fingerprint: str = ""  # of the leader's key, to compare aloud with the leader
    new_key: bool = False  # True when this import pinned the key
    rounds: int = 0  # 360 rounds whose shown figures the bundle carried (#12)

    def line(self, lang: str = "en") -> str:
        """``imported AB's share bundle: 3 reflections, ... (2 added, 1 removed, ...)`` in
        ``lang``."""
        from ..formatting import number, plural
        from ..i18n import t

        totals = ", ".join(
            plural(f"count_{k}", self.imported(k) + self.unchanged.get(k, 0), lang) for k in KINDS
        )
        if self.rounds:
            totals += ", " + plural("count_rounds", self.rounds, lang)
        outcome = t(
            "share_import_outcome",
            lang,
            **{
                name: number(sum(counts.get(k, 0) for k in KINDS), lang)
                for name, counts in (
                    ("added", self.added),
                    ("updated", self.updated),
                    ("unchanged", self.unchanged),
                    ("removed", self.removed),
                )
            },
        )
        name = self.leader_name
        line = t("share_import_summary", lang, name=name, totals=totals, outcome=outcome)
        if self.fingerprint:
            key = "share_import_new_key" if self.new_key else "share_import_key"
            line += " " + t(key, lang, name=name, fingerprint=self.fingerprint)
        return clean_message(line, limit=1000)


# -- writing ---------------------------------------------------------------------------------


def apply_bundle(journal: Journal, plan: BundlePlan) -> ShareImportSummary:
    """Mirror the checked bundle into ``journal`` (inside the caller's transaction)."""
    existing = journal.store.leaders.get(plan.leader.id)
    counts = {
        name: dict.fromkeys(KINDS, 0) for name in ("added", "updated", "unchanged", "removed")
    }
    journal.store.leaders.save(
        replace(plan.leader, imported_at=journal.clock(), share_scope=plan.scope_json)
    )
    if plan.pin:
        pinned_at = moment_to_text(journal.clock())
        journal.store.leaders.pin_key(plan.leader.id, plan.public_key, pinned_at)
    for kind in plan.scope.include:
        _mirror(journal, plan, kind, counts)
    # The bundle speaks for every round the leader shares: one it lacks is no longer shared.
    journal.store.shared_rounds.replace(plan.leader.id, plan.rounds)
    return ShareImportSummary(
        added={"leaders": int(existing is None), **counts["added"]},
        updated={"leaders": int(existing is not None), **counts["updated"]},
        present=dict.fromkeys(("leaders", *KINDS), 0),
        leader_name=plan.leader.name,
        removed=counts["removed"],
        unchanged=counts["unchanged"],
        fingerprint=fingerprint(plan.public_key) if plan.public_key else "",
        new_key=plan.pin,
        rounds=len(plan.rounds),
    )


def _mirror(journal: Journal, plan: BundlePlan, kind: str, counts: dict) -> None:
    repository = getattr(journal.store, kind)
    incoming = {record.id: record for record in getattr(plan, kind)}
    held = {record.id: record for record in repository.query(plan.leader.id, _EVERYTHING)}
    for record in held.values():
        if record.id not in incoming and _covers(plan.scope, kind, record):
            repository.delete(record.id)
            counts["removed"][kind] += 1
    for record in incoming.values():
        stored = held.get(record.id)  # the plan refused records held for another leader
        if stored is not None and _same(kind, stored, record):
            counts["unchanged"][kind] += 1
            continue
        created = stored.created_at if stored is not None else plan.created_at
        if kind == "goals":
            created = record.created_at
        repository.save(replace(record, created_at=created, updated_at=plan.created_at))
        counts["updated" if stored is not None else "added"][kind] += 1


def _covers(scope: ShareScope, kind: str, record) -> bool:
    """Whether the coach's copy of a record lies inside ``scope`` (so a bundle speaks for it)."""
    if kind == "reflections":
        return scope.covers_day(record.day) and scope.covers_any(record.disciplines)
    if kind == "feedback":
        return scope.covers_day(record.day) and scope.covers_discipline(record.discipline)
    return scope.covers_goal(record.discipline, _created_on(record), record.closed_on)


def _created_on(goal: Goal) -> date:
    return goal.created_at.date()


def _same(kind: str, stored, incoming) -> bool:
    ignore = {"created_at": None, "updated_at": None}
    if kind != "goals":
        return replace(stored, **ignore) == replace(incoming, **ignore)
    if _created_on(stored) != _created_on(incoming):
        return False
    steps = [[(c.day, c.progress, c.note) for c in g.checkins] for g in (stored, incoming)]
    return steps[0] == steps[1] and replace(stored, checkins=(), **ignore) == replace(
        incoming, checkins=(), **ignore
    )


def stored_scope(journal: Journal, leader_id: str) -> dict[str, Any] | None:
    """The scope of the last bundle imported for ``leader_id`` (None if never imported)."""
    leader = journal.store.leaders.get(leader_id)
    return leader.share_scope if leader else None
