"""Every backup restores: an export taken while another program deletes and edits entries reads
one consistent state and imports into a fresh journal; a 100 MB export round-trips.
"""

from __future__ import annotations

import errno
import json
import os
import random
import stat
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from lgtrack import Feedback, Goal, Journal, Rating, Reflection, _files
from lgtrack.cli import main
from lgtrack.exchange import export_json, import_file, reading

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
SEED = 20261130
# Behaviours by discipline: a reflection's ratings must belong to its disciplines.
BEHAVIOURS = {
    "people": ("people.g1", "people.teamleder.1"),
    "self": ("self.g1",),
    "strategic": ("strategic.g1", "strategic.teamleder.1"),
}


def _reflection(rng: random.Random, day: date, text: str = "") -> Reflection:
    disciplines = tuple(rng.sample(sorted(BEHAVIOURS), rng.randint(1, 3)))
    behaviours = [b for d in disciplines for b in BEHAVIOURS[d]]
    ratings = tuple(Rating(b, rng.choice((None, 1, 2, 3, 4, 5))) for b in behaviours)
    return Reflection(
        day=day,
        disciplines=disciplines,
        text=text or f"Refleksion {rng.random():.6f} – æøå",
        ratings=ratings,
        tags=tuple(rng.sample(("møde", "1-1", "strategi", "budget"), rng.randint(0, 3))),
    )


