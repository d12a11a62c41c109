"""The journal API: reflections, goals and feedback in, filtered lists out, bad input refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from lgtrack import (
    EntryFilter,
    Feedback,
    Goal,
    Journal,
    Leader,
    NotFoundError,
    Rating,
    Reflection,
    ValidationError,
)
from lgtrack._time import parse_day

DANISH = "Vi talte om ”trivsel” – og ÆØÅ/æøå skal overleve: Søren, Åse og Øjvind."
TABLES = (
    "leaders", "reflections", "reflection_disciplines", "reflection_tags", "ratings", "goals",
    "goal_behaviours", "checkins", "feedback",
)  # fmt: skip


class TickingClock:
    """A fixed clock that moves one minute forward each time it is read."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)):
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def journal():
    with Journal.open(":memory:", clock=TickingClock()) as j:
        j.set_profile("Åse Østergård", "teamleder", unit="Kontor for Økonomi")
        yield j


def _snapshot(journal: Journal) -> dict[str, list[tuple]]:
    return {t: sorted(map(repr, journal.store.conn.execute(f"SELECT * FROM {t}"))) for t in TABLES}


def _reflection(**fields) -> Reflection:
    base = {"day": date(2026, 3, 2), "disciplines": ("self",), "text": "Noget at tænke over"}
    return Reflection(**{**base, **fields})


# -- reflections ---------------------------------------------------------------------------------


def test_add_and_get_a_reflection_with_everything(journal):
    stored = journal.add_reflection(
        Reflection(
            day=date(2026, 3, 1),
            disciplines=("self", "people", "self"),
            prompt="Hvad gik godt?",
            text=DANISH,
            next_step="Book møde – torsdag",
            ratings=(Rating("people.teamleder.1", 4), Rating("self.g2", None)),
            wellbeing=4,
            energy=2,
            tags=("trivsel", "1til1"),
            private=True,
        )
    )
    got = journal.get_reflection(stored.id)
    assert got == stored
    assert got.text == DANISH
    assert got.disciplines == ("people", "self")
    assert got.tags == ("1til1", "trivsel")
    assert got.ratings == (Rating("people.teamleder.1", 4), Rating("self.g2", None))
    assert got.leader_id == journal.me().id
    assert got.level == "teamleder"
    assert got.framework_version == journal.framework().version
    assert got.created_at is not None and got.created_at.tzinfo is not None


def test_update_a_reflection_keeps_its_id_and_creation_time(journal):
    stored = journal.add_reflection(_reflection(tags=("a",)))
    changed = journal.update_reflection(
        replace(stored, text="Ny tekst", tags=("b",), ratings=(Rating("self.g1", 5),))
    )
    got = journal.get_reflection(stored.id)
    assert got == changed
    assert (got.text, got.tags, got.ratings) == ("Ny tekst", ("b",), (Rating("self.g1", 5),))
    assert got.created_at == stored.created_at
    assert got.updated_at > stored.updated_at
    assert len(journal.reflections()) == 1


def test_delete_a_reflection(journal):
    keep = journal.add_reflection(_reflection(text="bliver"))
    gone = journal.add_reflection(_reflection(text="slettes"))
    journal.delete_reflection(gone.id)
    assert [r.id for r in journal.reflections()] == [keep.id]
    with pytest.raises(NotFoundError):
        journal.get_reflection(gone.id)
    with pytest.raises(NotFoundError):
        journal.delete_reflection(gone.id)
    with pytest.raises(NotFoundError):
        journal.update_reflection(replace(gone, text="igen"))


def test_reflections_come_newest_first(journal):
    days = [date(2025, 1, 3), date(2026, 2, 1), date(2024, 7, 9)]
    for day in days:
        journal.add_reflection(_reflection(day=day, text=str(day)))
    assert [r.day for r in journal.reflections()] == sorted(days, reverse=True)


# -- filters -------------------------------------------------------------------------------------


