"""Reading an ``lgtrack-export`` file (format in :mod:`lgtrack.exchange.export_json`) into a plan.

Everything is checked before anything is written: the version, every field's type, every record
against the framework of its leader (:mod:`lgtrack.validation`), UUIDs unique within the file,
and that each record points to a leader in the file. Fields not in the format are refused.
Version 1 files (no coach's notes) are read as before; version 2 adds the coach's sessions and
actions and each leader's ``imported_at`` and ``share_scope`` (read by
:mod:`lgtrack.exchange.import_coaching`).

Leaders: the file's leader marked ``is_me`` becomes "me" when this journal has no profile yet;
when it has one (another person), that leader is imported as another leader — never two "me"s.
Frameworks: a custom framework in the file is stored when this journal has no framework with
that id; when the file's copy differs from the one this journal uses, the import is refused
(rather than changing the framework under existing records).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import leaders as leaders_sql
from .. import validation
from .._framework_schema import MAX_FILE_BYTES, parse_framework_text
from ..errors import FrameworkError
from ..framework import ID_PATTERN, Framework, bundled_frameworks, load_framework
from ..journal import Journal
from ..records import CheckIn, Feedback, Goal, Leader, Rating, Reflection
from ..validation import MAX_SHORT
from .export_json import (
    CHECKIN_FIELDS,
    COACH_ACTION_FIELDS,
    COACH_SESSION_FIELDS,
    EXPORT_VERSION,
    FEEDBACK_FIELDS,
    FRAMEWORK_FIELDS,
    GOAL_FIELDS,
    LEADER_FIELDS,
    LEADER_FIELDS_V1,
    RATING_FIELDS,
    REFLECTION_FIELDS,
    TOP_FIELDS,
    TOP_FIELDS_V1,
)
from .fields import Fields, FileProblem, problems_at, show
from .import_coaching import CoachFile, leader_origins, read_action, read_session
from .merge import ImportOptions, ImportPlan

Owners = dict[str, tuple[Leader, Framework]]


def plan_lgtrack_export(journal: Journal, document: dict, options: ImportOptions) -> ImportPlan:
    """Validate an ``lgtrack-export`` document against ``journal``; nothing is written."""
    version = _check_version(document.get("version"))
    top = Fields(document, "", allowed=TOP_FIELDS_V1 if version == 1 else TOP_FIELDS)
    top.moment("exported_at")
    frameworks, to_store = _frameworks(journal, top.items("frameworks", []))
    leader_fields = LEADER_FIELDS_V1 if version == 1 else LEADER_FIELDS
    owners, notes = _leaders(journal, top.items("leaders"), frameworks, leader_fields)
    plan = ImportPlan(frameworks=to_store, notes=notes)
    plan.leaders = [leader for leader, _ in owners.values()]
    plan.reflections = _records(top, "reflections", REFLECTION_FIELDS, _reflection, owners)
    plan.goals = _records(top, "goals", GOAL_FIELDS, _goal, owners)
    plan.feedback = _records(top, "feedback", FEEDBACK_FIELDS, _feedback, owners)
    checkins = [c.id for g in plan.goals for c in g.checkins]
    if len(set(checkins)) != len(checkins):
        raise FileProblem("goals", "two check-ins have the same id")
    if version >= 2:
        _coach_notes(journal, top, owners, plan)
    return plan


def _coach_notes(journal: Journal, top: Fields, owners: Owners, plan: ImportPlan) -> None:
    """Version 2: the leaders' bundle origin, the coach's sessions and actions."""
    plan.leader_origins = leader_origins(top.items("leaders"), owners)
    coach = CoachFile(journal, set(owners))
    plan.coach_sessions = _records(top, "coach_sessions", COACH_SESSION_FIELDS, read_session, coach)
    plan.coach_actions = _records(top, "coach_actions", COACH_ACTION_FIELDS, read_action, coach)


def _check_version(version: Any) -> int:
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileProblem("version", f"must be a whole number, got {show(version)}")
    if version > EXPORT_VERSION:
        raise FileProblem(
            "",
            f"made by a newer lgtrack (export version {version}; this lgtrack reads version "
            f"{EXPORT_VERSION}); upgrade lgtrack to import it",
        )
    if version < 1:
        raise FileProblem("version", f"unknown export version {version}")
    return version


def _records(top: Fields, key: str, allowed, read, context) -> list:
    """Each item of ``top[key]`` read by ``read(fields, context)``; an id twice is refused."""
    records, seen = [], set()
    for index, item in enumerate(top.items(key, [])):
        fields = Fields(item, f"{key}[{index}]", allowed=allowed)
        record = read(fields, context)
        if record.id in seen:
            raise FileProblem(fields.at("id"), f"{record.id} appears twice in the file")
        seen.add(record.id)
        records.append(record)
    return records


# -- frameworks and leaders ------------------------------------------------------------------


def _frameworks(journal: Journal, items: list[Any]) -> tuple[dict[str, Framework], list[tuple]]:
    found: dict[str, Framework] = {}
    to_store: list[tuple[str, str, str]] = []
    for index, item in enumerate(items):
        f = Fields(item, f"frameworks[{index}]", allowed=FRAMEWORK_FIELDS)
        framework_id = _framework_id(f, "id")
        if framework_id in found:
            raise FileProblem(f.at("id"), f"framework '{framework_id}' appears twice")
        version = f.text("version", limit=MAX_SHORT)
        source = f.text("source", limit=MAX_FILE_BYTES)
        try:
            fw = parse_framework_text(source, f"{framework_id}.yaml")
        except FrameworkError as exc:
            raise FileProblem(f.at("source"), str(exc)) from None
        if (fw.id, fw.version) != (framework_id, version):
            raise FileProblem(
                f.where,
                f"the source is framework {fw.id} {fw.version}, not {framework_id} {version}",
            )
        known = _known_source(journal, framework_id)
        if known is None:
            to_store.append((framework_id, version, source))
        elif known != source:
            raise FileProblem(
                f.where,
                f"framework '{framework_id}' differs from the one this "
                "journal uses; import refused so as not to change it",
            )
        found[framework_id] = fw
    return found, to_store


def _framework_id(f: Fields, key: str) -> str:
    value = f.text(key, limit=80)
    if not ID_PATTERN.match(value):
        raise FileProblem(f.at(key), f"{show(value)} is not a framework id")
    return value


def _known_source(journal: Journal, framework_id: str) -> str | None:
    row = journal.conn.execute("SELECT source FROM frameworks WHERE id = ?", (framework_id,))
    stored = row.fetchone()
    if stored:
        return stored[0]
    bundled = bundled_frameworks().get(framework_id)
    return bundled.read_text(encoding="utf-8-sig") if bundled else None


def _framework_for(journal: Journal, f: Fields, found: dict[str, Framework]) -> Framework:
    """The framework named by a leader: the file's copy, this journal's, or a bundled one."""
    framework_id = _framework_id(f, "framework_id")
    if framework_id not in found:
        row = journal.conn.execute("SELECT source FROM frameworks WHERE id = ?", (framework_id,))
        stored = row.fetchone()
        bundled = bundled_frameworks().get(framework_id)
        try:
            if stored:
                found[framework_id] = parse_framework_text(stored[0], f"{framework_id}.yaml")
            elif bundled:
                found[framework_id] = load_framework(bundled)
            else:
                raise FileProblem(
                    f.at("framework_id"),
                    f"unknown framework '{framework_id}' (not in the file, not installed)",
                )
        except FrameworkError as exc:
            raise FileProblem(f.at("framework_id"), str(exc)) from None
    return found[framework_id]


def _leaders(
    journal: Journal, items: list[Any], found: dict[str, Framework], allowed: tuple[str, ...]
) -> tuple[Owners, list]:
    parsed: list[tuple[Leader, Framework]] = []
    for index, item in enumerate(items):
        f = Fields(item, f"leaders[{index}]", allowed=allowed)
        fw = _framework_for(journal, f, found)
        leader = Leader(
            id=f.uuid("id"),
            name=f.text("name", limit=MAX_SHORT),
            level=f.optional_text("level", limit=80),
            framework_id=fw.id,
            framework_version=f.text("framework_version", limit=MAX_SHORT),
            lang=f.text("lang", "da", limit=10),
            unit=f.text("unit", "", limit=MAX_SHORT),
            is_me=f.boolean("is_me", False),
            created_at=f.moment("created_at"),
            updated_at=f.moment("updated_at"),
        )
        with problems_at(f.where):
            validation.check_leader(fw, leader)
        if any(leader.id == other.id for other, _ in parsed):
            raise FileProblem(f.at("id"), f"{leader.id} appears twice in the file")
        existing = leaders_sql.get(journal.conn, leader.id)
        if existing is not None and existing.framework_id != leader.framework_id:
            raise FileProblem(
                f.where,
                f"this journal has that leader with framework "
                f"'{existing.framework_id}', not '{leader.framework_id}'",
            )
        parsed.append((leader, fw))
    if sum(leader.is_me for leader, _ in parsed) > 1:
        raise FileProblem("leaders", "more than one leader is marked is_me")
    return _assign_me(journal.me(), parsed)


def _assign_me(me: Leader | None, parsed: list[tuple[Leader, Framework]]) -> tuple[Owners, list]:
    """Never two "me"s: the file's "me" is only "me" here when this journal has none (or is it)."""
    owners: Owners = {}
    notes: list[str] = []
    for leader, fw in parsed:
        is_me = leader.id == me.id if me is not None else leader.is_me
        if leader.is_me and not is_me:
            notes.append(
                f"'{leader.name}' was added as another leader, not as you "
                f"(this journal's profile is '{me.name}')"
            )
        owners[leader.id] = (replace(leader, is_me=is_me), fw)
    return owners, notes


