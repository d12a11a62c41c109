"""CSV exports for spreadsheets: one table per file, made to open right in Excel.

- ``reflections`` (default): one row per reflection — leader, day, id, disciplines, tags, prompt,
  text, next_step, ratings as ``behaviour=score;…`` (``?`` for "ved ikke"), wellbeing, energy,
  private, created_at.
- ``goals``: one row per goal with its latest progress and number of check-ins.
- ``feedback``: one row per feedback received, ratings as for reflections.
- ``ratings``: one row per rating (long form, for pivot tables): self-ratings and feedback.

Every table holds every leader and private entries (a ``private`` column says which). The text
is UTF-8 with a byte order mark (added by the writer, see :data:`CSV_ENCODING`) so Excel reads
æ, ø and å; multi-line text stays in one quoted cell. Excel in a Danish locale expects ``;``
between columns, in an English one ``,``: the command line picks by the profile's language.
A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``
so that a spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from .._time import day_to_text, moment_to_text
from ..errors import LgtrackError
from ..framework import Framework
from ..journal import Journal
from ..query import EntryFilter
from ..records import Leader, Rating

CSV_TABLES = ("reflections", "goals", "feedback", "ratings")
CSV_ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: a tab or CR before = runs too
_EVERYTHING = EntryFilter(include_private=True)

Row = list[object]


def export_csv(journal: Journal, table: str = "reflections", *, delimiter: str = ",") -> str:
    """One table of the whole journal as CSV text (encode it with :data:`CSV_ENCODING`)."""
    if table not in CSV_TABLES:
        raise ValueError(f"unknown table '{table}' (known: {', '.join(CSV_TABLES)})")
    header, rows = _TABLES[table](journal)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()


def default_delimiter(lang: str) -> str:
    """What Excel expects for a profile language: ``;`` in Danish, ``,`` in English."""
    return ";" if lang == "da" else ","


def ratings_cell(ratings: Iterable[Rating]) -> str:
    return ";".join(f"{r.behaviour}={'?' if r.score is None else r.score}" for r in ratings)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _reflections(journal: Journal) -> tuple[Row, list[Row]]:
    header = [
        "leader",
        "day",
        "id",
        "disciplines",
        "tags",
        "prompt",
        "text",
        "next_step",
        "ratings",
        "wellbeing",
        "energy",
        "private",
        "created_at",
    ]
    rows = []
    for leader in journal.leaders():
        for r in journal.reflections(_EVERYTHING, leader_id=leader.id):
            rows.append(
                [
                    leader.name,
                    day_to_text(r.day),
                    r.id,
                    ", ".join(r.disciplines),
                    ", ".join(r.tags),
                    r.prompt,
                    r.text,
                    r.next_step,
                    ratings_cell(r.ratings),
                    r.wellbeing,
                    r.energy,
                    r.private,
                    moment_to_text(r.created_at),
                ]
            )
    return header, rows


def _goals(journal: Journal) -> tuple[Row, list[Row]]:
    header = [
        "leader",
        "id",
        "discipline",
        "title",
        "behaviours",
        "why",
        "success",
        "due",
        "status",
        "progress",
        "checkins",
        "private",
        "closed_on",
        "created_at",
    ]
    rows = []
    for leader in journal.leaders():
        for g in journal.goals(_EVERYTHING, leader_id=leader.id):
            rows.append(
                [
                    leader.name,
                    g.id,
                    g.discipline,
                    g.title,
                    ", ".join(g.behaviours),
                    g.why,
                    g.success,
                    day_to_text(g.due),
                    g.status,
                    g.progress,
                    len(g.checkins),
                    g.private,
                    day_to_text(g.closed_on),
                    moment_to_text(g.created_at),
                ]
            )
    return header, rows


def _feedback(journal: Journal) -> tuple[Row, list[Row]]:
    header = [
        "leader",
        "day",
        "id",
        "role",
        "name",
        "discipline",
        "text",
        "ratings",
        "private",
        "created_at",
    ]
    rows = []
    for leader in journal.leaders():
        for f in journal.feedback(_EVERYTHING, leader_id=leader.id):
            rows.append(
                [
                    leader.name,
                    day_to_text(f.day),
                    f.id,
                    f.role,
                    f.name,
                    f.discipline,
                    f.text,
                    ratings_cell(f.ratings),
                    f.private,
                    moment_to_text(f.created_at),
                ]
            )
    return header, rows


def _ratings(journal: Journal) -> tuple[Row, list[Row]]:
    header = ["leader", "day", "entry_id", "source", "discipline", "behaviour", "score", "private"]
    rows = []
    for leader in journal.leaders():
        discipline_of = _discipline_lookup(journal, leader)
        for r in journal.reflections(_EVERYTHING, leader_id=leader.id):
            rows += [
                [
                    leader.name,
                    day_to_text(r.day),
                    r.id,
                    "self",
                    discipline_of(x.behaviour),
                    x.behaviour,
                    x.score,
                    r.private,
                ]
                for x in r.ratings
            ]
        for f in journal.feedback(_EVERYTHING, leader_id=leader.id):
            rows += [
                [
                    leader.name,
                    day_to_text(f.day),
                    f.id,
                    f.role,
                    discipline_of(x.behaviour),
                    x.behaviour,
                    x.score,
                    f.private,
                ]
                for x in f.ratings
            ]
    return header, rows


def _discipline_lookup(journal: Journal, leader: Leader) -> Callable[[str], str]:
    try:
        fw: Framework | None = journal.framework_for(leader)
    except LgtrackError:  # a framework no longer installed: fall back on the id's prefix
        fw = None

    def discipline_of(behaviour: str) -> str:
        try:
            return fw.behaviour(behaviour).discipline if fw else behaviour.split(".")[0]
        except KeyError:
            return behaviour.split(".")[0]

    return discipline_of


_TABLES = {"reflections": _reflections, "goals": _goals, "feedback": _feedback, "ratings": _ratings}
