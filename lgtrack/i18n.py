"""Every text a leader sees, in Danish and English, from one catalogue (``messages.yaml``).

>>> t("save", "en")
'Save'

A placeholder may ask for a number in the language's notation, ``{limit:number}``
(``100.000`` in Danish, ``100,000`` in English); see :mod:`lgtrack.formatting`.

>>> t("err_text_too_long", "da", what="teksten", limit=100_000, length=100_001)
'teksten er længere end 100.000 tegn (100.001)'
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

LANGUAGES = ("da", "en")
_CATALOGUE = Path(__file__).with_name("messages.yaml")


@cache
def catalogue() -> dict[str, dict[str, str]]:
    from ._yaml_cache import cached, keep

    source = _CATALOGUE.read_text(encoding="utf-8")
    messages = cached("messages", source)  # every command that prints a line reads it (#15)
    if messages is None:
        import yaml

        # The C loader when available: ~15x faster than the Python one.
        messages = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
        keep("messages", source, messages)
    return messages


def t(key: str, lang: str, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (falling back to Danish), formatted with ``values``."""
    entry = catalogue()[key]
    text = entry.get(lang) or entry["da"]
    if not values:
        return text
    if ":number}" in text:  # the one format of our own; everything else is str.format
        return _LanguageFormatter(lang).format(text, **values)
    return text.format(**values)


class _LanguageFormatter(string.Formatter):
    """``str.format`` plus the ``number`` format spec, written in ``lang``'s notation."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec == "number":
            from .formatting import number

            return number(value, self.lang)  # type: ignore[arg-type]
        return super().format_field(value, format_spec)
