"""Text and HTML pieces of the "My development" page: cadence line, tables and lists.

The HTML is built with :func:`lgtrack._markup.html`, which escapes every user-provided or
framework text; numbers follow the language (decimal comma in Danish).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .. import analysis as an
from .._markup import Markup, html, join
from ..formatting import decimal
from ..framework import Framework
from ..i18n import t
from ._common import snippet
from ._html import behaviour_text, discipline_name

GAP_THRESHOLD, SMALL_N, TABLE_ROWS = 0.5, 3, 10
COVERAGE_DAYS = 90


def number(value: float, lang: str, *, signed: bool = False) -> str:
    """``3.26`` as ``3,3`` (da) or ``3.3`` (en); ``–`` for no value."""
    if pd.isna(value):
        return "–"
    return decimal(float(value), lang, signed=signed)


def cadence_line(status: an.CadenceStatus, lang: str) -> str:
    """``3 uger i træk · 5 dage siden sidste refleksion · næste forfalder 2026-12-04``."""
    if status.last_day is None:
        return t("ui.development.no_reflections", lang)
    weeks, days = status.streak_weeks, status.days_since_last
    keys = (
        ("streak_none", "streak_one", "streak")[min(weeks, 2)],
        ("since_last_today", "since_last_one", "since_last")[min(days, 2)],
        "due_now" if status.due else "next_due",
    )
    day = status.next_due.isoformat()
    return " · ".join(
        t(f"ui.development.{key}", lang, weeks=weeks, days=days, day=day) for key in keys
    )


def _behaviour_label(framework: Framework, behaviour: str, lang: str) -> Markup:
    """A behaviour as a leader reads it: its text, shortened, with the full text as a tooltip
    (its id means nothing to her)."""
    text = behaviour_text(framework, behaviour, lang)
    return html('<span class="lg-behaviour" title="{}">{}</span>', text, snippet(text, 90))


def perception_html(
    table: pd.DataFrame, framework: Framework, discipline: str | None, lang: str
) -> Markup:
    """Self vs others (``role == "all"`` rows of :func:`self_vs_others`) as a short table.

    Per discipline; or, for one ``discipline``, its behaviours that others rated, largest gap
    first (at most :data:`TABLE_ROWS`).
    """
    rows = table[(table["role"] == "all") & (table["others_n"] > 0)]
    if discipline:
        rows = rows[rows["discipline"] == discipline]
        rows = rows.reindex(rows["gap"].abs().sort_values(ascending=False).index)[:TABLE_ROWS]
    if rows.empty:
        return html('<p class="lg-empty"><i>{}</i></p>', t("ui.development.perception_empty", lang))
    key = "ui.development.col.behaviour" if discipline else "ui.development.col.discipline"
    heads = [key, "ui.development.col.self", "ui.development.col.others", "ui.development.col.gap",
             "ui.development.col.verdict"]  # fmt: skip
    head = join(
        html("<th style='text-align:left;padding:2px 8px'>{}</th>", t(k, lang)) for k in heads
    )
    body = join(_perception_row(row, framework, discipline, lang) for row in rows.itertuples())
    note = t("ui.development.perception_note", lang, threshold=number(GAP_THRESHOLD, lang),
             small_n=SMALL_N)  # fmt: skip
    return html(
        # Wider than a phone: it scrolls on its own, by keyboard too (a focusable region).
        '<div class="lg-scroll" tabindex="0" role="region" aria-label="{}"'
        ' style="overflow-x:auto;max-width:100%">'
        '<table class="lg-development-perception-table"><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table></div>"
        '<p style="color:#555;font-size:small">{}</p>',
        t("ui.development.tab.perception", lang),
        head,
        body,
        note,
    )


def _perception_row(row, framework: Framework, discipline: str | None, lang: str) -> Markup:
    if discipline:
        name = _behaviour_label(framework, row.behaviour, lang)
    else:
        name = discipline_name(framework, row.discipline, lang)
    flag = (
        html(' <span title="{}">⚠</span>', t("ui.development.small_n", lang)) if row.small_n else ""
    )
    cells = [
        name,
        f"{number(row.self_mean, lang)} (n={row.self_n})",
        f"{number(row.others_mean, lang)} (n={row.others_n})",
        number(row.gap, lang, signed=True),
        html("{}{}", t(f"ui.development.verdict.{row.verdict}", lang), flag),
    ]
    tds = join(html("<td style='padding:2px 8px'>{}</td>", cell) for cell in cells)
    return html('<tr class="lg-verdict-{}">{}</tr>', row.verdict, tds)


def coverage_html(rows: pd.DataFrame, framework: Framework, lang: str) -> Markup:
    """The behaviours of :func:`coverage` without recent evidence: not recently, and never."""
    parts = []
    for status, key in (("stale", "ui.development.stale"), ("never", "ui.development.never")):
        part = rows[rows["status"] == status]
        if not part.empty:
            items = join(_coverage_item(row, framework, lang) for row in part.itertuples())
            parts.append(html("<p><b>{}</b></p><ul>{}</ul>", t(key, lang, count=len(part)), items))
    if not parts:
        return html("<p>{}</p>", t("ui.development.all_covered", lang, days=COVERAGE_DAYS))
    return join(parts)


def _coverage_item(row, framework: Framework, lang: str) -> Markup:
    label = _behaviour_label(framework, row.behaviour, lang)
    if pd.isna(row.last_evidence):
        return html("<li>{}</li>", label)
    last = t("ui.development.last_evidence", lang, day=row.last_evidence.date().isoformat())
    return html("<li>{} <span style='color:#555'>({})</span></li>", label, last)


def next_level_html(rows: pd.DataFrame, framework: Framework, level: str, lang: str) -> Markup:
    """The next level's own behaviours (:func:`next_level`): shown, or not yet."""
    shown = int(rows["shown"].sum())
    title = t("ui.development.next_title", lang, level=level, shown=shown, total=len(rows))
    items = []
    for row in rows.itertuples():
        if row.shown:
            mark, state = "✓", t("ui.development.next_shown", lang, count=row.evidence)
        else:
            mark, state = "○", t("ui.development.next_not_shown", lang)
        label = _behaviour_label(framework, row.behaviour, lang)
        items.append(
            html("<li>{} {} <span style='color:#555'>– {}</span></li>", mark, label, state)
        )
    return html("<p><b>{}</b></p><ul>{}</ul>", title, join(items))


def figure_alt(figure, framework: Framework, behaviours: Iterable[str], lang: str) -> str:
    """A figure's text alternative: its title, then the full text of each behaviour it shows
    (its labels are shortened)."""
    titles = [ax.get_title() for ax in figure.axes if ax.get_title()]
    texts = [behaviour_text(framework, b, lang) for b in dict.fromkeys(behaviours)]
    return "\n".join([*titles[:1], *(f"• {text}" for text in texts)])
