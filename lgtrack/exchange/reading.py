"""Reading a file to import, safely: size, encoding and JSON checks before anything else.

Every way a file can be unusable ends in one :class:`~lgtrack.errors.ImportFileError` whose
message names the file and the problem on one line: a missing path, a directory, an empty,
oversized (over :data:`MAX_IMPORT_BYTES`, checked before reading, or with more lists and objects
than :func:`container_limit` allows), binary, UTF-16 or otherwise not-UTF-8 file (a UTF-8 byte
order mark is fine), truncated or malformed JSON, ``NaN`` / ``Infinity`` literals or numbers too
large for a double, repeated keys in one object, a string longer than :data:`MAX_STRING_CHARS`,
and nesting deeper than :data:`MAX_DEPTH` (including the ``RecursionError`` of very deep input).

The file is read as a stream, never whole: a first pass over its bytes checks the encoding and
counts lists and objects; the second parses it. A top-level object's lists (the records of an
export or a bundle) are parsed one element at a time with the standard library's JSON decoder,
so memory holds the records, not also the file's bytes and text; what ``lgtrack export`` writes
(up to the same limit) is what this reads.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
from json.decoder import WHITESPACE
from pathlib import Path
from typing import IO, Any

from .._text import one_line
from ..errors import ImportFileError, Message, Renderable

MAX_IMPORT_BYTES = 1024 * 1024 * 1024
"""The largest file ``lgtrack import`` reads, and so the largest ``lgtrack export`` writes. Ten
years of daily reflections is about 5 MB; the file is streamed, so memory holds its records."""
MAX_CONTAINERS = 1_000_000
"""At least this many ``[`` and ``{`` are allowed in a file; a larger file may have one per
:data:`BYTES_PER_CONTAINER` bytes (an export has a few per record of some hundred bytes).
Counted on the raw bytes before parsing, so a file of millions of empty lists is refused
cheaply."""
BYTES_PER_CONTAINER = 16
MAX_DEPTH = 32
"""The deepest nesting of lists and objects an export needs is 5; more is not an export."""
MAX_STRING_CHARS = 16 * 1024 * 1024
"""The longest string in a file, as written (escapes included). The longest text an export
holds is a framework's source (2 MB; at most 12 MB of ``\\uXXXX`` escapes); a longer string
would be refused by the checks anyway, so it is refused before it fills memory."""
MAX_MESSAGE = 300

# An encrypted share bundle (an age file): the command line opens it before reading it.
AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SCAN_CHUNK = 1 << 20  # bytes per read of the first pass
_CHUNK = 1 << 20  # characters per read of the parser at least (tests make it tiny)
_NEAR_END = 32  # a decoding error this close to the end of what is read may be a cut, not a fault


def container_limit(size: int) -> int:
    """How many lists and objects a file of ``size`` bytes may hold."""
    return max(MAX_CONTAINERS, size // BYTES_PER_CONTAINER)


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
    path = Path(path)
    try:
        size = _check_file(path, name)
        with path.open("rb") as raw:
            _scan(raw, name, size)
        with path.open("r", encoding="utf-8-sig", newline="") as handle:
            document = _parse_json(handle, name)
    except FileNotFoundError:
        raise ImportFileError("err_import_no_such_file", path=str(path)) from None
    except OSError as exc:
        raise refuse(name, "err_file_cannot_read", reason=exc.strerror or str(exc)) from None
    if not isinstance(document, dict):
        raise refuse(name, "err_file_not_export", got=_kind(document))
    _check_depth(document, name)
    return document


def _check_file(path: Path, name: str) -> int:
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise refuse(name, "err_file_directory")
    if not stat.S_ISREG(info.st_mode):
        raise refuse(name, "err_file_not_regular")
    if info.st_size > MAX_IMPORT_BYTES:
        raise refuse(name, _too_large(info.st_size))
    return info.st_size


def read_file_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of the file at ``path`` after the file-level checks (a regular file, its size);
    for a file that must be opened before it is read, such as an encrypted bundle."""
    name = display_name(path)
    path = Path(path)
    try:
        _check_file(path, name)
        with path.open("rb") as handle:
            return handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ImportFileError("err_import_no_such_file", path=str(path)) from None
    except OSError as exc:
        raise refuse(name, "err_file_cannot_read", reason=exc.strerror or str(exc)) from None


def document_from_bytes(data: bytes, name: str) -> dict[str, Any]:
    """The JSON object in ``data`` (an opened encrypted file), after every check that
    :func:`read_document` makes; ``name`` is the file's name in messages."""
    if len(data) > MAX_IMPORT_BYTES:
        raise refuse(name, _too_large(len(data)))
    _scan(io.BytesIO(data), name, len(data))
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    document = _parse_json(text, name)
    if not isinstance(document, dict):
        raise refuse(name, "err_file_not_export", got=_kind(document))
    _check_depth(document, name)
    return document


def _too_large(size: int) -> Message:
    limit = MAX_IMPORT_BYTES // (1024 * 1024)
    return Message("err_file_too_large", size=round(size / (1024 * 1024)), limit=limit)


def _scan(handle: IO[bytes], name: str, size: int) -> None:
    """The checks on the raw bytes, in one pass of fixed memory: encoding, NUL, containers."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    containers, offset, blank, bad = 0, 0, True, None
    chunk = handle.read(_SCAN_CHUNK)
    if chunk.startswith(AGE_MAGIC) or chunk.lstrip().startswith(AGE_ARMOR_BEGIN):
        raise refuse(name, "err_file_encrypted")
    if chunk.startswith(_UTF16_BOMS) or chunk[:4] == b"\x00\x00\xfe\xff":
        raise refuse(name, "err_file_utf16")
    if chunk.startswith(_UTF8_BOM):
        chunk = chunk[len(_UTF8_BOM) :]
    while chunk:
        if b"\x00" in chunk:
            raise refuse(name, "err_file_binary")
        containers += chunk.count(b"[") + chunk.count(b"{")
        blank = blank and not chunk.strip()
        bad = bad or _undecodable(decoder, chunk, offset, final=False)
        offset += len(chunk)
        if offset > MAX_IMPORT_BYTES:  # the file grew while it was read
            raise refuse(name, _too_large(offset))
        chunk = handle.read(_SCAN_CHUNK)
    bad = bad or _undecodable(decoder, b"", offset, final=True)
    limit = container_limit(size)
    if containers > limit:
        raise refuse(name, "err_file_too_many_containers", limit=limit)
    if bad is not None:
        raise refuse(name, "err_file_not_utf8", byte=bad[0], position=bad[1])
    if blank:
        raise refuse(name, "err_file_empty")


def _undecodable(decoder: Any, chunk: bytes, offset: int, *, final: bool) -> tuple | None:
    """The first byte that is not UTF-8 (hex, position), or None."""
    pending = decoder.getstate()[0]
    try:
        decoder.decode(chunk, final=final)
    except UnicodeDecodeError as exc:
        data = pending + chunk
        return f"{data[exc.start]:02x}", offset - len(pending) + exc.start
    return None


def _parse_json(handle: IO[str], name: str) -> Any:
    stream = _Stream(handle)
    try:
        return stream.document()
    except _Refused as exc:
        raise refuse(name, exc.message) from None
    except json.JSONDecodeError as exc:
        if stream.at_end(exc.pos) or exc.msg.startswith("Unterminated string"):
            raise refuse(name, "err_file_truncated", line=stream.line_of(exc)) from None
        detail = exc.msg.lower()  # Python's own words; the place is what a reader needs
        line, column = stream.line_of(exc), stream.column_of(exc)
        raise refuse(name, "err_file_bad_json", detail=detail, line=line, column=column) from None
    except RecursionError:
        raise refuse(name, "err_file_too_deep") from None
    except ValueError:  # an integer with more digits than Python converts
        raise refuse(name, "err_file_long_number") from None


class _Stream:
    """A JSON document read from a text handle a piece at a time.

    The top-level object's keys and its lists' elements are read one by one; every other value
    (a record, a string, a number) is decoded whole by :class:`json.JSONDecoder`, with the
    same hooks and the same error messages as :func:`json.loads`. ``text`` holds what is read
    and not yet consumed; ``line`` and ``column`` say where ``text[0]`` is in the file.
    """

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.eof = False
        self.line = 1
        self.column = 0
        self.decoder = json.JSONDecoder(
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            object_pairs_hook=_object_without_repeats,
        )

    def document(self) -> Any:
        # An export is an object; anything else (a list, bad JSON) is read as one value.
        value = self._object() if self._peek() == "{" else self._value()
        if self._peek():
            raise self._fault("Extra data")
        return value

    def _object(self) -> dict[str, Any]:
        self.pos += 1
        result: dict[str, Any] = {}
        if self._peek() == "}":
            self.pos += 1
            return result
        while True:
            if self._peek() != '"':
                raise self._fault("Expecting property name enclosed in double quotes")
            key = self._value()
            if key in result:
                raise _Refused("err_file_repeated_key", key=key[:40])
            if self._peek() != ":":
                raise self._fault("Expecting ':' delimiter")
            self.pos += 1
            result[key] = self._items() if self._peek() == "[" else self._value()
            if self._peek() == "}":
                self.pos += 1
                return result
            self._comma()

    def _items(self) -> list[Any]:
        self.pos += 1
        items: list[Any] = []
        if self._peek() == "]":
            self.pos += 1
            return items
        while True:
            self._peek()
            items.append(self._value())
            if self._peek() == "]":
                self.pos += 1
                return items
            self._comma()

    def _comma(self) -> None:
        if self._peek() != ",":
            raise self._fault("Expecting ',' delimiter")
        self.pos += 1

    def _value(self) -> Any:
        """The value at ``pos`` (after whitespace), read further until it is whole."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                unterminated = exc.msg.startswith("Unterminated string")
                if unterminated and len(self.text) - exc.pos > MAX_STRING_CHARS:
                    raise _Refused("err_file_huge_string", limit=MAX_STRING_CHARS) from None
                near_end = exc.pos >= len(self.text) - _NEAR_END
                if self.eof or not (near_end or unterminated):
                    raise
                # an unterminated string is read on only to one character past the limit
                room = MAX_STRING_CHARS + 1 - (len(self.text) - exc.pos)
                self._more(room if unterminated else None)
                continue
            if end < len(self.text) or not self._more():  # a number may go on in the next piece
                self.pos = end
                return value

    def _peek(self) -> str:
        """The next character that is not whitespace ('' at the end of the file)."""
        while True:
            self.pos = WHITESPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self._more():
                return ""

    def _more(self, most: int | None = None) -> bool:
        """Read on: as much as is held (at least a chunk, at most ``most``), so that a long
        value costs linear time."""
        if self.eof:
            return False
        size = max(_CHUNK, len(self.text) - self.pos)
        piece = self.handle.read(size if most is None else max(min(size, most), 1))
        if not piece:
            self.eof = True
            return False
        self._drop_consumed()
        self.text += piece
        return True

    def _drop_consumed(self) -> None:
        newlines = self.text.count("\n", 0, self.pos)
        if newlines:
            self.line += newlines
            self.column = self.pos - self.text.rfind("\n", 0, self.pos) - 1
        else:
            self.column += self.pos
        self.text = self.text[self.pos :]
        self.pos = 0

    def _fault(self, message: str) -> json.JSONDecodeError:
        return json.JSONDecodeError(message, self.text, self.pos)

    def at_end(self, pos: int) -> bool:
        return self.eof and pos >= len(self.text.rstrip())

    def line_of(self, exc: json.JSONDecodeError) -> int:
        return self.line + exc.lineno - 1

    def column_of(self, exc: json.JSONDecodeError) -> int:
        return exc.colno + self.column if exc.lineno == 1 else exc.colno


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
