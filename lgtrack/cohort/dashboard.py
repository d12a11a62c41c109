"""The cohort dashboard: engagement, development per discipline, coverage and effects, each
figure resting on at least k participants (:mod:`.suppression`).

Definitions (the page and the report state them too):

- The **period** runs from the cohort's start to its end, or to ``today`` while it runs.
- A participant's **discipline score** is the mean of her ratings in that discipline inside the
  period ("ved ikke" left out). A cohort figure is the unweighted mean over the participants
  with a score, and its ``n`` is their number.
- **Start** and **now** are the first and the last :data:`WINDOW_DAYS` days of the period; the
  start/now figures rest on the participants with a score in both (the same people).
- **Effects**: a participant's *before* is her first answer up to :data:`EFFECT_BOUNDARY_DAYS`
  days into the programme (from 30 days before it), her *now* her latest answer after that; the
  figures rest on the participants with both.
- **Engagement**: a participant is reflecting in a week when she has a reflection in the 14 days
  ending that Sunday; the share rests on every participant (of the level).
- **Coverage**: per level and discipline, the mean share of that level's behaviours that a
  participant rated in the period; it rests on every participant of the level.

JSON keys (``lgtrack cohort dashboard ID --json``): ``cohort``, ``k``, ``participants``,
``delivered``, ``disciplines`` ``[{"id", "n", "mean", "start_mean", "now_mean", "suppressed"}]``,
``by_level`` ``[{"level", "discipline", "n", "mean", "suppressed"}]`` (plus, as in
``disciplines``, ``start_mean``, ``now_mean`` and their ``change_n``), ``effects``
``[{"id", "n", "start_mean", "now_mean", "suppressed"}]``, and ``effects_by_level``,
``engagement`` ``[{"week", "n", "share", "suppressed"}]`` (the whole cohort),
``engagement_by_level`` ``[{"week", "level", "n", "share", "suppressed"}]``, ``coverage``,
``suppression``, ``windows``. In every ``*by_level`` list (and ``coverage``) a ``level`` of
``null`` means the participants without a level, one more part of the whole cohort. A suppressed
entry has ``null`` for every figure (its ``n`` too).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from .._time import day_to_text
from ..framework import Framework
from ..journal import Journal
from ..records import Cohort, CohortParticipant
from .suppression import BELOW_K, COMPLEMENTARY, Cell, Relation, suppress

WINDOW_DAYS = 42
EFFECT_BOUNDARY_DAYS = 91
EFFECT_LEAD_DAYS = 30
ENGAGED_DAYS = 14
ALL = "*"  # the key of the whole cohort in a cell's key (levels are ids or None)


def cohort_dashboard(journal: Journal, cohort: Cohort, *, today: date) -> dict[str, Any]:
    """The dashboard of ``cohort`` in the facilitator's ``journal`` as of ``today``."""
    from .importing import cohort_framework

    repo = journal.store.cohorts
    window = _Windows(cohort, today)
    totals = repo.rating_totals(cohort.id, *window.bounds)
    return _build(
        cohort,
        cohort_framework(cohort),
        repo.participants(cohort.id),
        repo.reflection_days(cohort.id),
        totals,
        repo.effects(cohort.id),
        window,
    )


class _Windows:
    """The period (start to ``as_of``), its first and its last :data:`WINDOW_DAYS` days."""

    def __init__(self, cohort: Cohort, today: date):
        self.as_of = min(today, cohort.end)
        self.start_end = cohort.start + timedelta(days=WINDOW_DAYS - 1)
        self.now_start = self.as_of - timedelta(days=WINDOW_DAYS - 1)
        self.first, self.last = cohort.start.isoformat(), self.as_of.isoformat()

    @property
    def bounds(self) -> tuple[str, str, str, str]:
        return self.first, self.last, self.start_end.isoformat(), self.now_start.isoformat()


