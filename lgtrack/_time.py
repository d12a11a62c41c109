"""Dates and times as stored: calendar days as ``YYYY-MM-DD``, moments as aware ISO-8601."""

from __future__ import annotations

from datetime import date, datetime, timezone

from .errors import ValidationError, field_term


def utc_now() -> datetime:
    """The real clock; only entry points (CLI, widgets' defaults) call it."""
    return datetime.now(timezone.utc).astimezone()


def moment_to_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValidationError("err_time_no_zone", moment=moment.isoformat())
    return moment.isoformat()


def text_to_moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def day_to_text(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def text_to_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def parse_day(text: str, what: str = "date") -> date:
    """A user-given ``YYYY-MM-DD``; an impossible date is a one-line ValidationError."""
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except (ValueError, TypeError):
        raise ValidationError("err_not_a_date", what=field_term(what), text=text) from None
