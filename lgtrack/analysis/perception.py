"""Self vs others: how my self-ratings compare with the feedback I received.

For each discipline (or behaviour) there is one row for all feedback together (``role="all"``)
and one per feedback role that rated it (manager, peer, employee, coach, other, in that order).
``gap = self_mean - others_mean``. The ``verdict`` is:

- ``"blind_spot"`` — I rate myself higher than others do by more than ``threshold``;
- ``"hidden_strength"`` — I rate myself lower by more than ``threshold``;
- ``"aligned"`` — within ``threshold``;
- ``"unknown"`` — one side has no scored rating.

``small_n`` flags a row where either side rests on fewer than ``small_n`` scored ratings
(default 3): read it with care. "Ved ikke" ratings are counted on neither side.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..framework import Framework
from ..records import FEEDBACK_ROLES
from ._common import DayLike, in_framework_order, in_period, others_ratings, self_ratings, typed

ALL_ROLES = "all"
VERDICTS = ("blind_spot", "hidden_strength", "aligned", "unknown")
PERCEPTION_COLUMNS = {
    "role": "text",
    "self_mean": "float",
    "self_n": "int",
    "others_mean": "float",
    "others_n": "int",
    "gap": "float",
    "verdict": "text",
    "small_n": "bool",
}


def self_vs_others(
    ratings: pd.DataFrame,
    framework: Framework,
    *,
    by: str = "discipline",
    since: DayLike | None = None,
    until: DayLike | None = None,
    threshold: float = 0.5,
    small_n: int = 3,
) -> pd.DataFrame:
    """Self mean vs feedback mean per ``by`` (``"discipline"`` or ``"behaviour"``) and role.

    Columns: ``<by>`` (plus ``discipline`` when by behaviour), ``role, self_mean, self_n,
    others_mean, others_n, gap, verdict, small_n``. Only keys with a scored rating appear.
    """
    if by not in ("discipline", "behaviour"):
        raise ValueError("by is 'discipline' or 'behaviour'")
    period = in_period(ratings[ratings["discipline"].notna()], since, until)
    out = in_framework_order(_means_by_role(period, by), framework, by, ["_role", "role"])
    out["gap"] = out["self_mean"] - out["others_mean"]
    out["verdict"] = _verdicts(out["gap"], threshold)
    out["small_n"] = (out["self_n"] < small_n) | (out["others_n"] < small_n)
    if by == "behaviour":
        discipline_of = {b.id: b.discipline for b in framework.all_behaviours()}
        out["discipline"] = out["behaviour"].map(discipline_of)
    keys = {"behaviour": "text", "discipline": "text"} if by == "behaviour" else {by: "text"}
    return typed(out, {**keys, **PERCEPTION_COLUMNS})


def _means_by_role(period: pd.DataFrame, by: str) -> pd.DataFrame:
    """Self and others' means and counts per key: one row for all roles, one per role."""
    mine = self_ratings(period).groupby(by)["score"].agg(self_mean="mean", self_n="size")
    theirs = others_ratings(period)
    together = theirs.groupby(by)["score"].agg(others_mean="mean", others_n="size")
    per_role = theirs.groupby([by, "source"])["score"].agg(others_mean="mean", others_n="size")
    keys = mine.index.union(together.index)
    rows = [together.reindex(keys).assign(role=ALL_ROLES)]
    rows.append(per_role.reset_index("source").rename(columns={"source": "role"}))
    out = pd.concat(rows).rename_axis(by).reset_index().join(mine, on=by)
    role_rank = {role: i for i, role in enumerate((ALL_ROLES, *FEEDBACK_ROLES))}
    out["_role"] = out["role"].map(role_rank).fillna(len(role_rank))
    out[["self_n", "others_n"]] = out[["self_n", "others_n"]].fillna(0)
    return out


def _verdicts(gap: pd.Series, threshold: float) -> np.ndarray:
    return np.select(
        [gap.isna(), gap > threshold, gap < -threshold],
        ["unknown", "blind_spot", "hidden_strength"],
        default="aligned",
    )
