"""The round's pages from the report's Jinja2 templates (``lgtrack/report/templates/round*.html``),
rendered with autoescape like every report page.

The environment is every page's (:mod:`lgtrack._templating`), over the report's template folder:
importing :mod:`lgtrack.report` would load matplotlib and pandas (its coach report draws
figures), and ``lgtrack round report`` and the questionnaire need neither. The result is the
text of a whole page, written to a file; the notebook's page uses the report's own
:func:`lgtrack.report._templates.render` for markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent.parent / "report" / "templates"


def _environment() -> Any:
    from .._templating import page_environment

    return page_environment(TEMPLATES)


def render_page(name: str, **context: Any) -> str:
    """The whole page ``name`` filled with ``context``, every value escaped."""
    return _environment().get_template(name).render(**context)
