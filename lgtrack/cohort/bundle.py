"""The cohort bundle: what a participant gives the facilitator of her leadership programme.

Format ``lgtrack-cohort``, version 2 — one UTF-8 JSON object, and nothing in it is free text::

    {
      "format": "lgtrack-cohort",
      "version": 2,
      "created_at": "2026-11-02T10:15:00+01:00",
      "generator": "lgtrack 0.1.0",
      "framework": {"id": "stuk", "version": "1.0"},
      "participant": {"id": UUID, "initials": "AB", "level": "teamleder", "lang": "da"},
      "period": {"from": "2026-01-01" | null, "to": "2026-12-31" | null},
      "reflections": [{"day": "2026-01-05", "ratings": [{"behaviour": ID, "score": 4 | null}]}],
      "effects": [{"day": "2026-01-05", "scores": {"e1": 4, "e2": null}}],
      "goals": {"open": 2, "achieved": 1, "dropped": 0},
      "checksum": "sha256:<64 hex digits>",
      "signature": {"algorithm": "ed25519", "public_key": "ed25519:<base64>", "value": "<base64>"}
    }

- ``participant.id`` is the leader's key (her profile's UUID): a newer bundle from her replaces
  the older one in the facilitator's cohort. ``initials`` are letters (dots, hyphens), at most six.
- ``reflections`` carries each non-private reflection's day (the cadence) and its self-ratings;
  no text, prompt, next step, tag, wellbeing or goal title of any kind.
- ``checksum`` as in the share bundle: SHA-256 over the canonical JSON of every other field
  (:func:`lgtrack.sharing.canonical_json`).
- ``signature`` (since version 2) as in the share bundle (:mod:`lgtrack.sharing.signing`): the
  participant's journal key over every other field. The facilitator pins a participant's key on
  her first bundle (:mod:`lgtrack.cohort.importing`); version 1 was unsigned and is refused.

The reader (:func:`read_cohort_bundle`) is strict: a key it does not know, or a text that is not
an id, a day, a moment or initials, is free text and refuses the whole bundle with one line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .. import validation
from .._time import day_to_text, moment_to_text
from ..errors import ValidationError
from ..exchange.fields import Fields, FileProblem, problems_at, show
from ..framework import Framework
from ..i18n import LANGUAGES
from ..journal import Journal
from ..query import EntryFilter
from ..records import GOAL_STATUSES
from ..sharing.format import CHECKSUM_PREFIX, bundle_checksum
from ..sharing.signing import (
    ALGORITHM,
    SIGNATURE,
    SIGNATURE_FIELDS,
    sign_with_journal,
    verify_document,
)

COHORT_FORMAT = "lgtrack-cohort"
COHORT_VERSION = 2
FIRST_SIGNED_VERSION = 2  # version 1 bundles were unsigned: anyone could have made them
TOP_FIELDS = (
    "format", "version", "created_at", "generator", "framework", "participant", "period",
    "reflections", "effects", "goals", "checksum", SIGNATURE,
)  # fmt: skip
PARTICIPANT_FIELDS = ("id", "initials", "level", "lang")
_GENERATOR = re.compile(r"^lgtrack [0-9A-Za-z.+\-]{1,30}$")
_VERSION = re.compile(r"^[0-9A-Za-z.+\-]{1,40}$")
_CHECKSUM = re.compile(r"^sha256:[0-9a-f]{64}$")
# The key and signature are base64 of exactly 32 and 64 bytes: no room for a word of text.
_PUBLIC_KEY = re.compile(r"^ed25519:[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$")
_SIGNATURE_VALUE = re.compile(r"^[A-Za-z0-9+/]{85}[AQgw]==$")


# -- the participant's side ------------------------------------------------------------------


def initials_of(name: str) -> str:
    """``"Ida Marie Holm"`` -> ``"IMH"``: the first letter of each word, at most four."""
    letters = [word[0].upper() for word in name.replace("-", " ").split() if word[0].isalpha()]
    return "".join(letters[:4]) or "?"


def build_cohort_bundle(
    journal: Journal,
    *,
    now: datetime,
    initials: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """The journal owner's cohort bundle for the period ``since``..``until`` (inclusive; None:
    open). Private entries never leave. ``initials`` default to those of the profile's name."""
    from .. import __version__

    me = journal.require_me()
    framework = journal.framework_for(me)
    if now.tzinfo is None:
        raise ValidationError("err_share_time_zone")
    if since and until and since > until:
        raise ValidationError("err_share_period", since=since.isoformat(), until=until.isoformat())
    shown = initials_of(me.name) if initials is None else initials.strip()
    validation.check_initials(shown)
    where = EntryFilter(since=since, until=until, include_private=False)
    reflections = sorted(
        (r for r in journal.reflections(where) if not r.private),
        key=lambda r: (r.day, r.created_at, r.id),
    )
    in_period = [a for a in journal.effect_answers() if _covers(since, until, a.day)]
    goals = Counter(g.status for g in journal.goals(EntryFilter(include_private=False)))
    bundle: dict[str, Any] = {
        "format": COHORT_FORMAT,
        "version": COHORT_VERSION,
        "created_at": moment_to_text(now),
        "generator": f"lgtrack {__version__}",
        "framework": {"id": framework.id, "version": me.framework_version},
        "participant": {"id": me.id, "initials": shown, "level": me.level, "lang": me.lang},
        "period": {"from": day_to_text(since), "to": day_to_text(until)},
        "reflections": [
            {
                "day": day_to_text(r.day),
                "ratings": [
                    {"behaviour": x.behaviour, "score": x.score}
                    for x in r.ratings
                    if _known(framework, x.behaviour)
                ],
            }
            for r in reflections
        ],
        "effects": [
            {"day": day_to_text(a.day), "scores": dict(sorted(a.scores.items()))}
            for a in sorted(in_period, key=lambda a: (a.day, a.id))
        ],
        "goals": {status: goals.get(status, 0) for status in GOAL_STATUSES},
    }
    bundle["checksum"] = bundle_checksum(bundle)
    return sign_with_journal(journal, bundle)


