"""Reading an ``lgtrack-export`` file (format in :mod:`lgtrack.exchange.export_json`) into a plan.

Everything is checked before anything is written: the version, every field's type, every record
against the framework of its leader (:mod:`lgtrack.validation`), UUIDs unique within the file,
and that each record points to a leader in the file. Fields not in the format are refused.
Version 1 files (no coach's notes) are read as before; version 2 adds the coach's sessions and
actions and each leader's ``imported_at`` and ``share_scope`` (read by
:mod:`lgtrack.exchange.import_coaching`).

Leaders: the file's leader marked ``is_me`` becomes "me" when this journal has no profile yet;
when it has one (another person), that leader is imported as another leader — never two "me"s.
Frameworks: each version of a custom framework in the file is stored when this journal does not
have that id and version; when the file's copy of a version differs from the one this journal
has, the import is refused (rather than changing the framework under existing records). Each
reflection and feedback is checked against the framework version it was made with.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .. import specs, validation
from .._framework_schema import MAX_FILE_BYTES, parse_framework_text
from ..errors import FrameworkError, Message
from ..framework import ID_PATTERN, Framework, bundled_frameworks, load_framework, same_content
from ..journal import Journal
from ..records import CheckIn, EffectAnswer, Feedback, Goal, Leader, Reflection
from ..validation import MAX_SHORT
from .export_json import (
    EXPORT_VERSION,
    FRAMEWORK_FIELDS,
    TOP_FIELDS,
    TOP_FIELDS_V1,
    TOP_FIELDS_V2,
)
from .fields import Fields, FileProblem, problems_at, show
from .import_coaching import CoachFile, leader_origins, read_action, read_session
from .merge import ImportOptions, ImportPlan
from .records_json import read_values

Owners = dict[str, tuple[Leader, Framework]]
Versions = dict[tuple[str, str], Framework]


@dataclass
class Context:
    """What reading the entries needs: each leader with their framework, and the frameworks
    by id and version (entries keep the version they were made with)."""

    journal: Journal
    owners: Owners
    versions: Versions


def plan_lgtrack_export(journal: Journal, document: dict, options: ImportOptions) -> ImportPlan:
    """Validate an ``lgtrack-export`` document against ``journal``; nothing is written."""
    version = _check_version(document.get("version"))
    allowed = {1: TOP_FIELDS_V1, 2: TOP_FIELDS_V2}.get(version, TOP_FIELDS)
    top = Fields(document, "", allowed=allowed)
    top.moment("exported_at")
    frameworks, to_store = _frameworks(journal, top.items("frameworks", []))
    leader_fields = specs.LEADER.json_names(version)
    owners, notes = _leaders(journal, top.items("leaders"), frameworks, leader_fields)
    plan = ImportPlan(frameworks=to_store, notes=notes)
    plan.leaders = [leader for leader, _ in owners.values()]
    ctx = Context(journal, owners, frameworks)
    plan.reflections = _records(top, specs.REFLECTION, _reflection, ctx)
    plan.goals = _records(top, specs.GOAL, _goal, ctx)
    plan.feedback = _records(top, specs.FEEDBACK, _feedback, ctx)
    checkins = [c.id for g in plan.goals for c in g.checkins]
    if len(set(checkins)) != len(checkins):
        raise FileProblem("goals", "err_file_checkin_twice")
    if version >= 2:
        _coach_notes(journal, top, owners, plan)
    if version >= 3:  # 360 rounds (#12) and effect answers (#13)
        from ..rounds.exchange import read_rounds

        plan.rounds = read_rounds(top, owners)
        plan.effect_answers = _records(top, specs.EFFECT_ANSWER, _effect_answer, owners)
    return plan


def _coach_notes(journal: Journal, top: Fields, owners: Owners, plan: ImportPlan) -> None:
    """Version 2: the leaders' bundle origin, the coach's sessions and actions."""
    origins = leader_origins(top.items("leaders"), owners)
    plan.leaders = [replace(leader, **origins[leader.id]) for leader in plan.leaders]
    plan.origins_known = set(origins)
    coach = CoachFile(journal, set(owners))
    plan.coach_sessions = _records(top, specs.COACH_SESSION, read_session, coach)
    plan.coach_actions = _records(top, specs.COACH_ACTION, read_action, coach)


def _check_version(version: Any) -> int:
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileProblem("version", "err_file_not_whole_number", got=show(version))
    if version > EXPORT_VERSION:
        raise FileProblem("", "err_file_newer_export", version=version, supported=EXPORT_VERSION)
    if version < 1:
        raise FileProblem("version", "err_file_unknown_export_version", version=version)
    return version


def _records(top: Fields, spec: specs.RecordSpec, read, context) -> list:
    """Each item of ``top[spec.kind]`` read by ``read(fields, context)``; an id twice is
    refused; fields the record's specification does not export are refused."""
    records, seen = [], set()
    key = spec.kind
    for index, item in enumerate(top.items(key, [])):
        fields = Fields(item, f"{key}[{index}]", allowed=spec.json_names())
        record = read(fields, context)
        if record.id in seen:
            raise FileProblem(fields.at("id"), "err_file_id_twice", id=record.id)
        seen.add(record.id)
        records.append(record)
    return records


