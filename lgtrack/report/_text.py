"""Small text helpers for the report and the coach's overview: dates, numbers, names.

They return plain text; the templates escape it.
"""

from __future__ import annotations

from datetime import date

from .. import formatting
from ..framework import Framework


def long_day(day: date, lang: str) -> str:
    """``3. november 2026`` (da) or ``3 November 2026`` (en)."""
    return formatting.long_date(day, lang)


def decimal(value: float | None, lang: str, digits: int = 1) -> str:
    """``3,4`` (da) or ``3.4`` (en); a dash for a missing value."""
    return formatting.decimal(value, lang, digits)


def signed(value: float | None, lang: str) -> str:
    return formatting.decimal(value, lang, signed=True)


def percent(value: float | None, lang: str) -> str:
    return formatting.percent(value, lang)


def discipline_name(framework: Framework, discipline_id: str, lang: str) -> str:
    return framework.discipline_name(discipline_id, lang)


def behaviour_text(framework: Framework, behaviour_id: str, lang: str) -> str:
    return framework.behaviour_text(behaviour_id, lang)


def level_name(framework: Framework, level_id: str | None, lang: str) -> str:
    return framework.level_name(level_id, lang)


def snippet(text: str, limit: int = 160) -> str:
    """The first ``limit`` characters on one line (plain text, not escaped)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
