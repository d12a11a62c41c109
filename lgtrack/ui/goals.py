"""Goals tied to behaviours: create one, follow open goals with check-ins, close them."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from .._markup import Markup, html, join
from ..errors import LgtrackError
from ..i18n import t
from ..journal import Journal
from ..records import Goal
from ._a11y import name_controls
from ._common import (
    Clock,
    FormPage,
    SaveGuard,
    classed,
    discipline_options,
    error_message,
    quiet,
    resolve_lang,
    set_options,
    snippet,
    status_html,
    today_of,
)
from ._html import STATUS_KEYS, behaviour_text, discipline_name

CLOSED_SHOWN = 10
_WIDE = widgets.Layout(width="100%")


class _GoalRow(widgets.VBox):
    """One open goal: what it is, a progress bar, a check-in and the close buttons."""

    def __init__(self, goal: Goal, summary: str, lang: str, owner: GoalsWidget):
        super().__init__()
        self.goal = goal
        self._owner = owner
        self._summary = classed(widgets.HTML(summary), "lg-goal-summary")
        self._bar = classed(
            widgets.IntProgress(
                value=goal.progress, min=0, max=100, description=f"{goal.progress}%"
            ),
            "lg-goal-progress",
        )
        self.progress = classed(
            # A number field, not a slider: ipywidgets' slider handle cannot carry a name for
            # screen readers, and a field is easier to set on a phone.
            widgets.BoundedIntText(
                value=goal.progress,
                min=0,
                max=100,
                step=5,
                description=t("ui.goals.field.progress", lang),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="14em"),
            ),
            "lg-goal-checkin-progress",
        )
        self.note = classed(
            widgets.Text(placeholder=t("ui.goals.checkin_note", lang), layout=_WIDE),
            "lg-goal-checkin-note",
        )
        self.check_in = classed(
            widgets.Button(
                description=t("ui.goals.check_in", lang),
                icon="line-chart",
                layout=widgets.Layout(width="auto"),
            ),
            "lg-goal-checkin",
        )
        self.achieved = classed(
            widgets.Button(description=t("ui.goals.mark_achieved", lang), button_style="success"),
            "lg-goal-achieved",
        )
        self.dropped = classed(
            widgets.Button(description=t("ui.goals.mark_dropped", lang)), "lg-goal-dropped"
        )
        self.check_in.on_click(lambda _b: owner._on_row_check_in(self))
        self.achieved.on_click(lambda _b: owner._on_row_close(self, "achieved"))
        self.dropped.on_click(lambda _b: owner._on_row_close(self, "dropped"))
        self.children = [
            self._summary,
            self._bar,
            widgets.HBox([self.progress, self.check_in]),
            self.note,
            widgets.HBox([self.achieved, self.dropped]),
        ]
        self.layout = widgets.Layout(border="1px solid #ddd", padding="0.4em", margin="0.3em 0")
        self.add_class("lg-goal-row")


class GoalsWidget(FormPage[Goal]):
    """Set goals tied to my level's behaviours and follow them up (``on_saved`` also hears of
    check-ins and closed goals)."""

    def __init__(self, journal: Journal, *, clock: Clock | None = None, lang: str | None = None):
        super().__init__(journal, clock, lang)
        self._rows: list[_GoalRow] = []
        self._build()
        self._guard = SaveGuard(self._add_button)
        self._render_labels()
        self.add_class("lg-goals")

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self._render_labels()
        self._status.value = self._list_status.value = ""  # no message left in the old language

    def refresh(self) -> None:
        """Re-read the goals from the journal."""
        self._render_goals()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._form_title = widgets.HTML()
        self._labels = {key: widgets.HTML() for key in _FORM_LABELS}
        self._discipline = classed(widgets.Dropdown(), "lg-goal-discipline")
        self._behaviours = classed(
            widgets.SelectMultiple(rows=6, layout=_WIDE), "lg-goal-behaviours"
        )
        self._goal_title = classed(widgets.Text(layout=_WIDE), "lg-goal-title")
        self._why = classed(widgets.Textarea(rows=2, layout=_WIDE), "lg-goal-why")
        self._success = classed(widgets.Textarea(rows=2, layout=_WIDE), "lg-goal-success")
        self._due = classed(widgets.DatePicker(), "lg-goal-due")
        self._private = classed(widgets.Checkbox(indent=False), "lg-goal-private")
        self._add_button = classed(
            widgets.Button(button_style="primary", icon="plus"), "lg-goal-add"
        )
        self._status = classed(widgets.HTML(), "lg-goal-status")
        self._open_title = widgets.HTML()
        self._list = classed(widgets.VBox(), "lg-goal-list")
        self._list_status = classed(widgets.HTML(), "lg-goal-list-status")
        self._closed = classed(widgets.HTML(), "lg-goal-closed")
        form = [self._form_title]
        for key, field in zip(_FORM_LABELS, self._fields(), strict=True):
            form += [self._labels[key], field]
        form += [self._private, self._add_button, self._status]
        left = widgets.VBox(form, layout=widgets.Layout(flex="1 1 360px", padding="0 1em 0 0"))
        right = widgets.VBox(
            [self._open_title, self._list_status, self._list, self._closed],
            layout=widgets.Layout(flex="1 1 360px"),
        )
        body = widgets.HBox([classed(left, "lg-goal-form"), right])
        body.layout.flex_flow = "row wrap"
        self.children = [self._title, body]
        self._discipline.observe(self._on_discipline_value, "value")
        self._add_button.on_click(self._on_save_click)
        for field in self._fields():
            field.observe(self._on_form_value, "value")

    def _fields(self) -> tuple[widgets.Widget, ...]:
        return (
            self._goal_title,
            self._discipline,
            self._behaviours,
            self._why,
            self._success,
            self._due,
        )

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3>", t("ui.goals.title", lang))
        self._form_title.value = html("<h4>{}</h4>", t("ui.goals.new", lang))
        for key, label in self._labels.items():
            label.value = html("<b>{}</b>", t(key, lang))
        labels = (t(key, lang) for key in _FORM_LABELS)
        name_controls(zip(labels, self._fields(), strict=True))
        self._goal_title.placeholder = t("ui.goals.title_placeholder", lang)
        self._private.description = t("ui.field.private", lang)
        self._add_button.description = t("ui.goals.add", lang)
        self._open_title.value = html("<h4>{}</h4>", t("ui.goals.open", lang))
        options = discipline_options(self._framework, lang)
        with quiet(self._discipline, self._on_discipline_value):
            set_options(self._discipline, options, self._discipline.value or options[0][1])
        self._render_behaviours(keep=self._behaviours.value)
        self._render_goals()

    def _render_behaviours(self, keep: tuple[str, ...] = ()) -> None:
        discipline = self._framework.discipline(self._discipline.value)
        options = [
            (snippet(b.text.get(self._lang), 110), b.id)
            for b in discipline.behaviours_for(self._leader.level)
        ]
        self._behaviours.options = options
        self._behaviours.value = tuple(v for v in keep if v in {o[1] for o in options})

    def _render_goals(self) -> None:
        lang = self._lang
        self._rows = [
            _GoalRow(goal, self._summary(goal), lang, self)
            for goal in self._journal.goals(status="open")
        ]
        empty = widgets.HTML(html("<p><i>{}</i></p>", t("ui.goals.none_open", lang)))
        self._list.children = self._rows or [empty]
        closed = sorted(  # the most recently closed first, as the dates shown read
            (g for g in self._journal.goals() if g.status != "open"),
            key=lambda g: g.closed_on or date.min,
            reverse=True,
        )[:CLOSED_SHOWN]
        items = join(
            html(
                "<li>{} – {}{}</li>",
                g.title,
                t(STATUS_KEYS[g.status], lang),
                f" {g.closed_on.isoformat()}" if g.closed_on else "",
            )
            for g in closed
        )
        title = t("ui.goals.closed", lang)
        self._closed.value = html("<h4>{}</h4><ul>{}</ul>", title, items) if closed else ""

    def _summary(self, goal: Goal) -> Markup:
        lang = self._lang
        discipline = discipline_name(self._framework, goal.discipline, lang)
        parts = [html("<b>{}</b> · {}", goal.title, discipline)]
        if goal.due:
            parts.append(html("<br>{}", t("ui.goal.due", lang, day=goal.due.isoformat())))
            if goal.due < today_of(self._clock):
                overdue = t("ui.goal.overdue", lang)
                parts.append(
                    html(' – <b class="lg-goal-overdue" style="color:#b71c1c">{}</b>', overdue)
                )
        if goal.behaviours:
            texts = join(
                html("<li>{}</li>", behaviour_text(self._framework, b, lang))
                for b in goal.behaviours
            )
            parts.append(html("<ul style='margin:0.2em 0'>{}</ul>", texts))
        if goal.success:
            label = t("ui.goals.success", lang)
            parts.append(html("<div><b>{}:</b> {}</div>", label, snippet(goal.success, 200)))
        return join(parts)

    # -- events --------------------------------------------------------------------------------

    def _on_discipline_value(self, _change: dict) -> None:
        self._render_behaviours()

    def _problem(self) -> str | None:
        # A new goal due in the past is a slip of the date picker (an import may hold one);
        # the rest is the journal's validation, worded as everywhere else.
        if self._due.value is not None and self._due.value < today_of(self._clock):
            return t("ui.goals.error.due_past", self._lang)
        return None

    def _add(self) -> Goal:
        goal = Goal(
            discipline=self._discipline.value,
            title=self._goal_title.value.strip(),
            behaviours=tuple(self._behaviours.value),
            why=self._why.value.strip(),
            success=self._success.value.strip(),
            due=self._due.value,
            private=self._private.value,
        )
        return self._journal.add_goal(goal)

    def _after_save(self, stored: Goal) -> str:
        for field, empty in ((self._goal_title, ""), (self._why, ""), (self._success, "")):
            field.value = empty
        self._behaviours.value = ()
        self._due.value = None
        self._private.value = False
        self._render_goals()
        return t("ui.goals.added", self._lang, title=stored.title)

    def _on_row_check_in(self, row: _GoalRow) -> None:
        if row not in self._rows:  # a second click on a row already replaced
            return
        lang = self._lang
        try:
            goal = self._journal.check_in(
                row.goal.id,
                row.progress.value,
                note=row.note.value.strip(),
                day=today_of(self._clock),
            )
        except LgtrackError as error:
            self._list_status.value = status_html("error", error_message(error, lang))
            return
        self._render_goals()
        message = t("ui.goals.checked_in", lang, title=goal.title, progress=goal.progress)
        self._list_status.value = status_html("ok", message)
        self._notify(goal)

    def _on_row_close(self, row: _GoalRow, status: str) -> None:
        if row not in self._rows:
            return
        lang = self._lang
        try:
            goal = self._journal.close_goal(row.goal.id, status, day=today_of(self._clock))
        except LgtrackError as error:
            self._list_status.value = status_html("error", error_message(error, lang))
            return
        self._render_goals()
        if status == "achieved":
            message = t("ui.goals.closed_achieved", lang, title=goal.title)
        else:
            message = t("ui.goals.closed_dropped", lang, title=goal.title)
        self._list_status.value = status_html("ok", message)
        self._notify(goal)


_FORM_LABELS = (
    "ui.goals.field.title",
    "ui.field.discipline",
    "ui.goals.field.behaviours",
    "ui.goals.field.why",
    "ui.goals.field.success",
    "ui.goals.field.due",
)
