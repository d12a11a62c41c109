"""Reading a record's fields from JSON by its field specification (:mod:`lgtrack.specs`).

Each field is read by its kind, with its default and its length limit, and every error names
the place in the file (``reflections[3].day``). Rules about the values (the framework, dates,
scores) are checked afterwards by :mod:`lgtrack.validation`, as for every other entry point.
"""

from __future__ import annotations

from typing import Any

from .. import specs
from ..records import Rating
from ..specs import REQUIRED, Field, RecordSpec
from ..validation import MAX_SHORT, MAX_TEXT
from .fields import Fields

_LIMITS = {specs.TEXT: MAX_TEXT, specs.SHORT: MAX_SHORT, specs.REF: 100, specs.ID: 100}


def read_values(spec: RecordSpec, f: Fields, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON fields of ``spec`` (but ``skip``) read from ``f``, by name."""
    return {
        field.name: read_value(field, f)
        for field in spec.fields
        if field.json and field.name not in skip and field.kind != specs.CHECKINS
    }


def read_value(field: Field, f: Fields) -> Any:
    name, kind = field.name, field.kind
    default = () if kind in (specs.IDS, specs.RATINGS) and field.default == () else field.default
    given = {} if default is REQUIRED else {"default": default}
    limit = field.limit or _LIMITS.get(kind, MAX_SHORT)
    if kind == specs.ID:
        return f.uuid(name)
    if kind in (specs.TEXT, specs.SHORT, specs.REF):
        if field.null:
            return f.optional_text(name, limit=limit)
        return f.text(name, limit=limit, **given)
    if kind == specs.DAY:
        return f.day(name, **given)
    if kind == specs.MOMENT:
        return f.optional_moment(name) if field.null else f.moment(name)
    if kind == specs.BOOL:
        return f.boolean(name, **given)
    if kind == specs.INT:
        return f.whole(name, **given)
    if kind == specs.IDS:
        given = {"default": []} if default == () else given
        return tuple(f.texts(name, limit=100, **given))
    if kind == specs.RATINGS:
        return read_ratings(f, name)
    if kind == specs.OBJECT:
        return f.raw.get(name)
    raise ValueError(f"no JSON reader for {kind}")


def read_ratings(f: Fields, name: str = "ratings") -> tuple[Rating, ...]:
    """A list of ``{"behaviour", "score"}`` objects (``score`` null: "ved ikke")."""
    ratings = []
    for index, item in enumerate(f.items(name, [])):
        r = Fields(item, f"{f.at(name)}[{index}]", allowed=specs.RATING.json_names())
        ratings.append(Rating(**read_values(specs.RATING, r)))
    return tuple(ratings)
