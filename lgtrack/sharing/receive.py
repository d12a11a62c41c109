"""The coach's side: check a share bundle whole, then mirror it into the coach's journal.

:func:`plan_bundle` reads and checks everything (version, checksum, every field's type, the
framework, every record against it and against the bundle's own scope) and writes nothing;
:func:`~lgtrack.sharing.mirror.apply_bundle` writes, inside the caller's transaction.
``lgtrack import`` finds both through the import registry (:mod:`lgtrack.exchange.importing`),
keyed on ``"lgtrack-share"``.

The bundle's leader is stored as another leader (never "me"), with ``imported_at`` (now) and
``share_scope`` (the scope as JSON). For each kind the bundle includes, the coach's copy of that
leader's records inside the scope is made equal to the bundle: new records are added, changed
ones replaced (a bundle without free text leaves none behind), and records inside the scope that
the bundle lacks — deleted or made private since — are removed. Records outside the scope, other
leaders and the coach's own notes (:mod:`lgtrack.coaching`) are never touched.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import datetime, time, timedelta, timezone
from typing import Any

from .. import validation
from .._framework_schema import parse_framework_text
from ..errors import FrameworkError
from ..exchange.fields import Fields, FileProblem, problems_at, show
from ..exchange.merge import ImportOptions
from ..framework import ID_PATTERN, Framework, bundled_frameworks, load_framework
from ..journal import Journal
from ..keys import fingerprint
from ..records import CheckIn, Feedback, Goal, Leader, Rating, Reflection
from ..validation import MAX_SHORT
from .format import (
    BUNDLE_VERSION,
    FIRST_SIGNED_VERSION,
    FRAMEWORK_FIELDS,
    KINDS,
    LEADER_FIELDS,
    RATING_FIELDS,
    ROUNDS_VERSION,
    SCOPE_FIELDS,
    TOP_FIELDS,
    ShareScope,
    bundle_checksum,
    record_fields,
)
from .mirror import BundlePlan
from .signing import verify_document

_CHECKSUM = re.compile(r"^sha256:[0-9a-f]{64}$")
# How far in the future a bundle may be dated (clocks differ a little; a bundle dated years
# ahead would make every real bundle after it look older, and be refused).
MAX_CLOCK_AHEAD = timedelta(days=1)


# -- checking --------------------------------------------------------------------------------


def plan_bundle(journal: Journal, document: dict, options: ImportOptions) -> BundlePlan:
    """Check an ``lgtrack-share`` document against ``journal``; raises FileProblem."""
    _check_version(document.get("version"))
    _check_checksum(document)
    public_key = verify_document(document)
    top = Fields(document, "", allowed=TOP_FIELDS)
    created_at = top.moment("created_at")
    _check_not_ahead(created_at, journal.clock())
    top.text("generator", "", limit=100)
    framework, framework_version = _framework(journal, top)
    scope_json, scope = _scope(top, framework)
    leader = _leader(journal, top, framework, framework_version, created_at)
    pin = _check_key(journal, leader, public_key)  # before "older": a forgery is told as one
    _check_newer(journal, leader, created_at)
    plan = BundlePlan(leader, scope, scope_json, created_at, public_key=public_key, pin=pin)
    readers = {"reflections": _reflection, "goals": _goal, "feedback": _feedback}
    for kind in KINDS:
        records = _records(top, kind, scope, lambda f, k=kind: readers[k](f, plan, framework))
        _check_owner(journal, kind, records, leader.id)
        setattr(plan, kind, records)
    plan.rounds = _rounds(top, framework, scope)
    return plan


def _rounds(top: Fields, framework: Framework, scope: ShareScope) -> list[dict[str, Any]]:
    """A 360 round's shown figures (:mod:`.rounds`): only in a bundle of version 3 or later."""
    if "rounds" in top.raw and top.raw.get("version", 0) < ROUNDS_VERSION:
        raise FileProblem("rounds", "err_bundle_rounds_version", version=top.raw["version"])
    from .rounds import read_rounds

    return read_rounds(top, framework, scope)