@pytest.fixture
def filled(journal):
    rows = [
        ("a", date(2025, 12, 31), ("self",), ("ledelse",), "Årsafslutning", ("self.g1", 3), 0),
        ("b", date(2026, 1, 1), ("people",), ("trivsel", "1til1"), "ØKONOMI og ÆBLER", None, 0),
        ("c", date(2026, 1, 15), ("people", "self"), ("trivsel",), "Kaffe med Ærø",
         ("people.g1", None), 0),
        ("d", date(2026, 1, 31), ("strategic",), (), "Strategi i Århus", ("strategic.g2", 5), 1),
        ("e", date(2026, 2, 1), ("operational",), ("drift",), "Drift og økonomi", None, 0),
    ]  # fmt: skip
    ids = {}
    for key, day, disciplines, tags, text, rating, private in rows:
        ratings = (Rating(*rating),) if rating else ()
        stored = journal.add_reflection(
            Reflection(day=day, disciplines=disciplines, tags=tags, text=text, ratings=ratings,
                       private=bool(private))
        )  # fmt: skip
        ids[stored.id] = key
    journal.ids = ids
    return journal


def _keys(journal: Journal, **filters) -> list[str]:
    return [journal.ids[r.id] for r in journal.reflections(EntryFilter(**filters))]


def test_filter_by_discipline(filled):
    assert _keys(filled, discipline="people") == ["c", "b"]
    assert _keys(filled, discipline="strategic") == ["d"]


def test_filter_by_behaviour_rated_even_as_ved_ikke(filled):
    assert _keys(filled, behaviour="people.g1") == ["c"]
    assert _keys(filled, behaviour="self.g1") == ["a"]
    assert _keys(filled, behaviour="self.g7") == []


def test_since_and_until_are_inclusive(filled):
    assert _keys(filled, since=date(2026, 1, 1), until=date(2026, 1, 31)) == ["d", "c", "b"]
    assert _keys(filled, since=date(2026, 2, 1)) == ["e"]
    assert _keys(filled, until=date(2025, 12, 31)) == ["a"]
    assert _keys(filled, since=date(2026, 1, 2), until=date(2026, 1, 14)) == []


def test_filter_by_tag(filled):
    assert _keys(filled, tag="trivsel") == ["c", "b"]
    assert _keys(filled, tag="1til1") == ["b"]
    assert _keys(filled, tag="ukendt") == []


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("økonomi", ["e", "b"]),
        ("ØKONOMI", ["e", "b"]),
        ("Økonomi", ["e", "b"]),
        ("æbler", ["b"]),
        ("ærø", ["c"]),
        ("ÆRØ", ["c"]),
        ("århus", ["d"]),
        ("ÅRSAFSLUTNING", ["a"]),
        ("kaffe med", ["c"]),
        ("findes ikke", []),
    ],
)
def test_contains_is_case_insensitive_for_danish_letters(filled, needle, expected):
    assert _keys(filled, contains=needle) == expected


def test_limit_keeps_the_newest(filled):
    assert _keys(filled, limit=2) == ["e", "d"]
    assert _keys(filled, discipline="people", limit=1) == ["c"]
    assert _keys(filled, limit=0) == []


def test_private_entries_are_left_out_on_request(filled):
    assert "d" in _keys(filled)
    assert _keys(filled, include_private=False) == ["e", "c", "b", "a"]
    assert _keys(filled, include_private=False, limit=1) == ["e"]


def test_filters_combine(filled):
    assert _keys(filled, tag="trivsel", contains="kaffe", since=date(2026, 1, 2)) == ["c"]
    assert _keys(filled, discipline="self", until=date(2026, 1, 1)) == ["a"]


# -- ved ikke ------------------------------------------------------------------------------------


def test_ved_ikke_is_stored_as_null_never_zero(journal):
    stored = journal.add_reflection(
        _reflection(ratings=(Rating("self.g1", None), Rating("self.g2", 1)))
    )
    journal.add_feedback(
        Feedback(day=date(2026, 3, 2), role="peer", discipline="self",
                 ratings=(Rating("self.g3", None),))
    )  # fmt: skip
    scores = dict(journal.store.conn.execute("SELECT behaviour, score FROM ratings"))
    assert scores == {"self.g1": None, "self.g2": 1, "self.g3": None}
    assert journal.get_reflection(stored.id).ratings[0].score is None


@pytest.mark.parametrize("score", [0, 6, -1, 3.5, "4", True])
def test_a_score_outside_the_scale_is_refused(journal, score):
    before = _snapshot(journal)
    with pytest.raises(ValidationError, match="score|scale"):
        journal.add_reflection(_reflection(ratings=(Rating("self.g1", score),)))
    assert _snapshot(journal) == before