def rating_totals(ratings: list[tuple], first: str, last: str, start_end: str, now_start: str):
    """What :meth:`~lgtrack.storage.cohorts.CohortRepository.rating_totals` sums in SQL, from
    ``(participant_id, day, behaviour, score)`` rows: per participant and behaviour the count and
    sum of her scores in the period, its start and its end."""
    acc: dict[tuple, list] = defaultdict(lambda: [0, 0.0, 0, 0.0, 0, 0.0])
    for pid, day, behaviour, score in ratings:
        if score is None or not first <= day <= last:
            continue
        a = acc[(pid, behaviour)]
        a[0] += 1
        a[1] += score
        if day <= start_end:
            a[2] += 1
            a[3] += score
        if day >= now_start:
            a[4] += 1
            a[5] += score
    return [(pid, behaviour, *a) for (pid, behaviour), a in acc.items()]


def build_dashboard(
    cohort: Cohort,
    framework: Framework,
    participants: list[CohortParticipant],
    reflections: list[tuple[str, str]],
    ratings: list[tuple[str, str, str, int | None]],
    effects: list[tuple[str, str, str, int | None]],
    *,
    today: date,
) -> dict[str, Any]:
    """The dashboard from the cohort's rows: ``reflections`` ``(participant_id, day)``,
    ``ratings`` and ``effects`` ``(participant_id, day, behaviour or effect id, score)``."""
    window = _Windows(cohort, today)
    totals = rating_totals(ratings, *window.bounds)
    return _build(cohort, framework, participants, reflections, totals, effects, window)


