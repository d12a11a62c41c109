"""``lgtrack import``: lgtrack and jrnl exports in, idempotent, all or nothing, never two "me"s."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from lgtrack import (
    EntryFilter,
    Feedback,
    Goal,
    ImportFileError,
    Journal,
    Leader,
    LgtrackError,
    Rating,
    Reflection,
    coaching,
)
from lgtrack.cli import main
from lgtrack.coaching import Action, CoachSession
from lgtrack.exchange import (
    EXPORT_VERSION,
    ImportFormat,
    ImportOptions,
    ImportPlan,
    build_export,
    export_json,
    import_file,
    import_formats,
    register_import_format,
)
from lgtrack.exchange import importing as importing_module

NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
DATA = Path(__file__).parent / "data"
JRNL = DATA / "jrnl_export.json"
GOLDEN = DATA / "lgtrack_export_v1.json"
CPH = ZoneInfo("Europe/Copenhagen")
EVERYTHING = EntryFilter(include_private=True)
TABLES = ("leaders", "reflections", "ratings", "goals", "checkins", "feedback", "frameworks")


class Clock:
    """A clock the test moves forward by hand."""

    def __init__(self, start: datetime = NOW):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)


def rows(journal: Journal) -> dict[str, int]:
    return {
        t: journal.store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
    }


def add_reflection(journal: Journal, day: date, text: str, **fields) -> Reflection:
    return journal.add_reflection(Reflection(day=day, disciplines=("people",), text=text, **fields))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def source(clock: Clock) -> Journal:
    """Mette's journal: two reflections (one private), a goal with two check-ins, one feedback."""
    journal = Journal.open(":memory:", clock=clock)
    journal.set_profile("Mette Kjærgård", "teamleder", unit="Kontor for Tilsyn")
    add_reflection(
        journal,
        date(2026, 9, 14),
        "Godt 1:1 – ”mere retning” 🙂\nlinje to",
        ratings=(Rating("people.teamleder.1", 4), Rating("people.g1", None)),
    )
    add_reflection(journal, date(2026, 10, 30), "Holder det for mig selv.", private=True)
    goal = journal.add_goal(Goal(discipline="people", title="Tydeligere prioritering"))
    clock.tick()
    journal.check_in(goal.id, 30, note="Første liste", day=date(2026, 10, 1))
    clock.tick()
    journal.check_in(goal.id, 55, day=date(2026, 10, 29))
    journal.add_feedback(
        Feedback(
            day=date(2026, 10, 20),
            role="manager",
            discipline="people",
            text="Godt arbejde",
            ratings=(Rating("people.teamleder.1", 3),),
        )
    )
    return journal


def save(journal: Journal, path: Path, now: datetime = NOW) -> Path:
    path.write_text(export_json(journal, now=now), encoding="utf-8")
    return path


def by_id(records):
    return sorted(records, key=lambda r: r.id)


def same_records(a: Journal, b: Journal, leader_id: str) -> bool:
    return all(
        by_id(getattr(a, kind)(EVERYTHING, leader_id=leader_id))
        == by_id(getattr(b, kind)(EVERYTHING, leader_id=leader_id))
        for kind in ("reflections", "goals", "feedback")
    )


# -- lgtrack exports -------------------------------------------------------------------------


def test_an_export_restores_every_record_into_a_fresh_journal(source: Journal, tmp_path: Path):
    target = Journal.open(":memory:")
    summary = import_file(target, save(source, tmp_path / "backup.json"))
    assert summary.line() == "imported 2 reflections, 1 goal, 1 feedback (0 already present)"
    assert target.me() == source.me()
    assert same_records(source, target, source.me().id)


def test_importing_the_same_file_twice_adds_nothing(source: Journal, tmp_path: Path):
    path = save(source, tmp_path / "backup.json")
    target = Journal.open(":memory:")
    import_file(target, path)
    after_first = rows(target)
    summary = import_file(target, path)
    assert rows(target) == after_first
    assert summary.line() == "imported 0 reflections, 0 goals, 0 feedback (4 already present)"


