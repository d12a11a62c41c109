"""Browse and search past reflections, goals and feedback, newest first and paged; open one to
read, edit or delete it (see :mod:`lgtrack.ui.entry_editor` and :mod:`lgtrack.ui.record_editors`)."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets

from .._markup import html
from ..i18n import t
from ..journal import Journal
from ..query import EntryFilter
from ..records import Feedback, Goal, Reflection
from ._a11y import name_controls
from ._common import ALL, classed, quiet, resolve_lang, set_options, snippet
from ._html import discipline_name, role_label
from .entry_editor import EntryEditor, RecordEditor
from .record_editors import FeedbackEditor, GoalEditor

PAGE_SIZE = 10
_WIDE = widgets.Layout(width="100%")
KINDS = ("reflections", "goals", "feedback")


class JournalBrowser(widgets.VBox):
    """Past reflections, goals or feedback (:data:`KINDS`), newest first, filtered by
    discipline, behaviour, tag (reflections), dates and text."""

    def __init__(self, journal: Journal, *, lang: str | None = None, page_size: int = PAGE_SIZE):
        super().__init__()
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self._journal = journal
        self._framework = journal.framework()
        self._lang = resolve_lang(journal, lang)
        self._page_size = page_size
        self._page = 0
        self._build()
        self._render_labels()
        self.add_class("lg-journal")

    # -- public API ----------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def kind(self) -> str:
        """What the list shows: ``reflections``, ``goals`` or ``feedback``."""
        return self._kind.value

    @property
    def current_filter(self) -> EntryFilter:
        """The filter the leader has set (without paging); tags belong to reflections only."""
        tag = self._tag.value.strip().lstrip("#") if self.kind == "reflections" else ""
        return EntryFilter(
            discipline=self._discipline.value or None,
            behaviour=self._behaviour.value or None,
            since=self._since.value,
            until=self._until.value,
            tag=tag or None,
            contains=self._search.value.strip() or None,
        )

    @property
    def shown(self) -> list[str]:
        """Ids of the entries on the current page, newest first."""
        return [value for _, value in self._list.options]

    @property
    def page(self) -> int:
        """The current page, counted from 0."""
        return self._page

    def select(self, entry_id: str | None) -> None:
        """Open an entry shown on the current page (None closes it)."""
        self._list.value = entry_id

    def show_kind(self, kind: str) -> None:
        """List reflections, goals or feedback."""
        self._kind.value = kind

    def refresh(self) -> None:
        """Re-read the journal, keeping filters, page and selection when possible."""
        self._render_list()

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self._render_labels()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._kind = classed(
            widgets.ToggleButtons(options=[(kind, kind) for kind in KINDS], value=KINDS[0]),
            "lg-journal-kind",
        )
        self._discipline = classed(widgets.Dropdown(), "lg-journal-discipline")
        self._behaviour = classed(
            widgets.Dropdown(layout=widgets.Layout(width="28em")), "lg-journal-behaviour"
        )
        self._tag = classed(widgets.Text(continuous_update=False), "lg-journal-tag")
        self._since = classed(widgets.DatePicker(), "lg-journal-since")
        self._until = classed(widgets.DatePicker(), "lg-journal-until")
        self._search = classed(widgets.Text(continuous_update=False), "lg-journal-search")
        self._clear = classed(widgets.Button(icon="times"), "lg-journal-clear")
        self._list = classed(
            widgets.Select(options=[], value=None, rows=self._page_size, layout=_WIDE),
            "lg-journal-list",
        )
        self._prev = classed(widgets.Button(icon="arrow-left"), "lg-journal-prev")
        self._next = classed(widgets.Button(icon="arrow-right"), "lg-journal-next")
        self._page_label = classed(widgets.HTML(), "lg-journal-page")
        self._editors: dict[str, RecordEditor] = {
            "reflections": EntryEditor(self._journal, self._framework, self._lang),
            "goals": GoalEditor(self._journal, self._framework, self._lang),
            "feedback": FeedbackEditor(self._journal, self._framework, self._lang),
        }
        self._filter_labels = {key: widgets.HTML() for key in _FILTER_LABELS}
        filters = widgets.HBox(
            [
                widgets.VBox([self._filter_labels[k], w])
                for k, w in zip(_FILTER_LABELS, self._filter_widgets(), strict=True)
            ]
            + [self._clear],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-end"),
        )
        left = widgets.VBox(
            [self._list, widgets.HBox([self._prev, self._page_label, self._next])],
            layout=widgets.Layout(flex="1 1 360px", padding="0 1em 0 0"),
        )
        for editor in self._editors.values():
            editor.layout = widgets.Layout(flex="1 1 360px")
            editor.on_changed(self._on_editor_changed)
        # Only the editor of the kind listed is a child: the others are not on the page.
        self._body = widgets.HBox([left, self._editor], layout=widgets.Layout(flex_flow="row wrap"))
        self.children = [
            self._title,
            self._kind,
            classed(filters, "lg-journal-filters"),
            self._body,
        ]
        self._kind.observe(self._on_kind_value, "value")
        for field in self._filter_widgets():
            field.observe(self._on_filter_value, "value")
        self._discipline.observe(self._on_discipline_value, "value")
        self._list.observe(self._on_list_value, "value")
        for button, handler in (
            (self._clear, self._on_clear_click),
            (self._prev, self._on_prev_click),
            (self._next, self._on_next_click),
        ):
            button.on_click(handler)

    @property
    def _editor(self) -> RecordEditor:
        return self._editors[self._kind.value]

    def _filter_widgets(self) -> tuple[widgets.Widget, ...]:
        return (
            self._discipline,
            self._behaviour,
            self._tag,
            self._since,
            self._until,
            self._search,
        )

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3>", t("ui.journal.title", lang))
        with quiet(self._kind, self._on_kind_value):
            set_options(
                self._kind, [(t(f"ui.journal.kind.{k}", lang), k) for k in KINDS], self.kind
            )
        name_controls([(t("ui.journal.kind", lang), self._kind)])
        for key, label in self._filter_labels.items():
            label.value = html("<b>{}</b>", t(key, lang))
        labels = (t(key, lang) for key in _FILTER_LABELS)
        name_controls(zip(labels, self._filter_widgets(), strict=True))
        name_controls([(t("ui.journal.pick", lang), self._list)])
        self._tag.placeholder = t("ui.journal.tag_placeholder", lang)
        self._search.placeholder = t("ui.journal.search_placeholder", lang)
        self._clear.description = t("ui.journal.clear", lang)
        self._prev.description = t("ui.journal.prev", lang)
        self._next.description = t("ui.journal.next", lang)
        options = [(t("ui.journal.all", lang), ALL)] + [
            (d.name.get(lang), d.id) for d in self._framework.disciplines
        ]
        with (
            quiet(self._discipline, self._on_filter_value),
            quiet(self._discipline, self._on_discipline_value),
        ):
            set_options(self._discipline, options, self._discipline.value)
        for editor in self._editors.values():
            editor.set_lang(lang)
        self._render_behaviours()
        self._render_list()

    def _render_behaviours(self) -> None:
        lang = self._lang
        chosen = self._discipline.value
        disciplines = [d for d in self._framework.disciplines if not chosen or d.id == chosen]
        options = [(t("ui.journal.all", lang), ALL)] + [
            (self._behaviour_label(b, lang), b.id)
            for d in disciplines
            for b in (*d.behaviours, *(b for level in d.levels.values() for b in level))
        ]
        with quiet(self._behaviour, self._on_filter_value):
            set_options(self._behaviour, options, self._behaviour.value)
            if self._behaviour.value not in {v for _, v in options}:
                self._behaviour.value = ALL

    def _behaviour_label(self, b, lang: str) -> str:
        """The text a leader reads (never the id), with the level: some levels share a text."""
        level = f" ({self._framework.level_name(b.level, lang)})" if b.level else ""
        return snippet(b.text.get(lang), 70) + level

    def _label(self, entry: Reflection | Goal | Feedback) -> str:
        lang = self._lang
        lock = " 🔒" if entry.private else ""
        if isinstance(entry, Goal):
            day = entry.created_at.date().isoformat() if entry.created_at else "-"
            name = discipline_name(self._framework, entry.discipline, lang)
            return f"{day} · {name}{lock} · {snippet(entry.title, 50)} ({entry.progress} %)"
        if isinstance(entry, Feedback):
            name = discipline_name(self._framework, entry.discipline, lang)
            who = role_label(entry.role, lang)
            return f"{entry.day.isoformat()} · {who} · {name}{lock} · {snippet(entry.text, 50)}"
        names = ", ".join(discipline_name(self._framework, d, lang) for d in entry.disciplines)
        return f"{entry.day.isoformat()} · {names}{lock} · {snippet(entry.text or entry.next_step, 60)}"

    def _entries(self, where: EntryFilter) -> list[Reflection | Goal | Feedback]:
        if self.kind == "goals":
            return self._journal.goals(where)
        if self.kind == "feedback":
            return self._journal.feedback(where)
        return self._journal.reflections(where)

    def _render_list(self) -> None:
        size, page = self._page_size, self._page
        found = self._entries(replace(self.current_filter, limit=(page + 1) * size + 1))
        if page > 0 and len(found) <= page * size:  # the page emptied (e.g. after a delete)
            self._page = page = max(0, (len(found) - 1) // size)
        entries = found[page * size : (page + 1) * size]
        selected = self._list.value
        with quiet(self._list, self._on_list_value):
            self._list.options = [(self._label(r), r.id) for r in entries]
            self._list.value = selected if selected in {r.id for r in entries} else None
        self._prev.disabled = page == 0
        self._next.disabled = len(found) <= (page + 1) * size
        if entries:
            text = t(
                "ui.journal.page",
                self._lang,
                page=page + 1,
                first=page * size + 1,
                last=page * size + len(entries),
            )
        elif self.current_filter == EntryFilter():
            key = (
                "ui.journal.none_yet"
                if self.kind == "reflections"
                else f"ui.journal.none_yet_{self.kind}"
            )
            text = t(key, self._lang)
        else:
            text = t("ui.journal.empty", self._lang)
        self._page_label.value = html("<span style='padding:0 1em'>{}</span>", text)
        self._editor.show(self._list.value)

    # -- events --------------------------------------------------------------------------------

    def _on_kind_value(self, _change: dict) -> None:
        self._page = 0
        self._tag.disabled = self.kind != "reflections"
        with quiet(self._list, self._on_list_value):
            self._list.value = None
        for editor in self._editors.values():
            editor.show(None)
            editor.clear_status()
        self._body.children = [self._body.children[0], self._editor]
        self._render_list()

    def _on_discipline_value(self, _change: dict) -> None:
        self._render_behaviours()

    def _on_filter_value(self, _change: dict) -> None:
        self._page = 0
        self._editor.clear_status()
        self._render_list()

    def _on_clear_click(self, _button: widgets.Button) -> None:
        with quiet(self._discipline, self._on_filter_value):
            self._discipline.value = ALL
        for field, empty in (
            (self._behaviour, ALL),
            (self._tag, ""),
            (self._search, ""),
            (self._since, None),
            (self._until, None),
        ):
            with quiet(field, self._on_filter_value):
                field.value = empty
        self._on_filter_value({})

    def _on_prev_click(self, _button: widgets.Button) -> None:
        self._page = max(0, self._page - 1)
        self._render_list()

    def _on_next_click(self, _button: widgets.Button) -> None:
        if not self._next.disabled:
            self._page += 1
            self._render_list()

    def _on_list_value(self, _change: dict) -> None:
        self._editor.clear_status()
        self._editor.show(self._list.value)

    def _on_editor_changed(self, _entry_id: str, deleted: bool) -> None:
        if deleted:
            with quiet(self._list, self._on_list_value):
                self._list.value = None
        self._render_list()


_FILTER_LABELS = (
    "ui.field.discipline",
    "ui.journal.behaviour",
    "ui.field.tags",
    "ui.journal.since",
    "ui.journal.until",
    "ui.journal.search",
)
