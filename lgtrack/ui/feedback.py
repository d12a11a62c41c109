"""Feedback received: when, from whom (role, optional name), on which discipline, ratings, text."""

from __future__ import annotations

import ipywidgets as widgets

from .._markup import html
from ..i18n import t
from ..journal import Journal
from ..query import EntryFilter
from ..records import FEEDBACK_ROLES, Feedback
from ._a11y import name_controls
from ._common import (
    Clock,
    FormPage,
    SaveGuard,
    classed,
    discipline_options,
    quiet,
    resolve_lang,
    set_options,
    today_of,
)
from ._html import discipline_name, feedback_html, role_label
from ._ratings import BehaviourRatings

RECENT_SHOWN = 5
_WIDE = widgets.Layout(width="100%")


class FeedbackWidget(FormPage[Feedback]):
    """Record feedback the journal's owner received, with ratings of my level's behaviours."""

    def __init__(self, journal: Journal, *, clock: Clock | None = None, lang: str | None = None):
        super().__init__(journal, clock, lang)
        self._build()
        self._guard = SaveGuard(self._save)
        self._render_labels()
        self._reset_form()
        self.add_class("lg-feedback")

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self._ratings.set_lang(self._lang)
        self._render_labels()
        self._status.value = ""  # no message left in the old language

    def refresh(self) -> None:
        """Re-read the recent feedback from the journal."""
        self._render_recent()

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._labels = {key: widgets.HTML() for key in _LABELS}
        self._day = classed(widgets.DatePicker(), "lg-feedback-day")
        self._role = classed(widgets.Dropdown(), "lg-feedback-role")
        self._name = classed(widgets.Text(layout=_WIDE), "lg-feedback-name")
        self._discipline = classed(widgets.Dropdown(), "lg-feedback-discipline")
        self._text = classed(widgets.Textarea(rows=6, layout=_WIDE), "lg-feedback-text")
        self._private = classed(widgets.Checkbox(indent=False), "lg-feedback-private")
        self._save = classed(
            widgets.Button(button_style="primary", icon="check"), "lg-feedback-save"
        )
        self._status = classed(widgets.HTML(), "lg-feedback-status")
        self._ratings_title = widgets.HTML()
        self._ratings = BehaviourRatings(self._framework, self._lang)
        self._recent_title = widgets.HTML()
        self._recent = classed(widgets.HTML(), "lg-feedback-list")
        left = [self._title]
        for key, field in zip(_LABELS, self._fields(), strict=True):
            left += [self._labels[key], field]
        left.append(self._private)
        body = widgets.HBox(
            [
                widgets.VBox(left, layout=widgets.Layout(flex="1 1 360px", padding="0 1em 0 0")),
                widgets.VBox(
                    [self._ratings_title, self._ratings], layout=widgets.Layout(flex="1 1 360px")
                ),
            ],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        # Save after the ratings, so that on a phone, where the columns stack, and for the
        # keyboard, the ratings come before it (#11); the feedback received comes last.
        self.children = [body, self._save, self._status, self._recent_title, self._recent]
        self._discipline.observe(self._on_discipline_value, "value")
        self._save.on_click(self._on_save_click)
        for field in (*self._fields(), self._private):
            field.observe(self._on_form_value, "value")
        self._ratings.on_change(self._touch)

    def _fields(self) -> tuple[widgets.Widget, ...]:
        return (self._day, self._role, self._name, self._discipline, self._text)

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3>", t("ui.feedback.title", lang))
        for key, label in self._labels.items():
            label.value = html("<b>{}</b>", t(key, lang))
        name_controls(zip((t(key, lang) for key in _LABELS), self._fields(), strict=True))
        self._name.placeholder = t("ui.feedback.name_placeholder", lang)
        self._text.placeholder = t("ui.feedback.text_placeholder", lang)
        self._private.description = t("ui.field.private", lang)
        self._save.description = t("save", lang)
        self._recent_title.value = html("<h4>{}</h4>", t("ui.feedback.recent", lang))
        with quiet(self._role, self._on_form_value):
            set_options(self._role, [(role_label(r, lang), r) for r in FEEDBACK_ROLES])
        options = discipline_options(self._framework, lang)
        with quiet(self._discipline, self._on_discipline_value):
            set_options(self._discipline, options, self._discipline.value or options[0][1])
        self._render_discipline()
        self._render_recent()

    def _render_discipline(self) -> None:
        discipline = self._discipline.value
        name = discipline_name(self._framework, discipline, self._lang)
        title = t("ui.feedback.rate_title", self._lang, discipline=name)
        self._ratings_title.value = html("<h4>{}</h4>", title)
        behaviours = self._framework.discipline(discipline).behaviours_for(self._leader.level)
        self._ratings.show(behaviours)

    def _render_recent(self) -> None:
        items = self._journal.feedback(EntryFilter(limit=RECENT_SHOWN))
        self._recent.value = feedback_html(self._framework, items, self._lang)

    def _on_discipline_value(self, _change: dict) -> None:
        self._ratings.reset()
        self._render_discipline()
        self._touch()

    def _problem(self) -> str | None:
        lang = self._lang
        day = self._day.value
        if day is None:
            return t("ui.feedback.error.day", lang)
        if day > today_of(self._clock):
            return t("ui.feedback.error.future", lang)
        return None  # the rest is the journal's validation, worded as everywhere else

    def _add(self) -> Feedback:
        item = Feedback(
            day=self._day.value,
            role=self._role.value,
            discipline=self._discipline.value,
            text=self._text.value.strip(),
            ratings=self._ratings.ratings(),
            name=self._name.value.strip(),
            private=self._private.value,
        )
        return self._journal.add_feedback(item)

    def _after_save(self, stored: Feedback) -> str:
        self._reset_form()
        self._render_recent()
        return t("ui.feedback.saved", self._lang, role=role_label(stored.role, self._lang))

    def _reset_form(self) -> None:
        self._day.value = today_of(self._clock)
        self._role.value = FEEDBACK_ROLES[0]
        self._name.value = ""
        self._text.value = ""
        self._private.value = False
        self._ratings.reset()


_LABELS = (
    "ui.feedback.field.day",
    "ui.feedback.field.role",
    "ui.feedback.field.name",
    "ui.field.discipline",
    "ui.feedback.field.text",
)
