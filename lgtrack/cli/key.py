"""``lgtrack key show`` (this journal's public keys and fingerprint) and ``lgtrack key forget``
(a coach forgets the key pinned for a leader who really has a new journal).

No pandas for ``show``: it is what a leader and a coach run while on the phone.
"""

from __future__ import annotations

import argparse

from .._text import one_line
from ..i18n import LANGUAGES, t
from ._common import add_home, message_lang, open_coach_journal, open_journal, print_json
from ._parser import examples, h

_RAW = argparse.RawDescriptionHelpFormatter


def register(commands: argparse._SubParsersAction) -> None:
    key = commands.add_parser(
        "key",
        help=h("key"),
        description=h("key_about"),
        formatter_class=_RAW,
        epilog=examples("lgtrack key show", "lgtrack key forget 3f2a9c"),
    )
    actions = key.add_subparsers(dest="action", metavar="ACTION", parser_class=type(key))
    actions.required = True
    show = actions.add_parser("show", help=h("key.show"), description=h("key.show"))
    show.add_argument("--json", action="store_true", help=h("key.json"))
    show.add_argument("--lang", choices=LANGUAGES, help=h("key.lang"))
    add_home(show)
    show.set_defaults(run=run_show)
    forget = actions.add_parser("forget", help=h("key.forget"), description=h("key.forget"))
    forget.add_argument("leader", metavar="ID", help=h("key.leader"))
    forget.add_argument("--lang", choices=LANGUAGES, help=h("key.lang"))
    add_home(forget)
    forget.set_defaults(run=run_forget)


def run_show(args: argparse.Namespace) -> int:
    from ..keys import journal_keys

    with open_journal(args, create=True) as journal:  # a coach needs keys before any import
        keys = journal_keys(journal)
    if args.json:
        shown = {
            "fingerprint": keys.fingerprint,
            "public_key": keys.public_key,
            "recipient": keys.recipient,
        }
        print_json(shown)
        return 0
    lang = message_lang(args)
    print(t("key.fingerprint", lang, fingerprint=keys.fingerprint))
    print(t("key.public_key", lang, key=keys.public_key))
    print(t("key.recipient", lang, recipient=keys.recipient))
    return 0


def run_forget(args: argparse.Namespace) -> int:
    from ..keys import forget_leader_key
    from ..report import find_leader

    with open_coach_journal(args) as journal:
        leader = find_leader(journal, args.leader)
        forget_leader_key(journal, leader.id)
    print(t("key.forgotten", message_lang(args), name=one_line(leader.name, 60)))
    return 0
