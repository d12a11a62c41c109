"""360 rounds in a coach bundle (#12): a round's *shown* figures, never individual answers.

The leader chooses rounds by id (``lgtrack share --round ID``, or on the share page). Each goes
as exactly what her own report shows::

    {"id", "name", "status", "created_on", "due", "closed_on", "level",
     "disciplines": [...],                              # the round's, inside the share's scope
     "minimums": {GROUP: n}, "others_minimum": n,
     "groups": {GROUP: {"n", "shown"}},                 # respondents per group
     "behaviours": [{"id", "self": x | null,
                     "groups": {GROUP: {"mean", "n"} | null},   # null: hidden
                     "others": {"mean", "n"} | null}]}

Hidden figures (under a group's minimum, or hidden by complementary suppression) are null, so
the bundle reveals nothing the leader's page does not; no respondent, no answer of one, no
survey metadata and no free-text comment ever goes. Behaviours outside the share's disciplines
stay home.

The coach's side (:func:`read_rounds`) reads the same shape strictly: unknown keys, a figure off
the scale, or a figure shown under its round's minimum refuse the bundle (one line, nothing
stored). Only the checked values are kept (:class:`SharedRound` → the coach's
``shared_rounds`` table), and a newer bundle replaces the leader's shared rounds as a whole.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from .. import validation
from .._time import day_to_text
from ..errors import ValidationError
from ..exchange.fields import Fields, FileProblem, problems_at, show
from ..framework import Framework
from ..journal import Journal
from ..records import ROUND_GROUPS, Round
from ..records import ROUND_OTHER_GROUPS as OTHER_GROUPS
from ..validation import MAX_SHORT
from .format import ShareScope

ROUND_FIELDS = (
    "id", "name", "status", "created_on", "due", "closed_on", "level", "disciplines",
    "minimums", "others_minimum", "groups", "behaviours",
)  # fmt: skip
GROUP_FIELDS = ("n", "shown")
BEHAVIOUR_FIELDS = ("id", "self", "groups", "others")
CELL_FIELDS = ("mean", "n")
STATUSES = ("open", "closed")


# -- the leader's side -----------------------------------------------------------------------


def bundle_rounds(
    journal: Journal, round_ids: Iterable[str], scope: ShareScope
) -> list[dict[str, Any]]:
    """The chosen rounds (ids or 6+ character prefixes) as they go in a bundle, oldest first.

    ``scope`` must be checked (its disciplines spelt out). A round asking about none of the
    shared disciplines is refused: it would go empty.
    """
    from ..rounds import find_round

    chosen: dict[str, Round] = {}
    for round_id in round_ids:
        item = find_round(journal, round_id)
        chosen[item.id] = item
    items = sorted(chosen.values(), key=lambda r: (r.created_at, r.id))
    return [_round_entry(journal, item, scope) for item in items]


def _round_entry(journal: Journal, item: Round, scope: ShareScope) -> dict[str, Any]:
    from ..rounds.report import json_figures, json_groups
    from ..rounds.results import round_results

    disciplines = [d for d in item.disciplines if scope.covers_discipline(d)]
    if not disciplines:
        raise ValidationError("err_share_round_outside", name=item.name, id=item.id[:8])
    results = round_results(journal, item)  # no comparison: each round's own figures
    return {
        "id": item.id,
        "name": item.name,
        "status": item.status,
        "created_on": day_to_text(item.created_at.date()),
        "due": day_to_text(item.due),
        "closed_on": day_to_text(item.closed_on),
        "level": item.level,
        "disciplines": disciplines,
        "minimums": {g: item.minimums[g] for g in ROUND_GROUPS},
        "others_minimum": results.others_minimum,
        "groups": json_groups(results),
        "behaviours": [json_figures(b) for b in results.behaviours if b.discipline in disciplines],
    }


# -- the coach's side ------------------------------------------------------------------------


def read_rounds(top: Fields, framework: Framework, scope: ShareScope) -> list[dict[str, Any]]:
    """Every round of the bundle, checked; the values as they will be stored (nothing more)."""
    rounds, seen = [], set()
    for index, raw in enumerate(top.items("rounds", [])):
        entry = _read_round(Fields(raw, f"rounds[{index}]", allowed=ROUND_FIELDS), framework,
                            scope)  # fmt: skip
        if entry["id"] in seen:
            raise FileProblem(f"rounds[{index}].id", "err_bundle_id_twice", id=entry["id"])
        seen.add(entry["id"])
        rounds.append(entry)
    return rounds


def _read_round(f: Fields, framework: Framework, scope: ShareScope) -> dict[str, Any]:
    status = f.text("status", limit=20)
    if status not in STATUSES:
        raise FileProblem(f.at("status"), "err_bundle_round_value", value=show(status))
    disciplines = f.texts("disciplines", limit=80)
    for discipline in disciplines:
        with problems_at(f.at("disciplines")):
            validation.check_discipline(framework, discipline)
        if not scope.covers_discipline(discipline):
            raise FileProblem(f.at("disciplines"), "err_bundle_outside",
                              what=f"discipline '{discipline}'")  # fmt: skip
    if not disciplines or len(set(disciplines)) != len(disciplines):
        raise FileProblem(f.at("disciplines"), "err_bundle_round_value", value=show(disciplines))
    minimums = _minimums(f)
    others_minimum = f.whole("others_minimum")
    if others_minimum is None or others_minimum < min(minimums[g] for g in OTHER_GROUPS):
        raise FileProblem(f.at("others_minimum"), "err_bundle_round_value",
                          value=show(others_minimum))  # fmt: skip
    groups = _groups(f, minimums)
    entry = {
        "id": f.uuid("id"),
        "name": f.text("name", limit=MAX_SHORT),
        "status": status,
        "created_on": day_to_text(f.day("created_on")),
        "due": day_to_text(f.day("due", None)),
        "closed_on": day_to_text(f.day("closed_on", None)),
        "level": f.optional_text("level", limit=80),
        "disciplines": disciplines,
        "minimums": minimums,
        "others_minimum": others_minimum,
        "groups": groups,
    }
    entry["behaviours"] = _behaviours(f, framework, entry)
    return entry


def _minimums(f: Fields) -> dict[str, int]:
    m = Fields(f.raw.get("minimums"), f.at("minimums"), allowed=ROUND_GROUPS)
    minimums = {g: m.whole(g) for g in ROUND_GROUPS}
    with problems_at(m.where):
        validation.check_round_minimums(minimums)
    return minimums


def _groups(f: Fields, minimums: dict[str, int]) -> dict[str, dict[str, Any]]:
    g = Fields(f.raw.get("groups"), f.at("groups"), allowed=ROUND_GROUPS)
    groups = {}
    for group in ROUND_GROUPS:
        c = Fields(g.raw.get(group), g.at(group), allowed=GROUP_FIELDS)
        n, shown = c.whole("n"), c.boolean("shown")
        if n is None or n < 0 or shown != (n >= minimums[group]):
            raise FileProblem(c.where, "err_bundle_round_value", value=show(c.raw))
        groups[group] = {"n": n, "shown": shown}
    return groups


def _behaviours(f: Fields, framework: Framework, entry: dict[str, Any]) -> list[dict[str, Any]]:
    out, seen = [], set()
    for index, raw in enumerate(f.items("behaviours")):
        b = Fields(raw, f"{f.at('behaviours')}[{index}]", allowed=BEHAVIOUR_FIELDS)
        behaviour = b.text("id", limit=100)
        with problems_at(b.at("id")):
            validation.check_behaviour(framework, behaviour)
        if framework.behaviour(behaviour).discipline not in entry["disciplines"]:
            raise FileProblem(b.at("id"), "err_bundle_outside", what=f"behaviour '{behaviour}'")
        if behaviour in seen:
            raise FileProblem(b.at("id"), "err_bundle_id_twice", id=behaviour)
        seen.add(behaviour)
        g = Fields(b.raw.get("groups"), b.at("groups"), allowed=OTHER_GROUPS)
        cells = {
            group: _cell(g, group, framework, entry["minimums"][group], entry["groups"][group])
            for group in OTHER_GROUPS
        }
        out.append({
            "id": behaviour,
            "self": _mean(b, "self", framework, None),
            "groups": cells,
            "others": _cell(b, "others", framework, entry["others_minimum"], None),
        })  # fmt: skip
    return out


def _cell(
    f: Fields, key: str, framework: Framework, minimum: int, group: dict[str, Any] | None
) -> dict[str, Any] | None:
    """A shown figure ``{"mean", "n"}`` or None; a figure under its minimum is refused: a
    bundle from lgtrack never holds one, and a coach must never show one."""
    if f.raw.get(key) is None:
        return None
    c = Fields(f.raw[key], f.at(key), allowed=CELL_FIELDS)
    n = c.whole("n")
    if n is None or n < minimum or (group is not None and not group["shown"]):
        raise FileProblem(c.where, "err_bundle_round_hidden", minimum=minimum)
    return {"mean": _mean(c, "mean", framework, _MISSING), "n": n}


_MISSING = object()


def _mean(f: Fields, key: str, framework: Framework, default: Any) -> float | None:
    value = f.raw.get(key, default)
    if value is _MISSING:
        raise FileProblem(f.at(key), "err_bundle_round_value", value="–")
    if value is None:
        return None
    scale = framework.scale
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not scale.min <= value <= scale.max
    ):
        raise FileProblem(f.at(key), "err_bundle_round_value", value=show(value))
    return float(value)


__all__ = ["bundle_rounds", "read_rounds"]
