"""The coach's view of a leader and the session report.

=========================  ==================================================================
:func:`build_overview`     trends, coverage, self vs others, goals, the last session, open
                           actions and what changed since it — one leader, one day
:func:`render_report`      the overview as one self-contained HTML page (A4 print CSS,
                           inline SVG figures, no external reference, every text escaped)
:func:`write_report`       build and write the report for a leader, in the leader's language
:func:`find_leader`        a leader by id or unique id prefix (at least 6 characters)
:func:`find_chromium`,     PDF via an installed Chromium (``--headless --print-to-pdf``);
:func:`print_pdf`          without one, print the HTML from a browser (Ctrl+P → Save as PDF)
=========================  ==================================================================

>>> from datetime import date
>>> from lgtrack import Journal
>>> journal = Journal.open(":memory:")
>>> me = journal.set_profile("A.B.", "teamleder", lang="en")
>>> page = render_report(build_overview(journal, me.id, date(2026, 11, 30)), "en")
>>> "<h2>Since the last session</h2>" in page, "http" in page, "<script" in page
(True, False, False)
"""

from __future__ import annotations

from .changes import Changes, changes_since
from .document import (
    OVERVIEW_CSS,
    default_report_dir,
    overview_sections,
    render_report,
    report_file_name,
    write_report,
)
from .overview import Overview, build_overview, find_leader
from .pdf import NO_CHROMIUM, PdfError, find_chromium, print_pdf
from .prep import prep_questions

__all__ = [
    "NO_CHROMIUM",
    "OVERVIEW_CSS",
    "Changes",
    "Overview",
    "PdfError",
    "build_overview",
    "changes_since",
    "default_report_dir",
    "find_chromium",
    "find_leader",
    "overview_sections",
    "prep_questions",
    "print_pdf",
    "render_report",
    "report_file_name",
    "write_report",
]
