"""Text search over reflections: the trigram index and the exact check agree after every edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from lgtrack import EntryFilter, Journal, Reflection


@pytest.fixture
def journal():
    journal = Journal.open(":memory:")
    journal.set_profile("AB", "teamleder")
    yield journal
    journal.close()


def _found(journal: Journal, needle: str) -> list[str]:
    return [r.text for r in journal.reflections(EntryFilter(contains=needle))]


def _add(journal: Journal, text: str, **fields) -> Reflection:
    return journal.add_reflection(
        Reflection(day=date(2026, 11, 2), disciplines=("self",), text=text, **fields)
    )


def test_search_finds_substrings_in_any_case_with_danish_letters(journal):
    _add(journal, "Svær samtale om FRAVÆR med Søren")
    _add(journal, "Tavlemøde i teamet")
    assert _found(journal, "fravær") == ["Svær samtale om FRAVÆR med Søren"]
    assert _found(journal, "SØREN") == ["Svær samtale om FRAVÆR med Søren"]
    assert _found(journal, "avlemø") == ["Tavlemøde i teamet"]
    assert _found(journal, "møde i team") == ["Tavlemøde i teamet"]


def test_needles_shorter_than_three_letters_still_match(journal):
    _add(journal, "Et 1:1 med Ib")
    assert _found(journal, "ib") == ["Et 1:1 med Ib"]
    assert _found(journal, "1:") == ["Et 1:1 med Ib"]


def test_quotes_and_search_syntax_in_the_needle_are_plain_text(journal):
    _add(journal, 'Hun sagde "godt nok" og NEAR(a b) * OR')
    assert _found(journal, '"godt nok"') == ['Hun sagde "godt nok" og NEAR(a b) * OR']
    assert _found(journal, "NEAR(a b) *") == ['Hun sagde "godt nok" og NEAR(a b) * OR']
    assert _found(journal, "AND NOT") == []


def test_an_edited_reflection_is_found_by_its_new_text_only(journal):
    entry = _add(journal, "Gammel formulering")
    journal.update_reflection(replace(entry, text="Ny formulering om ansvar"))
    assert _found(journal, "gammel") == []
    assert _found(journal, "ansvar") == ["Ny formulering om ansvar"]


def test_a_deleted_reflection_is_not_found(journal):
    entry = _add(journal, "Skal slettes igen")
    journal.delete_reflection(entry.id)
    assert _found(journal, "slettes") == []


def test_prompt_and_next_step_are_searched_too(journal):
    _add(journal, "Tekst", prompt="Hvad gik godt?", next_step="Book sparring")
    assert _found(journal, "gik godt") == ["Tekst"]
    assert _found(journal, "sparring") == ["Tekst"]
