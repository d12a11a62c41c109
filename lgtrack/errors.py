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

An error carries a catalogue key (``err_…`` in ``messages.yaml``) and its parameters, not a
sentence: ``error.render("da")`` is the Danish text, ``error.render("en")`` the English, and
``str(error)`` is the English one (for logs and tracebacks). The command line, the widgets and
the reports render an error in the leader's language; the command line prints it as one line
on stderr with exit code 2.

>>> error = ValidationError("err_unknown_discipline", discipline="x", known=["self", "people"])
>>> error.render("da")
"ukendt disciplin 'x' (kendte: self, people)"
>>> str(error)
"unknown discipline 'x' (known: self, people)"
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

_MESSAGE_LIMIT = 300  # an import error names a place in a hostile file: keep the line short


@runtime_checkable
class Renderable(Protocol):
    """Anything that reads in a language: a :class:`Message`, an error, a file problem."""

    def render(self, lang: str) -> str: ...


class Message:
    """A catalogue key with its parameters, rendered when someone reads it, in their language.

    Used for the parts of a message that are themselves words (a field's name, a problem
    inside a file), so that they are translated along with the sentence around them.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        return render_message(self.key, self.params, lang)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def render_message(key: str, params: Mapping[str, Any], lang: str) -> str:
    """The catalogue text for ``key`` in ``lang``, its parameters rendered in ``lang`` too.

    A key that is not in the catalogue is shown as it is: an error raised with a plain sentence
    (code not yet converted, or a third-party text) still reads, in English.
    """
    from .i18n import catalogue, t

    if key not in catalogue():
        return key
    return t(key, lang, **{name: _param(value, lang) for name, value in params.items()})


def _param(value: Any, lang: str) -> Any:
    if isinstance(value, Renderable):  # a nested message or error reads in the same language
        return value.render(lang)
    if isinstance(value, (list, tuple, set, frozenset)):  # lists of names, ids, formats
        return ", ".join(str(_param(item, lang)) for item in value)
    return value


_FIELD_SLUG = r"[^a-z0-9]+"  # compiled on first use: most runs never name a field


def field_term(what: str | Message) -> str | Message:
    """The name of a field or option in a message (``"due date"``), to be translated.

    The catalogue has it as ``field_<name>`` (``field_due_date``); a name it lacks is shown as
    given, so an option such as ``--today`` needs no entry.
    """
    if isinstance(what, Message):
        return what
    from .i18n import catalogue

    key = "field_" + re.sub(_FIELD_SLUG, "_", what.lower()).strip("_")
    return Message(key) if key in catalogue() else what


class LgtrackError(Exception):
    """Base class of every error lgtrack raises deliberately: ``key`` plus ``params``."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def render(self, lang: str) -> str:
        """The message in ``lang`` (``"da"`` or ``"en"``), one line."""
        return render_message(self.key, self.params, lang)

    def __str__(self) -> str:
        return self.render("en")


class FrameworkError(LgtrackError):
    """A framework file is missing, unreadable or does not follow the format.

    The message names the file, the place inside it and what is wrong, e.g.
    ``stuk.yaml: disciplines[2].levels.teamleder[3].text.en: missing translation 'en'``.
    ``reason`` is what is wrong (in English), ``file`` and ``path`` where (a path may be a
    :class:`Message` such as "line 3", which reads in the reader's language).
    """

    def __init__(
        self,
        key: str,
        /,
        *,
        file: str | None = None,
        path: str | Message | None = None,
        **params: Any,
    ) -> None:
        self.file = file
        self.path = path
        super().__init__(key, **params)

    @property
    def reason(self) -> str:
        return render_message(self.key, self.params, "en")

    def render(self, lang: str) -> str:
        parts = [str(_param(p, lang)) for p in (self.file, self.path) if p]
        return ": ".join([*parts, render_message(self.key, self.params, lang)])


class ValidationError(LgtrackError):
    """A value given by a user or a file does not fit the framework or the record."""


class NotFoundError(LgtrackError):
    """No record with the given id exists in the journal."""


class ImportFileError(LgtrackError):
    """A file to import was rejected whole; the journal is unchanged.

    Its message names a place in a file that may be hostile, so it is rendered on one line
    without control characters and at most 300 characters long.
    """

    def render(self, lang: str) -> str:
        from ._text import one_line

        return one_line(super().render(lang), _MESSAGE_LIMIT)


class StoreError(LgtrackError):
    """The journal database cannot be opened, migrated or written."""
