"""Evidence per behaviour: coverage of my level's behaviours and the gap to the next level up.

**Evidence** for a behaviour is, on its day:

- a scored rating of it, mine (``"self"``) or from feedback (``"others"``);
- a goal linked to it (``"goal"``): the day the goal was created, each check-in day and the day
  it was closed.

A reflection *in a discipline* is not evidence for that discipline's behaviours unless it rates
them, and a "ved ikke" rating is no evidence (it says I cannot tell). Entries dated after
``today`` are ignored. "The last N days" are ``today - (N-1)`` … ``today``.
"""

from __future__ import annotations

import pandas as pd

from ..framework import Framework
from ._common import (
    SELF,
    DayLike,
    as_day,
    in_framework_order,
    lookup,
    others_ratings,
    scored,
    self_ratings,
    typed,
    window_start,
)

EVIDENCE_COLUMNS = {"behaviour": "text", "day": "date", "kind": "text"}
COVERAGE_COLUMNS = {
    "discipline": "text",
    "behaviour": "text",
    "general": "bool",
    "last_evidence": "date",
    "recent": "int",
    "status": "text",
}
COVERAGE_STATUSES = ("covered", "stale", "never")
NEXT_LEVEL_COLUMNS = {
    "discipline": "text",
    "behaviour": "text",
    "evidence": "int",
    "self_mean": "float",
    "others_mean": "float",
    "last_evidence": "date",
    "shown": "bool",
}


