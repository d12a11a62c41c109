"""One entry of the journal: read it, edit it, or delete it.

:class:`RecordEditor` holds what every kind of entry shares: the detail view, the fields, "save
changes", and deleting in two clicks: "Slet" (Delete) and then "Bekræft sletning" (Confirm
deletion). :class:`EntryEditor` edits a reflection's text, next step, tags and privacy; goals and
feedback have theirs in :mod:`lgtrack.ui.record_editors`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import ipywidgets as widgets

from .._markup import Markup, html
from ..errors import LgtrackError
from ..framework import Framework
from ..i18n import t
from ..journal import Journal
from ..records import Reflection
from ._common import (
    SaveGuard,
    classed,
    error_message,
    hide,
    parse_tags,
    resolve_lang,
    status_html,
)
from ._html import reflection_html

# "auto" fills the column; "100%" plus the widget margin cut the right border at the page edge.
WIDE = widgets.Layout(width="auto")


class RecordEditor(widgets.VBox):
    """Shows the entry given to :meth:`show`; edits and deletes it in the journal.

    ``on_changed(callback)``: ``callback(entry_id, deleted)`` runs after a save or delete.
    A subclass names its fields (:meth:`_fields`) and says how to read, fill, change, save and
    delete its kind of entry.
    """

    def __init__(self, journal: Journal, framework: Framework, lang: str = "da"):
        super().__init__()
        self._journal = journal
        self._framework = framework
        self._lang = resolve_lang(None, lang)
        self._record: Any = None
        self._pending_delete: str | None = None
        self._listeners: list[Callable[[str, bool], None]] = []
        self._build()
        self._guard = SaveGuard(self._save)
        self.set_lang(self._lang)
        self.add_class("lg-journal-entry")

    # -- what a kind of entry says -------------------------------------------------------------

    def _fields(self) -> list[tuple[str | None, widgets.Widget]]:
        """(label key or None, field) in display order."""
        raise NotImplementedError

    def _get(self, entry_id: str) -> Any:
        raise NotImplementedError

    def _fill(self, record: Any) -> None:
        raise NotImplementedError

    def _changed(self, record: Any) -> Any:
        raise NotImplementedError

    def _update(self, record: Any) -> None:
        raise NotImplementedError

    def _delete_entry(self, entry_id: str) -> None:
        raise NotImplementedError

    def _detail_html(self, record: Any) -> Markup:
        raise NotImplementedError

    def _day(self, record: Any) -> date | None:
        raise NotImplementedError

    def _relabel(self, lang: str) -> None:
        """Placeholders and descriptions of the kind's own fields."""

    # -- public API ----------------------------------------------------------------------------

    def show(self, entry_id: str | None) -> None:
        """Show the entry ``entry_id`` (None: nothing); a pending delete is withdrawn."""
        try:
            found = self._get(entry_id) if entry_id else None
        except LgtrackError:
            found = None
        self._record = found
        self._withdraw_delete()
        hide(self._edit_box, found is None)
        self._render_detail()
        if found is not None:
            self._fill(found)

    def set_lang(self, lang: str) -> None:
        self._lang = lang = resolve_lang(None, lang)
        for key, label in self._labels.items():
            label.value = html("<b>{}</b>", t(key, lang))
        self._save.description = t("ui.journal.save_changes", lang)
        self._delete.description = t("ui.journal.delete", lang)
        self._confirm.description = t("ui.journal.confirm_delete", lang)
        self._cancel.description = t("cancel", lang)
        self._relabel(lang)
        self._render_detail()

    def on_changed(self, callback: Callable[[str, bool], None]) -> None:
        self._listeners.append(callback)

    def clear_status(self) -> None:
        self._status.value = ""

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._detail = classed(widgets.HTML(), "lg-journal-detail")
        self._save = classed(
            widgets.Button(button_style="primary", icon="check"), "lg-journal-edit-save"
        )
        self._delete = classed(widgets.Button(icon="trash"), "lg-journal-delete")
        self._confirm = classed(
            widgets.Button(button_style="danger", icon="trash"), "lg-journal-delete-confirm"
        )
        self._cancel = classed(widgets.Button(), "lg-journal-delete-cancel")
        self._status = classed(widgets.HTML(), "lg-journal-status")
        fields = self._fields()
        self._labels = {key: widgets.HTML() for key, _ in fields if key}
        rows: list[widgets.Widget] = []
        for key, field in fields:
            rows.extend([self._labels[key], field] if key else [field])
            field.observe(self._on_field_value, "value")
        rows += [
            widgets.HBox([self._save, self._delete]),
            widgets.HBox([self._confirm, self._cancel]),
        ]
        self._edit_box = classed(widgets.VBox(rows), "lg-journal-edit")
        self.children = [self._detail, self._edit_box, self._status]
        self._save.on_click(self._on_save_click)
        self._delete.on_click(self._on_delete_click)
        self._confirm.on_click(self._on_confirm_click)
        self._cancel.on_click(self._on_cancel_click)

    def _render_detail(self) -> None:
        if self._record is None:
            self._detail.value = html("<p><i>{}</i></p>", t("ui.journal.pick", self._lang))
        else:
            self._detail.value = self._detail_html(self._record)

    def _withdraw_delete(self) -> None:
        self._pending_delete = None
        hide(self._confirm)
        hide(self._cancel)

    def _notify(self, entry_id: str, deleted: bool) -> None:
        for callback in self._listeners:
            callback(entry_id, deleted)

    # -- events --------------------------------------------------------------------------------

    def _on_field_value(self, _change: dict) -> None:
        self._guard.touch()

    def _on_save_click(self, _button: widgets.Button) -> None:
        self._guard.run(self._store)

    def _store(self) -> None:
        record = self._record
        if record is None:
            return
        try:
            self._update(self._changed(record))
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))
            return
        self._journal.scrub()  # an edit takes words back: the old ones leave the disk too
        self.show(record.id)
        self._notify(record.id, False)
        self._guard.saved()
        self._status.value = status_html("ok", t("ui.journal.updated", self._lang))

    def _on_delete_click(self, _button: widgets.Button) -> None:
        if self._record is None:
            return
        self._pending_delete = self._record.id
        hide(self._confirm, False)
        hide(self._cancel, False)
        day = self._day(self._record)
        ask = t("ui.journal.delete_ask", self._lang, day=day.isoformat() if day else "-")
        self._status.value = status_html("error", ask)

    def _on_confirm_click(self, _button: widgets.Button) -> None:
        pending = self._pending_delete
        if pending is None or self._record is None or pending != self._record.id:
            return
        try:
            self._delete_entry(pending)
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))
            return
        self.show(None)
        self._notify(pending, True)
        self._status.value = status_html("ok", t("ui.journal.deleted", self._lang))

    def _on_cancel_click(self, _button: widgets.Button) -> None:
        self._withdraw_delete()
        self._status.value = ""


