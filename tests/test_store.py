"""The SQLite store: where the journal lives, how it is opened, writes all-or-nothing."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from lgtrack import Journal, Reflection, StoreError
from lgtrack.storage.database import (
    BUSY_TIMEOUT_MS,
    DB_FILENAME,
    SCHEMA_VERSION,
    atomic,
    connect,
    database_path,
    default_home,
)

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def _clock() -> datetime:
    return NOW


def _reflection(text: str, day: date = date(2026, 3, 2)) -> Reflection:
    return Reflection(day=day, disciplines=("self",), text=text)


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- where the journal lives ---------------------------------------------------------------------


def test_default_home_honours_lgtrack_home(tmp_path, monkeypatch):
    monkeypatch.setenv("LGTRACK_HOME", str(tmp_path / "mine"))
    assert default_home() == tmp_path / "mine"
    assert database_path() == str(tmp_path / "mine" / DB_FILENAME)


def test_default_home_without_env_is_a_user_data_directory_outside_the_repository(monkeypatch):
    monkeypatch.delenv("LGTRACK_HOME", raising=False)
    home = default_home()
    repository = Path(__file__).resolve().parents[1]
    assert home.is_absolute()
    assert "lgtrack" in home.parts
    assert repository not in home.resolve().parents


def test_journal_open_without_home_uses_lgtrack_home(tmp_path, monkeypatch):
    monkeypatch.setenv("LGTRACK_HOME", str(tmp_path / "env-home"))
    with Journal.open(clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
    assert (tmp_path / "env-home" / DB_FILENAME).is_file()


def test_explicit_home_directory_wins_over_env(tmp_path, monkeypatch):
    monkeypatch.setenv("LGTRACK_HOME", str(tmp_path / "env-home"))
    with Journal.open(tmp_path / "explicit", clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        assert journal.path == str(tmp_path / "explicit" / DB_FILENAME)
    assert (tmp_path / "explicit" / DB_FILENAME).is_file()
    assert not (tmp_path / "env-home").exists()


@pytest.mark.parametrize("name", ["other.sqlite", "other.sqlite3", "other.db"])
def test_explicit_home_may_be_a_database_file(tmp_path, name):
    target = tmp_path / "sub" / name
    with Journal.open(target, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        journal.add_reflection(_reflection("En fil"))
    assert target.is_file()
    with Journal.open(str(target)) as again:
        assert [r.text for r in again.reflections()] == ["En fil"]


def test_memory_journal_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LGTRACK_HOME", str(tmp_path / "home"))
    with Journal.open(":memory:", clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        journal.add_reflection(_reflection("Kun i hukommelsen"))
        assert journal.path == ":memory:"
        assert len(journal.reflections()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("home", ["", "  "])
def test_an_empty_home_is_refused_not_the_current_directory(tmp_path, monkeypatch, capsys, home):
    from lgtrack.cli import main

    monkeypatch.chdir(tmp_path)  # an unset $VAR in `--home "$VAR"` must not write a journal here
    with pytest.raises(StoreError, match="empty"):
        Journal.open(home)
    assert main(["init", "--name", "AB", "--level", "teamleder", "--home", home]) == 2
    assert "journalmappen er tom" in capsys.readouterr().err  # no profile: Danish
    assert list(tmp_path.iterdir()) == []


def test_missing_journal_without_create_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no journal"):
        Journal.open(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


# -- connection settings -------------------------------------------------------------------------


def test_file_journal_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    with Journal.open(tmp_path) as journal:
        conn = journal.store.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
        assert BUSY_TIMEOUT_MS >= 5_000
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_foreign_keys_are_enforced(tmp_path):
    with Journal.open(tmp_path) as journal, pytest.raises(sqlite3.IntegrityError):
        journal.store.conn.execute(
            "INSERT INTO reflections (id, leader_id, day, created_at, updated_at) "
            "VALUES ('r1', 'no-such-leader', '2026-01-01', 'x', 'x')"
        )


def test_deleting_a_reflection_removes_its_ratings_tags_and_disciplines(tmp_path):
    from lgtrack import Rating

    with Journal.open(tmp_path, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        stored = journal.add_reflection(
            Reflection(
                day=date(2026, 3, 2),
                disciplines=("self", "people"),
                text="x",
                tags=("a", "b"),
                ratings=(Rating("self.g1", 4), Rating("people.g1", None)),
            )
        )
        journal.delete_reflection(stored.id)
        for table in ("reflections", "ratings", "reflection_tags", "reflection_disciplines"):
            assert _count(journal.store.conn, table) == 0, table


# -- transactions --------------------------------------------------------------------------------


def test_atomic_rolls_back_every_write_on_an_exception(tmp_path):
    with Journal.open(tmp_path, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        journal.add_reflection(_reflection("før"))
        with pytest.raises(RuntimeError, match="midway"), journal.atomic():
            for i in range(5):
                journal.add_reflection(_reflection(f"nummer {i}"))
            journal.set_profile("CD", "kontorchef")
            raise RuntimeError("midway")
        assert [r.text for r in journal.reflections()] == ["før"]
        assert journal.me().name == "AB"
        assert not journal.store.conn.in_transaction
    with Journal.open(tmp_path) as reopened:
        assert [r.text for r in reopened.reflections()] == ["før"]


def test_atomic_commits_all_writes_when_the_block_ends(tmp_path):
    with Journal.open(tmp_path, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        with journal.atomic():
            for i in range(3):
                journal.add_reflection(_reflection(f"nummer {i}"))
    with Journal.open(tmp_path) as reopened:
        assert len(reopened.reflections()) == 3


def test_nested_atomic_joins_the_outer_transaction(tmp_path):
    with Journal.open(tmp_path, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        with pytest.raises(ValueError), journal.atomic():
            with journal.atomic():
                journal.add_reflection(_reflection("indre"))
            # the inner block ended without error, but nothing is committed yet
            assert journal.store.conn.in_transaction
            raise ValueError("outer fails")
        assert journal.reflections() == []


def test_a_failed_nested_block_that_is_caught_undoes_only_its_own_writes(tmp_path):
    with Journal.open(tmp_path, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        with journal.atomic():
            journal.add_reflection(_reflection("ydre"))
            try:
                with journal.atomic():
                    journal.add_reflection(_reflection("indre 1"))
                    journal.add_reflection(_reflection("indre 2"))
                    raise LookupError("skip this one")
            except LookupError:
                pass
            journal.add_reflection(_reflection("ydre igen"))
    with Journal.open(tmp_path) as reopened:
        assert sorted(r.text for r in reopened.reflections()) == ["ydre", "ydre igen"]


def test_store_atomic_on_a_bare_connection(tmp_path):
    conn = connect(str(tmp_path / "bare.sqlite"))
    try:
        conn.execute("CREATE TABLE t (x INTEGER)")
        with pytest.raises(KeyError), atomic(conn):
            conn.execute("INSERT INTO t VALUES (1)")
            conn.execute("INSERT INTO t VALUES (2)")
            raise KeyError("no")
        assert _count(conn, "t") == 0
        with atomic(conn):
            conn.execute("INSERT INTO t VALUES (3)")
        assert _count(conn, "t") == 1
    finally:
        conn.close()


def test_a_failed_validation_inside_atomic_leaves_nothing(tmp_path):
    from lgtrack import ValidationError

    with Journal.open(tmp_path, clock=_clock) as journal:
        journal.set_profile("AB", "teamleder")
        with pytest.raises(ValidationError), journal.atomic():
            journal.add_reflection(_reflection("god"))
            journal.add_reflection(
                Reflection(day=date(2026, 3, 2), disciplines=("nope",), text="x")
            )
        assert journal.reflections() == []


# -- journals lgtrack cannot read ----------------------------------------------------------------


def test_a_journal_from_a_newer_lgtrack_is_refused_with_one_line(tmp_path):
    path = tmp_path / DB_FILENAME
    Journal.open(tmp_path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreError) as caught:
        Journal.open(tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert "newer" in message
    assert str(SCHEMA_VERSION + 1) in message
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    raw.close()


@pytest.mark.parametrize(
    "content",
    [
        b"Dette er ikke en database, bare en tekst med \xc3\xa6\xc3\xb8\xc3\xa5.\n" * 50,
        b"SQLite format 3\x00" + b"\xff" * 4000,
        bytes(range(256)) * 20,
    ],
    ids=["text", "truncated-header", "binary"],
)
def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path, content):
    path = tmp_path / DB_FILENAME
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Journal.open(tmp_path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == content


def test_a_directory_where_the_database_should_be_gives_a_store_error(tmp_path):
    (tmp_path / DB_FILENAME).mkdir()
    with pytest.raises(StoreError):
        Journal.open(tmp_path)


def test_database_path_rules(tmp_path):
    assert database_path(":memory:") == ":memory:"
    assert database_path(tmp_path) == str(tmp_path / DB_FILENAME)
    assert database_path(tmp_path / "x.sqlite") == str(tmp_path / "x.sqlite")
    assert database_path("~/somewhere").startswith(str(Path.home()))
