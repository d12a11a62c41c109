"""``lgtrack share`` (a bundle for a coach, previewed before it is written) and ``lgtrack leaders``.

The real clock is read here, at the entry point; the core takes ``now`` as an argument.
No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import json
import sys

from .._time import utc_now
from ..errors import LgtrackError, ValidationError
from ..i18n import t
from ._common import (
    SHORT_ID,
    add_home,
    day_arg,
    format_table,
    open_coach_journal,
    open_journal,
    refuse_journal_as_out,
)
from ._parser import examples, h

_RAW = argparse.RawDescriptionHelpFormatter
_YES = ("y", "yes", "j", "ja")  # either language's yes, whatever the question's language


def register(commands: argparse._SubParsersAction) -> None:
    _register_share(commands)
    _register_leaders(commands)


def _register_share(commands: argparse._SubParsersAction) -> None:
    share = commands.add_parser(
        "share",
        help=h("share"),
        description=h("share_about"),
        formatter_class=_RAW,
        epilog=examples(
            "lgtrack share --out til-coach.json --from 2026-01-01",
            "lgtrack share --out forloeb.json --no-text --include reflections,goals --yes",
            "lgtrack share --dry-run --discipline people self",
        ),
    )
    share.add_argument("--out", metavar="FILE", help=h("share.out"))
    share.add_argument("--from", dest="since", metavar="DATE", help=h("list.from"))
    share.add_argument("--to", dest="until", metavar="DATE", help=h("list.to"))
    share.add_argument(
        "--discipline",
        dest="disciplines",
        metavar="D",
        nargs="+",
        action="extend",
        default=[],
        help=h("share.discipline"),
    )
    share.add_argument("--no-text", dest="text", action="store_false", help=h("share.no_text"))
    share.add_argument(
        "--include",
        metavar="KINDS",
        action="append",
        help=h("share.include"),
    )
    share.add_argument("--name", help=h("share.name"))
    share.add_argument("--yes", action="store_true", help=h("share.yes"))
    share.add_argument("--dry-run", action="store_true", help=h("share.dry_run"))
    share.add_argument("--lang", choices=("da", "en"), help=h("share.lang"))
    add_home(share)
    share.set_defaults(run=run_share)


def _register_leaders(commands: argparse._SubParsersAction) -> None:
    leaders = commands.add_parser(
        "leaders",
        help=h("leaders"),
        description=h("leaders_about"),
        formatter_class=_RAW,
    )
    leaders.add_argument("--json", action="store_true", help=h("framework.list_json"))
    leaders.add_argument("--lang", choices=("da", "en"), help=h("leaders.lang"))
    add_home(leaders)
    leaders.set_defaults(run=run_leaders)


def share_scope(args: argparse.Namespace):
    """The scope the options ask for (checked against the framework when the bundle is built)."""
    from ..sharing import KINDS, ShareScope

    since = day_arg(args.since, "--from date") if args.since is not None else None
    until = day_arg(args.until, "--to date") if args.until is not None else None
    disciplines = [d.strip() for item in args.disciplines for d in item.split(",") if d.strip()]
    include = KINDS
    if args.include is not None:
        include = tuple(k.strip() for item in args.include for k in item.split(",") if k.strip())
        unknown = [kind for kind in include if kind not in KINDS]
        if unknown:
            raise ValidationError("err_cli_unknown_kind", kind=unknown[0], known=KINDS)
    return ShareScope(since, until, tuple(dict.fromkeys(disciplines)), args.text, include)


def run_share(args: argparse.Namespace) -> int:
    from ..sharing import build_bundle, preview_bundle, preview_lines, write_bundle
    from ..sharing.preview import summary_text

    if args.out is None and not args.dry_run:
        raise ValidationError("err_cli_share_no_out")
    scope = share_scope(args)
    with open_journal(args) as journal:
        refuse_journal_as_out(journal, args.out)
        me = journal.require_me()
        framework = journal.framework_for(me)
        bundle = build_bundle(journal, scope, now=utc_now(), name=args.name)
    lang = args.lang or me.lang
    preview = preview_bundle(bundle, framework)
    print("\n".join(preview_lines(preview, framework, lang)))
    print()
    if args.dry_run:
        print(t("share.dry_run", lang))
        return 0
    if not args.yes and sys.stdin.isatty() and not _confirmed(lang):
        print(t("share.not_written", lang))
        return 0
    path = write_bundle(bundle, args.out)
    print(t("share.written", lang, path=path, summary=summary_text(preview, lang)))
    return 0


def _confirmed(lang: str) -> bool:
    try:
        answer = input(t("cli_share_confirm", lang))
    except EOFError:
        return False
    return answer.strip().casefold() in _YES


def run_leaders(args: argparse.Namespace) -> int:
    from ..sharing import leader_overview

    with open_coach_journal(args) as journal:
        overview = leader_overview(journal)
        if args.json:
            print_json_lines(overview)
            return 0
        me = journal.me()
        lang = args.lang or (me.lang if me else "da")
        levels = {leader.id: _level_name(journal, leader, lang) for leader in journal.leaders()}
    if not overview:
        print(t("leaders.none", lang))
        print(t("leaders.none_next", lang))  # a coach's journal fills by importing bundles
        return 0
    rows = [_row({**entry, "level": levels.get(entry["id"])}, lang) for entry in overview]
    print(format_table([_heading(lang), *rows]))
    return 0


def print_json_lines(items: list) -> None:
    """A JSON array with one item per line: as readable as an indented one for a long list,
    and written by json's C encoder, which ``indent`` would switch off."""
    body = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in items)
    sys.stdout.write(f"[\n{body}\n]\n" if items else "[]\n")


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
    ]


def _printable(text: str, width: int = 40) -> str:
    """A name from a bundle on one line, without control characters (terminal escapes)."""
    from .._text import one_line

    return one_line(text, width)
