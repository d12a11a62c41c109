"""Checks for bilingual text catalogues (``messages.yaml``, ``prompts.yaml``).

Each check returns every problem it finds as one line, so that a test lists them all at once
rather than stopping at the first (or running one test per key).
"""

from __future__ import annotations

import re
import string

from lgtrack.i18n import LANGUAGES

KEY = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")


def placeholders(text: str) -> set[str]:
    """The ``{names}`` of a format string; ValueError when it is not a valid one."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def text_problems(entry: object) -> list[str]:
    """What is wrong with one bilingual text (``{da: …, en: …}``)."""
    if not isinstance(entry, dict):
        return [f"not a mapping of languages but {type(entry).__name__}"]
    problems, fields = [], {}
    for lang in LANGUAGES:
        text = entry.get(lang)
        if text is None:
            problems.append(f"no {lang}")
        elif not isinstance(text, str):
            problems.append(f"{lang} is {type(text).__name__}, not text")
        elif not text.strip():
            problems.append(f"{lang} is empty")
        else:
            try:
                fields[lang] = placeholders(text)
            except ValueError as error:
                problems.append(f"{lang} is not a valid format string ({error})")
    unknown = sorted(str(lang) for lang in entry if lang not in LANGUAGES)
    if unknown:
        problems.append(f"unknown languages {unknown}")
    if len(fields) == len(LANGUAGES) and fields["da"] != fields["en"]:
        problems.append(
            f"placeholders differ: da {sorted(fields['da'])}, en {sorted(fields['en'])}"
        )
    return problems


def catalogue_problems(catalogue: object) -> list[str]:
    """Every bad key and text of a message catalogue (``key: {da: …, en: …}``)."""
    if not isinstance(catalogue, dict) or not catalogue:
        return ["the catalogue is not a mapping of keys to texts"]
    problems = []
    for key, entry in catalogue.items():
        if not isinstance(key, str) or not KEY.fullmatch(key):
            problems.append(f"{key!r}: not a key like 'ui.setup.title'")
        problems += [f"{key}: {problem}" for problem in text_problems(entry)]
    return problems


def report(problems: list[str]) -> str:
    return f"{len(problems)} problems:\n" + "\n".join(problems)
