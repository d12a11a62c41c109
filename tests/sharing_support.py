"""A leader's journal with something of every kind, for the share bundle tests (invented data)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.keys import journal_keys
from lgtrack.sharing import bundle_checksum
from lgtrack.sharing.signing import sign_document

NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
TABLES = (
    "leaders",
    "reflections",
    "reflection_disciplines",
    "reflection_tags",
    "ratings",
    "goals",
    "goal_behaviours",
    "checkins",
    "feedback",
    "frameworks",
    "coach_sessions",
    "coach_actions",
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def at(self, day: date) -> Clock:
        self.now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=timezone.utc)
        return self


@dataclass
class Sample:
    """The journal and the ids of what was put in it."""

    journal: Journal
    clock: Clock
    ids: dict[str, str] = field(default_factory=dict)


def leader_journal(name: str = "Ida Holm", home: str = ":memory:") -> Sample:
    """A team leader's journal: shared and private entries in several disciplines and months."""
    clock = Clock()
    journal = Journal.open(home, clock=clock)
    journal.set_profile(name, "teamleder", unit="Kontor for Eksempler")
    sample = Sample(journal, clock)
    ids = sample.ids
    ids["r_people"] = journal.add_reflection(
        Reflection(
            day=date(2026, 2, 10),
            disciplines=("people", "self"),
            prompt="Hvad lærte du i dag?",
            text="Godt 1:1 med <b>Bo</b> & co",
            next_step="Følg op på fredag",
            tags=("møde", "1-1"),
            ratings=(Rating("people.teamleder.1", 4), Rating("self.g1", 3)),
            wellbeing=4,
        )
    ).id
    ids["r_strategic"] = journal.add_reflection(
        Reflection(
            day=date(2026, 3, 15),
            disciplines=("strategic",),
            text="Strategidag",
            ratings=(Rating("strategic.g1", 2),),
        )
    ).id
    ids["r_private"] = journal.add_reflection(
        Reflection(day=date(2026, 3, 20), disciplines=("people",), text="PRIVAT-R", private=True)
    ).id
    ids["r_text_only"] = journal.add_reflection(
        Reflection(day=date(2026, 4, 1), disciplines=("operational",), text="Kun tekst om drift")
    ).id
    clock.at(date(2026, 1, 5))
    ids["g_strategic"] = journal.add_goal(
        Goal(discipline="strategic", title="Skriv strategien", why="Retning", success="Vedtaget")
    ).id
    journal.close_goal(ids["g_strategic"], "achieved", day=date(2026, 1, 31))
    clock.at(date(2026, 2, 1))
    goal = journal.add_goal(
        Goal(
            discipline="people",
            title="Ugentlige 1:1",
            behaviours=("people.teamleder.1",),
            why="Medarbejderne savner sparring",
            success="Hver uge i et kvartal",
            due=date(2026, 6, 30),
        )
    )
    ids["g_people"] = goal.id
    journal.check_in(goal.id, 30, note="Halvvejs", day=date(2026, 2, 15))
    journal.check_in(goal.id, 60, note="Godt i gang", day=date(2026, 3, 20))
    ids["g_private"] = journal.add_goal(
        Goal(discipline="self", title="PRIVAT-G", why="PRIVAT-G-WHY", private=True)
    ).id
    clock.now = NOW
    ids["f_people"] = journal.add_feedback(
        Feedback(
            day=date(2026, 3, 5),
            role="employee",
            name="CD",
            discipline="people",
            text="Tydelige forventninger",
            ratings=(Rating("people.g1", 4), Rating("people.teamleder.1", None)),
        )
    ).id
    ids["f_private"] = journal.add_feedback(
        Feedback(day=date(2026, 3, 6), role="peer", discipline="people", text="PRIVAT-F",
                 name="PRIVAT-NAVN", private=True)
    ).id  # fmt: skip
    SIGNING_KEYS[journal_keys(journal).public_key] = journal_keys(journal).signing
    return sample


# The signing keys of the leaders' journals made here, by public key: a test that changes a
# bundle on purpose signs it again as its leader would, so that what it tests is the change.
SIGNING_KEYS: dict = {}


def resealed(bundle: dict) -> dict:
    """``bundle`` with its checksum and signature made to fit its (changed) contents, signed by
    the journal that made it."""
    key = SIGNING_KEYS[bundle["signature"]["public_key"]]
    return sign_document({**bundle, "checksum": bundle_checksum(bundle)}, key)


def write_json(path: Path, document: dict) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def snapshot(conn: sqlite3.Connection) -> dict[str, list]:
    """Every row of every table, to compare a journal before and after."""
    return {
        table: sorted(map(repr, conn.execute(f"SELECT * FROM {table}").fetchall()))
        for table in TABLES
    }
