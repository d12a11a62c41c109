"""Export → import gives back the very same journal, whatever it holds (property-based)."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgtrack import (
    EntryFilter,
    Feedback,
    Goal,
    Journal,
    Leader,
    Rating,
    Reflection,
    coaching,
    load_framework,
)
from lgtrack.coaching import Action, CoachSession
from lgtrack.exchange import export_json, import_file
from lgtrack.records import FEEDBACK_ROLES
from lgtrack.sharing.format import ShareScope

FW = load_framework("stuk")
NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
EVERYTHING = EntryFilter(include_private=True)

ZONES = [
    timezone.utc,
    timezone(timedelta(hours=1)),
    timezone(timedelta(hours=2)),
    timezone(timedelta(hours=-5, minutes=-30)),
]
moments = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2099, 12, 31),
    timezones=st.sampled_from(ZONES),
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
PIECES = [
    "æøå",
    "ÆØÅ",
    "”citat”",
    "“det store billede”",
    "– tankestreg …",
    "😊",
    "🙌🏽",
    "\n",
    "\r\n",
    "\t",
    " ",
    "Godt møde",
    "næste skridt",
    "1:1",
    "#hashtag",
    "@navn",
    "=SUM(A1)",
    "\u2028",
]
free_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20
)
texts = st.lists(st.one_of(st.sampled_from(PIECES), free_text), max_size=6).map("".join)
words = st.sampled_from(["Møde", "Ærlighed", "Ønske", "Åbenhed", "Retning", "Tillid"])
non_blank = st.tuples(words, texts).map(lambda pair: pair[0] + pair[1])
tags = st.text(st.sampled_from("abcæøåxyz-_1"), min_size=1, max_size=12)
names = st.sampled_from(["Åse Ø", "Bjørn Ærø", "Maja Lund", "Søren Kjær", "Ida Holm"])


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def _ratings(draw, behaviours: list[str]) -> tuple[Rating, ...]:
    chosen = draw(st.lists(st.sampled_from(behaviours), unique=True, max_size=4))
    return tuple(Rating(b, draw(st.one_of(st.none(), st.integers(1, 5)))) for b in chosen)


def _behaviours(level: str, disciplines) -> list[str]:
    return [b.id for d in disciplines for b in FW.discipline(d).behaviours_for(level)]


def _add_reflection(draw, journal: Journal, leader: Leader) -> None:
    disciplines = draw(
        st.lists(st.sampled_from(FW.discipline_ids), min_size=1, max_size=3, unique=True)
    )
    journal.add_reflection(
        Reflection(
            day=draw(days),
            disciplines=tuple(disciplines),
            text=draw(non_blank),
            prompt=draw(texts),
            next_step=draw(texts),
            ratings=_ratings(draw, _behaviours(leader.level, disciplines)),
            wellbeing=draw(st.one_of(st.none(), st.integers(1, 5))),
            energy=draw(st.one_of(st.none(), st.integers(1, 5))),
            tags=tuple(draw(st.lists(tags, max_size=3))),
            private=draw(st.booleans()),
        ),
        leader_id=leader.id,
    )


def _add_goal(draw, journal: Journal, leader: Leader, clock: Clock) -> None:
    discipline = draw(st.sampled_from(FW.discipline_ids))
    behaviours = draw(
        st.lists(st.sampled_from(_behaviours(leader.level, [discipline])), unique=True, max_size=3)
    )
    goal = journal.add_goal(
        Goal(
            discipline=discipline,
            title=draw(non_blank).strip() or "Mål",
            behaviours=tuple(behaviours),
            why=draw(texts),
            success=draw(texts),
            due=draw(st.one_of(st.none(), days)),
            private=draw(st.booleans()),
        ),
        leader_id=leader.id,
    )
    for _ in range(draw(st.integers(0, 3))):
        clock.now = draw(moments)
        journal.check_in(goal.id, draw(st.integers(0, 100)), note=draw(texts), day=draw(days))
    if draw(st.booleans()):
        clock.now = draw(moments)
        journal.close_goal(goal.id, draw(st.sampled_from(["achieved", "dropped"])), day=draw(days))


def _add_feedback(draw, journal: Journal, leader: Leader) -> None:
    discipline = draw(st.sampled_from(FW.discipline_ids))
    journal.add_feedback(
        Feedback(
            day=draw(days),
            role=draw(st.sampled_from(FEEDBACK_ROLES)),
            discipline=discipline,
            text=draw(non_blank),
            name=draw(texts),
            private=draw(st.booleans()),
            ratings=_ratings(draw, _behaviours(leader.level, [discipline])),
        ),
        leader_id=leader.id,
    )


def _add_coach_notes(draw, journal: Journal, leader: Leader, clock: Clock) -> None:
    """A bundle origin, GROW sessions and actions (some closed) for a leader I coach."""
    if draw(st.booleans()):
        scope = ShareScope(
            since=draw(st.one_of(st.none(), days)),
            disciplines=tuple(draw(st.lists(st.sampled_from(FW.discipline_ids), unique=True))),
            text=draw(st.booleans()),
        )
        mark_imported(journal, leader.id, draw(moments), scope)
    session_ids = [None]
    for _ in range(draw(st.integers(0, 2))):
        clock.now = draw(moments)
        session = CoachSession(leader.id, draw(days), goal=draw(non_blank), will=draw(texts))
        session_ids.append(coaching.save_session(journal, session).id)
    for _ in range(draw(st.integers(0, 3))):
        clock.now = draw(moments)
        action = Action(
            leader.id,
            draw(non_blank),
            due=draw(st.one_of(st.none(), days)),
            session_id=draw(st.sampled_from(session_ids)),
        )
        action = coaching.add_action(journal, action)
        if draw(st.booleans()):
            clock.now = draw(moments)
            status = draw(st.sampled_from(["done", "dropped"]))
            coaching.close_action(journal, action.id, status, day=draw(days))


def mark_imported(journal: Journal, leader_id: str, moment: datetime, scope: ShareScope) -> None:
    """What a share bundle import leaves on its leader: when, and the bundle's scope."""
    leader = journal.leader(leader_id)
    origin = {"imported_at": moment, "share_scope": scope.checked(FW).to_json()}
    journal.save_leader(replace(leader, **origin))


