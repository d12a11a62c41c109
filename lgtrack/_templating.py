"""The one Jinja2 configuration for every page lgtrack writes (reports, 360 pages, cohort
reports): autoescape on, so a name, comment or text from a person is always escaped.

A folder, not a package loader: importing :mod:`lgtrack.report` would load matplotlib and pandas,
and the 360 and cohort commands need neither.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def page_environment(folder: Path) -> Any:
    """The Jinja2 environment over the templates in ``folder``."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,  # every value is escaped: names, comments and texts come from people
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # package data: read once, not checked for changes on every use
    )
