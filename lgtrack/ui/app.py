"""The "start here" app: setup on first run, then the whole product as tabs."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable

import ipywidgets as widgets

from .._markup import html
from ..errors import LgtrackError
from ..i18n import t
from ..journal import Journal
from ..records import Leader
from ._a11y import page_style
from ._common import (
    LANGUAGE_OPTIONS,
    Clock,
    classed,
    error_message,
    hide,
    quiet,
    resolve_lang,
    status_html,
)
from .feedback import FeedbackWidget
from .framework_browser import FrameworkBrowser
from .goals import GoalsWidget
from .journal_browser import JournalBrowser
from .reflect import ReflectionWidget
from .setup import SetupWidget

PAGES = ("reflect", "goals", "feedback", "journal", "development", "framework")
# Pages a notebook can show on its own (``App(journal, pages=("share",))``) besides the tabs.
ALL_PAGES = (*PAGES, "share", "rounds")
DEVELOPMENT_MODULE = "lgtrack.ui.development"
_PAGE_TITLE_KEYS = {
    "reflect": "ui.app.tab.reflect",
    "goals": "ui.app.tab.goals",
    "feedback": "ui.app.tab.feedback",
    "journal": "ui.app.tab.journal",
    "development": "ui.app.tab.development",
    "framework": "ui.app.tab.framework",
    "share": "ui.app.tab.share",
    "rounds": "ui.app.tab.rounds",
}


class _DevelopmentPlaceholder(widgets.VBox):
    """Shown in "My development" until :mod:`lgtrack.ui.development` exists."""

    def __init__(self, lang: str):
        super().__init__()
        self._note = classed(widgets.HTML(), "lg-development-placeholder")
        self.children = [self._note]
        self.set_lang(lang)

    def set_lang(self, lang: str) -> None:
        self._note.value = html("<p><i>{}</i></p>", t("ui.app.development_coming", lang))


def development_page(journal: Journal, clock: Clock, lang: str) -> widgets.Widget:
    """``lgtrack.ui.development.DevelopmentWidget(journal, clock=clock, lang=lang)``, or a short
    note while that module does not exist."""
    try:
        module = importlib.import_module(DEVELOPMENT_MODULE)
    except ModuleNotFoundError as error:
        if error.name != DEVELOPMENT_MODULE:
            raise
        return _DevelopmentPlaceholder(lang)
    widget_class = getattr(module, "DevelopmentWidget", None)
    if widget_class is None:
        return _DevelopmentPlaceholder(lang)
    return widget_class(journal, clock=clock, lang=lang)


class _LazyPage(widgets.VBox):
    """A tab whose widget is built the first time it is opened (My development draws figures,
    which would make the app slow to start)."""

    def __init__(self, build: Callable[[str], widgets.Widget], lang: str):
        super().__init__()
        self._build = build
        self._lang = lang
        self.widget: widgets.Widget | None = None

    def ensure(self) -> widgets.Widget:
        if self.widget is None:
            self.widget = self._build(self._lang)
            self.children = [self.widget]
        return self.widget

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        if self.widget is not None and hasattr(self.widget, "set_lang"):
            self.widget.set_lang(lang)

    def refresh(self) -> None:
        if self.widget is None:
            self.ensure()  # built from the journal as it is now
        elif hasattr(self.widget, "refresh"):
            self.widget.refresh()


def hub_lab_url(environ) -> str:
    """JupyterLab of this user's server when it runs under JupyterHub (which sets
    ``JUPYTERHUB_SERVICE_PREFIX``, e.g. ``/user/anna/``); "" elsewhere."""
    prefix = environ.get("JUPYTERHUB_SERVICE_PREFIX", "")
    return f"{prefix.rstrip('/')}/lab" if prefix.startswith("/") else ""


class App(widgets.VBox):
    """Setup when the journal has no profile; then Reflect · Goals · Feedback · Journal ·
    My development · The framework, with a language toggle that relabels everything.

    ``pages`` picks the pages; with one page (a task notebook) it is shown without tabs, still
    behind the setup when the journal has no profile yet.
    """

    def __init__(
        self,
        journal: Journal,
        *,
        clock: Clock | None = None,
        lang: str | None = None,
        pages: tuple[str, ...] = PAGES,
        lab_url: str | None = None,
    ):
        super().__init__()
        # On JupyterHub the page is a Voilà app; JupyterLab is one click away (#14).
        self._lab_url = lab_url if lab_url is not None else hub_lab_url(os.environ)
        unknown = [name for name in pages if name not in ALL_PAGES]
        if unknown or not pages:
            raise ValueError(f"unknown pages {unknown} (known: {', '.join(ALL_PAGES)})")
        self._page_names = tuple(pages)
        self._journal = journal
        self._clock = clock or journal.clock
        self._lang = resolve_lang(journal, lang)
        self._pages: dict[str, widgets.Widget] = {}
        self._tabs: widgets.Tab | None = None
        self._title = classed(widgets.HTML(), "lg-app-title")
        self._language = classed(
            widgets.ToggleButtons(options=LANGUAGE_OPTIONS, value=self._lang), "lg-app-lang"
        )
        self._status = classed(widgets.HTML(), "lg-app-status")
        self._body = classed(widgets.VBox(), "lg-app-body")
        header = widgets.HBox(
            [self._title, self._language, page_style()],
            layout=widgets.Layout(
                justify_content="space-between", align_items="center", flex_flow="row wrap"
            ),
        )
        self.children = [header, self._status, self._body]
        self._language.observe(self._on_language_value, "value")
        if journal.me() is None:
            self._show_setup()
        else:
            self._show_tabs()
        self._render_title()
        self.add_class("lg-app")

    # -- public API ----------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def tabs(self) -> widgets.Tab | None:
        """The tabs (None while the profile is being set up, and for a single page)."""
        return self._tabs

    def page(self, name: str) -> widgets.Widget:
        """The widget of tab ``name`` (one of :data:`PAGES`)."""
        if name not in self._pages:
            raise KeyError(f"no page '{name}' (pages: {', '.join(self._pages) or 'none yet'})")
        page = self._pages[name]
        return page.ensure() if isinstance(page, _LazyPage) else page

    def show(self, name: str) -> None:
        """Switch to tab ``name``."""
        self.page(name)
        if self._tabs is not None:
            self._tabs.selected_index = list(self._pages).index(name)

    def set_lang(self, lang: str) -> None:
        """Relabel every page in ``lang`` and remember it in the profile."""
        self._language.value = resolve_lang(None, lang)

    # -- building ------------------------------------------------------------------------------

    def _show_setup(self) -> None:
        setup = SetupWidget(self._journal, lang=self._lang)
        setup.on_done(self._on_setup_done)
        self._pages = {}
        self._body.children = [setup]
        hide(self._language)

    def _build_page(self, name: str) -> widgets.Widget:
        journal, clock, lang = self._journal, self._clock, self._lang
        if name == "reflect":
            return ReflectionWidget(journal, clock=clock, lang=lang)
        if name == "goals":
            return GoalsWidget(journal, clock=clock, lang=lang)
        if name == "feedback":
            return FeedbackWidget(journal, clock=clock, lang=lang)
        if name == "journal":
            return JournalBrowser(journal, lang=lang)
        if name == "development":
            if len(self._page_names) == 1:
                return development_page(journal, clock, lang)
            return _LazyPage(lambda lang: development_page(journal, clock, lang), lang)
        if name == "share":
            from .share import ShareWidget

            return ShareWidget(journal, clock=clock, lang=lang)
        if name == "rounds":
            from .rounds import RoundsWidget

            return RoundsWidget(journal, clock=clock, lang=lang)
        return FrameworkBrowser(journal.framework(), journal.require_me().level, lang)

    def _show_tabs(self) -> None:
        self._journal.require_me()
        self._pages = {name: self._build_page(name) for name in self._page_names}
        if len(self._pages) == 1:
            self._tabs = None
            self._body.children = list(self._pages.values())
            hide(self._language, False)
            return
        self._tabs = classed(widgets.Tab(children=list(self._pages.values())), "lg-app-tabs")
        self._render_tab_titles()
        self._tabs.observe(self._on_tabs_selected_index, "selected_index")
        self._body.children = [self._tabs]
        hide(self._language, False)

    def _render_title(self) -> None:
        me = self._journal.me()
        title = t("ui.app.title", self._lang)
        who = html(" <span style='color:#555'>· {}</span>", me.name) if me else ""
        lab = ""
        if self._lab_url:
            lab = html(
                " <a class='lg-app-lab' href='{}' target='_blank' rel='noopener' "
                "style='font-size:0.6em;font-weight:normal'>{}</a>",
                self._lab_url,
                t("ui.app.open_lab", self._lang),
            )
        self._title.value = html("<h2 style='margin:0.3em 0'>{}{}{}</h2>", title, who, lab)

    def _render_tab_titles(self) -> None:
        if self._tabs is not None:
            self._tabs.titles = tuple(t(_PAGE_TITLE_KEYS[name], self._lang) for name in self._pages)

    # -- events --------------------------------------------------------------------------------

    def _on_setup_done(self, leader: Leader) -> None:
        self._lang = leader.lang
        self._show_tabs()
        with quiet(self._language, self._on_language_value):
            self._language.value = leader.lang
        self._render_title()

    def _on_language_value(self, change: dict) -> None:
        self._lang = change["new"]
        self._remember_language()
        self._render_title()
        self._render_tab_titles()
        for page in self._body.children if self._tabs is None else self._pages.values():
            if hasattr(page, "set_lang"):
                page.set_lang(self._lang)

    def _remember_language(self) -> None:
        me = self._journal.me()
        if me is None or me.lang == self._lang:
            return
        try:
            self._journal.set_profile(
                me.name,
                me.level,
                framework=self._journal.framework(),
                lang=self._lang,
                unit=me.unit,
            )
        except LgtrackError as error:
            self._status.value = status_html("error", error_message(error, self._lang))

    def _on_tabs_selected_index(self, change: dict) -> None:
        name = list(self._pages)[change["new"]] if change["new"] is not None else None
        page = self._pages.get(name) if name else None
        if page is not None and hasattr(page, "refresh"):
            page.refresh()
