"""The effektbillede, measured: a leader's quarterly answers to the framework's intended effects.

Every quarter a leader answers, for each of the framework's effects (STUK's six, ``e1``…``e6``),
"how clearly do I see this in my area?" on the framework's scale, or "ved ikke". An answer is
**due** when there is none yet, or when a quarter (:data:`QUARTER_DAYS`) has passed since the
latest one. Nothing here reads the clock: pass ``today``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .records import EffectAnswer

QUARTER_DAYS = 91


@dataclass(frozen=True)
class EffectsStatus:
    """Whether an effect answer is due on ``today``."""

    today: date
    answers: int
    last_day: date | None
    due: bool
    next_due: date | None  # None while none was ever given (one is due now)


def effects_status(answers: Iterable[EffectAnswer], today: date) -> EffectsStatus:
    """Due when none was given up to ``today``, or a quarter has passed since the latest."""
    days = [a.day for a in answers if a.day <= today]
    if not days:
        return EffectsStatus(today, 0, None, True, None)
    last = max(days)
    next_due = last + timedelta(days=QUARTER_DAYS)
    return EffectsStatus(today, len(days), last, today >= next_due, next_due)


def effect_rows(answers: Iterable[EffectAnswer]) -> list[tuple[date, str, int | None]]:
    """One ``(day, effect id, score)`` row per effect answered (``None``: "ved ikke")."""
    return [
        (answer.day, effect, score)
        for answer in sorted(answers, key=lambda a: (a.day, a.id))
        for effect, score in sorted(answer.scores.items())
    ]
