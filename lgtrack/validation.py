"""Checks a record against the framework before anything is written.

Every rule about data lives here, once: the journal's API, the widgets, the importers, the share
import and the command line all call these checks, so they refuse the same input with the same
message. Each check raises :class:`ValidationError` with one line that names what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .errors import ValidationError, field_term
from .framework import Framework
from .i18n import LANGUAGES
from .records import (
    ACTION_STATUSES,
    FEEDBACK_ROLES,
    GOAL_STATUSES,
    GROW_FIELDS,
    ROUND_GROUPS,
    ROUND_STATUSES,
    Action,
    CoachSession,
    EffectAnswer,
    Feedback,
    Goal,
    Leader,
    Rating,
    Reflection,
    Round,
)

MAX_TEXT = 100_000
MAX_SHORT = 500
MAX_TAGS = 50
MAX_ACTION = 2_000


def check_discipline(framework: Framework, discipline: str) -> None:
    if discipline not in framework.discipline_ids:
        known = framework.discipline_ids
        raise ValidationError("err_unknown_discipline", discipline=discipline, known=known)


def check_level(framework: Framework, level: str | None) -> None:
    if level is None and not framework.levels:
        return
    if level not in framework.level_ids:
        if not framework.level_ids:
            raise ValidationError("err_unknown_level_none", level=level)
        raise ValidationError("err_unknown_level", level=level, known=framework.level_ids)


def check_behaviour(framework: Framework, behaviour: str) -> None:
    try:
        framework.behaviour(behaviour)
    except KeyError:
        raise ValidationError(
            "err_unknown_behaviour", behaviour=behaviour, framework=framework.id
        ) from None


def check_ratings(framework: Framework, ratings: Iterable[Rating]) -> None:
    seen: set[str] = set()
    scale = framework.scale
    for rating in ratings:
        if not isinstance(rating, Rating):
            raise ValidationError("err_rating_type", value=repr(rating))
        check_behaviour(framework, rating.behaviour)
        if rating.behaviour in seen:
            raise ValidationError("err_rated_twice", behaviour=rating.behaviour)
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
                "err_score_outside",
                score=repr(score),
                behaviour=rating.behaviour,
                min=scale.min,
                max=scale.max,
            )


def check_ratings_fit(
    framework: Framework, ratings: Iterable[Rating], disciplines: Iterable[str]
) -> None:
    """The disciplines and rated behaviours exist, and each behaviour belongs to one of the
    entry's ``disciplines`` (the command line checks this before it reads a text)."""
    disciplines = tuple(disciplines)
    for discipline in disciplines:
        check_discipline(framework, discipline)
    for rating in ratings:
        check_behaviour(framework, rating.behaviour)
        owner = framework.behaviour(rating.behaviour).discipline
        if owner not in disciplines:
            raise ValidationError(
                "err_behaviour_other_discipline",
                behaviour=rating.behaviour,
                owner=owner,
                disciplines=disciplines,
            )


def check_text(value: str, what: str, limit: int = MAX_TEXT) -> None:
    """``what`` names the field in English; the message translates it (``field_…`` keys)."""
    if not isinstance(value, str):
        raise ValidationError("err_not_text", what=field_term(what))
    if len(value) > limit:
        raise ValidationError(
            "err_text_too_long", what=field_term(what), limit=limit, length=len(value)
        )
    if "\x00" in value:
        raise ValidationError("err_text_nul", what=field_term(what))


def check_day(value: object, what: str = "date") -> None:
    if isinstance(value, datetime):  # a date too, but stored as a day it breaks every read
        raise ValidationError("err_day_with_time", what=field_term(what))
    if not isinstance(value, date):
        raise ValidationError("err_day_type", what=field_term(what), value=repr(value))
    if not 1900 <= value.year <= 2200:
        raise ValidationError("err_day_implausible", what=field_term(what), day=value.isoformat())


