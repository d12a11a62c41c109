"""Checks a record against the framework before anything is written.

Each check raises :class:`ValidationError` with one line that names what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .errors import ValidationError
from .framework import LANGUAGES, Framework
from .records import FEEDBACK_ROLES, GOAL_STATUSES, Feedback, Goal, Leader, Rating, Reflection

MAX_TEXT = 100_000
MAX_SHORT = 500
MAX_TAGS = 50


def check_discipline(framework: Framework, discipline: str) -> None:
    if discipline not in framework.discipline_ids:
        known = ", ".join(framework.discipline_ids)
        raise ValidationError(f"unknown discipline '{discipline}' (known: {known})")


def check_level(framework: Framework, level: str | None) -> None:
    if level is None and not framework.levels:
        return
    if level not in framework.level_ids:
        known = ", ".join(framework.level_ids) or "none: this framework has no levels"
        raise ValidationError(f"unknown level '{level}' (known: {known})")


def check_behaviour(framework: Framework, behaviour: str) -> None:
    try:
        framework.behaviour(behaviour)
    except KeyError:
        raise ValidationError(
            f"unknown behaviour '{behaviour}' (see 'lgtrack framework show {framework.id}')"
        ) from None


def check_ratings(framework: Framework, ratings: Iterable[Rating]) -> None:
    seen: set[str] = set()
    scale = framework.scale
    for rating in ratings:
        if not isinstance(rating, Rating):
            raise ValidationError(f"a rating must be Rating(behaviour, score), got {rating!r}")
        check_behaviour(framework, rating.behaviour)
        if rating.behaviour in seen:
            raise ValidationError(f"behaviour '{rating.behaviour}' is rated twice")
        seen.add(rating.behaviour)
        score = rating.score
        if score is None:
            continue
        if (
            isinstance(score, bool)
            or not isinstance(score, int)
            or not scale.min <= score <= scale.max
        ):
            raise ValidationError(
                f"score {score!r} for '{rating.behaviour}' is outside the scale {scale.min}–{scale.max}"
            )


def check_text(value: str, what: str, limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text")
    if len(value) > limit:
        raise ValidationError(f"{what} is longer than {limit:,} characters")
    if "\x00" in value:
        raise ValidationError(f"{what} contains a NUL character")


def check_day(value: object, what: str = "date") -> None:
    if isinstance(value, datetime):  # a date too, but stored as a day it breaks every read
        raise ValidationError(f"{what} must be a calendar day (a date), not a date and time")
    if not isinstance(value, date):
        raise ValidationError(f"{what} must be a date, got {value!r}")
    if not 1900 <= value.year <= 2200:
        raise ValidationError(f"{what} {value.isoformat()} is not a plausible date")


def check_one_to_five(value: int | None, what: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(f"{what} must be a whole number from 1 to 5, got {value!r}")


def check_leader(framework: Framework, leader: Leader) -> None:
    name = leader.name.strip() if isinstance(leader.name, str) else ""
    if not name:
        raise ValidationError("a name or initials is required")
    check_text(leader.name, "name", MAX_SHORT)
    check_text(leader.unit, "unit", MAX_SHORT)
    check_level(framework, leader.level)
    if leader.lang not in LANGUAGES:
        raise ValidationError(f"unknown language '{leader.lang}' (known: {', '.join(LANGUAGES)})")


def check_reflection(framework: Framework, reflection: Reflection) -> None:
    check_day(reflection.day)
    if not reflection.disciplines:
        raise ValidationError("a reflection needs at least one discipline")
    for discipline in reflection.disciplines:
        check_discipline(framework, discipline)
    check_ratings(framework, reflection.ratings)
    for field_name in ("text", "prompt", "next_step"):
        check_text(getattr(reflection, field_name), field_name.replace("_", " "))
    check_one_to_five(reflection.wellbeing, "wellbeing")
    check_one_to_five(reflection.energy, "energy")
    if len(reflection.tags) > MAX_TAGS:
        raise ValidationError(f"at most {MAX_TAGS} tags")
    for tag in reflection.tags:
        check_tag(tag)
    if not (reflection.text.strip() or reflection.ratings or reflection.next_step.strip()):
        raise ValidationError("an empty reflection: write something or rate a behaviour")


def check_tag(tag: str) -> None:
    if not isinstance(tag, str) or not tag.strip() or any(c.isspace() for c in tag):
        raise ValidationError(f"invalid tag {tag!r} (one word, no spaces)")
    check_text(tag, "tag", 100)


def check_goal(framework: Framework, goal: Goal) -> None:
    check_discipline(framework, goal.discipline)
    if not isinstance(goal.title, str) or not goal.title.strip():
        raise ValidationError("a goal needs a title")
    check_text(goal.title, "title", MAX_SHORT)
    check_text(goal.why, "why")
    check_text(goal.success, "success criteria")
    for behaviour in goal.behaviours:
        check_behaviour(framework, behaviour)
    if goal.due is not None:
        check_day(goal.due, "due date")
    if goal.closed_on is not None:
        check_day(goal.closed_on, "closing date")
    if goal.status not in GOAL_STATUSES:
        raise ValidationError(f"unknown status '{goal.status}' (known: {', '.join(GOAL_STATUSES)})")


def check_progress(progress: object) -> None:
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        raise ValidationError(f"progress must be a whole number from 0 to 100, got {progress!r}")


def check_feedback(framework: Framework, feedback: Feedback) -> None:
    check_day(feedback.day)
    if feedback.role not in FEEDBACK_ROLES:
        raise ValidationError(
            f"unknown role '{feedback.role}' (known: {', '.join(FEEDBACK_ROLES)})"
        )
    check_discipline(framework, feedback.discipline)
    check_ratings(framework, feedback.ratings)
    check_text(feedback.text, "text")
    check_text(feedback.name, "name", MAX_SHORT)
    if not (feedback.text.strip() or feedback.ratings):
        raise ValidationError("empty feedback: add a text or a rating")