def test_importing_my_own_backup_into_my_journal_changes_nothing(source: Journal, tmp_path: Path):
    before, me = rows(source), source.me()
    summary = import_file(source, save(source, tmp_path / "backup.json"))
    assert summary.imported("reflections") == 0 and rows(source) == before and source.me() == me


@pytest.mark.parametrize(
    ("kind", "index", "field", "bad"),
    [
        ("reflections", 1, "day", "2026-02-30"),
        ("feedback", 0, "role", "boss"),
    ],
)
def test_one_bad_record_rejects_the_whole_file(source, clock, tmp_path, kind, index, field, bad):
    add_reflection(source, date(2026, 11, 1), "Tredje refleksion")
    document = build_export(source, now=NOW)
    document[kind][index][field] = bad
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    fresh = Journal.open(":memory:")
    existing = Journal.open(":memory:", clock=clock)
    existing.set_profile("Åse Ø", "kontorchef")
    add_reflection(existing, date(2026, 1, 5), "Min egen")
    for target in (fresh, existing):
        before = build_export(target, now=NOW), rows(target)
        with pytest.raises(ImportFileError, match=rf"{kind}\[{index}\]"):
            import_file(target, path)
        assert (build_export(target, now=NOW), rows(target)) == before
    assert rows(fresh) == dict.fromkeys(TABLES, 0)


def test_a_journal_with_another_me_gets_the_leader_as_someone_else(source, clock, tmp_path):
    target = Journal.open(":memory:", clock=clock)
    mine = target.set_profile("Åse Ø", "kontorchef")
    summary = import_file(target, save(source, tmp_path / "mette.json"))
    assert target.me() == mine
    mette = target.leader(source.me().id)
    assert not mette.is_me and mette.name == "Mette Kjærgård"
    assert (
        target.store.conn.execute("SELECT count(*) FROM leaders WHERE is_me = 1").fetchone()[0] == 1
    )
    assert "'Mette Kjærgård' was added as another leader" in summary.line()
    assert same_records(source, target, mette.id)


def test_a_newer_copy_replaces_an_older_one_but_never_the_reverse(source, clock, tmp_path):
    backup = save(source, tmp_path / "backup.json")
    target = Journal.open(":memory:", clock=clock)
    import_file(target, backup)
    reflection = source.reflections(EVERYTHING)[0]
    clock.tick(60)
    edited_here = target.update_reflection(replace(reflection, text="Rettet på den anden maskine"))
    summary = import_file(target, backup)  # the backup's copy is older
    assert target.get_reflection(reflection.id) == edited_here
    assert summary.line() == "imported 0 reflections, 0 goals, 0 feedback (4 already present)"
    clock.tick(60)
    edited_there = source.update_reflection(replace(reflection, text="Rettet senere – æøå"))
    summary = import_file(target, save(source, tmp_path / "newer.json"))
    assert target.get_reflection(reflection.id).text == edited_there.text
    assert summary.line() == (
        "imported 1 reflection, 0 goals, 0 feedback "
        "(3 already present, 1 updated from newer copies)"
    )


def test_check_ins_on_both_sides_are_merged(source: Journal, clock: Clock, tmp_path: Path):
    target = Journal.open(":memory:", clock=clock)
    import_file(target, save(source, tmp_path / "backup.json"))
    goal_id = source.goals()[0].id
    clock.tick()
    source.check_in(goal_id, 70, note="Derude", day=date(2026, 11, 1))
    target.check_in(goal_id, 65, note="Herhjemme", day=date(2026, 10, 31))
    summary = import_file(target, save(source, tmp_path / "later.json"))
    assert sorted(c.note for c in target.get_goal(goal_id).checkins) == [
        "",
        "Derude",
        "Første liste",
        "Herhjemme",
    ]
    assert summary.imported("goals") == 1


