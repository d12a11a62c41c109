"""Forget a person: find a name in every entry of the journal, then replace it with initials or
remove it, in one transaction, leaving no trace of the old words (:meth:`Journal.scrub`).

A name matches as whole words, whatever its case and however its Danish letters are spelt:
"Søren Ågård", "soeren aagaard", "SOREN AGARD" and "Sören Ågard" all find each other.

>>> from datetime import date
>>> from lgtrack import Journal
>>> from lgtrack.records import Reflection
>>> journal = Journal.open(":memory:")
>>> _ = journal.set_profile("AB", "teamleder")
>>> _ = journal.add_reflection(Reflection(day=date(2026, 3, 2), disciplines=("people",),
...                                       text="1:1 med Søren Ågård om ferien"))
>>> [place.field for place in find(journal, "soeren aagaard")]
['text']
>>> _ = forget(journal, "Soren Agard", INITIALS)
>>> journal.reflections()[0].text
'1:1 med S.Å. om ferien'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from . import coaching, validation
from .errors import LgtrackError, Message, ValidationError
from .journal import Journal
from .query import EntryFilter
from .records import Action, CoachSession, Feedback, Goal, Reflection

__all__ = ["INITIALS", "REMOVE", "Place", "find", "forget", "initials", "name_pattern"]

# The name of each kind of entry, as the messages call it
KIND_KEYS = {
    "reflection": "forget.kind.reflection",
    "goal": "forget.kind.goal",
    "checkin": "forget.kind.checkin",
    "feedback": "forget.kind.feedback",
    "session": "forget.kind.session",
    "action": "forget.kind.action",
    "leader": "forget.kind.leader",
}
INITIALS = "initials"
REMOVE = "remove"
MIN_NAME_CHARS = 2
SNIPPET_CONTEXT = 30

# Every spelling of a letter that a Danish name may be written with: æ as ae or ä, ø as oe or
# ö (or a plain o on an English keyboard), å as aa (or a plain a). Longest spellings first, so
# that "oe" is read as one letter. Accented Latin letters match their plain letter.
_SPELLINGS = {
    "a": ("aa", "a", "å", "á", "à", "â"),
    "æ": ("ae", "æ", "ä"),
    "o": ("oe", "o", "ø", "ö", "ó", "ò", "ô"),
    "e": ("e", "é", "è", "ê", "ë"),
    "u": ("ue", "u", "ü", "ú", "ù", "û"),
    "i": ("i", "í", "ì", "î", "ï"),
}
_LETTER = {"å": "a", "ø": "o", "ä": "æ", "ö": "o", "ü": "u"}  # one letter, one class
_DIGRAPH = {"aa": "a", "ae": "æ", "oe": "o", "ue": "u"}


@dataclass(frozen=True)
class Place:
    """Where a name was found: which entry (``kind``: reflection, goal, checkin, feedback,
    session, action), its day, its id (a check-in's goal for a check-in), the field, and a
    snippet of the text around the name."""

    kind: str
    day: date
    entry_id: str
    field: str
    snippet: str
    leader_id: str


# -- matching -------------------------------------------------------------------------------


def name_pattern(text: str) -> re.Pattern[str]:
    """A pattern finding ``text`` as whole words, in any case and Danish spelling."""
    name = " ".join(str(text).split())
    if len(name) < MIN_NAME_CHARS:
        raise ValidationError("err_forget_too_short", min=MIN_NAME_CHARS)
    validation.check_text(name, "name", 200)
    return re.compile(rf"(?<!\w){_units(name.casefold())}(?!\w)", re.IGNORECASE)


def _units(name: str) -> str:
    parts, i = [], 0
    name = "".join(_plain(ch) for ch in unicodedata.normalize("NFC", name))
    while i < len(name):
        pair = name[i : i + 2]
        if pair in _DIGRAPH:
            parts.append(_alternatives(_DIGRAPH[pair]))
            i += 2
            continue
        ch = _LETTER.get(name[i], name[i])
        if ch == " ":
            parts.append(r"\s+")
        else:
            parts.append(_alternatives(ch) if ch in _SPELLINGS else re.escape(ch))
        i += 1
    return "".join(parts)


def _plain(ch: str) -> str:
    """An accented letter as its plain letter, except the Nordic and German ones (mapped by
    :data:`_LETTER`)."""
    if ch in "æøåäöü":
        return ch
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isalpha() else ch


def _alternatives(letter: str) -> str:
    return "(?:" + "|".join(_SPELLINGS[letter]) + ")"


def initials(name: str) -> str:
    """ "Mette Hansen" → "M.H."; "Anne-Marie Ågård" → "A.-M.Å." """
    words = name.split()
    return "".join(
        "-".join(part[:1].upper() + "." for part in word.split("-") if part) for word in words
    )


def _replace(pattern: re.Pattern[str], text: str, how: str) -> str:
    if how == INITIALS:
        return pattern.sub(lambda m: initials(m.group(0)), text)
    removed = pattern.sub("\0", text)  # a mark, so that only the spaces around it are tidied
    removed = re.sub(r"[ \t]*\0[ \t]*", lambda m: _gap(m.group(0)), removed)
    return removed.replace("\0", "").strip()


def _gap(around: str) -> str:
    """Where a name stood between two words one space stays; before punctuation none."""
    left, right = around.split("\0")
    return " " if left and right else ""


def _snippet(text: str, match: re.Match[str]) -> str:
    start, end = match.start(), match.end()
    head = text[max(0, start - SNIPPET_CONTEXT) : start]
    tail = text[end : end + SNIPPET_CONTEXT]
    prefix = "…" if start > SNIPPET_CONTEXT else ""
    suffix = "…" if end + SNIPPET_CONTEXT < len(text) else ""
    return " ".join(f"{prefix}{head}{match.group(0)}{tail}{suffix}".split())


# -- where a name can be ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One record, its texts by field, and how to write it back with changed texts."""

    kind: str
    day: date
    entry_id: str
    leader_id: str
    texts: dict[str, str]
    save: Callable[[dict[str, str]], None]


def _entries(journal: Journal) -> Iterator[_Entry]:
    everything = EntryFilter()
    for leader in journal.leaders():
        lid = leader.id
        for r in journal.reflections(everything, leader_id=lid):
            yield _reflection(journal, r)
        for g in journal.goals(everything, leader_id=lid):
            yield from _goal(journal, g)
        for f in journal.feedback(everything, leader_id=lid):
            yield _Entry("feedback", f.day, f.id, lid, {"text": f.text, "name": f.name},
                         lambda new, f=f: _save_feedback(journal, f, new))  # fmt: skip
        for s in coaching.sessions(journal, lid):
            texts = {name: getattr(s, name) for name in ("goal", "reality", "options", "will",
                                                         "notes")}  # fmt: skip
            yield _Entry("session", s.day, s.id, lid, texts,
                         lambda new, s=s: _save_session(journal, s, new))  # fmt: skip
        for a in coaching.actions(journal, lid):
            day = a.created_at.date() if a.created_at else a.due or date.min
            yield _Entry("action", day, a.id, lid, {"text": a.text},
                         lambda new, a=a: _save_action(journal, a, new))  # fmt: skip


def _reflection(journal: Journal, r: Reflection) -> _Entry:
    texts = {"text": r.text, "next_step": r.next_step, "prompt": r.prompt}
    texts.update({f"tag:{i}": tag for i, tag in enumerate(r.tags)})

    def save(new: dict[str, str]) -> None:
        tags = tuple(new[f"tag:{i}"] for i in range(len(r.tags)) if new[f"tag:{i}"].strip())
        changed = replace(r, text=new["text"], next_step=new["next_step"], prompt=new["prompt"],
                          tags=tags)  # fmt: skip
        journal.update_reflection(changed)

    return _Entry("reflection", r.day, r.id, r.leader_id or "", texts, save)


def _goal(journal: Journal, g: Goal) -> Iterator[_Entry]:
    day = g.created_at.date() if g.created_at else date.min
    texts = {"title": g.title, "why": g.why, "success": g.success}
    texts.update({f"note:{c.id}": c.note for c in g.checkins})

    def save(new: dict[str, str]) -> None:
        checkins = tuple(replace(c, note=new[f"note:{c.id}"]) for c in g.checkins)
        journal.update_goal(replace(g, title=new["title"], why=new["why"],
                                    success=new["success"], checkins=checkins))  # fmt: skip

    yield _Entry("goal", day, g.id, g.leader_id or "", texts, save)


def _save_feedback(journal: Journal, f: Feedback, new: dict[str, str]) -> None:
    journal.update_feedback(replace(f, text=new["text"], name=new["name"]))


def _save_session(journal: Journal, s: CoachSession, new: dict[str, str]) -> None:
    coaching.save_session(journal, replace(s, **new))


def _save_action(journal: Journal, a: Action, new: dict[str, str]) -> None:
    action = replace(a, text=new["text"], updated_at=journal.clock())
    validation.check_action(action)
    journal.store.coaching.save_action(action)


# -- finding and forgetting ------------------------------------------------------------------


def _places(entry: _Entry, pattern: re.Pattern[str]) -> list[Place]:
    found = []
    for name, text in entry.texts.items():
        for match in pattern.finditer(text):
            field = name.split(":")[0]
            kind = "checkin" if field == "note" else entry.kind
            found.append(Place(kind, entry.day, entry.entry_id, "tags" if field == "tag" else field,
                               _snippet(text, match), entry.leader_id))  # fmt: skip
    return found


def find(journal: Journal, text: str) -> list[Place]:
    """Every place where the name ``text`` stands, entry by entry (every leader's)."""
    pattern = name_pattern(text)
    return [place for entry in _entries(journal) for place in _places(entry, pattern)]


def forget(journal: Journal, text: str, how: str) -> list[Place]:
    """Replace the name ``text`` everywhere with its initials (:data:`INITIALS`) or remove it
    (:data:`REMOVE`), in one transaction; then scrub the old words from the disk. Returns the
    places changed. An entry that would be left invalid (a reflection with nothing left) stops
    it all, with one line naming that entry: nothing is changed."""
    if how not in (INITIALS, REMOVE):
        raise ValueError(how)
    pattern = name_pattern(text)
    changed: list[Place] = []
    with journal.atomic():
        for entry in list(_entries(journal)):
            places = _places(entry, pattern)
            if not places:
                continue
            new = {name: _replace(pattern, value, how) for name, value in entry.texts.items()}
            try:
                entry.save(new)
            except LgtrackError as error:
                raise ValidationError(
                    "err_forget_refused", kind=Message(KIND_KEYS[entry.kind]),
                    id=entry.entry_id[:8], day=entry.day.isoformat(), problem=error,
                ) from None  # fmt: skip
            changed.extend(places)
    if changed:
        journal.scrub()
    return changed
