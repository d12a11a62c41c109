"""CSV exports for spreadsheets: one table per file, made to open right in Excel.

- ``reflections`` (default): one row per reflection — leader, day, id, disciplines, tags, prompt,
  text, next_step, ratings as ``behaviour=score;…`` (``?`` for "ved ikke"), wellbeing, energy,
  private, created_at.
- ``goals``: one row per goal with its latest progress and number of check-ins.
- ``feedback``: one row per feedback received, ratings as for reflections.

The columns of these three are the leader's name and the record's fields marked ``csv`` in its
specification (:mod:`lgtrack.specs`).
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
from collections.abc import Callable

from .. import specs
from .._time import day_to_text
from ..errors import LgtrackError
from ..framework import Framework
from ..journal import Journal
from ..query import EntryFilter
from ..records import Leader

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


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _records(journal: Journal, spec: specs.RecordSpec) -> tuple[Row, list[Row]]:
    """One row per record of ``spec``, every leader's: the leader's name, then the fields the
    record's specification marks for CSV (:mod:`lgtrack.specs`)."""
    fields = [f for f in spec.fields if f.csv]
    query = getattr(journal.store, spec.kind).query
    rows = [
        [leader.name, *(specs.to_cell(f, getattr(record, f.name)) for f in fields)]
        for leader in journal.leaders()
        for record in query(leader.id, _EVERYTHING)
    ]
    return ["leader", *spec.csv_names], rows


def _reflections(journal: Journal) -> tuple[Row, list[Row]]:
    return _records(journal, specs.REFLECTION)


def _goals(journal: Journal) -> tuple[Row, list[Row]]:
    return _records(journal, specs.GOAL)


def _feedback(journal: Journal) -> tuple[Row, list[Row]]:
    return _records(journal, specs.FEEDBACK)


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