def _covers(since: date | None, until: date | None, day: date) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def _known(framework: Framework, behaviour: str) -> bool:
    try:
        framework.behaviour(behaviour)
    except KeyError:
        return False
    return True


# -- the facilitator's side --------------------------------------------------------------------


@dataclass
class CohortDelivery:
    """A checked cohort bundle: everything the facilitator may store, and nothing else."""

    participant_id: str
    initials: str
    level: str | None
    framework_version: str
    created_at: datetime
    checksum: str
    public_key: str  # "ed25519:…", checked against the bundle: who signed it
    goals: dict[str, int]
    reflection_days: list[str] = field(default_factory=list)
    ratings: list[tuple[str, str, int | None]] = field(default_factory=list)
    effects: list[tuple[str, str, int | None]] = field(default_factory=list)


class _Strict(Fields):
    """Fields whose unknown keys are free text: refused as such, by name."""

    def __init__(self, value: Any, where: str, allowed: tuple[str, ...]):
        super().__init__(value, where)
        for key in value:
            if key not in allowed:
                raise FileProblem(self.at(str(key)[:40]), "err_cohort_free_text")


def read_cohort_bundle(document: dict, framework: Framework) -> CohortDelivery:
    """Check a cohort bundle whole against the cohort's ``framework``; raises FileProblem."""
    if document.get("format") != COHORT_FORMAT:
        if document.get("format") == "lgtrack-share":
            raise FileProblem("", "err_cohort_share_bundle")
        raise FileProblem("format", "err_cohort_not_bundle", got=show(document.get("format")))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FileProblem("version", "err_file_not_whole_number", got=show(version))
    if version > COHORT_VERSION:
        raise FileProblem("", "err_bundle_newer", version=version, supported=COHORT_VERSION)
    if version < FIRST_SIGNED_VERSION:
        raise FileProblem("version", "err_cohort_unsigned_version", version=version)
    top = _Strict(document, "", TOP_FIELDS)
    checksum = document.get("checksum")
    if not isinstance(checksum, str) or not _CHECKSUM.match(checksum):
        raise FileProblem("checksum", "err_cohort_checksum")
    if bundle_checksum(document) != checksum:
        raise FileProblem("checksum", "err_cohort_checksum")
    _signature(top)
    public_key = verify_document(document)  # before the fields: a changed bundle is told so
    created_at = top.moment("created_at")
    _pattern(top, "generator", _GENERATOR)
    version_text = _framework(top, framework)
    participant = _Strict(top.raw.get("participant"), "participant", PARTICIPANT_FIELDS)
    period = _Strict(top.raw.get("period"), "period", ("from", "to"))
    period.day("from", None)
    period.day("to", None)
    delivery = CohortDelivery(
        participant_id=participant.uuid("id"),
        initials=_initials(participant),
        level=_level(participant, framework),
        framework_version=version_text,
        created_at=created_at,
        checksum=checksum[len(CHECKSUM_PREFIX) :],
        public_key=public_key,
        goals=_goals(top),
    )
    _lang(participant)
    _reflections(top, framework, delivery)
    _effects(top, framework, delivery)
    return delivery


