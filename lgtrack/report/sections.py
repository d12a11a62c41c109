"""The report's sections as HTML: string templates, and every text from a journal escaped.

Each function takes an :class:`~lgtrack.report.overview.Overview` (or part of it) and the
language, and returns one ``<section>``. The coach's widget shows the same sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from ..analysis import coverage_by_discipline
from ..coaching import GROW_FIELDS, Action, CoachSession
from ..framework import Framework
from ..i18n import t
from ..records import FEEDBACK_ROLES
from ._text import (
    behaviour_text,
    decimal,
    discipline_name,
    esc,
    level_name,
    long_day,
    paragraphs,
    signed,
    snippet,
)
from .changes import FIRST_SESSION_DAYS, Changes
from .overview import Overview

LIST_LIMIT = 8
NOTE_FIELDS = (*GROW_FIELDS, "notes")


def section(name: str, title: str, body: str) -> str:
    return f'<section class="lg-section lg-{name}">\n<h2>{esc(title)}</h2>\n{body}\n</section>'


def empty(text: str) -> str:
    return f'<p class="lg-empty">{esc(text)}</p>'


def items(rows: Sequence[str], lang: str, limit: int = LIST_LIMIT) -> str:
    """``rows`` (HTML already) as a list, cut after ``limit`` with "… and N more"."""
    shown = "".join(f"<li>{row}</li>" for row in rows[:limit])
    more = len(rows) - limit
    tail = f'<li class="lg-more">{esc(t("report.more", lang, count=more))}</li>' if more > 0 else ""
    return f"<ul>{shown}{tail}</ul>"


def header_section(overview: Overview, lang: str) -> str:
    leader, framework = overview.leader, overview.framework
    facts = [
        (t("report.header.level", lang), level_name(framework, leader.level, lang)),
        (t("report.header.unit", lang), leader.unit),
        (t("report.header.framework", lang), framework.name.get(lang)),
        (t("report.header.period", lang),
         f"{long_day(overview.period_start, lang)} – {long_day(overview.today, lang)}"),
        (t("report.header.date", lang), long_day(overview.today, lang)),
    ]  # fmt: skip
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts if v)
    title = esc(t("report.title", lang))
    return (
        f'<header class="lg-header">\n<p class="lg-kicker">{title}</p>\n'
        f"<h1>{esc(leader.name)}</h1>\n<dl>{rows}</dl>\n</header>"
    )


def changes_section(changes: Changes, framework: Framework, lang: str) -> str:
    if changes.session_day is None:
        intro = t("report.changes.first", lang, days=FIRST_SESSION_DAYS)
    else:
        intro = t("report.changes.since", lang, day=long_day(changes.session_day, lang),
                  today=long_day(changes.until, lang))  # fmt: skip
    counts = t("report.changes.counts", lang, reflections=len(changes.reflections),
               feedback=len(changes.feedback), checkins=len(changes.checkins),
               goals=len(changes.new_goals), achieved=len(changes.achieved))  # fmt: skip
    parts = [f'<p class="lg-note">{esc(intro)}</p>', f'<p class="lg-counts">{esc(counts)}</p>']
    if changes.empty:
        parts.append(empty(t("report.changes.nothing", lang)))
    for key, rows in (
        ("report.changes.achieved", [_goal_line(g, framework, lang) for g in changes.achieved]),
        ("report.changes.new_goals", [_goal_line(g, framework, lang) for g in changes.new_goals]),
        ("report.changes.reflections", [_reflection_line(r, framework, lang)
                                        for r in changes.reflections]),
        ("report.changes.feedback", [_feedback_line(f, framework, lang) for f in changes.feedback]),
        ("report.changes.checkins", [_checkin_line(g, c, lang) for g, c in changes.checkins]),
    ):  # fmt: skip
        if rows:
            parts.append(f"<h3>{esc(t(key, lang))}</h3>{items(rows, lang)}")
    return section("changes", t("report.changes.title", lang), "\n".join(parts))


def _goal_line(goal, framework: Framework, lang: str) -> str:
    return f"<b>{esc(goal.title)}</b> · {esc(discipline_name(framework, goal.discipline, lang))}"


def _reflection_line(reflection, framework: Framework, lang: str) -> str:
    names = ", ".join(discipline_name(framework, d, lang) for d in reflection.disciplines)
    line = f"<b>{esc(long_day(reflection.day, lang))}</b> · {esc(names)}"
    if reflection.text:
        line += f": {esc(snippet(reflection.text))}"
    if reflection.next_step:
        step = esc(t("report.next_step", lang))
        line += f'<br><span class="lg-muted">{step}: {esc(snippet(reflection.next_step))}</span>'
    return line


def role_name(role: str, lang: str) -> str:
    return t(f"md_role_{role}", lang) if role in FEEDBACK_ROLES else role


def _feedback_line(item, framework: Framework, lang: str) -> str:
    who = role_name(item.role, lang) + (f" ({item.name})" if item.name else "")
    line = (
        f"<b>{esc(long_day(item.day, lang))}</b> · {esc(who)} · "
        f"{esc(discipline_name(framework, item.discipline, lang))}"
    )
    return line + (f": {esc(snippet(item.text))}" if item.text else "")


def _checkin_line(goal, checkin, lang: str) -> str:
    line = f"<b>{esc(long_day(checkin.day, lang))}</b> · {esc(goal.title)}: {checkin.progress} %"
    return line + (f" – {esc(snippet(checkin.note))}" if checkin.note else "")


def coverage_table(overview: Overview, lang: str) -> str:
    counts = coverage_by_discipline(overview.coverage, overview.framework)
    head = _row("th", t("report.col.discipline", lang), t("report.col.covered", lang),
                t("plot_status_stale", lang), t("plot_status_never", lang))  # fmt: skip
    body = "".join(
        _row(
            "td",
            discipline_name(overview.framework, c.discipline, lang),
            f"{c.covered}/{c.behaviours}",
            str(c.stale),
            str(c.never),
        )  # fmt: skip
        for c in counts.itertuples(index=False)
    )
    return f'<table class="lg-table">{head}{body}</table>'


def perception_section(overview: Overview, lang: str) -> str:
    framework = overview.framework
    rows = overview.perception[overview.perception["role"] == "all"]
    title = t("report.perception.title", lang)
    if rows.empty or rows["others_n"].sum() == 0:
        return section("perception", title, empty(t("report.perception.none", lang)))
    head = _row("th", t("report.col.discipline", lang), t("report.col.self", lang),
                t("report.col.others", lang), t("report.col.gap", lang),
                t("report.col.verdict", lang))  # fmt: skip
    body = "".join(
        _row(
            "td",
            discipline_name(framework, r.discipline, lang),
            f"{decimal(r.self_mean, lang)} ({r.self_n})",
            f"{decimal(r.others_mean, lang)} ({r.others_n})",
            signed(r.gap, lang),
            _verdict(r.verdict, r.small_n, lang),
            css=f"lg-{r.verdict}",
        )  # fmt: skip
        for r in rows.itertuples(index=False)
    )
    parts = [
        f'<p class="lg-note">{esc(t("report.perception.note", lang))}</p>',
        f'<table class="lg-table">{head}{body}</table>',
    ]
    behaviours = overview.perception_behaviours
    behaviours = behaviours[behaviours["role"] == "all"]
    for verdict in ("blind_spot", "hidden_strength"):
        chosen = behaviours[behaviours["verdict"] == verdict]
        if not chosen.empty:
            lines = [_behaviour_gap(r, framework, lang) for r in chosen.itertuples(index=False)]
            parts.append(f"<h3>{esc(t(f'report.perception.{verdict}', lang))}</h3>")
            parts.append(items(lines, lang))
    return section("perception", title, "\n".join(parts))


def _verdict(verdict: str, small_n: bool, lang: str) -> str:
    text = t(f"report.verdict.{verdict}", lang)
    if small_n and verdict != "unknown":
        return f"{text} ({t('report.perception.small_n', lang)})"
    return text


def _behaviour_gap(row, framework: Framework, lang: str) -> str:
    text = esc(snippet(behaviour_text(framework, row.behaviour, lang), 140))
    numbers = t("report.perception.numbers", lang, self=decimal(row.self_mean, lang),
                others=decimal(row.others_mean, lang), n=row.others_n)  # fmt: skip
    return f'{text} <span class="lg-muted">({esc(numbers)})</span>'


def _row(cell: str, *values: str, css: str = "") -> str:
    cells = "".join(f"<{cell}>{esc(v)}</{cell}>" for v in values)
    return f'<tr class="{esc(css)}">{cells}</tr>' if css else f"<tr>{cells}</tr>"


def goals_table(overview: Overview, lang: str) -> str:
    goals = overview.goals
    if goals.empty:
        return empty(t("report.goals.none", lang))
    head = _row("th", t("report.col.goal", lang), t("report.col.state", lang),
                t("report.col.progress", lang), t("report.col.due", lang),
                t("report.col.last_checkin", lang))  # fmt: skip
    body = "".join(_goal_row(g, overview, lang) for g in goals.itertuples(index=False))
    return f'<table class="lg-table lg-goals-table">{head}{body}</table>'


def _goal_row(goal, overview: Overview, lang: str) -> str:
    discipline = discipline_name(overview.framework, goal.discipline, lang)
    record = overview.goal_records.get(goal.id)
    latest = max(record.checkins, key=lambda c: c.day) if record and record.checkins else None
    last = ""
    if latest is not None and latest.day <= overview.today:
        last = esc(long_day(latest.day, lang))
        last += (
            f'<br><span class="lg-muted">{esc(snippet(latest.note, 120))}</span>'
            if latest.note
            else ""
        )
    due = esc(long_day(goal.due.date(), lang)) if pd.notna(goal.due) else "–"
    bar = (
        f'<span class="lg-bar"><span style="width:{int(goal.progress)}%"></span></span> '
        f"{int(goal.progress)} %"
    )
    return (
        f'<tr class="lg-goal lg-{esc(goal.state)}"><td><b>{esc(goal.title)}</b><br>'
        f'<span class="lg-muted">{esc(discipline)}</span></td>'
        f"<td>{esc(t(f'plot_goal_{goal.state}', lang))}</td><td>{bar}</td><td>{due}</td>"
        f"<td>{last or '–'}</td></tr>"
    )


def session_section(session: CoachSession | None, lang: str) -> str:
    title = t("report.session.title", lang)
    if session is None:
        return section("session", title, empty(t("report.session.none", lang)))
    day = t("report.session.day", lang, day=long_day(session.day, lang))
    parts = [f'<p class="lg-note">{esc(day)}</p>']
    for name in NOTE_FIELDS:
        text = getattr(session, name)
        if text.strip():
            parts.append(f"<h3>{esc(t(f'report.grow.{name}', lang))}</h3>{paragraphs(text)}")
    return section("session", title, "\n".join(parts))


def actions_section(actions: Sequence[Action], today: date, lang: str) -> str:
    title = t("report.actions.title", lang)
    if not actions:
        return section("actions", title, empty(t("report.actions.none", lang)))
    rows = [action_line(a, today, lang) for a in actions]
    return section("actions", title, items(rows, lang, limit=len(rows)))


def action_line(action: Action, today: date, lang: str) -> str:
    """An open action: its text, due date (marked when passed) and when it was agreed."""
    facts = []
    if action.due is not None:
        due = t("report.actions.due", lang, day=long_day(action.due, lang))
        late = f" – {t('report.actions.overdue', lang)}" if action.due < today else ""
        facts.append(f'<span class="lg-late">{esc(due + late)}</span>' if late else esc(due))
    if action.created_at is not None:
        facts.append(
            esc(t("report.actions.agreed", lang, day=long_day(action.created_at.date(), lang)))
        )
    tail = f' <span class="lg-muted">({" · ".join(facts)})</span>' if facts else ""
    return f'<span class="lg-action">☐ {esc(action.text)}</span>{tail}'


def prep_section(questions: Sequence[str], lang: str) -> str:
    rows = "".join(f"<li>{esc(q)}</li>" for q in questions)
    intro = esc(t("report.prep.intro", lang))
    return section(
        "prep", t("report.prep.title", lang), f'<p class="lg-note">{intro}</p><ol>{rows}</ol>'
    )