def check_one_to_five(value: int | None, what: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError("err_one_to_five", what=field_term(what), value=repr(value))


def check_leader(framework: Framework, leader: Leader) -> None:
    name = leader.name.strip() if isinstance(leader.name, str) else ""
    if not name:
        raise ValidationError("err_name_required")
    check_text(leader.name, "name", MAX_SHORT)
    check_text(leader.unit, "unit", MAX_SHORT)
    check_level(framework, leader.level)
    if leader.lang not in LANGUAGES:
        raise ValidationError("err_unknown_language", lang=leader.lang, known=LANGUAGES)


def check_reflection(framework: Framework, reflection: Reflection) -> None:
    check_day(reflection.day)
    if not reflection.disciplines:
        raise ValidationError("err_reflection_no_discipline")
    for discipline in reflection.disciplines:
        check_discipline(framework, discipline)
    check_ratings(framework, reflection.ratings)
    check_ratings_fit(framework, reflection.ratings, reflection.disciplines)
    for field_name in ("text", "prompt", "next_step"):
        check_text(getattr(reflection, field_name), field_name.replace("_", " "))
    check_one_to_five(reflection.wellbeing, "wellbeing")
    check_one_to_five(reflection.energy, "energy")
    if len(reflection.tags) > MAX_TAGS:
        raise ValidationError("err_too_many_tags", limit=MAX_TAGS)
    for tag in reflection.tags:
        check_tag(tag)
    if not (reflection.text.strip() or reflection.ratings or reflection.next_step.strip()):
        raise ValidationError("err_empty_reflection")


def check_tag(tag: str) -> None:
    if not isinstance(tag, str) or not tag.strip() or any(c.isspace() for c in tag):
        raise ValidationError("err_invalid_tag", tag=repr(tag))
    check_text(tag, "tag", 100)


def check_goal(framework: Framework, goal: Goal) -> None:
    check_discipline(framework, goal.discipline)
    if not isinstance(goal.title, str) or not goal.title.strip():
        raise ValidationError("err_goal_no_title")
    check_text(goal.title, "title", MAX_SHORT)
    check_text(goal.why, "why")
    check_text(goal.success, "success criteria")
    check_ratings_fit(framework, (Rating(b, None) for b in goal.behaviours), (goal.discipline,))
    _check_follow_up(goal, GOAL_STATUSES)


def _check_follow_up(record: Goal | Action, statuses: tuple[str, ...]) -> None:
    """A goal's or an action's due date, closing date and status."""
    if record.due is not None:
        check_day(record.due, "due date")
    if record.closed_on is not None:
        check_day(record.closed_on, "closing date")
    if record.status not in statuses:
        raise ValidationError("err_unknown_status", status=record.status, known=statuses)


def check_progress(progress: object) -> None:
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        raise ValidationError("err_progress", value=repr(progress))


def check_feedback(framework: Framework, feedback: Feedback) -> None:
    check_day(feedback.day)
    if feedback.role not in FEEDBACK_ROLES:
        raise ValidationError("err_unknown_role", role=feedback.role, known=FEEDBACK_ROLES)
    check_discipline(framework, feedback.discipline)
    check_ratings(framework, feedback.ratings)
    check_ratings_fit(framework, feedback.ratings, (feedback.discipline,))
    check_text(feedback.text, "text")
    check_text(feedback.name, "name", MAX_SHORT)
    if not (feedback.text.strip() or feedback.ratings):
        raise ValidationError("err_empty_feedback")


def check_session(session: CoachSession) -> None:
    check_day(session.day, "session date")
    for name in (*GROW_FIELDS, "notes"):
        check_text(getattr(session, name), name)
    if not any(getattr(session, name).strip() for name in (*GROW_FIELDS, "notes")):
        raise ValidationError("err_empty_session")


def check_action(action: Action) -> None:
    if not isinstance(action.text, str) or not action.text.strip():
        raise ValidationError("err_action_no_text")
    check_text(action.text, "action", MAX_ACTION)
    _check_follow_up(action, ACTION_STATUSES)


def check_action_closing(status: str) -> None:
    if status not in ("done", "dropped"):
        raise ValidationError("err_action_closing", status=status)


# -- 360 rounds (#12) ------------------------------------------------------------------------

# The lowest minimum a round may set per group: one manager may show (she knows it is her),
# but a figure from fewer than three peers, employees or others would expose them.
ROUND_MINIMUM_FLOOR = {"self": 1, "manager": 1, "peer": 3, "employee": 3, "other": 3}
ROUND_MINIMUM_CEILING = 1_000


def check_round_group(group: str) -> None:
    if group not in ROUND_GROUPS:
        raise ValidationError("err_round_unknown_group", group=group, known=ROUND_GROUPS)


def check_round_minimums(minimums: object) -> None:
    if not isinstance(minimums, dict):
        raise ValidationError("err_round_minimums_type", value=repr(minimums))
    for group, value in minimums.items():
        check_round_group(group)
        floor = ROUND_MINIMUM_FLOOR[group]
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not floor <= value <= ROUND_MINIMUM_CEILING
        ):
            raise ValidationError(
                "err_round_minimum", group=group, value=repr(value), floor=floor,
                ceiling=ROUND_MINIMUM_CEILING,
            )  # fmt: skip


