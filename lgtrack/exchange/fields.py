"""Typed reading of JSON objects from an import file, with the place in the file in every error.

>>> Fields({"day": "2026-02-30"}, "reflections[3]").day("day")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lgtrack.exchange.fields.FileProblem: reflections[3].day: '2026-02-30' is not a real date ...
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Any

from ..errors import Message, Renderable, ValidationError
from ..validation import MAX_SHORT, MAX_TEXT, check_text

_MISSING = object()
_INDEX = re.compile(r"\[\d+\]$")


class FileProblem(Exception):
    """One thing wrong at one place in the file; the importer turns it into ImportFileError.

    ``problem`` is a catalogue key (with ``params``) or an error met while reading the place
    (a :class:`ValidationError`, a :class:`FrameworkError`); either reads in the reader's
    language, after the place: ``reflections[3].day: …``.
    """

    def __init__(self, where: str, problem: str | Renderable, /, **params: Any):
        self.where = where
        self.message = problem if isinstance(problem, Renderable) else Message(problem, **params)
        super().__init__(where, problem)

    @property
    def problem(self) -> str:
        return self.message.render("en")

    def render(self, lang: str) -> str:
        text = self.message.render(lang)
        return f"{self.where}: {text}" if self.where else text

    def __str__(self) -> str:
        return self.render("en")


@contextmanager
def problems_at(where: str):
    """Report a ValidationError raised inside as a FileProblem at ``where``."""
    try:
        yield
    except ValidationError as exc:
        raise FileProblem(where, exc) from None


def show(value: Any, limit: int = 40) -> str:
    """A short, quoted rendering of a value from the file, for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind(value: Any) -> Message | str:
    """What a JSON value is, in words of the reader's language (``kind_…`` keys)."""
    if isinstance(value, bool):
        return Message("kind_true_false")
    if isinstance(value, (int, float)):
        return Message("kind_number")
    names = {dict: "kind_object", list: "kind_list", str: "kind_text", type(None): "kind_null"}
    key = names.get(type(value))
    return Message(key) if key else type(value).__name__


def check_string(value: str, where: str, limit: int = MAX_TEXT) -> str:
    """``value`` if it is storable text: not too long, no NUL, no lone surrogate.

    Refused with the journal's own words (:func:`lgtrack.validation.check_text`), so a file
    and a form that hold the same text get the same message, here after the place in the file.
    """
    try:
        check_text(value, "text", limit)
    except ValidationError:  # the same check again, for a message that names the field
        with problems_at(where):
            check_text(value, _field_of(where), limit)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise FileProblem(where, "err_file_text_surrogate") from None
    return value


def _field_of(where: str) -> str:
    """``"next step"`` for ``reflections[3].next_step``: the field a place names, for messages."""
    last = _INDEX.sub("", where.rsplit(".", 1)[-1])
    return last.replace("_", " ") or "text"


class Fields:
    """A JSON object read field by field; ``where`` names it in messages (``goals[2]``)."""

    def __init__(self, value: Any, where: str, *, allowed: Iterable[str] | None = None):
        if not isinstance(value, dict):
            raise FileProblem(where, "err_file_not_object", got=kind(value))
        self.raw = value
        self.where = where
        if allowed is not None:
            unknown = [key for key in value if key not in set(allowed)]
            if unknown:
                raise FileProblem(where, "err_file_unknown_field", field=show(unknown[0]))

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _get(self, key: str, default: Any) -> Any:
        if key in self.raw:
            return self.raw[key]
        if default is _MISSING:
            raise FileProblem(self.where, "err_file_missing_field", field=key)
        return default

    def text(self, key: str, default: Any = _MISSING, *, limit: int = MAX_TEXT) -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            raise FileProblem(self.at(key), "err_file_not_text", got=kind(value))
        return check_string(value, self.at(key), limit)

    def optional_text(self, key: str, *, limit: int = MAX_SHORT) -> str | None:
        if self.raw.get(key) is None:
            return None
        return self.text(key, limit=limit)

    def boolean(self, key: str, default: Any = _MISSING) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise FileProblem(self.at(key), "err_file_not_boolean", got=kind(value))
        return value

    def whole(self, key: str, default: Any = _MISSING) -> int | None:
        """A whole number or null."""
        value = self._get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise FileProblem(self.at(key), "err_file_not_whole", got=show(value))
        return value

    def uuid(self, key: str) -> str:
        value = self.text(key, limit=100)
        try:
            canonical = str(uuid.UUID(value))
        except ValueError:
            canonical = None
        if canonical != value:
            raise FileProblem(self.at(key), "err_file_not_uuid", value=show(value))
        return value

    def day(self, key: str, default: Any = _MISSING) -> date | None:
        value = self._get(key, default)
        if value is None and default is None:
            return None
        return parse_day(value, self.at(key))

    def optional_moment(self, key: str) -> datetime | None:
        """A moment, or None when the field is null or absent."""
        return None if self.raw.get(key) is None else self.moment(key)

    def moment(self, key: str) -> datetime:
        value = self._get(key, _MISSING)
        where = self.at(key)
        if not isinstance(value, str) or len(value) > 40:
            raise FileProblem(where, "err_file_not_moment", got=show(value))
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise FileProblem(where, "err_file_bad_moment", value=show(value)) from None
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise FileProblem(where, "err_file_no_zone", value=show(value))
        check_year(moment.date(), where)
        return moment

    def texts(self, key: str, default: Any = _MISSING, *, limit: int = MAX_SHORT) -> list[str]:
        items = self.items(key, default)
        result = []
        for index, item in enumerate(items):
            where = f"{self.at(key)}[{index}]"
            if not isinstance(item, str):
                raise FileProblem(where, "err_file_not_text", got=kind(item))
            result.append(check_string(item, where, limit))
        return result

    def items(self, key: str, default: Any = _MISSING) -> list[Any]:
        value = self._get(key, default)
        if not isinstance(value, (list, tuple)):
            raise FileProblem(self.at(key), "err_file_not_list", got=kind(value))
        return list(value)


def parse_day(value: Any, where: str) -> date:
    if not isinstance(value, str):
        raise FileProblem(where, "err_file_not_day", got=show(value))
    try:
        if len(value) != 10:
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise FileProblem(where, "err_file_bad_day", value=show(value)) from None
    check_year(day, where)
    return day


def parse_time(value: Any, where: str) -> time:
    if not isinstance(value, str) or len(value) not in (5, 8):
        raise FileProblem(where, "err_file_not_time", got=show(value))
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise FileProblem(where, "err_file_bad_time", value=show(value)) from None


def check_year(day: date, where: str) -> None:
    if not 1900 <= day.year <= 2200:
        raise FileProblem(where, "err_file_implausible_day", day=day.isoformat())
