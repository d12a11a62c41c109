"""The share bundle's fields, its scope and its checksum (the format is in :mod:`lgtrack.sharing`).

Nothing here reads a journal: both the leader's side (:mod:`.build`) and the coach's side
(:mod:`.receive`) decide "is this record inside the scope?" with :class:`ShareScope`, so the
two sides always agree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import specs, validation
from .._time import day_to_text
from ..errors import ValidationError
from ..framework import Framework

BUNDLE_FORMAT = "lgtrack-share"
BUNDLE_VERSION = 3  # the newest version this lgtrack reads and writes
FIRST_SIGNED_VERSION = 2  # older bundles carry no signature: a reader refuses them
# Version 3 added "rounds" (a 360 round's shown figures, #12). A bundle without rounds is still
# written as version 2, so that a coach with an older lgtrack reads it as before; one with
# rounds is refused there as "newer" (a reader refuses keys it does not know, too).
ROUNDS_VERSION = 3
KINDS = ("reflections", "goals", "feedback")
CHECKSUM_PREFIX = "sha256:"

TOP_FIELDS = (
    "format",
    "version",
    "created_at",
    "generator",
    "framework",
    "leader",
    "scope",
    *KINDS,
    "rounds",
    "checksum",
    "signature",
)
FRAMEWORK_FIELDS = ("id", "version")
SCOPE_FIELDS = ("from", "to", "disciplines", "text", "include")
# The record fields come from the records' specifications (:mod:`lgtrack.specs`).
LEADER_FIELDS = specs.LEADER.share_names(text=True)
RATING_FIELDS = specs.RATING.share_names(text=True)
_SPECS = {
    "reflections": specs.REFLECTION,
    "goals": specs.GOAL,
    "checkins": specs.CHECKIN,
    "feedback": specs.FEEDBACK,
}
# What a bundle adds: the day a goal was set (its exact creation time stays home).
_DERIVED = {"goals": ("created_on",)}

# Per kind: the fields that always leave, and those that leave only with free text.
FIELDS = {
    kind: (spec.share_names(text=False) + _DERIVED.get(kind, ()), spec.text_names)
    for kind, spec in _SPECS.items()
}

# The free text a bundle can carry, per record kind: what the preview lists, field by field.
# Goal titles leave even without free text (the leader is told so).
TEXT_FIELDS = {
    "leader": tuple(n for n in specs.LEADER.word_names if n in LEADER_FIELDS),
    **{kind: spec.word_names for kind, spec in _SPECS.items()},
}


def record_fields(kind: str, text: bool) -> tuple[str, ...]:
    """The fields a record of ``kind`` has in a bundle with (``text=True``) or without text."""
    always, with_text = FIELDS[kind]
    return always + with_text if text else always


@dataclass(frozen=True)
class ShareScope:
    """What a leader chooses to share: a period, disciplines, free text or not, which kinds.

    ``since``/``until`` are inclusive days (None: unbounded); ``disciplines`` empty means all
    of the framework's; ``include`` lists the kinds (reflections, goals, feedback) that leave.
    """

    since: date | None = None
    until: date | None = None
    disciplines: tuple[str, ...] = ()
    text: bool = True
    include: tuple[str, ...] = KINDS

    def checked(self, framework: Framework) -> ShareScope:
        """This scope with every discipline spelt out, after checking it; or ValidationError."""
        if self.since and self.until and self.since > self.until:
            raise ValidationError(
                "err_share_period", since=self.since.isoformat(), until=self.until.isoformat()
            )
        for discipline in self.disciplines:  # the journal's own rule, in its own words
            validation.check_discipline(framework, discipline)
        for kind in self.include:
            if kind not in KINDS:
                raise ValidationError("err_share_unknown_kind", kind=kind, known=KINDS)
        if not self.include:
            raise ValidationError("err_share_nothing")
        chosen = set(self.disciplines) or set(framework.discipline_ids)
        return ShareScope(
            since=self.since,
            until=self.until,
            disciplines=tuple(d for d in framework.discipline_ids if d in chosen),
            text=self.text,
            include=tuple(kind for kind in KINDS if kind in self.include),
        )

    def covers_day(self, day: date) -> bool:
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def covers_discipline(self, discipline: str) -> bool:
        return not self.disciplines or discipline in self.disciplines

    def covers_any(self, disciplines: Iterable[str]) -> bool:
        return any(self.covers_discipline(d) for d in disciplines)

    def covers_goal(self, discipline: str, created_on: date, closed_on: date | None) -> bool:
        """A goal is in the period when it was open at some time in it."""
        started = self.until is None or created_on <= self.until
        still_open = self.since is None or closed_on is None or closed_on >= self.since
        return self.covers_discipline(discipline) and started and still_open

    def to_json(self) -> dict[str, Any]:
        return {
            "from": day_to_text(self.since),
            "to": day_to_text(self.until),
            "disciplines": list(self.disciplines),
            "text": self.text,
            "include": list(self.include),
        }


def canonical_json(document: dict[str, Any]) -> bytes:
    """The bytes the checksum is taken over: sorted keys, no spaces, UTF-8 (not \\u escapes)."""
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8", "surrogatepass")  # a lone surrogate is refused later, field by field


def bundle_checksum(document: dict[str, Any]) -> str:
    """``sha256:<hex>`` over the canonical JSON of everything in ``document`` but "checksum" and
    "signature" (the signature is made after the checksum, and covers it)."""
    content = {k: v for k, v in document.items() if k not in ("checksum", "signature")}
    return CHECKSUM_PREFIX + hashlib.sha256(canonical_json(content)).hexdigest()
