"""The report's sections: the texts in the report's language, laid out by the macros of
``templates/sections.html`` (Jinja2 with autoescape, so every text from a journal is escaped).

Each function takes an :class:`~lgtrack.report.overview.Overview` (or part of it) and the
language, and returns one ``<section>`` as ``Markup``. The coach's widget shows the same sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from .._markup import Markup
from ..analysis import coverage_by_discipline
from ..coaching import GROW_FIELDS, Action, CoachSession
from ..framework import Framework
from ..i18n import t
from ..records import FEEDBACK_ROLES
from ._templates import macros
from ._text import (
    behaviour_text,
    decimal,
    discipline_name,
    level_name,
    long_day,
    signed,
    snippet,
)
from .changes import FIRST_SESSION_DAYS, Changes
from .overview import Overview

LIST_LIMIT = 8
NOTE_FIELDS = (*GROW_FIELDS, "notes")


def listed(lines: Sequence[Markup], lang: str, limit: int = LIST_LIMIT) -> tuple[Any, ...]:
    """``(lines, more)`` for the ``items`` macro: at most ``limit`` lines, then "… and N more"."""
    more = len(lines) - limit
    return lines[:limit], t("report.more", lang, count=more) if more > 0 else None


def header_section(overview: Overview, lang: str) -> Markup:
    leader, framework = overview.leader, overview.framework
    facts = [
        (t("report.header.level", lang), level_name(framework, leader.level, lang)),
        (t("report.header.unit", lang), leader.unit),
        (t("report.header.framework", lang), framework.name.get(lang)),
        (t("report.header.period", lang),
         f"{long_day(overview.period_start, lang)} – {long_day(overview.today, lang)}"),
        (t("report.header.date", lang), long_day(overview.today, lang)),
    ]  # fmt: skip
    shown = [(term, value) for term, value in facts if value]
    return macros().header(t("report.title", lang), leader.name, shown)


def changes_section(changes: Changes, framework: Framework, lang: str) -> Markup:
    if changes.session_day is None:
        intro = t("report.changes.first", lang, days=FIRST_SESSION_DAYS)
    else:
        intro = t("report.changes.since", lang, day=long_day(changes.session_day, lang),
                  today=long_day(changes.until, lang))  # fmt: skip
    counts = t("report.changes.counts", lang, reflections=len(changes.reflections),
               feedback=len(changes.feedback), checkins=len(changes.checkins),
               goals=len(changes.new_goals), achieved=len(changes.achieved))  # fmt: skip
    groups = [
        (t(key, lang), *listed(lines, lang))
        for key, lines in (
            ("report.changes.achieved", [_goal_line(g, framework, lang) for g in changes.achieved]),
            ("report.changes.new_goals", [_goal_line(g, framework, lang)
                                          for g in changes.new_goals]),
            ("report.changes.reflections", [_reflection_line(r, framework, lang)
                                            for r in changes.reflections]),
            ("report.changes.feedback", [_feedback_line(f, framework, lang)
                                         for f in changes.feedback]),
            ("report.changes.checkins", [_checkin_line(g, c, lang) for g, c in changes.checkins]),
        )
        if lines
    ]  # fmt: skip
    nothing = t("report.changes.nothing", lang) if changes.empty else None
    return macros().changes(t("report.changes.title", lang), intro, counts, nothing, groups)


def _goal_line(goal, framework: Framework, lang: str) -> Markup:
    return macros().goal_line(goal.title, discipline_name(framework, goal.discipline, lang))


def _reflection_line(reflection, framework: Framework, lang: str) -> Markup:
    names = ", ".join(discipline_name(framework, d, lang) for d in reflection.disciplines)
    return macros().reflection_line(
        long_day(reflection.day, lang),
        names,
        snippet(reflection.text) if reflection.text else "",
        t("report.next_step", lang),
        snippet(reflection.next_step) if reflection.next_step else "",
    )


def role_name(role: str, lang: str) -> str:
    return t(f"md_role_{role}", lang) if role in FEEDBACK_ROLES else role


def _feedback_line(item, framework: Framework, lang: str) -> Markup:
    who = role_name(item.role, lang) + (f" ({item.name})" if item.name else "")
    return macros().feedback_line(
        long_day(item.day, lang),
        who,
        discipline_name(framework, item.discipline, lang),
        snippet(item.text) if item.text else "",
    )


def _checkin_line(goal, checkin, lang: str) -> Markup:
    note = snippet(checkin.note) if checkin.note else ""
    return macros().checkin_line(long_day(checkin.day, lang), goal.title, checkin.progress, note)


def coverage_table(overview: Overview, lang: str) -> Markup:
    counts = coverage_by_discipline(overview.coverage, overview.framework)
    head = [t("report.col.discipline", lang), t("report.col.covered", lang),
            t("plot_status_stale", lang), t("plot_status_never", lang)]  # fmt: skip
    rows = [
        (
            [
                discipline_name(overview.framework, c.discipline, lang),
                f"{c.covered}/{c.behaviours}",
                str(c.stale),
                str(c.never),
            ],
            "",
        )
        for c in counts.itertuples(index=False)
    ]
    return macros().table("lg-table", head, rows)


def perception_section(overview: Overview, lang: str) -> Markup:
    framework = overview.framework
    rows = overview.perception[overview.perception["role"] == "all"]
    title = t("report.perception.title", lang)
    if rows.empty or rows["others_n"].sum() == 0:
        return macros().perception(title, t("report.perception.none", lang), "", [], [], [])
    head = [t("report.col.discipline", lang), t("report.col.self", lang),
            t("report.col.others", lang), t("report.col.gap", lang),
            t("report.col.verdict", lang)]  # fmt: skip
    table = [
        (
            [
                discipline_name(framework, r.discipline, lang),
                f"{decimal(r.self_mean, lang)} ({r.self_n})",
                f"{decimal(r.others_mean, lang)} ({r.others_n})",
                signed(r.gap, lang),
                _verdict(r.verdict, r.small_n, lang),
            ],
            f"lg-{r.verdict}",
        )
        for r in rows.itertuples(index=False)
    ]
    behaviours = overview.perception_behaviours
    behaviours = behaviours[behaviours["role"] == "all"]
    gaps = []
    for verdict in ("blind_spot", "hidden_strength"):
        chosen = behaviours[behaviours["verdict"] == verdict]
        if not chosen.empty:
            lines = [_behaviour_gap(r, framework, lang) for r in chosen.itertuples(index=False)]
            gaps.append((t(f"report.perception.{verdict}", lang), *listed(lines, lang)))
    note = t("report.perception.note", lang)
    return macros().perception(title, None, note, head, table, gaps)


def _verdict(verdict: str, small_n: bool, lang: str) -> str:
    text = t(f"report.verdict.{verdict}", lang)
    if small_n and verdict != "unknown":
        return f"{text} ({t('report.perception.small_n', lang)})"
    return text


def _behaviour_gap(row, framework: Framework, lang: str) -> Markup:
    full = behaviour_text(framework, row.behaviour, lang)  # at hand on the screen, as a tooltip
    numbers = t("report.perception.numbers", lang, self=decimal(row.self_mean, lang),
                others=decimal(row.others_mean, lang), n=row.others_n)  # fmt: skip
    return macros().behaviour_gap(snippet(full, 140), full, numbers)


def goals_table(overview: Overview, lang: str) -> Markup:
    goals = overview.goals
    if goals.empty:
        return macros().goals_table(t("report.goals.none", lang), [], [])
    head = [t("report.col.goal", lang), t("report.col.state", lang),
            t("report.col.progress", lang), t("report.col.due", lang),
            t("report.col.last_checkin", lang)]  # fmt: skip
    rows = [_goal_row(g, overview, lang) for g in goals.itertuples(index=False)]
    return macros().goals_table(None, head, rows)


def _goal_row(goal, overview: Overview, lang: str) -> dict[str, object]:
    """The texts of one goal's row (``goal_row`` in the template lays them out)."""
    record = overview.goal_records.get(goal.id)
    latest = max(record.checkins, key=lambda c: c.day) if record and record.checkins else None
    if latest is not None and latest.day > overview.today:
        latest = None
    return {
        "title": goal.title,
        "discipline": discipline_name(overview.framework, goal.discipline, lang),
        "state": goal.state,
        "state_text": t(f"plot_goal_{goal.state}", lang),
        "progress": int(goal.progress),
        "due": long_day(goal.due.date(), lang) if pd.notna(goal.due) else "",
        "last_day": long_day(latest.day, lang) if latest is not None else "",
        "last_note": snippet(latest.note, 120) if latest is not None and latest.note else "",
    }


