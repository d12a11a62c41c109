"""Helpers shared by the command modules: one-line errors, --home, dates, ratings, tables, JSON.

What the command line prints, errors included, is in the profile's language: :func:`message_lang`.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._text import json_text, terminal_safe
from .._time import parse_day
from ..errors import LgtrackError, ValidationError
from ..i18n import LANGUAGES
from ._parser import DEFAULT_LANG, EXIT_BAD_INPUT, OneLineParser, h  # noqa: F401 (re-exported)

if TYPE_CHECKING:  # the framework and records are loaded only by commands that need them
    from ..framework import Framework
    from ..records import Rating

SHORT_ID = 8  # the id prefix lists show, and commands accept (they need 6+ characters)


def fail(message: str, lang: str = DEFAULT_LANG) -> int:
    """Print one line on stderr (``lgtrack: fejl: …`` in Danish) and return the bad-input exit
    code."""
    from ..i18n import t

    first_line = " ".join(str(message).split())
    print(f"lgtrack: {t('cli_error', lang)}: {first_line}", file=sys.stderr)
    return EXIT_BAD_INPUT


def message_lang(args: argparse.Namespace | None) -> str:
    """The language the command line speaks: ``--lang`` where the command has it, else the
    profile's in the journal at ``--home`` (read without opening it), else Danish."""
    explicit = getattr(args, "lang", None)
    if explicit in LANGUAGES:
        return explicit
    try:
        from ..storage import profile_lang

        lang = profile_lang(getattr(args, "home", None))
    except (LgtrackError, OSError, ImportError):  # no readable journal: the default language
        lang = None
    return lang if lang in LANGUAGES else DEFAULT_LANG


def fail_with(error: LgtrackError, args: argparse.Namespace | None) -> int:
    """Print ``error`` on one line, in the language of ``args`` (see :func:`message_lang`)."""
    lang = message_lang(args)
    return fail(error.render(lang), lang)


def add_home(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=h("home"),
    )


def open_journal(args: argparse.Namespace, *, create: bool = False):
    """The journal in ``--home``; without ``create`` a missing journal is a one-line error."""
    from ..journal import Journal

    return Journal.open(args.home, create=create)


def open_coach_journal(args: argparse.Namespace):
    """The journal in ``--home`` for a coach's command: where there is none yet, the next step
    is importing a leader's bundle (which creates it), not ``init``."""
    from ..errors import NotFoundError
    from ..storage import database_path

    path = database_path(args.home)
    if path != ":memory:" and not Path(path).exists():
        raise NotFoundError("err_cli_coach_no_journal", path=str(Path(path).parent))
    return open_journal(args)


def refuse_journal_as_out(journal, out: str | None) -> None:
    """``--out`` must not name the journal's own database: writing there would destroy it."""
    if out is None or journal.path == ":memory:":
        return
    target = Path(out).expanduser().resolve()
    database = Path(journal.path).resolve()
    if target in {database.with_name(database.name + end) for end in ("", "-wal", "-shm")}:
        raise ValidationError("err_cli_out_is_journal", out=out)


def day_arg(text: str, what: str = "date") -> date:
    return parse_day(text, what)


def parse_rating(text: str) -> Rating:
    """``BEHAVIOUR=SCORE``; ``SCORE`` may be ``?``, ``ved-ikke`` or empty for "don't know"."""
    from ..records import Rating  # not at import time: listing must not pay for the records

    behaviour, sep, score = text.partition("=")
    if not sep or not behaviour.strip():
        raise ValidationError("err_cli_rating_format", text=text)
    score = score.strip()
    if score.casefold() in ("", "?", "ved-ikke", "vedikke", "dk", "na"):
        return Rating(behaviour.strip(), None)
    try:
        return Rating(behaviour.strip(), int(score))
    except ValueError:
        raise ValidationError("err_cli_score_not_whole", score=score, behaviour=behaviour) from None


def resolve_numbers(
    framework: Framework, level: str | None, disciplines: Sequence[str], ratings: Sequence[Rating]
) -> tuple[Rating, ...]:
    """``--rate N=SCORE`` as the rating of the N-th behaviour of the one discipline at ``level``,
    numbered as ``lgtrack framework show --level LEVEL`` prints them; ids pass unchanged.

    With several disciplines a number could mean one behaviour in each: refused on one line.
    """
    from .. import validation

    numbered = [r for r in ratings if r.behaviour.isdigit()]
    if not numbered:
        return tuple(ratings)
    for discipline in disciplines:
        validation.check_discipline(framework, discipline)
    first = numbered[0].behaviour
    behaviours = framework.discipline(disciplines[0]).behaviours_for(level)
    if len(set(disciplines)) != 1:
        example = behaviours[max(min(int(first), len(behaviours)), 1) - 1].id
        raise ValidationError("err_cli_rate_number_ambiguous", number=first, example=example)
    from ..records import Rating

    resolved = []
    for rating in ratings:
        if rating.behaviour.isdigit():
            number = int(rating.behaviour)
            if not 1 <= number <= len(behaviours):
                option = f" --level {level}" if level else ""
                show = f"lgtrack framework show {framework.id}{option}"
                raise ValidationError(
                    "err_cli_rate_number_range", number=rating.behaviour, count=len(behaviours),
                    discipline=disciplines[0], show=show,
                )  # fmt: skip
            rating = Rating(behaviours[number - 1].id, rating.score)
        resolved.append(rating)
    return tuple(resolved)


def format_table(rows: list[list[str]]) -> str:
    """Rows with every column but the last padded to a common width."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        padded = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        cells = [*padded, row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def tolerant_output(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Characters the terminal cannot show (æøå on an ASCII terminal) print as '?', no traceback."""

    @functools.wraps(run)
    def run_tolerantly(args: argparse.Namespace) -> int:
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
        return run(args)

    return run_tolerantly


def print_json(data: object) -> None:
    print(json_text(data, indent=2))  # control characters as \u escapes: lossless and inert


class _TerminalSafe:
    """A text stream that passes on only what can be shown: no escape sequences, no control
    characters but newline and tab, no bidi overrides (:func:`lgtrack._text.terminal_safe`)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, buffer, encoding, isatty, reconfigure …
        return getattr(self._stream, name)


def unfiltered(stream: Any) -> Any:
    """The stream under the terminal filter: for lgtrack's own control sequences only (a
    progress line rewritten with ``\\r``), whose variable parts are cleaned by the caller."""
    return stream._stream if isinstance(stream, _TerminalSafe) else stream


def terminal_output(run: Callable[..., int]) -> Callable[..., int]:
    """Run the command line with stdout and stderr filtered: a name, a goal title, a tag or a
    message from a file can never drive the terminal, whichever command prints it. Binary
    output (an export to stdout) is made safe where it is written."""

    @functools.wraps(run)
    def run_safely(*args: Any, **kwargs: Any) -> int:
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = _TerminalSafe(sys.stdout), _TerminalSafe(sys.stderr)
        try:
            return run(*args, **kwargs)
        finally:
            sys.stdout, sys.stderr = saved

    return run_safely
