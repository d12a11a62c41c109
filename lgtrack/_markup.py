"""HTML that escapes by default: the one way the package puts a value into markup.

``html('<b>{}</b>', name)`` fills a template written in our code with values, escaping every
value (``<``, ``>``, ``&`` and both quotes) unless it already is :class:`~markupsafe.Markup`:
the result of ``html`` or ``join``, a Jinja2 template rendered with autoescape, or
:func:`trusted` markup. So leaving a value unescaped takes a deliberate act; forgetting to
escape one is not possible. ``tests/test_html_escaping.py`` holds every module to this.

A ``Markup`` value stays markup when concatenated (``markup + text`` escapes ``text``), but
``"".join`` or an f-string turns it back into plain text: join with :func:`join`.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

__all__ = ["Markup", "html", "join", "trusted"]


def html(template: str, /, *args: object, **kwargs: object) -> Markup:
    """``template`` (markup written in the code, never data) with its ``{}`` fields filled
    by ``args``/``kwargs``, each escaped unless it is ``Markup``."""
    return Markup(template).format(*args, **kwargs)


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """``parts`` one after another, each escaped unless it is ``Markup``."""
    return Markup(separator).join(parts)


def trusted(markup: str) -> Markup:
    """Markup the code made itself and vouches for (an inline SVG that matplotlib drew, a page
    that a Jinja2 template rendered with autoescape): used as it is, not escaped."""
    return Markup(markup)
