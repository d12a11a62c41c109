"""Entries and leaders by the short ids that ``lgtrack list`` and ``lgtrack leaders`` print.

A whole id, or its first 6+ characters when no other id starts with them; a prefix that fits
several is refused on one line. No pandas: start-up time matters.
"""

from __future__ import annotations

from ..errors import Message, NotFoundError, ValidationError
from ..forgetting import KIND_KEYS

MIN_ID_PREFIX = 6
TABLES = {"reflection": "reflections", "goal": "goals", "feedback": "feedback", "leader": "leaders"}


def resolve(journal, kind: str, ref: str) -> str:
    """The full id of the ``kind`` (reflection, goal, feedback, leader) that ``ref`` names."""
    ref = ref.strip().lower()
    what = Message(KIND_KEYS[kind])
    listing = "lgtrack leaders" if kind == "leader" else f"lgtrack list {TABLES[kind]}"
    found = journal.store.ids_starting(TABLES[kind], ref) if ref else []
    if ref in found:
        return ref
    if not found:
        raise NotFoundError("err_cli_no_entry", kind=what, ref=ref, listing=listing)
    if len(ref) < MIN_ID_PREFIX:
        raise ValidationError("err_cli_id_short", kind=what, ref=ref, min=MIN_ID_PREFIX)
    if len(found) > 1:
        raise ValidationError("err_cli_id_ambiguous", kind=what, ref=ref)
    return found[0]
