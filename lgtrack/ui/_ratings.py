"""Rating radio groups for a list of behaviours: 1–5 plus "ved ikke"; no answer means not rated."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets

from .._markup import html
from ..framework import Behaviour, Framework
from ..i18n import t
from ..records import Rating
from ._common import classed
from ._html import score_text
from ._radio_group import RadioGroup

DONT_KNOW = "?"  # the value of "ved ikke"; stored as Rating(behaviour, None)


def rating_class(behaviour_id: str) -> str:
    """The CSS class of a behaviour's buttons: ``lg-rating-strategic-g1``."""
    return "lg-rating-" + behaviour_id.replace(".", "-")


class BehaviourRatings(widgets.VBox):
    """One row per behaviour: its text and a radio group 1–5 ("4 – Meget ofte") and "Ved ikke".

    :meth:`ratings` returns only the answered behaviours; "Ved ikke" gives ``score=None``.
    """

    def __init__(self, framework: Framework, lang: str = "da"):
        super().__init__()
        self._framework = framework
        self._lang = lang
        self._behaviours: tuple[Behaviour, ...] = ()
        self._toggles: dict[str, RadioGroup] = {}
        self._listeners: list[Callable[[], None]] = []
        self._by_discipline = False
        self._clear = classed(widgets.Button(icon="eraser"), "lg-ratings-clear")
        self._clear.on_click(self._on_clear_click)
        self.add_class("lg-ratings")

    @property
    def toggles(self) -> dict[str, RadioGroup]:
        """The radio groups by behaviour id (value 1–5, ``DONT_KNOW`` or None)."""
        return dict(self._toggles)

    def show(self, behaviours: Sequence[Behaviour], *, by_discipline: bool = False) -> None:
        """Show rows for ``behaviours``; answers already given to the same ids are kept.

        ``by_discipline`` heads each discipline's rows with its name (several disciplines)."""
        kept = {bid: toggle.value for bid, toggle in self._toggles.items()}
        self._behaviours = tuple(behaviours)
        self._by_discipline = by_discipline
        self._toggles = {}
        rows: list[widgets.Widget] = []
        group: object = object()
        discipline: str | None = None
        for behaviour in self._behaviours:
            if by_discipline and behaviour.discipline != discipline:
                discipline, group = behaviour.discipline, object()  # levels start again below it
                rows.append(widgets.HTML(self._discipline_heading(discipline)))
            if behaviour.level != group:
                group = behaviour.level
                rows.append(widgets.HTML(self._heading(behaviour)))
            rows.append(self._row(behaviour, kept.get(behaviour.id)))
        self._clear.description = t("ui.ratings.clear", self._lang)
        self.children = [*rows, self._clear] if rows else []

    def ratings(self) -> tuple[Rating, ...]:
        """Answered behaviours in display order; "Ved ikke" as ``Rating(id, None)``."""
        answered = []
        for behaviour in self._behaviours:
            value = self._toggles[behaviour.id].value
            if value is not None:
                answered.append(Rating(behaviour.id, None if value == DONT_KNOW else int(value)))
        return tuple(answered)

    def reset(self) -> None:
        for toggle in self._toggles.values():
            toggle.value = None

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        self.show(self._behaviours, by_discipline=self._by_discipline)

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever an answer changes."""
        self._listeners.append(callback)

    def _discipline_heading(self, discipline: str) -> str:
        name = self._framework.discipline_name(discipline, self._lang)
        return html('<h4 class="lg-ratings-discipline" style="margin:0.9em 0 0.1em">{}</h4>', name)

    def _heading(self, behaviour: Behaviour) -> str:
        if behaviour.level is None:
            text = t("ui.ratings.general", self._lang)
        else:
            level = self._framework.level(behaviour.level).name.get(self._lang)
            text = t("ui.ratings.level", self._lang, level=level)
        return html('<h4 class="lg-ratings-group" style="margin:0.6em 0 0.1em">{}</h4>', text)

    def _row(self, behaviour: Behaviour, value: object) -> widgets.VBox:
        # A radio group: each choice is announced with its meaning ("4 – Meget ofte") and the
        # chosen one as checked, which toggle buttons showing "1"…"5" could not say, and the
        # arrow keys move the choice (#11).
        scale = self._framework.scale
        options = [(score_text(self._framework, v, self._lang), v) for v in scale.values]
        toggle = RadioGroup(
            [*options, (t("dont_know", self._lang), DONT_KNOW)],
            label=behaviour.text.get(self._lang),
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        classed(toggle, "lg-rating", rating_class(behaviour.id))
        if value is not None:
            toggle.value = value
        toggle.observe(self._on_toggle_value, "value")
        self._toggles[behaviour.id] = toggle
        label = widgets.HTML(
            html('<div style="line-height:1.3">{}</div>', behaviour.text.get(self._lang))
        )
        return classed(widgets.VBox([label, toggle]), "lg-rating-row")

    def _on_toggle_value(self, _change: dict) -> None:
        for callback in self._listeners:
            callback()

    def _on_clear_click(self, _button: widgets.Button) -> None:
        self.reset()
