"""The command line's parser in the leader's language: help texts and argparse's own words.

The parser is built after a peek at the language (:func:`peek_lang`), so that ``--help`` and
usage errors speak the profile's language, like every other line the command line prints.
Help texts are catalogue keys (:class:`Help`) until help is shown: a quick ``lgtrack list``
never pays for reading the catalogue.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from ..i18n import LANGUAGES, t

EXIT_BAD_INPUT = 2
DEFAULT_LANG = "da"  # without a profile (or --lang), the command line speaks Danish

_help_lang = [DEFAULT_LANG]  # the language of the parser being built and run (one per process)

# argparse's own words (Python's msgids), by catalogue key. argparse looks them up through its
# module-level ``_`` when it builds usage, help and errors, so we swap that in while it runs.
_ARGPARSE_WORDS = {
    "usage: ": "cli_argparse.usage",
    "argument %(argument_name)s: %(message)s": "cli_argparse.argument",
    "ambiguous option: %(option)s could match %(matches)s": "cli_argparse.ambiguous",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli_argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli_argparse.invalid_value",
    "the following arguments are required: %s": "cli_argparse.required",
    "unrecognized arguments: %s": "cli_argparse.unrecognized",
    "expected one argument": "cli_argparse.expected_one",
    "expected at most one argument": "cli_argparse.expected_at_most_one",
    "expected at least one argument": "cli_argparse.expected_at_least_one",
    "ignored explicit argument %r": "cli_argparse.ignored_explicit",
    "not allowed with argument %s": "cli_argparse.not_allowed_with",
    "one of the arguments %s is required": "cli_argparse.one_required",
}


def set_lang(lang: str) -> None:
    """Build (and run) the parser in ``lang``."""
    _help_lang[0] = lang if lang in LANGUAGES else DEFAULT_LANG


class Help(str):
    """A help text of the command line by its key (``cli_help.KEY``), written out in the
    parser's language only when it is shown (by :class:`OneLineParser`'s formatter)."""

    values: dict[str, object]
    suffix: str

    def __new__(cls, key: str, values: dict[str, object], suffix: str = "") -> Help:
        text = super().__new__(cls, key)
        text.values, text.suffix = values, suffix
        return text

    def text(self) -> str:
        values = {name: _shown(value) for name, value in self.values.items()}
        return t(f"cli_help.{self}", _help_lang[0], **values) + self.suffix


def h(key: str, /, **values: object) -> Help:
    """A help text of the command line (``cli_help.KEY``), in the parser's language."""
    return Help(key, values)


def examples(*lines: str) -> Help:
    """A command's epilog: ``example:`` (or ``examples:``) and its command lines."""
    body = "".join(f"\n  {line}" for line in lines)
    return Help("example" if len(lines) == 1 else "examples", {}, suffix=f":{body}")


def _shown(text: object) -> object:
    return text.text() if isinstance(text, Help) else text


@functools.cache  # one class per formatter class, not per (sub)parser
def _in_our_language(formatter_class: type[argparse.HelpFormatter]) -> type:
    """``formatter_class`` writing out :class:`Help` texts: titles, descriptions, help."""

    class Formatter(formatter_class):  # type: ignore[misc, valid-type]
        def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                     width: int | None = None) -> None:  # fmt: skip
            if width is None:  # as argparse's, which imports shutil (and bz2, lzma…) for it
                width = _terminal_columns() - 2
            super().__init__(prog, indent_increment, max_help_position, width)

        def start_section(self, heading: str | None) -> None:
            super().start_section(_shown(heading))

        def add_text(self, text: str | None) -> None:
            super().add_text(_shown(text))

        def _get_help_string(self, action: argparse.Action) -> str | None:
            return _shown(action.help)  # type: ignore[return-value]

    return Formatter


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil at every start (#15)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def peek_lang(argv: Sequence[str]) -> str:
    """The language to build the parser in, before parsing: ``--lang`` where given, else the
    profile's in ``--home`` (or ``$LGTRACK_HOME``), else Danish."""
    from ._common import message_lang

    peeked = argparse.Namespace(home=_value_of("--home", argv), lang=_value_of("--lang", argv))
    return message_lang(peeked)


def _value_of(option: str, argv: Sequence[str]) -> str | None:
    for i, word in enumerate(argv):
        if word == option and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith(option + "="):
            return word.partition("=")[2]
    return None


def _translated(message: str) -> str:
    key = _ARGPARSE_WORDS.get(message)
    return t(key, _help_lang[0]) if key else message


@contextmanager
def argparse_speaks_our_language() -> Iterator[None]:
    """argparse's own words from our catalogue while the block runs (and never gettext's,
    whose lookup of translation files costs every start of the command line)."""
    saved = argparse._
    argparse._ = _translated
    try:
        yield
    finally:
        argparse._ = saved


class OneLineParser(argparse.ArgumentParser):
    """argparse in the parser's language, which reports a usage error on one line (and exit 2),
    not usage plus error."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False  # our own -h, with its help in the parser's language
        kwargs["formatter_class"] = _in_our_language(
            kwargs.get("formatter_class", argparse.HelpFormatter)
        )
        super().__init__(*args, **kwargs)
        self._positionals.title = h("positionals")
        self._optionals.title = h("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=h("help"))

    def format_usage(self) -> str:
        with argparse_speaks_our_language():
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_speaks_our_language():
            return super().format_help()

    def parse_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201 (argparse's)
        with argparse_speaks_our_language():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201 (argparse's)
        with argparse_speaks_our_language():
            return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        lang = _help_lang[0]
        see = h("see_help", prog=self.prog).text()
        print(f"lgtrack: {t('cli_error', lang)}: {message} ({see})", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)