class EntryEditor(RecordEditor):
    """A reflection: its text, next step, tags and privacy."""

    @property
    def reflection(self) -> Reflection | None:
        return self._record

    def _fields(self) -> list[tuple[str | None, widgets.Widget]]:
        self._text = classed(widgets.Textarea(rows=6, layout=WIDE), "lg-journal-edit-text")
        self._next_step = classed(widgets.Text(layout=WIDE), "lg-journal-edit-next-step")
        self._tags = classed(widgets.Text(layout=WIDE), "lg-journal-edit-tags")
        self._private = classed(widgets.Checkbox(indent=False), "lg-journal-edit-private")
        return [
            ("ui.field.text", self._text),
            ("ui.field.next_step", self._next_step),
            ("ui.field.tags", self._tags),
            (None, self._private),
        ]

    def _relabel(self, lang: str) -> None:
        self._tags.placeholder = t("ui.field.tags_placeholder", lang)
        self._private.description = t("ui.field.private", lang)

    def _get(self, entry_id: str) -> Reflection:
        return self._journal.get_reflection(entry_id)

    def _fill(self, record: Reflection) -> None:
        self._text.value = record.text
        self._next_step.value = record.next_step
        self._tags.value = " ".join(record.tags)
        self._private.value = record.private

    def _changed(self, record: Reflection) -> Reflection:
        return replace(
            record,
            text=self._text.value.strip(),
            next_step=self._next_step.value.strip(),
            tags=parse_tags(self._tags.value),
            private=self._private.value,
        )

    def _update(self, record: Reflection) -> None:
        self._journal.update_reflection(record)

    def _delete_entry(self, entry_id: str) -> None:
        self._journal.delete_reflection(entry_id)

    def _detail_html(self, record: Reflection) -> Markup:
        return reflection_html(self._framework, record, self._lang)

    def _day(self, record: Reflection) -> date:
        return record.day
