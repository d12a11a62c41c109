"""k-anonymity with complementary suppression, for any table of cells.

A **cell** is one figure about a group of participants; ``n`` is how many participants it rests
on. A **relation** says that a total cell is the sum of its part cells (the whole cohort and its
levels: every participant in the total is in exactly one part), so that from a shown total and
shown parts anyone can work out the rest by subtraction.

Rules (statistical disclosure control, as the page states them):

1. A cell with ``0 < n < k`` is hidden ("for få" / "too few"); an empty cell (``n = 0``)
   tells nothing about anyone and shows ``n = 0`` without figures.
2. Where a relation's total is shown and some parts are hidden, the hidden parts together can be
   derived: they rest on ``total.n - sum(shown parts' n)`` participants. While that number is
   between 1 and k - 1, the smallest shown part (with anyone in it) is hidden too; when no part
   is left to hide, the total is. So every figure that can be derived rests on 0 or >= k.
3. Where a relation's total is hidden but every part is shown, the total could be added up: the
   smallest part is hidden too.

Rule 1 hides cells as **below k**, rules 2 and 3 as **complementary**. Each cell belongs to at
most one relation as a part, so the rules settle after one pass per relation.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

BELOW_K = "below_k"
COMPLEMENTARY = "complementary"


@dataclass
class Cell:
    n: int
    hidden: bool = False
    reason: str | None = None  # BELOW_K or COMPLEMENTARY once hidden


@dataclass(frozen=True)
class Relation:
    """``total`` is the sum of ``parts`` (keys of cells)."""

    total: Hashable
    parts: tuple[Hashable, ...]


@dataclass
class Suppression:
    """The cells after suppression, and how many were hidden for which reason."""

    cells: dict[Hashable, Cell]
    k: int
    counts: dict[str, int] = field(default_factory=dict)

    def shown(self, key: Hashable) -> bool:
        return not self.cells[key].hidden


def suppress(cells: dict[Hashable, Cell], relations: Iterable[Relation], k: int) -> Suppression:
    """Hide every cell resting on fewer than ``k``, then complementary cells (see the module)."""
    for cell in cells.values():
        if 0 < cell.n < k:  # a cell of nobody tells nothing about anyone: shown as n = 0
            cell.hidden, cell.reason = True, BELOW_K
    relations = list(relations)
    changed = True
    while changed:  # a total hidden in one relation may be a part of another
        changed = False
        for relation in relations:
            changed |= _settle(cells, relation, k)
    counts = {BELOW_K: 0, COMPLEMENTARY: 0}
    for cell in cells.values():
        if cell.hidden:
            counts[cell.reason] += 1
    return Suppression(cells, k, counts)


def _settle(cells: dict[Hashable, Cell], relation: Relation, k: int) -> bool:
    total = cells[relation.total]
    parts = [cells[key] for key in relation.parts]
    changed = False
    while True:
        shown = [p for p in parts if not p.hidden and p.n > 0]
        if total.hidden:
            if parts and all(not p.hidden for p in parts) and shown:
                _hide(min(shown, key=lambda p: p.n))
                return True
            return changed
        if not any(p.hidden for p in parts):
            return changed
        residual = total.n - sum(p.n for p in parts if not p.hidden)
        if residual == 0 or residual >= k:
            return changed
        _hide(min(shown, key=lambda p: p.n) if shown else total)
        changed = True


def _hide(cell: Cell) -> None:
    cell.hidden, cell.reason = True, COMPLEMENTARY


def derivable_problems(cells: dict[Hashable, Cell], relations: Iterable[Relation], k: int) -> list:
    """What a reader could still work out (for tests): shown cells under k, and relations whose
    hidden parts add up to between 1 and k - 1 participants. Empty when suppression held."""
    problems = [("below_k", key) for key, c in cells.items() if not c.hidden and 0 < c.n < k]
    for relation in relations:
        total = cells[relation.total]
        parts = [cells[key] for key in relation.parts]
        if total.hidden:
            if parts and all(not p.hidden for p in parts) and any(p.n for p in parts):
                problems.append(("total_by_addition", relation.total))
            continue
        residual = total.n - sum(p.n for p in parts if not p.hidden)
        if 0 < residual < k:
            problems.append(("by_subtraction", relation.total))
    return problems
