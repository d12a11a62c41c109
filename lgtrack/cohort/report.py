"""The programme report for the sponsor: one self-contained HTML file in the cohort's language,
with exactly the dashboard's figures (the same suppression: a hidden figure reads "for få").

Rendered from ``lgtrack/cohort/templates/cohort_report.html`` with Jinja2 autoescape.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from .._files import write_atomically
from ..framework import Framework, load_framework
from ..i18n import t
from ..journal import Journal
from ..records import Cohort
from .dashboard import cohort_dashboard
from .text import figure, level_name, percent, suppression_note

_LABELS = (
    "title", "period", "as_of", "participants", "delivered", "definitions_head", "definitions",
    "development", "discipline", "level", "n", "mean", "start", "now", "effects", "effect",
    "by_level", "engagement", "week", "whole", "coverage", "suppression_head", "no_free_text",
)  # fmt: skip


def _environment() -> Any:
    from .._templating import page_environment

    return page_environment(Path(__file__).resolve().parent / "templates")


def cohort_report_html(dashboard: dict[str, Any], framework: Framework, lang: str) -> str:
    """The report page for ``dashboard`` (:func:`~lgtrack.cohort.dashboard.build_dashboard`)."""
    context = report_context(dashboard, framework, lang)
    return _environment().get_template("cohort_report.html").render(**context)


def cohort_body_html(dashboard: dict[str, Any], framework: Framework, lang: str) -> str:
    """The report's figures and notes without the page around them (for the widget), rendered
    by Jinja2 with autoescape like the report."""
    context = report_context(dashboard, framework, lang)
    return _environment().get_template("cohort_body.html").render(**context)


def report_context(dashboard: dict[str, Any], framework: Framework, lang: str) -> dict[str, Any]:
    """What the templates print: labels in ``lang`` and every figure as text ("for få")."""
    levels = [e["level"] for e in dashboard["by_level"]]
    levels = list(dict.fromkeys(levels))
    # columns: the whole cohort, then each level (None is "no level", a column of its own)
    engagement_levels = list(dict.fromkeys(e["level"] for e in dashboard["engagement_by_level"]))
    by_week = {(e["week"], e["level"]): percent(e["share"], lang)
               for e in dashboard["engagement_by_level"]}  # fmt: skip
    weeks = [
        (e["week"], [percent(e["share"], lang),
                     *(by_week.get((e["week"], lv)) for lv in engagement_levels)])
        for e in dashboard["engagement"]
    ]  # fmt: skip
    context = {
        "lang": lang,
        "L": {key: t(f"cohort.report.{key}", lang) for key in _LABELS},
        "cohort": dashboard["cohort"],
        "participants": dashboard["participants"],
        "delivered": dashboard["delivered"],
        "note": suppression_note(dashboard, lang),
        "definitions": t("cohort.definitions", lang),
        "disciplines": [
            {"name": framework.discipline_name(e["id"], lang), "n": e["n"],
             "mean": figure(e["mean"], lang), "start": figure(e["start_mean"], lang),
             "now": figure(e["now_mean"], lang)}
            for e in dashboard["disciplines"]
        ],
        "by_level": [
            {"level": level_name(framework, e["level"], lang),
             "discipline": framework.discipline_name(e["discipline"], lang), "n": e["n"],
             "mean": figure(e["mean"], lang), "start": figure(e.get("start_mean"), lang),
             "now": figure(e.get("now_mean"), lang)}
            for e in dashboard["by_level"]
        ],
        "effects": [
            {"text": framework.effect(e["id"]).text.get(lang), "id": e["id"], "n": e["n"],
             "start": figure(e["start_mean"], lang), "now": figure(e["now_mean"], lang)}
            for e in dashboard["effects"]
        ],
        "effects_by_level": [
            {"level": level_name(framework, e["level"], lang), "id": e["id"], "n": e["n"],
             "start": figure(e["start_mean"], lang), "now": figure(e["now_mean"], lang)}
            for e in dashboard["effects_by_level"]
        ],
        "engagement_levels": [
            t("cohort.report.whole", lang),
            *(level_name(framework, lv, lang) for lv in engagement_levels),
        ],
        "weeks": weeks,
        "coverage": [
            {"level": level_name(framework, e["level"], lang),
             "discipline": framework.discipline_name(e["discipline"], lang), "n": e["n"],
             "share": percent(e["share"], lang)}
            for e in dashboard["coverage"]
        ],
        "levels": levels,
    }  # fmt: skip
    return context


def write_cohort_report(
    journal: Journal, cohort: Cohort, out: str | os.PathLike, *, today: date
) -> Path:
    """Write the report on ``cohort`` as of ``today`` to ``out`` (whole or not at all, 0600)."""
    dashboard = cohort_dashboard(journal, cohort, today=today)
    framework = load_framework(cohort.framework_id)
    text = cohort_report_html(dashboard, framework, cohort.lang)
    return write_atomically(out, text.encode("utf-8"))