def test_an_id_that_belongs_to_another_leader_here_is_refused(source, clock, tmp_path):
    target = Journal.open(":memory:", clock=clock)
    target.set_profile("Åse Ø", "kontorchef")
    own = add_reflection(target, date(2026, 1, 5), "Min egen")
    document = build_export(source, now=NOW)
    document["reflections"][0]["id"] = own.id
    path = tmp_path / "clash.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = rows(target)
    with pytest.raises(ImportFileError, match="belongs to another leader"):
        import_file(target, path)
    assert rows(target) == before and target.get_reflection(own.id) == own


def _custom_framework(tmp_path: Path, name: str = "Vores kodeks") -> Path:
    text = (Path(__file__).parents[1] / "data" / "frameworks" / "kodeks.yaml").read_text("utf-8")
    text = text.replace("id: kodeks\n", "id: vores-kodeks\n", 1)
    text = text.replace(
        'name: {da: "Kodeks for god offentlig topledelse"', f'name: {{da: "{name}"', 1
    )
    path = tmp_path / f"{name.replace(' ', '-')}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_custom_framework_travels_with_the_export(tmp_path: Path, clock: Clock):
    framework_file = _custom_framework(tmp_path)
    source = Journal.open(":memory:", clock=clock)
    source.set_profile("Bo", None, framework=framework_file)
    source.add_reflection(Reflection(day=date(2026, 3, 1), disciplines=("inward",), text="Indad"))
    path = save(source, tmp_path / "bo.json")
    framework_file.unlink()  # another machine: the framework file is not there
    assert [f["id"] for f in json.loads(path.read_text("utf-8"))["frameworks"]] == ["vores-kodeks"]
    target = Journal.open(":memory:")
    import_file(target, path)
    assert target.framework().id == "vores-kodeks" and target.framework().name.da == "Vores kodeks"
    assert [r.text for r in target.reflections()] == ["Indad"]


def test_a_framework_that_differs_from_this_journals_copy_is_refused(tmp_path: Path, clock: Clock):
    source = Journal.open(":memory:", clock=clock)
    source.set_profile("Bo", None, framework=_custom_framework(tmp_path, "Vores kodeks"))
    path = save(source, tmp_path / "bo.json")
    target = Journal.open(":memory:", clock=clock)
    target.set_profile("Åse", None, framework=_custom_framework(tmp_path, "Vores egen udgave"))
    before = rows(target)
    with pytest.raises(ImportFileError, match="differs from the one this journal uses"):
        import_file(target, path)
    assert rows(target) == before


def test_a_version_1_file_still_imports_exactly():
    target = Journal.open(":memory:")
    summary = import_file(target, GOLDEN)
    assert summary.line() == "imported 2 reflections, 1 goal, 1 feedback (0 already present)"
    me = target.me()
    assert (me.name, me.level, me.unit) == ("Mette Kjærgård", "teamleder", "Kontor for Tilsyn")
    first = target.reflections(EntryFilter(discipline="self"))[0]
    assert first.text.startswith("Tre gode samtaler. Søren bad om ”mere retning”")
    assert first.text.endswith("🙂") and "\n" in first.text
    assert first.ratings == (Rating("people.teamleder.1", 4), Rating("self.g1", None))
    assert first.created_at == datetime(
        2026, 9, 14, 17, 42, 10, 123456, tzinfo=timezone(timedelta(hours=2))
    )
    assert [r.private for r in target.reflections()] == [True, False]
    goal = target.goals()[0]
    assert (goal.progress, len(goal.checkins), goal.due) == (55, 2, date(2026, 12, 31))
    assert target.feedback()[0].ratings == (Rating("people.teamleder.1", 3),)
    original = json.loads(GOLDEN.read_text("utf-8"))
    again = build_export(target, now=datetime.fromisoformat(original["exported_at"]))
    assert again == {
        **original,
        "version": EXPORT_VERSION,
        "leaders": [{**x, "imported_at": None, "share_scope": None} for x in original["leaders"]],
        "coach_sessions": [],
        "coach_actions": [],
        "rounds": [],
        "effect_answers": [],
    }


