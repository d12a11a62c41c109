"""``lgtrack leaders``: the leaders in a coach's journal; ``lgtrack leaders remove ID`` removes
one with everything of theirs (entries, ratings, the coach's notes and actions), leaving no
trace of the words on disk. No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import LgtrackError
from ..i18n import LANGUAGES, t
from ._common import SHORT_ID, add_home, format_table, open_coach_journal, print_json
from ._ids import resolve
from ._parser import examples, h
from .edit import confirmed

_RAW = argparse.RawDescriptionHelpFormatter


def register(commands: argparse._SubParsersAction) -> None:
    leaders = commands.add_parser(
        "leaders",
        help=h("leaders"),
        description=h("leaders_about"),
        epilog=examples("lgtrack leaders", "lgtrack leaders remove 3f2a9c1d"),
        formatter_class=_RAW,
    )
    leaders.add_argument("--json", action="store_true", help=h("framework.list_json"))
    leaders.add_argument("--lang", choices=LANGUAGES, help=h("leaders.lang"))
    add_home(leaders)
    leaders.set_defaults(run=run_leaders)
    actions = leaders.add_subparsers(
        dest="leaders_command", metavar="ACTION", parser_class=type(leaders)
    )
    remove = actions.add_parser(
        "remove",
        help=h("leaders.remove"),
        description=h("leaders.remove_about"),
        epilog=examples("lgtrack leaders remove 3f2a9c1d --yes"),
        formatter_class=_RAW,
    )
    remove.add_argument("id", metavar="ID", help=h("leaders.remove_id"))
    remove.add_argument("--yes", action="store_true", help=h("leaders.remove_yes"))
    # SUPPRESS: an absent option here must not undo `lgtrack leaders --home DIR remove ID`
    remove.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=h("home"))
    remove.set_defaults(run=run_remove)


def run_remove(args: argparse.Namespace) -> int:
    from .. import coaching
    from .._text import one_line
    from ..formatting import plural

    with open_coach_journal(args) as journal:
        me = journal.me()
        lang = args.lang or (me.lang if me else "da")
        leader = journal.leader(resolve(journal, "leader", args.id))
        reflections, goals, feedback, _ = journal.store.leaders.activity(leader.id)
        counts = {
            "reflections": reflections, "goals": goals, "feedback": feedback,
            "sessions": len(coaching.sessions(journal, leader.id)),
            "actions": len(coaching.actions(journal, leader.id)),
        }  # fmt: skip
        keys = {"sessions": "coach_sessions", "actions": "coach_actions"}
        what = t("cli_leader_line", lang, name=one_line(leader.name, 40), id=leader.id[:SHORT_ID],
                 **{name: plural(f"count_{keys.get(name, name)}", count, lang)
                    for name, count in counts.items()})  # fmt: skip
        asking = not leader.is_me and not args.yes and sys.stdin.isatty()
        if asking and not confirmed("cli_leader_remove_confirm", lang, what):
            print(t("cli_delete_kept", lang))
            return 0
        journal.remove_leader(leader.id)
    print(t("cli_leader_removed", lang, what=what))
    return 0


def run_leaders(args: argparse.Namespace) -> int:
    from ..sharing import leader_overview

    with open_coach_journal(args) as journal, journal.snapshot():
        overview = leader_overview(journal)
        me = journal.me()
        lang = args.lang or (me.lang if me else "da")
        levels = {leader.id: _level_name(journal, leader, lang) for leader in journal.leaders()}
    if args.json:
        print_json(overview)
        return 0
    if not overview:
        print(t("leaders.none", lang))
        print(t("leaders.none_next", lang))  # a coach's journal fills by importing bundles
        return 0
    rows = [_row({**entry, "level": levels.get(entry["id"])}, lang) for entry in overview]
    print(format_table([_heading(lang), *rows]))
    return 0


def _level_name(journal, leader, lang: str) -> str | None:
    """The leader's level by its name in ``lang`` (its id if the framework lacks it)."""
    if not leader.level:
        return None
    try:
        return journal.framework_for(leader).level(leader.level).name.get(lang)
    except (LgtrackError, KeyError):
        return leader.level


def _heading(lang: str) -> list[str]:
    columns = ("id", "name", "level", "source", "reflections", "goals", "feedback", "last_entry")
    columns += ("fingerprint",)
    return [t(f"leaders.col.{column}", lang) for column in columns]


def _row(entry: dict, lang: str) -> list[str]:
    if entry["me"]:
        source = t("leaders.me", lang)
    elif entry["imported_at"]:
        source = t("leaders.imported", lang, day=entry["imported_at"][:10])
    else:
        source = t("leaders.not_imported", lang)
    return [
        entry["id"][:SHORT_ID],  # what `report --leader` accepts (6+ characters)
        _printable(entry["name"]),
        _printable(entry["level"] or "-"),
        source,
        str(entry["reflections"]),
        str(entry["goals"]),
        str(entry["feedback"]),
        entry["last_entry"] or "-",
        entry["fingerprint"] or "-",  # to compare aloud with the leader's `lgtrack key show`
    ]


def _printable(text: str, width: int = 40) -> str:
    """A name from a bundle on one line, without control characters (terminal escapes)."""
    from .._text import one_line

    return one_line(text, width)
