"""Entries as HTML for the widgets' read-only panels.

Built with :func:`lgtrack._markup.html`, so every user or file text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._markup import Markup, html, join
from ..framework import Framework
from ..i18n import t
from ..records import Feedback, Goal, Rating, Reflection
from ._common import snippet

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


def ratings_html(framework: Framework, ratings: Sequence[Rating], lang: str) -> Markup:
    if not ratings:
        return Markup()
    items = join(
        html(
            "<li>{} <b>→ {}</b></li>",
            behaviour_text(framework, r.behaviour, lang),
            score_text(framework, r.score, lang),
        )
        for r in ratings
    )
    return html('<ul class="lg-ratings-list">{}</ul>', items)


def _section(title: str, body: Markup) -> Markup:
    return html(
        '<div class="lg-section"><h4 style="margin:0.6em 0 0.2em">{}</h4>{}</div>', title, body
    )


def _empty(text: str) -> Markup:
    return html('<p class="lg-empty" style="color:#666"><i>{}</i></p>', text)


def goals_html(goals: Sequence[Goal], lang: str) -> Markup:
    """Open goals with their progress, as a short list."""
    if not goals:
        return _empty(t("ui.context.no_goals", lang))
    rows = []
    for goal in goals:
        due = html(" · {}", t("ui.goal.due", lang, day=goal.due.isoformat())) if goal.due else ""
        rows.append(
            html(
                '<li class="lg-context-goal">{} <span style="color:#555">({}%{})</span></li>',
                goal.title,
                goal.progress,
                due,
            )
        )
    return html("<ul>{}</ul>", join(rows))


def feedback_html(framework: Framework, items: Sequence[Feedback], lang: str) -> Markup:
    """Feedback received, newest first: date, from whom, text and ratings."""
    if not items:
        return _empty(t("ui.context.no_feedback", lang))
    rows = []
    for item in items:
        who = role_label(item.role, lang) + (f" ({item.name})" if item.name else "")
        text = html(": {}", snippet(item.text, 200)) if item.text else ""
        rows.append(
            html(
                '<li class="lg-context-feedback"><b>{}</b> · {}{}{}</li>',
                item.day.isoformat(),
                who,
                text,
                ratings_html(framework, item.ratings, lang),
            )
        )
    return html("<ul>{}</ul>", join(rows))


def reflections_html(items: Sequence[Reflection], lang: str) -> Markup:
    """Latest reflections: date, a snippet of the text and the next step."""
    if not items:
        return _empty(t("ui.context.no_reflections", lang))
    rows = []
    for item in items:
        step = (
            html(
                "<br><span style='color:#555'>{}: {}</span>",
                t("ui.field.next_step", lang),
                snippet(item.next_step, 120),
            )
            if item.next_step
            else ""
        )
        rows.append(
            html(
                '<li class="lg-context-reflection"><b>{}</b> {}{}</li>',
                item.day.isoformat(),
                snippet(item.text, 160),
                step,
            )
        )
    return html("<ul>{}</ul>", join(rows))


def context_html(
    framework: Framework,
    goals: Sequence[Goal],
    feedback: Sequence[Feedback],
    reflections: Sequence[Reflection],
    lang: str,
) -> Markup:
    """The side panel while writing: open goals, latest feedback, latest reflections."""
    return join(
        [
            _section(t("ui.context.goals", lang), goals_html(goals, lang)),
            _section(t("ui.context.feedback", lang), feedback_html(framework, feedback, lang)),
            _section(t("ui.context.reflections", lang), reflections_html(reflections, lang)),
        ]
    )


def reflection_html(framework: Framework, r: Reflection, lang: str) -> Markup:
    """One reflection in full."""
    names = ", ".join(discipline_name(framework, d, lang) for d in r.disciplines)
    parts = [html("<h4 style='margin:0.3em 0'>{} · {}</h4>", r.day.isoformat(), names)]
    if r.private:
        parts.append(html("<p>🔒 {}</p>", t("ui.field.private", lang)))
    if r.prompt:
        parts.append(html("<p style='color:#555'><i>{}</i></p>", r.prompt))
    if r.text:
        parts.append(html("<p class='lg-entry-text' style='white-space:pre-wrap'>{}</p>", r.text))
    if r.next_step:
        label = t("ui.field.next_step", lang)
        parts.append(html("<p class='lg-entry-next-step'><b>{}:</b> {}</p>", label, r.next_step))
    if r.tags:
        tags = join((html("#{}", tag) for tag in r.tags), " ")
        parts.append(html("<p><b>{}:</b> {}</p>", t("ui.field.tags", lang), tags))
    parts.append(ratings_html(framework, r.ratings, lang))
    return html('<div class="lg-entry">{}</div>', join(parts))
