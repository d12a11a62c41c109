"""The migration that drops the case-folded ``search`` column (#15) keeps every search result.

A journal is built at the schema before that migration, the way that schema's lgtrack wrote it
(``search`` = the case-folded prompt, text and next step), searched there the way that lgtrack
searched, then opened with this lgtrack (which migrates it) and searched again.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from lgtrack import EntryFilter, Journal, Reflection
from lgtrack.storage import DB_FILENAME, MIGRATIONS, SCHEMA_VERSION, migrate

# The schema version just before the migration that drops ``search`` (found, not numbered: the
# order of migrations is settled when branches merge).
BEFORE = next(i for i, script in enumerate(MIGRATIONS) if "DROP COLUMN search" in script)
LEADER = "5e0b0e5e-0000-4000-8000-000000000001"
T0 = "2025-03-04T08:00:00+01:00"
WORDS = (
    "Ærlig", "ærlig", "ÆRLIG", "Ærø", "Øresund", "øresund", "ØRESUND", "Åse", "åse", "ÅSE",
    "gård", "Gaard", "GAARD", "aa", "Aa", "AA", "Aarhus", "blåbær", "BLÅBÆR", "fravær", "FRAVÆR",
    "trivsel", "møde", "MØDE", "tillidsrepræsentanten", "sygefravær", "næste", "skridt", "i",
    "og", "på", "at", "det", "en", "med", "1:1", "–", "”", "“", "Straße", "STRASSE", "ﬁnans",
)  # fmt: skip
NEEDLES = [
    "ærlig", "ÆRLIG", "Ærø", "øre", "ØRESUND", "åse", "Å", "gård", "GÅRD", "gaard", "aa", "AA",
    "aar", "blåbær", "BLÅ", "fravær", "sygefravær", "ravæ", "møde i", "æ", "ø", "å", "1:1", "”",
    "tillidsrepræsentanten", "ikke-til-stede", "g a", "strasse", "Straße", "STRASSE", "fin",
    "ßSt",
]  # fmt: skip


def _texts(rng: random.Random) -> tuple[str, str, str]:
    def words(low: int, high: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))

    return (words(0, 3) if rng.random() < 0.3 else "", words(1, 30), words(0, 4))


def _journal_before(path: str, count: int = 300) -> list[str]:
    """A journal at schema ``BEFORE`` with ``count`` reflections, written as that schema's
    lgtrack wrote them; the ids newest first."""
    rng = random.Random(15)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(conn, target=BEFORE)
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO leaders (id, name, level, framework_id, framework_version, lang, is_me, "
            "created_at, updated_at) VALUES (?, 'Åse Ø.', 'teamleder', 'stuk', '1.0', 'da', 1, "
            "?, ?)",
            (LEADER, T0, T0),
        )
        for n in range(count):
            prompt, text, next_step = _texts(rng)
            rid = f"5e0b0e5e-0000-4000-8000-{n:012d}"
            conn.execute(
                "INSERT INTO reflections (id, leader_id, day, prompt, text, next_step, private, "
                "created_at, updated_at, level, framework_version, search) "
                "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 'teamleder', '1.0', ?)",
                (rid, LEADER, (date(2025, 1, 1) + timedelta(days=n)).isoformat(), prompt, text,
                 next_step, T0, T0, f"{prompt} {text} {next_step}".casefold()),
            )  # fmt: skip
            conn.execute(
                "INSERT INTO reflection_disciplines (reflection_id, discipline) VALUES (?, 'self')",
                (rid,),
            )
        conn.execute("COMMIT")
    finally:
        conn.close()


def _found_before(path: str, needle: str) -> list[str]:
    """What the schema-``BEFORE`` lgtrack found: the folded needle in the ``search`` column."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT id FROM reflections WHERE instr(search, ?) > 0 "
            "ORDER BY day DESC, created_at DESC",
            (needle.casefold(),),
        ).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """The journal before and after migrating: what each needle found before, and the path."""
    path = str(tmp_path_factory.mktemp("before") / DB_FILENAME)
    _journal_before(path)
    before = {needle: _found_before(path, needle) for needle in NEEDLES}
    size_before = _size(path)
    Journal.open(path).close()  # migrates
    return path, before, size_before


def _size(path: str) -> int:
    conn = sqlite3.connect(path)
    try:
        pages, size = (
            conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "page_size")
        )
    finally:
        conn.close()
    return pages * size


@pytest.mark.parametrize("needle", NEEDLES)
def test_every_search_finds_what_it_found_before_the_migration(migrated, needle):
    path, before, _ = migrated
    assert before["ærlig"] and before["aa"] and not before["ikke-til-stede"]  # the data is mixed
    with Journal.open(path) as journal:
        found = [r.id for r in journal.reflections(EntryFilter(contains=needle))]
    assert found == before[needle]


def test_the_migration_drops_the_copied_text_and_gives_its_pages_back(migrated):
    path, _, size_before = migrated
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {row[1] for row in conn.execute("PRAGMA table_info(reflections)")}
        assert "search" not in columns and {"prompt", "text", "next_step"} <= columns
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO reflections_fts (reflections_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    assert _size(path) < size_before


def test_after_the_migration_edits_and_deletes_keep_search_exact(migrated, tmp_path):
    path, before, _ = migrated
    copy = tmp_path / DB_FILENAME
    copy.write_bytes(Path(path).read_bytes())
    with Journal.open(str(copy)) as journal:
        first, second = before["ærlig"][:2]
        edited = {"text": "Ny tekst om Ødis", "prompt": "", "next_step": ""}
        journal.update_reflection(
            Reflection(**{**journal.get_reflection(first).__dict__, **edited})
        )
        journal.delete_reflection(second)
        journal.add_reflection(
            Reflection(day=date(2026, 1, 2), disciplines=("self",), text="ÆRLIG ØDIS")
        )
        found = journal.reflections(EntryFilter(contains="ærlig"))
        assert [r.id for r in found[1:]] == [
            rid for rid in before["ærlig"] if rid not in (first, second)
        ]
        assert found[0].text == "ÆRLIG ØDIS"
        assert {r.text for r in journal.reflections(EntryFilter(contains="ødis"))} == {
            "Ny tekst om Ødis",
            "ÆRLIG ØDIS",
        }
