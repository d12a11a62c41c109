"""Export and import of the whole journal (``lgtrack export`` / ``lgtrack import``).

- :func:`export_json` — the lossless, versioned backup (format in :mod:`.export_json`);
- :func:`export_csv` — one table for a spreadsheet (:mod:`.export_csv`);
- :func:`export_markdown` — a readable journal (:mod:`.export_markdown`);
- :func:`import_file` — an lgtrack JSON export or a jrnl JSON export (:mod:`.import_lgtrack`,
  :mod:`.import_jrnl`), all or nothing, idempotent by UUID (:mod:`.merge`); the formats are a
  name → importer registry (:mod:`.importing`); file-level checks are in :mod:`.reading`.

Exports take ``now`` explicitly; only the command line reads the clock.
"""

from __future__ import annotations

from .export_csv import CSV_ENCODING, CSV_TABLES, default_delimiter, export_csv
from .export_json import EXPORT_FORMAT, EXPORT_VERSION, build_export, export_json
from .export_markdown import export_markdown
from .importing import (
    ImportFormat,
    detect_format,
    import_document,
    import_file,
    import_formats,
    register_import_format,
)
from .merge import ImportOptions, ImportPlan, ImportSummary
from .reading import MAX_IMPORT_BYTES, read_document

__all__ = [
    "CSV_ENCODING",
    "CSV_TABLES",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "MAX_IMPORT_BYTES",
    "ImportFormat",
    "ImportOptions",
    "ImportPlan",
    "ImportSummary",
    "build_export",
    "default_delimiter",
    "detect_format",
    "export_csv",
    "export_json",
    "export_markdown",
    "import_document",
    "import_file",
    "import_formats",
    "read_document",
    "register_import_format",
]
