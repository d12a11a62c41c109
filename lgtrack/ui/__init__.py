"""Jupyter widgets for lgtrack: the only part of the package that imports ipywidgets.

Each widget takes the journal (and a ``clock`` for "now") and is shown by the notebook::

    from lgtrack import Journal
    from lgtrack.ui import App
    App(Journal.open())
"""

from __future__ import annotations

from .app import App
from .feedback import FeedbackWidget
from .framework_browser import FrameworkBrowser
from .goals import GoalsWidget
from .journal_browser import JournalBrowser
from .reflect import ReflectionWidget
from .setup import SetupWidget

# The pages that draw figures or build reports pull in pandas and matplotlib: load them only
# when asked for, so that `import lgtrack.ui` stays quick.
_LAZY = {
    "CoachWidget": ".coach",
    "CohortWidget": ".cohort",
    "DevelopmentWidget": ".development",
    "ShareWidget": ".share",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "App",
    "CoachWidget",
    "CohortWidget",
    "DevelopmentWidget",
    "ShareWidget",
    "FeedbackWidget",
    "FrameworkBrowser",
    "GoalsWidget",
    "JournalBrowser",
    "ReflectionWidget",
    "SetupWidget",
]
