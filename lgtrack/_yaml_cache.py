"""Parsed YAML kept as JSON between runs, keyed by the text's SHA-256.

PyYAML builds its objects in Python even with the C parser: the message catalogue (180 KB) takes
~0.1 s to load, and a framework as long again, on every run of a command that prints a line.
JSON of the same data loads in ~2 ms. Any edit to the text changes its key, so a stale entry is
never read; the entries are in the user's cache folder (nothing personal: they hold only what
lgtrack and its frameworks ship or the user installed). A cache that cannot be read or written
only costs time, never a failure.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def cached(kind: str, source: str) -> Any:
    """The data parsed from ``source`` by an earlier run (``kind`` is a folder, e.g.
    ``"frameworks"``), or None."""
    try:
        return json.loads(_entry(kind, source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def keep(kind: str, source: str, data: Any) -> None:
    """Remember ``data``, parsed from ``source``, for later runs (unless JSON would change it)."""
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:  # YAML dates or non-text keys would not survive JSON
            return
        target = _entry(kind, source)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except (OSError, TypeError, ValueError):
        pass  # the cache only saves time; never fail because of it


def _entry(kind: str, source: str) -> Path:
    from platformdirs import user_cache_path

    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return user_cache_path("lgtrack", appauthor=False) / kind / f"{digest}.json"
