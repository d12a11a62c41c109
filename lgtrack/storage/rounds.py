"""360 rounds (#12): the round, its respondents (anonymous numbers), their answers, and the free
texts per group. No survey metadata is ever stored: the importer passes only group, scores and
texts."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from ..records import Round
from ..specs import ROUND
from ._sql import select, upsert

_SELECT = select(ROUND)
_UPSERT = upsert(ROUND)

# (respondent number, group, row hash), (respondent number, behaviour, score), and
# (group, question, text): the rows of one import.
Respondent = tuple[int, str, str]
Answer = tuple[int, str, "int | None"]
Text = tuple[str, str, str]


class RoundRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def save(self, item: Round) -> None:
        self._conn.execute(_UPSERT, ROUND.to_row(item))

    def get(self, round_id: str) -> Round | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (round_id,)).fetchone()
        return ROUND.from_row(row) if row else None

    def all(self, leader_id: str | None = None) -> list[Round]:
        """Rounds (of ``leader_id``), oldest first."""
        where, params = ("WHERE leader_id = ?", (leader_id,)) if leader_id is not None else ("", ())
        rows = self._conn.execute(f"{_SELECT} {where} ORDER BY created_at, id", params)
        return [ROUND.from_row(row) for row in rows]

    def delete(self, round_id: str) -> bool:
        return self._conn.execute("DELETE FROM rounds WHERE id = ?", (round_id,)).rowcount > 0

    def hash_counts(self, round_id: str) -> Counter:
        """How many stored respondents have each row hash."""
        rows = self._conn.execute(
            "SELECT row_hash, COUNT(*) FROM round_respondents WHERE round_id = ? GROUP BY row_hash",
            (round_id,),
        )
        return Counter(dict(rows.fetchall()))

    def next_number(self, round_id: str) -> int:
        row = self._conn.execute(
            "SELECT COALESCE(MAX(number), 0) FROM round_respondents WHERE round_id = ?",
            (round_id,),
        ).fetchone()
        return row[0] + 1

    def add(
        self,
        round_id: str,
        respondents: Iterable[Respondent],
        answers: Iterable[Answer],
        texts: Iterable[Text],
    ) -> None:
        """Store respondents with their answers and the free texts (inside a transaction)."""
        conn = self._conn
        conn.executemany(
            "INSERT INTO round_respondents (round_id, number, grp, row_hash) VALUES (?, ?, ?, ?)",
            [(round_id, *r) for r in respondents],
        )
        conn.executemany(
            "INSERT INTO round_answers (round_id, respondent, behaviour, score) VALUES (?, ?, ?, ?)",
            [(round_id, *a) for a in answers],
        )
        conn.executemany(
            "INSERT INTO round_texts (round_id, grp, question, text) VALUES (?, ?, ?, ?)",
            [(round_id, *t) for t in texts],
        )

    def respondents(self, round_id: str) -> list[Respondent]:
        rows = self._conn.execute(
            "SELECT number, grp, row_hash FROM round_respondents WHERE round_id = ? ORDER BY number",
            (round_id,),
        )
        return rows.fetchall()

    def answers(self, round_id: str) -> list[Answer]:
        rows = self._conn.execute(
            "SELECT respondent, behaviour, score FROM round_answers WHERE round_id = ? "
            "ORDER BY respondent, behaviour",
            (round_id,),
        )
        return rows.fetchall()

    def texts(self, round_id: str) -> list[Text]:
        """Free texts, per group and question, in a fixed order that says nothing of who
        wrote them (sorted by text, not by when they came in)."""
        rows = self._conn.execute(
            "SELECT grp, question, text FROM round_texts WHERE round_id = ? "
            "ORDER BY grp, question, text",
            (round_id,),
        )
        return rows.fetchall()

    def counts(self, round_id: str) -> dict[str, int]:
        """Respondents per group."""
        rows = self._conn.execute(
            "SELECT grp, COUNT(*) FROM round_respondents WHERE round_id = ? GROUP BY grp",
            (round_id,),
        )
        return dict(rows.fetchall())
