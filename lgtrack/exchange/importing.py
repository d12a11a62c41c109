"""``import_file``: detect the file's format, validate all of it, then write all of it at once.

Formats are kept in a name → :class:`ImportFormat` registry. A file names its format in its
top-level ``"format"`` field (``"lgtrack-export"``; share bundles will add theirs); files that
have no such field (jrnl's export) are recognised by a ``detect`` function. Add a format with
:func:`register_import_format`.

An import is all or nothing: the plan (every check) and the writes run in one transaction, and
no write happens before every check has passed. Any problem is one
:class:`~lgtrack.errors.ImportFileError` naming the file, the place in it and what is wrong.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..journal import Journal
from .fields import FileProblem, show
from .import_jrnl import detect_jrnl, plan_jrnl_export
from .import_lgtrack import plan_lgtrack_export
from .merge import ImportOptions, ImportPlan, ImportSummary, apply_plan
from .reading import display_name, read_document, refuse

Planner = Callable[[Journal, dict, ImportOptions], ImportPlan]


@dataclass(frozen=True)
class ImportFormat:
    """A kind of file ``lgtrack import`` reads.

    ``plan`` validates a document against a journal (raising :class:`FileProblem`) and returns
    the records to write; ``detect`` recognises files without a ``"format"`` field; ``apply``
    writes the plan (default: :func:`~lgtrack.exchange.merge.apply_plan`).
    """

    name: str
    plan: Planner
    detect: Callable[[dict[str, Any]], bool] | None = None
    apply: Callable[[Journal, Any], ImportSummary] | None = None


_FORMATS: dict[str, ImportFormat] = {}
DEFAULT_OPTIONS = ImportOptions()


def register_import_format(import_format: ImportFormat) -> None:
    """Make ``lgtrack import`` read files whose ``"format"`` is ``import_format.name``."""
    _FORMATS[import_format.name] = import_format


def import_formats() -> dict[str, ImportFormat]:
    """The registered formats by name."""
    return dict(_FORMATS)


def detect_format(document: dict[str, Any], name: str) -> ImportFormat:
    """The format of ``document``, from its ``"format"`` field or by shape."""
    if "format" in document:
        declared = document["format"]
        if not isinstance(declared, str) or declared not in _FORMATS:
            known = sorted(_FORMATS)
            raise refuse(name, "err_file_unknown_format", format=show(declared), known=known)
        return _FORMATS[declared]
    for import_format in _FORMATS.values():
        if import_format.detect is not None and import_format.detect(document):
            return import_format
    raise refuse(name, "err_file_no_format")


def import_document(
    journal: Journal,
    document: dict[str, Any],
    *,
    name: str = "import",
    options: ImportOptions = DEFAULT_OPTIONS,
) -> ImportSummary:
    """Import an already-read ``document``; ``name`` is used in messages."""
    import_format = detect_format(document, name)
    try:
        with journal.atomic():
            plan = import_format.plan(journal, document, options)
            summary = (import_format.apply or apply_plan)(journal, plan)
    except FileProblem as exc:
        raise refuse(name, exc) from None  # the place in the file, then what is wrong there
    except RecursionError:  # defensive: nesting is capped when reading
        raise refuse(name, "err_file_nested_too_deeply") from None
    if rewrote_entries(summary):
        journal.scrub()  # a leader's deletes and corrections leave no trace on the coach's disk
    return summary


def rewrote_entries(summary: ImportSummary) -> bool:
    """Whether an import replaced or removed entries (whose old words must then be scrubbed)."""
    changed = [summary.updated, getattr(summary, "removed", None) or {}]
    return any(count for counts in changed for kind, count in counts.items() if kind != "leaders")


def import_file(
    journal: Journal, path: str | os.PathLike, *, options: ImportOptions = DEFAULT_OPTIONS
) -> ImportSummary:
    """Read, validate and import the file at ``path`` (an lgtrack or jrnl JSON export)."""
    return import_document(journal, read_document(path), name=display_name(path), options=options)


register_import_format(ImportFormat("lgtrack-export", plan_lgtrack_export))
register_import_format(ImportFormat("jrnl", plan_jrnl_export, detect=detect_jrnl))


def _plan_share_bundle(journal: Journal, document: dict, options: ImportOptions) -> Any:
    from ..sharing.receive import plan_bundle  # late: lgtrack.sharing imports this package

    return plan_bundle(journal, document, options)


def _apply_share_bundle(journal: Journal, plan: Any) -> ImportSummary:
    from ..sharing.mirror import apply_bundle

    return apply_bundle(journal, plan)


register_import_format(ImportFormat("lgtrack-share", _plan_share_bundle, apply=_apply_share_bundle))
