"""The reflection page: a guided reflection in five minutes.

Left: the day (today by default; an earlier day for a reflection written later, never a day to
come), the discipline (the suggested one marked) and any others the reflection is also about, a
prompt, the text, the next step, tags, "private" and save. Right: my level's behaviours for every
chosen discipline with rating buttons, then my open goals, the latest feedback and my latest
reflections in the first discipline. That is what ``lgtrack reflect`` can do too.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from .._markup import html
from ..i18n import t
from ..journal import Journal
from ..prompts import Prompt, prompt_at
from ..query import EntryFilter
from ..records import Reflection
from ..suggest import suggest_discipline
from ._a11y import name_controls
from ._common import (
    Clock,
    FormPage,
    SaveGuard,
    classed,
    discipline_options,
    hide,
    parse_tags,
    quiet,
    resolve_lang,
    set_options,
    today_of,
)
from ._html import context_html, discipline_name
from ._ratings import BehaviourRatings

CONTEXT_ITEMS = 3  # how many feedback items and reflections the side panel shows


class ReflectionWidget(FormPage[Reflection]):
    """Write and save a reflection for the journal's owner.

    ``clock`` fixes "now" (default: the journal's clock); ``lang`` defaults to the profile's.
    """

    def __init__(self, journal: Journal, *, clock: Clock | None = None, lang: str | None = None):
        super().__init__(journal, clock, lang)
        self._suggested = suggest_discipline(journal, today_of(self._clock))
        self._prompt_index = 0
        self._build()
        self._guard = SaveGuard(self._save)
        self._render_labels()
        self._reset_form()
        self.add_class("lg-reflect")

    # -- public API ----------------------------------------------------------------------------

    @property
    def discipline(self) -> str:
        """The discipline being reflected on."""
        return self._discipline.value

    @property
    def disciplines(self) -> tuple[str, ...]:
        """Every discipline the reflection is about: the chosen one first, then the others
        ticked, in the framework's order."""
        primary = self._discipline.value
        return (primary, *(d for d, box in self._also.items() if box.value and d != primary))

    @property
    def day(self) -> date | None:
        """The day the reflection is about."""
        return self._day.value

    @property
    def suggested(self) -> str:
        """The discipline suggested as least reflected on lately."""
        return self._suggested

    @property
    def prompt(self) -> str:
        """The prompt shown, in the current language."""
        return self._current_prompt().text.get(self._lang)

    def select(self, discipline: str) -> None:
        self._discipline.value = discipline

    def set_lang(self, lang: str) -> None:
        """Show every label in ``lang`` (``da`` or ``en``); what was typed stays."""
        self._lang = resolve_lang(None, lang)
        self._ratings.set_lang(self._lang)
        self._render_labels()
        self._status.value = ""

    def refresh(self) -> None:
        """Re-read the journal: the suggestion and the side panel."""
        self._suggested = suggest_discipline(self._journal, today_of(self._clock))
        self._render_labels()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._labels = {
            key: widgets.HTML()
            for key in (
                "ui.reflect.field.day",
                "ui.field.discipline",
                "ui.reflect.field.also",
                "ui.field.text",
                "ui.field.next_step",
                "ui.field.tags",
            )
        }
        self._day = classed(widgets.DatePicker(), "lg-reflect-day")
        self._discipline = classed(widgets.Dropdown(), "lg-reflect-discipline")
        self._also = {
            d.id: classed(
                widgets.Checkbox(indent=False, layout=widgets.Layout(width="auto")),
                "lg-reflect-also",
                "lg-reflect-also-" + d.id.replace(".", "-"),
            )
            for d in self._framework.disciplines
        }
        also = widgets.HBox(list(self._also.values()), layout=widgets.Layout(flex_flow="row wrap"))
        self._prompt = classed(widgets.HTML(), "lg-reflect-prompt")
        self._new_prompt = classed(widgets.Button(icon="refresh"), "lg-reflect-new-prompt")
        self._text = classed(
            widgets.Textarea(rows=9, layout=widgets.Layout(width="100%")), "lg-reflect-text"
        )
        self._next_step = classed(
            widgets.Text(layout=widgets.Layout(width="100%")), "lg-reflect-next-step"
        )
        self._tags = classed(widgets.Text(layout=widgets.Layout(width="100%")), "lg-reflect-tags")
        self._private = classed(widgets.Checkbox(indent=False), "lg-reflect-private")
        self._save = classed(
            widgets.Button(button_style="primary", icon="check"), "lg-reflect-save"
        )
        self._status = classed(widgets.HTML(), "lg-reflect-status")
        self._ratings_title = widgets.HTML()
        self._ratings = BehaviourRatings(self._framework, self._lang)
        self._context = classed(widgets.HTML(), "lg-reflect-context")
        left = widgets.VBox(
            [
                self._labels["ui.reflect.field.day"],
                self._day,
                self._labels["ui.field.discipline"],
                self._discipline,
                self._labels["ui.reflect.field.also"],
                classed(also, "lg-reflect-disciplines"),
                self._prompt,
                self._new_prompt,
                self._labels["ui.field.text"],
                self._text,
                self._labels["ui.field.next_step"],
                self._next_step,
                self._labels["ui.field.tags"],
                self._tags,
                self._private,
            ],
            layout=widgets.Layout(flex="1 1 380px", padding="0 1em 0 0"),
        )
        right = widgets.VBox(
            [self._ratings_title, self._ratings],
            layout=widgets.Layout(flex="1 1 380px"),
        )
        body = widgets.HBox([classed(left, "lg-reflect-left"), classed(right, "lg-reflect-right")])
        body.layout.flex_flow = "row wrap"
        # Save after the ratings, so that on a phone, where the columns stack, and for the
        # keyboard, the ratings come before it (#11); the context panel comes last.
        self.children = [self._title, body, self._save, self._status, self._context]
        self._discipline.observe(self._on_discipline_value, "value")
        for box in self._also.values():
            box.observe(self._on_also_value, "value")
        self._new_prompt.on_click(self._on_new_prompt_click)
        self._save.on_click(self._on_save_click)
        for field in (self._day, self._text, self._next_step, self._tags, self._private):
            field.observe(self._on_form_value, "value")
        self._ratings.on_change(self._touch)

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3>", t("ui.reflect.title", lang))
        for key, widget in self._labels.items():
            widget.value = html("<b>{}</b>", t(key, lang))
        controls = {
            "ui.reflect.field.day": self._day,
            "ui.field.discipline": self._discipline,
            "ui.field.text": self._text,
            "ui.field.next_step": self._next_step,
            "ui.field.tags": self._tags,
        }
        name_controls((t(key, lang), control) for key, control in controls.items())
        self._text.placeholder = t("ui.reflect.text_placeholder", lang)
        self._next_step.placeholder = t("ui.reflect.next_step_placeholder", lang)
        self._tags.placeholder = t("ui.field.tags_placeholder", lang)
        self._private.description = t("ui.field.private", lang)
        self._save.description = t("save", lang)
        self._new_prompt.description = t("ui.reflect.new_prompt", lang)
        for discipline, box in self._also.items():
            box.description = discipline_name(self._framework, discipline, lang)
        options = discipline_options(self._framework, lang, self._suggested)
        with quiet(self._discipline, self._on_discipline_value):
            set_options(self._discipline, options, self._discipline.value or self._suggested)
        self._render_discipline()

    def _render_discipline(self) -> None:
        """The prompt, the behaviours and the side panel for the chosen discipline."""
        lang, discipline = self._lang, self._discipline.value
        self._prompt.value = html(
            '<blockquote style="margin:0.5em 0;padding:0.4em 0.8em;border-left:4px solid #1565c0;'
            'background:#f3f6fb">{}</blockquote>',
            self.prompt,
        )
        for other, box in self._also.items():  # the chosen discipline is not "also"
            hide(box, other == discipline)
        self._render_ratings()
        self._context.value = context_html(
            self._framework,
            self._journal.goals(EntryFilter(discipline=discipline), status="open"),
            self._journal.feedback(EntryFilter(discipline=discipline, limit=CONTEXT_ITEMS)),
            self._journal.reflections(EntryFilter(discipline=discipline, limit=CONTEXT_ITEMS)),
            lang,
        )

    def _render_ratings(self) -> None:
        """The behaviours of every chosen discipline, each under its discipline's name."""
        chosen = self.disciplines
        names = ", ".join(discipline_name(self._framework, d, self._lang) for d in chosen)
        rate_title = t("ui.reflect.rate_title", self._lang, discipline=names)
        self._ratings_title.value = html("<h4>{}</h4>", rate_title)
        level = self._leader.level
        behaviours = [
            b for d in chosen for b in self._framework.discipline(d).behaviours_for(level)
        ]
        self._ratings.show(behaviours, by_discipline=len(chosen) > 1)

    def _current_prompt(self) -> Prompt:
        return prompt_at(
            self._discipline.value, self._prompt_index, framework_id=self._framework.id
        )

    # -- events --------------------------------------------------------------------------------

    def _on_discipline_value(self, change: dict) -> None:
        box = self._also.get(change["new"])
        if box is not None and box.value:  # now the chosen one: no longer "also"
            with quiet(box, self._on_also_value):
                box.value = False
        self._prompt_index = today_of(self._clock).toordinal()
        self._ratings.reset()
        self._render_discipline()
        self._touch()

    def _on_also_value(self, _change: dict) -> None:
        self._render_ratings()  # answers to behaviours still shown are kept
        self._touch()

    def _on_new_prompt_click(self, _button: widgets.Button) -> None:
        self._prompt_index += 1
        self._render_discipline()

    # -- saving --------------------------------------------------------------------------------

    def _problem(self) -> str | None:
        """The day, which only the page can judge (it knows today); the rest is the journal's
        validation, which refuses a bad reflection with the words the command line uses."""
        day = self._day.value
        if day is None:
            return t("ui.reflect.error.day", self._lang)
        if day > today_of(self._clock):
            return t("ui.reflect.error.future", self._lang)
        return None

    def _add(self) -> Reflection:
        reflection = Reflection(
            day=self._day.value,
            disciplines=self.disciplines,
            text=self._text.value.strip(),
            prompt=self.prompt,
            ratings=self._ratings.ratings(),
            tags=parse_tags(self._tags.value),
            next_step=self._next_step.value.strip(),
            private=self._private.value,
        )
        return self._journal.add_reflection(reflection)

    def _after_save(self, stored: Reflection) -> str:
        name = ", ".join(
            discipline_name(self._framework, d, self._lang) for d in stored.disciplines
        )
        self._suggested = suggest_discipline(self._journal, today_of(self._clock))
        self._reset_form()
        return t("ui.reflect.saved", self._lang, discipline=name, day=stored.day.isoformat())

    def _reset_form(self) -> None:
        self._day.value = today_of(self._clock)
        for box in self._also.values():
            with quiet(box, self._on_also_value):
                box.value = False
        self._text.value = ""
        self._next_step.value = ""
        self._tags.value = ""
        self._private.value = False
        options = discipline_options(self._framework, self._lang, self._suggested)
        with quiet(self._discipline, self._on_discipline_value):
            set_options(self._discipline, options, self._suggested)
        self._prompt_index = today_of(self._clock).toordinal()
        self._ratings.reset()
        self._render_discipline()
