"""Small text helpers for the report and the coach's overview: escaping, dates and numbers."""

from __future__ import annotations

import html
import math
from datetime import date

from ..framework import Framework
from ..i18n import t


def esc(value: object) -> str:
    """``value`` as HTML text (quotes too): text from a bundle never becomes markup."""
    return html.escape(str(value), quote=True)


def long_day(day: date, lang: str) -> str:
    """``3. november 2026`` (da) or ``3 November 2026`` (en)."""
    month = t("report.months", lang).split()[day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "da" else f"{day.day} {month} {day.year}"


def decimal(value: float | None, lang: str, digits: int = 1) -> str:
    """``3,4`` (da) or ``3.4`` (en); a dash for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    value = round(float(value), digits) + 0.0  # -0.04 rounds to -0.0: show it as 0.0
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "da" else text


def signed(value: float | None, lang: str) -> str:
    text = decimal(value, lang)
    shown_as_zero = text.strip("0,.") == ""
    return f"+{text}" if text != "–" and not text.startswith("-") and not shown_as_zero else text


def percent(value: float | None, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value * 100:.0f} %" if lang == "da" else f"{value * 100:.0f}%"


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


def paragraphs(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return f'<p class="lg-pre">{esc(text.strip())}</p>'
