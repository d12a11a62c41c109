"""Numbers, percentages, dates and plurals as a Danish or an English reader writes them.

One module for every place that shows a number (the command line, the widgets, the report), built
on Babel's CLDR data for ``da_DK`` and ``en_GB`` (British English writes ``3 November 2026``, as
the report always has)::

    >>> decimal(3.5, "da"), decimal(3.5, "en")
    ('3,5', '3.5')
    >>> number(1234, "da"), number(1234, "en")
    ('1.234', '1,234')
    >>> percent(0.4, "da"), percent(0.4, "en")
    ('40 %', '40%')
    >>> plural("count_ratings", 1, "da"), plural("count_ratings", 2, "da")
    ('1 vurdering', '2 vurderinger')

Conventions, where the earlier ad-hoc versions disagreed:

- a value is rounded first, the way Python rounds (``f"{x:.1f}"``), then written: ``-0.04`` is
  ``0,0`` and never ``-0,0``; a signed value that rounds to zero has no sign (``+0,3``, ``-0,3``,
  ``0,0``), and the minus is Babel's (a hyphen-minus in both languages);
- a missing value (``None`` or NaN) is ``–``;
- spaces are plain spaces (Babel puts a no-break space before a Danish ``%``): the text is
  compared, copied and aligned in a terminal the same way everywhere.

Plurals come from the catalogue: ``plural(key, n, lang)`` picks ``<key>_one`` or ``<key>_other``
by Babel's plural rule for the language and fills ``{count}`` (in the language's notation). Babel
is imported on first use, never by ``import lgtrack``: quick commands do not pay for it.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from typing import Any

from .i18n import t

LOCALES = {"da": "da_DK", "en": "en_GB"}
MISSING = "–"


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["da"])


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


def number(value: float, lang: str, digits: int = 0) -> str:
    """``1234`` as ``1.234`` (da) or ``1,234`` (en), with ``digits`` decimals (rounded)."""
    if _is_missing(value):
        return MISSING
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    rounded = round(float(value), digits) + 0.0  # -0.04 rounds to -0.0: write it as 0
    if isinstance(value, int) and not isinstance(value, bool) and digits == 0:
        rounded = value  # a whole number stays exact, however large
    return _plain(format_decimal(rounded, format=pattern, locale=_locale(lang)))


def decimal(value: float | None, lang: str, digits: int = 1, *, signed: bool = False) -> str:
    """``3.25`` as ``3,2`` (da) or ``3.2`` (en); ``signed`` adds ``+`` to a positive value."""
    if _is_missing(value):
        return MISSING
    text = number(value, lang, digits)  # type: ignore[arg-type]
    is_zero = not any(ch in "123456789" for ch in text)
    if is_zero:
        return text.lstrip("-")
    return f"+{text}" if signed and not text.startswith("-") else text


def percent(share: float | None, lang: str) -> str:
    """A share of 1 as a whole percentage: ``0.4`` is ``40 %`` (da) or ``40%`` (en)."""
    if _is_missing(share):
        return MISSING
    from babel.numbers import format_percent

    whole = round(float(share) * 100) / 100  # a whole percent, rounded as Python rounds
    return _plain(format_percent(whole, locale=_locale(lang)))


def long_date(day: date, lang: str) -> str:
    """``3. november 2026`` (da) or ``3 November 2026`` (en)."""
    from babel.dates import format_date

    return format_date(day, "long", locale=_locale(lang))


def short_date(day: date, lang: str) -> str:
    """``03.11.2026`` (da) or ``03/11/2026`` (en)."""
    from babel.dates import format_date

    return format_date(day, "short", locale=_locale(lang))


@cache
def _babel_locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(_locale(lang))


def plural_form(count: int, lang: str) -> str:
    """``"one"`` or ``"other"``: the CLDR plural category of ``count`` in ``lang``."""
    form = _babel_locale(lang).plural_form(abs(count))
    return "one" if form == "one" else "other"


def plural(key: str, count: int, lang: str, **values: object) -> str:
    """The catalogue's ``<key>_one`` or ``<key>_other`` with ``{count}`` filled in."""
    form = plural_form(count, lang)
    return t(f"{key}_{form}", lang, count=number(count, lang), **values)
