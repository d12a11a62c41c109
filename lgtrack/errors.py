"""Every error lgtrack raises on purpose, so callers can catch one base class.

Hierarchy::

    LgtrackError                 base class; str(error) is one line meant for a user
    ├── FrameworkError           a framework file is missing, unreadable or malformed
    ├── ValidationError          a value does not fit the framework or the record
    │                            (unknown discipline, score outside the scale, bad date)
    ├── NotFoundError            no record with that id in the journal
    ├── ImportFileError          a file to import is malformed, truncated, hostile or
    │                            of an unsupported version; nothing was written
    └── StoreError               the journal cannot be opened or written
                                 (a newer schema, a locked database, a bad path)

The command line turns any LgtrackError into one line on stderr and exit code 2.
"""

from __future__ import annotations


class LgtrackError(Exception):
    """Base class of every error lgtrack raises deliberately."""


class FrameworkError(LgtrackError):
    """A framework file is missing, unreadable or does not follow the format.

    The message names the file, the place inside it and what is wrong, e.g.
    ``stuk.yaml: disciplines[2].levels.teamleder[3].text.en: missing translation 'en'``.
    """

    def __init__(self, message: str, *, file: str | None = None, path: str | None = None):
        self.file = file
        self.path = path
        self.reason = message
        parts = [p for p in (file, path) if p]
        super().__init__(": ".join([*parts, message]))


class ValidationError(LgtrackError):
    """A value given by a user or a file does not fit the framework or the record."""


class NotFoundError(LgtrackError):
    """No record with the given id exists in the journal."""


class ImportFileError(LgtrackError):
    """A file to import was rejected whole; the journal is unchanged."""


class StoreError(LgtrackError):
    """The journal database cannot be opened, migrated or written."""
