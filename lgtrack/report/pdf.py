"""PDF from the HTML report with a Chromium that is already installed (never a downloaded one).

Nothing that ships with lgtrack's dependencies turns HTML into PDF (matplotlib draws figures,
not pages), so ``--pdf`` uses Debian's ``chromium`` (``--headless --print-to-pdf``) when it is
on the machine. Without it, open the HTML in any browser and print it (Ctrl+P → Save as PDF).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .._files import write_atomically
from ..errors import LgtrackError

CHROMIUM_NAMES = ("chromium", "chromium-browser")
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
PDF_TIMEOUT_S = 120
NO_CHROMIUM = (
    "--pdf needs Chromium (Debian: apt install chromium), which is not on this machine; "
    "instead open the HTML report in a browser and print it with Ctrl+P → Save as PDF"
)


class PdfError(LgtrackError):
    """The PDF could not be made; the message says what to do instead."""


def find_chromium() -> str | None:
    """The path of an installed Chromium, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in CHROMIUM_PATHS if os.access(path, os.X_OK)), None)


def print_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, chromium: str) -> Path:
    """Print ``html_path`` to ``pdf_path`` with headless ``chromium`` (A4 from the page's CSS)."""
    source, target = Path(html_path).resolve(), Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory(prefix="lgtrack-chromium-") as profile:
        partial = Path(profile) / "report.pdf"
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={partial}", source.as_uri(),
        ]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfError("err_pdf_failed", error=str(error)) from None
        if not partial.is_file() or not partial.read_bytes().startswith(b"%PDF"):
            raise PdfError("err_pdf_none", name=source.name)
        write_atomically(target, partial.read_bytes())  # 0600, synced, never half
    return Path(pdf_path)
