"""The coach's page: pick a leader, read the overview, keep GROW notes and agreed actions,
and write the session report.

The coach's journal holds leaders imported from share bundles (``lgtrack import FILE``); it
needs no profile of its own. Everything from a bundle is shown escaped.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import ipywidgets as widgets

from .._files import private_dir
from .._markup import html, join
from ..coaching import (
    GROW_FIELDS,
    Action,
    CoachSession,
    add_action,
    carried_forward,
    close_action,
    save_session,
)
from ..coaching import sessions as coach_sessions
from ..errors import LgtrackError
from ..i18n import t
from ..journal import Journal
from ..keys import pinned_fingerprint
from ..records import Leader
from ..report import (
    OVERVIEW_CSS,
    build_overview,
    default_report_dir,
    overview_sections,
    report_file_name,
    write_report,
)
from ..report.sections import action_line, session_section
from ._a11y import name_control, page_style
from ._common import (
    LANGUAGE_OPTIONS,
    Clock,
    SaveGuard,
    classed,
    error_message,
    hide,
    quiet,
    resolve_lang,
    status_html,
    today_of,
)

NOTE_FIELDS = (*GROW_FIELDS, "notes")
TABS = ("overview", "session", "actions", "report")
# "auto" fills the column; "100%" plus the widget margin cut the right border at the page edge.
_WIDE = widgets.Layout(width="auto")


class _ActionRow(widgets.HBox):
    """An open action with its "done" and "drop" buttons."""

    def __init__(self, action: Action, text: str, lang: str, owner: CoachWidget):
        super().__init__()
        self.action = action
        self.done = classed(
            widgets.Button(description=t("ui.coach.actions.done", lang), button_style="success"),
            "lg-coach-action-done",
        )
        self.drop = classed(
            widgets.Button(description=t("ui.coach.actions.drop", lang)), "lg-coach-action-drop"
        )
        self.done.on_click(lambda _b: owner._on_row_close(self, "done"))
        self.drop.on_click(lambda _b: owner._on_row_close(self, "dropped"))
        label = classed(
            widgets.HTML(text, layout=widgets.Layout(flex="1 1 auto")), "lg-coach-action-text"
        )
        self.children = [label, self.done, self.drop]
        self.layout = widgets.Layout(align_items="center", border_bottom="1px solid #eee")
        self.add_class("lg-coach-action")


class CoachWidget(widgets.VBox):
    """Overview · Session notes (GROW) · Actions · Report, for the leader chosen at the top."""

    def __init__(
        self,
        journal: Journal,
        *,
        clock: Clock | None = None,
        lang: str | None = None,
        report_dir: str | Path | None = None,
    ):
        super().__init__()
        self._journal = journal
        self._clock = clock or journal.clock
        self._lang = resolve_lang(journal, lang)  # the coach's profile language, else Danish
        self._report_dir = Path(report_dir) if report_dir else default_report_dir(journal)
        self._session_id: str | None = None
        self._rows: list[_ActionRow] = []
        self.last_report: Path | None = None
        self._build()
        self._render_labels()
        self.refresh()
        self.add_class("lg-coach")

    # -- public API ----------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def leader(self) -> Leader | None:
        """The leader shown (None when the journal has none)."""
        return self._journal.leader(self._leader.value) if self._leader.value else None

    def set_lang(self, lang: str) -> None:
        self._language.value = lang

    def select(self, leader_id: str) -> None:
        """Show the leader with ``leader_id``."""
        self._leader.value = leader_id

    def refresh(self) -> None:
        """Re-read the leaders (e.g. after an import) and redraw everything."""
        if self._render_leader_options():
            self._load_leader()

    def _render_leader_options(self) -> bool:
        """The leaders in the dropdown, others before me; False (and the empty state) if none."""
        leaders = sorted(self._journal.leaders(), key=lambda leader: leader.is_me)
        me_mark = t("ui.coach.me", self._lang)
        options = [(f"{x.name} {me_mark}" if x.is_me else x.name, x.id) for x in leaders]
        ids = [value for _, value in options]
        keep = self._leader.value
        with quiet(self._leader, self._on_leader_value):
            self._leader.options = options
            self._leader.value = keep if keep in ids else (ids[0] if ids else None)
        hide(self._leader, not options)
        hide(self._tabs, not options)
        empty = html('<p class="lg-coach-empty">{}</p>', t("ui.coach.empty", self._lang))
        self._empty.value = "" if options else empty
        return bool(options)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = classed(widgets.HTML(), "lg-coach-title")
        self._language = classed(
            widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self._lang), "lg-coach-lang"
        )
        self._leader = classed(widgets.Dropdown(options=[]), "lg-coach-leader")
        self._empty = classed(widgets.HTML(), "lg-coach-empty-state")
        self._overview = classed(widgets.HTML(), "lg-coach-overview")
        self._tabs = classed(
            widgets.Tab(children=[self._overview, self._session_page(), self._actions_page(),
                                  self._report_page()]),
            "lg-coach-tabs",
        )  # fmt: skip
        header = widgets.HBox(
            [self._title, self._language, page_style()],
            layout=widgets.Layout(
                justify_content="space-between", align_items="center", flex_flow="row wrap"
            ),
        )
        self.children = [header, self._leader, self._empty, self._tabs]
        self._language.observe(self._on_language_value, "value")
        self._leader.observe(self._on_leader_value, "value")

    def _session_page(self) -> widgets.Widget:
        self._previous = classed(widgets.HTML(), "lg-coach-previous")
        self._day_label = widgets.HTML()
        self._day = classed(widgets.DatePicker(value=today_of(self._clock)), "lg-coach-day")
        self._session_info = classed(widgets.HTML(), "lg-coach-session-info")
        self._note_labels = {name: widgets.HTML() for name in NOTE_FIELDS}
        self._notes = {
            name: classed(widgets.Textarea(rows=3, layout=_WIDE), f"lg-coach-{name}")
            for name in NOTE_FIELDS
        }
        self._save = classed(widgets.Button(button_style="primary", icon="save"), "lg-coach-save")
        self._session_status = classed(widgets.HTML(), "lg-coach-session-status")
        form = [self._day_label, self._day, self._session_info]
        for name in NOTE_FIELDS:
            form += [self._note_labels[name], self._notes[name]]
        form += [self._save, self._session_status]
        self._day.observe(self._on_day_value, "value")
        self._save.on_click(self._on_save_click)
        left = widgets.VBox(form, layout=widgets.Layout(flex="1 1 420px", padding="0 1em 0 0"))
        right = widgets.VBox([self._previous], layout=widgets.Layout(flex="1 1 320px"))
        return widgets.HBox([left, right], layout=widgets.Layout(flex_flow="row wrap"))

    def _actions_page(self) -> widgets.Widget:
        self._open_title = widgets.HTML()
        self._action_list = classed(widgets.VBox(), "lg-coach-actions")
        self._new_title = widgets.HTML()
        self._action_text = classed(widgets.Text(layout=_WIDE), "lg-coach-action-new")
        self._action_due = classed(  # "Frist (valgfri)" was cut to "Frist (valg…"
            widgets.DatePicker(style={"description_width": "initial"}), "lg-coach-action-due"
        )
        self._add = classed(widgets.Button(icon="plus"), "lg-coach-action-add")
        self._actions_status = classed(widgets.HTML(), "lg-coach-actions-status")
        self._add_guard = SaveGuard(self._add)
        self._add.on_click(self._on_add_click)
        self._action_text.observe(lambda _c: self._add_guard.touch(), "value")
        self._action_due.observe(lambda _c: self._add_guard.touch(), "value")
        return widgets.VBox([
            self._open_title, self._action_list, self._actions_status, self._new_title,
            self._action_text, widgets.HBox([self._action_due, self._add]),
        ])  # fmt: skip

    def _report_page(self) -> widgets.Widget:
        self._report_help = classed(widgets.HTML(), "lg-coach-report-help")
        self._report = classed(
            widgets.Button(button_style="primary", icon="file"), "lg-coach-report"
        )
        self._report_status = classed(widgets.HTML(), "lg-coach-report-status")
        self._report.on_click(self._on_report_click)
        return widgets.VBox([self._report_help, self._report, self._report_status])

    # -- rendering -----------------------------------------------------------------------------

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h2 style='margin:0.3em 0'>{}</h2>", t("ui.coach.title", lang))
        self._leader.description = t("ui.coach.leader", lang)
        self._tabs.titles = tuple(t(f"ui.coach.tab.{name}", lang) for name in TABS)
        self._day_label.value = html("<b>{}</b>", t("ui.coach.session_day", lang))
        name_control(self._day, t("ui.coach.session_day", lang))
        for name in NOTE_FIELDS:
            self._note_labels[name].value = html("<b>{}</b>", t(f"report.grow.{name}", lang))
            self._notes[name].placeholder = t(f"ui.coach.help.{name}", lang)
        self._save.description = t("ui.coach.save", lang)
        self._open_title.value = html("<h4>{}</h4>", t("ui.coach.actions.open", lang))
        self._new_title.value = html("<h4>{}</h4>", t("ui.coach.actions.new", lang))
        self._action_text.placeholder = t("ui.coach.actions.placeholder", lang)
        self._action_due.description = t("ui.coach.actions.due", lang)
        self._add.description = t("ui.coach.actions.add", lang)
        self._report.description = t("ui.coach.report.button", lang)

    def _load_leader(self) -> None:
        """The chosen leader's session notes of the chosen day, overview and open actions."""
        self._session_status.value = self._actions_status.value = self._report_status.value = ""
        self._load_session()
        self._render_views()

    def _render_views(self) -> None:
        """Everything read-only about the leader, in the current language."""
        self._render_overview()
        self._render_actions()
        leader = self.leader
        language = dict((v, k) for k, v in LANGUAGE_OPTIONS).get(leader.lang, leader.lang)
        help_text = t("ui.coach.report.help", self._lang, language=language)
        self._report_help.value = html("<p>{}</p>", help_text)

    def _render_overview(self) -> None:
        day = self._day.value or today_of(self._clock)
        overview = build_overview(
            self._journal, self._leader.value, today_of(self._clock), session_before=day
        )
        sections = join(overview_sections(overview, self._lang), "\n")
        self._overview.value = html("{}{}{}", OVERVIEW_CSS, self._fingerprint(), sections)
        self._previous.value = session_section(overview.session, self._lang)

    def _fingerprint(self) -> str:
        """The pinned key's fingerprint, to compare aloud with the leader (none: nothing)."""
        found = pinned_fingerprint(self._journal, self._leader.value)
        if found is None:
            return ""
        line = t("coach.fingerprint", self._lang, fingerprint=found)
        return html('<p class="lg-coach-fingerprint">{}</p>', line)

    def _load_session(self) -> None:
        """Fill the notes with the leader's session on the chosen day, or empty them."""
        day = self._day.value
        found = next(
            (s for s in coach_sessions(self._journal, self._leader.value) if s.day == day), None
        )
        self._session_id = found.id if found else None
        for name in NOTE_FIELDS:
            self._notes[name].value = getattr(found, name) if found else ""
        self._session_info.value = self._session_note()

    def _session_note(self) -> str:
        """ "New session on …" or "You are editing the session on …"."""
        day = self._day.value
        if day is None:
            return ""
        key = "ui.coach.session_editing" if self._session_id else "ui.coach.session_new"
        return html("<i>{}</i>", t(key, self._lang, day=day.isoformat()))

    def _render_actions(self) -> None:
        today = today_of(self._clock)
        self._rows = [
            _ActionRow(a, action_line(a, today, self._lang), self._lang, self)
            for a in carried_forward(self._journal, self._leader.value)
        ]
        empty = widgets.HTML(html("<p><i>{}</i></p>", t("report.actions.none", self._lang)))
        self._action_list.children = self._rows or [empty]

    # -- events --------------------------------------------------------------------------------

    def _on_language_value(self, change: dict) -> None:
        self._lang = change["new"]  # the notes being written stay as they are
        self._render_labels()
        self._session_status.value = self._actions_status.value = self._report_status.value = ""
        if self._render_leader_options():
            self._session_info.value = self._session_note()
            self._render_views()

    def _on_leader_value(self, _change: dict) -> None:
        if self._leader.value:
            self._load_leader()

    def _on_day_value(self, _change: dict) -> None:
        self._session_status.value = ""
        if self._leader.value:
            self._load_session()
            self._render_overview()

    def _on_save_click(self, _button: widgets.Button) -> None:
        lang, day = self._lang, self._day.value
        texts = {name: self._notes[name].value.strip() for name in NOTE_FIELDS}
        if not day:  # the rest is the journal's validation, worded as everywhere else
            self._session_status.value = status_html("error", t("ui.coach.error.day", lang))
            return
        session = CoachSession(leader_id=self._leader.value, day=day, **texts)
        if self._session_id:  # the day's session exists: update it rather than add another
            session = replace(session, id=self._session_id)
        try:
            stored = save_session(self._journal, session)
        except LgtrackError as error:
            self._session_status.value = status_html("error", error_message(error, lang))
            return
        self._session_id = stored.id
        self._session_info.value = self._session_note()
        self._session_status.value = status_html(
            "ok", t("ui.coach.saved", lang, day=day.isoformat())
        )

    def _on_add_click(self, _button: widgets.Button) -> None:
        self._add_guard.run(self._store_action)

    def _store_action(self) -> None:
        lang, text = self._lang, self._action_text.value.strip()
        problem = None if text else t("ui.coach.actions.error.text", lang)
        if problem:
            self._actions_status.value = status_html("error", problem)
            return
        action = Action(leader_id=self._leader.value, text=text, due=self._action_due.value,
                        session_id=self._session_id)  # fmt: skip
        try:
            add_action(self._journal, action)
        except LgtrackError as error:
            self._actions_status.value = status_html("error", error_message(error, lang))
            return
        self._action_text.value = ""
        self._action_due.value = None
        self._add_guard.saved()
        self._render_actions()
        self._actions_status.value = status_html("ok", t("ui.coach.actions.added", lang))

    def _on_row_close(self, row: _ActionRow, status: str) -> None:
        if row not in self._rows:  # a second click on a row already gone
            return
        lang = self._lang
        try:
            action = close_action(self._journal, row.action.id, status, day=today_of(self._clock))
        except LgtrackError as error:
            self._actions_status.value = status_html("error", error_message(error, lang))
            return
        self._render_actions()
        key = (
            "ui.coach.actions.closed_done"
            if status == "done"
            else "ui.coach.actions.closed_dropped"
        )
        self._actions_status.value = status_html("ok", t(key, lang, text=action.text))

    def _on_report_click(self, _button: widgets.Button) -> None:
        leader, today = self.leader, today_of(self._clock)
        try:
            private_dir(self._report_dir)  # reports hold words: owner only (#10)
            target = self._report_dir / report_file_name(leader, today)
            path = write_report(self._journal, leader.id, target, today=today)
        except (LgtrackError, OSError) as error:
            self._report_status.value = status_html("error", error_message(error, self._lang))
            return
        self.last_report = path
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        link = html(
            '<a class="lg-coach-report-download" download="{}" href="data:text/html;base64,{}">'
            "{}</a>",
            path.name,
            data,
            t("ui.coach.report.download", self._lang),
        )
        written = status_html("ok", t("ui.coach.report.written", self._lang, path=str(path)))
        self._report_status.value = html("{}<p>{}</p>", written, link)
