"""An Excel workbook of the whole journal (``lgtrack export --format xlsx``).

One sheet each for reflections, ratings, goals and feedback, named in the reader's language.
The columns are those of the CSV tables (:mod:`.export_csv`), headers and words in the same
language; the ratings sheet names each rating's discipline and behaviour by their text rather
than their ids. Days are real Excel dates and times real date-times (UTC; Excel has no time
zones), so a spreadsheet can sort and filter by them. Every text is stored as a text cell, so a
cell that looks like a formula (``=HYPERLINK(…)``) is shown, never run.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timezone
from typing import Any

from .._text import terminal_safe
from ..framework import Framework
from ..i18n import t
from ..journal import Journal
from .export_csv import column_label, table_rows, word

XLSX_SHEETS = ("reflections", "ratings", "goals", "feedback")
DAY_FORMAT = "yyyy-mm-dd"
MOMENT_FORMAT = "yyyy-mm-dd hh:mm"
_WIDEST = 60  # characters: a long text wraps rather than making a column a screen wide


def export_xlsx(journal: Journal, *, lang: str = "da") -> bytes:
    """The journal as the bytes of an ``.xlsx`` file, in ``lang``."""
    from openpyxl import Workbook  # only this export needs it

    book = Workbook()
    book.remove(book.active)
    for table in XLSX_SHEETS:
        sheet = book.create_sheet(t(f"xlsx.sheet.{table}", lang))
        names, rows = table_rows(journal, table, _namer(lang))
        sheet.append([column_label(name, lang) for name in names])
        for row in rows:
            _append(sheet, names, row, lang)
        sheet.freeze_panes = "A2"
        _fit_columns(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _namer(lang: str):
    """Names a rating's discipline or behaviour id by its text in ``lang``."""

    def name(fw: Framework | None, element: str) -> str:
        if fw is None:
            return element
        if element in fw.discipline_ids:
            return fw.discipline_name(element, lang)
        return fw.behaviour_text(element, lang)

    return name


def _append(sheet: Any, names: list[str], row: list[object], lang: str) -> None:
    sheet.append([_value(name, value, lang) for name, value in zip(names, row, strict=True)])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # text, even when it starts with "=": never a formula
        elif isinstance(cell.value, datetime):
            cell.number_format = MOMENT_FORMAT
        elif isinstance(cell.value, date):
            cell.number_format = DAY_FORMAT


def _value(column: str, value: object, lang: str) -> object:
    """A cell: days and times typed, booleans as words, statuses and roles in ``lang``."""
    if isinstance(value, bool):
        return t("csv.value.true" if value else "csv.value.false", lang)
    if isinstance(value, datetime):  # Excel has no time zones: stored as UTC
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    if isinstance(value, str):  # control characters are not allowed in a workbook (nor shown)
        value = terminal_safe(value)
    return word(column, value, lang)


def _fit_columns(sheet: Any) -> None:
    for column in sheet.columns:
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(longest + 2, _WIDEST)
