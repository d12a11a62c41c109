"""A journal written by any earlier schema opens in this lgtrack with every record intact.

For each earlier schema version ``v`` the test builds a database with only the migrations up to
``v`` applied, inserts realistic rows with raw SQL (the fixtures below, one per version, written
for that version's tables), opens it with :meth:`Journal.open` and reads the rows back through the
API. Adding a migration without adding a fixture for the version before it fails
``test_every_earlier_schema_version_has_a_fixture``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timezone

import pytest

from lgtrack import EntryFilter, Journal, Rating, Reflection
from lgtrack.framework import bundled_frameworks
from lgtrack.storage import DB_FILENAME, MIGRATIONS, SCHEMA_VERSION, migrate

LEADER = "7d1c1b7e-0000-4000-8000-000000000001"
OTHER = "7d1c1b7e-0000-4000-8000-000000000002"
R1 = "7d1c1b7e-0000-4000-8000-0000000000a1"
R2 = "7d1c1b7e-0000-4000-8000-0000000000a2"
R3 = "7d1c1b7e-0000-4000-8000-0000000000a3"
GOAL = "7d1c1b7e-0000-4000-8000-0000000000b1"
CHECKIN = "7d1c1b7e-0000-4000-8000-0000000000c1"
FEEDBACK = "7d1c1b7e-0000-4000-8000-0000000000d1"
T0 = "2024-05-06T08:15:00+02:00"
T1 = "2024-05-07T16:40:00+02:00"

TEXT_R1 = "ÆRLIG SAMTALE med Søren om fravær – det gik ”bedre end ventet”."
TEXT_R2 = "Prioriteringer i kontoret; vi lukkede to opgaver."
TEXT_R3 = "Privat note om min egen energi."


def _leaders_v1(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO leaders (id, name, level, framework_id, framework_version, lang, unit, is_me, "
        "created_at, updated_at) VALUES (?, ?, ?, 'stuk', '1.0', ?, ?, ?, ?, ?)",
        [
            (LEADER, "Åse Østergård", "teamleder", "da", "Kontor for Økonomi", 1, T0, T0),
            (OTHER, "Bo Ærø", "kontorchef", "en", "", 0, T0, T0),
        ],
    )


REFLECTIONS = [  # id, day, prompt, text, next step, private, created
    (R1, "2024-05-06", "Hvad lærte du?", TEXT_R1, "Følg op på torsdag", 0, T0),
    (R2, "2024-05-07", "", TEXT_R2, "", 0, T1),
    (R3, "2024-05-07", "", TEXT_R3, "", 1, T1),
]


def _reflections_v1(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO reflections (id, leader_id, day, prompt, text, next_step, private, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(rid, LEADER, day, p, t, n, priv, c, c) for rid, day, p, t, n, priv, c in REFLECTIONS],
    )


def _reflections_v2(conn: sqlite3.Connection) -> None:
    """Schema 2 added wellbeing, energy, level, framework_version and a case-folded search text
    (which schema 9 dropped again: the index folds case itself)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(reflections)")}
    if "search" not in columns:
        conn.executemany(
            "INSERT INTO reflections (id, leader_id, day, prompt, text, next_step, private, "
            "created_at, updated_at, wellbeing, energy, level, framework_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'teamleder', '1.0')",
            [(rid, LEADER, day, p, t, n, priv, c, c, 3, None)
             for rid, day, p, t, n, priv, c in REFLECTIONS],
        )  # fmt: skip
        return
    conn.executemany(
        "INSERT INTO reflections (id, leader_id, day, prompt, text, next_step, private, "
        "created_at, updated_at, wellbeing, energy, level, framework_version, search) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'teamleder', '1.0', ?)",
        [
            (rid, LEADER, day, p, t, n, priv, c, c, 3, None, f"{p} {t} {n}".casefold())
            for rid, day, p, t, n, priv, c in REFLECTIONS
        ],
    )


