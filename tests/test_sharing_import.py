"""The coach's side: ``lgtrack import BUNDLE`` mirrors a bundle into the coach's own journal."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sharing_support import NOW, Clock, leader_journal, snapshot, write_json

from lgtrack import EntryFilter, ImportFileError, Journal, Reflection
from lgtrack.coaching import Action, CoachSession, actions, add_action, save_session, sessions
from lgtrack.exchange import import_file
from lgtrack.sharing import ShareScope, build_bundle, leader_overview, stored_scope

IMPORTED_AT = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
EVERYTHING = EntryFilter(include_private=True)


@pytest.fixture
def coach():
    journal = Journal.open(":memory:", clock=Clock(IMPORTED_AT))
    yield journal
    journal.close()


@pytest.fixture
def ida():
    sample = leader_journal("Ida Holm")
    yield sample
    sample.journal.close()


def share(sample, tmp_path, name="bundle.json", *, now=NOW, **scope):
    bundle = build_bundle(sample.journal, ShareScope(**scope), now=now)
    return write_json(tmp_path / name, bundle)


def counts(journal: Journal, leader_id: str) -> tuple[int, int, int]:
    return (
        len(journal.reflections(EVERYTHING, leader_id=leader_id)),
        len(journal.goals(EVERYTHING, leader_id=leader_id)),
        len(journal.feedback(EVERYTHING, leader_id=leader_id)),
    )


def test_a_bundle_imports_into_a_coach_journal_without_a_profile(coach, ida, tmp_path):
    summary = import_file(coach, share(ida, tmp_path))
    assert coach.me() is None
    [leader] = coach.leaders()
    me = ida.journal.me()
    assert (leader.id, leader.name, leader.level, leader.is_me) == (
        me.id, "Ida Holm", "teamleder", False,
    )  # fmt: skip
    assert counts(coach, leader.id) == (3, 2, 1)
    assert summary.added == {"leaders": 1, "reflections": 3, "goals": 2, "feedback": 1}
    assert "3 reflections, 2 goals, 1 feedback" in summary.line()
    [entry] = leader_overview(coach)
    assert entry["imported_at"] == IMPORTED_AT.isoformat()
    assert stored_scope(coach, leader.id) == {
        "from": None, "to": None, "text": True, "include": ["reflections", "goals", "feedback"],
        "disciplines": ["strategic", "operational", "professional", "people", "self"],
    }  # fmt: skip
    reflection = coach.get_reflection(ida.ids["r_people"])
    assert reflection.text == "Godt 1:1 med <b>Bo</b> & co"
    assert reflection.tags == ("1-1", "møde") and reflection.wellbeing == 4
    goal = coach.get_goal(ida.ids["g_people"])
    assert goal.progress == 60 and [c.note for c in goal.checkins] == ["Halvvejs", "Godt i gang"]
    assert goal.created_at.date() == date(2026, 2, 1)
    assert coach.get_goal(ida.ids["g_strategic"]).closed_on == date(2026, 1, 31)


def test_importing_the_same_bundle_again_changes_nothing(coach, ida, tmp_path):
    path = share(ida, tmp_path)
    import_file(coach, path)
    before = snapshot(coach.store.conn)
    summary = import_file(coach, path)
    assert summary.added == dict.fromkeys(("leaders", "reflections", "goals", "feedback"), 0)
    assert sum(summary.unchanged.values()) == 6 and sum(summary.removed.values()) == 0
    after = snapshot(coach.store.conn)
    assert {k: v for k, v in after.items() if k != "leaders"} == {
        k: v for k, v in before.items() if k != "leaders"
    }
    assert counts(coach, ida.journal.me().id) == (3, 2, 1)


def test_an_updated_bundle_updates_the_leader_in_place(coach, ida, tmp_path):
    import_file(coach, share(ida, tmp_path, "first.json"))
    journal, ids = ida.journal, ida.ids
    changed = replace(journal.get_reflection(ids["r_strategic"]), text="Ny strategitekst")
    journal.update_reflection(changed)
    journal.delete_feedback(ids["f_people"])
    journal.update_goal(replace(journal.get_goal(ids["g_strategic"]), private=True))
    added = journal.add_reflection(
        Reflection(day=date(2026, 5, 1), disciplines=("self",), text="Ny refleksion")
    )
    journal.set_profile("Ida H.", "kontorchef")
    summary = import_file(coach, share(ida, tmp_path, "second.json", now=NOW + timedelta(days=7)))
    me = journal.me()
    [leader] = coach.leaders()
    assert (leader.name, leader.level) == ("Ida H.", "kontorchef")
    assert coach.get_reflection(ids["r_strategic"]).text == "Ny strategitekst"
    assert coach.get_reflection(added.id).text == "Ny refleksion"
    assert {f.id for f in coach.feedback(EVERYTHING, leader_id=me.id)} == set()
    assert {g.id for g in coach.goals(EVERYTHING, leader_id=me.id)} == {ids["g_people"]}
    assert counts(coach, me.id) == (4, 1, 0)  # no duplicates
    assert summary.removed == {"reflections": 0, "goals": 1, "feedback": 1}
    assert summary.updated["reflections"] == 1 and summary.added["reflections"] == 1


def test_records_outside_the_new_scope_are_kept(coach, ida, tmp_path):
    import_file(coach, share(ida, tmp_path, "all.json"))
    spring = share(ida, tmp_path, "spring.json", now=NOW + timedelta(days=1),
                   since=date(2026, 3, 1), disciplines=("strategic",))  # fmt: skip
    summary = import_file(coach, spring)
    assert sum(summary.removed.values()) == 0
    assert counts(coach, ida.journal.me().id) == (3, 2, 1)
    assert stored_scope(coach, ida.journal.me().id)["from"] == "2026-03-01"


def test_a_reflection_deleted_within_the_scope_is_removed(coach, ida, tmp_path):
    import_file(coach, share(ida, tmp_path, "one.json", include=("reflections",)))
    ida.journal.delete_reflection(ida.ids["r_text_only"])
    ida.journal.update_reflection(
        replace(ida.journal.get_reflection(ida.ids["r_people"]), private=True)
    )
    later = NOW + timedelta(days=1)
    import_file(coach, share(ida, tmp_path, "two.json", now=later, include=("reflections",)))
    assert [r.id for r in coach.reflections(leader_id=ida.journal.me().id)] == [
        ida.ids["r_strategic"]
    ]


def test_a_bundle_without_text_leaves_no_text_behind(coach, ida, tmp_path):
    import_file(coach, share(ida, tmp_path, "text.json"))
    later = NOW + timedelta(days=1)
    import_file(coach, share(ida, tmp_path, "plain.json", now=later, text=False))
    leader_id = ida.journal.me().id
    for r in coach.reflections(leader_id=leader_id):
        assert (r.text, r.prompt, r.next_step, r.tags, r.wellbeing) == ("", "", "", (), None)
    assert all(f.text == f.name == "" for f in coach.feedback(leader_id=leader_id))
    goal = coach.get_goal(ida.ids["g_people"])
    assert (goal.title, goal.why, goal.success) == ("Ugentlige 1:1", "", "")
    assert [c.note for c in goal.checkins] == ["", ""] and goal.progress == 60
    # a reflection that only had text still counts (engagement), with nothing in it
    assert coach.get_reflection(ida.ids["r_text_only"]).disciplines == ("operational",)


def test_two_leaders_sit_side_by_side(coach, ida, tmp_path):
    bo = leader_journal("Bo Berg")
    try:
        import_file(coach, share(ida, tmp_path, "ida.json"))
        import_file(coach, share(bo, tmp_path, "bo.json", text=False))
        assert sorted(leader.name for leader in coach.leaders()) == ["Bo Berg", "Ida Holm"]
        for sample in (ida, bo):
            assert counts(coach, sample.journal.me().id) == (3, 2, 1)
        import_file(coach, share(ida, tmp_path, "ida2.json", now=NOW + timedelta(days=1)))
        assert counts(coach, bo.journal.me().id) == (3, 2, 1)
    finally:
        bo.journal.close()


def test_the_coach_notes_survive_every_import(coach, ida, tmp_path):
    import_file(coach, share(ida, tmp_path, "one.json"))
    leader_id = ida.journal.me().id
    save_session(coach, CoachSession(leader_id=leader_id, day=date(2026, 11, 3), goal="1:1"))
    add_action(coach, Action(leader_id=leader_id, text="Book 1:1 med hele teamet"))
    ida.journal.delete_goal(ida.ids["g_people"])
    import_file(coach, share(ida, tmp_path, "two.json", now=NOW + timedelta(days=2)))
    assert [s.goal for s in sessions(coach, leader_id)] == ["1:1"]
    assert [a.text for a in actions(coach, leader_id)] == ["Book 1:1 med hele teamet"]


def test_a_leader_importing_her_own_bundle_is_refused(ida, tmp_path):
    path = share(ida, tmp_path)
    before = snapshot(ida.journal.store.conn)
    with pytest.raises(ImportFileError, match="your own share bundle") as caught:
        import_file(ida.journal, path)
    assert "\n" not in str(caught.value)
    assert snapshot(ida.journal.store.conn) == before


def test_an_older_bundle_than_the_last_one_is_refused(coach, ida, tmp_path):
    old = share(ida, tmp_path, "old.json")
    import_file(coach, share(ida, tmp_path, "new.json", now=NOW + timedelta(days=3)))
    before = snapshot(coach.store.conn)
    with pytest.raises(ImportFileError, match="older than the one already imported"):
        import_file(coach, old)
    assert snapshot(coach.store.conn) == before


def test_html_in_a_bundle_is_kept_as_text_and_escaped_where_shown(coach, ida, tmp_path):
    from lgtrack.ui._html import reflection_html

    hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    journal = ida.journal
    journal.update_reflection(replace(journal.get_reflection(ida.ids["r_people"]), text=hostile))
    journal.set_profile("<b>Ida</b>", "teamleder")
    import_file(coach, share(ida, tmp_path))
    stored = coach.get_reflection(ida.ids["r_people"])
    assert stored.text == hostile
    shown = reflection_html(coach.framework_for(coach.leaders()[0]), stored, "da")
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert coach.leaders()[0].name == "<b>Ida</b>"


def test_a_bundle_from_a_framework_kept_in_the_coach_journal_is_accepted(coach, ida, tmp_path):
    from sharing_support import resealed

    bundle = json.loads(share(ida, tmp_path).read_text(encoding="utf-8"))
    source = Path(ida.journal.framework().path).read_text(encoding="utf-8")
    custom = source.replace("\nid: stuk", "\nid: acme", 1)
    assert custom != source
    coach.store.conn.execute(
        "INSERT INTO frameworks (id, version, source) VALUES ('acme', '1.0', ?)", (custom,)
    )
    bundle["framework"]["id"] = "acme"
    bundle = resealed(bundle)  # the leader's own journal signs it again
    summary = import_file(coach, write_json(tmp_path / "acme.json", bundle))
    assert summary.added["reflections"] == 3
    assert coach.leaders()[0].framework_id == "acme"
