"""The reflection prompt bank: bilingual, GROW plus a review for every discipline."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from catalogue_support import report, text_problems

from lgtrack import load_framework
from lgtrack.prompts import KINDS, all_banks, generic_prompts, prompt_at, prompts_for

GROW_AND_REVIEW = {"grow_goal", "grow_reality", "grow_options", "grow_will", "review"}
STUK = load_framework("stuk")
PROMPTS_FILE = Path(__file__).resolve().parents[1] / "lgtrack" / "prompts.yaml"


def prompt_problems(where: str, item: object) -> list[str]:
    """What is wrong with one prompt of the bank file (``{id, kind, text: {da, en}}``)."""
    if not isinstance(item, dict):
        return [f"{where}: not a prompt but {type(item).__name__}"]
    name = item.get("id")
    if not isinstance(name, str) or not name.strip():
        return [f"{where}: no id"]
    problems = [f"{name}: {problem}" for problem in text_problems(item.get("text"))]
    if item.get("kind") not in KINDS:
        problems.append(f"{name}: kind {item.get('kind')!r} is not one of {', '.join(KINDS)}")
    text = item.get("text")
    if isinstance(text, dict) and text.get("da") and text.get("da") == text.get("en"):
        problems.append(f"{name}: the English is the Danish")
    unknown = sorted(set(item) - {"id", "kind", "text"})
    if unknown:
        problems.append(f"{name}: unknown fields {unknown}")
    return problems


def bank_problems(raw: object) -> list[str]:
    """Every bad prompt of the bank file, and ids used twice."""
    if not isinstance(raw, dict) or not isinstance(raw.get("generic"), list):
        return ["the file needs a 'generic' list of prompts"]
    banks = {"generic": raw["generic"]}
    frameworks = raw.get("frameworks") or {}
    for framework_id, disciplines in frameworks.items():
        for discipline, items in (disciplines or {}).items():
            banks[f"frameworks.{framework_id}.{discipline}"] = items
    problems, ids = [], Counter()
    for where, items in banks.items():
        if not isinstance(items, list) or not items:
            problems.append(f"{where}: not a list of prompts")
            continue
        for index, item in enumerate(items):
            problems += prompt_problems(f"{where}[{index}]", item)
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids[item["id"]] += 1
    problems += [
        f"{name}: the id is used {count} times" for name, count in ids.items() if count > 1
    ]
    return problems


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


def test_every_prompt_has_danish_and_english_text_a_known_kind_and_its_own_id():
    problems = bank_problems(yaml.safe_load(PROMPTS_FILE.read_text(encoding="utf-8")))
    assert problems == [], report(problems)
    loaded = list(generic_prompts()) + [
        p for banks in all_banks().values() for bank in banks.values() for p in bank
    ]
    assert len(loaded) > 30  # the check read the bank the widgets use


def test_the_prompt_check_lists_every_problem_at_once():
    good = {
        "id": "g.1",
        "kind": "review",
        "text": {"da": "Hvad gik godt?", "en": "What went well?"},
    }
    raw = {
        "generic": [good, {"id": "g.2", "kind": "chat", "text": {"da": "Hej", "en": "Hej"}}],
        "frameworks": {
            "x": {
                "a": [{**good, "text": {"da": "Kun dansk"}}, {"kind": "review"}],
                "b": [],
            }
        },
    }
    assert bank_problems(raw) == [
        "g.2: kind 'chat' is not one of " + ", ".join(KINDS),
        "g.2: the English is the Danish",
        "g.1: no en",
        "frameworks.x.a[1]: no id",
        "frameworks.x.b: not a list of prompts",
        "g.1: the id is used 2 times",
    ]


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
