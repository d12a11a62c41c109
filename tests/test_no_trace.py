"""Erase means erased: after a delete, a forget or a leader's removal, a name is not in the raw
bytes of journal.sqlite, its -wal or its -shm, nor in the full-text index's blocks.

The name is a marker that no other text in these journals shares a letter pattern with. Its
whole words are searched for, and so are the trigrams that the full-text index stores whole
(those that begin with a letter, q, x or w, found nowhere else in the journal: the index stores a
term after one sharing its first letters as just the rest). Every test first checks that the
marker is in the bytes, so that it could fail.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from cli_support import run

from lgtrack import Feedback, Goal, Journal, Leader, Rating, Reflection, coaching
from lgtrack.framework import load_framework
from lgtrack.records import Action, CoachSession

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc)
MARKER = "Qajz Xwyk"  # the texts below use no q, w, x or y, so these bytes come from it alone
NEEDLES = (b"qajz", b"xwyk", b"qaj", b"xwy", b"wyk")
OTHER_ID = "a0a0a0a0-0000-4000-8000-000000000001"
KEPT_ID = "b0b0b0b0-0000-4000-8000-000000000002"


def raw_bytes(home: Path) -> bytes:
    """The database, its WAL and its shared-memory file, lower-cased (ASCII)."""
    parts = [home / f"journal.sqlite{end}" for end in ("", "-wal", "-shm")]
    return b"".join(part.read_bytes() for part in parts if part.exists()).lower()


def traces(home: Path) -> list[bytes]:
    data = raw_bytes(home)
    return [needle for needle in NEEDLES if needle in data]


def fill(journal: Journal, leader_id: str | None, *, coach_notes: bool = True) -> dict[str, str]:
    """Plain entries, and a reflection, a goal with a check-in and a feedback that name the
    marker (with ``coach_notes``, a session note and an action about it too)."""
    ids = {}
    for i in range(30):  # enough text that the index has several segments to merge
        journal.add_reflection(
            Reflection(day=date(2026, 1, 1 + i % 28), disciplines=("self",),
                       text=f"Almindelig dag nummer {i} med planlægning og et godt møde"),
            leader_id=leader_id,
        )  # fmt: skip
    ids["reflection"] = journal.add_reflection(
        Reflection(day=date(2026, 2, 10), disciplines=("people",),
                   text=f"Godt 1:1 med {MARKER} om ferien", next_step=f"Spørg {MARKER} igen",
                   ratings=(Rating("people.g1", 4),)),
        leader_id=leader_id,
    ).id  # fmt: skip
    goal = journal.add_goal(
        Goal(discipline="people", title=f"Støt {MARKER}", why=f"{MARKER} er ny"),
        leader_id=leader_id,
    )
    journal.check_in(goal.id, 40, note=f"Talt med {MARKER}", day=date(2026, 3, 1))
    ids["goal"] = goal.id
    ids["feedback"] = journal.add_feedback(
        Feedback(day=date(2026, 3, 5), role="peer", name=MARKER, discipline="people",
                 text=f"{MARKER} siger: tydelig"),
        leader_id=leader_id,
    ).id  # fmt: skip
    if coach_notes:
        owner = leader_id or journal.require_me().id
        coaching.save_session(
            journal, CoachSession(leader_id=owner, day=date(2026, 3, 9), notes=f"Om {MARKER}")
        )
        coaching.add_action(journal, Action(leader_id=owner, text=f"Ring til {MARKER}"))
    return ids


def leader_journal(home: Path, *, coach_notes: bool = True) -> dict[str, str]:
    """A leader's journal on disk whose entries name the marker; the ids of those entries."""
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Ida Holm", "teamleder")
        return fill(journal, None, coach_notes=coach_notes)


def coach_journal(home: Path) -> None:
    """A coach's journal: a leader whose entries and notes name the marker, and another."""
    version = load_framework("stuk").version
    with Journal.open(home, clock=lambda: NOW) as journal:
        for leader_id, name in ((OTHER_ID, "Ada Berg"), (KEPT_ID, "Bo Dahl")):
            journal.save_leader(
                Leader(id=leader_id, name=name, level="teamleder", framework_id="stuk",
                       framework_version=version, created_at=NOW, updated_at=NOW)
            )  # fmt: skip
        fill(journal, OTHER_ID)
        journal.add_reflection(
            Reflection(day=date(2026, 2, 1), disciplines=("self",), text="Bo har en god dag"),
            leader_id=KEPT_ID,
        )


@pytest.fixture
def witness():
    """Another program with the journal open while a command runs: SQLite then keeps the -wal
    file when the command closes its connection, so the test sees what the command left there."""
    opened = []

    def open_witness(home: Path) -> Journal:
        opened.append(Journal.open(home, create=False))
        return opened[-1]

    yield open_witness
    for journal in opened:
        journal.close()


def test_a_delete_leaves_no_trace(tmp_path, witness, capsys):
    home = tmp_path / "journal"
    ids = leader_journal(home, coach_notes=False)
    other = witness(home)
    assert traces(home) == list(NEEDLES)
    for kind in ("reflection", "goal", "feedback"):
        code, _, err = run(capsys, "delete", kind, ids[kind][:8], "--yes", "--home", str(home))
        assert (code, err) == (0, ""), err
    assert (home / "journal.sqlite-wal").exists()
    assert traces(home) == []
    assert len(other.reflections()) == 30  # the other entries are all there


