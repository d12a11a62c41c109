"""``lgtrack export`` and ``lgtrack import``: the whole journal out, and other journals in.

The real clock (export time) and the machine's time zone (jrnl entry times) are read here, at the
entry point; the core takes them as arguments. No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .._files import open_atomically, write_atomically
from .._time import utc_now
from ..i18n import LANGUAGES
from ._common import add_home, message_lang, open_journal, refuse_journal_as_out
from ._parser import examples, h

if TYPE_CHECKING:
    from ..exchange import ImportOptions, ImportSummary
    from ..journal import Journal

Progress = Callable[[int | None, Path | None], None]

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
        choices=LANGUAGES,
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
            "lgtrack import pakker/",
        ),
    )
    imported.add_argument("paths", nargs="+", metavar="PATH", help=h("import.path"))
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
    """Import every file named (a directory: its ``*.json`` files, by name) in one process and
    one transaction: all of them, or, if any is refused, none."""
    from ..exchange import ImportOptions
    from ..storage import database_path

    files = import_paths(args.paths)
    options = ImportOptions(discipline=args.discipline, tz=timezone.utc if args.utc else None)
    progress = _progress(len(files), message_lang(args))
    undo = _undo_new_journal(database_path(args.home))
    try:
        with open_journal(args, create=True) as journal:
            summaries = _import_all(args, journal, files, options, progress)
    except BaseException:
        undo()  # a refused import leaves no journal where there was none (nothing was written)
        raise
    lang = message_lang(args)  # the profile's language, now that there is one
    sys.stdout.write("".join(summary.line(lang) + "\n" for summary in summaries))
    return 0


def _undo_new_journal(db_path: str) -> Callable[[], None]:
    """What removes the journal at ``db_path`` if this import creates it: its database files and
    the directories made for it, where they are still empty. A no-op for an existing journal."""
    db = Path(db_path)
    if db_path == ":memory:" or db.exists():
        return lambda: None
    made = [d for d in (db.parent, *db.parent.parents) if not d.exists()]  # deepest first

    def undo() -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        for directory in made:
            try:
                directory.rmdir()
            except OSError:  # not empty (or not ours to remove): leave it
                return

    return undo


def import_paths(paths: list[str]) -> list[Path]:
    """The files to import: each path as given, a directory as its ``*.json`` files by name."""
    from ..errors import ImportFileError

    files = []
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)  # reading it says what is wrong with it, if anything
            continue
        found = sorted(p for p in path.glob("*.json") if not p.is_dir())
        if not found:
            raise ImportFileError("err_import_dir_empty", path=str(path))
        files.extend(found)
    return files


def _import_all(
    args: argparse.Namespace,
    journal: Journal,
    files: list[Path],
    options: ImportOptions,
    progress: Progress,
) -> list[ImportSummary]:
    """Read, check and write every file in one transaction; the first refusal undoes all."""
    from ..exchange import import_document
    from ..exchange.importing import rewrote_entries
    from ..exchange.reading import display_name

    summaries = []
    try:
        with journal.atomic():
            for index, path in enumerate(files, 1):
                progress(index, path)
                name = display_name(path)
                document = _read(args, journal, path, name)
                summaries.append(import_document(journal, document, name=name, options=options))
    finally:
        progress(None, None)  # ends the progress line before any error is told
    if any(rewrote_entries(summary) for summary in summaries):
        journal.scrub()  # replaced and removed entries leave no words on the disk (#10)
    return summaries


def _read(args: argparse.Namespace, journal: Journal, path: Path, name: str) -> dict:
    """The document in ``path``: an encrypted bundle is opened first."""
    from ..exchange import read_document

    if _encrypted(path):
        return _opened_document(args, journal, path, name)
    return read_document(path)


def _progress(total: int, lang: str) -> Progress:
    """Reports ``done/total: file`` on stderr while several files are imported: on one
    rewritten line on a terminal, one line per file otherwise (a log)."""
    if total < 2:
        return lambda done, path: None
    from ..exchange.reading import clean_message
    from ..i18n import t
    from ._common import unfiltered

    err = unfiltered(sys.stderr)  # the name in the line is cleaned below; \r and ESC[K are ours
    live = err.isatty()

    def report(done: int | None, path: Path | None) -> None:
        if done is None:
            if live:
                err.write("\n")
        else:
            line = t(
                "cli_import_progress",
                lang,
                done=done,
                total=total,
                name=clean_message(path.name, 80),
            )
            err.write(f"\r{line}\x1b[K" if live else f"{line}\n")
        err.flush()

    return report


def _encrypted(path: str | Path) -> bool:
    """Whether the file starts like an encrypted bundle (unreadable files are left to the
    ordinary reader, which says what is wrong)."""
    from ..sharing.envelope import ARMOR_BEGIN, BINARY_MAGIC, is_encrypted

    try:
        with open(path, "rb") as handle:
            start = handle.read(max(len(ARMOR_BEGIN), len(BINARY_MAGIC)) + 64)
    except OSError:
        return False
    return is_encrypted(start)


def _opened_document(args: argparse.Namespace, journal: Journal, path: Path, name: str) -> dict:
    """The bundle inside an encrypted file: opened with the passphrase, or with this journal's
    own key (a journal made by this import has none that could open it)."""
    from ..exchange.reading import document_from_bytes, read_file_bytes
    from ..keys import own_identity
    from ..sharing.envelope import (
        decrypt_with_identity,
        decrypt_with_passphrase,
        needs_passphrase,
    )
    from ._secrets import passphrase

    data = read_file_bytes(path)
    if needs_passphrase(data):
        secret = passphrase(args, message_lang(args), twice=False)
        return document_from_bytes(decrypt_with_passphrase(data, secret, name), name)
    identity = own_identity(journal)
    return document_from_bytes(decrypt_with_identity(data, identity, name), name)