def _owner(f: Fields, owners: Owners) -> tuple[Leader, Framework]:
    leader_id = f.uuid("leader_id")
    if leader_id not in owners:
        raise FileProblem(f.at("leader_id"), f"{leader_id} is not one of the file's leaders")
    return owners[leader_id]


# -- records ---------------------------------------------------------------------------------


def _ratings(f: Fields) -> tuple[Rating, ...]:
    ratings = []
    for index, item in enumerate(f.items("ratings", [])):
        r = Fields(item, f"{f.at('ratings')}[{index}]", allowed=RATING_FIELDS)
        ratings.append(Rating(r.text("behaviour", limit=100), r.whole("score")))
    return tuple(ratings)


def _reflection(f: Fields, owners: Owners) -> Reflection:
    leader, fw = _owner(f, owners)
    r = Reflection(
        id=f.uuid("id"),
        leader_id=leader.id,
        day=f.day("day"),
        disciplines=tuple(sorted(set(f.texts("disciplines", limit=80)))),
        prompt=f.text("prompt", ""),
        text=f.text("text", ""),
        next_step=f.text("next_step", ""),
        ratings=_ratings(f),
        wellbeing=f.whole("wellbeing", None),
        energy=f.whole("energy", None),
        tags=tuple(sorted(set(f.texts("tags", [], limit=100)))),
        private=f.boolean("private", False),
        level=f.optional_text("level", limit=80),
        framework_version=f.optional_text("framework_version") or leader.framework_version,
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at"),
    )
    with problems_at(f.where):
        validation.check_reflection(fw, r)
        if r.level is not None:
            validation.check_level(fw, r.level)
    return r


