"""One reflection: read it, edit its text, next step, tags and privacy, or delete it.

Deleting takes two clicks: "Slet" (Delete) and then "Bekræft sletning" (Confirm deletion).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import ipywidgets as widgets

from .._markup import html
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
_WIDE = widgets.Layout(width="auto")
_LABELS = ("ui.field.text", "ui.field.next_step", "ui.field.tags")


class EntryEditor(widgets.VBox):
    """Shows the reflection given to :meth:`show`; edits and deletes it in the journal.

    ``on_changed(callback)``: ``callback(reflection_id, deleted)`` runs after a save or delete.
    """

    def __init__(self, journal: Journal, framework: Framework, lang: str = "da"):
        super().__init__()
        self._journal = journal
        self._framework = framework
        self._lang = resolve_lang(None, lang)
        self._reflection: Reflection | None = None
        self._pending_delete: str | None = None
        self._listeners: list[Callable[[str, bool], None]] = []
        self._build()
        self._guard = SaveGuard(self._save)
        self.set_lang(self._lang)
        self.add_class("lg-journal-entry")

    @property
    def reflection(self) -> Reflection | None:
        return self._reflection

    def show(self, reflection_id: str | None) -> None:
        """Show the reflection ``reflection_id`` (None: nothing); a pending delete is withdrawn."""
        try:
            found = self._journal.get_reflection(reflection_id) if reflection_id else None
        except LgtrackError:
            found = None
        self._reflection = found
        self._withdraw_delete()
        hide(self._edit_box, found is None)
        self._render_detail()
        if found is not None:
            self._text.value = found.text
            self._next_step.value = found.next_step
            self._tags.value = " ".join(found.tags)
            self._private.value = found.private

    def set_lang(self, lang: str) -> None:
        self._lang = lang = resolve_lang(None, lang)
        for key, label in self._labels.items():
            label.value = html("<b>{}</b>", t(key, lang))
        self._tags.placeholder = t("ui.field.tags_placeholder", lang)
        self._private.description = t("ui.field.private", lang)
        self._save.description = t("ui.journal.save_changes", lang)
        self._delete.description = t("ui.journal.delete", lang)
        self._confirm.description = t("ui.journal.confirm_delete", lang)
        self._cancel.description = t("cancel", lang)
        self._render_detail()

    def on_changed(self, callback: Callable[[str, bool], None]) -> None:
        self._listeners.append(callback)

    def clear_status(self) -> None:
        self._status.value = ""

    def _build(self) -> None:
        self._detail = classed(widgets.HTML(), "lg-journal-detail")
        self._labels = {key: widgets.HTML() for key in _LABELS}
        self._text = classed(widgets.Textarea(rows=6, layout=_WIDE), "lg-journal-edit-text")
        self._next_step = classed(widgets.Text(layout=_WIDE), "lg-journal-edit-next-step")
        self._tags = classed(widgets.Text(layout=_WIDE), "lg-journal-edit-tags")
        self._private = classed(widgets.Checkbox(indent=False), "lg-journal-edit-private")
        self._save = classed(
            widgets.Button(button_style="primary", icon="check"), "lg-journal-edit-save"
        )
        self._delete = classed(widgets.Button(icon="trash"), "lg-journal-delete")
        self._confirm = classed(
            widgets.Button(button_style="danger", icon="trash"), "lg-journal-delete-confirm"
        )
        self._cancel = classed(widgets.Button(), "lg-journal-delete-cancel")
        self._status = classed(widgets.HTML(), "lg-journal-status")
        labels = self._labels
        self._edit_box = classed(
            widgets.VBox(
                [
                    labels["ui.field.text"], self._text,
                    labels["ui.field.next_step"], self._next_step,
                    labels["ui.field.tags"], self._tags, self._private,
                    widgets.HBox([self._save, self._delete]),
                    widgets.HBox([self._confirm, self._cancel]),
                ]
            ),
            "lg-journal-edit",
        )  # fmt: skip
        self.children = [self._detail, self._edit_box, self._status]
        self._save.on_click(self._on_save_click)
        self._delete.on_click(self._on_delete_click)
        self._confirm.on_click(self._on_confirm_click)
        self._cancel.on_click(self._on_cancel_click)
        for field in (self._text, self._next_step, self._tags, self._private):
            field.observe(self._on_field_value, "value")

    def _render_detail(self) -> None:
        if self._reflection is None:
            self._detail.value = html("<p><i>{}</i></p>", t("ui.journal.pick", self._lang))
        else:
            self._detail.value = reflection_html(self._framework, self._reflection, self._lang)

    def _withdraw_delete(self) -> None:
        self._pending_delete = None
        hide(self._confirm)
        hide(self._cancel)

    def _notify(self, reflection_id: str, deleted: bool) -> None:
        for callback in self._listeners:
            callback(reflection_id, deleted)

    # -- events --------------------------------------------------------------------------------

    def _on_field_value(self, _change: dict) -> None:
        self._guard.touch()

    def _on_save_click(self, _button: widgets.Button) -> None:
        self._guard.run(self._store)

    def _store(self) -> None:
        reflection = self._reflection
        if reflection is None:
            return
        changed = replace(
            reflection,
            text=self._text.value.strip(),
            next_step=self._next_step.value.strip(),
            tags=parse_tags(self._tags.value),
            private=self._private.value,
        )
        try:
            self._journal.update_reflection(changed)
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))
            return
        self.show(reflection.id)
        self._notify(reflection.id, False)
        self._guard.saved()
        self._status.value = status_html("ok", t("ui.journal.updated", self._lang))

    def _on_delete_click(self, _button: widgets.Button) -> None:
        if self._reflection is None:
            return
        self._pending_delete = self._reflection.id
        hide(self._confirm, False)
        hide(self._cancel, False)
        day = self._reflection.day.isoformat()
        self._status.value = status_html("error", t("ui.journal.delete_ask", self._lang, day=day))

    def _on_confirm_click(self, _button: widgets.Button) -> None:
        pending = self._pending_delete
        if pending is None or self._reflection is None or pending != self._reflection.id:
            return
        try:
            self._journal.delete_reflection(pending)
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))
            return
        self.show(None)
        self._notify(pending, True)
        self._status.value = status_html("ok", t("ui.journal.deleted", self._lang))

    def _on_cancel_click(self, _button: widgets.Button) -> None:
        self._withdraw_delete()
        self._status.value = ""
