"""CSV exports for spreadsheets: one table per file, made to open right in Excel.

- ``reflections`` (default): one row per reflection — leader, day, id, disciplines, tags, prompt,
  text, next_step, ratings as ``behaviour=score;…`` (``?`` for "ved ikke"), wellbeing, energy,
  private, created_at.
- ``goals``: one row per goal with its latest progress and number of check-ins.
- ``feedback``: one row per feedback received, ratings as for reflections.

The columns of these three are the leader's name and the record's fields marked ``csv`` in its
specification (:mod:`lgtrack.specs`).
- ``ratings``: one row per rating (long form, for pivot tables): self-ratings and feedback.

Every table holds every leader and private entries (a ``private`` column says which). The
headers come from the catalogue (``csv.column.<name>``): the field names in English (users'
scripts read them), words in Danish; a Danish table also says ``ja``/``nej`` and gives statuses
and roles in Danish. The text is UTF-8 with a byte order mark (added by the writer, see
:data:`CSV_ENCODING`) so Excel reads æ, ø and å; multi-line text stays in one quoted cell. Excel
in a Danish locale expects ``;`` between columns, in an English one ``,``: the command line picks
by the profile's language. A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return — also after leading spaces (non-breaking ones too) or invisible characters,
and in their full-width forms (``＝``, ``＋``, ``－``, ``＠``) — gets a leading ``'`` so that a
spreadsheet shows it as text instead of running it as a formula. Terminal escapes and bidi
overrides are removed from every text.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from .. import specs
from .._text import terminal_safe
from .._time import day_to_text, moment_to_text
from ..errors import LgtrackError
from ..framework import Framework
from ..i18n import t
from ..journal import Journal
from ..query import EntryFilter
from ..records import Leader

CSV_TABLES = ("reflections", "goals", "feedback", "ratings")
CSV_ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: a tab or CR before = runs too
# Spreadsheets skip these before a formula: whitespace (U+00A0, U+3000 …), controls, format
# characters (zero-width space, bidi marks).
_SKIPPED_CATEGORIES = ("Zs", "Zl", "Zp", "Cc", "Cf")
_EVERYTHING = EntryFilter(include_private=True)
# Columns whose values are words of a closed list, translated in a Danish table.
_VALUE_KEYS = {"status": "md_status_{}", "role": "md_role_{}", "source": "md_role_{}"}
RATING_COLUMNS = ("leader", "day", "entry_id", "source", "discipline", "behaviour", "score",
                  "private")  # fmt: skip

Row = list[object]
BehaviourName = Callable[[Framework | None, str], str]


def export_csv(
    journal: Journal, table: str = "reflections", *, delimiter: str = ",", lang: str = "en"
) -> str:
    """One table of the whole journal as CSV text (encode it with :data:`CSV_ENCODING`).

    ``lang`` gives the headers and the words among the values (English: the field names and the
    stored values, as scripts expect them)."""
    names, rows = table_rows(journal, table)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([column_label(name, lang) for name in names])
    writer.writerows(
        [_cell(value_text(name, value, lang)) for name, value in zip(names, row, strict=True)]
        for row in rows
    )
    return out.getvalue()


def default_delimiter(lang: str) -> str:
    """What Excel expects for a profile language: ``;`` in Danish, ``,`` in English."""
    return ";" if lang == "da" else ","


def column_label(name: str, lang: str) -> str:
    """A column's header in ``lang`` (the English label is the field name itself)."""
    return t(f"csv.column.{name}", lang)


def value_text(column: str, value: Any, lang: str) -> Any:
    """A value as a table shows it: days and times as ISO text, booleans as words, and in
    Danish statuses, roles and sources in Danish; numbers and free text as they are."""
    if value is None:
        return None
    if isinstance(value, bool):
        return t("csv.value.true" if value else "csv.value.false", lang)
    if isinstance(value, datetime):
        return moment_to_text(value)
    if isinstance(value, date):
        return day_to_text(value)
    return word(column, value, lang)