def random_journal(draw) -> Journal:
    """Me and up to two other leaders, each with reflections, goals (check-ins) and feedback;
    the others (leaders I coach) with coach's notes too."""
    clock = Clock()
    journal = Journal.open(":memory:", clock=clock)
    clock.now = draw(moments)
    leaders = [
        journal.set_profile(
            draw(names),
            draw(st.sampled_from(FW.level_ids)),
            lang=draw(st.sampled_from(["da", "en"])),
            unit=draw(texts).strip(),
        )
    ]
    for _ in range(draw(st.integers(0, 2))):
        moment = draw(moments)
        leaders.append(
            journal.save_leader(
                Leader(
                    name=draw(names),
                    level=draw(st.sampled_from(FW.level_ids)),
                    framework_id=FW.id,
                    framework_version=FW.version,
                    created_at=moment,
                    updated_at=moment,
                )
            )
        )
    for leader in leaders:
        for add, most in ((_add_reflection, 4), (_add_feedback, 2)):
            for _ in range(draw(st.integers(0, most))):
                clock.now = draw(moments)
                add(draw, journal, leader)
        for _ in range(draw(st.integers(0, 2))):
            clock.now = draw(moments)
            _add_goal(draw, journal, leader, clock)
        if not leader.is_me:
            _add_coach_notes(draw, journal, leader, clock)
    return journal


def contents(journal: Journal) -> dict:
    """Every record of every leader, in an order that does not depend on storage."""
    result = {"leaders": sorted(journal.leaders(), key=lambda x: x.id)}
    for leader in journal.leaders():
        for kind in ("reflections", "goals", "feedback"):
            records = getattr(journal, kind)(EVERYTHING, leader_id=leader.id)
            if kind == "goals":
                records = [
                    replace(g, checkins=tuple(sorted(g.checkins, key=lambda c: c.id)))
                    for g in records
                ]
            result[f"{kind}:{leader.id}"] = sorted(records, key=lambda r: r.id)
        result[f"sessions:{leader.id}"] = sorted(coaching.sessions(journal, leader.id), key=_id)
        result[f"actions:{leader.id}"] = sorted(coaching.actions(journal, leader.id), key=_id)
    result["origins"] = [  # as text: the same instant in another zone is not the same
        (x.id, x.imported_at and x.imported_at.isoformat(), x.share_scope)
        for x in sorted(journal.leaders(), key=_id)
    ]
    return result


def _id(record) -> str:
    return record.id


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_export_then_import_gives_the_identical_journal(data):
    source = random_journal(data.draw)
    exported = export_json(source, now=NOW)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_text(exported, encoding="utf-8")
        target = Journal.open(":memory:")
        summary = import_file(target, path)
        assert contents(target) == contents(source)
        assert export_json(target, now=NOW) == exported
        counts = json.loads(exported)
        assert summary.imported("reflections") == len(counts["reflections"])
        assert summary.imported("goals") == len(counts["goals"])
        assert summary.imported("coach_sessions") == len(counts["coach_sessions"])
        assert summary.imported("coach_actions") == len(counts["coach_actions"])
        again = import_file(target, path)
        assert sum(again.added.values()) + sum(again.updated.values()) == 0
        assert contents(target) == contents(source)


