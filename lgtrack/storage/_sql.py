"""SQL helpers the repositories share: upserts and lists of ids, derived from a record's spec."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..query import EntryFilter
    from ..specs import RecordSpec

IN_IDS = "IN (SELECT value FROM json_each(?))"


def upsert(spec: RecordSpec, *, keep: tuple[str, ...] = ("id", "leader_id", "created_at")) -> str:
    """``INSERT … ON CONFLICT(id) DO UPDATE`` of every column but ``keep``: a record keeps its
    leader and its creation time."""
    columns = spec.columns
    updates = ", ".join(f"{c}=excluded.{c}" for c in columns if c not in keep)
    marks = ", ".join("?" * len(columns))
    return (
        f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({marks}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


def select(spec: RecordSpec, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    columns = ", ".join(prefix + c for c in spec.columns)
    return f"SELECT {columns} FROM {spec.table} {alias}".rstrip()


def id_list(ids) -> str:
    """Ids as one JSON parameter for :data:`IN_IDS` (any number, one statement)."""
    import json  # not at import: reading a listing needs none (#15)

    return json.dumps(list(ids))


def shared_conditions(
    f: EntryFilter, leader_id: str | None, *, alias: str, day: str
) -> tuple[list[str], list]:
    """SQL conditions (and their parameters) every kind of entry shares: whose entries, the
    period (on the SQL expression ``day``) and privacy; for the table aliased ``alias``."""
    conditions, params = ["1 = 1"], []
    for sql, value in (
        (f"{alias}.leader_id = ?", leader_id),
        (f"{day} >= ?", f.since.isoformat() if f.since else None),
        (f"{day} <= ?", f.until.isoformat() if f.until else None),
    ):
        if value is not None:
            conditions.append(sql)
            params.append(value)
    if not f.include_private:
        conditions.append(f"{alias}.private = 0")
    return conditions, params
