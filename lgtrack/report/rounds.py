"""The 360 rounds a leader shared with her coach (#12): one small table per round.

Only what the bundle holds, which is only what the leader's own report shows: per behaviour her
own rating, each group that answered, and all others pooled; a hidden figure reads "for få
svar", never a number. The coach's report and the coach's page show the same section.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._markup import Markup
from ..framework import Framework
from ..i18n import t
from ..records import ROUND_OTHER_GROUPS as OTHER_GROUPS
from ._templates import macros
from ._text import behaviour_text, decimal, snippet


def rounds_section(rounds: Sequence[dict[str, Any]], framework: Framework, lang: str) -> Markup:
    """The section of every shared round, oldest first."""
    tables = [_round_table(entry, framework, lang) for entry in rounds]
    return macros().shared_rounds(
        t("report.rounds.title", lang), t("report.rounds.note", lang), tables
    )


def _round_table(entry: dict[str, Any], framework: Framework, lang: str) -> tuple:
    group = {g: t(f"round.group.{g}", lang) for g in entry["groups"]}
    answered = [g for g in OTHER_GROUPS if entry["groups"][g]["n"] > 0]
    heading = t(
        "report.rounds.heading", lang, name=entry["name"],
        status=t(f"round.status.{entry['status']}", lang), created=entry["created_on"],
    )  # fmt: skip
    respondents = " · ".join(f"{group[g]} {entry['groups'][g]['n']}" for g in entry["groups"])
    minimums = ", ".join(f"{group[g]} {entry['minimums'][g]}" for g in OTHER_GROUPS)
    facts = t("report.rounds.facts", lang, respondents=respondents, minimums=minimums)
    head = [t("round.report.behaviour", lang), group["self"]]
    head += [group[g] for g in answered] + [t("round.report.others", lang)]
    rows = []
    for b in entry["behaviours"]:
        cells = [snippet(behaviour_text(framework, b["id"], lang), 90), decimal(b["self"], lang)]
        cells += [_cell(b["groups"][g], lang) for g in answered]
        cells.append(_cell(b["others"], lang))
        rows.append((cells, ""))
    return heading, facts, head, rows


def _cell(cell: dict[str, Any] | None, lang: str) -> str:
    if cell is None:
        return t("round.too_few", lang)
    return t("round.cell", lang, mean=decimal(cell["mean"], lang), n=cell["n"])
