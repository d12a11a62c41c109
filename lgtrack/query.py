"""What to list: one filter shared by the API, the command line and the widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from .errors import ValidationError

Entry = TypeVar("Entry")


@dataclass(frozen=True)
class EntryFilter:
    """Narrows a list of reflections, goals or feedback. Every field is optional.

    ``since``/``until`` are inclusive calendar days; ``contains`` matches text case-insensitively;
    ``limit`` keeps the newest N. Results come newest first.
    """

    discipline: str | None = None
    behaviour: str | None = None
    since: date | None = None
    until: date | None = None
    tag: str | None = None
    contains: str | None = None
    limit: int | None = None
    include_private: bool = True

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            day = getattr(self, name)
            if day is not None and (not isinstance(day, date) or isinstance(day, datetime)):
                raise ValidationError(f"the filter's {name} must be a date, got {day!r}")
        limit = self.limit
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int) or limit < 0
        ):
            raise ValidationError(
                f"the filter's limit must be a whole number, 0 or more: {limit!r}"
            )


def fold(text: str) -> str:
    """Case-folded text for search: Danish æøå match whatever their case."""
    return text.casefold()


def shared_conditions(
    f: EntryFilter, leader_id: str | None, *, alias: str, day: str
) -> tuple[list[str], list]:
    """SQL conditions (and their parameters) every kind of entry shares: whose entries, the
    period (on the SQL expression ``day``) and privacy; for the table aliased ``alias``."""
    conditions, params = ["1 = 1"], []
    for sql, value in (
        (f"{alias}.leader_id = ?", leader_id),
        (f"{day} >= ?", f.since.isoformat() if f.since else None),
        (f"{day} <= ?", f.until.isoformat() if f.until else None),
    ):
        if value is not None:
            conditions.append(sql)
            params.append(value)
    if not f.include_private:
        conditions.append(f"{alias}.private = 0")
    return conditions, params


def text_matches(
    items: Sequence[Entry], f: EntryFilter, text_of: Callable[[Entry], str]
) -> list[Entry]:
    """``items`` whose text contains ``f.contains`` (case-folded), then the first ``f.limit``."""
    if f.contains:
        needle = fold(f.contains)
        items = [item for item in items if needle in fold(text_of(item))]
    return list(items[: f.limit] if f.limit is not None else items)
