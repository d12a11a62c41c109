"""The effektbillede section of "Min udvikling": a reminder when an answer is due (a quarter
since the last), the six effects to rate 1–5 or "ved ikke", and my answers over time (#13)."""

from __future__ import annotations

import ipywidgets as widgets

from .._markup import html
from ..effects import effect_rows, effects_status
from ..errors import LgtrackError
from ..i18n import t
from ..journal import Journal
from ..plots.effects import effects_frame, plot_effects
from ..records import EffectAnswer
from ._a11y import name_control
from ._common import Clock, classed, error_message, resolve_lang, status_html, today_of
from ._html import score_text

DONT_KNOW = "?"


class EffectsWidget(widgets.VBox):
    """Rate the framework's effects and see the answers so far; ``clock`` fixes "today"."""

    def __init__(self, journal: Journal, *, clock: Clock | None = None, lang: str | None = None):
        super().__init__()
        self._journal = journal
        self._clock = clock or journal.clock
        self._lang = resolve_lang(journal, lang)
        self._title = classed(widgets.HTML(), "lg-effects-title")
        self._reminder = classed(widgets.HTML(), "lg-effects-reminder")
        self._rows = classed(widgets.VBox(), "lg-effects-rows")
        self._toggles: dict[str, widgets.RadioButtons] = {}
        self._save = classed(widgets.Button(button_style="primary"), "lg-effects-save")
        self._status = classed(widgets.HTML(), "lg-effects-status")
        self._plot = classed(widgets.Output(), "lg-effects-plot")
        self._figure = None
        self._save.on_click(self._on_save_click)
        self.add_class("lg-effects")
        self.refresh()

    @property
    def figure(self):
        return self._figure

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self.refresh()

    def refresh(self) -> None:
        me = self._journal.me()
        if me is None:
            self.children = []
            return
        framework = self._journal.framework()
        kept = {effect: toggle.value for effect, toggle in self._toggles.items()}
        self._title.value = html("<h3>{}</h3><p>{}</p>", t("effects.title", self._lang),
                                 t("effects.question", self._lang))  # fmt: skip
        self._toggles = {}
        rows = []
        for effect in framework.effects:
            options = [(score_text(framework, v, self._lang), v) for v in framework.scale.values]
            toggle = classed(
                widgets.RadioButtons(options=[*options, (t("dont_know", self._lang), DONT_KNOW)],
                                     value=kept.get(effect.id),
                                     layout=widgets.Layout(width="auto", max_width="100%")),
                "lg-effect-rating", f"lg-effect-{effect.id}",
            )  # fmt: skip
            name_control(toggle, effect.text.get(self._lang))
            self._toggles[effect.id] = toggle
            label = widgets.HTML(html("<b>{}</b> {}", effect.id, effect.text.get(self._lang)))
            rows.append(widgets.VBox([label, toggle]))
        self._rows.children = rows
        self._save.description = t("save", self._lang)
        answers = self._journal.effect_answers()
        self._reminder.value = self._reminder_html(answers)
        self._draw(answers, framework)
        self.children = [self._title, self._reminder, self._rows, self._save, self._status,
                         self._plot]  # fmt: skip

    def _reminder_html(self, answers) -> str:
        status = effects_status(answers, today_of(self._clock))
        if status.last_day is None:
            return status_html("info", t("effects.due_first", self._lang))
        if status.due:
            return status_html(
                "info", t("effects.due", self._lang, day=status.last_day.isoformat())
            )
        return status_html("ok", t("effects.next_due", self._lang, day=status.last_day.isoformat(),
                                   next=status.next_due.isoformat()))  # fmt: skip

    def _draw(self, answers, framework) -> None:
        from ._figures import figure_output

        frame = effects_frame(effect_rows(answers))
        self._figure = plot_effects(frame, framework, lang=self._lang)
        narrow = plot_effects(frame, framework, lang=self._lang, layout="narrow")
        alt = t("effects.plot_title", self._lang)
        self._plot.outputs = ()
        self._plot.outputs = (figure_output(self._figure, narrow, alt),)

    def _on_save_click(self, _button: widgets.Button) -> None:
        scores = {
            effect: None if toggle.value == DONT_KNOW else int(toggle.value)
            for effect, toggle in self._toggles.items()
            if toggle.value is not None
        }
        day = today_of(self._clock)
        try:
            self._journal.add_effect_answer(EffectAnswer(day=day, scores=scores))
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))
            return
        for toggle in self._toggles.values():
            toggle.value = None
        self.refresh()
        self._status.value = status_html("ok", t("effects.saved", self._lang, day=day.isoformat()))
