"""Figures on a page: each drawn in both layouts, wide and narrow, shown as one SVG picture.

The kernel does not know how wide the browser is (one kernel may serve a desktop and a phone,
and a phone turns), so the browser picks: a ``<picture>`` whose ``<source media=…>`` holds the
narrow figure for a screen up to :data:`NARROW_SCREEN` and whose ``<img>`` holds the wide one.
That is plain HTML, with no style sheet or script that a front end could sanitise away, and it
shows the same in Voilà, JupyterLab and the classic notebook. One ``<img>`` means one ``alt``,
the figure's text alternative, whichever figure is shown.

SVG rather than PNG: the narrow figure is drawn as wide as a phone's column (3.3 in), so at its
own size its 12 pt text is 16 px, above the page text; text stays text (``svg.fonttype``
``none``), so a browser test can read its size, and it is sharp on any screen.
"""

from __future__ import annotations

import base64
import io

import matplotlib
from matplotlib.figure import Figure

from .._markup import html

NARROW_SCREEN = "(max-width: 600px)"  # the same break as the page's own phone layout (_a11y)
RASTER_DPI = 192  # the few rasterized parts (heatmap cells): sharp on a 2x phone screen


def svg_data_uri(figure: Figure) -> str:
    """``figure`` as an SVG ``data:`` URI, its text kept as text."""
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", dpi=RASTER_DPI, metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def figure_output(wide: Figure, narrow: Figure, alt: str) -> dict:
    """Both figures as display data: a ``<picture>`` whose one ``<img>`` has ``alt``, and
    ``alt`` alone as ``text/plain``."""
    picture = html(
        '<picture class="lg-figure"><source media="{}" srcset="{}">'
        '<img class="lg-figure-img" alt="{}" src="{}"></picture>',
        NARROW_SCREEN,
        svg_data_uri(narrow),
        alt,
        svg_data_uri(wide),
    )
    return {"output_type": "display_data", "data": {"text/html": str(picture), "text/plain": alt},
            "metadata": {}}  # fmt: skip
