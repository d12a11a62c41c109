"""A labelled radio group that the keyboard can drive the WAI-ARIA way (issue #11).

ipywidgets' ``RadioButtons`` draws ``<input type=radio>`` without a shared ``name``: to a
browser each radio is a group of its own, so every choice is a Tab stop and the arrow keys do
nothing. :class:`RadioGroup` draws the same native radios with one name per group inside a
``role=radiogroup`` with an ``aria-label`` (``_radio_group.js``, run by anywidget): the group
is one Tab stop, the arrow keys move and check the choice, and screen readers announce the
checked one. In Python it reads like ``RadioButtons``: ``options`` as (label, value) pairs and
``value`` (None: nothing chosen).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import anywidget
import traitlets

_CSS = """
.lg-radio-group { display: flex; flex-wrap: wrap; gap: 0.15em 1em; padding: 2px 0; }
.lg-radio-group .lg-radio { display: inline-flex; align-items: center; gap: 0.3em;
  font-size: var(--jp-widgets-font-size, 13px); line-height: 1.9; color: inherit; }
.lg-radio-group input { margin: 0; }
"""


class RadioGroup(anywidget.AnyWidget):
    """Radio buttons for ``options`` ((label, value) pairs), named ``label`` for screen
    readers; ``value`` is the chosen option's value, or None."""

    _esm = Path(__file__).with_name("_radio_group.js")
    _css = _CSS
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    index = traitlets.Int(None, allow_none=True).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    value = traitlets.Any(None)

    def __init__(self, options: Sequence[tuple[str, object]], *, label: str = "", **kwargs):
        self._values = [value for _, value in options]
        super().__init__(labels=[text for text, _ in options], label=label, **kwargs)

    @property
    def options(self) -> tuple[tuple[str, object], ...]:
        return tuple(zip(self.labels, self._values, strict=True))

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict) -> object:
        value = proposal["value"]
        if value is not None and value not in self._values:
            raise traitlets.TraitError(f"{value!r} is not one of {self._values!r}")
        return value

    @traitlets.observe("value")
    def _on_value(self, change: dict) -> None:
        value = change["new"]
        self.index = None if value is None else self._values.index(value)

    @traitlets.observe("index")
    def _on_index(self, change: dict) -> None:
        index = change["new"]
        self.value = None if index is None else self._values[index]
