"""A leader's quarterly effect answers (the effektbillede, #13)."""

from __future__ import annotations

import sqlite3

from ..records import EffectAnswer
from ..specs import EFFECT_ANSWER
from ._sql import select, upsert

_SELECT = select(EFFECT_ANSWER)
_UPSERT = upsert(EFFECT_ANSWER)


class EffectRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def save(self, answer: EffectAnswer) -> None:
        self._conn.execute(_UPSERT, EFFECT_ANSWER.to_row(answer))

    def get(self, answer_id: str) -> EffectAnswer | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (answer_id,)).fetchone()
        return EFFECT_ANSWER.from_row(row) if row else None

    def query(self, leader_id: str) -> list[EffectAnswer]:
        """The leader's answers, oldest first."""
        rows = self._conn.execute(
            f"{_SELECT} WHERE leader_id = ? ORDER BY day, created_at, id", (leader_id,)
        )
        return [EFFECT_ANSWER.from_row(row) for row in rows]

    def delete(self, answer_id: str) -> bool:
        return (
            self._conn.execute("DELETE FROM effect_answers WHERE id = ?", (answer_id,)).rowcount > 0
        )