def evidence(
    ratings: pd.DataFrame,
    today: DayLike,
    *,
    goals: pd.DataFrame | None = None,
    checkins: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every piece of evidence up to ``today``: columns ``behaviour, day, kind``.

    ``kind`` is ``"self"``, ``"others"`` or ``"goal"``; sorted by day, then behaviour.
    """
    rated = scored(ratings)
    parts = [
        pd.DataFrame(
            {
                "behaviour": rated["behaviour"],
                "day": rated["day"],
                "kind": rated["source"].where(rated["source"] == SELF, "others"),
            }
        )
    ]
    if goals is not None and not goals.empty:
        parts.append(_goal_evidence(goals, checkins))
    out = pd.concat([typed(p, EVIDENCE_COLUMNS) for p in parts], ignore_index=True)
    out = out[out["day"].notna() & (out["day"] <= as_day(today))]
    return typed(out.sort_values(["day", "behaviour"], kind="stable"), EVIDENCE_COLUMNS)


def _goal_evidence(goals: pd.DataFrame, checkins: pd.DataFrame | None) -> pd.DataFrame:
    linked = goals[["id", "behaviours", "created", "closed_on"]].explode("behaviours")
    linked = linked[linked["behaviours"].notna()]
    days = [
        linked[["id", "created"]].rename(columns={"created": "day"}),
        linked[["id", "closed_on"]].rename(columns={"closed_on": "day"}),
    ]
    if checkins is not None and not checkins.empty:
        days.append(checkins[["goal_id", "day"]].rename(columns={"goal_id": "id"}))
    dated = pd.concat(days, ignore_index=True).drop_duplicates()
    dated = dated.merge(linked[["id", "behaviours"]].drop_duplicates(), on="id")
    return pd.DataFrame({"behaviour": dated["behaviours"], "day": dated["day"], "kind": "goal"})


def coverage(
    ratings: pd.DataFrame,
    framework: Framework,
    level: str | None,
    today: DayLike,
    *,
    goals: pd.DataFrame | None = None,
    checkins: pd.DataFrame | None = None,
    days: int = 90,
) -> pd.DataFrame:
    """For each behaviour of my level (general + level-specific), is there recent evidence?

    Columns: ``discipline, behaviour, general, last_evidence, recent`` (pieces of evidence in
    the last ``days`` days) and ``status``: ``"covered"`` (evidence in the last ``days`` days),
    ``"stale"`` (evidence, all of it older) or ``"never"``. Framework order.
    """
    rows = [
        (d_id, b.id, b.is_general)
        for d_id, items in framework.behaviours_for_level(level).items()
        for b in items
    ]
    out = pd.DataFrame(rows, columns=["discipline", "behaviour", "general"])
    found = evidence(ratings, today, goals=goals, checkins=checkins)
    recent = found[found["day"] >= window_start(today, days)]
    out["last_evidence"] = lookup(out["behaviour"], found.groupby("behaviour")["day"].max())
    out["recent"] = lookup(out["behaviour"], recent.groupby("behaviour").size(), 0)
    out["status"] = "never"
    out.loc[out["last_evidence"].notna(), "status"] = "stale"
    out.loc[out["recent"] > 0, "status"] = "covered"
    out = typed(out, COVERAGE_COLUMNS)
    out.attrs.update(days=days, level=level)
    return out


def coverage_by_discipline(coverage_frame: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Counts per discipline of :func:`coverage`: ``discipline, behaviours, covered, stale,
    never, share`` (covered / behaviours, NaN for a discipline without behaviours)."""
    counts = pd.crosstab(coverage_frame["discipline"], coverage_frame["status"])
    counts = counts.reindex(index=list(framework.discipline_ids), columns=COVERAGE_STATUSES)
    out = counts.fillna(0).astype(int).rename_axis(index="discipline", columns=None).reset_index()
    out["behaviours"] = out[list(COVERAGE_STATUSES)].sum(axis=1)
    out["share"] = out["covered"] / out["behaviours"].where(out["behaviours"] > 0)
    out = typed(
        out,
        {
            "discipline": "text",
            "behaviours": "int",
            "covered": "int",
            "stale": "int",
            "never": "int",
            "share": "float",
        },
    )
    out.attrs.update(coverage_frame.attrs)
    return out


def next_level(
    ratings: pd.DataFrame,
    framework: Framework,
    level: str | None,
    today: DayLike,
    *,
    goals: pd.DataFrame | None = None,
    checkins: pd.DataFrame | None = None,
    days: int | None = None,
) -> pd.DataFrame:
    """The behaviours specific to the next level up, and whether I already show them.

    Columns: ``discipline, behaviour, evidence`` (pieces of evidence), ``self_mean``,
    ``others_mean``, ``last_evidence`` and ``shown`` (any evidence). ``days=None`` looks at all
    time up to ``today``, otherwise at the last ``days`` days. Empty at the top level, or when
    the framework has no levels. The general behaviours are left out: they are mine already.
    """
    up = framework.next_level_up(level) if level in framework.level_ids else None
    rows = [(d.id, b.id) for d in framework.disciplines for b in d.levels.get(up, ())] if up else []
    out = pd.DataFrame(rows, columns=["discipline", "behaviour"])
    found = evidence(ratings, today, goals=goals, checkins=checkins)
    rated = ratings[ratings["day"] <= as_day(today)]
    if days is not None:
        found = found[found["day"] >= window_start(today, days)]
        rated = rated[rated["day"] >= window_start(today, days)]
    behaviours = out["behaviour"]
    out["evidence"] = lookup(behaviours, found.groupby("behaviour").size(), 0)
    out["self_mean"] = lookup(behaviours, self_ratings(rated).groupby("behaviour")["score"].mean())
    out["others_mean"] = lookup(
        behaviours, others_ratings(rated).groupby("behaviour")["score"].mean()
    )
    out["last_evidence"] = lookup(behaviours, found.groupby("behaviour")["day"].max())
    out["shown"] = out["evidence"] > 0
    out = typed(in_framework_order(out, framework, "behaviour"), NEXT_LEVEL_COLUMNS)
    out.attrs["level"] = up
    return out


def next_level_gap(next_level_frame: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Per discipline of :func:`next_level`: ``discipline, behaviours, shown, gap`` (not shown)."""
    grouped = next_level_frame.groupby("discipline")
    out = pd.DataFrame({"behaviours": grouped.size(), "shown": grouped["shown"].sum()})
    out = out.reindex(list(framework.discipline_ids)).fillna(0).astype(int)
    out["gap"] = out["behaviours"] - out["shown"]
    out = out.rename_axis("discipline").reset_index()
    out = typed(out, {"discipline": "text", "behaviours": "int", "shown": "int", "gap": "int"})
    out.attrs.update(next_level_frame.attrs)
    return out
