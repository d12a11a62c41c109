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

__all__ = [
    "App",
    "FeedbackWidget",
    "FrameworkBrowser",
    "GoalsWidget",
    "JournalBrowser",
    "ReflectionWidget",
    "SetupWidget",
]