def _signature(top: Fields) -> None:
    """The signature's form, strictly: only the algorithm's name and base64 of the right size."""
    if SIGNATURE not in top.raw:
        raise FileProblem(SIGNATURE, "err_bundle_unsigned")
    f = _Strict(top.raw.get(SIGNATURE), SIGNATURE, SIGNATURE_FIELDS)
    if f.raw.get("algorithm") != ALGORITHM:
        raise FileProblem(f.at("algorithm"), "err_cohort_free_text")
    _pattern(f, "public_key", _PUBLIC_KEY)
    _pattern(f, "value", _SIGNATURE_VALUE)


def _pattern(f: Fields, key: str, pattern: re.Pattern) -> str:
    value = f.raw.get(key)
    if not isinstance(value, str) or not pattern.match(value):
        raise FileProblem(f.at(key), "err_cohort_free_text")
    return value


def _framework(top: Fields, framework: Framework) -> str:
    f = _Strict(top.raw.get("framework"), "framework", ("id", "version"))
    if f.raw.get("id") != framework.id:
        raise FileProblem(
            "framework.id", "err_cohort_framework", got=show(f.raw.get("id")), want=framework.id
        )
    return _pattern(f, "version", _VERSION)


def _initials(f: Fields) -> str:
    value = f.raw.get("initials")
    try:
        validation.check_initials(value)
    except ValidationError:
        raise FileProblem(f.at("initials"), "err_cohort_free_text") from None
    return value


def _level(f: Fields, framework: Framework) -> str | None:
    level = f.raw.get("level")
    if level is not None and not isinstance(level, str):
        raise FileProblem(f.at("level"), "err_cohort_free_text")
    if level is not None and level not in framework.level_ids:
        raise FileProblem(f.at("level"), "err_cohort_free_text")
    with problems_at(f.at("level")):
        validation.check_level(framework, level)
    return level


def _lang(f: Fields) -> None:
    if f.raw.get("lang") not in LANGUAGES:
        raise FileProblem(f.at("lang"), "err_cohort_free_text")


def _goals(top: Fields) -> dict[str, int]:
    f = _Strict(top.raw.get("goals"), "goals", GOAL_STATUSES)
    counts = {}
    for status in GOAL_STATUSES:
        value = f.whole(status, 0)
        if value is None or not 0 <= value <= 100_000:
            raise FileProblem(f.at(status), "err_cohort_count", got=show(value))
        counts[status] = value
    return counts


def _score(f: Fields, key: str, framework: Framework) -> int | None:
    score = f.whole(key)
    scale = framework.scale
    if score is not None and not scale.min <= score <= scale.max:
        raise FileProblem(f.at(key), "err_cohort_score", score=score, min=scale.min, max=scale.max)
    return score


def _reflections(top: Fields, framework: Framework, delivery: CohortDelivery) -> None:
    behaviours = {b.id for b in framework.all_behaviours()}
    for index, item in enumerate(top.items("reflections", [])):
        r = _Strict(item, f"reflections[{index}]", ("day", "ratings"))
        day = day_to_text(r.day("day"))
        delivery.reflection_days.append(day)
        for j, rating in enumerate(r.items("ratings", [])):
            x = _Strict(rating, f"{r.where}.ratings[{j}]", ("behaviour", "score"))
            behaviour = x.raw.get("behaviour")
            if behaviour not in behaviours:
                raise FileProblem(x.at("behaviour"), "err_cohort_free_text")
            delivery.ratings.append((day, behaviour, _score(x, "score", framework)))


def _effects(top: Fields, framework: Framework, delivery: CohortDelivery) -> None:
    effects = {e.id for e in framework.effects}
    for index, item in enumerate(top.items("effects", [])):
        a = _Strict(item, f"effects[{index}]", ("day", "scores"))
        day = day_to_text(a.day("day"))
        scores = a.raw.get("scores")
        if not isinstance(scores, dict):
            raise FileProblem(a.at("scores"), "err_file_not_object", got=show(scores))
        s = _Strict(scores, a.at("scores"), tuple(effects))
        for effect in sorted(scores):
            delivery.effects.append((day, effect, _score(s, effect, framework)))
