"""A round's results as a page (HTML, one self-contained file) and as JSON.

The page states its rules (minimums, the pooled figure, complementary suppression, blind spots
and hidden strengths) and says what was hidden and why. Texts come from the catalogue in the
page's language; the template escapes every value (Jinja2 autoescape).
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..formatting import decimal, long_date
from ..i18n import t
from ..records import ROUND_GROUPS, ROUND_QUESTIONS
from .results import (
    FEW,
    GAP_THRESHOLD,
    OTHER_GROUPS,
    PROTECT,
    BehaviourResult,
    Cell,
    RoundResults,
    discipline_figures,
)


def report_json(results: RoundResults) -> dict[str, Any]:
    """``{"round", "groups", "behaviours", "disciplines"}``: each behaviour ``{"id", "self",
    "groups": {GROUP: {"mean", "n"} or null}, "others": {"mean", "n"} or null, "change":
    {"self": d or null, "others": d or null}}``; hidden is null. Each discipline ``{"id",
    "others": {"mean", "n", "behaviours"} or null, "change": d or null}``: its others' figure
    from the behaviours' shown figures, and the change of that figure over the behaviours shown
    in both rounds (as the page shows it). A change is null without an earlier round, or where
    a figure of either round is hidden or absent: next to a hidden figure it would reveal it."""
    item = results.round
    change = results.change
    return {
        "round": {
            "id": item.id,
            "name": item.name,
            "status": item.status,
            "due": item.due.isoformat() if item.due else None,
            "closed_on": item.closed_on.isoformat() if item.closed_on else None,
            "level": item.level,
            "disciplines": list(item.disciplines),
            "minimums": dict(item.minimums),
            "text_minimums": dict(item.text_minimums),
            "others_minimum": results.others_minimum,
            "compared_with": change.previous.id if change else None,
        },
        "groups": json_groups(results),
        "behaviours": [
            {**json_figures(b), "change": _behaviour_change(results, b.id)}
            for b in results.behaviours
        ],
        "disciplines": _json_disciplines(results),
    }


def json_groups(results: RoundResults) -> dict[str, dict[str, Any]]:
    """Each group's ``{"n", "shown"}``: respondents, and whether its figures show."""
    return {g: {"n": results.respondents[g], "shown": results.group_shown[g]} for g in ROUND_GROUPS}


def json_figures(b: BehaviourResult) -> dict[str, Any]:
    """A behaviour's shown figures: ``{"id", "self", "groups", "others"}``, hidden as null (the
    report's JSON, and what a coach bundle carries)."""
    return {
        "id": b.id,
        "self": rounded(b.self_mean),
        "groups": {g: json_cell(b.groups[g]) for g in OTHER_GROUPS},
        "others": json_cell(b.others),
    }


def _behaviour_change(results: RoundResults, behaviour: str) -> dict[str, float | None]:
    others, own = (None, None)
    if results.change is not None:
        others, own = results.change.behaviours.get(behaviour, (None, None))
    return {"self": rounded(own), "others": rounded(others)}


def _json_disciplines(results: RoundResults) -> list[dict[str, Any]]:
    change = results.change.disciplines if results.change else {}
    out = []
    for discipline, figure in discipline_figures(results).items():
        then_now = change.get(discipline)
        out.append({
            "id": discipline,
            "others": None if figure is None else {
                "mean": rounded(figure.mean), "n": figure.n, "behaviours": figure.behaviours,
            },
            "change": None if then_now is None else rounded(then_now[1] - then_now[0]),
        })  # fmt: skip
    return out


def rounded(value: float | None) -> float | None:
    """A figure as the JSON gives it: two decimals."""
    return None if value is None else round(value, 2)


def json_cell(cell: Cell) -> dict[str, Any] | None:
    """``{"mean", "n"}`` of a shown figure; None (null) for a hidden one."""
    return {"mean": rounded(cell.mean), "n": cell.n} if cell.shown else None


# -- the page -------------------------------------------------------------------------------


def report_html(results: RoundResults, *, lang: str) -> str:
    """The page in ``lang`` (``da``/``en``): the whole HTML document."""
    from ._templates import render_page

    return render_page("round.html", **page_context(results, lang))


def report_body(results: RoundResults, *, lang: str):
    """The page's body as markup (escaped by the template), for the notebook's page."""
    from ..report._templates import render

    return render("round_body.html", **page_context(results, lang))