def _check_version(version: Any) -> None:
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileProblem("version", "err_file_not_whole_number", got=show(version))
    if version > BUNDLE_VERSION:
        raise FileProblem("", "err_bundle_newer", version=version, supported=BUNDLE_VERSION)
    if version < 1:
        raise FileProblem("version", "err_bundle_unknown_version", version=version)
    if version < FIRST_SIGNED_VERSION:
        raise FileProblem("version", "err_bundle_unsigned_version", version=version)


def _check_checksum(document: dict) -> None:
    declared = document.get("checksum")
    if not isinstance(declared, str) or not _CHECKSUM.match(declared):
        raise FileProblem("checksum", "err_bundle_checksum_form", value=show(declared))
    if bundle_checksum(document) != declared:
        raise FileProblem("checksum", "err_bundle_checksum")


def _check_not_ahead(created_at: datetime, now: datetime) -> None:
    if created_at > now + MAX_CLOCK_AHEAD:
        raise FileProblem(
            "created_at",
            "err_bundle_future",
            day=created_at.date().isoformat(),
            today=now.date().isoformat(),
        )


def _check_key(journal: Journal, leader: Leader, public_key: str) -> bool:
    """Whether the bundle's key is to be pinned now (the leader's first signed bundle); a key
    other than the one pinned for this leader is refused: someone else signed it."""
    pinned = journal.store.leaders.pinned_key(leader.id)
    if pinned is None:
        return True
    if pinned != public_key:
        known = journal.store.leaders.get(leader.id)
        raise FileProblem(
            "signature",
            "err_bundle_other_key",
            name=known.name if known else leader.name,
            pinned=fingerprint(pinned),
            found=fingerprint(public_key),
            id=leader.id[:8],
        )
    return False


def _framework(journal: Journal, top: Fields) -> tuple[Framework, str]:
    f = Fields(top.raw.get("framework"), "framework", allowed=FRAMEWORK_FIELDS)
    framework_id = f.text("id", limit=80)
    if not ID_PATTERN.match(framework_id):
        raise FileProblem(f.at("id"), "err_file_not_framework_id", value=show(framework_id))
    version = f.text("version", limit=MAX_SHORT)
    try:
        at_version = journal.framework_at(framework_id, version)  # the leader's own version
        if at_version is not None:
            return at_version, version
    except FrameworkError as exc:
        raise FileProblem(f.at("id"), exc) from None
    stored = journal.store.frameworks.source(framework_id)
    bundled = bundled_frameworks().get(framework_id)
    try:
        if stored:
            return parse_framework_text(stored, f"{framework_id}.yaml"), version
        if bundled:
            return load_framework(bundled), version
    except FrameworkError as exc:
        raise FileProblem(f.at("id"), exc) from None
    raise FileProblem(f.at("id"), "err_bundle_unknown_framework", framework=framework_id)


def _scope(top: Fields, framework: Framework) -> tuple[dict[str, Any], ShareScope]:
    s = Fields(top.raw.get("scope"), "scope", allowed=SCOPE_FIELDS)
    since, until = s.day("from", None), s.day("to", None)
    disciplines = s.texts("disciplines", limit=80)
    include = s.texts("include", limit=20)
    if not disciplines:
        raise FileProblem(s.at("disciplines"), "err_file_scope_no_discipline")
    for name, values in (("disciplines", disciplines), ("include", include)):
        if len(set(values)) != len(values):
            raise FileProblem(s.at(name), "err_file_scope_twice")
    scope = ShareScope(since, until, tuple(disciplines), s.boolean("text"), tuple(include))
    with problems_at("scope"):
        checked = scope.checked(framework)
    return checked.to_json(), checked