# -- validation writes nothing --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"disciplines": ("selv",)}, "unknown discipline 'selv'"),
        ({"disciplines": ()}, "at least one discipline"),
        ({"ratings": (Rating("self.g99", 3),)}, "unknown behaviour 'self.g99'"),
        ({"ratings": (Rating("self.g1", 3), Rating("self.g1", 4))}, "rated twice"),
        ({"text": "", "next_step": "  "}, "empty reflection"),
        ({"text": "   \n "}, "empty reflection"),
        ({"day": "2026-02-30"}, "must be a date"),
        ({"day": date(1066, 10, 14)}, "not a plausible date"),
        ({"wellbeing": 7}, "wellbeing"),
        ({"tags": ("to ord",)}, "invalid tag"),
        ({"text": "nul\x00tegn"}, "NUL"),
    ],
)
def test_an_invalid_reflection_raises_and_writes_nothing(journal, fields, message):
    before = _snapshot(journal)
    with pytest.raises(ValidationError, match=message) as caught:
        journal.add_reflection(_reflection(**fields))
    assert "\n" not in str(caught.value)
    assert _snapshot(journal) == before


def test_an_invalid_update_leaves_the_stored_reflection_unchanged(journal):
    stored = journal.add_reflection(_reflection(text="original"))
    before = _snapshot(journal)
    with pytest.raises(ValidationError):
        journal.update_reflection(replace(stored, text="ny", disciplines=("nope",)))
    assert _snapshot(journal) == before
    assert journal.get_reflection(stored.id).text == "original"


@pytest.mark.parametrize("text", ["2026-02-30", "2025-13-01", "2026-2-3", "i går", ""])
def test_an_impossible_date_typed_by_a_user_is_one_clear_line(text):
    with pytest.raises(ValidationError, match="not a real date") as caught:
        parse_day(text)
    assert "\n" not in str(caught.value)


def test_a_reflection_needs_a_profile(tmp_path):
    with Journal.open(":memory:") as empty:
        with pytest.raises(ValidationError, match="no profile"):
            empty.add_reflection(_reflection())
        assert empty.reflections() == []


# -- goals ---------------------------------------------------------------------------------------


def test_goal_life_cycle(journal):
    goal = journal.add_goal(
        Goal(discipline="people", title="  Flere 1:1-samtaler ", behaviours=("people.g1",),
             why="Sparring", success="Én om ugen", due=date(2026, 6, 30))
    )  # fmt: skip
    assert goal.title == "Flere 1:1-samtaler"
    assert journal.get_goal(goal.id).progress == 0
    journal.check_in(goal.id, 30, note="Tre af ti", day=date(2026, 3, 10))
    after = journal.check_in(goal.id, 60, note="Seks – godt på vej", day=date(2026, 4, 10))
    assert after.progress == 60
    assert [(c.day, c.progress, c.note) for c in after.checkins] == [
        (date(2026, 3, 10), 30, "Tre af ti"),
        (date(2026, 4, 10), 60, "Seks – godt på vej"),
    ]
    closed = journal.close_goal(goal.id, "achieved", day=date(2026, 5, 1))
    assert (closed.status, closed.closed_on) == ("achieved", date(2026, 5, 1))
    assert len(closed.checkins) == 2
    assert [g.id for g in journal.goals(status="achieved")] == [goal.id]
    assert journal.goals(status="open") == []
    journal.delete_goal(goal.id)
    assert journal.goals() == []
    assert journal.store.conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        journal.get_goal(goal.id)


def test_a_goal_can_be_dropped_and_updated(journal):
    goal = journal.add_goal(Goal(discipline="self", title="Mere motion"))
    journal.update_goal(replace(goal, title="Mere motion – to gange om ugen"))
    dropped = journal.close_goal(goal.id, "dropped")
    assert dropped.status == "dropped"
    assert dropped.title == "Mere motion – to gange om ugen"
    assert dropped.closed_on is not None


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda j, g: j.check_in(g.id, 101), "progress"),
        (lambda j, g: j.check_in(g.id, -1), "progress"),
        (lambda j, g: j.check_in(g.id, 50, day="2026-02-30"), "date"),
        (lambda j, g: j.close_goal(g.id, "done"), "achieved"),
        (lambda j, g: j.update_goal(replace(g, discipline="nope")), "unknown discipline"),
        (lambda j, g: j.update_goal(replace(g, behaviours=("x.y",))), "unknown behaviour"),
        (lambda j, g: j.update_goal(replace(g, title=" ")), "title"),
        (lambda j, g: j.add_goal(Goal(discipline="self", title="")), "title"),
    ],
)
def test_invalid_goal_changes_write_nothing(journal, action, message):
    goal = journal.add_goal(Goal(discipline="self", title="Mål"))
    before = _snapshot(journal)
    with pytest.raises(ValidationError, match=message):
        action(journal, goal)
    assert _snapshot(journal) == before