def _reflection_children_v1(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO reflection_disciplines (reflection_id, discipline) VALUES (?, ?)",
        [(R1, "people"), (R1, "self"), (R2, "operational"), (R3, "self")],
    )
    conn.executemany(
        "INSERT INTO reflection_tags (reflection_id, tag) VALUES (?, ?)",
        [(R1, "1til1"), (R1, "fravær"), (R2, "prioritering")],
    )
    conn.executemany(
        "INSERT INTO ratings (reflection_id, feedback_id, behaviour, score, framework_version, "
        "position) VALUES (?, ?, ?, ?, '1.0', ?)",
        [
            (R1, None, "people.teamleder.1", 4, 0),
            (R1, None, "self.g1", None, 1),
            (R2, None, "operational.g2", 3, 0),
        ],
    )


def _goals_and_feedback_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO goals (id, leader_id, discipline, title, why, success, due, status, private, "
        "closed_on, created_at, updated_at) VALUES (?, ?, 'people', 'Flere 1:1-samtaler', "
        "'Mine medarbejdere savner sparring', 'Én samtale om ugen', '2024-09-30', 'open', 0, NULL, "
        "?, ?)",
        (GOAL, LEADER, T0, T0),
    )
    conn.execute(
        "INSERT INTO goal_behaviours (goal_id, behaviour, position) VALUES (?, 'people.g1', 0)",
        (GOAL,),
    )
    conn.execute(
        "INSERT INTO checkins (id, goal_id, day, progress, note, created_at) "
        "VALUES (?, ?, '2024-06-01', 40, 'To ud af fem', ?)",
        (CHECKIN, GOAL, T1),
    )
    conn.execute(
        "INSERT INTO feedback (id, leader_id, day, role, name, discipline, text, private, "
        "framework_version, created_at, updated_at) VALUES (?, ?, '2024-05-10', 'employee', "
        "'Kai', 'people', 'Du lytter godt – også når det er svært.', 0, '1.0', ?, ?)",
        (FEEDBACK, LEADER, T1, T1),
    )
    conn.executemany(
        "INSERT INTO ratings (reflection_id, feedback_id, behaviour, score, framework_version, "
        "position) VALUES (NULL, ?, ?, ?, '1.0', ?)",
        [(FEEDBACK, "people.teamleder.1", 5, 0), (FEEDBACK, "people.g2", None, 1)],
    )


def _insert_v1(conn: sqlite3.Connection) -> None:
    """Schema 1: two leaders, three reflections, a goal with a check-in, feedback."""
    _leaders_v1(conn)
    _reflections_v1(conn)
    _reflection_children_v1(conn)
    _goals_and_feedback_v1(conn)


def _insert_v2(conn: sqlite3.Connection) -> None:
    """Schema 2: the same records, reflections with the columns schema 2 added."""
    _leaders_v1(conn)
    _reflections_v2(conn)
    _reflection_children_v1(conn)
    _goals_and_feedback_v1(conn)


def _insert_v3(conn: sqlite3.Connection) -> None:
    """Schema 3: the same records (its new coach tables and leader columns start empty)."""
    _insert_v2(conn)
    conn.execute("UPDATE leaders SET imported_at = ? WHERE id = ?", (T1, OTHER))


def _insert_v4(conn: sqlite3.Connection) -> None:
    """Schema 4: the same records and a kept framework (one version per id in schema 4)."""
    _insert_v3(conn)
    source = bundled_frameworks()["kodeks"].read_text(encoding="utf-8")
    conn.execute(
        "INSERT INTO frameworks (id, version, source) VALUES ('kodeks', '1.0', ?)", (source,)
    )


def _insert_v5(conn: sqlite3.Connection) -> None:
    """Schema 5: the same records (the key tables of signed bundles start empty)."""
    _insert_v4(conn)


def _insert_v6(conn: sqlite3.Connection) -> None:
    """Schema 6: the same records (frameworks kept per id and version)."""
    _insert_v5(conn)


def _insert_v7(conn: sqlite3.Connection) -> None:
    """Schema 7: the same records (the 360 round tables start empty)."""
    _insert_v6(conn)


COHORT = "7d1c1b7e-0000-4000-8000-0000000000e1"
PARTICIPANT = "7d1c1b7e-0000-4000-8000-0000000000e2"


