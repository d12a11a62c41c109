"""Questions for the leader to think about before the next session.

In order: how the open actions went, what it takes to move goals that lag, why others see a
discipline differently (a blind spot), then the reflection bank's review and options prompts
(:mod:`lgtrack.prompts`) for the disciplines that need attention most, and one closing question.
"""

from __future__ import annotations

from ..analysis import coverage_by_discipline
from ..i18n import t
from ..prompts import prompts_for
from .overview import Overview

MAX_ACTIONS = 3
MAX_GOALS = 2
FOCUS_DISCIPLINES = 2
PROMPT_KINDS = ("review", "grow_options")


def focus_disciplines(overview: Overview, limit: int = FOCUS_DISCIPLINES) -> list[str]:
    """Disciplines needing attention: blind spots first, then the lowest coverage."""
    framework = overview.framework
    perceived = overview.perception[overview.perception["role"] == "all"]
    blind = set(perceived.loc[perceived["verdict"] == "blind_spot", "discipline"])
    shares = coverage_by_discipline(overview.coverage, framework).set_index("discipline")["share"]
    shares = shares.fillna(1.0)  # a discipline without behaviours at this level needs no attention
    order = sorted(framework.discipline_ids, key=lambda d: (d not in blind, shares.get(d, 1.0)))
    return order[:limit]


def blind_spots(overview: Overview) -> list[str]:
    perceived = overview.perception[overview.perception["role"] == "all"]
    return list(perceived.loc[perceived["verdict"] == "blind_spot", "discipline"])


def prep_questions(overview: Overview, lang: str) -> list[str]:
    """The questions in ``lang``; never empty (the closing question is always there)."""
    framework = overview.framework
    questions = [
        t("report.prep.action", lang, action=action.text)
        for action in overview.open_actions[:MAX_ACTIONS]
    ]
    lagging = overview.goals[overview.goals["state"].isin(["behind", "overdue"])]
    questions += [
        t("report.prep.goal", lang, title=title) for title in lagging["title"][:MAX_GOALS]
    ]
    questions += [
        t("report.prep.blind_spot", lang, discipline=framework.discipline(d).name.get(lang))
        for d in blind_spots(overview)[:1]
    ]
    for discipline in focus_disciplines(overview):
        bank = prompts_for(discipline, framework.id)
        for kind in PROMPT_KINDS:
            prompt = next((p for p in bank if p.kind == kind), None)
            if prompt is not None:
                questions.append(prompt.text.get(lang))
    questions.append(t("report.prep.closing", lang))
    return list(dict.fromkeys(questions))
