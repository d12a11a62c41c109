"""The message catalogue: every text in Danish and English, and every key the code uses exists."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml
from catalogue_support import catalogue_problems, report

from lgtrack.i18n import LANGUAGES, catalogue, t

PACKAGE = Path(__file__).resolve().parent.parent / "lgtrack"
CATALOGUE_FILE = PACKAGE / "messages.yaml"
T_CALL = re.compile(r"""\bt\(\s*["']([^"']+)["']""")
UI_KEY_LITERAL = re.compile(r"""["'](ui\.[a-z0-9_.]*[a-z0-9_])["']""")


def _keys_used_in_source() -> dict[str, str]:
    used = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for key in T_CALL.findall(source):
            used[key] = str(path.relative_to(PACKAGE))
        if path.parent.name == "ui":  # widgets also pass keys around as literals
            for key in UI_KEY_LITERAL.findall(source):
                used[key] = str(path.relative_to(PACKAGE))
    return used


def test_every_message_has_danish_and_english_text_with_the_same_placeholders():
    problems = catalogue_problems(catalogue())
    assert problems == [], report(problems)


def test_the_catalogue_check_lists_every_problem_at_once():
    bad = {
        "ok": {"da": "Hej {name}", "en": "Hi {name}"},
        "no.english": {"da": "Hej"},
        "empty": {"da": "  ", "en": "x"},
        "number": {"da": 3, "en": "x"},
        "fields": {"da": "{count} mål", "en": "{n} goals"},
        "broken": {"da": "{", "en": "x"},
        "Bad Key": {"da": "x", "en": "x", "de": "x"},
        "flat": "only one language",
    }
    assert catalogue_problems(bad) == [
        "no.english: no en",
        "empty: da is empty",
        "number: da is int, not text",
        "fields: placeholders differ: da ['count'], en ['n']",
        "broken: da is not a valid format string (Single '{' encountered in format string)",
        "'Bad Key': not a key like 'ui.setup.title'",
        "Bad Key: unknown languages ['de']",
        "flat: not a mapping of languages but str",
    ]
    assert LANGUAGES == ("da", "en")  # the languages the check demands


def test_every_key_used_in_the_package_is_in_the_catalogue():
    used = _keys_used_in_source()
    assert len(used) > 50  # the scan finds the widgets' keys
    missing = {key: where for key, where in used.items() if key not in catalogue()}
    assert not missing, f"keys used but not in messages.yaml: {missing}"


def test_keys_looked_up_through_tables_are_in_the_catalogue():
    from lgtrack.ui._html import ROLE_KEYS, STATUS_KEYS
    from lgtrack.ui.app import _PAGE_TITLE_KEYS

    for key in (*ROLE_KEYS.values(), *STATUS_KEYS.values(), *_PAGE_TITLE_KEYS.values()):
        assert t(key, "da") and t(key, "en"), key


def test_no_key_is_defined_twice():
    root = yaml.compose(CATALOGUE_FILE.read_text(encoding="utf-8"))
    counts = Counter(key_node.value for key_node, _ in root.value)
    twice = sorted(key for key, count in counts.items() if count > 1)
    assert not twice, f"defined more than once (the last silently wins): {twice}"


def test_formatting_fills_placeholders_in_both_languages():
    assert t("ui.setup.saved", "da", name="AB") == "Profilen for AB er gemt."
    assert t("ui.setup.saved", "en", name="AB") == "The profile for AB is saved."
