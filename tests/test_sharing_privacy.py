"""Property: whatever the journal and the scope, a private entry's text never leaves in a bundle,
and a bundle without text carries no free text at all (goal titles aside)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgtrack import Feedback, Goal, Journal, Rating, Reflection
from lgtrack.exchange import build_export
from lgtrack.sharing import KINDS, ShareScope, build_bundle, bundle_text, preview_bundle

START = date(2026, 1, 1)
NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
DISCIPLINES = ("strategic", "operational", "professional", "people", "self")
RATED = {d: f"{d}.g1" for d in DISCIPLINES}
# Markers: ZQP… private text, ZQT… shared free text, ZQG… a shared goal's title. Fixed width,
# upper case (never in a UUID), so one marker is never part of another.
PRIVATE, TEXT, TITLE = "ZQP", "ZQT", "ZQG"

entries = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(0, 150),  # day offset
        st.sets(st.sampled_from(DISCIPLINES), min_size=1, max_size=3),
        st.booleans(),  # private
        st.booleans(),  # rated
    ),
    max_size=14,
)
scopes = st.builds(
    ShareScope,
    since=st.none() | st.integers(0, 150).map(lambda n: START + timedelta(days=n)),
    until=st.none() | st.integers(75, 250).map(lambda n: START + timedelta(days=n)),
    disciplines=st.sets(st.sampled_from(DISCIPLINES), max_size=5).map(tuple),
    text=st.booleans(),
    include=st.sets(st.sampled_from(KINDS), min_size=1).map(tuple),
)


def marker(kind: str, index: int, field: str) -> str:
    return f"{kind}{index:03d}{field.upper()}X"


def journal_with(items) -> Journal:
    clock = {"now": NOW}
    journal = Journal.open(":memory:", clock=lambda: clock["now"])
    journal.set_profile("Ida Holm", "teamleder")
    for index, (kind, offset, disciplines, private, rated) in enumerate(items):
        day = START + timedelta(days=offset)
        text = PRIVATE if private else TEXT
        mark = lambda field, i=index, k=text: marker(k, i, field)  # noqa: E731
        ordered = tuple(sorted(disciplines))
        if kind == "reflections":
            ratings = tuple(Rating(RATED[d], 3) for d in ordered) if rated else ()
            journal.add_reflection(
                Reflection(day=day, disciplines=ordered, text=mark("text"), prompt=mark("prompt"),
                           next_step=mark("next"), tags=(mark("tag"),), ratings=ratings,
                           private=private)
            )  # fmt: skip
        elif kind == "goals":
            clock["now"] = datetime.combine(day, datetime.min.time(), timezone.utc)
            title = marker(PRIVATE if private else TITLE, index, "title")
            goal = journal.add_goal(
                Goal(discipline=ordered[0], title=title, why=mark("why"),
                     success=mark("success"), private=private)
            )  # fmt: skip
            journal.check_in(goal.id, 50, note=mark("note"), day=day + timedelta(days=3))
            if rated:
                journal.close_goal(goal.id, "achieved", day=day + timedelta(days=40))
            clock["now"] = NOW
        else:
            ratings = (Rating(RATED[ordered[0]], 4),) if rated else ()
            journal.add_feedback(
                Feedback(day=day, role="peer", discipline=ordered[0], text=mark("text"),
                         name=mark("name"), ratings=ratings, private=private)
            )  # fmt: skip
    return journal


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=entries, scope=scopes)
def test_no_private_text_in_any_bundle_and_no_text_without_text(items, scope):
    if scope.since and scope.until and scope.since > scope.until:
        scope = ShareScope(scope.until, scope.since, scope.disciplines, scope.text, scope.include)
    with journal_with(items) as journal:
        bundle = build_bundle(journal, scope, now=NOW)
        serialised = bundle_text(bundle)
        preview = preview_bundle(bundle, journal.framework())
    assert PRIVATE not in serialised
    assert not any(PRIVATE in x.text for x in preview.texts)
    if not scope.text:
        assert TEXT not in serialised
        assert {x.field for x in preview.texts} <= {"name", "unit", "title"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=entries)
def test_the_markers_are_stored_so_the_property_can_fail(items):
    with journal_with(items) as journal:
        everything = str(build_export(journal, now=NOW))
        shared = bundle_text(build_bundle(journal, ShareScope(), now=NOW))
    private = {i for i, item in enumerate(items) if item[3]}
    for index in private:
        assert re.search(f"{PRIVATE}{index:03d}", everything)
    for index in set(range(len(items))) - private:
        # with everything in scope, every shared entry's text is in the bundle
        assert re.search(f"({TEXT}|{TITLE}){index:03d}", shared)
