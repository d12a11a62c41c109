"""``lgtrack forget TEXT [--initials | --remove]``: find a person's name in every entry, then
replace it with initials or remove it (:mod:`lgtrack.forgetting`).

Without ``--initials`` or ``--remove`` it only shows where the name stands. Writing asks first
on a terminal (``--yes`` skips the question). No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys

from .._text import one_line
from ._common import SHORT_ID, add_home, format_table, open_journal
from ._parser import examples, h
from .capture import tolerant_output
from .edit import confirmed

SNIPPET_CHARS = 70


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "forget", help=h("forget"), description=h("forget_about"),
        epilog=examples("lgtrack forget 'Mette Hansen'",
                        "lgtrack forget 'Mette Hansen' --initials",
                        "lgtrack forget 'Mette' --remove --yes"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("text", metavar="TEXT", help=h("forget.text"))
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--initials", dest="how", action="store_const", const="initials",
                     help=h("forget.initials"))  # fmt: skip
    how.add_argument("--remove", dest="how", action="store_const", const="remove",
                     help=h("forget.remove"))  # fmt: skip
    parser.add_argument("--yes", action="store_true", help=h("forget.yes"))
    add_home(parser)
    parser.set_defaults(run=run_forget)


@tolerant_output
def run_forget(args: argparse.Namespace) -> int:
    from .. import forgetting
    from ..formatting import plural
    from ..i18n import t

    with open_journal(args) as journal:
        me = journal.me()
        lang = me.lang if me else "da"
        places = forgetting.find(journal, args.text)
        name = one_line(args.text, 60)
        if not places:
            print(t("cli_forget_none", lang, name=name))
            return 0
        print(format_table([_heading(lang), *(_row(place, lang) for place in places)]))
        count = plural("cli_forget_places", len(places), lang)
        if args.how is None:
            print(t("cli_forget_dry_run", lang, places=count))
            return 0
        question = f"cli_forget_confirm_{args.how}"
        if not args.yes and sys.stdin.isatty() and not confirmed(question, lang, count):
            print(t("cli_forget_kept", lang))
            return 0
        changed = forgetting.forget(journal, args.text, args.how)
    print(t(f"cli_forget_done_{args.how}", lang,
            places=plural("cli_forget_places", len(changed), lang)))  # fmt: skip
    return 0


def _heading(lang: str) -> list[str]:
    from ..i18n import t

    return [
        t(f"cli_forget_col.{column}", lang) for column in ("day", "kind", "id", "field", "text")
    ]


def _row(place, lang: str) -> list[str]:
    from ..i18n import t

    return [
        place.day.isoformat(),
        t(f"forget.kind.{place.kind}", lang),
        place.entry_id[:SHORT_ID],
        t(f"forget.field.{place.field}", lang),
        one_line(place.snippet, SNIPPET_CHARS),
    ]
