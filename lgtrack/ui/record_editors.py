"""A goal or a feedback entry in the journal browser: read it, edit it, or delete it (in two
clicks, as a reflection: see :class:`lgtrack.ui.entry_editor.RecordEditor`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import ipywidgets as widgets

from .._markup import Markup, html
from ..i18n import t
from ..records import Feedback, Goal
from ._common import classed
from ._html import discipline_name, feedback_html, goals_html
from .entry_editor import WIDE, RecordEditor


class GoalEditor(RecordEditor):
    """A goal: its title, why, success criteria, due date and privacy."""

    def _fields(self) -> list[tuple[str | None, widgets.Widget]]:
        self._title = classed(widgets.Text(layout=WIDE), "lg-journal-edit-title")
        self._why = classed(widgets.Textarea(rows=3, layout=WIDE), "lg-journal-edit-why")
        self._success = classed(widgets.Textarea(rows=3, layout=WIDE), "lg-journal-edit-success")
        self._due = classed(widgets.DatePicker(), "lg-journal-edit-due")
        self._private = classed(widgets.Checkbox(indent=False), "lg-journal-edit-private")
        return [
            ("ui.goals.field.title", self._title),
            ("ui.goals.field.why", self._why),
            ("ui.goals.field.success", self._success),
            ("ui.goals.field.due", self._due),
            (None, self._private),
        ]

    def _relabel(self, lang: str) -> None:
        self._private.description = t("ui.field.private", lang)

    def _get(self, entry_id: str) -> Goal:
        return self._journal.get_goal(entry_id)

    def _fill(self, record: Goal) -> None:
        self._title.value = record.title
        self._why.value = record.why
        self._success.value = record.success
        self._due.value = record.due
        self._private.value = record.private

    def _changed(self, record: Goal) -> Goal:
        return replace(
            record,
            title=self._title.value.strip(),
            why=self._why.value.strip(),
            success=self._success.value.strip(),
            due=self._due.value,
            private=self._private.value,
        )

    def _update(self, record: Goal) -> None:
        self._journal.update_goal(record)

    def _delete_entry(self, entry_id: str) -> None:
        self._journal.delete_goal(entry_id)

    def _detail_html(self, record: Goal) -> Markup:
        discipline = discipline_name(self._framework, record.discipline, self._lang)
        return html("<p><b>{}</b></p>{}", discipline, goals_html([record], self._lang))

    def _day(self, record: Goal) -> date | None:
        return record.created_at.date() if record.created_at else None


class FeedbackEditor(RecordEditor):
    """Feedback received: what was said, the giver's name and privacy."""

    def _fields(self) -> list[tuple[str | None, widgets.Widget]]:
        self._text = classed(widgets.Textarea(rows=5, layout=WIDE), "lg-journal-edit-text")
        self._name = classed(widgets.Text(layout=WIDE), "lg-journal-edit-name")
        self._private = classed(widgets.Checkbox(indent=False), "lg-journal-edit-private")
        return [
            ("ui.feedback.field.text", self._text),
            ("ui.feedback.field.name", self._name),
            (None, self._private),
        ]

    def _relabel(self, lang: str) -> None:
        self._name.placeholder = t("ui.feedback.name_placeholder", lang)
        self._private.description = t("ui.field.private", lang)

    def _get(self, entry_id: str) -> Feedback:
        return self._journal.get_feedback(entry_id)

    def _fill(self, record: Feedback) -> None:
        self._text.value = record.text
        self._name.value = record.name
        self._private.value = record.private

    def _changed(self, record: Feedback) -> Feedback:
        return replace(
            record,
            text=self._text.value.strip(),
            name=self._name.value.strip(),
            private=self._private.value,
        )

    def _update(self, record: Feedback) -> None:
        self._journal.update_feedback(record)

    def _delete_entry(self, entry_id: str) -> None:
        self._journal.delete_feedback(entry_id)

    def _detail_html(self, record: Feedback) -> Markup:
        return feedback_html(self._framework, [record], self._lang)

    def _day(self, record: Feedback) -> date:
        return record.day
