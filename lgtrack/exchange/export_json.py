"""The lossless, versioned JSON export of a whole journal (every leader, private entries included).

Format ``lgtrack-export``, version 2 — UTF-8 JSON, one object::

    {
      "format": "lgtrack-export",
      "version": 2,
      "exported_at": "2026-11-02T10:15:00+01:00",     # aware ISO-8601, the `now` passed in
      "generator": "lgtrack 0.1.0",
      "leaders": [{"id", "name", "level", "framework_id", "framework_version", "lang", "unit",
                   "is_me", "created_at", "updated_at", "imported_at", "share_scope"}],
      "reflections": [{"id", "leader_id", "day", "disciplines": [ids], "prompt", "text",
                       "next_step", "ratings": [{"behaviour", "score"}], "wellbeing", "energy",
                       "tags": [..], "private", "level", "framework_version",
                       "created_at", "updated_at"}],
      "goals": [{"id", "leader_id", "discipline", "title", "behaviours": [ids], "why", "success",
                 "due", "status", "private", "closed_on", "created_at", "updated_at",
                 "checkins": [{"id", "day", "progress", "note", "created_at"}]}],
      "feedback": [{"id", "leader_id", "day", "role", "name", "discipline", "text",
                    "ratings": [{"behaviour", "score"}], "private", "framework_version",
                    "created_at", "updated_at"}],
      "coach_sessions": [{"id", "leader_id", "day", "goal", "reality", "options", "will",
                          "notes", "created_at", "updated_at"}],
      "coach_actions": [{"id", "leader_id", "session_id", "text", "due", "status", "closed_on",
                         "created_at", "updated_at"}],
      "frameworks": [{"id", "version", "source"}],     # custom (not bundled) framework files
      "effect_answers": [{"id", "leader_id", "day", "scores": {"e1": 4, "e2": null},
                          "created_at", "updated_at"}]
    }

- Every record keeps its UUID (``id``); records point to their leader with ``leader_id``.
- Calendar days are ``YYYY-MM-DD``; moments are aware ISO-8601 with their UTC offset.
- A rating's ``score`` is a whole number on the framework's scale, or ``null`` for "ved ikke".
- ``level``, ``due``, ``closed_on``, ``wellbeing`` and ``energy`` may be ``null``.
- A leader's ``imported_at`` (a moment) and ``share_scope`` (the scope object of the last share
  bundle imported for that leader) are ``null`` unless the leader came from a bundle.
- ``coach_sessions`` and ``coach_actions`` are a coach's GROW session notes and agreed actions
  (:mod:`lgtrack.coaching`); an action's ``status`` is open, done or dropped, its ``closed_on``
  is set once it is closed, and its ``session_id`` (or ``null``) names the session it came from.
- ``frameworks`` holds the YAML source of each framework this journal keeps a copy of, so the
  export can be read where that framework is not installed.
- Each record's fields are those of its field specification (:mod:`lgtrack.specs`), in that
  order; a field added there appears here without further code.
- Records are listed oldest first. A reader refuses a ``version`` newer than it knows; a change
  that adds or alters fields raises the version.

- ``effect_answers`` (version 3) are a leader's quarterly answers to the framework's intended
  effects: per effect id a score on the scale, or ``null`` for "ved ikke".

Version 2 is version 3 without ``effect_answers``. Version 1 is version 2 without a leader's
``imported_at`` and ``share_scope`` and without ``coach_sessions`` and ``coach_actions``;
lgtrack still imports both.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any, BinaryIO

from .. import specs
from .._text import json_text
from .._time import moment_to_text
from ..errors import ValidationError
from ..journal import Journal
from ..query import EntryFilter
from ..records import Action, CoachSession, EffectAnswer, Feedback, Goal, Reflection
from . import reading

EXPORT_FORMAT = "lgtrack-export"
# A field added to a record raises the version through its ``since`` (lgtrack.specs).
EXPORT_VERSION = max(f.since for spec in specs.SPECS.values() for f in spec.fields)

TOP_FIELDS_V1 = (
    "format",
    "version",
    "exported_at",
    "generator",
    "leaders",
    "reflections",
    "goals",
    "feedback",
    "frameworks",
)
TOP_FIELDS_V2 = (*TOP_FIELDS_V1, "coach_sessions", "coach_actions")
TOP_FIELDS = (
    *TOP_FIELDS_V2,
    "rounds",
    "effect_answers",
)  # version 3: 360 rounds (#12), effects (#13)
FRAMEWORK_FIELDS = ("id", "version", "source")


def export_json(journal: Journal, *, now: datetime) -> str:
    """The whole journal as ``lgtrack-export`` JSON text (ends with a newline)."""
    buffer = io.BytesIO()
    write_export_json(journal, buffer, now=now)
    return buffer.getvalue().decode("utf-8")


def write_export_json(journal: Journal, handle: BinaryIO, *, now: datetime) -> int:
    """Write the whole journal as ``lgtrack-export`` UTF-8 JSON to ``handle``; the bytes written.

    One record per line: readable and diff-friendly, and it keeps to json's C encoder, which
    ``indent`` would switch off (an indented export of 50,000 entries took 2.4 s longer). The
    text is written record by record, so a large export is never held twice in memory. An
    export larger than ``lgtrack import`` reads (:data:`~lgtrack.exchange.reading.
    MAX_IMPORT_BYTES`) is refused rather than written: every backup must restore.
    """
    document = build_export(journal, now=now)
    out = _Limited(handle)
    out.write("{\n")
    for number, (key, value) in enumerate(document.items()):
        out.write((",\n  " if number else "  ") + json.dumps(key) + ": ")
        if isinstance(value, list) and value:
            for index, item in enumerate(value):
                out.write((",\n    " if index else "[\n    ") + _compact(item))
            out.write("\n  ]")
        else:
            out.write(_compact(value))
    out.write("\n}\n")
    return out.written


def _compact(value: Any) -> str:
    # C1 and bidi controls as \u escapes: the same data, and `cat backup.json` stays harmless
    return json_text(value, separators=(", ", ": "))


class _Limited:
    """Writes text as UTF-8 to a binary handle, refusing to pass the size ``import`` reads."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.written = 0
        self.limit = reading.MAX_IMPORT_BYTES  # read now: tests lower it

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.written += len(data)
        if self.written > self.limit:
            raise ValidationError("err_export_too_large", limit=self.limit // (1024 * 1024))
        self.handle.write(data)


def build_export(journal: Journal, *, now: datetime) -> dict[str, Any]:
    """The whole journal as plain JSON-able data; ``now`` becomes ``exported_at``."""
    from .. import __version__
    from ..rounds.exchange import rounds_json

    if now.tzinfo is None:
        raise ValidationError("err_export_time_zone")
    # One snapshot: a delete committed by another program half-way must not leave an entry
    # without its disciplines or ratings in the backup (such a backup would not import).
    with journal.store.snapshot() as store:
        leaders = store.leaders.all()
        everything = EntryFilter(include_private=True)
        reflections, goals, feedback, sessions, actions, effects = [], [], [], [], [], []
        for leader in leaders:
            reflections += store.reflections.query(leader.id, everything)
            goals += store.goals.query(leader.id, everything)
            feedback += store.feedback.query(leader.id, everything)
            sessions += store.coaching.sessions(leader.id)
            actions += store.coaching.actions(leader.id)
            effects += store.effects.query(leader.id)
        rounds = rounds_json(store, leaders)
        frameworks = store.frameworks.all()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": moment_to_text(now),
        "generator": f"lgtrack {__version__}",
        "leaders": [specs.LEADER.to_json(x) for x in leaders],
        "reflections": _as_json(specs.REFLECTION, sorted(reflections, key=_by_day)),
        "goals": _as_json(specs.GOAL, sorted(goals, key=_by_created)),
        "feedback": _as_json(specs.FEEDBACK, sorted(feedback, key=_by_day)),
        "coach_sessions": _as_json(specs.COACH_SESSION, sorted(sessions, key=_by_day)),
        "coach_actions": _as_json(specs.COACH_ACTION, sorted(actions, key=_by_created)),
        "rounds": rounds,
        "frameworks": [dict(zip(FRAMEWORK_FIELDS, row, strict=True)) for row in frameworks],
        "effect_answers": _as_json(specs.EFFECT_ANSWER, sorted(effects, key=_by_day)),
    }


def _as_json(spec: specs.RecordSpec, records: list) -> list[dict[str, Any]]:
    return [spec.to_json(record) for record in records]


def _by_day(record: Reflection | Feedback | CoachSession | EffectAnswer) -> tuple:
    return (record.day, record.created_at, record.id)


def _by_created(record: Goal | Action) -> tuple:
    return (record.created_at, record.id)