def test_a_version_1_file_cannot_carry_coach_notes(tmp_path: Path):
    document = json.loads(GOLDEN.read_text("utf-8"))
    document["coach_sessions"] = []
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportFileError, match="unknown field 'coach_sessions'"):
        import_file(Journal.open(":memory:"), path)


# -- a coach's notes (version 2) -------------------------------------------------------------

COACH_TABLES = (*TABLES, "coach_sessions", "coach_actions")
SCOPE = {
    "disciplines": ["people"],
    "from": None,
    "include": ["reflections"],
    "text": False,
    "to": None,
}


def coach_rows(journal: Journal) -> dict[str, int]:
    return {
        t: journal.store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in COACH_TABLES
    }


def origin(journal: Journal, leader_id: str) -> tuple:
    query = "SELECT imported_at, share_scope FROM leaders WHERE id = ?"
    return journal.store.conn.execute(query, (leader_id,)).fetchone()


def imported_leader(journal: Journal, name: str, scope: dict = SCOPE) -> Leader:
    """A leader as a share bundle import leaves it: another leader, with when and what scope."""
    fw = journal.framework()
    now = journal.clock()
    leader = journal.save_leader(
        Leader(
            name=name,
            level="teamleder",
            framework_id=fw.id,
            framework_version=fw.version,
            is_me=False,
            created_at=now,
            updated_at=now,
        )
    )
    journal.store.conn.execute(
        "UPDATE leaders SET imported_at = ?, share_scope = ? WHERE id = ?",
        (now.isoformat(), json.dumps(scope, sort_keys=True), leader.id),
    )
    return leader


@pytest.fixture
def coach(clock: Clock) -> Journal:
    """A coach's journal: Bjørn (imported) with a session and an open action from it."""
    journal = Journal.open(":memory:", clock=clock)
    journal.set_profile("Ida Holm", "kontorchef")
    bjorn = imported_leader(journal, "Bjørn Ærø")
    clock.tick()
    session = coaching.save_session(
        journal, CoachSession(bjorn.id, date(2026, 10, 6), goal="Ro – ”færre møder”")
    )
    coaching.add_action(journal, Action(bjorn.id, "Blokér fredag", session_id=session.id))
    return journal


def only(journal: Journal, kind):
    (leader,) = [x for x in journal.leaders() if not x.is_me]
    return (coaching.sessions if kind == "sessions" else coaching.actions)(journal, leader.id)


def test_a_coachs_notes_merge_newest_wins_and_twice_adds_nothing(coach, clock, tmp_path):
    backup = save(coach, tmp_path / "backup.json")
    target = Journal.open(":memory:", clock=clock)
    import_file(target, backup)
    after_first = coach_rows(target)
    again = import_file(target, backup)
    assert coach_rows(target) == after_first and again.present["coach_sessions"] == 1
    assert sum(again.added.values()) + sum(again.updated.values()) == 0
    clock.tick(60)
    (session,) = only(target, "sessions")
    edited_here = coaching.save_session(target, replace(session, will="Rettet her"))
    import_file(target, backup)  # the backup's copy is older
    assert only(target, "sessions") == [edited_here]
    clock.tick(60)
    (action,) = only(coach, "actions")
    coaching.close_action(coach, action.id, "done", day=date(2026, 10, 20))
    summary = import_file(target, save(coach, tmp_path / "newer.json"))
    assert summary.updated["coach_actions"] == 1
    assert only(target, "actions") == only(coach, "actions")
    assert only(target, "actions")[0].status == "done"