@pytest.mark.parametrize(("option", "replaced_by"), [("--remove", ""), ("--initials", "Q.X.")])
def test_forgetting_a_name_leaves_no_trace(tmp_path, witness, capsys, option, replaced_by):
    home = tmp_path / "journal"
    ids = leader_journal(home)
    other = witness(home)
    assert traces(home) == list(NEEDLES)
    code, out, err = run(capsys, "forget", MARKER.upper(), option, "--yes", "--home", str(home))
    assert (code, err) == (0, ""), err
    assert traces(home) == []
    reflection = other.get_reflection(ids["reflection"])
    assert reflection.text == " ".join(f"Godt 1:1 med {replaced_by} om ferien".split())
    assert coaching.actions(other, other.require_me().id)[0].text.startswith("Ring til")


def test_removing_a_leader_leaves_no_trace_and_keeps_the_others(tmp_path, witness, capsys):
    home = tmp_path / "coach"
    coach_journal(home)
    other = witness(home)
    assert traces(home) == list(NEEDLES)
    code, out, err = run(capsys, "leaders", "remove", OTHER_ID[:8], "--yes", "--home", str(home))
    assert (code, err) == (0, ""), err
    assert traces(home) == []
    assert [leader.name for leader in other.leaders()] == ["Bo Dahl"]
    assert [r.text for r in other.reflections(leader_id=KEPT_ID)] == ["Bo har en god dag"]
    assert other.reflections(leader_id=OTHER_ID) == []
    assert coaching.sessions(other, OTHER_ID) == [] and coaching.actions(other, OTHER_ID) == []


def test_without_the_scrub_the_index_would_keep_the_words(tmp_path, witness):
    """What the test above would catch: a plain delete leaves the name in the index's old
    segments and in the log, even with secure delete on."""
    home = tmp_path / "journal"
    ids = leader_journal(home, coach_notes=False)
    journal = witness(home)
    with journal.atomic():
        journal.store.reflections.delete(ids["reflection"])
        journal.store.goals.delete(ids["goal"])
        journal.store.feedback.delete(ids["feedback"])
    assert traces(home) != []
    journal.scrub()
    assert traces(home) == []


def test_a_deleted_session_note_leaves_no_trace(tmp_path, witness):
    home = tmp_path / "coach"
    with Journal.open(home, clock=lambda: NOW) as journal:
        me = journal.set_profile("Ida Holm", "teamleder")
        session = coaching.save_session(
            journal, CoachSession(leader_id=me.id, day=date(2026, 3, 9), notes=f"Om {MARKER}")
        )
    other = witness(home)
    assert MARKER.lower().encode() in raw_bytes(home)
    coaching.delete_session(other, session.id)
    assert traces(home) == []


def test_a_name_the_leader_forgets_leaves_the_coachs_disk_with_the_next_bundle(
    tmp_path, witness, capsys
):
    leader, coach, bundle = tmp_path / "leader", tmp_path / "coach", tmp_path / "til-coach.json"
    leader_journal(leader, coach_notes=False)
    for argv in (["share", "--out", str(bundle), "--yes", "--home", str(leader)],
                 ["import", str(bundle), "--home", str(coach)]):  # fmt: skip
        assert run(capsys, *argv)[0] == 0
    coach_copy = witness(coach)
    assert {b"qajz", b"xwyk"} <= set(traces(coach))
    assert run(capsys, "forget", MARKER, "--remove", "--yes", "--home", str(leader))[0] == 0
    for argv in (["share", "--out", str(bundle), "--yes", "--home", str(leader)],
                 ["import", str(bundle), "--home", str(coach)]):  # fmt: skip
        code, _, err = run(capsys, *argv)
        assert (code, err) == (0, ""), err
    assert traces(coach) == []
    assert len(coach_copy.reflections(leader_id=coach_copy.leaders()[0].id)) == 31


def test_words_edited_out_in_the_journal_page_leave_no_trace(tmp_path, witness):
    from pages import JournalBrowserPage

    from lgtrack.ui import JournalBrowser

    home = tmp_path / "journal"
    ids = leader_journal(home, coach_notes=False)
    journal = witness(home)
    # the page does not edit check-in notes: take that one out first
    journal.update_goal(replace(journal.get_goal(ids["goal"]), checkins=()))
    assert traces(home) == list(NEEDLES)
    page = JournalBrowserPage(JournalBrowser(journal))
    for kind, changes in (("reflections", {"text": "Godt 1:1", "next_step": "Spørg igen"}),
                          ("goals", {"title": "Støt den nye", "why": "Ny"}),
                          ("feedback", {"text": "Tydelig", "name": ""})):  # fmt: skip
        page.choose_kind(kind)
        page.open(ids[kind.rstrip("s")])
        page.edit(**changes)
        page.save_changes()
        assert page.status.kind == "ok", page.status.text
    assert traces(home) == []