def _leader(
    journal: Journal, top: Fields, framework: Framework, version: str, created_at: datetime
) -> Leader:
    raw = top.raw.get("leader")
    if isinstance(raw, dict) and "is_me" in raw:
        raise FileProblem("leader", "err_bundle_is_me")
    f = Fields(raw, "leader", allowed=LEADER_FIELDS)
    leader = Leader(
        id=f.uuid("id"),
        name=f.text("name", limit=MAX_SHORT),
        level=f.optional_text("level", limit=80),
        framework_id=framework.id,
        framework_version=version,
        lang=f.text("lang", "da", limit=10),
        unit=f.text("unit", "", limit=MAX_SHORT),
        is_me=False,
        created_at=created_at,
        updated_at=created_at,
    )
    with problems_at("leader"):
        validation.check_leader(framework, leader)
    existing = journal.store.leaders.get(leader.id)
    if existing is None:
        return leader
    if existing.is_me:
        raise FileProblem("", "err_bundle_own")
    if existing.framework_id != framework.id:
        raise FileProblem(
            "framework",
            "err_bundle_leader_framework",
            name=existing.name,
            existing=existing.framework_id,
            found=framework.id,
        )
    return replace(leader, created_at=existing.created_at)


def _check_newer(journal: Journal, leader: Leader, created_at: datetime) -> None:
    """A bundle older than the last one imported from the leader is refused (a replay)."""
    existing = journal.store.leaders.get(leader.id)
    if existing is None or existing.imported_at is None:
        return
    if created_at < existing.updated_at:
        raise FileProblem(
            "created_at",
            "err_bundle_older",
            day=created_at.date().isoformat(),
            name=existing.name,
            imported=existing.updated_at.date().isoformat(),
        )


def _records(top: Fields, kind: str, scope: ShareScope, read) -> list:
    items = top.items(kind)
    if items and kind not in scope.include:
        raise FileProblem(kind, "err_bundle_kind_outside", kind=kind)
    records, seen = [], set()
    for index, item in enumerate(items):
        where = f"{kind}[{index}]"
        _check_text_fields(item, where, kind, scope.text)
        record = read(Fields(item, where, allowed=record_fields(kind, scope.text)))
        if record.id in seen:
            raise FileProblem(f"{where}.id", "err_bundle_id_twice", id=record.id)
        seen.add(record.id)
        records.append(record)
    return records


def _check_text_fields(item: Any, where: str, kind: str, text: bool) -> None:
    if text or not isinstance(item, dict):
        return
    extra = set(record_fields(kind, True)) - set(record_fields(kind, False))
    for name in extra & set(item):
        raise FileProblem(f"{where}.{name}", "err_bundle_free_text")


def _check_owner(journal: Journal, kind: str, records: list, leader_id: str) -> None:
    owners = journal.store.owners(kind, [record.id for record in records])
    other = next((rid for rid, owner in owners.items() if owner != leader_id), None)
    if other is not None:
        raise FileProblem(kind, "err_file_record_other_leader", id=other)


def _outside(where: str, what: str) -> FileProblem:
    return FileProblem(where, "err_bundle_outside", what=what)


def _ratings(f: Fields, plan: BundlePlan, framework: Framework) -> tuple[Rating, ...]:
    ratings = []
    for index, item in enumerate(f.items("ratings")):
        r = Fields(item, f"{f.at('ratings')}[{index}]", allowed=RATING_FIELDS)
        rating = Rating(r.text("behaviour", limit=100), r.whole("score"))
        with problems_at(r.where):
            validation.check_behaviour(framework, rating.behaviour)
        if not plan.scope.covers_discipline(framework.behaviour(rating.behaviour).discipline):
            raise _outside(r.at("behaviour"), f"behaviour '{rating.behaviour}'")
        ratings.append(rating)
    return tuple(ratings)


def _reflection(f: Fields, plan: BundlePlan, framework: Framework) -> Reflection:
    text = plan.scope.text
    r = Reflection(
        id=f.uuid("id"),
        leader_id=plan.leader.id,
        day=f.day("day"),
        disciplines=tuple(sorted(set(f.texts("disciplines", limit=80)))),
        ratings=_ratings(f, plan, framework),
        level=f.optional_text("level", limit=80),
        framework_version=f.optional_text("framework_version") or plan.leader.framework_version,
        prompt=f.text("prompt", "") if text else "",
        text=f.text("text", "") if text else "",
        next_step=f.text("next_step", "") if text else "",
        tags=tuple(sorted(set(f.texts("tags", [], limit=100)))) if text else (),
        wellbeing=f.whole("wellbeing", None) if text else None,
        energy=f.whole("energy", None) if text else None,
    )
    with problems_at(f.where):
        # Without free text (or with its ratings outside the scope) a reflection may be empty:
        # it still tells the coach that the leader reflected that day.
        empty = not (r.text.strip() or r.ratings or r.next_step.strip())
        validation.check_reflection(framework, replace(r, next_step="-") if empty else r)
        if r.level is not None:
            validation.check_level(framework, r.level)
    if not plan.scope.covers_day(r.day):
        raise _outside(f.at("day"), r.day.isoformat())
    for discipline in r.disciplines:
        if not plan.scope.covers_discipline(discipline):
            raise _outside(f.at("disciplines"), f"discipline '{discipline}'")
    return r