def test_a_leaders_bundle_origin_follows_the_newer_copy(coach, clock, tmp_path):
    bjorn = next(x for x in coach.leaders() if not x.is_me)
    target = Journal.open(":memory:", clock=clock)
    import_file(target, save(coach, tmp_path / "first.json"))
    assert origin(target, bjorn.id) == origin(coach, bjorn.id)
    clock.tick(60)  # a newer bundle from Bjørn reaches the coach's other machine first
    wider = {**SCOPE, "disciplines": ["people", "self"]}
    coach.store.conn.execute(
        "UPDATE leaders SET updated_at = ?, imported_at = ?, share_scope = ? WHERE id = ?",
        (clock.now.isoformat(), clock.now.isoformat(), json.dumps(wider), bjorn.id),
    )
    import_file(target, save(coach, tmp_path / "second.json"))
    assert origin(target, bjorn.id) == (clock.now.isoformat(), json.dumps(wider, sort_keys=True))
    newer_here = origin(target, bjorn.id)
    clock.tick(60)
    target.store.conn.execute(
        "UPDATE leaders SET updated_at = ?, share_scope = ? WHERE id = ?",
        (clock.now.isoformat(), json.dumps(SCOPE, sort_keys=True), bjorn.id),
    )
    import_file(target, save(coach, tmp_path / "third.json"))  # its Bjørn is older now
    assert origin(target, bjorn.id) == (newer_here[0], json.dumps(SCOPE, sort_keys=True))


def test_notes_on_a_leader_this_journal_already_holds_need_not_carry_the_leader(coach, tmp_path):
    document = build_export(coach, now=NOW)
    document["leaders"] = [x for x in document["leaders"] if x["is_me"]]
    path = tmp_path / "notes-only.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert import_file(coach, path).present["coach_actions"] == 1
    with pytest.raises(ImportFileError, match="is not a leader in the file or in this journal"):
        import_file(Journal.open(":memory:"), path)


def _set_in(kind: str, index: int, **values):
    def change(document):
        document[kind][index].update(values)

    return change


HOSTILE_NOTES = {
    "sessions not a list": (
        lambda d: d.update(coach_sessions={"a": 1}),
        "coach_sessions: must be a list",
    ),
    "wrong type": (_set_in("coach_sessions", 0, goal=5), "coach_sessions[0].goal: must be text"),
    "unknown field": (_set_in("coach_sessions", 0, mood="glad"), "unknown field 'mood'"),
    "empty session": (_set_in("coach_sessions", 0, goal=" "), "empty session notes"),
    "impossible day": (_set_in("coach_sessions", 0, day="2026-02-30"), "not a real date"),
    "bad status": (_set_in("coach_actions", 0, status="maybe"), "unknown status 'maybe'"),
    "open but closed_on": (
        _set_in("coach_actions", 0, closed_on="2026-10-20"),
        "must be null for an open action",
    ),
    "done without closed_on": (_set_in("coach_actions", 0, status="done"), "the action is done"),
    "blank action": (_set_in("coach_actions", 0, text="  "), "an action needs a text"),
    "long action": (_set_in("coach_actions", 0, text="æ" * 2_001), "longer than 2,000"),
    "dangling session": (
        _set_in("coach_actions", 0, session_id="00000000-0000-4000-8000-000000000000"),
        "is not a session in the file or in this journal",
    ),
    "unknown leader": (
        _set_in("coach_actions", 0, leader_id="00000000-0000-4000-8000-000000000000"),
        "is not a leader in the file or in this journal",
    ),
    "another leader's session": (
        lambda d: d["coach_actions"][0].update(leader_id=d["leaders"][0]["id"]),
        "is another leader's",
    ),
    "repeated session": (
        lambda d: d["coach_sessions"].append(d["coach_sessions"][0]),
        "appears twice",
    ),
    "imported_at garbage": (_set_in("leaders", 1, imported_at="igår"), "date and time"),
    "share_scope not an object": (_set_in("leaders", 1, share_scope="alt"), "must be an object"),
    "share_scope unknown discipline": (
        _set_in("leaders", 1, share_scope={**SCOPE, "disciplines": ["cooking"]}),
        "unknown discipline 'cooking'",
    ),
}


