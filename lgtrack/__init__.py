"""lgtrack: a personal leadership-development tracker built on STUK's common leadership foundation.

The core (this package without :mod:`lgtrack.ui`) never imports ipywidgets, IPython or pyplot.
"""

from __future__ import annotations

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
