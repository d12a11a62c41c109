"""Share bundles: what a leader chooses to give a coach or cohort facilitator, and its import.

A leader makes a bundle with :func:`build_bundle` (``lgtrack share`` or the ShareWidget), sees
:func:`preview_bundle` of it, and writes it with :func:`write_bundle`. The coach reads it with
``lgtrack import BUNDLE`` (:mod:`.receive`, through the import registry) into their own journal.
``docs/share-bundle.md`` describes the same format for people.

Format ``lgtrack-share``, version 3 (signed; version 2 without ``rounds``) — one UTF-8 JSON
object::

    {
      "format": "lgtrack-share",
      "version": 3,                                  # 2 when the bundle has no "rounds"
      "created_at": "2026-11-02T10:15:00+01:00",   # aware ISO-8601: when the leader made it
      "generator": "lgtrack 0.1.0",
      "framework": {"id": "stuk", "version": "1.0"},
      "leader": {"id": UUID, "name": "AB", "level": "teamleder", "lang": "da", "unit": ""},
      "scope": {"from": "2026-01-01" | null, "to": "2026-06-30" | null,
                "disciplines": ["people", ...],        # every discipline shared, spelt out
                "text": true,                          # false: no free text at all
                "include": ["reflections", "goals", "feedback"]},
      "reflections": [{"id", "day", "disciplines", "ratings": [{"behaviour", "score"}],
                       "level", "framework_version",
                       + with text: "prompt", "text", "next_step", "tags", "wellbeing",
                         "energy"}],
      "goals": [{"id", "discipline", "title", "behaviours", "due", "status", "created_on",
                 "closed_on", "checkins": [{"day", "progress", + with text: "note"}],
                 + with text: "why", "success"}],
      "feedback": [{"id", "day", "role", "discipline", "ratings",
                    + with text: "name", "text"}],
      "rounds": [...],   # only with chosen 360 rounds: their shown figures (:mod:`.rounds`)
      "checksum": "sha256:<64 hex digits>",
      "signature": {"algorithm": "ed25519", "public_key": "ed25519:<base64>",
                    "value": "<base64 of 64 bytes>"}
    }

Rules:

- ``leader.name`` is the profile's name unless the leader chose another (initials) for the
  bundle. There is no ``is_me``: a bundle's leader is never the importing journal's owner.
- Entries marked private are never in a bundle. Without text (``"text": false``) only ratings,
  dates and goal titles leave: the fields marked "with text" are absent, not empty.
- Every record lies inside the scope: its day (reflections, feedback, check-ins) in the period;
  a goal was open at some time in the period (created on or before ``to``, not closed before
  ``from``); its disciplines, and the behaviours of its ratings, among ``disciplines``. A
  reflection about several disciplines carries only the shared ones and their ratings.
- Kinds not in ``include`` are empty lists. Records are listed oldest first.
- A score is a whole number on the framework's scale, or ``null`` for "ved ikke".
- ``checksum`` is SHA-256 over the canonical JSON of every other field but ``signature`` (keys
  sorted, separators ``,`` and ``:``, UTF-8 without ``\\u`` escapes). It detects a damaged file;
  anyone can recompute it.
- ``signature`` is the leader's journal key's Ed25519 signature over the canonical JSON of every
  other field, checksum included (:mod:`.signing`, the same for every bundle kind). The coach's
  journal pins the key on a leader's first bundle and refuses that leader id with another key.
- A reader refuses a ``version`` newer than it knows, and version 1 (unsigned: anyone could
  have written it); adding or changing a field raises it.
- A bundle dated more than a day after the reader's today is refused.
- ``lgtrack share --encrypt`` wraps the bundle's bytes in an age file (:mod:`.envelope`).

On import the leader is stored beside any others (``imported_at``, ``share_scope``); a newer
bundle from the same leader updates them in place, records inside its scope that it lacks are
removed, and an older bundle than the last one imported is refused. See :mod:`.receive`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The names load on first use (PEP 562): `lgtrack leaders` needs the overview, not the bundle
# reader and writer and what they import (#15). ``from lgtrack.sharing import X`` works as before.
_EXPORTS = {
    "build_bundle": "build",
    "bundle_text": "build",
    "write_bundle": "build",
    "BUNDLE_FORMAT": "format",
    "BUNDLE_VERSION": "format",
    "KINDS": "format",
    "ShareScope": "format",
    "bundle_checksum": "format",
    "canonical_json": "format",
    "record_fields": "format",
    "ShareImportSummary": "mirror",
    "apply_bundle": "mirror",
    "stored_scope": "mirror",
    "leader_overview": "overview",
    "BundlePreview": "preview",
    "SharedText": "preview",
    "preview_bundle": "preview",
    "preview_lines": "preview",
    "shared_texts": "preview",
    "plan_bundle": "receive",
    "sign_document": "signing",
    "sign_with_journal": "signing",
    "verify_document": "signing",
}

if TYPE_CHECKING:
    from .build import build_bundle, bundle_text, write_bundle
    from .format import (
        BUNDLE_FORMAT,
        BUNDLE_VERSION,
        KINDS,
        ShareScope,
        bundle_checksum,
        canonical_json,
        record_fields,
    )
    from .mirror import ShareImportSummary, apply_bundle, stored_scope
    from .overview import leader_overview
    from .preview import BundlePreview, SharedText, preview_bundle, preview_lines, shared_texts
    from .receive import plan_bundle
    from .signing import sign_document, sign_with_journal, verify_document


__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_VERSION",
    "KINDS",
    "BundlePreview",
    "ShareImportSummary",
    "ShareScope",
    "SharedText",
    "apply_bundle",
    "build_bundle",
    "bundle_checksum",
    "bundle_text",
    "canonical_json",
    "leader_overview",
    "plan_bundle",
    "preview_bundle",
    "preview_lines",
    "record_fields",
    "shared_texts",
    "sign_document",
    "sign_with_journal",
    "stored_scope",
    "verify_document",
    "write_bundle",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
