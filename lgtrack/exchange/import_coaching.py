"""Reading a coach's notes from an ``lgtrack-export`` file (version 2); nothing is written.

Checked as strictly as every other record: unknown fields refused, types, dates and text limits,
an action's status (open, done, dropped) and its closing date, a session or action whose leader
is neither in the file nor in this journal refused, and an action's ``session_id`` naming a
session of the same leader in the file or in this journal (or ``null``). A leader's
``share_scope`` is checked as a share bundle's scope is, against the leader's framework.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import specs, validation
from ..framework import Framework
from ..journal import Journal
from ..records import Action, CoachSession, Leader
from .fields import Fields, FileProblem, problems_at
from .records_json import read_values


@dataclass
class CoachFile:
    """What a coach record may point to: the file's leaders and sessions, and the journal."""

    journal: Journal
    leader_ids: set[str]
    sessions: dict[str, CoachSession] = field(default_factory=dict)


def leader_origins(
    items: list[Any], owners: dict[str, tuple[Leader, Framework]]
) -> dict[str, dict[str, Any]]:
    """Per leader id: its ``imported_at`` and ``share_scope`` (the leaders are valid)."""
    origins = {}
    for index, item in enumerate(items):
        f = Fields(item, f"leaders[{index}]")
        leader, fw = owners[f.uuid("id")]
        origins[leader.id] = {
            "imported_at": f.optional_moment("imported_at"),
            "share_scope": _share_scope(f, fw),
        }
    return origins


def _share_scope(f: Fields, fw: Framework) -> dict[str, Any] | None:
    if f.raw.get("share_scope") is None:
        return None
    from ..sharing.format import SCOPE_FIELDS, ShareScope  # late: lgtrack.sharing imports us

    s = Fields(f.raw["share_scope"], f.at("share_scope"), allowed=SCOPE_FIELDS)
    disciplines = s.texts("disciplines", limit=80)
    include = s.texts("include", limit=20)
    if not disciplines:
        raise FileProblem(s.at("disciplines"), "err_file_scope_no_discipline")
    for name, values in (("disciplines", disciplines), ("include", include)):
        if len(set(values)) != len(values):
            raise FileProblem(s.at(name), "err_file_scope_twice")
    scope = ShareScope(
        s.day("from", None),
        s.day("to", None),
        tuple(disciplines),
        s.boolean("text"),
        tuple(include),
    )
    with problems_at(s.where):
        checked = scope.checked(fw)
    return checked.to_json()


def _leader_id(f: Fields, coach: CoachFile) -> str:
    leader_id = f.uuid("leader_id")
    if leader_id not in coach.leader_ids and coach.journal.store.leaders.get(leader_id) is None:
        raise FileProblem(f.at("leader_id"), "err_file_unknown_leader", id=leader_id)
    return leader_id


def read_session(f: Fields, coach: CoachFile) -> CoachSession:
    values = read_values(specs.COACH_SESSION, f, skip=("leader_id",))
    session = CoachSession(**values, leader_id=_leader_id(f, coach))
    with problems_at(f.where):
        validation.check_session(session)
    coach.sessions[session.id] = session
    return session


def read_action(f: Fields, coach: CoachFile) -> Action:
    leader_id = _leader_id(f, coach)
    values = read_values(specs.COACH_ACTION, f, skip=("leader_id", "session_id"))
    action = Action(**values, leader_id=leader_id, session_id=_session_id(f, coach, leader_id))
    with problems_at(f.where):
        validation.check_action(action)
    if (action.status == "open") != (action.closed_on is None):
        if action.closed_on:
            raise FileProblem(f.at("closed_on"), "err_file_closed_on_open")
        raise FileProblem(f.at("closed_on"), "err_file_closed_on_needed", status=action.status)
    return action


def _session_id(f: Fields, coach: CoachFile, leader_id: str) -> str | None:
    if f.raw.get("session_id") is None:
        return None
    session_id = f.uuid("session_id")
    session = coach.sessions.get(session_id) or coach.journal.store.coaching.get_session(session_id)
    if session is None:
        raise FileProblem(f.at("session_id"), "err_file_unknown_session", id=session_id)
    if session.leader_id != leader_id:
        raise FileProblem(f.at("session_id"), "err_file_other_leaders_session", id=session_id)
    return session_id
