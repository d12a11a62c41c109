"""``lgtrack cohort create|import|status|dashboard|report``: a facilitator's leadership programme.

The facilitator's own journal holds the cohort: numbers, days, ids and initials only. Figures
are shown only where they rest on at least k participants (:mod:`lgtrack.cohort.suppression`).
The real clock is read here, at the entry point.
"""

from __future__ import annotations

import argparse
import sys

from .._time import utc_now
from ..i18n import LANGUAGES, t
from ._common import (
    add_home,
    day_arg,
    format_table,
    message_lang,
    print_json,
    refuse_journal_as_out,
)
from ._parser import examples, h

_RAW = argparse.RawDescriptionHelpFormatter


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "cohort", help=h("cohort"), description=h("cohort_about"), formatter_class=_RAW,
        epilog=examples(
            "lgtrack cohort create --name 'Lederforløb 2027' --start 2027-01-04 --end 2027-12-17",
            "lgtrack cohort import 3f2a9c pakker/",
            "lgtrack cohort status 3f2a9c",
            "lgtrack cohort dashboard 3f2a9c --json",
            "lgtrack cohort report 3f2a9c --out forloeb.html",
        ),
    )  # fmt: skip
    sub = parser.add_subparsers(dest="cohort_command", metavar="ACTION", parser_class=type(parser))
    sub.required = True

    create = sub.add_parser("create", help=h("cohort.create"), description=h("cohort.create_about"))
    create.add_argument("--name", required=True, help=h("cohort.name"))
    create.add_argument("--start", metavar="DATE", required=True, help=h("cohort.start"))
    create.add_argument("--end", metavar="DATE", required=True, help=h("cohort.end"))
    create.add_argument("--k", type=int, default=5, help=h("cohort.k"))
    create.add_argument("--lang", choices=LANGUAGES, help=h("cohort.lang"))
    create.add_argument("--framework", default="stuk", help=h("cohort.framework"))
    create.set_defaults(run=run_create)

    imported = sub.add_parser("import", help=h("cohort.import"),
                              description=h("cohort.import_about"))  # fmt: skip
    imported.add_argument("id", metavar="ID", help=h("cohort.id"))
    imported.add_argument("paths", metavar="PATH", nargs="+", help=h("cohort.paths"))
    imported.set_defaults(run=run_import)

    status = sub.add_parser("status", help=h("cohort.status"), description=h("cohort.status_about"))
    status.add_argument("id", metavar="ID", help=h("cohort.id"))
    status.add_argument("--json", action="store_true", help=h("cohort.json"))
    status.add_argument("--today", metavar="DATE", help=h("cohort.today"))
    status.set_defaults(run=run_status)

    dashboard = sub.add_parser("dashboard", help=h("cohort.dashboard"),
                               description=h("cohort.dashboard_about"))  # fmt: skip
    dashboard.add_argument("id", metavar="ID", help=h("cohort.id"))
    dashboard.add_argument("--json", action="store_true", help=h("cohort.json"))
    dashboard.add_argument("--today", metavar="DATE", help=h("cohort.today"))
    dashboard.set_defaults(run=run_dashboard)

    inbox = sub.add_parser("inbox", help=h("cohort.inbox"), description=h("cohort.inbox_about"))
    inbox.add_argument("id", metavar="ID", help=h("cohort.id"))
    inbox.add_argument("--root", metavar="DIR", help=h("cohort.inbox_root"))
    inbox.set_defaults(run=run_inbox)

    report = sub.add_parser("report", help=h("cohort.report"), description=h("cohort.report_about"))
    report.add_argument("id", metavar="ID", help=h("cohort.id"))
    report.add_argument("--out", metavar="FILE", required=True, help=h("cohort.out"))
    report.add_argument("--today", metavar="DATE", help=h("cohort.today"))
    report.set_defaults(run=run_report)
    for each in (create, imported, status, dashboard, inbox, report):
        add_home(each)


