"""lgtrack: a personal leadership-development tracker built on STUK's common leadership foundation.

The core (this package without :mod:`lgtrack.ui`) never imports ipywidgets, IPython or pyplot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The public names load on first use (PEP 562): a command line that lists a few entries must
# not pay for importing the whole core (#15). ``from lgtrack import Journal`` works as before.
_EXPORTS = {
    "FrameworkError": "errors",
    "ImportFileError": "errors",
    "LgtrackError": "errors",
    "NotFoundError": "errors",
    "StoreError": "errors",
    "ValidationError": "errors",
    "Behaviour": "framework",
    "Discipline": "framework",
    "Framework": "framework",
    "Level": "framework",
    "Text": "framework",
    "bundled_frameworks": "framework",
    "load_framework": "framework",
    "Journal": "journal",
    "open_journal": "journal",
    "EntryFilter": "query",
    "CheckIn": "records",
    "Feedback": "records",
    "Goal": "records",
    "Leader": "records",
    "Rating": "records",
    "Reflection": "records",
}

if TYPE_CHECKING:
    from .errors import (
        FrameworkError,
        ImportFileError,
        LgtrackError,
        NotFoundError,
        StoreError,
        ValidationError,
    )
    from .framework import (
        Behaviour,
        Discipline,
        Framework,
        Level,
        Text,
        bundled_frameworks,
        load_framework,
    )
    from .journal import Journal, open_journal
    from .query import EntryFilter
    from .records import CheckIn, Feedback, Goal, Leader, Rating, Reflection


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lgtrack' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__version__ = "0.1.0"

__all__ = [
    "Behaviour",
    "CheckIn",
    "Discipline",
    "EntryFilter",
    "Feedback",
    "Framework",
    "FrameworkError",
    "Goal",
    "ImportFileError",
    "Journal",
    "Leader",
    "Level",
    "LgtrackError",
    "NotFoundError",
    "Rating",
    "Reflection",
    "StoreError",
    "Text",
    "ValidationError",
    "__version__",
    "bundled_frameworks",
    "load_framework",
    "open_journal",
]
