"""A round's results under statistical disclosure control.

Per behaviour and group: the mean and the number of answers ("Ved ikke" counts as no answer);
the pooled mean of all others (everyone but self); the gap self minus others; and the
distribution of answers. Nothing shown lets anyone work out a hidden group's answers:

1. **Minimum per group** (primary suppression): a group's figure for a behaviour shows only
   when the group has at least its minimum of respondents *and* of answers to that behaviour.
2. **Others** (the pooled figure) shows only with at least :func:`others_minimum` answers.
3. **Complementary suppression**: the pooled figure minus the shown groups is the hidden
   groups together. When that remainder rests on more than none but fewer than the others'
   minimum answers, the shown group with the fewest answers is hidden too (and the next, until
   the remainder is safe), and the page says so.
4. **Free texts** of a group show only when the group has at least its text minimum of
   respondents; they are listed per group in a fixed order, never with a respondent.

Figures derived further (a discipline's mean, the change since an earlier round) are computed
from shown figures only, so they reveal nothing the page does not already show.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..framework import Framework
from ..journal import Journal
from ..records import ROUND_GROUPS, ROUND_QUESTIONS, Round
from ..records import ROUND_OTHER_GROUPS as OTHER_GROUPS
from .questions import Questions

GAP_THRESHOLD = 0.5  # the same threshold as the self-vs-others view (lgtrack.analysis.perception)
FEW = "few"  # hidden: under the group's minimum
PROTECT = "protect"  # hidden: it would reveal a hidden group by subtraction


@dataclass(frozen=True)
class Cell:
    """One group's figure for one behaviour. ``mean`` and ``distribution`` are None when hidden;
    ``reason`` says why (:data:`FEW` or :data:`PROTECT`)."""

    n: int
    mean: float | None = None
    distribution: dict[int, int] | None = None
    reason: str | None = None

    @property
    def shown(self) -> bool:
        return self.reason is None and self.mean is not None


@dataclass(frozen=True)
class BehaviourResult:
    id: str
    discipline: str
    self_mean: float | None
    groups: dict[str, Cell]  # manager, peer, employee, other
    others: Cell

    @property
    def gap(self) -> float | None:
        if self.self_mean is None or not self.others.shown:
            return None
        return self.self_mean - self.others.mean

    @property
    def verdict(self) -> str:
        """``blind_spot``, ``hidden_strength``, ``aligned`` or ``unknown`` (see GAP_THRESHOLD)."""
        gap = self.gap
        if gap is None:
            return "unknown"
        if gap > GAP_THRESHOLD:
            return "blind_spot"
        if gap < -GAP_THRESHOLD:
            return "hidden_strength"
        return "aligned"


@dataclass(frozen=True)
class Change:
    """The change since an earlier round, from shown figures only."""

    previous: Round
    behaviours: dict[str, tuple[float | None, float | None]]  # id -> (others delta, self delta)
    disciplines: dict[str, tuple[float, float]]  # id -> (then, now): others' mean of behaviours


@dataclass
class RoundResults:
    round: Round
    framework: Framework
    respondents: dict[str, int]  # per group
    group_shown: dict[str, bool]
    text_shown: dict[str, bool]
    behaviours: list[BehaviourResult]
    texts: dict[str, dict[str, list[str]]]  # shown groups only: group -> question -> texts
    others_minimum: int
    change: Change | None = None
    hidden_texts: list[str] = field(default_factory=list)  # groups whose texts stay hidden

    @property
    def protected(self) -> list[tuple[str, str]]:
        """(behaviour, group) hidden by complementary suppression."""
        return [
            (b.id, g) for b in self.behaviours for g, c in b.groups.items() if c.reason == PROTECT
        ]


@dataclass(frozen=True)
class DisciplineFigure:
    """A discipline's others' figure: the mean of its behaviours' *shown* pooled means, the
    answers they rest on, and how many behaviours it averages (none shown: no figure)."""

    id: str
    mean: float
    n: int
    behaviours: int


def discipline_figures(results: RoundResults) -> dict[str, DisciplineFigure | None]:
    """Per discipline of the round: its others' figure from shown figures only, or None."""
    out: dict[str, DisciplineFigure | None] = {}
    for discipline in results.round.disciplines:
        shown = [
            b.others for b in results.behaviours if b.discipline == discipline and b.others.shown
        ]
        out[discipline] = (
            DisciplineFigure(
                discipline,
                sum(c.mean for c in shown) / len(shown),
                sum(c.n for c in shown),
                len(shown),
            )  # fmt: skip
            if shown
            else None
        )
    return out


def others_minimum(item: Round) -> int:
    """The pooled figure needs as many answers as the least strict of the many-rater groups
    (never fewer than their floor of three)."""
    return min(item.minimums[g] for g in ("peer", "employee", "other"))


