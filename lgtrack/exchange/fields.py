"""Typed reading of JSON objects from an import file, with the place in the file in every error.

>>> Fields({"day": "2026-02-30"}, "reflections[3]").day("day")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lgtrack.exchange.fields.FileProblem: reflections[3].day: '2026-02-30' is not a real date ...
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Any

from ..errors import ValidationError
from ..validation import MAX_SHORT, MAX_TEXT

_MISSING = object()


class FileProblem(Exception):
    """One thing wrong at one place in the file; the importer turns it into ImportFileError."""

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


@contextmanager
def problems_at(where: str):
    """Report a ValidationError raised inside as a FileProblem at ``where``."""
    try:
        yield
    except ValidationError as exc:
        raise FileProblem(where, str(exc)) from None


def show(value: Any, limit: int = 40) -> str:
    """A short, quoted rendering of a value from the file, for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    names = {dict: "an object", list: "a list", str: "text", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def check_string(value: str, where: str, limit: int = MAX_TEXT) -> str:
    """``value`` if it is storable text: not too long, no NUL, no lone surrogate."""
    if len(value) > limit:
        raise FileProblem(where, f"text longer than {limit:,} characters")
    if "\x00" in value:
        raise FileProblem(where, "text contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise FileProblem(where, "text contains an invalid character (a lone surrogate)") from None
    return value


class Fields:
    """A JSON object read field by field; ``where`` names it in messages (``goals[2]``)."""

    def __init__(self, value: Any, where: str, *, allowed: Iterable[str] | None = None):
        if not isinstance(value, dict):
            raise FileProblem(where, f"must be an object, got {kind(value)}")
        self.raw = value
        self.where = where
        if allowed is not None:
            unknown = [key for key in value if key not in set(allowed)]
            if unknown:
                raise FileProblem(where, f"unknown field {show(unknown[0])}")

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _get(self, key: str, default: Any) -> Any:
        if key in self.raw:
            return self.raw[key]
        if default is _MISSING:
            raise FileProblem(self.where, f"missing field '{key}'")
        return default

    def text(self, key: str, default: Any = _MISSING, *, limit: int = MAX_TEXT) -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            raise FileProblem(self.at(key), f"must be text, got {kind(value)}")
        return check_string(value, self.at(key), limit)

    def optional_text(self, key: str, *, limit: int = MAX_SHORT) -> str | None:
        if self.raw.get(key) is None:
            return None
        return self.text(key, limit=limit)

    def boolean(self, key: str, default: Any = _MISSING) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise FileProblem(self.at(key), f"must be true or false, got {kind(value)}")
        return value

    def whole(self, key: str, default: Any = _MISSING) -> int | None:
        """A whole number or null."""
        value = self._get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise FileProblem(self.at(key), f"must be a whole number or null, got {show(value)}")
        return value

    def uuid(self, key: str) -> str:
        value = self.text(key, limit=100)
        try:
            canonical = str(uuid.UUID(value))
        except ValueError:
            canonical = None
        if canonical != value:
            raise FileProblem(self.at(key), f"{show(value)} is not a UUID")
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
            raise FileProblem(where, f"must be an ISO date and time, got {show(value)}")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise FileProblem(where, f"{show(value)} is not a real date and time") from None
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise FileProblem(where, f"{show(value)} has no time zone")
        check_year(moment.date(), where)
        return moment

    def texts(self, key: str, default: Any = _MISSING, *, limit: int = MAX_SHORT) -> list[str]:
        items = self.items(key, default)
        result = []
        for index, item in enumerate(items):
            where = f"{self.at(key)}[{index}]"
            if not isinstance(item, str):
                raise FileProblem(where, f"must be text, got {kind(item)}")
            result.append(check_string(item, where, limit))
        return result

    def items(self, key: str, default: Any = _MISSING) -> list[Any]:
        value = self._get(key, default)
        if not isinstance(value, (list, tuple)):
            raise FileProblem(self.at(key), f"must be a list, got {kind(value)}")
        return list(value)


def parse_day(value: Any, where: str) -> date:
    if not isinstance(value, str):
        raise FileProblem(where, f"must be a date as YYYY-MM-DD, got {show(value)}")
    try:
        if len(value) != 10:
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise FileProblem(where, f"{show(value)} is not a real date (use YYYY-MM-DD)") from None
    check_year(day, where)
    return day


def parse_time(value: Any, where: str) -> time:
    if not isinstance(value, str) or len(value) not in (5, 8):
        raise FileProblem(where, f"must be a time as HH:MM, got {show(value)}")
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise FileProblem(where, f"{show(value)} is not a real time (use HH:MM)") from None


def check_year(day: date, where: str) -> None:
    if not 1900 <= day.year <= 2200:
        raise FileProblem(where, f"{day.isoformat()} is not a plausible date")
