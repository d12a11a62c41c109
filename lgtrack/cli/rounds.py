"""``lgtrack round``: 360 rounds (#12). Create a round, write its questionnaire, import the
answers from the survey tool, and write the results without exposing anyone.

The real clock is read here (the creation time, the closing day); the core takes it through
the journal. No pandas: the results are plain Python.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import LANGUAGES, t
from ._common import (
    add_home,
    day_arg,
    format_table,
    message_lang,
    open_journal,
    print_json,
    refuse_journal_as_out,
)
from ._parser import examples, h

_RAW = argparse.RawDescriptionHelpFormatter


def _command(group, name: str, example: str):
    parser = group.add_parser(
        name, help=h(f"round.{name}"), description=h(f"round.{name}_about"),
        epilog=examples(example), formatter_class=_RAW,
    )  # fmt: skip
    add_home(parser)
    return parser


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "round", help=h("round"), description=h("round_about"), formatter_class=_RAW,
        epilog=examples(
            "id=$(lgtrack round create --name 'Forår 2027' --discipline people --due 2027-04-30)",
            "lgtrack round questionnaire $id --out spoergeskema.xlsx",
            "lgtrack round import $id svar.xlsx --dry-run",
            "lgtrack round report $id --out 360.html",
        ),
    )  # fmt: skip
    sub = parser.add_subparsers(dest="round_command", metavar="ACTION", parser_class=type(parser))
    sub.required = True
    create = _command(sub, "create", "lgtrack round create --name 'Forår 2027' --min peer=4")
    create.add_argument("--name", metavar="NAME", required=True, help=h("round.name"))
    create.add_argument("--discipline", metavar="D", action="append", default=[],
                        help=h("round.discipline"))  # fmt: skip
    create.add_argument("--min", metavar="GROUP=N", action="append", default=[],
                        help=h("round.min"))  # fmt: skip
    create.add_argument("--text-min", metavar="GROUP=N", action="append", default=[],
                        help=h("round.text_min"))  # fmt: skip
    create.add_argument("--due", metavar="DATE", help=h("round.due"))
    create.set_defaults(run=run_create)
    listing = _command(sub, "list", "lgtrack round list --json")
    listing.add_argument("--json", action="store_true", help=h("round.json_list"))
    listing.set_defaults(run=run_list)
    close = _command(sub, "close", "lgtrack round close 3f2a9c")
    close.add_argument("id", metavar="ID", help=h("round.id"))
    close.set_defaults(run=run_close)
    questionnaire = _command(
        sub, "questionnaire", "lgtrack round questionnaire 3f2a9c --out q.xlsx"
    )
    questionnaire.add_argument("id", metavar="ID", help=h("round.id"))
    questionnaire.add_argument("--out", metavar="FILE", required=True,
                               help=h("round.questionnaire_out"))  # fmt: skip
    questionnaire.set_defaults(run=run_questionnaire)
    imported = _command(sub, "import", "lgtrack round import 3f2a9c svar.csv --group-column Rolle")
    imported.add_argument("id", metavar="ID", help=h("round.id"))
    imported.add_argument("file", metavar="FILE", help=h("round.file"))
    imported.add_argument("--group", metavar="G", help=h("round.group"))
    imported.add_argument("--group-column", metavar="COLUMN", help=h("round.group_column"))
    imported.add_argument("--group-map", metavar="VALUE=GROUP,...", help=h("round.group_map"))
    imported.add_argument("--dry-run", action="store_true", help=h("round.dry_run"))
    imported.set_defaults(run=run_import)
    report = _command(sub, "report", "lgtrack round report 3f2a9c --out 360.html")
    report.add_argument("id", metavar="ID", help=h("round.id"))
    report.add_argument("--out", metavar="FILE", help=h("round.report_out"))
    report.add_argument("--json", action="store_true", help=h("round.json_report"))
    report.add_argument("--lang", choices=LANGUAGES, help=h("round.lang"))
    report.set_defaults(run=run_report)


def minimums_arg(values: list[str]) -> dict[str, int]:
    """``["peer=4", ...]`` as ``{"peer": 4}``; a malformed one is a one-line error."""
    from ..errors import ValidationError

    found = {}
    for text in values:
        group, sep, number = text.partition("=")
        if not sep or not number.strip().isdigit():
            raise ValidationError("err_cli_round_min_format", text=text)
        found[group.strip()] = int(number)
    return found


def run_create(args: argparse.Namespace) -> int:
    from ..rounds import create_round

    due = day_arg(args.due, "due date") if args.due else None
    with open_journal(args) as journal:
        item = create_round(
            journal, args.name, disciplines=args.discipline, minimums=minimums_arg(args.min),
            text_minimums=minimums_arg(args.text_min) or None, due=due,
        )  # fmt: skip
    print(item.id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ..rounds import list_rounds

    lang = message_lang(args)
    with open_journal(args) as journal:
        items = list_rounds(journal)
        counts = {item.id: journal.store.rounds.counts(item.id) for item in items}
    if args.json:
        print_json([_list_entry(item, counts[item.id]) for item in items])
        return 0
    if not items:
        print(t("cli_list_empty", lang))
        return 0
    rows = [[t(f"cli_help.round.column.{c}", lang) for c in ("id", "status", "due", "n", "name")]]
    for item in items:
        rows.append([
            item.id[:8], t(f"round.status.{item.status}", lang),
            item.due.isoformat() if item.due else "–", str(sum(counts[item.id].values())), item.name,
        ])  # fmt: skip
    print(format_table(rows))
    return 0


def _list_entry(item, counts: dict[str, int]) -> dict:
    return {
        "id": item.id,
        "name": item.name,
        "status": item.status,
        "due": item.due.isoformat() if item.due else None,
        "closed_on": item.closed_on.isoformat() if item.closed_on else None,
        "disciplines": list(item.disciplines),
        "minimums": item.minimums,
        "text_minimums": item.text_minimums,
        "created_at": item.created_at.isoformat(),
        "respondents": counts,
    }


def run_close(args: argparse.Namespace) -> int:
    from ..rounds import close_round

    with open_journal(args) as journal:
        item = close_round(journal, args.id)
    print(t("cli_round_closed", message_lang(args), name=item.name, id=item.id[:8]))
    return 0


def run_questionnaire(args: argparse.Namespace) -> int:
    from .._files import write_atomically
    from ..rounds import find_round
    from ..rounds.questionnaire import questionnaire_bytes

    with open_journal(args) as journal:
        refuse_journal_as_out(journal, args.out)
        item = find_round(journal, args.id)
        data = questionnaire_bytes(journal.framework(), item, args.out)
    written = write_atomically(args.out, data)
    print(t("cli_wrote", message_lang(args), path=written))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ..rounds import find_round
    from ..rounds.importing import parse_group_map, plan_import, write_import

    lang = message_lang(args)
    group_map = parse_group_map(args.group_map)
    with open_journal(args) as journal:
        item = find_round(journal, args.id)
        plan = plan_import(
            journal, item, args.file, group=args.group, group_column=args.group_column,
            group_map=group_map,
        )  # fmt: skip
        if args.dry_run:
            print("\n".join(plan.lines(lang, journal.framework())))
            print(t("round.import.dry_run", lang))
            return 0
        added = write_import(journal, plan)
    print(t("cli_round_imported", lang, added=added, total=len(plan.respondents), name=item.name))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from .._files import write_atomically
    from ..errors import ValidationError
    from ..rounds import find_round
    from ..rounds.report import report_html, report_json
    from ..rounds.results import round_results
    from ..rounds.service import previous_round

    if not args.json and not args.out:
        raise ValidationError("err_cli_round_report_needs_out")
    if args.out and Path(args.out).suffix.lower() != ".html":
        raise ValidationError("err_cli_round_report_html", out=args.out)
    with open_journal(args) as journal:
        refuse_journal_as_out(journal, args.out)
        item = find_round(journal, args.id)
        results = round_results(journal, item, compare=previous_round(journal, item))
    lang = args.lang or item.lang
    if args.out:
        written = write_atomically(args.out, report_html(results, lang=lang).encode("utf-8"))
        if not args.json:
            print(t("cli_wrote", message_lang(args), path=written))
    if args.json:
        print_json(report_json(results))
    return 0
