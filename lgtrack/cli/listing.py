"""``lgtrack list reflections|goals|feedback``: read the journal, newest first.

Text output is one aligned line per entry; ``--json`` prints a JSON array of full records (dates
as ISO-8601, ratings as ``{"behaviour", "score"}`` with ``null`` for "ved ikke"). Private entries
are listed and marked: it is the owner's own journal. No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .._text import one_line
from ..errors import ValidationError
from ._common import (
    SHORT_ID,
    add_home,
    day_arg,
    format_table,
    open_journal,
    print_json,
    tolerant_output,
)
from ._parser import examples, h

if TYPE_CHECKING:  # the records load only for the lists that build them (not text reflections)
    from ..query import EntryFilter
    from ..records import Feedback, Goal, Rating, Reflection

GOAL_STATUSES = ("open", "achieved", "dropped")  # records.GOAL_STATUSES; a test keeps them equal

KINDS = ("reflections", "goals", "feedback")
SNIPPET_CHARS = 60
MAX_NAME_CHARS = 30
MAX_TAGS_CHARS = 40
_CHUNK = 2000  # lines per write


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "list",
        help=h("list"),
        description=h("list_about"),
        epilog=examples(
            "lgtrack list reflections --discipline people --from 2026-01-01 -n 10",
            "lgtrack list goals --status open --json",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=KINDS, metavar="WHAT", help=h("list.kind"))
    parser.add_argument("--discipline", metavar="D", help=h("list.discipline"))
    parser.add_argument("--behaviour", metavar="B", help=h("list.behaviour"))
    parser.add_argument("--from", dest="since", metavar="DATE", help=h("list.from"))
    parser.add_argument("--to", dest="until", metavar="DATE", help=h("list.to"))
    parser.add_argument("--tag", metavar="T", help=h("list.tag"))
    parser.add_argument("--contains", metavar="TEXT", help=h("list.contains"))
    parser.add_argument("--status", choices=GOAL_STATUSES, help=h("list.status"))
    parser.add_argument("-n", dest="limit", metavar="N", type=int, help=h("list.limit"))
    parser.add_argument("--json", action="store_true", help=h("list.json"))
    add_home(parser)
    parser.set_defaults(run=run_list)


@tolerant_output
def run_list(args: argparse.Namespace) -> int:
    from ..i18n import t

    plain = args.discipline is None and args.behaviour is None  # nothing to check in a framework
    if args.kind == "reflections" and not args.json and plain:
        return _list_reflection_lines(args)
    with open_journal(args) as journal, journal.snapshot():
        if journal.me() is None and journal.leaders():
            raise ValidationError("err_cli_coach_journal")
        where = entry_filter(args, journal)
        if args.kind == "reflections" and not args.json:
            me = journal.me()
            lines = journal.store.reflections.lines(journal.leader_key(None), where)
            return print_reflection_lines(lines, me.lang if me else "da")
        if args.kind == "reflections":
            items = journal.reflections(where)
        elif args.kind == "goals":
            items = journal.goals(where, status=args.status)
        else:
            items = journal.feedback(where)
        me = journal.me()
    if args.json:
        records = [record_as_json(item) for item in items]
        if _stdout_is_utf8():
            print_json(records)
        else:  # \u escapes keep the JSON lossless on any terminal
            import json

            print(json.dumps(records, ensure_ascii=True, indent=2))
        return 0
    lang = me.lang if me else "da"
    if not items:
        print(t("cli_list_empty", lang))
        return 0
    # The message catalogue is read only when needed: parsing it costs start-up time.
    marker = t("cli_private_marker", lang) if any(item.private for item in items) else ""
    print(format_table([entry_row(item, marker, lang) for item in items]))
    return 0


def _list_reflection_lines(args: argparse.Namespace) -> int:
    """The common ``list reflections`` (no discipline or behaviour to check against the
    framework): the rows straight from the database, without opening a whole journal, so that
    the command imports little more than ``sqlite3`` (#15)."""
    from ..storage import connect, database_path
    from ..storage.lines import NO_LEADER, journal_owner, reflection_lines

    # The checked options, not an EntryFilter: its dataclass module would cost more start-up
    # time than formatting a thousand lines.
    where = SimpleNamespace(**filter_options(args), include_private=True)
    conn = connect(database_path(args.home), create=False)
    try:
        me, lang, any_leader = journal_owner(conn)
        if me is None and any_leader:
            raise ValidationError("err_cli_coach_journal")
        return print_reflection_lines(reflection_lines(conn, me or NO_LEADER, where), lang or "da")
    finally:
        conn.close()


def print_reflection_lines(rows: Iterable[tuple], lang: str) -> int:
    """Reflections as aligned lines, formatted straight from the storage rows
    (``ReflectionRepository.lines``): no records, and only the start of each text is cleaned.

    The columns are padded to the widest cell, so every row is formatted before the first
    line is written; then the lines go out in chunks, not as one string.
    """
    marker = None
    cells = []
    add = cells.append
    for day, entry_id, private, disciplines, tags, text in rows:  # the hot loop: kept plain
        line = one_line(text, SNIPPET_CHARS) if text else ""
        if private:
            if marker is None:
                from ..i18n import t  # the catalogue is read only when a private entry is listed

                marker = t("cli_private_marker", lang)
            line = f"{marker} {line}"
        tags = one_line(tags, MAX_TAGS_CHARS) if tags else ""
        add((day, entry_id[:SHORT_ID], disciplines or "", tags, line))
    if not cells:
        from ..i18n import t

        print(t("cli_list_empty", lang))
        return 0
    widths = [max(map(len, column)) for column in list(zip(*cells, strict=True))[:4]]
    layout = "  ".join(f"{{{i}:<{width}}}" for i, width in enumerate(widths)) + "  {4}"
    write = sys.stdout.write
    for start in range(0, len(cells), _CHUNK):
        write("".join(layout.format(*row).rstrip() + "\n" for row in cells[start : start + _CHUNK]))
    return 0


def _stdout_is_utf8() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") == "utf8"


def entry_filter(args: argparse.Namespace, journal) -> EntryFilter:
    """The filter the options ask for, checked against the journal owner's framework."""
    from ..query import EntryFilter

    options = filter_options(args)
    if (args.discipline is not None or args.behaviour is not None) and journal.me() is not None:
        from .. import validation

        framework = journal.framework()
        if args.discipline is not None:
            validation.check_discipline(framework, args.discipline)
        if args.behaviour is not None:
            validation.check_behaviour(framework, args.behaviour)
    return EntryFilter(**options)


def filter_options(args: argparse.Namespace) -> dict[str, object]:
    """:class:`EntryFilter`'s fields from the options, each checked (one line on bad input)."""
    if args.kind != "reflections" and args.tag is not None:
        raise ValidationError("err_cli_tag_reflections_only", kind=args.kind)
    if args.kind != "goals" and args.status is not None:
        raise ValidationError("err_cli_status_goals_only")
    if args.limit is not None and args.limit < 0:
        raise ValidationError("err_cli_limit_negative", limit=args.limit)
    since = day_arg(args.since, "--from date") if args.since is not None else None
    until = day_arg(args.until, "--to date") if args.until is not None else None
    if since and until and since > until:
        raise ValidationError(
            "err_cli_from_after_to", since=since.isoformat(), until=until.isoformat()
        )
    tag = args.tag.strip().removeprefix("#") if args.tag is not None else None
    return {
        "discipline": args.discipline,
        "behaviour": args.behaviour,
        "since": since,
        "until": until,
        "tag": tag,
        "contains": args.contains,
        "limit": args.limit,
    }


# -- text ---------------------------------------------------------------------------------------


def snippet(text: str, width: int = SNIPPET_CHARS) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis; no terminal escapes."""
    return one_line(text, width)


def _ratings_text(ratings: tuple[Rating, ...]) -> str:
    return " ".join(f"{r.behaviour}={'?' if r.score is None else r.score}" for r in ratings)


def entry_row(
    item: Reflection | Goal | Feedback, private_marker: str, lang: str = "da"
) -> list[str]:
    """The columns of one entry's line, in ``lang``; the last column is free text."""
    from ..records import Goal, Reflection

    marker = f"{private_marker} " if item.private else ""
    if isinstance(item, Reflection):
        text = item.text or item.next_step or _ratings_text(item.ratings)
        tags = one_line(" ".join(f"#{tag}" for tag in item.tags), MAX_TAGS_CHARS)
        return [
            item.day.isoformat(),
            item.id[:SHORT_ID],
            ",".join(item.disciplines),
            tags,
            marker + snippet(text),
        ]
    if isinstance(item, Goal):
        due = item.due.isoformat() if item.due else "-"
        return [
            item.id[:SHORT_ID],
            _status_text(item.status, lang),
            f"{item.progress:>3} %",
            due,
            item.discipline,
            marker + snippet(item.title),
        ]
    text = item.text or _ratings_text(item.ratings)
    return [
        item.day.isoformat(),
        item.id[:SHORT_ID],
        _role_text(item.role, lang),
        snippet(item.name, MAX_NAME_CHARS) or "-",
        item.discipline,
        marker + snippet(text),
    ]


def _status_text(status: str, lang: str) -> str:
    from ..i18n import t  # only a goals list pays for reading the catalogue

    return t(f"cli_status_{status}", lang)


def _role_text(role: str, lang: str) -> str:
    from ..i18n import t

    return t(f"md_role_{role}", lang)


# -- JSON ---------------------------------------------------------------------------------------


def record_as_json(record: object) -> dict:
    """A record as plain JSON data: every field, dates ISO, ratings as behaviour/score pairs."""
    from dataclasses import fields  # the records load it anyway; the one-line list does not

    from ..records import Goal

    data = {f.name: _plain(getattr(record, f.name)) for f in fields(record)}
    if isinstance(record, Goal):
        data["progress"] = record.progress
    return data


def _plain(value: object) -> object:
    from dataclasses import is_dataclass

    from ..records import Rating

    if isinstance(value, date):  # dates and datetimes
        return value.isoformat()
    if isinstance(value, Rating):
        return {"behaviour": value.behaviour, "score": value.score}
    if is_dataclass(value):
        return record_as_json(value)
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value