def _journal(args: argparse.Namespace, *, create: bool = False):
    """The facilitator's journal; only ``cohort create`` makes one where there is none."""
    from pathlib import Path

    from ..errors import NotFoundError
    from ..journal import Journal
    from ..storage import database_path

    path = database_path(args.home)
    if not create and path != ":memory:" and not Path(path).exists():
        raise NotFoundError("err_cohort_no_journal", path=str(Path(path).parent))
    return Journal.open(args.home, create=create)


def _today(args: argparse.Namespace):
    return day_arg(args.today, "--today") if args.today else utc_now().date()


def run_create(args: argparse.Namespace) -> int:
    from .. import validation
    from ..framework import load_framework
    from ..records import Cohort

    start, end = day_arg(args.start, "start date"), day_arg(args.end, "end date")
    validation.check_cohort(args.name.strip(), start, end, args.k)
    framework = load_framework(args.framework)
    with _journal(args, create=True) as journal:
        me = journal.me()
        lang = args.lang or (me.lang if me else "da")
        cohort = Cohort(
            name=args.name.strip(), start=start, end=end, k=args.k, framework_id=framework.id,
            lang=lang, created_at=journal.clock(),
        )  # fmt: skip
        with journal.atomic():
            journal.store.cohorts.save(cohort)
    print(cohort.id)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ..cohort.importing import find_cohort, import_cohort

    lang = message_lang(args)

    def progress(done: int, total: int) -> None:
        if done == total or done % max(total // 10, 1) == 0:
            print(t("cohort.progress", lang, done=done, total=total), file=sys.stderr)

    with _journal(args) as journal:
        cohort = find_cohort(journal, args.id)
        summary = import_cohort(journal, cohort, args.paths, now=utc_now(), progress=progress)
    print(t("cohort.imported", lang, added=summary.added, updated=summary.updated,
            unchanged=summary.unchanged, older=summary.older))  # fmt: skip
    return 0


def run_inbox(args: argparse.Namespace) -> int:
    """The cohort's inbox on a shared server: participants deliver, only facilitators read."""
    from ..cohort.importing import find_cohort
    from ..sharing.inbox import create_inbox, inbox_root

    with _journal(args) as journal:
        cohort = find_cohort(journal, args.id)
    folder = create_inbox(args.root or inbox_root(), cohort.id)
    print(t("cohort.inbox_ready", cohort.lang, path=str(folder), id=cohort.id[:8]))
    return 0


def run_status(args: argparse.Namespace) -> int:
    from ..cohort.importing import find_cohort
    from ..cohort.status import cohort_status

    today = _today(args)
    with _journal(args) as journal:
        cohort = find_cohort(journal, args.id)
        status = cohort_status(journal, cohort, today=today)
    if args.json:
        print_json(status)
        return 0
    lang = cohort.lang
    print(t("cohort.status_head", lang, name=status["cohort"]["name"],
            count=len(status["participants"])))  # fmt: skip
    if not status["participants"]:
        print(t("cohort.none_yet", lang))
        return 0
    columns = ("initials", "id", "level", "delivered", "days", "fingerprint")
    heading = [t(f"cohort.col.{c}", lang) for c in columns]
    rows = [
        [p["initials"], p["id"][:8], p["level"] or "-", p["delivered_at"][:10],
         str(p["days_since"]), p["fingerprint"] or "-"]
        for p in status["participants"]
    ]  # fmt: skip
    print(format_table([heading, *rows]))
    return 0


def run_dashboard(args: argparse.Namespace) -> int:
    from ..cohort.dashboard import cohort_dashboard
    from ..cohort.importing import find_cohort

    today = _today(args)
    with _journal(args) as journal:
        cohort = find_cohort(journal, args.id)
        dashboard = cohort_dashboard(journal, cohort, today=today)
    if args.json:
        print_json(dashboard)
        return 0
    from ..cohort.text import dashboard_lines

    print("\n".join(dashboard_lines(dashboard, cohort.lang)))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from ..cohort.importing import find_cohort
    from ..cohort.report import write_cohort_report

    today = _today(args)
    with _journal(args) as journal:
        refuse_journal_as_out(journal, args.out)
        cohort = find_cohort(journal, args.id)
        written = write_cohort_report(journal, cohort, args.out, today=today)
    print(t("cli_wrote", cohort.lang, path=written))
    return 0