def _insert_v8(conn: sqlite3.Connection) -> None:
    """Schema 8: the same records, and a cohort with one participant imported from an unsigned
    bundle (her numbers only; schema 8 kept no key for her)."""
    _insert_v7(conn)
    conn.execute(
        "INSERT INTO cohorts (id, name, start_day, end_day, k, framework_id, lang, created_at) "
        "VALUES (?, 'Forløb 2024', '2024-01-08', '2024-12-20', 5, 'stuk', 'da', ?)",
        (COHORT, T0),
    )
    conn.execute(
        "INSERT INTO cohort_participants (cohort_id, participant_id, initials, level, "
        "framework_version, bundle_created_at, checksum, imported_at, goals_open, "
        "goals_achieved, goals_dropped) VALUES (?, ?, 'ÅØ', 'teamleder', '1.0', ?, ?, ?, 2, 1, 0)",
        (COHORT, PARTICIPANT, T0, "a" * 64, T1),
    )
    conn.execute(
        "INSERT INTO cohort_ratings (cohort_id, participant_id, day, behaviour, score) "
        "VALUES (?, ?, '2024-05-06', 'people.g1', 4)",
        (COHORT, PARTICIPANT),
    )


def _insert_v9(conn: sqlite3.Connection) -> None:
    """Schema 9: the same records (the reflections lost their case-folded search copy)."""
    _insert_v8(conn)


def _insert_v10(conn: sqlite3.Connection) -> None:
    """Schema 10: the same records (cohort participants got a key; the index was still fed
    SQLite-folded text)."""
    _insert_v9(conn)


def _insert_v11(conn: sqlite3.Connection) -> None:
    """Schema 11: the same records (the index is fed casefolded text)."""
    _insert_v10(conn)


# One fixture per earlier schema version; each inserts the same records in that version's tables.
FIXTURES: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _insert_v1,
    2: _insert_v2,
    3: _insert_v3,
    4: _insert_v4,
    5: _insert_v5,
    6: _insert_v6,
    7: _insert_v7,
    8: _insert_v8,
    9: _insert_v9,
    10: _insert_v10,
    11: _insert_v11,
}


def test_every_earlier_schema_version_has_a_fixture():
    assert set(FIXTURES) == set(range(1, SCHEMA_VERSION))
    assert len(MIGRATIONS) == SCHEMA_VERSION


def _journal_at_version(tmp_path, version: int) -> str:
    path = str(tmp_path / DB_FILENAME)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(conn, target=version)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        conn.execute("BEGIN")
        FIXTURES[version](conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


def _clock() -> datetime:
    return datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc)


EARLIER = list(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("version", EARLIER)
def test_an_earlier_journal_is_migrated_to_the_current_schema(tmp_path, version):
    path = _journal_at_version(tmp_path, version)
    with Journal.open(tmp_path, clock=_clock) as journal:
        assert journal.store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()


@pytest.mark.parametrize("version", EARLIER)
def test_migrated_reflections_are_intact(tmp_path, version):
    _journal_at_version(tmp_path, version)
    with Journal.open(tmp_path, clock=_clock) as journal:
        me = journal.me()
        assert me.id == LEADER and me.name == "Åse Østergård" and me.unit == "Kontor for Økonomi"
        assert {leader.id for leader in journal.leaders()} == {LEADER, OTHER}
        items = journal.reflections()
        assert [r.id for r in items] == [R3, R2, R1]  # newest first
        first = journal.get_reflection(R1)
        assert first.text == TEXT_R1
        assert first.prompt == "Hvad lærte du?" and first.next_step == "Følg op på torsdag"
        assert first.day == date(2024, 5, 6)
        assert first.disciplines == ("people", "self")
        assert first.tags == ("1til1", "fravær")
        assert first.ratings == (Rating("people.teamleder.1", 4), Rating("self.g1", None))
        assert first.framework_version == "1.0"
        assert first.level == "teamleder"
        assert first.created_at == datetime.fromisoformat(T0)
        assert journal.get_reflection(R3).private is True


@pytest.mark.parametrize("version", EARLIER)
@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("ærlig", [R1]),
        ("ÆRLIG", [R1]),
        ("Ærlig samtale", [R1]),
        ("søren", [R1]),
        ("FRAVÆR", [R1]),
        ("”bedre end ventet”", [R1]),
        ("følg op", [R1]),  # next step is searched too
        ("hvad lærte", [R1]),  # and the prompt
        ("prioriteringer", [R2]),
        ("ikke-til-stede", []),
    ],
)
def test_migrated_reflections_are_searchable_in_danish(tmp_path, version, needle, expected):
    _journal_at_version(tmp_path, version)
    with Journal.open(tmp_path, clock=_clock) as journal:
        found = journal.reflections(EntryFilter(contains=needle))
        assert [r.id for r in found] == expected


