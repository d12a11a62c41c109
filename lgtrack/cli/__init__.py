"""The ``lgtrack`` command line: one module per command group, all over the same core.

Every command exits 0 when all is well and 2 on bad input, with one line on stderr and never a
traceback. Commands that only capture or list must not import pandas (start-up time matters).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import LgtrackError
from ._common import DEFAULT_LANG, OneLineParser, fail_with
from ._parser import h, peek_lang, set_lang

# Each module has register(subparsers) and sets a ``run(args) -> int`` default on its parsers.
_COMMAND_MODULES = (
    "framework",
    "capture",
    "listing",
    "exchange",
    "demo",
    "summary",
    "share",
    "report",
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
    "leaders": "share",
    "report": "report",
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
    import importlib

    set_lang(lang)
    parser = OneLineParser(prog="lgtrack", description=h("lgtrack"), epilog=h("lgtrack_epilog"))
    from .. import __version__

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


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(command_in(words), peek_lang(words))
    args = None  # errors are told in the profile's language, which the arguments lead to
    try:
        args = parser.parse_args(argv)
        return int(args.run(args) or 0)
    except LgtrackError as exc:
        return fail_with(exc, args)
    except KeyboardInterrupt:
        return fail_with(LgtrackError("err_cli_interrupted"), args)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.filename:
            return fail_with(
                LgtrackError("err_cli_os_file", reason=reason, file=exc.filename), args
            )
        return fail_with(LgtrackError("err_cli_os", reason=reason), args)


if __name__ == "__main__":
    sys.exit(main())
