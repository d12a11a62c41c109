"""The coach report prints well: no page under half full except the last, and the footer is
never alone on the last page (issue #11).

The PDF is printed by the installed Chromium (``lgtrack.report.pdf``) and measured with
poppler's ``pdftoppm`` (how far down each page the ink reaches) and ``pdftotext`` (what the last
page says). Without either tool the tests skip, saying why, except under ``CI=true``, where
``.ci/run`` installs both and a missing one fails the test.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from browser_support import on_ci, require_chromium

import lgtrack.report
from lgtrack import Journal
from lgtrack.coaching import Action, CoachSession, add_action, last_session, save_session
from lgtrack.demo import build_demo
from lgtrack.i18n import t
from lgtrack.report import write_report
from lgtrack.report._text import long_day
from lgtrack.report.pdf import print_pdf

TODAY = date(2026, 11, 30)
DPI = 30  # A4 is 351 rows high: enough to see where the ink stops
INK = 240  # a grey level darker than this is ink (the lightest rule is #d0d0d0)
HALF = 0.5
POPPLER = ("pdftoppm", "pdftotext")


def require_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if not missing:
        return
    reason = (
        f"measuring the report's pages needs poppler's {', '.join(missing)}, which is not "
        "installed; install the distribution's poppler-utils package (.ci/run does) to run it"
    )
    if on_ci():
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def chromium() -> str:
    found = require_chromium(lgtrack.report.find_chromium(), "printing the report as PDF")
    require_poppler()
    return str(found)


def page_rows(pgm: bytes) -> list[bytes]:
    """The rows of a binary greyscale PGM (``P5``, 8 bit), as ``pdftoppm -gray`` writes it."""
    fields = pgm.split(maxsplit=4)
    assert fields[0] == b"P5" and fields[3] == b"255", fields[:4]
    width, height, pixels = int(fields[1]), int(fields[2]), fields[4]
    return [pixels[row * width : (row + 1) * width] for row in range(height)]


def ink_fractions(pdf: Path, workdir: Path) -> list[float]:
    """Per page: the share of the page's height from its first to its last row with ink."""
    images = Path(tempfile.mkdtemp(prefix="pages-", dir=workdir))
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", str(pdf), str(images / "page")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    fractions = []
    for image in sorted(images.glob("page-*.pgm"), key=lambda path: int(path.stem[5:])):
        rows = page_rows(image.read_bytes())
        inked = [number for number, row in enumerate(rows) if min(row) < INK]
        fractions.append((inked[-1] - inked[0] + 1) / len(rows) if inked else 0.0)
    return fractions


def page_text(pdf: Path, page: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return done.stdout


def words(text: str) -> list[str]:
    return text.split()


def footer(lang: str) -> str:
    return t("report.footer", lang, version=lgtrack.__version__, day=long_day(TODAY, lang))


def print_report(journal: Journal, lang: str, tmp_path: Path, chromium: str) -> Path:
    html = write_report(journal, journal.me().id, tmp_path / "report.html", today=TODAY,
                        lang=lang)  # fmt: skip
    return print_pdf(html, tmp_path / "report.pdf", chromium)


def assert_prints_well(pdf: Path, lang: str, workdir: Path) -> None:
    fractions = ink_fractions(pdf, workdir)
    assert len(fractions) >= 2, fractions  # else nothing here is tested
    under_half = [(page, round(f, 2)) for page, f in enumerate(fractions[:-1], 1) if f < HALF]
    assert not under_half, f"pages under half full: {under_half} (all: {fractions})"
    last = words(page_text(pdf, len(fractions)))
    end = words(footer(lang))
    assert last[-len(end) :] == end  # the footer closes the report
    assert len(last) > len(end), f"the last page holds only the footer: {last}"


@pytest.fixture
def demo(tmp_path) -> Iterator[Journal]:
    """The demo journal (the leader's own), with a coaching session and open actions."""
    with Journal.open(tmp_path / "demo") as journal:
        build_demo(journal, today=TODAY)
        leader = journal.me().id
        session = save_session(journal, CoachSession(
            leader_id=leader, day=date(2026, 11, 2), goal="Mere tid til strategi",
            reality="Kalenderen er fuld af driftsmøder.\nTeamet spørger ofte.",
            options="Uddelegere koordinering; faste blokke i kalenderen",
            will="Blok fredag formiddag", notes="Opfølgning om fire uger",
        ))  # fmt: skip
        for text, due in (("Booke 1:1 med alle", date(2026, 11, 20)),
                          ("Skrive et strategiudkast", date(2026, 12, 20))):  # fmt: skip
            add_action(journal, Action(leader_id=leader, text=text, session_id=session.id,
                                       due=due))  # fmt: skip
        yield journal


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_demo_report_fills_its_pages_and_ends_with_content(demo, tmp_path, chromium, lang):
    pdf = print_report(demo, lang, tmp_path, chromium)
    assert_prints_well(pdf, lang, tmp_path)


def test_the_footer_never_has_the_last_page_to_itself(demo, tmp_path, chromium):
    # Longer notes from the last session push the end of the report down until the footer no
    # longer fits: the fewest lines that add a page is where a footer alone would be printed.
    session = last_session(demo, demo.me().id)

    def pages(lines: int) -> int:
        notes = "\n".join(f"Note {number}" for number in range(lines))
        save_session(demo, replace(session, notes=notes))
        folder = tmp_path / f"notes-{lines}"
        folder.mkdir()
        return len(ink_fractions(print_report(demo, "da", folder, chromium), folder))

    low, high = 0, 64
    base = pages(low)
    assert pages(high) > base  # else the search below finds nothing
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if pages(middle) == base else (low, middle)
    assert_prints_well(tmp_path / f"notes-{high}" / "report.pdf", "da", tmp_path)