def round_results(journal: Journal, item: Round, *, compare: Round | None = None) -> RoundResults:
    """The results of ``item`` from the journal (and the change since ``compare``)."""
    framework = journal.framework(item.leader_id)
    store = journal.store.rounds
    results = compute(
        framework, item, store.respondents(item.id), store.answers(item.id), store.texts(item.id)
    )
    if compare is not None:
        earlier = compute(
            framework,
            compare,
            store.respondents(compare.id),
            store.answers(compare.id),
            store.texts(compare.id),
        )
        results.change = change_between(earlier, results)
    return results


def compute(
    framework: Framework,
    item: Round,
    respondents: list[tuple[int, str, str]],
    answers: list[tuple[int, str, int | None]],
    texts: list[tuple[str, str, str]],
) -> RoundResults:
    """The results from stored rows: respondents ``(number, group, hash)``, answers
    ``(number, behaviour, score)`` and texts ``(group, question, text)``."""
    group_of = {number: group for number, group, _ in respondents}
    counted = Counter(group_of.values())
    per_group = {g: counted[g] for g in ROUND_GROUPS}
    group_shown = {g: per_group[g] >= item.minimums[g] for g in ROUND_GROUPS}
    text_shown = {g: per_group[g] >= item.text_minimums[g] for g in ROUND_GROUPS}
    scores: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, behaviour, score in answers:
        if score is not None:
            scores[behaviour, group_of[number]].append(score)
    k_others = others_minimum(item)
    behaviours = [
        _behaviour(b.id, b.discipline, scores, item, group_shown, k_others, framework)
        for b in Questions(framework, item).behaviours
    ]
    shown_texts: dict[str, dict[str, list[str]]] = {}
    for group, question, text in texts:
        if text_shown[group]:
            shown_texts.setdefault(group, {q: [] for q in ROUND_QUESTIONS})[question].append(text)
    hidden = [g for g in ROUND_GROUPS if not text_shown[g] and any(x[0] == g for x in texts)]
    return RoundResults(
        item, framework, per_group, group_shown, text_shown, behaviours,
        {g: shown_texts[g] for g in ROUND_GROUPS if g in shown_texts}, k_others,
        hidden_texts=hidden,
    )  # fmt: skip


def _cell(values: list[int], shown: bool, framework: Framework) -> Cell:
    if not shown:
        return Cell(len(values), reason=FEW)
    counts = Counter(values)
    distribution = {score: counts[score] for score in framework.scale.values}
    return Cell(len(values), sum(values) / len(values), distribution)


def _behaviour(
    behaviour: str,
    discipline: str,
    scores: dict[tuple[str, str], list[int]],
    item: Round,
    group_shown: dict[str, bool],
    k_others: int,
    framework: Framework,
) -> BehaviourResult:
    own = scores.get((behaviour, "self"), [])
    cells = {}
    for g in OTHER_GROUPS:
        values = scores.get((behaviour, g), [])
        shown = group_shown[g] and len(values) >= item.minimums[g] and bool(values)
        cells[g] = _cell(values, shown, framework)
    pooled = [v for g in OTHER_GROUPS for v in scores.get((behaviour, g), [])]
    others = _cell(pooled, len(pooled) >= k_others, framework)
    if others.shown:
        cells = _protect(cells, k_others)
    return BehaviourResult(
        behaviour, discipline, sum(own) / len(own) if own else None, cells, others
    )


def _protect(cells: dict[str, Cell], k_others: int) -> dict[str, Cell]:
    """Complementary suppression: hide the smallest shown groups until the hidden remainder
    of the pooled figure is empty or rests on at least ``k_others`` answers."""
    cells = dict(cells)
    while True:
        remainder = sum(c.n for c in cells.values() if not c.shown)
        if remainder == 0 or remainder >= k_others:
            return cells
        shown = [g for g in OTHER_GROUPS if cells[g].shown]
        if not shown:  # the remainder is then the pooled figure itself: never under k
            return cells
        smallest = min(reversed(shown), key=lambda g: cells[g].n)  # ties: the later group
        cells[smallest] = Cell(cells[smallest].n, reason=PROTECT)


def change_between(earlier: RoundResults, later: RoundResults) -> Change:
    before = {b.id: b for b in earlier.behaviours}
    per_behaviour: dict[str, tuple[float | None, float | None]] = {}
    per_discipline: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for b in later.behaviours:
        old = before.get(b.id)
        if old is None:
            continue
        others = None
        if b.others.shown and old.others.shown:
            others = b.others.mean - old.others.mean
            per_discipline[b.discipline].append((old.others.mean, b.others.mean))
        own = None
        if b.self_mean is not None and old.self_mean is not None:
            own = b.self_mean - old.self_mean
        per_behaviour[b.id] = (others, own)
    disciplines = {
        d: (sum(x for x, _ in pairs) / len(pairs), sum(y for _, y in pairs) / len(pairs))
        for d, pairs in per_discipline.items()
    }
    return Change(earlier.round, per_behaviour, disciplines)
