"""One field specification per record: the single place that says what a record holds.

Every representation of a record is derived from its :class:`RecordSpec`:

- the SQL row (:mod:`lgtrack.storage`): the fields with ``column=True``, in spec order;
- the JSON export and import (:mod:`lgtrack.exchange`): the fields with ``json=True``;
- the CSV columns (:mod:`lgtrack.exchange.export_csv`): the fields with ``csv=True``;
- the DataFrame columns (:mod:`lgtrack.frames`): the fields with ``frame=True``;
- the share bundle (:mod:`lgtrack.sharing`): ``share="always"`` fields always leave,
  ``share="text"`` fields only with free text, ``share=None`` fields never.

Adding a field to a record therefore touches: the dataclass in :mod:`lgtrack.records`, its
:class:`Field` here, and (when it is stored) a migration in :mod:`lgtrack.storage.database`.
A rule about its values goes in :mod:`lgtrack.validation`. See ``docs/architecture.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ._time import day_to_text, moment_to_text, text_to_day, text_to_moment
from .records import (
    Action,
    CheckIn,
    CoachSession,
    EffectAnswer,
    Feedback,
    Goal,
    Leader,
    Rating,
    Reflection,
    Round,
)

# Kinds of value: how a field is written in SQL, JSON, CSV and frames.
ID = "id"  # a UUID (text)
REF = "ref"  # an id of another record, or of a framework element (text)
TEXT = "text"  # words a person wrote (up to MAX_TEXT)
SHORT = "short"  # a short text: a name, a title, a status (up to MAX_SHORT)
DAY = "day"  # a calendar day (date), YYYY-MM-DD
MOMENT = "moment"  # an aware datetime, ISO-8601
BOOL = "bool"
INT = "int"
IDS = "ids"  # a tuple of ids (a child table)
RATINGS = "ratings"  # a tuple of Rating (the ratings table)
CHECKINS = "checkins"  # a tuple of CheckIn (the checkins table)
OBJECT = "object"  # a JSON object (stored as JSON text)

REQUIRED = object()  # no default: a JSON import without the field is refused


@dataclass(frozen=True)
class Field:
    """One field of a record and where it appears."""

    name: str
    kind: str
    null: bool = False  # may be None
    default: Any = REQUIRED  # when a JSON import lacks the field
    limit: int | None = None  # longest text (characters)
    column: bool = True  # a column of the record's own table (else a child table or derived)
    json: bool = True  # in the lossless export
    since: int = 1  # the export version that added it
    csv: bool = True
    frame: bool = True
    share: str | None = None  # "always", "text" (only with free text) or None (never)
    words: bool = False  # words a person wrote (free text): what a text-free bundle leaves out


@dataclass(frozen=True)
class RecordSpec:
    """A record type, its table and its fields, in the order every representation uses."""

    kind: str  # the plural name used in exports and bundles ("reflections")
    record: type
    table: str
    fields: tuple[Field, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        """The SQL columns of the record's own table."""
        return tuple(f.name for f in self.fields if f.column)

    def json_names(self, version: int | None = None) -> tuple[str, ...]:
        """The JSON keys of the export (of ``version``, default the newest)."""
        return tuple(
            f.name for f in self.fields if f.json and (version is None or f.since <= version)
        )

    @property
    def csv_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.csv)

    @property
    def frame_names(self) -> tuple[str, ...]:
        return tuple(frame_name(f) for f in self.fields if f.frame)

    def share_names(self, *, text: bool) -> tuple[str, ...]:
        """The fields a share bundle carries: always, plus free text when ``text``."""
        wanted = ("always", "text") if text else ("always",)
        return tuple(f.name for f in self.fields if f.share in wanted)

    @property
    def text_names(self) -> tuple[str, ...]:
        """Fields a bundle carries only with free text."""
        return tuple(f.name for f in self.fields if f.share == "text")

    @property
    def word_names(self) -> tuple[str, ...]:
        """Fields that hold words a person wrote."""
        return tuple(f.name for f in self.fields if f.words)

    # -- SQL ---------------------------------------------------------------------------------

    def to_row(self, record: Any) -> tuple:
        """The values of :attr:`columns` for SQL, in order."""
        return tuple(
            value if write is None or value is None else write(value)
            for name, write in self._writers
            for value in (getattr(record, name),)
        )

    def from_row(self, row: tuple, **children: Any) -> Any:
        """A record from a row of :attr:`columns`; ``children`` fill the other fields."""
        values = {
            name: value if read is None or value is None else read(value)
            for (name, read), value in zip(self._readers, row, strict=True)
        }
        return self.record(**values, **children)

    # Converters per column, looked up once: a listing turns thousands of rows into records.
    @cached_property
    def _writers(self) -> tuple[tuple[str, Callable | None], ...]:
        return tuple((f.name, _SQL_WRITERS.get(f.kind)) for f in self.fields if f.column)

    @cached_property
    def _readers(self) -> tuple[tuple[str, Callable | None], ...]:
        return tuple((f.name, _SQL_READERS.get(f.kind)) for f in self.fields if f.column)

    # -- JSON --------------------------------------------------------------------------------

    def to_json(self, record: Any) -> dict[str, Any]:
        """The record as the export writes it."""
        return {f.name: to_json(f, getattr(record, f.name)) for f in self.fields if f.json}


