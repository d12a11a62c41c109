"""What to list: one filter shared by the API, the command line and the widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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


def fold(text: str) -> str:
    """Case-folded text for search: Danish æøå match whatever their case."""
    return text.casefold()