def _fill(journal: Journal, rng: random.Random, n: int) -> None:
    journal.set_profile("Ida Holm", "teamleder")
    with journal.atomic():
        for i in range(n):
            journal.add_reflection(_reflection(rng, date(2024, 1, 1) + timedelta(days=i)))
        for i in range(n // 10):
            goal = journal.add_goal(
                Goal(discipline="people", title=f"Mål {i}", behaviours=("people.g1",))
            )
            journal.check_in(goal.id, rng.randint(0, 99), day=date(2025, 1, 1), note="fremdrift")
            journal.add_feedback(
                Feedback(
                    day=date(2025, 2, 1),
                    role="peer",
                    discipline="self",
                    text=f"Feedback {i}",
                    ratings=(Rating("self.g1", 3),),
                )
            )


def _edit_and_delete(home: Path, seed: int, stop: threading.Event, done: list[int]) -> None:
    """Another program: deletes, edits and adds entries through the journal until told to stop."""
    rng = random.Random(seed)
    with Journal.open(home, clock=lambda: NOW) as journal:
        while not stop.is_set():
            reflections = journal.reflections()
            choice = rng.random()
            if choice < 0.35 and reflections:
                journal.delete_reflection(rng.choice(reflections).id)
            elif choice < 0.7 and reflections:
                old = rng.choice(reflections)
                new = _reflection(rng, old.day, text=f"Rettet {rng.random():.6f}")
                journal.update_reflection(replace(new, id=old.id))
            elif choice < 0.8 and (goals := journal.goals()):
                journal.delete_goal(rng.choice(goals).id)
            elif choice < 0.9 and (feedback := journal.feedback()):
                journal.delete_feedback(rng.choice(feedback).id)
            else:
                journal.add_reflection(_reflection(rng, date(2026, 1, 1)))
            done[0] += 1


def test_a_backup_taken_during_deletes_and_edits_always_imports(tmp_path: Path):
    home = tmp_path / "journal"
    rng = random.Random(SEED)
    with Journal.open(home, clock=lambda: NOW) as journal:
        _fill(journal, rng, 300)
    stop, done = threading.Event(), [0]
    writer = threading.Thread(target=_edit_and_delete, args=(home, SEED + 1, stop, done))
    writer.start()
    exports = []
    try:
        with Journal.open(home, create=False) as journal:
            # A delete waits for the exports' snapshots before it empties the WAL (no trace).
            deadline = time.monotonic() + 30
            while (len(exports) < 15 or done[0] < 20) and time.monotonic() < deadline:
                exports.append(export_json(journal, now=NOW))
    finally:
        stop.set()
        writer.join()
    assert len(exports) >= 5 and done[0] >= 20  # the two really ran side by side
    for number, text in enumerate(exports):
        path = tmp_path / f"backup-{number}.json"
        path.write_text(text, encoding="utf-8")
        with Journal.open(":memory:", clock=lambda: NOW) as fresh:
            summary = import_file(fresh, path)
            document = json.loads(text)
            assert summary.imported("reflections") == len(document["reflections"])
            assert len(fresh.reflections()) == len(document["reflections"])
            assert all(r.disciplines for r in fresh.reflections())


def test_a_100_mb_export_round_trips_through_the_command_line(tmp_path: Path, capsys):
    home, restored = tmp_path / "journal", tmp_path / "restored"
    rng = random.Random(SEED)
    # Feedback of ~95,000 characters each (the most is 100,000): ~105 MB of JSON. Feedback is
    # not in the full-text index, which keeps the test quick; reflections are in it too.
    words = ["ledelse", "møde", "strategi", "medarbejder", "samtale", "budget", "tillid"]
    block = " ".join(rng.choice(words) for _ in range(14_000))[:95_000]
    first = date(2020, 1, 1)
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Ida Holm", "teamleder")
        with journal.atomic():
            for i in range(1_100):
                text = f"{i} {block}"
                journal.add_feedback(
                    Feedback(day=first + timedelta(days=i), role="manager", discipline="self",
                             text=text, ratings=(Rating("self.g1", 1 + i % 5),))
                )  # fmt: skip
            for i in range(50):
                journal.add_reflection(_reflection(rng, first + timedelta(days=i)))
    backup = tmp_path / "backup.json"
    assert main(["export", "--out", str(backup), "--home", str(home)]) == 0
    assert 100 * 2**20 < backup.stat().st_size <= reading.MAX_IMPORT_BYTES
    capsys.readouterr()
    assert main(["import", str(backup), "--home", str(restored)]) == 0
    out = capsys.readouterr().out
    assert out == "Importeret: 50 refleksioner, 0 mål, 1.100 feedback (0 fandtes allerede)\n"
    with Journal.open(home, create=False) as journal:
        original = export_json(journal, now=NOW)
    with Journal.open(restored, create=False) as journal:
        assert export_json(journal, now=NOW) == original


def test_an_export_larger_than_import_reads_is_refused_and_not_written(
    tmp_path: Path, capsys, monkeypatch
):
    home = tmp_path / "journal"
    with Journal.open(home, clock=lambda: NOW) as journal:
        _fill(journal, random.Random(SEED), 50)
    backup = tmp_path / "backup.json"
    backup.write_text("the old backup", encoding="utf-8")
    monkeypatch.setattr(reading, "MAX_IMPORT_BYTES", 10_000)
    assert main(["export", "--out", str(backup), "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "eksporten ville fylde mere end" in err
    assert backup.read_text(encoding="utf-8") == "the old backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "journal"]


def test_a_full_disk_is_one_line_and_leaves_the_old_backup(tmp_path: Path, capsys, monkeypatch):
    home = tmp_path / "journal"
    with Journal.open(home, clock=lambda: NOW) as journal:
        _fill(journal, random.Random(SEED), 20)
    backup = tmp_path / "backup.json"
    backup.write_text("the old backup", encoding="utf-8")

    def disk_full(descriptor: int) -> None:  # where a full disk shows with delayed allocation
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(_files.os, "fsync", disk_full)
    assert main(["export", "--out", str(backup), "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kan ikke skrives" in err and "Traceback" not in err
    assert backup.read_text(encoding="utf-8") == "the old backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "journal"]


KILLED_WRITER = """
import sys, time
from lgtrack._files import open_atomically
with open_atomically(sys.argv[1]) as handle:
    handle.write(b'{"format": "lgtrack-export", "half')
    handle.flush()
    print("writing", flush=True)
    time.sleep(120)
"""


def test_a_killed_export_leaves_the_old_backup_and_the_next_one_cleans_up(tmp_path: Path):
    home = tmp_path / "journal"
    with Journal.open(home, clock=lambda: NOW) as journal:
        _fill(journal, random.Random(SEED), 20)
    backup = tmp_path / "backup.json"
    backup.write_text("the old backup", encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(backup)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline() == "writing\n"
    finally:
        writer.kill()  # kill -9, half-way through the file
        writer.wait()
        writer.stdout.close()
    assert backup.read_text(encoding="utf-8") == "the old backup"
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".backup.json.")]
    assert len(left) == 1 and stat.S_IMODE(left[0].stat().st_mode) == 0o600
    assert main(["export", "--out", str(backup), "--home", str(home)]) == 0
    assert json.loads(backup.read_text(encoding="utf-8"))["format"] == "lgtrack-export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "journal"]
