"""Fixtures shared by the test files."""

from __future__ import annotations

import pytest
from ipywidgets.widgets.widget import CallbackDispatcher


@pytest.fixture(autouse=True)
def strict_callbacks(monkeypatch):
    """A failing widget event handler fails the test (ipywidgets itself would only log it)."""

    def call(self, *args, **kwargs):
        for callback in self.callbacks:
            callback(*args, **kwargs)

    monkeypatch.setattr(CallbackDispatcher, "__call__", call)