def word(column: str, value: Any, lang: str) -> Any:
    """A status, role or source in ``lang``; English keeps the stored value for scripts."""
    if lang == "en" or column not in _VALUE_KEYS or not isinstance(value, str):
        return value
    key = "csv.value.self" if value == "self" else _VALUE_KEYS[column].format(value)
    try:
        return t(key, lang)
    except KeyError:  # a value of someone else's making (an import): shown as it is
        return value


def table_rows(
    journal: Journal, table: str, behaviour_name: BehaviourName | None = None
) -> tuple[list[str], list[Row]]:
    """The column names and rows of a table, values typed (days as dates, booleans as bools).

    ``behaviour_name(framework, id)`` names a rating's discipline and behaviour in the ratings
    table (default: their ids)."""
    if table not in CSV_TABLES:
        raise ValueError(f"unknown table '{table}' (known: {', '.join(CSV_TABLES)})")
    if table == "ratings":
        return _ratings(journal, behaviour_name)
    return _records(journal, _SPECS[table])


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        value = terminal_safe(value)
        return "'" + value if looks_like_formula(value) else value
    return value


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula: its first character that is
    not whitespace, control or format is ``=``, ``+``, ``-`` or ``@`` (in any width, by NFKC:
    ``＝`` U+FF1D, ``﹦`` U+FE66 …), or it begins with a tab or carriage return."""
    if text.startswith(_FORMULA_START):
        return True
    for ch in text:
        if ch in "\t\r" or unicodedata.category(ch) not in _SKIPPED_CATEGORIES:
            return unicodedata.normalize("NFKC", ch).startswith(_FORMULA_START)
    return False


def _typed(f: specs.Field, value: Any) -> Any:
    """A field's value for a table: days, times and booleans stay typed, lists are joined."""
    if f.kind in (specs.DAY, specs.MOMENT, specs.BOOL):
        return value
    return specs.to_cell(f, value)


def _records(journal: Journal, spec: specs.RecordSpec) -> tuple[list[str], list[Row]]:
    """One row per record of ``spec``, every leader's: the leader's name, then the fields the
    record's specification marks for CSV (:mod:`lgtrack.specs`)."""
    fields = [f for f in spec.fields if f.csv]
    query = getattr(journal.store, spec.kind).query
    rows = [
        [leader.name, *(_typed(f, getattr(record, f.name)) for f in fields)]
        for leader in journal.leaders()
        for record in query(leader.id, _EVERYTHING)
    ]
    return ["leader", *spec.csv_names], rows


def _ratings(journal: Journal, name: BehaviourName | None) -> tuple[list[str], list[Row]]:
    rows: list[Row] = []
    for leader in journal.leaders():
        fw = _framework(journal, leader)
        entries = [(r, "self") for r in journal.reflections(_EVERYTHING, leader_id=leader.id)]
        entries += [(f, f.role) for f in journal.feedback(_EVERYTHING, leader_id=leader.id)]
        for entry, source in entries:
            for x in entry.ratings:
                discipline = _discipline_of(fw, x.behaviour)
                if name is not None:
                    discipline, behaviour = name(fw, discipline), name(fw, x.behaviour)
                else:
                    behaviour = x.behaviour
                rows.append([leader.name, entry.day, entry.id, source, discipline, behaviour,
                             x.score, entry.private])  # fmt: skip
    return list(RATING_COLUMNS), rows


def _framework(journal: Journal, leader: Leader) -> Framework | None:
    try:
        return journal.framework_for(leader)
    except LgtrackError:  # a framework no longer installed: fall back on the id's prefix
        return None


def _discipline_of(fw: Framework | None, behaviour: str) -> str:
    try:
        return fw.behaviour(behaviour).discipline if fw else behaviour.split(".")[0]
    except KeyError:
        return behaviour.split(".")[0]


_SPECS = {"reflections": specs.REFLECTION, "goals": specs.GOAL, "feedback": specs.FEEDBACK}
