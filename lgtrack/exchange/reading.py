"""Reading a file to import, safely: size, encoding and JSON checks before anything else.

Every way a file can be unusable ends in one :class:`~lgtrack.errors.ImportFileError` whose
message names the file and the problem on one line: a missing path, a directory, an empty,
oversized (over :data:`MAX_IMPORT_BYTES`, checked before reading, or with more than
:data:`MAX_CONTAINERS` lists and objects), binary, UTF-16 or otherwise
not-UTF-8 file (a UTF-8 byte order mark is fine), truncated or malformed JSON, ``NaN`` /
``Infinity`` literals or numbers too large for a double, repeated keys in one object, and nesting
deeper than :data:`MAX_DEPTH` (including the ``RecursionError`` of very deep input).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from .._text import one_line
from ..errors import ImportFileError, Message, Renderable

MAX_IMPORT_BYTES = 20 * 1024 * 1024
"""The largest file ``lgtrack import`` reads. Ten years of daily reflections is about 5 MB;
a hostile file at the limit costs at most a few hundred MB of memory while it is checked."""
MAX_CONTAINERS = 1_000_000
"""At most this many ``[`` and ``{`` in a file (an export has a few per record); counted on the
raw bytes before parsing, so a file of millions of empty lists is refused cheaply."""
MAX_DEPTH = 32
"""The deepest nesting of lists and objects an export needs is 5; more is not an export."""
MAX_MESSAGE = 300

# An encrypted share bundle (an age file): the command line opens it before reading it.
AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class _Refused(Exception):
    """Raised from inside ``json.loads`` hooks for input we refuse: a catalogue key and params."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.message = Message(key, **params)


def clean_message(message: str, limit: int = MAX_MESSAGE) -> str:
    """``message`` on one line, without control or formatting characters, at most ``limit``."""
    return one_line(message, limit)


def refuse(name: str, problem: str | Renderable, /, **params: object) -> ImportFileError:
    """The error for file ``name``; the caller raises it.

    ``problem`` is a catalogue key (with ``params``), or a :class:`Message` or
    :class:`~lgtrack.exchange.fields.FileProblem` that names a place in the file; it is
    rendered in the reader's language, like the sentence around it.
    """
    if not isinstance(problem, Renderable):
        problem = Message(problem, **params)
    return ImportFileError("err_import_refused", name=name, problem=problem)


def display_name(path: str | os.PathLike) -> str:
    """How messages name the file: its name, without the directories."""
    return Path(path).name or str(path)


def read_document(path: str | os.PathLike) -> dict[str, Any]:
    """The JSON object in the file at ``path``, after every file-level check."""
    name = display_name(path)
    data = _read_bytes(Path(path), name)
    text = _decode(data, name)
    del data
    document = _parse_json(text, name)
    del text
    if not isinstance(document, dict):
        raise refuse(name, "err_file_not_export", got=_kind(document))
    _check_depth(document, name)
    return document


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise refuse(name, "err_file_directory")
        if not stat.S_ISREG(info.st_mode):
            raise refuse(name, "err_file_not_regular")
        if info.st_size > MAX_IMPORT_BYTES:
            raise refuse(name, _too_large(info.st_size))
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ImportFileError("err_import_no_such_file", path=str(path)) from None
    except OSError as exc:
        raise refuse(name, "err_file_cannot_read", reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_IMPORT_BYTES:
        raise refuse(name, _too_large(len(data)))
    return data


def _too_large(size: int) -> Message:
    limit = MAX_IMPORT_BYTES // (1024 * 1024)
    return Message("err_file_too_large", size=round(size / (1024 * 1024)), limit=limit)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(AGE_MAGIC) or data.lstrip().startswith(AGE_ARMOR_BEGIN):
        raise refuse(name, "err_file_encrypted")
    if data.startswith(_UTF16_BOMS) or data[:4] in (b"\x00\x00\xfe\xff",):
        raise refuse(name, "err_file_utf16")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    if b"\x00" in data:
        raise refuse(name, "err_file_binary")
    if data.count(b"[") + data.count(b"{") > MAX_CONTAINERS:
        raise refuse(name, "err_file_too_many_containers", limit=MAX_CONTAINERS)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = f"{data[exc.start]:02x}"
        raise refuse(name, "err_file_not_utf8", byte=byte, position=exc.start) from None
    if not text.strip():
        raise refuse(name, "err_file_empty")
    return text


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            object_pairs_hook=_object_without_repeats,
        )
    except _Refused as exc:
        raise refuse(name, exc.message) from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise refuse(name, "err_file_truncated", line=exc.lineno) from None
        detail = exc.msg.lower()  # Python's own words; the place is what a reader needs
        raise refuse(
            name, "err_file_bad_json", detail=detail, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise refuse(name, "err_file_too_deep") from None
    except ValueError:  # an integer with more digits than Python converts
        raise refuse(name, "err_file_long_number") from None


def _refuse_constant(literal: str) -> Any:
    raise _Refused("err_file_constant", literal=literal)


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise _Refused("err_file_huge_number", literal=literal[:30])
    return value


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused("err_file_repeated_key", key=key[:40])
        result[key] = value
    return result


def _check_depth(document: Any, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH; walks containers only, level by level."""
    level: list[Any] = [document]
    for _ in range(MAX_DEPTH):
        children: list[Any] = []
        for value in level:
            items = value.values() if isinstance(value, dict) else value
            children.extend(item for item in items if isinstance(item, (dict, list)))
        if not children:
            return
        level = children
    raise refuse(name, "err_file_too_deep")


def _kind(value: Any) -> Message | str:
    if isinstance(value, bool):
        return Message("kind_true_false")
    if isinstance(value, (int, float)):
        return Message("kind_number")
    names = {list: "kind_list", str: "kind_text", type(None): "kind_null"}
    key = names.get(type(value))
    return Message(key) if key else type(value).__name__


def read_file_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of the file at ``path`` after the file-level checks (a regular file, its size);
    for a file that must be opened before it is read, such as an encrypted bundle."""
    return _read_bytes(Path(path), display_name(path))


def document_from_bytes(data: bytes, name: str) -> dict[str, Any]:
    """The JSON object in ``data`` (an opened encrypted file), after every check that
    :func:`read_document` makes; ``name`` is the file's name in messages."""
    if len(data) > MAX_IMPORT_BYTES:
        raise refuse(name, _too_large(len(data)))
    document = _parse_json(_decode(data, name), name)
    if not isinstance(document, dict):
        raise refuse(name, "err_file_not_export", got=_kind(document))
    _check_depth(document, name)
    return document
