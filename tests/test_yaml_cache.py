"""Parsed YAML is kept as JSON between runs (#15): the message catalogue and frameworks load in
milliseconds, an edited text is never served from a stale entry, and a broken cache only costs
time."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import yaml

from lgtrack import _yaml_cache
from lgtrack.i18n import _CATALOGUE


def test_a_kept_parse_is_found_again_by_its_text_only():
    source = "a: 1\nb: [x, æøå]\n"
    assert _yaml_cache.cached("tests", source) is None
    _yaml_cache.keep("tests", source, {"a": 1, "b": ["x", "æøå"]})
    assert _yaml_cache.cached("tests", source) == {"a": 1, "b": ["x", "æøå"]}
    assert _yaml_cache.cached("tests", source + " ") is None  # an edit is another text
    assert _yaml_cache.cached("other", source) is None


def test_data_that_json_would_change_is_not_kept():
    source = "day: 2026-01-02\n"
    _yaml_cache.keep("tests", source, {"day": date(2026, 1, 2)})
    _yaml_cache.keep("tests", "1: a\n", {1: "a"})  # JSON would make the key text
    assert _yaml_cache.cached("tests", source) is None
    assert _yaml_cache.cached("tests", "1: a\n") is None


def test_a_damaged_entry_is_ignored_and_a_full_folder_only_costs_time(tmp_path, monkeypatch):
    source = "x: 2\n"
    _yaml_cache.keep("tests", source, {"x": 2})
    _yaml_cache._entry("tests", source).write_text('{"x": ', encoding="utf-8")
    assert _yaml_cache.cached("tests", source) is None
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    _yaml_cache.keep("tests", source, {"x": 2})  # cannot write: no error
    assert _yaml_cache.cached("tests", source) is None


def _catalogue_in_a_new_process() -> dict:
    code = (
        "import json, sys\nfrom lgtrack.i18n import catalogue\n"
        "print(json.dumps(catalogue(), ensure_ascii=False))\n"
        "print(json.dumps('yaml' in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          encoding="utf-8", check=True)  # fmt: skip
    messages, loaded_yaml = done.stdout.splitlines()
    return {"messages": json.loads(messages), "yaml": json.loads(loaded_yaml)}


def test_the_catalogue_is_parsed_once_then_read_from_the_cache():
    expected = yaml.safe_load(_CATALOGUE.read_text(encoding="utf-8"))
    source = _CATALOGUE.read_text(encoding="utf-8")
    entry = _yaml_cache._entry("messages", source)
    entry.unlink(missing_ok=True)
    first = _catalogue_in_a_new_process()
    assert first == {"messages": expected, "yaml": True} and entry.is_file()
    second = _catalogue_in_a_new_process()
    assert second == {"messages": expected, "yaml": False}  # PyYAML not even imported