def frame_name(f: Field) -> str:
    """A DataFrame column: a list of child records becomes its count (``n_ratings``)."""
    return f"n_{f.name}" if f.kind in (RATINGS, CHECKINS) else f.name


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


_SQL_WRITERS: dict[str, Callable] = {
    DAY: day_to_text,
    MOMENT: moment_to_text,
    BOOL: int,
    OBJECT: _json_text,
}
_SQL_READERS: dict[str, Callable] = {
    DAY: text_to_day,
    MOMENT: text_to_moment,
    BOOL: bool,
    OBJECT: json.loads,
}


def to_json(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if f.kind == DAY:
        return day_to_text(value)
    if f.kind == MOMENT:
        return moment_to_text(value)
    if f.kind == IDS:
        return list(value)
    if f.kind == RATINGS:
        return [RATING.to_json(r) for r in value]
    if f.kind == CHECKINS:
        return [CHECKIN.to_json(c) for c in sorted(value, key=checkin_order)]
    return value


def to_cell(f: Field, value: Any) -> Any:
    """A CSV cell: lists joined, ratings as ``behaviour=score;…`` (``?`` for "ved ikke")."""
    if value is None:
        return None
    if f.kind == IDS:
        return ", ".join(value)
    if f.kind == RATINGS:
        return ";".join(f"{r.behaviour}={'?' if r.score is None else r.score}" for r in value)
    if f.kind == CHECKINS:
        return len(value)
    return to_json(f, value)


def to_frame(f: Field, value: Any) -> Any:
    """A DataFrame cell: lists of ids stay tuples, child records become their count."""
    if f.kind in (RATINGS, CHECKINS):
        return len(value)
    return value


def checkin_order(c: CheckIn) -> tuple:
    return (c.day, c.created_at, c.id)


RATING = RecordSpec(
    "ratings",
    Rating,
    "ratings",
    (
        Field("behaviour", REF, limit=100, share="always"),
        Field("score", INT, null=True, share="always"),
    ),
)

LEADER = RecordSpec(
    "leaders",
    Leader,
    "leaders",
    (
        Field("id", ID, share="always"),
        Field("name", SHORT, share="always", words=True),
        Field("level", REF, null=True, limit=80, share="always"),
        Field("framework_id", REF, limit=80),
        Field("framework_version", SHORT),
        Field("lang", SHORT, default="da", limit=10, share="always"),
        Field("unit", SHORT, default="", share="text", words=True),
        Field("is_me", BOOL, default=False),
        Field("created_at", MOMENT),
        Field("updated_at", MOMENT),
        # where a leader came from: set when a coach imports the leader's share bundle
        Field("imported_at", MOMENT, null=True, default=None, since=2),
        Field("share_scope", OBJECT, null=True, default=None, since=2, csv=False, frame=False),
    ),
)

REFLECTION = RecordSpec(
    "reflections",
    Reflection,
    "reflections",
    (
        Field("day", DAY, share="always"),
        Field("id", ID, share="always"),
        Field("leader_id", REF, csv=False),
        Field("disciplines", IDS, column=False, share="always"),
        Field("tags", IDS, column=False, default=(), share="text", words=True),
        Field("prompt", TEXT, default="", share="text", words=True),
        Field("text", TEXT, default="", share="text", words=True),
        Field("next_step", TEXT, default="", share="text", words=True),
        Field("ratings", RATINGS, column=False, default=(), share="always"),
        Field("wellbeing", INT, null=True, default=None, share="text"),
        Field("energy", INT, null=True, default=None, share="text"),
        Field("private", BOOL, default=False),
        Field("level", REF, null=True, default=None, limit=80, csv=False, share="always"),
        Field(
            "framework_version",
            SHORT,
            null=True,
            default=None,
            csv=False,
            frame=False,
            share="always",
        ),  # fmt: skip
        Field("created_at", MOMENT),
        Field("updated_at", MOMENT, csv=False, frame=False),
    ),
)

CHECKIN = RecordSpec(
    "checkins",
    CheckIn,
    "checkins",
    (
        Field("id", ID),
        Field("goal_id", REF, json=False),
        Field("day", DAY, share="always"),
        Field("progress", INT, share="always"),
        Field("note", TEXT, default="", share="text", words=True),
        Field("created_at", MOMENT),
    ),
)

GOAL = RecordSpec(
    "goals",
    Goal,
    "goals",
    (
        Field("id", ID, share="always"),
        Field("leader_id", REF, csv=False),
        Field("discipline", REF, limit=80, share="always"),
        Field("title", SHORT, share="always", words=True),
        Field("behaviours", IDS, column=False, default=(), share="always"),
        Field("why", TEXT, default="", share="text", words=True),
        Field("success", TEXT, default="", share="text", words=True),
        Field("due", DAY, null=True, default=None, share="always"),
        Field("status", SHORT, default="open", limit=20, share="always"),
        # derived from the latest check-in: in CSV and frames, never stored or exported
        Field("progress", INT, column=False, json=False),
        Field("checkins", CHECKINS, column=False, default=(), share="always"),
        Field("private", BOOL, default=False),
        Field("closed_on", DAY, null=True, default=None, share="always"),
        Field("created_at", MOMENT),
        Field("updated_at", MOMENT, csv=False, frame=False),
    ),
)

FEEDBACK = RecordSpec(
    "feedback",
    Feedback,
    "feedback",
    (
        Field("day", DAY, share="always"),
        Field("id", ID, share="always"),
        Field("leader_id", REF, csv=False),
        Field("role", SHORT, limit=20, share="always"),
        Field("name", SHORT, default="", share="text", words=True),
        Field("discipline", REF, limit=80, share="always"),
        Field("text", TEXT, default="", share="text", words=True),
        Field("ratings", RATINGS, column=False, default=(), share="always"),
        Field("private", BOOL, default=False),
        Field("framework_version", SHORT, null=True, default=None, csv=False, frame=False),
        Field("created_at", MOMENT),
        Field("updated_at", MOMENT, csv=False, frame=False),
    ),
)

COACH_SESSION = RecordSpec(
    "coach_sessions",
    CoachSession,
    "coach_sessions",
    (
        Field("id", ID),
        Field("leader_id", REF),
        Field("day", DAY),
        Field("goal", TEXT, default="", words=True),
        Field("reality", TEXT, default="", words=True),
        Field("options", TEXT, default="", words=True),
        Field("will", TEXT, default="", words=True),
        Field("notes", TEXT, default="", words=True),
        Field("created_at", MOMENT),
        Field("updated_at", MOMENT),
    ),
)

COACH_ACTION = RecordSpec(
    "coach_actions",
    Action,
    "coach_actions",
    (
        Field("id", ID),
        Field("leader_id", REF),
        Field("session_id", REF, null=True, default=None),
        Field("text", TEXT, limit=2_000, words=True),
        Field("due", DAY, null=True, default=None),
        Field("status", SHORT, default="open", limit=20),
        Field("closed_on", DAY, null=True, default=None),
        Field("created_at", MOMENT),
        Field("updated_at", MOMENT),
    ),
)

# A 360 round (#12). Its answers (anonymous respondent numbers, scores, free texts per group)
# travel in the export as the round's children (:mod:`lgtrack.rounds.exchange`).
ROUND = RecordSpec(
    "rounds",
    Round,
    "rounds",
    (
        Field("id", ID),
        Field("leader_id", REF, csv=False),
        Field("name", SHORT, words=True, since=3),
        Field("disciplines", OBJECT, since=3),
        Field("minimums", OBJECT, since=3),
        Field("text_minimums", OBJECT, since=3),
        Field("due", DAY, null=True, default=None, since=3),
        Field("status", SHORT, default="open", limit=20, since=3),
        Field("closed_on", DAY, null=True, default=None, since=3),
        Field("level", REF, null=True, default=None, limit=80, since=3),
        Field("lang", SHORT, default="da", limit=10, since=3),
        Field("framework_version", SHORT, null=True, default=None, since=3),
        Field("created_at", MOMENT, since=3),
        Field("updated_at", MOMENT, since=3),
    ),
)

# A leader's quarterly answer to the effektbillede: {effect id: score or null} (#13).
EFFECT_ANSWER = RecordSpec(
    "effect_answers",
    EffectAnswer,
    "effect_answers",
    (
        Field("id", ID, since=3),
        Field("leader_id", REF, csv=False, since=3),
        Field("day", DAY, since=3),
        Field("scores", OBJECT, csv=False, frame=False, since=3),
        Field("created_at", MOMENT, since=3),
        Field("updated_at", MOMENT, csv=False, frame=False, since=3),
    ),
)

SPECS: dict[str, RecordSpec] = {
    spec.kind: spec
    for spec in (
        LEADER,
        REFLECTION,
        GOAL,
        CHECKIN,
        FEEDBACK,
        RATING,
        COACH_SESSION,
        COACH_ACTION,
        ROUND,
        EFFECT_ANSWER,
    )
}
