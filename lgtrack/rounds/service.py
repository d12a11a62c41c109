"""Creating, finding, listing and closing a leader's 360 rounds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from .. import validation
from ..errors import NotFoundError, ValidationError
from ..journal import Journal
from ..records import ROUND_DEFAULT_MINIMUMS, ROUND_GROUPS, Round

MIN_PREFIX = 6  # an id may be given by its first characters, as elsewhere on the command line


def create_round(
    journal: Journal,
    name: str,
    *,
    disciplines: Iterable[str] = (),
    minimums: Mapping[str, int] | None = None,
    text_minimums: Mapping[str, int] | None = None,
    due: date | None = None,
) -> Round:
    """A new round for me; without ``disciplines``, every discipline of my framework.

    ``minimums`` override the default per group; ``text_minimums`` default to the minimums.
    """
    me = journal.require_me()
    framework = journal.framework()
    chosen = tuple(disciplines) or framework.discipline_ids
    mins = _with_defaults(minimums or {}, ROUND_DEFAULT_MINIMUMS)
    text_mins = _with_defaults(text_minimums or {}, mins)
    now = journal.clock()
    item = Round(
        name=name.strip() if isinstance(name, str) else name,
        disciplines=chosen,
        minimums=mins,
        text_minimums=text_mins,
        due=due,
        level=me.level,
        lang=me.lang,
        leader_id=me.id,
        framework_version=framework.version,
        created_at=now,
        updated_at=now,
    )
    validation.check_round(framework, item)
    with journal.atomic():
        journal.store.rounds.save(item)
    return item


def _with_defaults(given: Mapping[str, int], defaults: Mapping[str, int]) -> dict[str, int]:
    validation.check_round_minimums(dict(given))
    return {group: given.get(group, defaults[group]) for group in ROUND_GROUPS}


def list_rounds(journal: Journal) -> list[Round]:
    """My rounds, oldest first."""
    return journal.store.rounds.all(journal.require_me().id)


def find_round(journal: Journal, round_id: str) -> Round:
    """My round with ``round_id`` or an unambiguous prefix of it (6+ characters)."""
    key = round_id.strip() if isinstance(round_id, str) else ""
    if len(key) >= MIN_PREFIX:
        found = [r for r in list_rounds(journal) if r.id.startswith(key)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValidationError("err_round_ambiguous", id=key)
    raise NotFoundError("err_round_not_found", id=round_id)


def close_round(journal: Journal, round_id: str, *, day: date | None = None) -> Round:
    """Close a round: its answers stay, and no more are imported."""
    item = find_round(journal, round_id)
    if item.status == "closed":
        return item
    closed = replace(
        item, status="closed", closed_on=day or journal.clock().date(), updated_at=journal.clock()
    )
    validation.check_round(journal.framework(), closed)
    with journal.atomic():
        journal.store.rounds.save(closed)
    return closed


def previous_round(journal: Journal, item: Round) -> Round | None:
    """The round before ``item`` (by creation), to show the change since then."""
    earlier = [r for r in list_rounds(journal) if r.created_at < item.created_at]
    return earlier[-1] if earlier else None
