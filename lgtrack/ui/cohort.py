"""The facilitator's cohort page: the dashboard of a leadership programme, in aggregate only.

Every figure rests on at least the cohort's k participants; hidden ones read "for få", and the
page says how many were hidden and why (:mod:`lgtrack.cohort.suppression`). The tables are the
programme report's own (:mod:`lgtrack.cohort.report`), so page and report always agree.
"""

from __future__ import annotations

import ipywidgets as widgets

from .._markup import html
from ..cohort.dashboard import cohort_dashboard
from ..cohort.importing import cohort_framework
from ..cohort.report import cohort_body_html, write_cohort_report
from ..errors import LgtrackError
from ..i18n import t
from ..journal import Journal
from ._a11y import name_control
from ._common import Clock, classed, error_message, hide, resolve_lang, status_html, today_of
from .share import default_share_dir


class CohortWidget(widgets.VBox):
    """Choose a cohort and see its dashboard; write the programme report next to the journal.

    ``lang`` defaults to the chosen cohort's language; ``clock`` fixes "today".
    """

    def __init__(self, journal: Journal, *, clock: Clock | None = None, lang: str | None = None):
        super().__init__()
        self._journal = journal
        self._clock = clock or journal.clock
        self._lang = resolve_lang(None, lang) if lang else None
        self._title = classed(widgets.HTML(), "lg-cohort-title")
        self._empty = classed(widgets.HTML(), "lg-cohort-empty")
        self._choose = classed(widgets.Dropdown(), "lg-cohort-choose")
        self._body = classed(widgets.HTML(), "lg-cohort-body")
        self._report = classed(widgets.Button(icon="download"), "lg-cohort-report")
        self._status = classed(widgets.HTML(), "lg-cohort-status")
        self._dashboard: dict | None = None
        self._choose.observe(self._on_choose_value, "value")
        self._report.on_click(self._on_report_click)
        self.children = [self._title, self._empty, self._choose, self._body, self._report,
                         self._status]  # fmt: skip
        self.add_class("lg-cohort")
        self.refresh()

    @property
    def lang(self) -> str:
        return self._lang or self._cohort_lang()

    @property
    def dashboard(self) -> dict | None:
        """The dashboard shown (the JSON of ``lgtrack cohort dashboard``), None without one."""
        return self._dashboard

    def set_lang(self, lang: str) -> None:
        self._lang = resolve_lang(None, lang)
        self.refresh()

    def refresh(self) -> None:
        cohorts = self._journal.store.cohorts.all()
        options = [
            (f"{c.name} ({c.start.isoformat()} – {c.end.isoformat()})", c.id) for c in cohorts
        ]
        chosen = self._choose.value if self._choose.value in {c.id for c in cohorts} else None
        self._choose.unobserve(self._on_choose_value, "value")
        self._choose.options = options
        self._choose.value = chosen or (cohorts[-1].id if cohorts else None)
        self._choose.observe(self._on_choose_value, "value")
        lang = self.lang
        self._title.value = html("<h3>{}</h3>", t("ui.cohort.title", lang))
        name_control(self._choose, t("ui.cohort.choose", lang))
        self._report.description = t("ui.cohort.report", lang)
        self._empty.value = html("<p><i>{}</i></p>", t("ui.cohort.none", lang))
        for part in (self._choose, self._body, self._report):
            hide(part, not cohorts)
        hide(self._empty, bool(cohorts))
        self._show()

    def _cohort(self):
        for cohort in self._journal.store.cohorts.all():
            if cohort.id == self._choose.value:
                return cohort
        return None

    def _cohort_lang(self) -> str:
        cohort = self._cohort()
        return cohort.lang if cohort is not None else "da"

    def _show(self) -> None:
        cohort = self._cohort()
        self._dashboard = None
        if cohort is None:
            self._body.value = ""
            return
        self._dashboard = cohort_dashboard(self._journal, cohort, today=today_of(self._clock))
        self._body.value = cohort_body_html(self._dashboard, cohort_framework(cohort), self.lang)

    def _on_choose_value(self, _change: dict) -> None:
        self._status.value = ""
        self._show()

    def _on_report_click(self, _button: widgets.Button) -> None:
        cohort = self._cohort()
        if cohort is None:
            return
        today = today_of(self._clock)
        out = default_share_dir(self._journal) / f"lgtrack-cohort-{today.isoformat()}.html"
        try:
            written = write_cohort_report(self._journal, cohort, out, today=today)
        except (LgtrackError, OSError) as error:
            self._status.value = status_html("error", error_message(error, self.lang))
            return
        self._status.value = status_html(
            "ok", t("ui.cohort.report_written", self.lang, path=str(written))
        )
