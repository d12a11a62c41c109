"""Helpers shared by the command modules: one-line errors, --home, dates, ratings, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import NoReturn

from .._time import parse_day
from ..errors import ValidationError
from ..records import Rating

EXIT_BAD_INPUT = 2


def fail(message: str) -> int:
    """Print one line on stderr and return the bad-input exit code."""
    first_line = " ".join(str(message).split())
    print(f"lgtrack: error: {first_line}", file=sys.stderr)
    return EXIT_BAD_INPUT


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line (and exit 2), not usage plus error."""

    def error(self, message: str) -> NoReturn:
        print(f"lgtrack: error: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def add_home(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="journal directory (default: $LGTRACK_HOME or your user data directory)",
    )


def open_journal(args: argparse.Namespace, *, create: bool = False):
    """The journal in ``--home``; without ``create`` a missing journal is a one-line error."""
    from ..journal import Journal

    return Journal.open(args.home, create=create)


def day_arg(text: str, what: str = "date") -> date:
    return parse_day(text, what)


def parse_rating(text: str) -> Rating:
    """``BEHAVIOUR=SCORE``; ``SCORE`` may be ``?``, ``ved-ikke`` or empty for "don't know"."""
    behaviour, sep, score = text.partition("=")
    if not sep or not behaviour.strip():
        raise ValidationError(f"rating '{text}' is not BEHAVIOUR=SCORE")
    score = score.strip()
    if score.casefold() in ("", "?", "ved-ikke", "vedikke", "dk", "na"):
        return Rating(behaviour.strip(), None)
    try:
        return Rating(behaviour.strip(), int(score))
    except ValueError:
        raise ValidationError(f"score '{score}' for '{behaviour}' is not a whole number") from None


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))