# -- frameworks and leaders ------------------------------------------------------------------


def _frameworks(journal: Journal, items: list[Any]) -> tuple[Versions, list[tuple]]:
    """The file's frameworks, by id and version; those this journal lacks are to be stored.
    A version this journal knows with other content is refused (it would change old ratings)."""
    found: Versions = {}
    to_store: list[tuple[str, str, str]] = []
    for index, item in enumerate(items):
        f = Fields(item, f"frameworks[{index}]", allowed=FRAMEWORK_FIELDS)
        framework_id = _framework_id(f, "id")
        version = f.text("version", limit=MAX_SHORT)
        if (framework_id, version) in found:
            label = f"{framework_id} {version}"
            raise FileProblem(f.at("id"), "err_file_framework_twice", framework=label)
        source = f.text("source", limit=MAX_FILE_BYTES)
        try:
            fw = parse_framework_text(source, f"{framework_id}.yaml")
        except FrameworkError as exc:
            raise FileProblem(f.at("source"), exc) from None
        if (fw.id, fw.version) != (framework_id, version):
            found_as, declared = f"{fw.id} {fw.version}", f"{framework_id} {version}"
            raise FileProblem(
                f.where, "err_file_framework_mismatch", found=found_as, declared=declared
            )
        known = journal.framework_at(framework_id, version)
        if known is None:
            to_store.append((framework_id, version, source))
        elif not same_content(known, fw):
            label = f"{framework_id} {version}"
            raise FileProblem(f.where, "err_file_framework_differs", framework=label)
        found[(framework_id, version)] = fw
    return found, to_store


def _framework_id(f: Fields, key: str) -> str:
    value = f.text(key, limit=80)
    if not ID_PATTERN.match(value):
        raise FileProblem(f.at(key), "err_file_not_framework_id", value=show(value))
    return value


def _framework_for(journal: Journal, f: Fields, found: Versions) -> Framework:
    """The framework named by a leader at the leader's version: the file's copy, this
    journal's, or a bundled one; a file from before versions were kept: any copy of that id."""
    framework_id = _framework_id(f, "framework_id")
    version = f.text("framework_version", limit=MAX_SHORT)
    try:
        fw = found.get((framework_id, version)) or journal.framework_at(framework_id, version)
        if fw is None:
            fw = _any_version(journal, framework_id, found)
    except FrameworkError as exc:
        raise FileProblem(f.at("framework_id"), exc) from None
    if fw is None:
        raise FileProblem(
            f.at("framework_id"), "err_file_unknown_framework", framework=framework_id
        )
    found[(framework_id, version)] = fw
    return fw


def _any_version(journal: Journal, framework_id: str, found: Versions) -> Framework | None:
    in_file = [fw for (fid, _), fw in found.items() if fid == framework_id]
    if in_file:
        return in_file[-1]
    stored = journal.store.frameworks.source(framework_id)
    if stored:
        return parse_framework_text(stored, f"{framework_id}.yaml")
    bundled = bundled_frameworks().get(framework_id)
    return load_framework(bundled) if bundled else None


def _at_version(ctx: Context, fw: Framework, version: str | None) -> Framework:
    """The framework an entry was made with (its own version), where the file or this journal
    has it; else the leader's."""
    if not version or version == fw.version:
        return fw
    key = (fw.id, version)
    if key not in ctx.versions:
        ctx.versions[key] = ctx.journal.framework_at(fw.id, version) or fw
    return ctx.versions[key]


