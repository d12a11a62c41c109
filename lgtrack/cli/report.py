"""``lgtrack report``: the session report on a leader, as one self-contained HTML file.

The report is in the leader's language unless ``--lang``; ``--today`` fixes the day it is
about (default: today). ``--pdf`` also prints it to a PDF next to the HTML with an installed
Chromium; without one it exits 2 before writing anything and says how to print from a browser.
"""

from __future__ import annotations

import argparse

from ..i18n import LANGUAGES, t
from ._common import add_home, day_arg, message_lang, open_coach_journal, refuse_journal_as_out
from ._parser import examples, h


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help=h("report"),
        description=h("report_about"),
        epilog=examples(
            "lgtrack report --leader 3f2a9c --out report.html",
            "lgtrack report --leader 3f2a9c --out report.html --lang en --pdf",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--leader", metavar="ID", required=True, help=h("report.leader"))
    parser.add_argument("--out", metavar="FILE", required=True, help=h("report.out"))
    parser.add_argument("--today", metavar="DATE", help=h("report.today"))
    parser.add_argument("--lang", choices=LANGUAGES, help=h("report.lang"))
    parser.add_argument("--pdf", action="store_true", help=h("report.pdf"))
    add_home(parser)
    parser.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .._time import utc_now
    from ..errors import ValidationError
    from ..report import find_chromium, find_leader, print_pdf, write_report

    today = day_arg(args.today, "--today") if args.today else utc_now().date()
    out = Path(args.out)
    if out.is_dir():
        raise ValidationError("err_cli_out_directory", out=str(out))
    if not out.parent.is_dir():
        raise ValidationError("err_cli_out_no_folder", out=str(out))
    chromium = find_chromium() if args.pdf else None
    if args.pdf and chromium is None:
        raise ValidationError("err_no_chromium")
    with open_coach_journal(args) as journal:
        refuse_journal_as_out(journal, args.out)
        leader = find_leader(journal, args.leader)
        written = write_report(journal, leader.id, out, today=today, lang=args.lang)
    lang = message_lang(args)
    print(t("cli_wrote", lang, path=written))
    if chromium is not None:
        print(t("cli_wrote", lang, path=print_pdf(written, written.with_suffix(".pdf"), chromium)))
    return 0