@pytest.mark.parametrize("name", HOSTILE_NOTES)
def test_a_bad_coach_note_is_one_line_and_changes_nothing(name, coach, clock, tmp_path):
    change, expected = HOSTILE_NOTES[name]
    document = build_export(coach, now=NOW)
    change(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    fresh = Journal.open(":memory:", clock=clock)
    for target in (fresh, coach):
        before = build_export(target, now=NOW), coach_rows(target)
        with pytest.raises(ImportFileError) as caught:
            import_file(target, path)
        assert expected in str(caught.value) and "\n" not in str(caught.value)
        assert (build_export(target, now=NOW), coach_rows(target)) == before
    assert coach_rows(fresh) == dict.fromkeys(COACH_TABLES, 0)


# -- jrnl exports ----------------------------------------------------------------------------


@pytest.fixture
def me_journal(clock: Clock) -> Journal:
    journal = Journal.open(":memory:", clock=clock)
    journal.set_profile("Åse Ø", "teamleder")
    return journal


def jrnl_entries() -> list[dict]:
    return json.loads(JRNL.read_text("utf-8"))["entries"]


def test_jrnl_entries_become_my_reflections(me_journal: Journal):
    summary = import_file(me_journal, JRNL, options=ImportOptions(tz=CPH))
    assert summary.line() == "imported 4 reflections, 0 goals, 0 feedback (0 already present)"
    got = {r.day.isoformat(): r for r in me_journal.reflections()}
    for entry in jrnl_entries():
        r = got[entry["date"]]
        hour, minute = map(int, entry["time"].split(":"))
        assert r.created_at == datetime.fromisoformat(entry["date"]).replace(
            hour=hour, minute=minute, tzinfo=CPH
        )
        expected = entry["title"] + ("\n\n" + entry["body"] if entry["body"] else "")
        assert r.text == expected
        tags = {t.lstrip("@") for t in entry["tags"]} | ({"starred"} if entry["starred"] else set())
        assert set(r.tags) == tags
        assert r.disciplines == ("self",) and r.leader_id == me_journal.me().id
    assert got["2024-01-15"].created_at.utcoffset() == timedelta(hours=1)  # winter time
    assert got["2024-06-12"].created_at.utcoffset() == timedelta(hours=2)  # summer time
    assert got["2024-03-04"].text == "Budgetmødet gik bedre end ventet!"
    assert got["2024-03-04"].tags == ("starred",)
    assert "@medarbejdere" in got["2024-01-15"].text  # tags in the text stay in the text
    assert "🙌" in got["2024-06-12"].text


def test_jrnl_times_can_be_read_as_utc(me_journal: Journal):
    import_file(me_journal, JRNL, options=ImportOptions(tz=timezone.utc))
    first = me_journal.reflections(EntryFilter(since=date(2024, 1, 15), until=date(2024, 1, 15)))[0]
    assert first.created_at == datetime(2024, 1, 15, 8, 45, tzinfo=timezone.utc)


def test_jrnl_times_default_to_this_machines_zone_with_summer_time(me_journal, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    try:
        import_file(me_journal, JRNL)
    finally:
        monkeypatch.undo()
        time.tzset()
    offsets = {r.day.month: r.created_at.utcoffset() for r in me_journal.reflections()}
    assert offsets == {
        1: timedelta(hours=1),
        3: timedelta(hours=1),
        6: timedelta(hours=2),
        8: timedelta(hours=2),
    }


def test_jrnl_discipline_is_chosen_on_import(me_journal: Journal):
    import_file(me_journal, JRNL, options=ImportOptions(discipline="people", tz=CPH))
    assert {r.disciplines for r in me_journal.reflections()} == {("people",)}


def test_jrnl_unknown_discipline_is_one_line_and_writes_nothing(me_journal: Journal):
    before = rows(me_journal)
    with pytest.raises(LgtrackError, match="unknown discipline 'cooking'"):
        import_file(me_journal, JRNL, options=ImportOptions(discipline="cooking"))
    assert rows(me_journal) == before


def test_jrnl_default_discipline_is_the_first_without_self(tmp_path: Path, clock: Clock):
    journal = Journal.open(":memory:", clock=clock)
    journal.set_profile("Bo", None, framework="kodeks")
    import_file(journal, JRNL, options=ImportOptions(tz=CPH))
    assert {r.disciplines for r in journal.reflections()} == {("upward",)}


def test_jrnl_import_needs_a_profile():
    journal = Journal.open(":memory:")
    with pytest.raises(ImportFileError, match="create your profile first"):
        import_file(journal, JRNL)
    assert rows(journal) == dict.fromkeys(TABLES, 0)


def test_jrnl_import_twice_adds_nothing(me_journal: Journal):
    import_file(me_journal, JRNL, options=ImportOptions(tz=CPH))
    before = rows(me_journal)
    summary = import_file(me_journal, JRNL, options=ImportOptions(tz=CPH))
    assert rows(me_journal) == before
    assert summary.line() == "imported 0 reflections, 0 goals, 0 feedback (4 already present)"


def test_an_entry_the_jrnl_file_repeats_is_imported_once(me_journal: Journal, tmp_path: Path):
    entries = jrnl_entries()
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps({"tags": {}, "entries": entries + entries[:1]}), encoding="utf-8")
    summary = import_file(me_journal, path, options=ImportOptions(tz=CPH))
    assert summary.line() == "imported 4 reflections, 0 goals, 0 feedback (1 already present)"


# -- the format registry ---------------------------------------------------------------------


def test_the_built_in_formats_are_registered_by_name():
    assert {"lgtrack-export", "jrnl"} <= set(import_formats())


def test_a_new_format_is_added_by_registering_it(me_journal, tmp_path, monkeypatch):
    monkeypatch.setattr(importing_module, "_FORMATS", dict(importing_module._FORMATS))

    def plan(journal, document, options):
        texts = document["notes"]
        return ImportPlan(
            reflections=[
                replace(
                    Reflection(day=date(2026, 1, 1), disciplines=("self",), text=text),
                    leader_id=journal.me().id,
                    created_at=NOW,
                    updated_at=NOW,
                )
                for text in texts
            ]
        )

    register_import_format(ImportFormat("test-bundle", plan))
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps({"format": "test-bundle", "notes": ["én", "to"]}), encoding="utf-8")
    assert import_file(me_journal, path).imported("reflections") == 2
    assert sorted(r.text for r in me_journal.reflections()) == ["to", "én"]


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    with Journal.open(home, clock=Clock()) as journal:
        journal.set_profile("Åse Ø", "teamleder")
    return home