def _leaders(
    journal: Journal, items: list[Any], found: Versions, allowed: tuple[str, ...]
) -> tuple[Owners, list]:
    parsed: list[tuple[Leader, Framework]] = []
    for index, item in enumerate(items):
        f = Fields(item, f"leaders[{index}]", allowed=allowed)
        fw = _framework_for(journal, f, found)
        # the origin (imported_at, share_scope) is read with the coach's notes (version 2)
        values = read_values(specs.LEADER, f, skip=("imported_at", "share_scope"))
        leader = Leader(**{**values, "framework_id": fw.id})
        with problems_at(f.where):
            validation.check_leader(fw, leader)
        if any(leader.id == other.id for other, _ in parsed):
            raise FileProblem(f.at("id"), "err_file_id_twice", id=leader.id)
        existing = journal.store.leaders.get(leader.id)
        if existing is not None and existing.framework_id != leader.framework_id:
            raise FileProblem(
                f.where,
                "err_file_leader_framework",
                existing=existing.framework_id,
                found=leader.framework_id,
            )
        parsed.append((leader, fw))
    if sum(leader.is_me for leader, _ in parsed) > 1:
        raise FileProblem("leaders", "err_file_two_mes")
    return _assign_me(journal.me(), parsed)


def _assign_me(me: Leader | None, parsed: list[tuple[Leader, Framework]]) -> tuple[Owners, list]:
    """Never two "me"s: the file's "me" is only "me" here when this journal has none (or is it)."""
    owners: Owners = {}
    notes: list[Message] = []
    for leader, fw in parsed:
        is_me = leader.id == me.id if me is not None else leader.is_me
        if leader.is_me and not is_me:
            notes.append(Message("note_leader_not_me", name=leader.name, me=me.name))
        owners[leader.id] = (replace(leader, is_me=is_me), fw)
    return owners, notes


def _owner(f: Fields, owners: Owners) -> tuple[Leader, Framework]:
    leader_id = f.uuid("leader_id")
    if leader_id not in owners:
        raise FileProblem(f.at("leader_id"), "err_file_not_a_leader", id=leader_id)
    return owners[leader_id]


# -- records ---------------------------------------------------------------------------------


def _reflection(f: Fields, ctx: Context) -> Reflection:
    leader, fw = _owner(f, ctx.owners)
    values = read_values(specs.REFLECTION, f, skip=("leader_id",))
    r = Reflection(
        **{
            **values,
            "leader_id": leader.id,
            "disciplines": tuple(sorted(set(values["disciplines"]))),
            "tags": tuple(sorted(set(values["tags"]))),
            "framework_version": values["framework_version"] or leader.framework_version,
        }
    )
    fw = _at_version(ctx, fw, r.framework_version)
    with problems_at(f.where):
        validation.check_reflection(fw, r)
        if r.level is not None:
            validation.check_level(fw, r.level)
    return r


def _checkin(f: Fields, goal_id: str) -> CheckIn:
    checkin = CheckIn(**read_values(specs.CHECKIN, f), goal_id=goal_id)
    with problems_at(f.where):
        validation.check_progress(checkin.progress)
    return checkin


def _goal(f: Fields, ctx: Context) -> Goal:
    leader, fw = _owner(f, ctx.owners)
    values = read_values(specs.GOAL, f, skip=("leader_id",))
    allowed = specs.CHECKIN.json_names()
    checkins = tuple(
        _checkin(Fields(item, f"{f.at('checkins')}[{i}]", allowed=allowed), values["id"])
        for i, item in enumerate(f.items("checkins", []))
    )
    goal = Goal(
        **{
            **values,
            "leader_id": leader.id,
            "behaviours": tuple(dict.fromkeys(values["behaviours"])),
            "checkins": checkins,
        }
    )
    with problems_at(f.where):
        validation.check_goal(fw, goal)
    return goal


def _feedback(f: Fields, ctx: Context) -> Feedback:
    leader, fw = _owner(f, ctx.owners)
    values = read_values(specs.FEEDBACK, f, skip=("leader_id",))
    item = Feedback(
        **{
            **values,
            "leader_id": leader.id,
            "framework_version": values["framework_version"] or leader.framework_version,
        }
    )
    fw = _at_version(ctx, fw, item.framework_version)
    with problems_at(f.where):
        validation.check_feedback(fw, item)
    return item


def _effect_answer(f: Fields, owners: Owners) -> EffectAnswer:
    """Version 3: a leader's quarterly answer to the framework's effects (#13)."""
    leader, fw = _owner(f, owners)
    values = read_values(specs.EFFECT_ANSWER, f, skip=("leader_id",))
    answer = EffectAnswer(**{**values, "leader_id": leader.id})
    with problems_at(f.at("scores")):
        validation.check_effect_answer(fw, answer)
    return answer
