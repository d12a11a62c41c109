"""``lgtrack export`` and ``lgtrack import``: the whole journal out, and other journals in.

The real clock (export time) and the machine's time zone (jrnl entry times) are read here, at the
entry point; the core takes them as arguments. No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .._files import open_atomically, write_atomically
from .._time import utc_now
from ._common import add_home, message_lang, open_journal, refuse_journal_as_out
from ._parser import examples, h

if TYPE_CHECKING:
    from ..journal import Journal

_RAW = argparse.RawDescriptionHelpFormatter


def register(commands: argparse._SubParsersAction) -> None:
    _register_export(commands)
    _register_import(commands)


def _register_export(commands: argparse._SubParsersAction) -> None:
    from ..exchange import CSV_TABLES

    export = commands.add_parser(
        "export",
        help=h("export"),
        description=h("export_about"),
        formatter_class=_RAW,
        epilog=examples(
            "lgtrack export --out backup.json",
            "lgtrack export --format csv --out refleksioner.csv",
            "lgtrack export --format xlsx --out journal.xlsx",
        ),
    )
    export.add_argument(
        "--format",
        choices=("json", "csv", "xlsx", "markdown"),
        default="json",
        help=h("export.format"),
    )
    export.add_argument("--out", metavar="PATH", help=h("export.out"))
    export.add_argument(
        "--table",
        choices=CSV_TABLES,
        default="reflections",
        help=h("export.table"),
    )
    export.add_argument(
        "--delimiter",
        choices=(",", ";", "tab"),
        metavar="SEP",
        help=h("export.delimiter"),
    )
    export.add_argument(
        "--lang",
        choices=("da", "en"),
        help=h("export.lang"),
    )
    add_home(export)
    export.set_defaults(run=run_export)


def _register_import(commands: argparse._SubParsersAction) -> None:
    imported = commands.add_parser(
        "import",
        help=h("import"),
        description=h("import_about"),
        formatter_class=_RAW,
        epilog=examples(
            "lgtrack import backup.json",
            "jrnl --export json > jrnl.json && lgtrack import jrnl.json --discipline self",
        ),
    )
    imported.add_argument("path", metavar="PATH", help=h("import.path"))
    imported.add_argument(
        "--discipline",
        metavar="D",
        help=h("import.discipline"),
    )
    imported.add_argument(
        "--utc",
        action="store_true",
        help=h("import.utc"),
    )
    imported.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=h("import.passphrase_file"),
    )
    add_home(imported)
    imported.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        refuse_journal_as_out(journal, args.out)
        if args.format == "json":  # streamed: a large backup is never held as bytes
            _export_json(journal, args)
            return 0
        with journal.snapshot():  # one consistent state, whatever others write
            data = _export_bytes(journal, args)
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomically(args.out, data)
    return 0


def _export_json(journal: Journal, args: argparse.Namespace) -> None:
    from ..exchange.export_json import write_export_json

    if args.out is None:
        sys.stdout.flush()
        write_export_json(journal, sys.stdout.buffer, now=utc_now())
        sys.stdout.buffer.flush()
        return
    with open_atomically(args.out) as handle:
        write_export_json(journal, handle, now=utc_now())


def _export_bytes(journal: Journal, args: argparse.Namespace) -> bytes:
    """The export in the format asked for, as the bytes to write."""
    from ..exchange import CSV_ENCODING, default_delimiter, export_csv, export_markdown

    if args.format == "markdown":
        return export_markdown(journal, now=utc_now(), lang=args.lang).encode("utf-8")
    me = journal.me()
    profile_lang = me.lang if me else "da"
    lang = args.lang or profile_lang
    if args.format == "xlsx":
        from ..exchange.export_xlsx import export_xlsx

        return export_xlsx(journal, lang=lang)
    delimiter = args.delimiter or default_delimiter(profile_lang)  # Excel's locale, not --lang
    delimiter = "\t" if delimiter == "tab" else delimiter
    text = export_csv(journal, args.table, delimiter=delimiter, lang=lang)
    return text.encode(CSV_ENCODING)


def run_import(args: argparse.Namespace) -> int:
    from ..exchange import ImportOptions, import_document, read_document
    from ..exchange.reading import display_name
    from ..storage import database_path

    name = display_name(args.path)
    document = _opened_document(args, name) if _encrypted(args.path) else read_document(args.path)
    options = ImportOptions(discipline=args.discipline, tz=timezone.utc if args.utc else None)
    db = Path(database_path(args.home))
    # A refused file creates no journal: what this import creates is removed again. (Checking
    # against an empty journal first would read and write a large backup twice.)
    created = not db.exists()
    folders = [folder for folder in db.parents if not folder.exists()]  # deepest first
    try:
        with open_journal(args, create=True) as journal:
            summary = import_document(journal, document, name=name, options=options)
    except BaseException:
        if created:
            _remove_created(db, folders)
        raise
    print(summary.line(message_lang(args)))  # the profile's language, now that there is one
    return 0


def _encrypted(path: str) -> bool:
    """Whether the file starts like an encrypted bundle (unreadable files are left to the
    ordinary reader, which says what is wrong)."""
    from ..sharing.envelope import ARMOR_BEGIN, BINARY_MAGIC, is_encrypted

    try:
        with open(path, "rb") as handle:
            start = handle.read(max(len(ARMOR_BEGIN), len(BINARY_MAGIC)) + 64)
    except OSError:
        return False
    return is_encrypted(start)


def _opened_document(args: argparse.Namespace, name: str) -> dict:
    """The bundle inside an encrypted file: opened with the passphrase, or with the key of the
    journal in ``--home`` (a journal that does not exist has no key to open it)."""
    from ..exchange.reading import document_from_bytes, read_file_bytes
    from ..keys import own_identity
    from ..sharing.envelope import (
        decrypt_with_identity,
        decrypt_with_passphrase,
        needs_passphrase,
    )
    from ..storage import database_path
    from ._secrets import passphrase

    data = read_file_bytes(args.path)
    if needs_passphrase(data):
        secret = passphrase(args, message_lang(args), twice=False)
        return document_from_bytes(decrypt_with_passphrase(data, secret, name), name)
    identity = None
    if Path(database_path(args.home)).exists():
        with open_journal(args) as journal:
            identity = own_identity(journal)
    return document_from_bytes(decrypt_with_identity(data, identity, name), name)


def _remove_created(db: Path, folders: list[Path]) -> None:
    """Remove the journal an import created: its file, WAL and SHM, and the new folders."""
    for end in ("", "-wal", "-shm"):
        db.with_name(db.name + end).unlink(missing_ok=True)
    for folder in folders:
        try:
            folder.rmdir()  # only when empty: never anything that is not ours
        except OSError:
            return