def session_section(session: CoachSession | None, lang: str) -> Markup:
    title = t("report.session.title", lang)
    if session is None:
        return macros().session(title, t("report.session.none", lang), "", [])
    day = t("report.session.day", lang, day=long_day(session.day, lang))
    notes = [
        (t(f"report.grow.{name}", lang), getattr(session, name).strip())
        for name in NOTE_FIELDS
        if getattr(session, name).strip()
    ]
    return macros().session(title, None, day, notes)


def actions_section(actions: Sequence[Action], today: date, lang: str) -> Markup:
    title = t("report.actions.title", lang)
    if not actions:
        return macros().actions(title, t("report.actions.none", lang), [])
    return macros().actions(title, None, [action_line(a, today, lang) for a in actions])


def action_line(action: Action, today: date, lang: str) -> Markup:
    """An open action: its text, due date (marked when passed) and when it was agreed."""
    due, late, agreed = "", False, ""
    if action.due is not None:
        due = t("report.actions.due", lang, day=long_day(action.due, lang))
        late = action.due < today
        if late:
            due += f" – {t('report.actions.overdue', lang)}"
    if action.created_at is not None:
        agreed = t("report.actions.agreed", lang, day=long_day(action.created_at.date(), lang))
    return macros().action_line(action.text, due, late, agreed)


def prep_section(questions: Sequence[str], lang: str) -> Markup:
    intro = t("report.prep.intro", lang)
    return macros().prep(t("report.prep.title", lang), intro, list(questions))
