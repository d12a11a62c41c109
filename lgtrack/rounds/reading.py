"""Reading an answers file from a survey tool: ``.xlsx`` (openpyxl, read-only) or ``.csv`` as
Danish Excel writes it (``;`` or ``,``; UTF-8 with or without BOM, or cp1252).

The file is read whole into a :class:`Table` before anything is stored, within limits that keep
a hostile file from taking the machine: its size, the uncompressed size of a workbook, rows,
columns and the length of a cell. A formula or merged cells are refused: answers are values.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ..errors import ImportFileError, Message

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # a workbook is a zip: refuse a zip bomb before opening
MAX_ROWS = 50_000
MAX_COLUMNS = 1_000
MAX_CELL = 20_000
SUFFIXES = (".xlsx", ".csv")


@dataclass(frozen=True)
class Table:
    """The header row and the data rows (empty rows dropped), cells as read: ``str``, ``int``,
    ``float``, ``bool``, dates, or None. ``row_numbers`` are the rows' numbers in the file."""

    name: str
    headers: tuple[str, ...]
    rows: list[tuple]
    row_numbers: list[int]


def refuse(name: str, key: str, **params: object) -> ImportFileError:
    return ImportFileError("err_import_refused", name=name, problem=Message(key, **params))


def read_table(path: str | Path, known: Callable[[str], bool] | None = None) -> Table:
    """The answers file at ``path`` as a :class:`Table`, or one :class:`ImportFileError`.

    ``known(header)`` says whether a header is a question of the round: a CSV's delimiter is
    the one that splits its header row into the most known questions (a question's text may
    hold commas, which Danish Excel leaves unquoted in a ``;`` file).
    """
    path = Path(path).expanduser()
    name = path.name
    if path.suffix.lower() not in SUFFIXES:
        raise refuse(name, "err_round_file_kind", known=SUFFIXES)
    try:
        size = path.stat().st_size
    except OSError:
        raise ImportFileError("err_import_no_such_file", path=str(path)) from None
    if size > MAX_FILE_BYTES:
        raise refuse(name, "err_round_file_too_big", limit=MAX_FILE_BYTES // (1024 * 1024))
    if path.suffix.lower() == ".csv":
        return _table(name, _csv_rows(name, path.read_bytes(), known))
    return _table(name, _xlsx_rows(name, path))


def _table(name: str, rows) -> Table:
    header: tuple | None = None
    data, numbers = [], []
    for number, row in rows:
        if header is None:
            if not any(_present(cell) for cell in row):
                continue  # blank lines above the header
            header = tuple(row)
            continue
        if any(_present(cell) for cell in row):
            data.append(tuple(row))
            numbers.append(number)
        if len(data) > MAX_ROWS:
            raise refuse(name, "err_round_too_many_rows", limit=MAX_ROWS)
    if header is None:
        raise refuse(name, "err_round_file_empty")
    while header and not _present(header[-1]):
        header = header[:-1]
    headers = tuple("" if cell is None else str(cell) for cell in header)
    return Table(name, headers, data, numbers)


def _present(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _checked_row(name: str, number: int, row: list, *, text: bool = False) -> list:
    """``row`` within the limits; ``text``: every cell is a string (CSV, NUL already refused)."""
    if len(row) > MAX_COLUMNS:
        raise refuse(name, "err_round_too_many_columns", limit=MAX_COLUMNS)
    if text:
        if row and max(map(len, row)) > MAX_CELL:
            raise refuse(name, "err_round_cell_too_long", row=number, limit=MAX_CELL)
        return row
    for cell in row:
        if isinstance(cell, str) and (len(cell) > MAX_CELL or "\x00" in cell):
            raise refuse(name, "err_round_cell_too_long", row=number, limit=MAX_CELL)
    return row


# -- CSV ------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252 (what Danish Excel writes as "CSV")."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str, known: Callable[[str], bool] | None) -> str:
    """``;`` (Danish Excel), ``,`` or a tab: the one that finds the most known headers, else
    the one the header line has most of."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    if known is not None:
        found = {}
        for sep in counts:
            cells = next(csv.reader([first], delimiter=sep), [])
            found[sep] = sum(1 for cell in cells if known(cell))
        if max(found.values()):
            return max(counts, key=lambda sep: (found[sep], counts[sep]))
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def _csv_rows(name: str, data: bytes, known: Callable[[str], bool] | None = None):
    try:
        text = decode(data)
    except UnicodeDecodeError:
        raise refuse(name, "err_round_encoding") from None
    if "\x00" in text:
        raise refuse(name, "err_round_not_text")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, known))
    try:
        for number, row in enumerate(reader, start=1):
            yield number, _checked_row(name, number, row, text=True)
    except csv.Error as exc:
        raise refuse(name, "err_round_csv", line=reader.line_num, reason=str(exc)) from None


# -- xlsx -----------------------------------------------------------------------------------


def _check_zip(name: str, path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
                raise refuse(name, "err_round_file_too_big", limit=MAX_UNZIPPED_BYTES // 2**20)
            for member in members:
                if member.filename.startswith("xl/worksheets/") and _has_merged_cells(
                    archive, member
                ):
                    raise refuse(name, "err_round_merged_cells")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        raise refuse(name, "err_round_not_xlsx") from None


def _has_merged_cells(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            if b"<mergeCell " in tail + chunk or b"<x:mergeCell " in tail + chunk:
                return True
            tail = chunk[-16:]
    return False


def _xlsx_rows(name: str, path: Path):
    _check_zip(name, path)
    from openpyxl import load_workbook  # only an xlsx import needs it

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file: all mean the same here
        raise refuse(name, "err_round_not_xlsx") from None
    try:
        sheet = book.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            if number > MAX_ROWS + 10:
                raise refuse(name, "err_round_too_many_rows", limit=MAX_ROWS)
            yield number, _checked_row(name, number, [_cell(name, number, c) for c in cells])
    except ImportFileError:
        raise
    except Exception:
        raise refuse(name, "err_round_not_xlsx") from None
    finally:
        book.close()


def _cell(name: str, number: int, cell) -> object:
    if getattr(cell, "data_type", None) == "f":
        raise refuse(name, "err_round_formula", row=number)
    value = getattr(cell, "value", None)
    if isinstance(value, datetime | date | time):
        return value  # a date where a score belongs is refused when the answer is read
    return value
