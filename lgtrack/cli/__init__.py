"""The ``lgtrack`` command line: one module per command group, all over the same core.

Every command exits 0 when all is well and 2 on bad input, with one line on stderr and never a
traceback (``doctor`` also exits 1 when it has warnings). Storage faults (a full disk, read-only
media, a damaged database, a lock held too long) are one line too, wherever they arise.
Commands that only capture or list must not import pandas (start-up time matters).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import LgtrackError
from ._common import DEFAULT_LANG, OneLineParser, fail_with, message_lang, terminal_output
from ._parser import argparse_speaks_our_language, h, peek_lang, set_lang

# Each module has register(subparsers) and sets a ``run(args) -> int`` default on its parsers.
_COMMAND_MODULES = (
    "framework",
    "capture",
    "listing",
    "exchange",
    "demo",
    "summary",
    "share",
    "leaders",
    "report",
    "key",
    "edit",
    "forget",
    "doctor",
    "rounds",
    "effects",
    "cohort",
)
# Which module registers each command, so that a run imports only the module it needs: start-up
# time is most of what a quick capture or list costs. tests/test_cli_registry.py keeps it true.
COMMANDS = {
    "framework": "framework",
    "init": "capture",
    "reflect": "capture",
    "goal": "capture",
    "feedback": "capture",
    "list": "listing",
    "export": "exchange",
    "import": "exchange",
    "demo": "demo",
    "lab": "demo",
    "summary": "summary",
    "share": "share",
    "leaders": "leaders",
    "report": "report",
    "key": "key",
    "edit": "edit",
    "delete": "edit",
    "forget": "forget",
    "doctor": "doctor",
    "backups": "doctor",
    "round": "rounds",
    "effects": "effects",
    "cohort": "cohort",
}


def command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the top-level options take no values), if known."""
    words = [word for word in argv if not word.startswith("-")]
    return words[0] if words and words[0] in COMMANDS else None


def build_parser(command: str | None = None, lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """The parser for every command, or for ``command`` alone (loading only its module), with
    its help and usage errors in ``lang``."""
    set_lang(lang)
    with argparse_speaks_our_language():
        return _parser_for(command)


def _parser_for(command: str | None) -> argparse.ArgumentParser:
    import importlib

    from .. import __version__

    parser = OneLineParser(prog="lgtrack", description=h("lgtrack"), epilog=h("lgtrack_epilog"))
    parser.add_argument(
        "--version", action="version", version=f"lgtrack {__version__}", help=h("version")
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=OneLineParser, title=h("commands")
    )
    commands.required = True
    for name in (COMMANDS[command],) if command else _COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(commands)
    return parser


@terminal_output  # nothing printed can drive the terminal (#10)
def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(command_in(words), peek_lang(words))
    args = None  # errors are told in the profile's language, which the arguments lead to
    try:
        args = parser.parse_args(argv)
        _say_when_waiting(args)
        return int(args.run(args) or 0)
    except LgtrackError as exc:
        return fail_with(exc, args)
    except KeyboardInterrupt:
        return fail_with(LgtrackError("err_cli_interrupted"), args)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception as exc:
        return _storage_fault(exc, args)


def _say_when_waiting(args: argparse.Namespace) -> None:
    """A write that waits for another program's lock says so on stderr (after two seconds)."""
    from ..storage.database import set_lock_notice

    def notice() -> None:
        from ..i18n import t

        print(t("storage_waiting", message_lang(args)), file=sys.stderr, flush=True)

    set_lock_notice(notice)


def _storage_fault(exc: Exception, args: argparse.Namespace | None) -> int:
    """A full disk, read-only media, a damaged database…: one line, exit 2, no traceback.
    Anything else is a bug, and its traceback is worth having."""
    from ..storage import database_path
    from ..storage.faults import fault_from

    try:
        path = database_path(getattr(args, "home", None))
    except LgtrackError:
        path = None
    fault = fault_from(exc, path)
    if fault is not None:
        return fail_with(fault, args)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if exc.filename:
            return fail_with(
                LgtrackError("err_cli_os_file", reason=reason, file=exc.filename), args
            )
        return fail_with(LgtrackError("err_cli_os", reason=reason), args)
    raise exc


if __name__ == "__main__":
    sys.exit(main())
