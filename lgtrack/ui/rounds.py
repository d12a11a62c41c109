"""The 360 page (#12): create a round, write its questionnaire, import the answers file, and
read the results under the same disclosure control as ``lgtrack round report``.

The answers file is named by its path (a file on this machine: nothing is uploaded anywhere).
The results are the report's own body (:func:`lgtrack.rounds.report.report_body`), so the
notebook and the HTML file show the same figures and hide the same ones.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from .._files import write_atomically
from .._markup import Markup, html
from ..errors import LgtrackError
from ..i18n import t
from ..journal import Journal
from ..records import ROUND_GROUPS, Round
from ..rounds import create_round, list_rounds
from ..rounds.importing import plan_import, write_import
from ..rounds.questionnaire import questionnaire_bytes
from ..rounds.report import report_body, report_html
from ..rounds.results import round_results
from ..rounds.service import find_round, previous_round
from ._a11y import name_controls
from ._common import Clock, LeaderPage, classed, error_message, resolve_lang, status_html

_WIDE = widgets.Layout(width="100%")
# The report's look for the results, scoped to this page
_STYLE = Markup(
    "<style>.lg-rounds-results table{border-collapse:collapse;width:100%}"
    ".lg-rounds-results td,.lg-rounds-results th{padding:2px 6px;text-align:left;"
    "border-bottom:1px solid #ddd;vertical-align:top}"
    ".lg-rounds-results .lg-hidden,.lg-rounds-results .lg-dist,"
    ".lg-rounds-results .lg-note{color:#555}</style>"
)


class RoundsWidget(LeaderPage):
    """My 360 rounds: choose or create one, write the questionnaire, import, read results."""

    def __init__(self, journal: Journal, *, clock: Clock | None = None, lang: str | None = None):
        super().__init__(journal, clock, lang)
        self._build()
        self._render_labels()
        self.refresh()
        self.add_class("lg-rounds")

    # -- public ---------------------------------------------------------------------------------

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self._render_labels()
        self._status.value = ""
        self._render_results()

    def refresh(self) -> None:
        """Re-read the rounds (and the chosen round's results) from the journal."""
        rounds = list_rounds(self._journal)
        current = self._round.value
        self._round.options = [(r.name, r.id) for r in reversed(rounds)]
        ids = [r.id for r in rounds]
        self._round.value = current if current in ids else (ids[-1] if ids else None)
        self._render_results()

    @property
    def selected(self) -> Round | None:
        return find_round(self._journal, self._round.value) if self._round.value else None

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self._title = widgets.HTML()
        self._round_label = widgets.HTML()
        self._round = classed(widgets.Dropdown(layout=_WIDE), "lg-rounds-round")
        self._name_label = widgets.HTML()
        self._name = classed(widgets.Text(layout=_WIDE), "lg-rounds-name")
        self._create = classed(widgets.Button(icon="plus"), "lg-rounds-create")
        self._out_label = widgets.HTML()
        self._out = classed(widgets.Text(layout=_WIDE), "lg-rounds-out")
        self._write = classed(widgets.Button(icon="file"), "lg-rounds-write")
        self._path_label = widgets.HTML()
        self._path = classed(widgets.Text(layout=_WIDE), "lg-rounds-path")
        self._group = classed(widgets.Dropdown(), "lg-rounds-group")
        self._import = classed(widgets.Button(button_style="primary", icon="upload"),
                               "lg-rounds-import")  # fmt: skip
        self._status = classed(widgets.HTML(), "lg-rounds-status")
        self._results = classed(widgets.HTML(layout=_WIDE), "lg-rounds-results")
        self._round.observe(lambda _change: self._render_results(), "value")
        self._create.on_click(lambda _button: self._on_create())
        self._write.on_click(lambda _button: self._on_write())
        self._import.on_click(lambda _button: self._on_import())
        self.children = [
            self._title,
            self._round_label, self._round,
            self._name_label, widgets.HBox([self._name, self._create]),
            self._out_label, widgets.HBox([self._out, self._write]),
            self._path_label, widgets.HBox([self._path, self._group, self._import]),
            self._status, self._results,
        ]  # fmt: skip

    def _render_labels(self) -> None:
        lang = self._lang
        self._title.value = html("<h3>{}</h3><p>{}</p>", t("ui.rounds.title", lang),
                                 t("ui.rounds.intro", lang))  # fmt: skip
        labels = {
            "round": (self._round_label, self._round),
            "name": (self._name_label, self._name),
            "out": (self._out_label, self._out),
            "path": (self._path_label, self._path),
        }
        for key, (label, _control) in labels.items():
            label.value = html("<b>{}</b>", t(f"ui.rounds.{key}", lang))
        name_controls(
            [(t(f"ui.rounds.{key}", lang), control) for key, (_l, control) in labels.items()]
        )
        name_controls([(t("ui.rounds.group", lang), self._group)])
        current = self._group.value
        self._group.options = [(t("ui.rounds.group_from_file", lang), "")] + [
            (t(f"round.group.{g}", lang), g) for g in ROUND_GROUPS
        ]
        self._group.value = current or ""
        self._create.description = t("ui.rounds.create", lang)
        self._write.description = t("ui.rounds.write", lang)
        self._import.description = t("ui.rounds.import", lang)
        self._path.placeholder = "svar.xlsx" if lang == "da" else "answers.xlsx"
        self._out.placeholder = "360.html"

    def _render_results(self) -> None:
        item = self.selected
        if item is None:
            self._results.value = html("<p><i>{}</i></p>", t("ui.rounds.none", self._lang))
            return
        results = round_results(self._journal, item, compare=previous_round(self._journal, item))
        self._results.value = _STYLE + report_body(results, lang=self._lang)

    # -- events ---------------------------------------------------------------------------------

    def _done(self, message: str) -> None:
        self._status.value = status_html("ok", message)

    def _failed(self, error: LgtrackError | OSError) -> None:
        self._status.value = status_html("error", error_message(error, self._lang))

    def _on_create(self) -> None:
        try:
            item = create_round(self._journal, self._name.value)
        except LgtrackError as error:
            self._failed(error)
            return
        self._name.value = ""
        self.refresh()
        self._round.value = item.id
        self._done(t("ui.rounds.created", self._lang, name=item.name))

    def _on_write(self) -> None:
        """``.html``: the results page; ``.xlsx``/``.csv``/``.txt``: the questionnaire."""
        item, out = self.selected, self._out.value.strip()
        try:
            if item is None or not out:
                raise LgtrackError("err_ui_rounds_choose")
            if Path(out).suffix.lower() == ".html":
                compare = previous_round(self._journal, item)
                results = round_results(self._journal, item, compare=compare)
                data = report_html(results, lang=self._lang).encode("utf-8")
            else:
                data = questionnaire_bytes(self._journal.framework(), item, out)
            written = write_atomically(out, data)
        except (LgtrackError, OSError) as error:
            self._failed(error)
            return
        self._done(t("cli_wrote", self._lang, path=written))

    def _on_import(self) -> None:
        item, path = self.selected, self._path.value.strip()
        try:
            if item is None or not path:
                raise LgtrackError("err_ui_rounds_choose")
            plan = plan_import(self._journal, item, path, group=self._group.value or None)
            added = write_import(self._journal, plan)
        except (LgtrackError, OSError) as error:
            self._failed(error)
            return
        self._render_results()
        self._done(t("cli_round_imported", self._lang, added=added,
                     total=len(plan.respondents), name=item.name))  # fmt: skip
