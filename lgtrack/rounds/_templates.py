"""The round's pages from the report's Jinja2 templates (``lgtrack/report/templates/round*.html``),
rendered with autoescape like every report page.

The environment is the report's configuration, built here over the template folder itself:
importing :mod:`lgtrack.report` would load matplotlib and pandas (its coach report draws
figures), and ``lgtrack round report`` and the questionnaire need neither. The result is the
text of a whole page, written to a file; the notebook's page uses the report's own
:func:`lgtrack.report._templates.render` for markup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent.parent / "report" / "templates"


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped: names, comments and texts come from people
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )


def render_page(name: str, **context: Any) -> str:
    """The whole page ``name`` filled with ``context``, every value escaped."""
    return _environment().get_template(name).render(**context)