def test_private_entries_and_dont_know_survive_the_round_trip(tmp_path: Path):
    source = Journal.open(":memory:", clock=Clock())
    source.set_profile("Åse Ø", "teamleder")
    source.add_reflection(
        Reflection(
            day=date(2026, 10, 1),
            disciplines=("self",),
            private=True,
            text="Kun til mig – ”æøå” 😊",
            ratings=(Rating("self.g1", None),),
        )
    )
    path = tmp_path / "backup.json"
    path.write_text(export_json(source, now=NOW), encoding="utf-8")
    target = Journal.open(":memory:")
    import_file(target, path)
    (restored,) = target.reflections(EVERYTHING)
    assert restored == source.reflections(EVERYTHING)[0]
    assert restored.private and restored.ratings == (Rating("self.g1", None),)


# -- a coach's journal -----------------------------------------------------------------------

GROW = {
    "goal": "Mere ro i ugen – ”færre brandslukninger”",
    "reality": "Æblet falder ikke langt fra stammen; øen og åen 😊\nAnden linje",
    "options": "<script>alert('x')</script> & <b>fed</b>",
    "will": "Blokér fredag formiddag",
}


def coach_journal() -> Journal:
    """A coach with two leaders imported from bundles: sessions, open and closed actions."""
    clock = Clock()
    journal = Journal.open(":memory:", clock=clock)
    journal.set_profile("Ida Holm", "kontorchef")
    for number, (name, level) in enumerate(
        (("Bjørn Ærø", "teamleder"), ("Maja Lund", "kontorchef"))
    ):
        moment = NOW - timedelta(days=30 - number)
        leader = journal.save_leader(
            Leader(
                name=name,
                level=level,
                framework_id=FW.id,
                framework_version=FW.version,
                is_me=False,
                created_at=moment,
                updated_at=moment,
            )
        )
        scope = ShareScope(since=date(2026, 1, 1), disciplines=("people", "self"), text=number == 0)
        mark_imported(journal, leader.id, moment.astimezone(ZONES[2]), scope)
        clock.now = moment + timedelta(days=1)
        first = coaching.save_session(journal, CoachSession(leader.id, date(2026, 10, 6), **GROW))
        clock.now += timedelta(days=7)
        second = coaching.save_session(
            journal, CoachSession(leader.id, date(2026, 10, 13), notes="Kort opfølgning – ”ok”")
        )
        kept = coaching.add_action(journal, Action(leader.id, "Tal med Søren", session_id=first.id))
        coaching.add_action(journal, Action(leader.id, "Læs <script>-bogen", due=date(2026, 12, 1)))
        clock.now += timedelta(hours=3)
        coaching.close_action(journal, kept.id, "done", day=date(2026, 10, 20))
        dropped = coaching.add_action(journal, Action(leader.id, "Drop mig", session_id=second.id))
        coaching.close_action(journal, dropped.id, "dropped")
    return journal


def test_a_coach_journal_survives_export_and_import(tmp_path: Path):
    source = coach_journal()
    exported = export_json(source, now=NOW)
    path = tmp_path / "coach.json"
    path.write_text(exported, encoding="utf-8")
    target = Journal.open(":memory:")
    summary = import_file(target, path)
    assert contents(target) == contents(source)
    others = [leader for leader in source.leaders() if not leader.is_me]
    for leader in others:
        sessions = coaching.sessions(target, leader.id)
        assert [s.id for s in sessions] == [s.id for s in coaching.sessions(source, leader.id)]
        assert sessions[-1].options == GROW["options"] and "øen og åen 😊" in sessions[-1].reality
        statuses = sorted(a.status for a in coaching.actions(target, leader.id))
        assert statuses == ["done", "dropped", "open"]
    imported = target.store.conn.execute(
        "SELECT imported_at, share_scope FROM leaders WHERE is_me = 0 ORDER BY name"
    ).fetchall()
    assert [row[0][:10] for row in imported] == ["2026-10-03", "2026-10-04"]
    assert json.loads(imported[0][1])["disciplines"] == ["people", "self"]
    assert export_json(target, now=NOW) == exported
    assert summary.line().startswith(
        "imported 0 reflections, 0 goals, 0 feedback, 4 coach sessions, 6 actions"
    )
    again = import_file(target, path)
    assert sum(again.added.values()) + sum(again.updated.values()) == 0
    assert contents(target) == contents(source)