def _build(cohort, framework, participants, reflections, totals, effects, window) -> dict:
    as_of, first, last = window.as_of, window.first, window.last
    start_end, now_start = window.start_end, window.now_start
    level_of = {p.participant_id: p.level for p in participants}
    levels = _levels(framework, level_of)
    scores, rated = _discipline_scores(framework, totals)
    cells: dict[Any, Cell] = {}
    values: dict[Any, tuple] = {}
    relations: list[Relation] = []
    _development(framework, level_of, levels, scores, cells, values, relations)
    boundary = cohort.start + timedelta(
        days=min(EFFECT_BOUNDARY_DAYS, max((cohort.end - cohort.start).days // 2, 1))
    )
    _effects(framework, level_of, levels, effects, cohort.start, boundary, as_of, cells, values,
             relations)  # fmt: skip
    weeks = _engagement(level_of, levels, reflections, cohort.start, as_of, cells, values,
                        relations)  # fmt: skip
    _coverage(framework, level_of, levels, rated, cells, values)
    result = suppress(cells, relations, cohort.k)
    delivered = {pid for pid, day in reflections if first <= day <= last}
    delivered |= {row[0] for row in effects if first <= row[1] <= last}
    return {
        "cohort": {
            "id": cohort.id, "name": cohort.name, "start": day_to_text(cohort.start),
            "end": day_to_text(cohort.end), "as_of": day_to_text(as_of), "lang": cohort.lang,
            "framework": cohort.framework_id,
        },
        "k": cohort.k,
        "participants": len(participants),
        "delivered": len(delivered & set(level_of)),
        "disciplines": [
            _entry(result.cells, values, ("d", d, ALL), {"id": d}, ("n", "mean"),
                   change=("c", d, ALL))
            for d in framework.discipline_ids
        ],
        "by_level": [
            _entry(result.cells, values, ("d", d, level), {"level": level, "discipline": d},
                   ("n", "mean"), change=("c", d, level))
            for level in levels for d in framework.discipline_ids
        ],
        "effects": [
            _entry(result.cells, values, ("e", e.id, ALL), {"id": e.id},
                   ("n", "start_mean", "now_mean"))
            for e in framework.effects
        ],
        "effects_by_level": [
            _entry(result.cells, values, ("e", e.id, level), {"level": level, "id": e.id},
                   ("n", "start_mean", "now_mean"))
            for level in levels for e in framework.effects
        ],
        # the whole cohort apart from its levels: a level of None is "no level", never "all"
        "engagement": [
            _entry(result.cells, values, ("w", week, ALL), {"week": week}, ("n", "share"))
            for week in weeks
        ],
        "engagement_by_level": [
            _entry(result.cells, values, ("w", week, level), {"week": week, "level": level},
                   ("n", "share"))
            for week in weeks for level in levels
        ],
        "coverage": [
            _entry(result.cells, values, ("v", d, level), {"level": level, "discipline": d},
                   ("n", "share"))
            for level in levels for d in framework.discipline_ids
        ],
        "suppression": {
            "below_k": result.counts[BELOW_K],
            "complementary": result.counts[COMPLEMENTARY],
        },
        "windows": {
            "start": [first, start_end.isoformat()],
            "now": [now_start.isoformat(), last],
            "effects_before": [(cohort.start - timedelta(days=EFFECT_LEAD_DAYS)).isoformat(),
                               (boundary - timedelta(days=1)).isoformat()],
            "effects_now": [boundary.isoformat(), last],
        },
    }  # fmt: skip


def _levels(framework: Framework, level_of: dict[str, str | None]) -> list:
    """The framework's levels in its order, then "no level" when some participant has none."""
    present = set(level_of.values())
    levels: list = [level for level in framework.level_ids]
    if None in present:
        levels.append(None)
    return levels


def _entry(cells, values, key, head: dict, names: tuple[str, ...], change=None) -> dict:
    """One JSON entry: the figures ``names`` of cell ``key`` (all null when it is hidden)."""
    cell = cells[key]
    entry = dict(head)
    figures = values[key]
    for name, value in zip(names, figures, strict=True):
        entry[name] = None if cell.hidden else value
    if change is not None:
        shown = not cell.hidden and not cells[change].hidden
        start, now = values[change][1:]
        entry["start_mean"] = start if shown else None
        entry["now_mean"] = now if shown else None
        entry["change_n"] = values[change][0] if shown else None
    entry["suppressed"] = cell.hidden
    return entry


def _mean(total: float, n: int) -> float | None:
    return round(total / n, 2) if n else None


# -- development per discipline ---------------------------------------------------------------


def _discipline_scores(framework, totals) -> tuple[dict, dict]:
    """Per window ("period", "start", "now"): {(participant, discipline): mean score}; and per
    participant the behaviours she rated in the period."""
    discipline_of = {b.id: b.discipline for b in framework.all_behaviours()}
    sums: dict[str, dict] = {w: defaultdict(lambda: [0.0, 0]) for w in ("period", "start", "now")}
    rated: dict[str, set] = defaultdict(set)
    for pid, behaviour, n, total, n_start, s_start, n_now, s_now in totals:
        key = (pid, discipline_of[behaviour])
        rated[pid].add(behaviour)
        for window, count, value in (("period", n, total), ("start", n_start, s_start),
                                     ("now", n_now, s_now)):  # fmt: skip
            if count:
                acc = sums[window][key]
                acc[0] += value
                acc[1] += count
    means = {w: {key: s / c for key, (s, c) in acc.items()} for w, acc in sums.items()}
    return means, rated


def _development(framework, level_of, levels, scores, cells, values, relations) -> None:
    period, start, now = scores["period"], scores["start"], scores["now"]
    for d in framework.discipline_ids:
        groups: dict = {level: [] for level in (ALL, *levels)}
        paired: dict = {level: [] for level in (ALL, *levels)}
        for pid, level in level_of.items():
            if (pid, d) in period:
                for g in (ALL, level):
                    groups[g].append(period[(pid, d)])
            if (pid, d) in start and (pid, d) in now:
                for g in (ALL, level):
                    paired[g].append((start[(pid, d)], now[(pid, d)]))
        for g, figures in groups.items():
            cells[("d", d, g)] = Cell(len(figures))
            values[("d", d, g)] = (len(figures), _mean(sum(figures), len(figures)))
        for g, pairs in paired.items():
            n = len(pairs)
            cells[("c", d, g)] = Cell(n)
            values[("c", d, g)] = (n, _mean(sum(p[0] for p in pairs), n),
                                   _mean(sum(p[1] for p in pairs), n))  # fmt: skip
        relations.append(Relation(("d", d, ALL), tuple(("d", d, g) for g in levels)))
        relations.append(Relation(("c", d, ALL), tuple(("c", d, g) for g in levels)))


# -- effects -----------------------------------------------------------------------------------


def _effects(framework, level_of, levels, effects, start, boundary, as_of, cells, values,
             relations) -> None:  # fmt: skip
    lead = (start - timedelta(days=EFFECT_LEAD_DAYS)).isoformat()
    cut, last = boundary.isoformat(), as_of.isoformat()
    before: dict = {}
    after: dict = {}
    for pid, day, effect, score in sorted(effects, key=lambda row: row[1]):
        if score is None or pid not in level_of:
            continue
        if lead <= day < cut:
            before.setdefault((pid, effect), score)  # the first
        elif cut <= day <= last:
            after[(pid, effect)] = score  # the latest
    for e in framework.effects:
        pairs: dict = {level: [] for level in (ALL, *levels)}
        for pid, level in level_of.items():
            if (pid, e.id) in before and (pid, e.id) in after:
                for g in (ALL, level):
                    pairs[g].append((before[(pid, e.id)], after[(pid, e.id)]))
        for g, found in pairs.items():
            n = len(found)
            cells[("e", e.id, g)] = Cell(n)
            values[("e", e.id, g)] = (n, _mean(sum(p[0] for p in found), n),
                                      _mean(sum(p[1] for p in found), n))  # fmt: skip
        relations.append(Relation(("e", e.id, ALL), tuple(("e", e.id, g) for g in levels)))


# -- engagement and coverage ---------------------------------------------------------------------


def _engagement(level_of, levels, reflections, start, as_of, cells, values, relations) -> list:
    """Weeks (by their Monday) from the start's week to ``as_of``'s; cells per week and level."""
    first = start - timedelta(days=start.weekday())
    count = (as_of - first).days // 7 + 1 if as_of >= first else 0
    weeks = [first + timedelta(days=7 * i) for i in range(count)]
    engaged_in: dict[str, set] = defaultdict(set)  # participant -> indexes of weeks she counts in
    for pid, day in reflections:
        index = (date.fromisoformat(day) - first).days // 7
        # in the 14 days ending a Sunday: her week and the next one count
        engaged_in[pid].update((index, index + 1))
    size = {level: 0 for level in (ALL, *levels)}
    engaged = [{level: 0 for level in (ALL, *levels)} for _ in weeks]
    for pid, level in level_of.items():
        size[ALL] += 1
        size[level] += 1
        for index in engaged_in.get(pid, ()):
            if 0 <= index < count:
                engaged[index][ALL] += 1
                engaged[index][level] += 1
    names = []
    for index, week in enumerate(weeks):
        name = week.isoformat()
        names.append(name)
        for g in (ALL, *levels):
            cells[("w", name, g)] = Cell(size[g])
            share = round(engaged[index][g] / size[g], 3) if size[g] else None
            values[("w", name, g)] = (size[g], share)
        relations.append(Relation(("w", name, ALL), tuple(("w", name, g) for g in levels)))
    return names


def _coverage(framework, level_of, levels, rated, cells, values) -> None:
    for level in levels:
        members = [pid for pid, lv in level_of.items() if lv == level]
        for d in framework.discipline_ids:
            expected = {b.id for b in framework.discipline(d).behaviours_for(level)}
            shares = [len(rated.get(pid, set()) & expected) / len(expected) for pid in members]
            n = len(shares)
            cells[("v", d, level)] = Cell(n)
            values[("v", d, level)] = (n, round(sum(shares) / n, 3) if n else None)
