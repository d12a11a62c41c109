"""Importing a jrnl journal exported with ``jrnl --export json`` (jrnl 2.x to 4.x).

jrnl writes ``{"tags": {"@tag": count, …}, "entries": [{"date": "2024-05-01", "time": "09:30",
"title": "…", "body": "…", "tags": ["@tag"], "starred": false}, …]}``. A file with ``entries``
and no ``format`` field is read as jrnl. Each entry becomes a reflection of "me" (a profile is
required):

- ``day`` is the entry's date; ``created_at`` and ``updated_at`` are its date and time in
  ``ImportOptions.tz`` — None (what the command line uses unless ``--utc``) means this
  machine's local time zone, the zone jrnl wrote the time in, with the summer-time rule of
  that date;
- ``text`` is the title, then a blank line and the body when the body is not empty; tags written
  in the text stay in the text;
- ``tags`` are the entry's tags without their leading ``@`` (or ``#``), plus ``starred`` for a
  starred entry;
- the discipline is ``ImportOptions.discipline``; by default ``self`` when the framework has it,
  else the framework's first discipline (jrnl entries have none);
- the id is a UUID5 of date, time, title and body, so importing the same export again adds
  nothing (an entry edited in jrnl since comes in as a new reflection); an entry the file
  repeats is counted as already present.

Fields lgtrack has no place for (DayOne's ``uuid``, ``creator``) and unknown keys are ignored,
so exports of newer jrnl versions still read.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, tzinfo
from typing import Any

from .. import validation
from ..framework import Framework
from ..journal import Journal
from ..records import Leader, Reflection
from .fields import Fields, FileProblem, parse_time, problems_at
from .merge import ImportOptions, ImportPlan

JRNL_NAMESPACE = uuid.UUID("ba9abdee-d770-511c-93e9-286c9554abb6")
TAG_SYMBOLS = "@#"
STARRED_TAG = "starred"


def detect_jrnl(document: dict[str, Any]) -> bool:
    """A jrnl export has ``entries`` and no ``format`` field."""
    return "entries" in document and "format" not in document


def default_discipline(framework: Framework) -> str:
    return "self" if "self" in framework.discipline_ids else framework.discipline_ids[0]


def plan_jrnl_export(journal: Journal, document: dict, options: ImportOptions) -> ImportPlan:
    """Validate a jrnl export as reflections of "me"; nothing is written."""
    me = journal.me()
    if me is None:
        raise FileProblem("", "err_file_jrnl_no_profile")
    fw = journal.framework_for(me)
    discipline = options.discipline or default_discipline(fw)
    validation.check_discipline(fw, discipline)
    top = Fields(document, "")
    if not isinstance(document.get("tags", {}), dict):
        raise FileProblem("tags", "err_file_jrnl_tags")
    plan = ImportPlan(repeated={"reflections": 0})
    seen: set[str] = set()
    for index, item in enumerate(top.items("entries")):
        reflection = _entry(Fields(item, f"entries[{index}]"), me, fw, discipline, options.tz)
        if reflection.id in seen:
            plan.repeated["reflections"] += 1
            continue
        seen.add(reflection.id)
        plan.reflections.append(reflection)
    return plan


def entry_id(day: date, clock: time, title: str, body: str) -> str:
    """The stable id of a jrnl entry: the same entry always gets the same UUID."""
    key = "\x1f".join((day.isoformat(), clock.strftime("%H:%M"), title, body))
    return str(uuid.uuid5(JRNL_NAMESPACE, key))


def entry_moment(day: date, clock: time, tz: tzinfo | None) -> datetime:
    """``day`` at ``clock`` in ``tz``; None is this machine's local zone (summer time included)."""
    naive = datetime.combine(day, clock)
    return naive.astimezone() if tz is None else naive.replace(tzinfo=tz)


def _entry(f: Fields, me: Leader, fw: Framework, discipline: str, tz: tzinfo | None) -> Reflection:
    day = f.day("date")
    clock = parse_time(f.raw.get("time"), f.at("time"))
    title = f.text("title")
    body = f.text("body", "")
    tags = {_without_symbol(tag) for tag in f.texts("tags", [], limit=100)}
    if f.boolean("starred", False):
        tags.add(STARRED_TAG)
    moment = entry_moment(day, clock, tz)
    reflection = Reflection(
        id=entry_id(day, clock, title, body),
        leader_id=me.id,
        day=day,
        disciplines=(discipline,),
        text="\n\n".join(part for part in (title, body) if part),
        tags=tuple(sorted(tags)),
        level=me.level,
        framework_version=fw.version,
        created_at=moment,
        updated_at=moment,
    )
    with problems_at(f.where):
        validation.check_reflection(fw, reflection)
    return reflection


def _without_symbol(tag: str) -> str:
    return tag[1:] if tag[:1] in TAG_SYMBOLS else tag
