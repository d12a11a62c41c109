"""Entries as HTML for the widgets' read-only panels. Every user or file text is escaped."""

from __future__ import annotations

from collections.abc import Sequence

from ..framework import Framework
from ..i18n import t
from ..records import Feedback, Goal, Rating, Reflection
from ._common import esc, snippet

ROLE_KEYS = {
    "manager": "ui.role.manager",
    "peer": "ui.role.peer",
    "employee": "ui.role.employee",
    "coach": "ui.role.coach",
    "other": "ui.role.other",
}
STATUS_KEYS = {"open": "ui.goal.open", "achieved": "ui.goal.achieved", "dropped": "ui.goal.dropped"}


def role_label(role: str, lang: str) -> str:
    key = ROLE_KEYS.get(role)
    return t(key, lang) if key else role


def discipline_name(framework: Framework, discipline: str, lang: str) -> str:
    return framework.discipline_name(discipline, lang)


def behaviour_text(framework: Framework, behaviour: str, lang: str) -> str:
    return framework.behaviour_text(behaviour, lang)


def score_text(framework: Framework, score: int | None, lang: str) -> str:
    if score is None:
        return t("dont_know", lang)
    return f"{score} – {framework.scale.label(score, lang)}"


def ratings_html(framework: Framework, ratings: Sequence[Rating], lang: str) -> str:
    if not ratings:
        return ""
    items = "".join(
        f"<li>{esc(behaviour_text(framework, r.behaviour, lang))} "
        f"<b>→ {esc(score_text(framework, r.score, lang))}</b></li>"
        for r in ratings
    )
    return f'<ul class="lg-ratings-list">{items}</ul>'


def _section(title: str, body: str) -> str:
    return f'<div class="lg-section"><h4 style="margin:0.6em 0 0.2em">{esc(title)}</h4>{body}</div>'


def _empty(text: str) -> str:
    return f'<p class="lg-empty" style="color:#666"><i>{esc(text)}</i></p>'


def goals_html(goals: Sequence[Goal], lang: str) -> str:
    """Open goals with their progress, as a short list."""
    if not goals:
        return _empty(t("ui.context.no_goals", lang))
    rows = []
    for goal in goals:
        due = f" · {esc(t('ui.goal.due', lang, day=goal.due.isoformat()))}" if goal.due else ""
        rows.append(
            f'<li class="lg-context-goal">{esc(goal.title)} '
            f'<span style="color:#555">({goal.progress}%{due})</span></li>'
        )
    return f"<ul>{''.join(rows)}</ul>"


def feedback_html(framework: Framework, items: Sequence[Feedback], lang: str) -> str:
    """Feedback received, newest first: date, from whom, text and ratings."""
    if not items:
        return _empty(t("ui.context.no_feedback", lang))
    rows = []
    for item in items:
        who = role_label(item.role, lang) + (f" ({item.name})" if item.name else "")
        rows.append(
            f'<li class="lg-context-feedback"><b>{esc(item.day.isoformat())}</b> · {esc(who)}'
            f"{': ' + esc(snippet(item.text, 200)) if item.text else ''}"
            f"{ratings_html(framework, item.ratings, lang)}</li>"
        )
    return f"<ul>{''.join(rows)}</ul>"


def reflections_html(items: Sequence[Reflection], lang: str) -> str:
    """Latest reflections: date, a snippet of the text and the next step."""
    if not items:
        return _empty(t("ui.context.no_reflections", lang))
    rows = []
    for item in items:
        step = (
            f"<br><span style='color:#555'>{esc(t('ui.field.next_step', lang))}: "
            f"{esc(snippet(item.next_step, 120))}</span>"
            if item.next_step
            else ""
        )
        rows.append(
            f'<li class="lg-context-reflection"><b>{esc(item.day.isoformat())}</b> '
            f"{esc(snippet(item.text, 160))}{step}</li>"
        )
    return f"<ul>{''.join(rows)}</ul>"


def context_html(
    framework: Framework,
    goals: Sequence[Goal],
    feedback: Sequence[Feedback],
    reflections: Sequence[Reflection],
    lang: str,
) -> str:
    """The side panel while writing: open goals, latest feedback, latest reflections."""
    return (
        _section(t("ui.context.goals", lang), goals_html(goals, lang))
        + _section(t("ui.context.feedback", lang), feedback_html(framework, feedback, lang))
        + _section(t("ui.context.reflections", lang), reflections_html(reflections, lang))
    )


def reflection_html(framework: Framework, r: Reflection, lang: str) -> str:
    """One reflection in full."""
    names = ", ".join(discipline_name(framework, d, lang) for d in r.disciplines)
    parts = [f"<h4 style='margin:0.3em 0'>{esc(r.day.isoformat())} · {esc(names)}</h4>"]
    if r.private:
        parts.append(f"<p>🔒 {esc(t('ui.field.private', lang))}</p>")
    if r.prompt:
        parts.append(f"<p style='color:#555'><i>{esc(r.prompt)}</i></p>")
    if r.text:
        parts.append(f"<p class='lg-entry-text' style='white-space:pre-wrap'>{esc(r.text)}</p>")
    if r.next_step:
        label = esc(t("ui.field.next_step", lang))
        parts.append(f"<p class='lg-entry-next-step'><b>{label}:</b> {esc(r.next_step)}</p>")
    if r.tags:
        tags = " ".join(f"#{esc(tag)}" for tag in r.tags)
        parts.append(f"<p><b>{esc(t('ui.field.tags', lang))}:</b> {tags}</p>")
    parts.append(ratings_html(framework, r.ratings, lang))
    return f'<div class="lg-entry">{"".join(parts)}</div>'
