"""Storage faults as one line each: what SQLite (or the file system) said, as a catalogue key.

A full disk, read-only media, an unwritable file, a damaged database or a lock held too long is
not a bug in lgtrack but a state of the machine: the reader gets one line in their language
(``err_storage_…``) saying what happened and what to do, never a traceback.

>>> import sqlite3
>>> fault_from(sqlite3.DatabaseError("database disk image is malformed"), "j.sqlite").key
'err_storage_damaged'
>>> fault_from(ValueError("x")) is None
True
"""

from __future__ import annotations

import errno
import sqlite3

from ..errors import StoreError

# SQLite's primary result codes (https://sqlite.org/rescode.html)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM = (
    5, 6, 8, 10, 11, 13, 14, 26, 3,
)  # fmt: skip
_KEY_BY_CODE = {
    _BUSY: "err_storage_locked",
    _LOCKED: "err_storage_locked",
    _READONLY: "err_storage_readonly",
    _IOERR: "err_storage_io",
    _CORRUPT: "err_storage_damaged",
    _NOTADB: "err_storage_damaged",
    _FULL: "err_storage_full",
    _CANTOPEN: "err_storage_unwritable",
    _PERM: "err_storage_unwritable",
}
# Older SQLite builds and some wrappers raise without a code: recognise the words instead.
_KEY_BY_WORDS = (
    ("malformed", "err_storage_damaged"),
    ("not a database", "err_storage_damaged"),
    ("disk is full", "err_storage_full"),
    ("readonly database", "err_storage_readonly"),
    ("database is locked", "err_storage_locked"),
    ("disk i/o error", "err_storage_io"),
)
_KEY_BY_ERRNO = {
    errno.ENOSPC: "err_storage_full",
    errno.EDQUOT: "err_storage_full",
    errno.EROFS: "err_storage_readonly",
    errno.EACCES: "err_storage_unwritable",
    errno.EPERM: "err_storage_unwritable",
    errno.EIO: "err_storage_io",
}


def fault_key(exc: BaseException) -> str | None:
    """The ``err_storage_…`` key for a storage fault, or None for anything else (a constraint,
    a programming error), which callers handle or let through."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF) in _KEY_BY_CODE:
            return _KEY_BY_CODE[code & 0xFF]
        words = str(exc).lower()
        return next((key for marker, key in _KEY_BY_WORDS if marker in words), None)
    if isinstance(exc, OSError):
        return _KEY_BY_ERRNO.get(exc.errno)
    return None


def fault_from(exc: BaseException, path: str | None = None) -> StoreError | None:
    """``exc`` as a one-line :class:`StoreError`, or None when it is not a storage fault."""
    key = fault_key(exc)
    if key is None:
        return None
    return StoreError(key, path=path or getattr(exc, "filename", None) or "?", reason=_reason(exc))


def is_busy(exc: BaseException) -> bool:
    """True when another connection holds the lock that ``exc`` was waiting for."""
    return fault_key(exc) == "err_storage_locked"


def is_damaged(exc: BaseException) -> bool:
    return fault_key(exc) == "err_storage_damaged"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return " ".join(str(exc).split())[:200]