def test_cli_import_prints_a_one_line_summary(home: Path, capsys):
    assert main(["import", str(JRNL), "--home", str(home)]) == 0
    out = capsys.readouterr().out
    assert out == "Importeret: 4 refleksioner, 0 mål, 0 feedback (0 fandtes allerede)\n"  # Danish


def test_cli_jrnl_options(home: Path, capsys):
    assert main(["import", str(JRNL), "--home", str(home), "--discipline", "people", "--utc"]) == 0
    with Journal.open(home, create=False) as journal:
        reflections = journal.reflections()
    assert {r.disciplines for r in reflections} == {("people",)}
    assert {r.created_at.utcoffset() for r in reflections} == {timedelta(0)}


def test_cli_unknown_discipline_is_one_line(home: Path, capsys):
    assert main(["import", str(JRNL), "--home", str(home), "--discipline", "cooking"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "ukendt disciplin 'cooking'" in err[0]  # the profile is Danish


def test_cli_import_restores_a_backup_into_a_new_home(source: Journal, tmp_path: Path, capsys):
    backup = save(source, tmp_path / "backup.json")
    new_home = tmp_path / "new-machine"
    assert main(["import", str(backup), "--home", str(new_home)]) == 0
    assert capsys.readouterr().out.startswith("Importeret: 2 refleksioner, 1 mål, 1 feedback")
    with Journal.open(new_home, create=False) as restored:
        assert restored.me() == source.me()
        assert same_records(source, restored, source.me().id)
    assert sqlite3.connect(new_home / "journal.sqlite").execute(
        "PRAGMA integrity_check"
    ).fetchone() == ("ok",)