def page_context(results: RoundResults, lang: str) -> dict[str, Any]:
    """Every text the page shows, in ``lang`` (also used by the notebook's page)."""
    item, framework = results.round, results.framework
    group = {g: t(f"round.group.{g}", lang) for g in ROUND_GROUPS}
    facts = [
        (t("round.report.status", lang), t(f"round.status.{item.status}", lang)),
        (t("round.report.level", lang), framework.level_name(item.level, lang)),
        (t("round.report.respondents", lang), _respondents(results, group, lang)),
    ]
    if item.due:
        facts.append((t("round.report.due", lang), long_date(item.due, lang)))
    if results.change:
        facts.append((t("round.report.compared", lang), results.change.previous.name))
    head = [t("round.report.behaviour", lang), group["self"]]
    head += [group[g] for g in OTHER_GROUPS] + [t("round.report.others", lang)]
    head += [t("round.report.gap", lang), t("round.report.reading", lang)]
    if results.change:
        head.append(t("round.report.change", lang))
    return {
        "lang": lang,
        "title": t("round.report.title", lang, name=item.name),
        "kicker": t("round.report.kicker", lang),
        "heading": item.name,
        "facts": facts,
        "rules_title": t("round.report.rules", lang),
        "rules": rules(results, lang),
        "groups_title": t("round.report.groups", lang),
        "groups_head": [
            t("round.report.group", lang),
            t("round.report.n", lang),
            t("round.report.minimum", lang),
            t("round.report.figures", lang),
            t("round.report.texts", lang),
        ],  # fmt: skip
        "groups_rows": [
            [
                group[g],
                str(results.respondents[g]),
                str(item.minimums[g]),
                t("round.shown" if results.group_shown[g] else "round.too_few", lang),
                t("round.shown" if results.text_shown[g] else "round.too_few", lang),
            ]
            for g in ROUND_GROUPS
        ],  # fmt: skip
        "protected_title": t("round.report.protected", lang),
        "protected_note": t("round.report.protected_note", lang),
        "protected": [
            t(
                "round.report.protected_line",
                lang,
                group=group[g],
                behaviour=framework.behaviour_text(b, lang),
            )
            for b, g in results.protected
        ],  # fmt: skip
        "behaviour_head": head,
        "disciplines": _disciplines(results, lang),
        "texts_title": t("round.report.texts_title", lang),
        "texts_none": t("round.report.texts_none", lang),
        "texts": [
            (group[g], [(t(f"round.q.{q}", lang), results.texts[g][q]) for q in ROUND_QUESTIONS])
            for g in results.texts
        ],
        "texts_hidden": (
            t(
                "round.report.texts_hidden",
                lang,
                groups=", ".join(group[g] for g in results.hidden_texts),
            )
            if results.hidden_texts
            else ""
        ),
        "footer": t("round.report.footer", lang, version=__version__),
    }


def _respondents(results: RoundResults, group: dict[str, str], lang: str) -> str:
    parts = [f"{group[g]} {results.respondents[g]}" for g in ROUND_GROUPS]
    return " · ".join(parts)


def rules(results: RoundResults, lang: str) -> list[str]:
    item = results.round
    minimums = ", ".join(f"{t(f'round.group.{g}', lang)} {item.minimums[g]}" for g in OTHER_GROUPS)
    return [
        t("round.rule.minimum", lang, minimums=minimums),
        t("round.rule.others", lang, k=results.others_minimum),
        t("round.rule.protect", lang),
        t("round.rule.gap", lang, threshold=decimal(GAP_THRESHOLD, lang)),
        t("round.rule.texts", lang),
        t("round.rule.dont_know", lang),
    ]


def _disciplines(results: RoundResults, lang: str) -> list[dict[str, Any]]:
    framework = results.framework
    out = []
    for discipline in results.round.disciplines:
        rows = [_row(b, results, lang) for b in results.behaviours if b.discipline == discipline]
        change = ""
        if results.change and discipline in results.change.disciplines:
            then, now = results.change.disciplines[discipline]
            change = t(
                "round.report.discipline_change", lang, then=decimal(then, lang),
                now=decimal(now, lang), delta=decimal(now - then, lang, signed=True),
            )  # fmt: skip
        out.append({"title": framework.discipline_name(discipline, lang), "rows": rows,
                    "change": change})  # fmt: skip
    return out


def cell_text(cell: Cell, lang: str) -> tuple[str, bool]:
    """``3,7 (n=4)``, or why it is hidden; and whether it is hidden."""
    if cell.shown:
        return t("round.cell", lang, mean=decimal(cell.mean, lang), n=cell.n), False
    if cell.reason == PROTECT:
        return t("round.protected", lang), True
    if cell.reason == FEW and cell.n == 0:
        return "–", True
    return t("round.too_few", lang), True


def _row(b: BehaviourResult, results: RoundResults, lang: str) -> dict[str, Any]:
    framework = results.framework
    cells = [(decimal(b.self_mean, lang), b.self_mean is None)]
    cells += [cell_text(b.groups[g], lang) for g in OTHER_GROUPS]
    cells.append(cell_text(b.others, lang))
    cells.append((decimal(b.gap, lang, signed=True), b.gap is None))
    cells.append((t(f"round.verdict.{b.verdict}", lang), False))
    if results.change:
        others, _ = results.change.behaviours.get(b.id, (None, None))
        cells.append((decimal(others, lang, signed=True), others is None))
    return {
        "text": framework.behaviour_text(b.id, lang),
        "verdict": b.verdict.replace("_", "-"),
        "cells": cells,
        "distribution": _distribution(b, results, lang),
    }


def _distribution(b: BehaviourResult, results: RoundResults, lang: str) -> list[str]:
    """One line per shown group (and all others): how many gave each answer."""
    scale = results.framework.scale
    lines = []
    shown = [(t(f"round.group.{g}", lang), b.groups[g]) for g in OTHER_GROUPS]
    shown.append((t("round.report.others", lang), b.others))
    for label, cell in shown:
        if cell.shown and cell.distribution:
            counts = " · ".join(
                f"{scale.label(s, lang)} {cell.distribution[s]}" for s in scale.values
            )
            lines.append(f"{label}: {counts}")
    return lines


__all__ = [
    "cell_text",
    "json_cell",
    "json_figures",
    "json_groups",
    "page_context",
    "report_body",
    "report_html",
    "report_json",
    "rounded",
    "rules",
]
