"""Writing a validated import into the journal: upsert by UUID, newest copy wins.

An importer turns a file into an :class:`ImportPlan` (records already validated); :func:`apply_plan`
compares each record with the journal's copy, then writes. Rules:

- a record whose UUID is new is added;
- a record the journal already holds is left alone when equal or when the journal's copy is as
  new or newer (``updated_at``), and replaced when the file's copy is newer;
- a goal's check-ins are merged: check-ins the journal lacks are added, none is removed;
- a coach's sessions and actions are records like the others (newest ``updated_at`` wins);
  a leader's ``imported_at`` and ``share_scope`` are taken from the file when the file's copy
  of that leader is new here or newer;
- a record (or check-in) whose UUID belongs to another leader (or goal) in the journal is a
  conflict: the whole import is refused before anything is written.

The caller runs plan and apply inside one ``journal.atomic()`` block: an import is all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import tzinfo

from ..errors import Message
from ..journal import Journal
from ..records import Action, CoachSession, EffectAnswer, Feedback, Goal, Leader, Reflection
from ..storage import DatabaseError, Store
from ..storage.faults import fault_from
from .fields import FileProblem
from .reading import clean_message

KINDS = (
    "leaders",
    "reflections",
    "goals",
    "feedback",
    "coach_sessions",
    "coach_actions",
    "rounds",
    "effect_answers",
)


@dataclass(frozen=True)
class ImportOptions:
    """Choices for formats that lack something lgtrack needs (jrnl entries have no discipline).

    ``discipline``: the discipline of every imported jrnl entry (default: ``self`` when the
    framework has it, else its first discipline). ``tz``: the time zone of jrnl's local entry
    times; None means this machine's local zone, with its summer-time rule for each date.
    """

    discipline: str | None = None
    tz: tzinfo | None = None


@dataclass
class ImportPlan:
    """Validated records to write, in the order leaders, reflections, goals, feedback, coach
    sessions, coach actions. ``origins_known``: the ids of leaders whose ``imported_at`` and
    ``share_scope`` the file states (only formats that carry them fill it); for the others the
    journal's own values are kept."""

    leaders: list[Leader] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    coach_sessions: list[CoachSession] = field(default_factory=list)
    coach_actions: list[Action] = field(default_factory=list)
    rounds: list = field(default_factory=list)  # lgtrack.rounds.exchange.RoundCopy (#12)
    effect_answers: list[EffectAnswer] = field(default_factory=list)
    origins_known: set[str] = field(default_factory=set)
    frameworks: list[tuple[str, str, str]] = field(default_factory=list)  # (id, version, source)
    repeated: dict[str, int] = field(default_factory=dict)  # records the file itself repeats
    notes: list[Message] = field(default_factory=list)  # told after the summary, translated


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, per kind of record."""

    added: dict[str, int]
    updated: dict[str, int]
    present: dict[str, int]  # already in the journal (equal, or the journal's copy is newer)
    notes: tuple[Message, ...] = ()

    def imported(self, kind: str) -> int:
        return self.added.get(kind, 0) + self.updated.get(kind, 0)

    def line(self, lang: str = "en") -> str:
        """One line in ``lang``: ``imported 12 reflections, 3 goals, 4 feedback (2 already
        present)`` or ``Importeret: 12 refleksioner, 3 mål, 4 feedback (2 fandtes allerede)``."""
        from ..formatting import number, plural
        from ..i18n import t

        kinds = ["reflections", "goals", "feedback"]
        if self.imported("coach_sessions") or self.imported("coach_actions"):
            kinds += ["coach_sessions", "coach_actions"]
        if self.imported("rounds"):
            kinds.append("rounds")
        counts = ", ".join(plural(f"count_{kind}", self.imported(kind), lang) for kind in kinds)
        present = sum(self.present.get(k, 0) for k in KINDS if k != "leaders")
        extra = [t("import_present", lang, count=number(present, lang))]
        updated = sum(self.updated.get(k, 0) for k in KINDS if k != "leaders")
        if updated:
            extra.append(t("import_updated", lang, count=number(updated, lang)))
        line = t("import_summary", lang, counts=counts, extra=", ".join(extra))
        line += "".join(f"; {note.render(lang)}" for note in self.notes)
        return clean_message(line, limit=1000)


def apply_plan(journal: Journal, plan: ImportPlan) -> ImportSummary:
    """Compare ``plan`` with the journal, refuse conflicts, then write (caller's transaction)."""
    store = journal.store
    counts = {name: {kind: 0 for kind in KINDS} for name in ("added", "updated", "present")}
    for kind, repeats in plan.repeated.items():
        counts["present"][kind] += repeats
    coach = store.coaching
    writes = [
        *_decide(counts, "leaders", plan.leaders, _leader_decision(store, plan.origins_known)),
        *_decide(counts, "reflections", plan.reflections, _owned(store.reflections.get)),
        *_decide(counts, "goals", plan.goals, _goal_decision(store, plan.goals)),
        *_decide(counts, "feedback", plan.feedback, _owned(store.feedback.get)),
        *_decide(counts, "coach_sessions", plan.coach_sessions, _owned(coach.get_session)),
        *_decide(counts, "coach_actions", plan.coach_actions, _owned(coach.get_action)),
        *_decide(counts, "effect_answers", plan.effect_answers, _owned(store.effects.get)),
    ]
    savers = {
        "leaders": store.leaders.save,
        "reflections": store.reflections.save,
        "goals": store.goals.save,
        "feedback": store.feedback.save,
        "coach_sessions": coach.save_session,
        "coach_actions": coach.save_action,
        "effect_answers": store.effects.save,
    }
    try:
        for framework_id, version, source in plan.frameworks:
            store.frameworks.add(framework_id, version, source)
        for kind, record in writes:
            savers[kind](record)
        if plan.rounds:
            from ..rounds.exchange import apply_rounds

            apply_rounds(store, plan.rounds, counts)
    except DatabaseError as exc:  # a constraint the checks above missed: nothing is kept
        fault = fault_from(exc)
        if fault is not None:  # a full disk, a damaged journal…: say that, not "refused"
            raise fault from None
        raise FileProblem("", "err_file_journal_refused", reason=str(exc)) from None
    return ImportSummary(
        added=counts["added"],
        updated=counts["updated"],
        present=counts["present"],
        notes=tuple(plan.notes),
    )


def _decide(counts, kind, records, decide) -> list[tuple[str, object]]:
    """For each record, what to write (if anything); counts the outcome."""
    writes = []
    for record in records:
        outcome, to_write = decide(record)
        counts[outcome][kind] += 1
        if to_write is not None:
            writes.append((kind, to_write))
    return writes


def _newer(incoming, existing) -> bool:
    return incoming.updated_at > existing.updated_at


def _owned(get):
    """A decision for records that belong to a leader and are replaced whole."""

    def decide(record):
        existing = get(record.id)
        if existing is None:
            return "added", record
        if existing.leader_id != record.leader_id:
            raise FileProblem("", "err_file_record_other_leader", id=record.id)
        if existing == record or not _newer(record, existing):
            return "present", None
        return "updated", replace(record, created_at=existing.created_at)

    return decide


def _leader_decision(store: Store, origins_known: set[str]):
    """The newer copy of a leader wins; its origin (``imported_at``, ``share_scope``) comes
    with it when the file states one, else the journal's is kept."""

    def decide(leader: Leader):
        existing = store.leaders.get(leader.id)
        if existing is None:
            return "added", leader
        base = leader if _newer(leader, existing) else existing
        if base is leader and leader.id not in origins_known:
            base = replace(base, imported_at=existing.imported_at, share_scope=existing.share_scope)
        merged = replace(base, is_me=leader.is_me, created_at=existing.created_at)
        if merged == existing:
            return "present", None
        return "updated", merged

    return decide


def _goal_decision(store: Store, goals: list[Goal]):
    owners = store.goals.checkin_owners([c.id for g in goals for c in g.checkins])

    def decide(goal: Goal):
        for checkin in goal.checkins:
            if owners.get(checkin.id, goal.id) != goal.id:
                raise FileProblem("", "err_file_checkin_other_goal", id=checkin.id)
        existing = store.goals.get(goal.id)
        if existing is None:
            return "added", goal
        if existing.leader_id != goal.leader_id:
            raise FileProblem("", "err_file_goal_other_leader", id=goal.id)
        known = {c.id for c in existing.checkins}
        new_checkins = tuple(c for c in goal.checkins if c.id not in known)
        base = goal if _newer(goal, existing) else existing
        merged = replace(
            base, checkins=existing.checkins + new_checkins, created_at=existing.created_at
        )
        if _same_goal(merged, existing):
            return "present", None
        return "updated", merged

    return decide


def _same_goal(a: Goal, b: Goal) -> bool:
    return replace(a, checkins=()) == replace(b, checkins=()) and set(a.checkins) == set(b.checkins)
