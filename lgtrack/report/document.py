"""The session report: one self-contained HTML file that prints well on A4.

The page is ``templates/report.html`` with its sections (:mod:`lgtrack.report.sections`),
rendered by Jinja2 with autoescape. Figures are inline SVG (:mod:`lgtrack.report.svg`); the page
has no script, no external reference of any kind (no ``http(s)://`` in ``src``/``href``/
``@import``/``url()``) and no font to download. Print CSS (``templates/report.css``, included
in the page) sets A4, margins and colours; sections flow from page to page while small blocks
(a heading with its first lines, a figure, a table row) keep together, and the footer prints
with the last section, never on a page of its own.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path

from matplotlib.figure import Figure

from .. import __version__
from .._files import write_atomically
from .._markup import Markup, trusted
from ..i18n import LANGUAGES, t
from ..journal import Journal
from ..plots import plot_coverage, plot_goal_timeline, plot_trends
from ..records import Leader
from ._templates import macros, render
from ._text import long_day
from .overview import Overview, build_overview
from .prep import prep_questions
from .rounds import rounds_section
from .sections import (
    actions_section,
    changes_section,
    coverage_table,
    goals_table,
    header_section,
    perception_section,
    prep_section,
    session_section,
)
from .svg import figure_svg

# The overview inside a notebook: the report's look for tables, bars and figures, scoped.
OVERVIEW_CSS = Markup(
    "<style>.lg-coach-overview .lg-figure svg{width:100%;max-width:900px;height:auto}"
    ".lg-coach-overview .lg-svg *{stroke-linejoin:round;stroke-linecap:butt}"
    ".lg-coach-overview table{border-collapse:collapse}"
    ".lg-coach-overview td,.lg-coach-overview th{padding:2px 8px;text-align:left;"
    "border-bottom:1px solid #ddd;vertical-align:top}"
    ".lg-coach-overview .lg-bar{display:inline-block;width:80px;height:8px;background:#e6e6e6}"
    ".lg-coach-overview .lg-bar span{display:block;height:100%;background:#0072B2}"
    ".lg-coach-overview .lg-note,.lg-coach-overview .lg-muted{color:#555}</style>"
)


def default_report_dir(journal: Journal) -> Path:
    """``reports/`` beside the journal (never a notebook folder, which may be in git)."""
    if journal.path == ":memory:":
        return Path(tempfile.gettempdir()) / "lgtrack-reports"
    return Path(journal.path).resolve().parent / "reports"


def report_file_name(leader: Leader, day: date) -> str:
    """``Ada-Berg-3f2a9c-2026-11-30.html``: readable, and two leaders never share one."""
    slug = re.sub(r"[^\w]+", "-", leader.name).strip("-_")[:40] or "leader"
    return f"{slug}-{leader.id[:6]}-{day.isoformat()}.html"


def figure_block(figure: Figure, name: str) -> Markup:
    """``figure`` as inline SVG (ids prefixed with ``name``): markup we drew ourselves."""
    return trusted(figure_svg(figure, name))


def trends_section(overview: Overview, lang: str) -> Markup:
    figure = plot_trends(overview.trends, overview.framework, levels=overview.levels, lang=lang)
    return macros().figure_section(
        "trends", t("report.trends.title", lang), note=t("report.trends.note", lang),
        svg=figure_block(figure, "trends"),
    )  # fmt: skip


def coverage_section(overview: Overview, lang: str) -> Markup:
    figure = plot_coverage(overview.coverage, overview.framework, lang=lang)
    note = t("report.coverage.note", lang, days=overview.coverage.attrs.get("days", "?"))
    return macros().figure_section(
        "coverage", t("report.coverage.title", lang), note=note,
        svg=figure_block(figure, "coverage"), after=coverage_table(overview, lang),
    )  # fmt: skip


def goals_section(overview: Overview, lang: str) -> Markup:
    svg = ""
    if not overview.goals.empty:
        figure = plot_goal_timeline(overview.goals, overview.today,
                                    progress=overview.goal_progress, lang=lang)  # fmt: skip
        figure.axes[0].set_title("")  # the section has the title
        svg = figure_block(figure, "goals")
    return macros().figure_section(
        "goals", t("report.goals.title", lang), before=goals_table(overview, lang), svg=svg
    )


def overview_sections(overview: Overview, lang: str) -> list[Markup]:
    """The one-page overview: what changed, trends, coverage, self vs others, the 360 rounds
    the leader shared (if any), goals."""
    sections = [
        changes_section(overview.changes, overview.framework, lang),
        trends_section(overview, lang),
        coverage_section(overview, lang),
        perception_section(overview, lang),
    ]
    if overview.shared_rounds:
        sections.append(rounds_section(overview.shared_rounds, overview.framework, lang))
    sections.append(goals_section(overview, lang))
    return sections


def render_report(overview: Overview, lang: str) -> str:
    """The whole report as one HTML document in ``lang``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'")
    sections = [
        header_section(overview, lang),
        *overview_sections(overview, lang),
        session_section(overview.session, lang),
        actions_section(overview.open_actions, overview.today, lang),
        prep_section(prep_questions(overview, lang), lang),
    ]
    footer = t("report.footer", lang, version=__version__, day=long_day(overview.today, lang))
    title = f"{t('report.title', lang)} – {overview.leader.name} – {overview.today.isoformat()}"
    page = render("report.html", lang=lang, title=title, sections=sections, footer=footer)
    return str(page)


def write_report(
    journal: Journal,
    leader_id: str,
    path: str | os.PathLike,
    *,
    today: date,
    lang: str | None = None,
) -> Path:
    """Write the report on ``leader_id`` to ``path`` in ``lang`` (default: the leader's)."""
    overview = build_overview(journal, leader_id, today)
    leader_lang = overview.leader.lang if overview.leader.lang in LANGUAGES else "da"
    text = render_report(overview, lang or leader_lang)
    return write_atomically(path, text.encode("utf-8"))  # 0600, never a half-written report