def test_goal_filters(journal):
    a = journal.add_goal(Goal(discipline="people", title="Lytte mere", behaviours=("people.g1",)))
    b = journal.add_goal(Goal(discipline="self", title="ÅNDEHUL i kalenderen", private=True))
    assert [g.id for g in journal.goals(EntryFilter(discipline="people"))] == [a.id]
    assert [g.id for g in journal.goals(EntryFilter(behaviour="people.g1"))] == [a.id]
    assert [g.id for g in journal.goals(EntryFilter(contains="åndehul"))] == [b.id]
    assert [g.id for g in journal.goals(EntryFilter(include_private=False))] == [a.id]
    assert [g.id for g in journal.goals(EntryFilter(limit=1))] == [b.id]


# -- feedback ------------------------------------------------------------------------------------


def test_feedback_add_update_delete(journal):
    item = journal.add_feedback(
        Feedback(day=date(2026, 2, 20), role="employee", discipline="people", name="Kai",
                 text=DANISH, ratings=(Rating("people.teamleder.2", 4),))
    )  # fmt: skip
    got = journal.get_feedback(item.id)
    assert got == item and got.text == DANISH
    assert got.framework_version == journal.framework().version
    journal.update_feedback(replace(item, text="Rettet", ratings=(Rating("people.g1", None),)))
    again = journal.get_feedback(item.id)
    assert (again.text, again.ratings) == ("Rettet", (Rating("people.g1", None),))
    assert again.created_at == item.created_at
    journal.delete_feedback(item.id)
    assert journal.feedback() == []
    assert journal.store.conn.execute("SELECT count(*) FROM ratings").fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        journal.delete_feedback(item.id)


def test_feedback_filters(journal):
    old = journal.add_feedback(Feedback(day=date(2025, 5, 1), role="peer", discipline="self",
                                        text="Tydelig i MØDER"))  # fmt: skip
    new = journal.add_feedback(Feedback(day=date(2026, 5, 1), role="manager", discipline="people",
                                        text="God til at lytte", private=True))  # fmt: skip
    assert [f.id for f in journal.feedback()] == [new.id, old.id]
    assert [f.id for f in journal.feedback(EntryFilter(contains="møder"))] == [old.id]
    assert [f.id for f in journal.feedback(EntryFilter(discipline="people"))] == [new.id]
    assert [f.id for f in journal.feedback(EntryFilter(since=date(2026, 5, 1)))] == [new.id]
    assert [f.id for f in journal.feedback(EntryFilter(until=date(2025, 5, 1)))] == [old.id]
    assert [f.id for f in journal.feedback(EntryFilter(include_private=False))] == [old.id]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"role": "boss"}, "unknown role"),
        ({"discipline": "nope"}, "unknown discipline"),
        ({"text": "", "ratings": ()}, "empty feedback"),
        ({"ratings": (Rating("self.g1", 9),)}, "outside the scale"),
        ({"day": "i går"}, "must be a date"),
    ],
)
def test_invalid_feedback_writes_nothing(journal, fields, message):
    before = _snapshot(journal)
    base = {"day": date(2026, 3, 1), "role": "peer", "discipline": "self", "text": "Fint"}
    with pytest.raises(ValidationError, match=message):
        journal.add_feedback(Feedback(**{**base, **fields}))
    assert _snapshot(journal) == before


# -- several leaders in one store ----------------------------------------------------------------


def _other(name: str, level: str | None = "kontorchef", framework: str = "stuk") -> Leader:
    from lgtrack import load_framework

    fw = load_framework(framework)
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    return Leader(name=name, level=level, framework_id=fw.id, framework_version=fw.version,
                  created_at=now, updated_at=now)  # fmt: skip