def _checkin(f: Fields, goal_id: str) -> CheckIn:
    checkin = CheckIn(
        id=f.uuid("id"),
        goal_id=goal_id,
        day=f.day("day"),
        progress=f.whole("progress"),
        note=f.text("note", ""),
        created_at=f.moment("created_at"),
    )
    with problems_at(f.where):
        validation.check_progress(checkin.progress)
    return checkin


def _goal(f: Fields, owners: Owners) -> Goal:
    leader, fw = _owner(f, owners)
    goal_id = f.uuid("id")
    checkins = tuple(
        _checkin(Fields(item, f"{f.at('checkins')}[{i}]", allowed=CHECKIN_FIELDS), goal_id)
        for i, item in enumerate(f.items("checkins", []))
    )
    goal = Goal(
        id=goal_id,
        leader_id=leader.id,
        discipline=f.text("discipline", limit=80),
        title=f.text("title", limit=MAX_SHORT),
        behaviours=tuple(dict.fromkeys(f.texts("behaviours", [], limit=100))),
        why=f.text("why", ""),
        success=f.text("success", ""),
        due=f.day("due", None),
        status=f.text("status", "open", limit=20),
        private=f.boolean("private", False),
        closed_on=f.day("closed_on", None),
        checkins=checkins,
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at"),
    )
    with problems_at(f.where):
        validation.check_goal(fw, goal)
    return goal


def _feedback(f: Fields, owners: Owners) -> Feedback:
    leader, fw = _owner(f, owners)
    item = Feedback(
        id=f.uuid("id"),
        leader_id=leader.id,
        day=f.day("day"),
        role=f.text("role", limit=20),
        name=f.text("name", "", limit=MAX_SHORT),
        discipline=f.text("discipline", limit=80),
        text=f.text("text", ""),
        ratings=_ratings(f),
        private=f.boolean("private", False),
        framework_version=f.optional_text("framework_version") or leader.framework_version,
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at"),
    )
    with problems_at(f.where):
        validation.check_feedback(fw, item)
    return item
