"""Which discipline to reflect on next: the one the leader has reflected on least lately.

>>> from datetime import date
>>> from lgtrack import Journal
>>> journal = Journal.open(":memory:")
>>> _ = journal.set_profile("AB", "teamleder")
>>> suggest_discipline(journal, date(2026, 11, 2))
'strategic'
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .query import EntryFilter

if TYPE_CHECKING:
    from .journal import Journal

WINDOW_DAYS = 28


def suggest_discipline(
    journal: Journal, today: date, *, window_days: int = WINDOW_DAYS, leader_id: str | None = None
) -> str:
    """The discipline with the fewest reflections in the ``window_days`` up to ``today``.

    Ties go to the discipline reflected on longest ago (never beats any day), then to the
    framework's order. Reflections on several disciplines count for each of them.
    """
    framework = journal.framework(leader_id)
    since = today - timedelta(days=window_days - 1)
    recent = journal.reflections(EntryFilter(since=since, until=today), leader_id=leader_id)
    counts = Counter(d for reflection in recent for d in reflection.disciplines)

    def last_day(discipline: str) -> date:
        latest = journal.reflections(
            EntryFilter(discipline=discipline, until=today, limit=1), leader_id=leader_id
        )
        return latest[0].day if latest else date.min

    return min(framework.discipline_ids, key=lambda d: (counts[d], last_day(d)))
