"""The message catalogue: every text in Danish and English, and every key the code uses exists."""

from __future__ import annotations

import re
import string
from collections import Counter
from pathlib import Path

import pytest
import yaml

from lgtrack.i18n import LANGUAGES, catalogue, t

PACKAGE = Path(__file__).resolve().parent.parent / "lgtrack"
CATALOGUE_FILE = PACKAGE / "messages.yaml"
T_CALL = re.compile(r"""\bt\(\s*["']([^"']+)["']""")
UI_KEY_LITERAL = re.compile(r"""["'](ui\.[a-z0-9_.]*[a-z0-9_])["']""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


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


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_key_has_danish_and_english_text(key):
    entry = catalogue()[key]
    for lang in LANGUAGES:
        assert isinstance(entry.get(lang), str) and entry[lang].strip(), f"{key}: no {lang}"


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_danish_and_english_use_the_same_placeholders(key):
    entry = catalogue()[key]
    assert _fields(entry["da"]) == _fields(entry["en"]), key


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