def check_round(framework: Framework, item: Round) -> None:
    name = item.name.strip() if isinstance(item.name, str) else ""
    if not name:
        raise ValidationError("err_round_no_name")
    check_text(item.name, "name", MAX_SHORT)
    if not item.disciplines:
        raise ValidationError("err_round_no_discipline")
    for discipline in item.disciplines:
        check_discipline(framework, discipline)
    if len(set(item.disciplines)) != len(item.disciplines):
        raise ValidationError("err_round_discipline_twice")
    for minimums in (item.minimums, item.text_minimums):
        check_round_minimums(minimums)
        if set(minimums) != set(ROUND_GROUPS):
            raise ValidationError("err_round_minimums_type", value=repr(minimums))
    if item.due is not None:
        check_day(item.due, "due date")
    if item.closed_on is not None:
        check_day(item.closed_on, "closing date")
    if item.status not in ROUND_STATUSES:
        raise ValidationError("err_unknown_status", status=item.status, known=ROUND_STATUSES)
    check_level(framework, item.level)
    if item.lang not in LANGUAGES:
        raise ValidationError("err_unknown_language", lang=item.lang, known=LANGUAGES)


def check_round_score(framework: Framework, behaviour: str, score: int | None) -> None:
    """An answer in a round: "ved ikke" (None) or a whole number on the framework's scale."""
    check_behaviour(framework, behaviour)
    if score is None:
        return
    scale = framework.scale
    if isinstance(score, bool) or not isinstance(score, int) or not scale.min <= score <= scale.max:
        raise ValidationError(
            "err_score_outside", score=repr(score), behaviour=behaviour, min=scale.min,
            max=scale.max,
        )  # fmt: skip


# -- effects and cohorts (#13) ----------------------------------------------------------------

MIN_K = 3  # a cohort's k is never below this
DEFAULT_K = 5
MAX_K = 1_000
MAX_INITIALS = 6


def check_effect_score(framework: Framework, effect: object, score: object) -> None:
    """``effect`` is one of the framework's effects and ``score`` on its scale or None."""
    if not isinstance(effect, str) or effect not in {e.id for e in framework.effects}:
        known = tuple(e.id for e in framework.effects)
        if not known:
            raise ValidationError("err_effects_none", framework=framework.id)
        raise ValidationError("err_unknown_effect", effect=str(effect), known=known)
    if score is None:
        return
    scale = framework.scale
    if isinstance(score, bool) or not isinstance(score, int) or not scale.min <= score <= scale.max:
        raise ValidationError(
            "err_effect_score", score=repr(score), effect=effect, min=scale.min, max=scale.max
        )


def check_effect_answer(framework: Framework, answer: EffectAnswer) -> None:
    check_day(answer.day)
    if not isinstance(answer.scores, dict) or not answer.scores:
        raise ValidationError("err_effect_answer_empty")
    for effect, score in answer.scores.items():
        check_effect_score(framework, effect, score)


def check_k(k: object) -> None:
    """A cohort's k: a whole number, never below :data:`MIN_K`."""
    if isinstance(k, bool) or not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValidationError("err_cohort_k", k=repr(k), min=MIN_K)


def check_initials(initials: object) -> None:
    """A participant's initials in a cohort bundle: letters, with dots or hyphens between, at
    most :data:`MAX_INITIALS` characters. Anything longer or else is free text, and refused."""
    ok = (
        isinstance(initials, str)
        and 0 < len(initials) <= MAX_INITIALS
        and any(c.isalpha() for c in initials)
        and all(c.isalpha() or c in ".-" for c in initials)
    )
    if not ok:
        raise ValidationError(
            "err_cohort_initials", initials=repr(initials)[:20], limit=MAX_INITIALS
        )


def check_cohort(name: object, start: object, end: object, k: object) -> None:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("err_cohort_no_name")
    check_text(name, "name", MAX_SHORT)
    check_day(start, "start date")
    check_day(end, "end date")
    if end < start:  # type: ignore[operator]
        raise ValidationError("err_cohort_period", start=start.isoformat(), end=end.isoformat())  # type: ignore[union-attr]
    check_k(k)
