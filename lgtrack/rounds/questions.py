"""What a round asks, and how an answer in a file is read.

The questionnaire asks, per chosen discipline, its general statements and the behaviours of the
leader's level, on the framework's scale plus "Ved ikke"; a relation question (which group the
respondent belongs to) and two open questions ("fortsæt med", "overvej at ændre").

Headers and answers are matched ignoring differences in whitespace, case and typographic
quotes and dashes, in either language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..framework import Behaviour, Framework
from ..i18n import LANGUAGES, t
from ..records import ROUND_GROUPS, ROUND_QUESTIONS, Round

# Columns a survey tool adds about the respondent: never matched, never stored.
# Microsoft Forms (en, da), SurveyXact and the usual spellings.
METADATA = frozenset(
    {
        "id", "respondent", "respondentid", "respondent id", "responseid", "response id",
        "start time", "starttime", "completion time", "completiontime", "last modified time",
        "email", "e-mail", "mail", "name", "navn", "starttidspunkt", "fuldførelsestidspunkt",
        "sluttidspunkt", "tidspunkt for seneste ændring", "seneste ændring", "e-mailadresse",
        "submitdate", "startdate", "enddate", "timestamp", "tidsstempel", "closetime",
        "statovergang", "status", "ip", "ip address", "ip-adresse", "language", "sprog",
    }
)  # fmt: skip
GROUP_HEADERS = frozenset({"group", "gruppe", "relation", "rolle", "role"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                         "‚": "'", "´": "'", "`": "'", "–": "-", "—": "-", "\u00a0": " "})  # fmt: skip
_SPACE = re.compile(r"\s+")


def norm(text: object) -> str:
    """``text`` for matching: typographic quotes and dashes plain, whitespace collapsed,
    case folded, a trailing colon or question mark dropped."""
    plain = _SPACE.sub(" ", str(text).translate(_QUOTES)).strip().casefold()
    return plain.rstrip(" :?*").strip()


@dataclass(frozen=True)
class Questions:
    """The questions of ``round`` under ``framework``, in the order the questionnaire asks."""

    framework: Framework
    round: Round

    @cached_property
    def behaviours(self) -> tuple[Behaviour, ...]:
        level = self.round.level if self.round.level in self.framework.level_ids else None
        return tuple(
            b
            for d in self.framework.disciplines
            if d.id in self.round.disciplines
            for b in d.behaviours_for(level)
        )

    @cached_property
    def by_header(self) -> dict[str, tuple[str, ...]]:
        """Normalised header → the behaviour ids it may stand for, in the questionnaire's order:
        by id, by text in every language, and by text with its discipline's name. A text two
        disciplines share (the framework repeats one for some levels) stands for both, and the
        importer gives its columns to them in order."""
        found: dict[str, tuple[str, ...]] = {}
        for b in self.behaviours:
            keys = {norm(b.id)}
            for lang in LANGUAGES:
                keys.add(norm(b.text.get(lang)))
                keys.add(norm(self._with_discipline(b, lang)))
            for key in keys:
                found[key] = (*found.get(key, ()), b.id)
        return found

    def header(self, behaviour: Behaviour, lang: str) -> str:
        """The question for ``behaviour``: its text, with the discipline's name when another
        behaviour of the round has the same text."""
        text = behaviour.text.get(lang)
        twins = [b for b in self.behaviours if b.text.get(lang) == text]
        return self._with_discipline(behaviour, lang) if len(twins) > 1 else text

    def _with_discipline(self, behaviour: Behaviour, lang: str) -> str:
        name = self.framework.discipline_name(behaviour.discipline, lang)
        return f"{behaviour.text.get(lang)} ({name})"

    @cached_property
    def text_headers(self) -> dict[str, str]:
        """Normalised header → open question (``continue``/``change``)."""
        found = {}
        for question in ROUND_QUESTIONS:
            for lang in LANGUAGES:
                found[norm(t(f"round.q.{question}", lang))] = question
                found[norm(t(f"round.q.{question}.short", lang))] = question
            found[question] = question
        return found

    @cached_property
    def relation_headers(self) -> frozenset[str]:
        return GROUP_HEADERS | {norm(t("round.q.relation", lang)) for lang in LANGUAGES}

    @cached_property
    def seen_values(self) -> dict[str, int | None]:
        """Answers as written in a file → score, filled by the importer as it reads them."""
        return {}

    @cached_property
    def scale_values(self) -> dict[str, int | None]:
        """Normalised answer → score (None for "Ved ikke" and an empty answer)."""
        scale = self.framework.scale
        found: dict[str, int | None] = {"": None}
        for lang in LANGUAGES:
            found[norm(t("dont_know", lang))] = None
            for score in scale.values:
                found[norm(scale.label(score, lang))] = score
                found[norm(f"{score} - {scale.label(score, lang)}")] = score
        for score in scale.values:
            found[str(score)] = score
        for alias in ("?", "-", "n/a", "na", "vedikke", "ved-ikke"):
            found[alias] = None
        return found


def group_values(mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Normalised relation answer → group: group ids, the questionnaire's options and the
    feedback roles' names in either language, then ``mapping`` (``--group-map``) on top."""
    found = {}
    for group in ROUND_GROUPS:
        found[group] = group
        for lang in LANGUAGES:
            found[norm(t(f"round.group.{group}", lang))] = group
            found[norm(t(f"round.relation.{group}", lang))] = group
            if group != "self":  # the feedback roles' names: "Min leder", "Kollega", …
                found[norm(t(f"ui.role.{group}", lang))] = group
                found[norm(t(f"md_role_{group}", lang))] = group
    for value, group in (mapping or {}).items():
        found[norm(value)] = group
    return found


def relation_options(lang: str) -> list[str]:
    """The answers the relation question offers, in ``lang``."""
    return [t(f"round.relation.{group}", lang) for group in ROUND_GROUPS]


def answer_options(framework: Framework, lang: str) -> list[str]:
    """The scale's labels then "Ved ikke", in ``lang``."""
    scale = framework.scale
    return [scale.label(score, lang) for score in scale.values] + [t("dont_know", lang)]
