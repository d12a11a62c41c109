"""The journal browser: filter, page, read, edit and delete (with confirmation) reflections."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pages import JournalBrowserPage, css_classes

from lgtrack import Journal, NotFoundError, Rating, Reflection
from lgtrack.ui import JournalBrowser

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def journal():
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", "teamleder", lang="da")
    yield journal
    journal.close()


def add(
    journal: Journal, day: int, discipline: str = "strategic", text: str = "", **fields
) -> Reflection:
    return journal.add_reflection(
        Reflection(
            day=date(2026, 10, day), disciplines=(discipline,), text=text or f"dag {day}", **fields
        )
    )


def browse(journal: Journal, **options) -> JournalBrowserPage:
    return JournalBrowserPage(JournalBrowser(journal, **options))


def test_entries_are_listed_newest_first_in_pages(journal):
    ids = [add(journal, day).id for day in range(1, 6)]
    page = browse(journal, page_size=2)
    assert page.shown == ids[::-1][:2]
    assert not page.can_go_back and page.can_go_on
    page.next_page()
    assert page.shown == ids[::-1][2:4] and page.page_number == 1
    page.next_page()
    assert page.shown == [ids[0]] and not page.can_go_on
    assert "Side 3" in page.page_label and "5–5" in page.page_label
    page.previous_page()
    assert page.page_number == 1


def test_filters_narrow_the_list(journal):
    a = add(journal, 1, "strategic", "Budget og retning", tags=("budget",))
    b = add(journal, 10, "people", "Samtale om trivsel", ratings=(Rating("people.g1", 3),))
    c = add(journal, 20, "people", "Ny medarbejder", tags=("onboarding",))
    page = browse(journal)
    assert page.shown == [c.id, b.id, a.id]
    page.choose_discipline("people")
    assert page.shown == [c.id, b.id]
    page.choose_behaviour("people.g1")
    assert page.shown == [b.id]
    page.clear_filters()
    assert page.shown == [c.id, b.id, a.id]
    page.filter_tag("#budget")
    assert page.shown == [a.id]
    page.clear_filters()
    page.filter_dates(date(2026, 10, 5), date(2026, 10, 15))
    assert page.shown == [b.id]
    page.clear_filters()
    page.search("TRIVSEL")
    assert page.shown == [b.id]
    page.search("ingenting")
    assert page.shown == [] and "Ingen indlæg" in page.page_label


def test_the_behaviour_filter_offers_the_chosen_disciplines_behaviours(journal):
    page = browse(journal)
    page.choose_discipline("self")
    ids = {value for _, value in page.behaviour_options if value}
    assert ids and all(bid.startswith("self.") for bid in ids)
    assert "self.kontorchef.1" in ids  # every level: older entries may rate other levels


def test_selecting_an_entry_shows_it_with_hostile_text_escaped(journal):
    entry = add(
        journal,
        3,
        text=HOSTILE,
        next_step=HOSTILE,
        tags=("x",),
        ratings=(Rating("strategic.g1", None),),
    )
    page = browse(journal)
    assert page.editor_hidden
    page.open(entry.id)
    detail = page.detail_html
    assert "<img" not in detail and detail.count("&lt;img src=x onerror=alert(1)&gt;") == 2
    assert "Ved ikke" in detail
    assert not page.editor_hidden
    assert page.edit_text == HOSTILE


def test_an_entry_can_be_edited(journal):
    entry = add(journal, 3, text="Før", ratings=(Rating("strategic.g1", 4),))
    page = browse(journal)
    page.open(entry.id)
    page.edit(text="Efter", next_step="Ring til CD", tags="møde #budget", private=True)
    page.save_changes()
    stored = journal.get_reflection(entry.id)
    assert (stored.text, stored.next_step, stored.tags, stored.private) == (
        "Efter",
        "Ring til CD",
        ("budget", "møde"),
        True,
    )
    assert stored.ratings == entry.ratings and stored.day == entry.day
    assert page.status.kind == "ok"
    assert "🔒" in page.entry_labels[0]


def test_an_edit_that_empties_the_entry_is_refused(journal):
    entry = add(journal, 3, text="Noget")
    page = browse(journal)
    page.open(entry.id)
    page.edit(text="")
    page.save_changes()
    assert journal.get_reflection(entry.id).text == "Noget"
    assert page.status.kind == "error"


def test_delete_needs_a_second_click_to_confirm(journal):
    keep, entry = add(journal, 1), add(journal, 3)
    page = browse(journal)
    page.open(entry.id)
    assert page.confirm_hidden
    assert (page.delete_label, page.confirm_label) == ("Slet", "Bekræft sletning")
    page.delete()
    assert journal.get_reflection(entry.id)  # not yet
    assert not page.confirm_hidden
    assert "Bekræft sletning" in page.status.text
    page.confirm_delete()
    with pytest.raises(NotFoundError):
        journal.get_reflection(entry.id)
    assert page.shown == [keep.id] and page.selected is None
    assert "slettet" in page.status.text


def test_cancel_or_choosing_another_entry_withdraws_the_delete(journal):
    first, second = add(journal, 1), add(journal, 3)
    page = browse(journal)
    page.open(second.id)
    page.delete()
    page.cancel_delete()
    page.confirm_delete()
    page.open(first.id)
    page.confirm_delete()
    page.open(second.id)
    page.delete()
    page.open(first.id)
    page.confirm_delete()
    assert len(journal.reflections()) == 2


def test_deleting_the_last_entry_on_a_page_goes_back_a_page(journal):
    ids = [add(journal, day).id for day in range(1, 4)]
    page = browse(journal, page_size=2)
    page.next_page()
    page.open(ids[0])
    page.delete()
    page.confirm_delete()
    assert page.page_number == 0 and page.shown == ids[:0:-1]


def test_refresh_shows_entries_added_elsewhere(journal):
    browser = JournalBrowser(journal)
    page = JournalBrowserPage(browser)
    assert page.shown == []
    entry = add(journal, 5)
    browser.refresh()
    assert page.shown == [entry.id]


def test_switching_language_relabels_buttons_and_list(journal):
    add(journal, 5, "people")
    page = browse(journal)
    page.choose_discipline("people")
    page.set_lang("en")
    assert page.delete_label == "Delete"
    assert page.confirm_label == "Confirm deletion"
    assert page.discipline == "people"
    assert "People leadership and development" in page.entry_labels[0]


def test_the_edit_fields_fill_the_column_without_spilling_over_its_edge(journal):
    page = browse(journal)
    # "100%" plus the widgets' margin cut the right border off at the page edge
    text, tags = page.find("lg-journal-edit-text"), page.find("lg-journal-edit-tags")
    assert text.layout.width == tags.layout.width == "auto"


def test_css_classes(journal):
    page = browse(journal)
    assert "lg-journal" in css_classes(page.widget)
    for css_class in (
        "lg-journal-list",
        "lg-journal-search",
        "lg-journal-delete",
        "lg-journal-delete-confirm",
        "lg-journal-edit-save",
        "lg-journal-detail",
    ):
        assert page.find(css_class) is not None


def test_an_empty_journal_invites_the_first_reflection_rather_than_blaming_filters(journal):
    page = browse(journal)
    assert page.shown == []
    assert "Ingen refleksioner endnu" in page.page_label
    page.search("noget")
    assert "Ingen indlæg passer til filtrene" in page.page_label