def _goal(f: Fields, plan: BundlePlan, framework: Framework) -> Goal:
    goal_id = f.uuid("id")
    created_on, closed_on = f.day("created_on"), f.day("closed_on", None)
    goal = Goal(
        id=goal_id,
        leader_id=plan.leader.id,
        discipline=f.text("discipline", limit=80),
        title=f.text("title", limit=MAX_SHORT),
        behaviours=tuple(dict.fromkeys(f.texts("behaviours", limit=100))),
        why=f.text("why", "") if plan.scope.text else "",
        success=f.text("success", "") if plan.scope.text else "",
        due=f.day("due", None),
        status=f.text("status", limit=20),
        closed_on=closed_on,
        checkins=_checkins(f, goal_id, plan),
        created_at=datetime.combine(created_on, time(), timezone.utc),
    )
    with problems_at(f.where):
        validation.check_goal(framework, goal)
    if not plan.scope.covers_goal(goal.discipline, created_on, closed_on):
        raise _outside(f.where, f"goal {goal_id} (discipline or period)")
    for behaviour in goal.behaviours:
        if not plan.scope.covers_discipline(framework.behaviour(behaviour).discipline):
            raise _outside(f.at("behaviours"), f"behaviour '{behaviour}'")
    return goal


def _checkins(f: Fields, goal_id: str, plan: BundlePlan) -> tuple[CheckIn, ...]:
    """Check-ins carry no id in a bundle: theirs is derived from the goal and the position."""
    checkins = []
    for index, item in enumerate(f.items("checkins")):
        where = f"{f.at('checkins')}[{index}]"
        _check_text_fields(item, where, "checkins", plan.scope.text)
        c = Fields(item, where, allowed=record_fields("checkins", plan.scope.text))
        checkin = CheckIn(
            id=str(uuid.uuid5(uuid.UUID(goal_id), f"checkin-{index}")),
            goal_id=goal_id,
            day=c.day("day"),
            progress=c.whole("progress"),
            note=c.text("note", "") if plan.scope.text else "",
            # the order of same-day check-ins is kept by a microsecond per position
            created_at=plan.created_at + timedelta(microseconds=index),
        )
        with problems_at(where):
            validation.check_progress(checkin.progress)
        if not plan.scope.covers_day(checkin.day):
            raise _outside(c.at("day"), checkin.day.isoformat())
        checkins.append(checkin)
    return tuple(checkins)


def _feedback(f: Fields, plan: BundlePlan, framework: Framework) -> Feedback:
    text = plan.scope.text
    item = Feedback(
        id=f.uuid("id"),
        leader_id=plan.leader.id,
        day=f.day("day"),
        role=f.text("role", limit=20),
        discipline=f.text("discipline", limit=80),
        ratings=_ratings(f, plan, framework),
        name=f.text("name", "", limit=MAX_SHORT) if text else "",
        text=f.text("text", "") if text else "",
        framework_version=plan.leader.framework_version,
    )
    with problems_at(f.where):
        empty = not (item.text.strip() or item.ratings)
        validation.check_feedback(framework, replace(item, text="-") if empty else item)
    if not plan.scope.covers_day(item.day):
        raise _outside(f.at("day"), item.day.isoformat())
    if not plan.scope.covers_discipline(item.discipline):
        raise _outside(f.at("discipline"), f"discipline '{item.discipline}'")
    return item
