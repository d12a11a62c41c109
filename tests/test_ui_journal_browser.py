"""The journal browser: filter, page, read, edit and delete (with confirmation) reflections."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

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


def test_entries_are_listed_newest_first_in_pages(journal):
    ids = [add(journal, day).id for day in range(1, 6)]
    browser = JournalBrowser(journal, page_size=2)
    assert browser.shown == ids[::-1][:2]
    assert browser._prev.disabled and not browser._next.disabled
    browser._next.click()
    assert browser.shown == ids[::-1][2:4] and browser.page == 1
    browser._next.click()
    assert browser.shown == [ids[0]] and browser._next.disabled
    assert "Side 3" in browser._page_label.value and "5–5" in browser._page_label.value
    browser._prev.click()
    assert browser.page == 1


def test_filters_narrow_the_list(journal):
    a = add(journal, 1, "strategic", "Budget og retning", tags=("budget",))
    b = add(journal, 10, "people", "Samtale om trivsel", ratings=(Rating("people.g1", 3),))
    c = add(journal, 20, "people", "Ny medarbejder", tags=("onboarding",))
    browser = JournalBrowser(journal)
    assert browser.shown == [c.id, b.id, a.id]
    browser._discipline.value = "people"
    assert browser.shown == [c.id, b.id]
    browser._behaviour.value = "people.g1"
    assert browser.shown == [b.id]
    browser._clear.click()
    assert browser.shown == [c.id, b.id, a.id]
    browser._tag.value = "#budget"
    assert browser.shown == [a.id]
    browser._clear.click()
    browser._since.value, browser._until.value = date(2026, 10, 5), date(2026, 10, 15)
    assert browser.shown == [b.id]
    browser._clear.click()
    browser._search.value = "TRIVSEL"
    assert browser.shown == [b.id]
    browser._search.value = "ingenting"
    assert browser.shown == [] and "Ingen indlæg" in browser._page_label.value


def test_the_behaviour_filter_offers_the_chosen_disciplines_behaviours(journal):
    browser = JournalBrowser(journal)
    browser._discipline.value = "self"
    ids = {value for _, value in browser._behaviour.options if value}
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
    browser = JournalBrowser(journal)
    assert browser._editor._edit_box.layout.display == "none"
    browser.select(entry.id)
    detail = browser._editor._detail.value
    assert "<img" not in detail and detail.count("&lt;img src=x onerror=alert(1)&gt;") == 2
    assert "Ved ikke" in detail
    assert browser._editor._edit_box.layout.display is None
    assert browser._editor._text.value == HOSTILE


def test_an_entry_can_be_edited(journal):
    entry = add(journal, 3, text="Før", ratings=(Rating("strategic.g1", 4),))
    browser = JournalBrowser(journal)
    browser.select(entry.id)
    browser._editor._text.value = "Efter"
    browser._editor._next_step.value = "Ring til CD"
    browser._editor._tags.value = "møde #budget"
    browser._editor._private.value = True
    browser._editor._save.click()
    stored = journal.get_reflection(entry.id)
    assert (stored.text, stored.next_step, stored.tags, stored.private) == (
        "Efter",
        "Ring til CD",
        ("budget", "møde"),
        True,
    )
    assert stored.ratings == entry.ratings and stored.day == entry.day
    assert "lg-msg-ok" in browser._editor._status.value
    assert "🔒" in browser._list.options[0][0]


def test_an_edit_that_empties_the_entry_is_refused(journal):
    entry = add(journal, 3, text="Noget")
    browser = JournalBrowser(journal)
    browser.select(entry.id)
    browser._editor._text.value = ""
    browser._editor._save.click()
    assert journal.get_reflection(entry.id).text == "Noget"
    assert "lg-msg-error" in browser._editor._status.value


def test_delete_needs_a_second_click_to_confirm(journal):
    keep, entry = add(journal, 1), add(journal, 3)
    browser = JournalBrowser(journal)
    browser.select(entry.id)
    assert browser._editor._confirm.layout.display == "none"
    assert (browser._editor._delete.description, browser._editor._confirm.description) == (
        "Slet",
        "Bekræft sletning",
    )
    browser._editor._delete.click()
    assert journal.get_reflection(entry.id)  # not yet
    assert browser._editor._confirm.layout.display is None
    assert "Bekræft sletning" in browser._editor._status.value
    browser._editor._confirm.click()
    with pytest.raises(NotFoundError):
        journal.get_reflection(entry.id)
    assert browser.shown == [keep.id] and browser._list.value is None
    assert "slettet" in browser._editor._status.value


def test_cancel_or_choosing_another_entry_withdraws_the_delete(journal):
    first, second = add(journal, 1), add(journal, 3)
    browser = JournalBrowser(journal)
    browser.select(second.id)
    browser._editor._delete.click()
    browser._editor._cancel.click()
    browser._editor._confirm.click()
    browser.select(first.id)
    browser._editor._confirm.click()
    browser.select(second.id)
    browser._editor._delete.click()
    browser.select(first.id)
    browser._editor._confirm.click()
    assert len(journal.reflections()) == 2


def test_deleting_the_last_entry_on_a_page_goes_back_a_page(journal):
    ids = [add(journal, day).id for day in range(1, 4)]
    browser = JournalBrowser(journal, page_size=2)
    browser._next.click()
    browser.select(ids[0])
    browser._editor._delete.click()
    browser._editor._confirm.click()
    assert browser.page == 0 and browser.shown == ids[:0:-1]


def test_refresh_shows_entries_added_elsewhere(journal):
    browser = JournalBrowser(journal)
    assert browser.shown == []
    entry = add(journal, 5)
    browser.refresh()
    assert browser.shown == [entry.id]


def test_switching_language_relabels_buttons_and_list(journal):
    add(journal, 5, "people")
    browser = JournalBrowser(journal)
    browser._discipline.value = "people"
    browser.set_lang("en")
    assert browser._editor._delete.description == "Delete"
    assert browser._editor._confirm.description == "Confirm deletion"
    assert browser._discipline.value == "people"
    assert "People leadership and development" in browser._list.options[0][0]


def test_the_edit_fields_fill_the_column_without_spilling_over_its_edge(journal):
    editor = JournalBrowser(journal)._editor
    # "100%" plus the widgets' margin cut the right border off at the page edge
    assert editor._text.layout.width == editor._tags.layout.width == "auto"


def test_css_classes(journal):
    browser = JournalBrowser(journal)
    assert "lg-journal" in browser._dom_classes
    for child, css_class in (
        (browser._list, "lg-journal-list"),
        (browser._search, "lg-journal-search"),
        (browser._editor._delete, "lg-journal-delete"),
        (browser._editor._confirm, "lg-journal-delete-confirm"),
        (browser._editor._save, "lg-journal-edit-save"),
        (browser._editor._detail, "lg-journal-detail"),
    ):
        assert css_class in child._dom_classes


def test_an_empty_journal_invites_the_first_reflection_rather_than_blaming_filters(journal):
    browser = JournalBrowser(journal)
    assert browser.shown == []
    assert "Ingen refleksioner endnu" in browser._page_label.value
    browser._search.value = "noget"
    assert "Ingen indlæg passer til filtrene" in browser._page_label.value
