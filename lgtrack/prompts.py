"""Reflection prompts: a small bilingual bank per discipline, read from ``prompts.yaml``.

Each bank follows the GROW model (Goal, Reality, Options, Will) and adds a review ("what went
well / what would I do differently"). A discipline without its own bank gets the generic one.

>>> prompt_at("strategic", 0).kind
'grow_goal'
>>> prompt_at("unknown-discipline", 4, framework_id="other").text.get("en")[:15]
'What went well '
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .framework import Text

KINDS = ("grow_goal", "grow_reality", "grow_options", "grow_will", "review", "focus")
_BANK_FILE = Path(__file__).with_name("prompts.yaml")


@dataclass(frozen=True)
class Prompt:
    """One question to reflect on; ``kind`` is one of :data:`KINDS`."""

    id: str
    kind: str
    text: Text


def _prompt(raw: dict) -> Prompt:
    text = raw["text"]
    return Prompt(id=str(raw["id"]), kind=str(raw["kind"]), text=Text(da=text["da"], en=text["en"]))


@cache
def _bank() -> tuple[tuple[Prompt, ...], dict[str, dict[str, tuple[Prompt, ...]]]]:
    import yaml

    with _BANK_FILE.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    generic = tuple(_prompt(item) for item in raw["generic"])
    frameworks = {
        framework_id: {
            discipline: tuple(_prompt(item) for item in items)
            for discipline, items in disciplines.items()
        }
        for framework_id, disciplines in raw.get("frameworks", {}).items()
    }
    return generic, frameworks


def generic_prompts() -> tuple[Prompt, ...]:
    """The prompts used for disciplines without a bank of their own."""
    return _bank()[0]


def prompts_for(discipline: str, framework_id: str = "stuk") -> tuple[Prompt, ...]:
    """The prompts for ``discipline`` of ``framework_id`` (the generic bank when it has none)."""
    generic, frameworks = _bank()
    return frameworks.get(framework_id, {}).get(discipline) or generic


def prompt_at(discipline: str, index: int, *, framework_id: str = "stuk") -> Prompt:
    """The ``index``-th prompt for ``discipline``, cycling round the bank."""
    bank = prompts_for(discipline, framework_id)
    return bank[index % len(bank)]


def all_banks() -> dict[str, dict[str, tuple[Prompt, ...]]]:
    """Every framework's banks, by framework id and discipline id (for checks and docs)."""
    return {fid: dict(banks) for fid, banks in _bank()[1].items()}
