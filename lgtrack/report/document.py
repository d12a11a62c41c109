"""The session report: one self-contained HTML file that prints well on A4.

Figures are inline SVG (:mod:`lgtrack.report.svg`); the page has no script, no external
reference of any kind (no ``http(s)://`` in ``src``/``href``/``@import``/``url()``) and no
font to download. Print CSS sets A4, margins, keeps sections together and keeps colours.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path

from matplotlib.figure import Figure

from .. import __version__
from ..i18n import LANGUAGES, t
from ..journal import Journal
from ..plots import plot_coverage, plot_goal_timeline, plot_trends
from ..records import Leader
from ._text import esc, long_day
from .overview import Overview, build_overview
from .prep import prep_questions
from .sections import (
    actions_section,
    changes_section,
    coverage_table,
    goals_table,
    header_section,
    perception_section,
    prep_section,
    section,
    session_section,
)
from .svg import figure_svg

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
:root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink);
       font-size: 10.5pt; line-height: 1.4; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; color: var(--accent); border-bottom: 1.5pt solid var(--accent);
     padding-bottom: 1mm; margin: 0 0 3mm; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; }
ul, ol { margin: 1mm 0 2mm; padding-left: 6mm; }
li { margin: 0.6mm 0; }
.lg-header { border-bottom: 2pt solid var(--ink); margin-bottom: 5mm; padding-bottom: 3mm; }
.lg-kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0; }
.lg-header dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 5mm; margin: 0; }
.lg-header dt { color: var(--muted); }
.lg-header dd { margin: 0; }
.lg-section { margin: 0 0 6mm; page-break-inside: avoid; break-inside: avoid; }
.lg-figure { page-break-inside: avoid; break-inside: avoid; margin: 2mm 0; }
.lg-figure svg { width: 100%; height: auto; display: block; }
.lg-note, .lg-muted, .lg-more { color: var(--muted); }
.lg-counts { font-weight: 600; }
.lg-empty { color: var(--muted); font-style: italic; }
.lg-pre { white-space: pre-wrap; margin: 0 0 2mm; }
.lg-table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
.lg-table th, .lg-table td { border-bottom: 0.5pt solid var(--line); padding: 1mm 2mm;
                             text-align: left; vertical-align: top; }
.lg-table th { background: #f0f4f8; }
.lg-table tr { page-break-inside: avoid; break-inside: avoid; }
tr.lg-blind_spot td:last-child { color: #D55E00; font-weight: 600; }
tr.lg-hidden_strength td:last-child { color: #009E73; font-weight: 600; }
.lg-bar { display: inline-block; width: 22mm; height: 2.6mm; background: #e6e6e6;
          vertical-align: middle; }
.lg-bar span { display: block; height: 100%; background: var(--accent); }
.lg-goals-table td:nth-child(2), .lg-goals-table td:nth-child(3) { white-space: nowrap; }
tr.lg-overdue td:nth-child(2), .lg-late { color: #D55E00; font-weight: 600; }
tr.lg-achieved td:nth-child(2) { color: #0072B2; }
.lg-footer { color: var(--muted); font-size: 8.5pt; border-top: 0.5pt solid var(--line);
             padding-top: 2mm; margin-top: 6mm; }
.lg-svg * { stroke-linejoin: round; stroke-linecap: butt; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { padding: 0; max-width: none; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
}
"""


# The overview inside a notebook: the report's look for tables, bars and figures, scoped.
OVERVIEW_CSS = (
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


def figure_block(figure: Figure, name: str) -> str:
    return f'<div class="lg-figure">{figure_svg(figure, name)}</div>'


def trends_section(overview: Overview, lang: str) -> str:
    figure = plot_trends(overview.trends, overview.framework, levels=overview.levels, lang=lang)
    note = f'<p class="lg-note">{esc(t("report.trends.note", lang))}</p>'
    return section("trends", t("report.trends.title", lang), note + figure_block(figure, "trends"))


def coverage_section(overview: Overview, lang: str) -> str:
    figure = plot_coverage(overview.coverage, overview.framework, lang=lang)
    note = esc(t("report.coverage.note", lang, days=overview.coverage.attrs.get("days", "?")))
    body = f'<p class="lg-note">{note}</p>{figure_block(figure, "coverage")}'
    return section(
        "coverage", t("report.coverage.title", lang), body + coverage_table(overview, lang)
    )


def goals_section(overview: Overview, lang: str) -> str:
    body = goals_table(overview, lang)
    if not overview.goals.empty:
        figure = plot_goal_timeline(overview.goals, overview.today,
                                    progress=overview.goal_progress, lang=lang)  # fmt: skip
        figure.axes[0].set_title("")  # the section has the title
        body += figure_block(figure, "goals")
    return section("goals", t("report.goals.title", lang), body)


def overview_sections(overview: Overview, lang: str) -> list[str]:
    """The one-page overview: what changed, trends, coverage, self vs others, goals."""
    return [
        changes_section(overview.changes, overview.framework, lang),
        trends_section(overview, lang),
        coverage_section(overview, lang),
        perception_section(overview, lang),
        goals_section(overview, lang),
    ]


def render_report(overview: Overview, lang: str) -> str:
    """The whole report as one HTML document in ``lang``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}'")
    body = [
        header_section(overview, lang),
        *overview_sections(overview, lang),
        session_section(overview.session, lang),
        actions_section(overview.open_actions, overview.today, lang),
        prep_section(prep_questions(overview, lang), lang),
    ]
    footer = t("report.footer", lang, version=__version__, day=long_day(overview.today, lang))
    title = f"{t('report.title', lang)} – {overview.leader.name} – {overview.today.isoformat()}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f'\n<footer class="lg-footer">{esc(footer)}</footer>\n</body>\n</html>\n'
    )


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
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)  # never a half-written report
    return target
