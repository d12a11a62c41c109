"""The journal as a readable Markdown document: per leader, reflections, goals and feedback.

Entries come newest first, each under its own heading; labels are in the profile's language
(``lang``), behaviours are shown with their text from the leader's framework, and the text a
leader wrote is kept as written. Private entries are included and marked: this is the leader's
own copy of everything.

The document cannot attack its reader: HTML in any text (``<script>``, ``<img onerror=…>``) is
escaped, so a Markdown renderer shows it as text; images do not load; terminal escapes and
bidi overrides are removed (:func:`lgtrack._text.markdown_safe`).
"""

from __future__ import annotations

from datetime import datetime

from .._text import markdown_safe
from ..errors import LgtrackError
from ..framework import Framework
from ..i18n import t
from ..journal import Journal
from ..query import EntryFilter
from ..records import Feedback, Goal, Leader, Rating, Reflection

_EVERYTHING = EntryFilter(include_private=True)


def export_markdown(journal: Journal, *, now: datetime, lang: str | None = None) -> str:
    """The whole journal as Markdown; ``lang`` defaults to the profile's language."""
    me = journal.me()
    lang = lang or (me.lang if me else "da")
    sections = [_leader_section(journal, leader, lang, now) for leader in journal.leaders()]
    if not sections:
        sections = [[f"# {t('md_title', lang, name='—')}", "", t("md_none", lang)]]
    document = "\n\n".join("\n".join(lines).rstrip() for lines in sections) + "\n"
    return markdown_safe(document)  # every text in it, whoever wrote it (bundles, frameworks)


class _Names:
    """Framework names for ids, falling back on the id when the framework is unavailable."""

    def __init__(self, journal: Journal, leader: Leader, lang: str):
        self.lang = lang
        try:
            self.fw: Framework | None = journal.framework_for(leader)
        except LgtrackError:
            self.fw = None

    def discipline(self, discipline_id: str) -> str:
        try:
            return (
                self.fw.discipline(discipline_id).name.get(self.lang) if self.fw else discipline_id
            )
        except KeyError:
            return discipline_id

    def level(self, level_id: str | None) -> str:
        try:
            return self.fw.level(level_id).name.get(self.lang) if self.fw and level_id else ""
        except KeyError:
            return level_id or ""

    def behaviour(self, behaviour_id: str) -> str:
        try:
            text = self.fw.behaviour(behaviour_id).text.get(self.lang) if self.fw else ""
        except KeyError:
            text = ""
        return text or behaviour_id  # a reader knows a behaviour by its text, not its id

    def score(self, score: int | None) -> str:
        if score is None:
            return t("dont_know", self.lang)
        label = self.fw.scale.label(score, self.lang) if self.fw else ""
        return f"{score} ({label})" if label and label != str(score) else str(score)


def _leader_section(journal: Journal, leader: Leader, lang: str, now: datetime) -> list[str]:
    names = _Names(journal, leader, lang)
    subtitle = [
        t("md_exported", lang, when=now.strftime("%Y-%m-%d %H:%M")),
        names.level(leader.level),
        leader.unit,
    ]
    lines = [f"# {t('md_title', lang, name=leader.name)}", "", " · ".join(s for s in subtitle if s)]
    parts = (
        ("md_reflections", journal.reflections(_EVERYTHING, leader_id=leader.id), _reflection),
        ("md_goals", journal.goals(_EVERYTHING, leader_id=leader.id), _goal),
        ("md_feedback", journal.feedback(_EVERYTHING, leader_id=leader.id), _feedback),
    )
    for key, records, render in parts:
        lines += ["", f"## {t(key, lang)}", ""]
        if not records:
            lines += [t("md_none", lang)]
        for record in records:
            lines += _trimmed(render(record, names)) + [""]
        lines = _trimmed(lines)
    return lines


def _trimmed(lines: list[str]) -> list[str]:
    """``lines`` without trailing empty lines."""
    end = len(lines)
    while end and lines[end - 1] == "":
        end -= 1
    return lines[:end]


def _label(key: str, value: str, lang: str) -> list[str]:
    return [f"**{t(key, lang)}:** {value}", ""] if value else []


def _ratings(ratings: tuple[Rating, ...], names: _Names) -> list[str]:
    if not ratings:
        return []
    lines = [f"**{t('md_ratings', names.lang)}**", ""]
    lines += [f"- {names.behaviour(r.behaviour)}: {names.score(r.score)}" for r in ratings]
    return lines + [""]


def _reflection(r: Reflection, names: _Names) -> list[str]:
    lang = names.lang
    heading = f"### {r.day.isoformat()} · {', '.join(names.discipline(d) for d in r.disciplines)}"
    marks = [f"{t('md_tags', lang)}: {', '.join(r.tags)}"] if r.tags else []
    marks += [t("md_private", lang)] if r.private else []
    lines = [heading, ""] + ([f"_{' · '.join(marks)}_", ""] if marks else [])
    lines += _label("md_prompt", r.prompt, lang)
    lines += [r.text, ""] if r.text else []
    lines += _label("md_next_step", r.next_step, lang)
    lines += _ratings(r.ratings, names)
    moods = [
        f"{t(key, lang)}: {value}"
        for key, value in (("md_wellbeing", r.wellbeing), ("md_energy", r.energy))
        if value is not None
    ]
    return lines + ([" · ".join(moods)] if moods else [])


def _goal(g: Goal, names: _Names) -> list[str]:
    lang = names.lang
    status = t(f"md_status_{g.status}", lang)
    lines = [f"### {g.title} · {status}, {g.progress} %", ""]
    marks = [names.discipline(g.discipline)] + ([t("md_private", lang)] if g.private else [])
    lines += [f"_{' · '.join(marks)}_", ""]
    lines += _label("md_why", g.why, lang) + _label("md_success", g.success, lang)
    lines += _label("md_due", g.due.isoformat() if g.due else "", lang)
    if g.behaviours:
        lines += [f"**{t('md_behaviours', lang)}**", ""]
        lines += [f"- {names.behaviour(b)}" for b in g.behaviours] + [""]
    if g.checkins:
        lines += [f"**{t('md_checkins', lang)}**", ""]
        lines += [
            f"- {c.day.isoformat()}: {c.progress} %" + (f" – {c.note}" if c.note else "")
            for c in sorted(g.checkins, key=lambda c: c.day, reverse=True)
        ]
    return lines


def _feedback(f: Feedback, names: _Names) -> list[str]:
    lang = names.lang
    who = t(f"md_role_{f.role}", lang) + (f" ({f.name})" if f.name else "")
    lines = [f"### {f.day.isoformat()} · {who} · {names.discipline(f.discipline)}", ""]
    lines += [f"_{t('md_private', lang)}_", ""] if f.private else []
    lines += [f.text, ""] if f.text else []
    return lines + _ratings(f.ratings, names)
