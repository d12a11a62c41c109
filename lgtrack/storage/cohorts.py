"""A facilitator's cohorts: the programmes, who delivered, and their numbers (#13).

Only numbers, days, ids and initials are stored: the cohort bundle carries nothing else, and
:mod:`lgtrack.cohort.bundle` refuses a bundle that does. A participant's new bundle replaces
everything stored about her in that cohort, in the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .._time import day_to_text, moment_to_text, text_to_day, text_to_moment
from ..records import Cohort, CohortParticipant

_COHORT_COLUMNS = "id, name, start_day, end_day, k, framework_id, lang, created_at"
_PARTICIPANT_COLUMNS = (
    "participant_id, initials, level, framework_version, bundle_created_at, checksum, "
    "imported_at, goals_open, goals_achieved, goals_dropped, public_key"
)
_CHILD_TABLES = ("cohort_reflections", "cohort_ratings", "cohort_effects")


def _cohort(row: tuple) -> Cohort:
    id_, name, start, end, k, framework_id, lang, created_at = row
    return Cohort(
        id=id_, name=name, start=text_to_day(start), end=text_to_day(end), k=k,
        framework_id=framework_id, lang=lang, created_at=text_to_moment(created_at),
    )  # fmt: skip


def _participant(row: tuple) -> CohortParticipant:
    pid, initials, level, version, made, checksum, imported, *goals, public_key = row
    return CohortParticipant(
        pid, initials, level, version, text_to_moment(made), checksum,
        text_to_moment(imported), *goals, public_key=public_key,
    )  # fmt: skip


class CohortRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    # -- cohorts -------------------------------------------------------------------------------

    def save(self, cohort: Cohort) -> None:
        self._conn.execute(
            f"INSERT INTO cohorts ({_COHORT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name, start_day=excluded.start_day, "
            "end_day=excluded.end_day, k=excluded.k, lang=excluded.lang",
            (
                cohort.id, cohort.name, day_to_text(cohort.start), day_to_text(cohort.end),
                cohort.k, cohort.framework_id, cohort.lang, moment_to_text(cohort.created_at),
            ),
        )  # fmt: skip

    def all(self) -> list[Cohort]:
        rows = self._conn.execute(f"SELECT {_COHORT_COLUMNS} FROM cohorts ORDER BY start_day, id")
        return [_cohort(row) for row in rows]

    def matching(self, prefix: str) -> list[Cohort]:
        """Cohorts whose id starts with ``prefix`` (case-insensitive)."""
        rows = self._conn.execute(
            f"SELECT {_COHORT_COLUMNS} FROM cohorts WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
            (prefix.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        )
        return [_cohort(row) for row in rows]

    # -- participants ----------------------------------------------------------------------------

    def participant(self, cohort_id: str, participant_id: str) -> CohortParticipant | None:
        row = self._conn.execute(
            f"SELECT {_PARTICIPANT_COLUMNS} FROM cohort_participants "
            "WHERE cohort_id = ? AND participant_id = ?",
            (cohort_id, participant_id),
        ).fetchone()
        return _participant(row) if row else None

    def participants(self, cohort_id: str) -> list[CohortParticipant]:
        rows = self._conn.execute(
            f"SELECT {_PARTICIPANT_COLUMNS} FROM cohort_participants WHERE cohort_id = ? "
            "ORDER BY initials, participant_id",
            (cohort_id,),
        )
        return [_participant(row) for row in rows]

    def replace_participant(
        self,
        cohort_id: str,
        p: CohortParticipant,
        reflection_days: Iterable[str],
        ratings: Iterable[tuple[str, str, int | None]],
        effects: Iterable[tuple[str, str, int | None]],
    ) -> None:
        """Store ``p`` and her numbers in place of whatever the cohort held about her.

        ``ratings`` and ``effects`` are ``(day, behaviour or effect id, score)`` rows."""
        key = (cohort_id, p.participant_id)
        for table in _CHILD_TABLES:
            self._conn.execute(
                f"DELETE FROM {table} WHERE cohort_id = ? AND participant_id = ?", key
            )
        self._conn.execute(
            f"INSERT OR REPLACE INTO cohort_participants (cohort_id, {_PARTICIPANT_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                cohort_id, p.participant_id, p.initials, p.level, p.framework_version,
                moment_to_text(p.bundle_created_at), p.checksum, moment_to_text(p.imported_at),
                p.goals_open, p.goals_achieved, p.goals_dropped, p.public_key,
            ),
        )  # fmt: skip
        self._conn.executemany(
            "INSERT INTO cohort_reflections (cohort_id, participant_id, day) VALUES (?, ?, ?)",
            [(*key, day) for day in reflection_days],
        )
        self._conn.executemany(
            "INSERT INTO cohort_ratings (cohort_id, participant_id, day, behaviour, score) "
            "VALUES (?, ?, ?, ?, ?)",
            [(*key, *row) for row in ratings],
        )
        self._conn.executemany(
            "INSERT INTO cohort_effects (cohort_id, participant_id, day, effect, score) "
            "VALUES (?, ?, ?, ?, ?)",
            [(*key, *row) for row in effects],
        )

    # -- the numbers, for the dashboard ----------------------------------------------------------

    def reflection_days(self, cohort_id: str) -> list[tuple[str, str]]:
        """``(participant_id, day)`` rows."""
        return self._conn.execute(
            "SELECT participant_id, day FROM cohort_reflections WHERE cohort_id = ?", (cohort_id,)
        ).fetchall()

    def ratings(self, cohort_id: str) -> list[tuple[str, str, str, int | None]]:
        """``(participant_id, day, behaviour, score)`` rows."""
        return self._conn.execute(
            "SELECT participant_id, day, behaviour, score FROM cohort_ratings WHERE cohort_id = ?",
            (cohort_id,),
        ).fetchall()

    def rating_totals(
        self, cohort_id: str, first: str, last: str, start_end: str, now_start: str
    ) -> list[tuple]:
        """Per participant and behaviour, the count and sum of her scores ("ved ikke" left
        out) in the period ``first``..``last``, in its start (up to ``start_end``) and in its
        end (from ``now_start``): ``(participant_id, behaviour, n, sum, n_start, sum_start,
        n_now, sum_now)``. Summed here, so the dashboard reads thousands of rows, not millions."""
        return self._conn.execute(
            """
            SELECT participant_id, behaviour, COUNT(score), TOTAL(score),
                   COUNT(CASE WHEN day <= :start_end THEN score END),
                   TOTAL(CASE WHEN day <= :start_end THEN score END),
                   COUNT(CASE WHEN day >= :now_start THEN score END),
                   TOTAL(CASE WHEN day >= :now_start THEN score END)
            FROM cohort_ratings
            WHERE cohort_id = :cohort AND day BETWEEN :first AND :last AND score IS NOT NULL
            GROUP BY participant_id, behaviour
            """,
            {"cohort": cohort_id, "first": first, "last": last, "start_end": start_end,
             "now_start": now_start},
        ).fetchall()  # fmt: skip

    def effects(self, cohort_id: str) -> list[tuple[str, str, str, int | None]]:
        """``(participant_id, day, effect, score)`` rows."""
        return self._conn.execute(
            "SELECT participant_id, day, effect, score FROM cohort_effects WHERE cohort_id = ?",
            (cohort_id,),
        ).fetchall()