def test_several_leaders_keep_their_own_entries(journal):
    bo = journal.save_leader(_other("Bo Ærø"))
    cy = journal.save_leader(_other("Cy Kodeks", level=None, framework="kodeks"))
    mine = journal.add_reflection(_reflection(text="min"))
    bos = journal.add_reflection(
        _reflection(text="Bos", disciplines=("strategic",)), leader_id=bo.id
    )
    cys = journal.add_reflection(_reflection(text="Cys", disciplines=("upward",)), leader_id=cy.id)
    assert [r.id for r in journal.reflections()] == [mine.id]
    assert [r.id for r in journal.reflections(leader_id=bo.id)] == [bos.id]
    assert [r.id for r in journal.reflections(leader_id=cy.id)] == [cys.id]
    assert journal.get_reflection(bos.id).level == "kontorchef"
    assert journal.framework(cy.id).id == "kodeks"
    assert {leader.name for leader in journal.leaders()} == {"Åse Østergård", "Bo Ærø", "Cy Kodeks"}
    assert journal.leaders()[0].is_me


def test_a_journal_without_a_profile_has_no_entries_of_me():
    """A coach's journal holds imported leaders only: "my" entries are none, not all of theirs."""
    with Journal.open(":memory:", clock=TickingClock()) as coach:
        bo = coach.save_leader(_other("Bo Ærø"))
        coach.add_reflection(_reflection(text="Bos"), leader_id=bo.id)
        goal = coach.add_goal(Goal(discipline="self", title="Bos mål"), leader_id=bo.id)
        coach.add_feedback(
            Feedback(day=date(2026, 3, 1), role="peer", discipline="self", text="Fint"),
            leader_id=bo.id,
        )
        assert (coach.reflections(), coach.goals(), coach.feedback()) == ([], [], [])
        assert [g.id for g in coach.goals(leader_id=bo.id)] == [goal.id]


def test_each_leader_is_validated_against_their_own_framework(journal):
    cy = journal.save_leader(_other("Cy Kodeks", level=None, framework="kodeks"))
    before = _snapshot(journal)
    with pytest.raises(ValidationError, match="unknown discipline 'self'"):
        journal.add_reflection(_reflection(), leader_id=cy.id)
    with pytest.raises(ValidationError, match="unknown discipline 'upward'"):
        journal.add_reflection(_reflection(disciplines=("upward",)))
    assert _snapshot(journal) == before


def test_there_is_only_one_me(journal):
    first = journal.me()
    again = journal.set_profile("Åse Ø.", "kontorchef", lang="en")
    assert again.id == first.id
    assert again.created_at == first.created_at
    assert [leader.id for leader in journal.leaders() if leader.is_me] == [first.id]
    assert journal.me().level == "kontorchef"
    before = _snapshot(journal)
    with pytest.raises(ValidationError, match="me"):
        journal.save_leader(replace(_other("Impostor"), is_me=True))
    assert _snapshot(journal) == before


def test_an_unknown_leader_is_not_found(journal):
    with pytest.raises(NotFoundError):
        journal.add_reflection(_reflection(), leader_id="no-such-leader")
    with pytest.raises(NotFoundError):
        journal.leader("no-such-leader")


@pytest.mark.parametrize(
    ("name", "level", "message"),
    [("", "teamleder", "name"), ("AB", "chef", "unknown level"), ("   ", None, "name")],
)
def test_an_invalid_profile_is_refused(name, level, message):
    with Journal.open(":memory:") as empty:
        with pytest.raises(ValidationError, match=message):
            empty.set_profile(name, level)
        assert empty.me() is None


# -- Danish text end to end ----------------------------------------------------------------------


def test_danish_text_survives_a_round_trip_through_a_file(tmp_path):
    clock = TickingClock()
    with Journal.open(tmp_path, clock=clock) as journal:
        journal.set_profile("Øjvind Ærøskøbing", "teamleder", unit="Styrelsen for Æbler – Ø")
        journal.add_reflection(
            _reflection(text=DANISH, prompt="Hvordan gik “det”?", next_step="Følg op – før påske",
                        tags=("særlig", "øvrigt"))
        )  # fmt: skip
        goal = journal.add_goal(Goal(discipline="self", title="Ærlig – også når det er svært"))
        journal.check_in(goal.id, 10, note="Første skridt: ”nej” til ét møde")
        journal.add_feedback(Feedback(day=date(2026, 3, 1), role="peer", discipline="self",
                                      name="Åge", text=DANISH))  # fmt: skip
    with Journal.open(tmp_path) as journal:
        me = journal.me()
        assert (me.name, me.unit) == ("Øjvind Ærøskøbing", "Styrelsen for Æbler – Ø")
        (r,) = journal.reflections(EntryFilter(tag="særlig"))
        assert (r.text, r.prompt, r.next_step) == (
            DANISH,
            "Hvordan gik “det”?",
            "Følg op – før påske",
        )
        assert r.tags == ("særlig", "øvrigt")
        (g,) = journal.goals()
        assert g.title == "Ærlig – også når det er svært"
        assert g.checkins[0].note == "Første skridt: ”nej” til ét møde"
        (f,) = journal.feedback()
        assert (f.name, f.text) == ("Åge", DANISH)


