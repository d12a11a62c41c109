"""What to list: one filter shared by the API, the command line and the widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from ._text import fold
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
                raise ValidationError("err_filter_day", name=name, value=repr(day))
        limit = self.limit
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int) or limit < 0
        ):
            raise ValidationError("err_filter_limit", value=repr(limit))


def text_matches(
    items: Sequence[Entry], f: EntryFilter, text_of: Callable[[Entry], str]
) -> list[Entry]:
    """``items`` whose text contains ``f.contains`` (case-folded), then the first ``f.limit``."""
    if f.contains:
        needle = fold(f.contains)
        items = [item for item in items if needle in fold(text_of(item))]
    return list(items[: f.limit] if f.limit is not None else items)
