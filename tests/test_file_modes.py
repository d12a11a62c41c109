"""Files only the owner can read: the journal folder 0700; its database, WAL and SHM, and every
export, bundle and report lgtrack writes, 0600 — whatever the umask; an older journal (0755
folder, 0644 files) is tightened when it is opened.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from cli_support import nothing_piped, run  # noqa: F401 (an autouse fixture)

from lgtrack import Journal
from lgtrack._files import make_private, open_atomically, private_dir


@pytest.fixture(autouse=True)
def open_umask():
    """The usual umask, which on its own would make files 0644 and folders 0755."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private_journal(home: Path) -> None:
    """The folder and every file in it, with the WAL and SHM (there while it is open)."""
    assert mode(home) == 0o700
    with Journal.open(home, create=False) as journal:
        journal.me()
        files = [home / f"journal.sqlite{suffix}" for suffix in ("", "-wal", "-shm")]
        for file in files:
            assert file.exists() and mode(file) == 0o600, file.name
        for file in home.iterdir():  # nothing else in it is readable by others either
            assert mode(file) & 0o077 == 0, file.name


def ok(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, ""), err
    return out


def test_every_file_the_command_line_writes_is_the_owners_only(capsys, tmp_path):
    leader, coach, restored = tmp_path / "leader", tmp_path / "coach", tmp_path / "restored"
    ok(capsys, "init", "--name", "Ida Holm", "--level", "teamleder", "--home", str(leader))
    ok(capsys, "reflect", "--discipline", "self", "--text", "Godt møde", "--home", str(leader))
    assert_private_journal(leader)

    written = []
    for fmt, name in (("json", "b.json"), ("csv", "r.csv"), ("markdown", "j.md"), ("xlsx", "x")):
        ok(capsys, "export", "--format", fmt, "--out", str(tmp_path / name), "--home", str(leader))
        written.append(tmp_path / name)
    bundle = tmp_path / "bundle.json"
    ok(capsys, "share", "--out", str(bundle), "--yes", "--home", str(leader))
    written.append(bundle)

    ok(capsys, "import", str(bundle), "--home", str(coach))
    assert_private_journal(coach)
    ok(capsys, "import", str(tmp_path / "b.json"), "--home", str(restored))
    assert_private_journal(restored)

    leader_id = json.loads(bundle.read_text("utf-8"))["leader"]["id"]
    report = tmp_path / "report.html"
    ok(capsys, "report", "--leader", leader_id, "--out", str(report), "--home", str(coach))
    written.append(report)
    for path in written:
        assert mode(path) == 0o600, path.name
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_demo_journal_is_the_owners_only(capsys, tmp_path):
    home = tmp_path / "demo"
    ok(capsys, "demo", "--home", str(home), "--today", "2026-11-30")
    assert_private_journal(home)


def test_an_older_journal_is_tightened_when_it_is_opened(capsys, tmp_path):
    home = tmp_path / "old"
    ok(capsys, "init", "--name", "Ida Holm", "--level", "teamleder", "--home", str(home))
    os.chmod(home, 0o755)
    os.chmod(home / "journal.sqlite", 0o644)
    older = sqlite3.connect(home / "journal.sqlite")  # another program has it open: WAL, SHM
    try:
        older.execute("SELECT count(*) FROM reflections").fetchall()
        for suffix in ("-wal", "-shm"):
            os.chmod(home / f"journal.sqlite{suffix}", 0o644)
        ok(capsys, "list", "reflections", "--home", str(home))  # reading is enough
        for suffix in ("", "-wal", "-shm"):
            assert mode(home / f"journal.sqlite{suffix}") == 0o600, suffix
        assert mode(home) == 0o700
    finally:
        older.close()


def test_a_sqlite_file_named_directly_leaves_its_folder_alone(capsys, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    db = folder / "mine.sqlite"
    ok(capsys, "init", "--name", "Ida Holm", "--level", "teamleder", "--home", str(db))
    assert mode(folder) == 0o755  # not a journal folder: only the files are the owner's
    assert mode(db) == 0o600


def test_the_helpers_tighten_files_and_folders(tmp_path):
    folder = private_dir(tmp_path / "a" / "backups")
    assert mode(folder) == 0o700
    os.chmod(folder, 0o755)
    assert mode(private_dir(folder)) == 0o700
    file = folder / "x"
    file.write_text("x")
    assert mode(file) == 0o644
    make_private(file)
    assert mode(file) == 0o600
    make_private(folder / "missing")  # nothing to do, and no error


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "backup.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), open_atomically(target) as handle:
        handle.write(b"new, half")
        raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.json"]
