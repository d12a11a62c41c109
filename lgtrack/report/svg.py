"""Matplotlib figures as inline SVG for a self-contained HTML page.

Text stays as paths (matplotlib's default ``svg.fonttype='path'``), so the page needs no font.
Everything that could point outside the page is removed: the XML prologue and DOCTYPE, the
``<metadata>`` block, the namespace declarations (HTML5 needs none for inline SVG) and comments.
Ids get a per-figure prefix so that several figures can share one page, and ``xlink:href``
becomes SVG 2's ``href``.
"""

from __future__ import annotations

import io
import re

import matplotlib
from matplotlib.figure import Figure

from .._markup import html

_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
_NAMESPACE = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_ID = re.compile(r'\bid="([^"]+)"')
_HREF = re.compile(r'\bxlink:href="#([^"]+)"')
_URL = re.compile(r"url\(#([^)]+)\)")
_SAFE_PREFIX = re.compile(r"[^A-Za-z0-9_-]")


def figure_svg(figure: Figure, prefix: str) -> str:
    """``figure`` as an ``<svg>`` element whose ids all start with ``prefix``."""
    prefix = _SAFE_PREFIX.sub("-", prefix)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": prefix}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    label = html('role="img" aria-label="{}" ', figure_label(figure))  # its text alternative
    return inline_svg(buffer.getvalue(), prefix).replace('role="img" ', label, 1)


def figure_label(figure: Figure) -> str:
    """What ``figure`` shows, in its own words: its titles and axis labels (else its ticks)."""
    axes = figure.axes
    texts = [text for ax in axes for text in (ax.get_title(), ax.get_ylabel(), ax.get_xlabel())]
    if not any(texts):
        texts = [tick.get_text() for ax in axes for tick in ax.get_yticklabels()]
    return " · ".join(dict.fromkeys(text for text in texts if text))


def inline_svg(document: str, prefix: str) -> str:
    """An SVG file's text reduced to a self-contained inline ``<svg>`` element."""
    svg = _PROLOGUE.sub("", document, count=1)
    svg = _METADATA.sub("", svg)
    svg = _COMMENT.sub("", svg)
    svg = _NAMESPACE.sub("", svg)
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = _HREF.sub(lambda m: f'href="#{prefix}-{m.group(1)}"', svg)
    svg = _URL.sub(lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    svg = svg.replace("*{stroke-linejoin", ".lg-svg *{stroke-linejoin", 1)  # scope its one rule
    return svg.replace("<svg ", '<svg class="lg-svg" role="img" ', 1).strip()