@pytest.mark.parametrize("version", EARLIER)
def test_migrated_filters_goals_and_feedback(tmp_path, version):
    _journal_at_version(tmp_path, version)
    with Journal.open(tmp_path, clock=_clock) as journal:
        assert [r.id for r in journal.reflections(EntryFilter(tag="fravær"))] == [R1]
        assert [r.id for r in journal.reflections(EntryFilter(discipline="operational"))] == [R2]
        assert [r.id for r in journal.reflections(EntryFilter(include_private=False))] == [R2, R1]
        by_behaviour = journal.reflections(EntryFilter(behaviour="people.teamleder.1"))
        assert [r.id for r in by_behaviour] == [R1]

        (goal,) = journal.goals()
        assert goal.id == GOAL and goal.title == "Flere 1:1-samtaler"
        assert goal.behaviours == ("people.g1",) and goal.due == date(2024, 9, 30)
        assert [(c.id, c.progress, c.note) for c in goal.checkins] == [
            (CHECKIN, 40, "To ud af fem")
        ]
        assert goal.progress == 40

        (item,) = journal.feedback()
        assert item.id == FEEDBACK and item.text == "Du lytter godt – også når det er svært."
        assert item.ratings == (Rating("people.teamleder.1", 5), Rating("people.g2", None))


@pytest.mark.parametrize("version", EARLIER)
def test_a_migrated_journal_accepts_new_records_and_edits(tmp_path, version):
    _journal_at_version(tmp_path, version)
    with Journal.open(tmp_path, clock=_clock) as journal:
        added = journal.add_reflection(
            Reflection(day=date(2026, 1, 5), disciplines=("self",), text="Første efter opgradering")
        )
        old = journal.get_reflection(R2)
        journal.update_reflection(
            Reflection(**{**old.__dict__, "text": "Ændret tekst om ØRESUNDSBROEN", "wellbeing": 4})
        )
        assert [r.id for r in journal.reflections(EntryFilter(contains="øresundsbroen"))] == [R2]
        assert journal.get_reflection(R2).wellbeing == 4
        journal.check_in(GOAL, 80, note="Næsten", day=date(2026, 1, 5))
        assert journal.get_goal(GOAL).progress == 80
        assert len(journal.reflections()) == 4
        assert journal.get_reflection(added.id).level == "teamleder"


@pytest.mark.parametrize("version", EARLIER)
def test_migrated_journal_frames_keep_ved_ikke_as_missing(tmp_path, version):
    from lgtrack.frames import ratings_frame

    _journal_at_version(tmp_path, version)
    with Journal.open(tmp_path, clock=_clock) as journal:
        frame = ratings_frame(journal)
    assert len(frame) == 5
    self_rows = frame[frame["source"] == "self"]
    assert self_rows["score"].isna().sum() == 1
    assert set(self_rows["leader_level"]) == {"teamleder"}
    assert (frame["score"] == 0).sum() == 0


def test_a_migrated_cohort_keeps_its_participant_without_a_key(tmp_path):
    from lgtrack.cohort.status import cohort_status

    _journal_at_version(tmp_path, 8)
    with Journal.open(tmp_path, clock=_clock) as journal:
        (cohort,) = journal.store.cohorts.all()
        (p,) = journal.store.cohorts.participants(COHORT)
        assert (p.participant_id, p.initials, p.goals_open, p.public_key) == (
            PARTICIPANT, "ÅØ", 2, None
        )  # fmt: skip
        assert journal.store.cohorts.ratings(COHORT) == [
            (PARTICIPANT, "2024-05-06", "people.g1", 4)
        ]
        (shown,) = cohort_status(journal, cohort, today=date(2024, 6, 1))["participants"]
        assert shown["fingerprint"] is None and shown["initials"] == "ÅØ"


def test_reopening_a_current_journal_changes_nothing(tmp_path):
    with Journal.open(tmp_path, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
    before = (tmp_path / DB_FILENAME).stat().st_size
    with Journal.open(tmp_path, clock=_clock) as journal:
        assert journal.store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert journal.me().name == "AB"
    assert (tmp_path / DB_FILENAME).stat().st_size == before
