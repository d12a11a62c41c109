"""The leader's side: a share bundle of "me" for a chosen scope, and writing it to a file.

Private entries never leave: they are filtered out in the query *and* again here. Without free
text, each record is cut down to the fields of :func:`~lgtrack.sharing.format.record_fields`.
Ratings and goal behaviours outside the chosen disciplines are left out, and so are ratings of
behaviours the leader's framework no longer knows (the coach could not read them).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import specs
from .._files import write_atomically
from .._time import day_to_text, moment_to_text
from ..errors import ValidationError
from ..framework import Framework
from ..journal import Journal
from ..query import EntryFilter
from ..records import Feedback, Goal, Leader, Rating, Reflection
from ..validation import MAX_SHORT
from .format import BUNDLE_FORMAT, ROUNDS_VERSION, ShareScope, bundle_checksum, record_fields
from .signing import sign_with_journal


def build_bundle(
    journal: Journal,
    scope: ShareScope,
    *,
    now: datetime,
    name: str | None = None,
    rounds: Iterable[str] = (),
) -> dict[str, Any]:
    """The bundle of the journal owner's entries within ``scope``, with its checksum, signed with
    the journal's own key (made on first need: :func:`lgtrack.keys.journal_keys`).

    ``name`` replaces the profile's name in the bundle (e.g. initials); ``now`` is its
    ``created_at``; ``rounds`` are ids of 360 rounds whose shown figures go too
    (:mod:`.rounds`; none by default). Raises ValidationError for a bad scope, name, time or
    round, NotFoundError for an unknown round.
    """
    from .. import __version__

    me = journal.require_me()
    framework = journal.framework_for(me)
    scope = scope.checked(framework)
    if now.tzinfo is None:
        raise ValidationError("err_share_time_zone")
    bundle: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "version": ROUNDS_VERSION - 1,
        "created_at": moment_to_text(now),
        "generator": f"lgtrack {__version__}",
        "framework": {"id": framework.id, "version": me.framework_version},
        "leader": _leader(me, name, with_text=scope.text),
        "scope": scope.to_json(),
        "reflections": _reflections(journal, framework, scope),
        "goals": _goals(journal, framework, scope),
        "feedback": _feedback(journal, framework, scope),
    }
    round_ids = list(rounds)
    if round_ids:
        from .rounds import bundle_rounds

        bundle["version"] = ROUNDS_VERSION
        bundle["rounds"] = bundle_rounds(journal, round_ids, scope)
    bundle["checksum"] = bundle_checksum(bundle)
    return sign_with_journal(journal, bundle)


def bundle_text(bundle: dict[str, Any]) -> str:
    """The bundle as the file's text: indented UTF-8 JSON ending with a newline."""
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


def write_bundle(bundle: dict[str, Any], path: str | os.PathLike) -> Path:
    """Write ``bundle`` to ``path`` whole or not at all, readable by the owner only."""
    return write_atomically(path, bundle_text(bundle).encode("utf-8"))


def _leader(me: Leader, name: str | None, *, with_text: bool) -> dict[str, Any]:
    """The profile as the bundle names it; without free text the unit stays home too."""
    shown = me.name if name is None else name.strip()
    if not shown:
        raise ValidationError("err_share_empty_name")
    if len(shown) > MAX_SHORT or "\x00" in shown:
        raise ValidationError("err_share_long_name", limit=MAX_SHORT)
    unit = me.unit if with_text else ""
    return {"id": me.id, "name": shown, "level": me.level, "lang": me.lang, "unit": unit}


def _pick(record: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {key: record[key] for key in fields}


def _in_scope(framework: Framework, scope: ShareScope, behaviour: str) -> bool:
    try:
        return scope.covers_discipline(framework.behaviour(behaviour).discipline)
    except KeyError:
        return False


def _ratings(framework: Framework, scope: ShareScope, ratings: tuple[Rating, ...]) -> tuple:
    return tuple(r for r in ratings if _in_scope(framework, scope, r.behaviour))


def _reflections(journal: Journal, framework: Framework, scope: ShareScope) -> list[dict]:
    if "reflections" not in scope.include:
        return []
    where = EntryFilter(since=scope.since, until=scope.until, include_private=False)
    shared: list[Reflection] = []
    for r in journal.reflections(where):
        if r.private or not scope.covers_day(r.day) or not scope.covers_any(r.disciplines):
            continue
        disciplines = tuple(d for d in r.disciplines if scope.covers_discipline(d))
        ratings = _ratings(framework, scope, r.ratings)
        shared.append(replace(r, disciplines=disciplines, ratings=ratings))
    shared.sort(key=lambda r: (r.day, r.created_at, r.id))
    fields = record_fields("reflections", scope.text)
    return [_pick(specs.REFLECTION.to_json(r), fields) for r in shared]


def _goals(journal: Journal, framework: Framework, scope: ShareScope) -> list[dict]:
    if "goals" not in scope.include:
        return []
    shared: list[Goal] = [
        g
        for g in journal.goals(EntryFilter(include_private=False))
        if not g.private and scope.covers_goal(g.discipline, g.created_at.date(), g.closed_on)
    ]
    shared.sort(key=lambda g: (g.created_at, g.id))
    fields = record_fields("goals", scope.text)
    checkin_fields = record_fields("checkins", scope.text)
    bundle_goals = []
    for goal in shared:
        record = specs.GOAL.to_json(goal)
        record["created_on"] = day_to_text(goal.created_at.date())
        record["behaviours"] = [b for b in goal.behaviours if _in_scope(framework, scope, b)]
        record["checkins"] = [
            _pick(checkin, checkin_fields)
            for checkin in record["checkins"]
            if scope.covers_day(date.fromisoformat(checkin["day"]))
        ]
        bundle_goals.append(_pick(record, fields))
    return bundle_goals


def _feedback(journal: Journal, framework: Framework, scope: ShareScope) -> list[dict]:
    if "feedback" not in scope.include:
        return []
    where = EntryFilter(since=scope.since, until=scope.until, include_private=False)
    shared: list[Feedback] = [
        f
        for f in journal.feedback(where)
        if not f.private and scope.covers_day(f.day) and scope.covers_discipline(f.discipline)
    ]
    shared.sort(key=lambda f: (f.day, f.created_at, f.id))
    fields = record_fields("feedback", scope.text)
    bundle_feedback = []
    for item in shared:
        record = specs.FEEDBACK.to_json(item)
        record["ratings"] = [
            specs.RATING.to_json(r) for r in _ratings(framework, scope, item.ratings)
        ]
        bundle_feedback.append(_pick(record, fields))
    return bundle_feedback
