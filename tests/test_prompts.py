"""The reflection prompt bank: bilingual, GROW plus a review for every discipline."""

from __future__ import annotations

import pytest

from lgtrack import load_framework
from lgtrack.prompts import KINDS, all_banks, generic_prompts, prompt_at, prompts_for

GROW_AND_REVIEW = {"grow_goal", "grow_reality", "grow_options", "grow_will", "review"}
STUK = load_framework("stuk")


@pytest.mark.parametrize("discipline", STUK.discipline_ids)
def test_every_stuk_discipline_has_grow_prompts_and_a_review(discipline):
    bank = prompts_for(discipline, "stuk")
    assert len(bank) >= 4
    assert {p.kind for p in bank} >= GROW_AND_REVIEW
    assert bank is not generic_prompts()


def test_the_review_prompt_asks_what_went_well_and_what_to_do_differently():
    for discipline in STUK.discipline_ids:
        review = next(p for p in prompts_for(discipline) if p.kind == "review")
        assert "gik godt" in review.text.da and "anderledes" in review.text.da
        assert "went well" in review.text.en and "differently" in review.text.en


def test_every_prompt_has_danish_and_english_text_and_a_known_kind():
    prompts = list(generic_prompts()) + [
        p for banks in all_banks().values() for bank in banks.values() for p in bank
    ]
    for prompt in prompts:
        assert prompt.kind in KINDS, prompt.id
        assert prompt.text.da.strip() and prompt.text.en.strip(), prompt.id
        assert prompt.text.da != prompt.text.en, prompt.id
    ids = [p.id for p in prompts]
    assert len(ids) == len(set(ids))


def test_banks_name_only_disciplines_the_framework_has():
    for framework_id, banks in all_banks().items():
        assert set(banks) <= set(load_framework(framework_id).discipline_ids)


def test_a_discipline_without_its_own_bank_gets_the_generic_grow_prompts():
    kodeks = load_framework("kodeks")
    bank = prompts_for(kodeks.discipline_ids[0], "kodeks")
    assert bank == generic_prompts()
    assert {p.kind for p in bank} >= GROW_AND_REVIEW


def test_prompt_at_cycles_round_the_bank():
    bank = prompts_for("people")
    seen = [prompt_at("people", i).id for i in range(len(bank) * 2)]
    assert seen[: len(bank)] == [p.id for p in bank]
    assert seen[len(bank) :] == seen[: len(bank)]
    assert prompt_at("people", -1) == bank[-1]
