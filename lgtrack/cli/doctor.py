"""``lgtrack doctor [--repair] [--json]`` and ``lgtrack backups list|restore``.

``doctor`` prints one line per check (see :mod:`lgtrack.doctor`) and exits 0 when all is ok,
1 with warnings and 2 with a fault. ``backups list`` shows the automatic backups, newest first;
``backups restore NAME|DATE`` puts one back, all or nothing, keeping the current journal as a
backup first.
"""

from __future__ import annotations

import argparse

from .._time import utc_now
from ..i18n import LANGUAGES, t
from ._common import add_home, message_lang, print_json
from ._parser import examples, h


def register(commands: argparse._SubParsersAction) -> None:
    doctor = commands.add_parser(
        "doctor",
        help=h("doctor"),
        description=h("doctor_about"),
        epilog=examples("lgtrack doctor", "lgtrack doctor --repair", "lgtrack doctor --json"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_home(doctor)
    doctor.add_argument("--repair", action="store_true", help=h("doctor.repair"))
    doctor.add_argument("--json", action="store_true", help=h("json"))
    doctor.add_argument("--lang", choices=LANGUAGES, help=h("lang"))
    doctor.set_defaults(run=run_doctor)

    backups = commands.add_parser(
        "backups",
        help=h("backups"),
        description=h("backups_about"),
        epilog=examples("lgtrack backups list", "lgtrack backups restore 2026-11-29"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = backups.add_subparsers(
        dest="backups_command", metavar="ACTION", parser_class=type(backups)
    )
    sub.required = True
    listing = sub.add_parser("list", help=h("backups.list"), description=h("backups.list"))
    add_home(listing)
    listing.add_argument("--json", action="store_true", help=h("json"))
    listing.set_defaults(run=run_list)
    restore = sub.add_parser(
        "restore", help=h("backups.restore"), description=h("backups.restore_about")
    )
    restore.add_argument("ref", metavar="NAME|DATE", help=h("backups.ref"))
    add_home(restore)
    restore.set_defaults(run=run_restore)


def _db_path(args: argparse.Namespace) -> str:
    from pathlib import Path

    from ..errors import StoreError
    from ..storage import database_path

    path = database_path(args.home)
    if path == ":memory:" or not Path(path).is_file():
        raise StoreError("err_store_no_journal", path=str(Path(path).parent))
    return path


def run_doctor(args: argparse.Namespace) -> int:
    from ..doctor import examine

    lang = message_lang(args)
    report = examine(_db_path(args), today=utc_now().date(), repair=args.repair)
    if args.json:
        print_json(report.to_json(lang))
        return report.exit_code
    width = max(len(t(f"doctor.check.{c.name}", lang)) for c in report.checks)
    for check in report.checks:
        status = t(f"doctor.status.{check.status}", lang)
        label = t(f"doctor.check.{check.name}", lang)
        print(f"{status:<9} {label:<{width}}  {check.message.render(lang)}")
    return report.exit_code


def run_list(args: argparse.Namespace) -> int:
    from ..formatting import number
    from ..storage.backups import list_backups

    lang = message_lang(args)
    backups = list_backups(_db_path(args))
    if args.json:
        print_json([{"name": b.name, "day": b.day.isoformat(), "bytes": b.size} for b in backups])
        return 0
    if not backups:
        print(t("cli_backups_none", lang))
    for backup in backups:
        size = f"{number(backup.size / 1024, lang)} kB"
        print(t("cli_backups_line", lang, name=backup.name, day=backup.day, size=size))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ..storage.backups import find_backup, restore

    path = _db_path(args)
    backup = find_backup(path, args.ref)
    kept = restore(path, backup, utc_now())
    print(t("cli_backups_restored", message_lang(args), name=backup.name, kept=kept.name))
    return 0