# -- a date and time where a day belongs ---------------------------------------------------------

LATE_EVENING = datetime(2026, 3, 1, 23, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "action",
    [
        lambda j, g: j.add_reflection(_reflection(day=LATE_EVENING)),
        lambda j, g: j.add_feedback(
            Feedback(day=LATE_EVENING, role="peer", discipline="self", text="Fint")
        ),
        lambda j, g: j.add_goal(Goal(discipline="self", title="Mål", due=LATE_EVENING)),
        lambda j, g: j.check_in(g.id, 10, day=LATE_EVENING),
        lambda j, g: j.close_goal(g.id, "achieved", day=LATE_EVENING),
        lambda j, g: j.update_goal(replace(g, closed_on="2026-03-01")),
    ],
)
def test_a_datetime_for_a_day_is_refused_and_the_journal_stays_readable(journal, action):
    goal = journal.add_goal(Goal(discipline="self", title="Mål"))
    journal.add_reflection(_reflection())
    before = _snapshot(journal)
    with pytest.raises(ValidationError, match="date"):
        action(journal, goal)
    assert _snapshot(journal) == before
    assert len(journal.reflections()) == 1 and len(journal.goals()) == 1


def test_a_coach_action_closed_with_a_datetime_is_refused(journal):
    from lgtrack.coaching import Action, add_action, close_action, get_action

    action = add_action(journal, Action(leader_id=journal.me().id, text="Book en samtale"))
    with pytest.raises(ValidationError, match="date"):
        close_action(journal, action.id, day=LATE_EVENING)
    assert get_action(journal, action.id).status == "open"


# -- wrong types from Python callers: one clear line, nothing written -----------------------------


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda j: j.add_goal(Goal(discipline="self", title=None)), "title"),
        (lambda j: j.add_reflection(_reflection(ratings=(("self.g1", 3),))), "Rating"),
        (lambda j: j.add_reflection(_reflection(disciplines="self")), "disciplines"),
        (lambda j: j.add_reflection(_reflection(tags="møde")), "tags"),
        (lambda j: j.reflections(EntryFilter(since="2026-03-01")), "since"),
        (lambda j: j.goals(EntryFilter(until=LATE_EVENING)), "until"),
        (lambda j: j.feedback(EntryFilter(limit=-1)), "limit"),
    ],
)
def test_wrong_types_from_python_are_validation_errors(journal, action, message):
    journal.add_goal(Goal(discipline="self", title="Mål"))
    before = _snapshot(journal)
    with pytest.raises(ValidationError, match=message) as caught:
        action(journal)
    assert "\n" not in str(caught.value)
    assert _snapshot(journal) == before


def test_the_same_filter_narrows_every_kind_alike(journal):
    """Period, privacy, text and limit mean the same for reflections, goals and feedback."""
    for day, private, text in [(date(2026, 3, 1), False, "Møde A"), (date(2026, 3, 2), True,
                               "møde B"), (date(2026, 3, 3), False, "Andet")]:  # fmt: skip
        journal.clock = lambda day=day: datetime.combine(day, datetime.min.time(), timezone.utc)
        journal.add_reflection(_reflection(day=day, text=text, private=private))
        journal.add_goal(Goal(discipline="self", title=text, private=private))
        journal.add_feedback(Feedback(day=day, role="peer", discipline="self", text=text,
                                      private=private))  # fmt: skip
    where = EntryFilter(since=date(2026, 3, 1), until=date(2026, 3, 2), contains="MØDE", limit=5)
    for kind, text_of in (
        (journal.reflections, lambda x: x.text),
        (journal.goals, lambda x: x.title),
        (journal.feedback, lambda x: x.text),
    ):
        assert [text_of(x) for x in kind(where)] == ["møde B", "Møde A"]
        assert [text_of(x) for x in kind(replace(where, include_private=False))] == ["Møde A"]
        assert [text_of(x) for x in kind(replace(where, limit=1))] == ["møde B"]
