"""The "start here" app: setup first, then the tabs, with a language toggle."""

from __future__ import annotations

import sys
import types
from datetime import date, datetime, timezone

import ipywidgets as widgets
import pytest
from pages import AppPage, SetupPage, css_classes

import lgtrack.ui
from lgtrack import Journal, Reflection
from lgtrack.ui import App, ReflectionWidget, SetupWidget
from lgtrack.ui.app import DEVELOPMENT_MODULE, PAGES

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
TITLES_DA = ("Reflektér", "Mål", "Feedback", "Journal", "Min udvikling", "Ledelsesgrundlaget")
TITLES_EN = ("Reflect", "Goals", "Feedback", "Journal", "My development", "The framework")


@pytest.fixture
def empty():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    yield journal
    journal.close()


@pytest.fixture
def journal(empty):
    empty.set_profile("AB", "teamleder", lang="da")
    return empty


def test_an_empty_journal_starts_with_setup_then_shows_the_tabs(empty):
    app = App(empty)
    page = AppPage(app)
    assert app.tabs is None
    [setup] = page.body
    assert isinstance(setup, SetupWidget)
    setup_page = SetupPage(setup)
    setup_page.type_name("AB")
    setup_page.choose_level("teamleder")
    setup_page.choose_language("en")
    setup_page.save()
    assert app.tabs is not None and page.tab_titles == TITLES_EN
    assert page.lang == "en" and page.language == "en"
    assert page.language_shown
    assert isinstance(app.page("reflect"), ReflectionWidget)


def test_a_journal_with_a_profile_opens_on_the_tabs(journal):
    app = App(journal)
    page = AppPage(app)
    assert page.tab_titles == TITLES_DA
    assert app.tabs.selected_index == 0
    assert "AB" in page.title_html
    for index, name in enumerate(PAGES):  # one tab per page, in this order
        app.show(name)
        assert app.tabs.selected_index == index, name
    assert len(app.tabs.children) == len(PAGES)


def test_the_language_toggle_relabels_every_page_and_is_remembered(journal):
    page = AppPage(App(journal))
    page.choose_language("en")
    assert page.tab_titles == TITLES_EN
    assert page.page("reflect").save_label == "Save"
    assert page.page("goals").save_label == "Add goal"
    assert page.page("journal").delete_label == "Delete"
    assert "Strategic leadership" in page.page("framework").discipline_options[0]
    assert "My leadership development" in page.title_html
    assert journal.me().lang == "en"
    page.set_lang("da")
    assert page.tab_titles == TITLES_DA and journal.me().lang == "da"


def test_opening_a_tab_refreshes_it(journal):
    app = App(journal)
    entry = journal.add_reflection(
        Reflection(day=date(2026, 11, 1), disciplines=("self",), text="x")
    )
    assert app.page("journal").shown == []
    app.show("journal")
    assert app.page("journal").shown == [entry.id]


def test_a_reflection_saved_in_the_app_is_in_the_journal(journal):
    reflect = AppPage(App(journal)).page("reflect")
    reflect.write("Fra appen")
    reflect.save()
    assert [r.text for r in journal.reflections()] == ["Fra appen"]


def test_my_development_shows_a_note_until_its_module_exists(journal, monkeypatch):
    monkeypatch.setitem(sys.modules, DEVELOPMENT_MODULE, None)  # as if it were not written yet
    app = App(journal)
    note = app.page("development")
    assert "lg-development-placeholder" in css_classes(note.children[0])
    assert "udviklingskurver" in note.children[0].value
    app.set_lang("en")
    assert "development curves" in note.children[0].value


def test_my_development_uses_the_development_widget_when_it_exists(journal, monkeypatch):
    made = []

    class DevelopmentWidget(widgets.VBox):
        def __init__(self, journal, *, clock=None, lang=None):
            super().__init__()
            made.append((journal, clock, lang))

    fake = types.ModuleType(DEVELOPMENT_MODULE)
    fake.DevelopmentWidget = DevelopmentWidget
    monkeypatch.setitem(sys.modules, DEVELOPMENT_MODULE, fake)
    clock = journal.clock
    app = App(journal, clock=clock)
    assert made == []  # built when first opened: the app starts fast
    app.set_lang("en")
    app.show("development")
    assert made == [(journal, clock, "en")]
    assert isinstance(app.page("development"), DevelopmentWidget)
    app.show("reflect")
    app.show("development")
    assert len(made) == 1


def test_my_development_opens_with_the_installed_module(journal):
    app = App(journal)
    app.show("development")
    [page] = app.tabs.children[PAGES.index("development")].children
    assert page is app.page("development")


def test_an_unknown_page_is_a_key_error(journal):
    with pytest.raises(KeyError, match="no page 'stats'"):
        App(journal).page("stats")


def test_the_package_exports_the_widgets():
    assert set(lgtrack.ui.__all__) == {
        "App",
        "CoachWidget",
        "CohortWidget",
        "DevelopmentWidget",
        "ShareWidget",
        "FeedbackWidget",
        "FrameworkBrowser",
        "GoalsWidget",
        "JournalBrowser",
        "ReflectionWidget",
        "SetupWidget",
    }
    for name in lgtrack.ui.__all__:
        assert isinstance(getattr(lgtrack.ui, name), type)


def test_css_classes(journal):
    app = App(journal)
    page = AppPage(app)
    assert "lg-app" in css_classes(app)
    assert "lg-app-tabs" in css_classes(app.tabs)
    assert page.find("lg-app-lang") is not None


def test_a_single_page_shows_without_tabs(journal):
    app = App(journal, pages=("reflect",))
    assert app.tabs is None
    assert isinstance(app.page("reflect"), lgtrack.ui.ReflectionWidget)


def test_a_single_page_asks_for_the_profile_first(empty):
    app = App(empty, pages=("goals",))
    page = AppPage(app)
    [setup] = page.body
    assert isinstance(setup, SetupWidget)
    setup_page = page.setup()
    setup_page.type_name("ÆØ")
    setup_page.choose_level("kontorchef")
    setup_page.save()
    assert empty.me().name == "ÆØ"
    assert isinstance(app.page("goals"), lgtrack.ui.GoalsWidget)


def test_the_share_page_is_offered_on_its_own(journal):
    app = App(journal, pages=("share",))
    assert isinstance(app.page("share"), lgtrack.ui.ShareWidget)


def test_unknown_pages_are_refused(journal):
    with pytest.raises(ValueError, match="unknown pages"):
        App(journal, pages=("nope",))


def test_on_jupyterhub_the_app_links_to_jupyterlab_one_click_away(tmp_path):
    from lgtrack.ui.app import hub_lab_url

    assert hub_lab_url({"JUPYTERHUB_SERVICE_PREFIX": "/user/anna/"}) == "/user/anna/lab"
    assert hub_lab_url({}) == ""
    with Journal.open(tmp_path / "j") as journal:
        journal.set_profile("Anna", "teamleder")
        on_hub = AppPage(App(journal, lang="en", lab_url="/user/anna/lab", pages=("reflect",)))
        assert "href='/user/anna/lab'" in on_hub.title_html
        assert "Open in JupyterLab" in on_hub.title_html
        on_hub.choose_language("da")
        assert "Åbn i JupyterLab" in on_hub.title_html
        elsewhere = AppPage(App(journal, lang="en", lab_url="", pages=("reflect",)))
        assert "JupyterLab" not in elsewhere.title_html
