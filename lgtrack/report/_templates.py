"""The report's Jinja2 templates (``lgtrack/report/templates/``), rendered with autoescape.

Every value a template prints is escaped unless the code passed it as ``Markup`` (a figure's
inline SVG, a line another macro rendered). Jinja2 is imported on the first render, not with
the package: the command line's other commands start without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .._markup import Markup, trusted


def environment() -> Any:
    from .._templating import page_environment

    return page_environment(Path(__file__).resolve().parent / "templates")


def macros() -> Any:
    """The macros of ``sections.html``: each returns its piece of the page as ``Markup``."""
    return environment().get_template("sections.html").module


def render(name: str, **context: Any) -> Markup:
    """The template ``name`` filled with ``context`` (escaped: autoescape is on)."""
    return trusted(environment().get_template(name).render(**context))
