"""A 360 round feeds the leader's development (#12): its shown group means are ratings from
those groups in the self-vs-others view; hidden figures never are."""

from __future__ import annotations

from datetime import date, datetime, timezone

from rounds_support import FIRST, LEVEL, rows_for, write_csv

from lgtrack import Journal
from lgtrack.analysis.perception import self_vs_others
from lgtrack.frames import ratings_frame
from lgtrack.records import Rating, Reflection
from lgtrack.rounds import close_round, create_round
from lgtrack.rounds.importing import plan_import, write_import

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)
SECOND = "people.g2"


def test_shown_group_means_enter_self_vs_others_as_feedback_from_that_group(tmp_path):
    journal = Journal.open(":memory:", clock=lambda: NOW)
    journal.set_profile("AB", LEVEL)
    journal.add_reflection(
        Reflection(day=date(2027, 2, 1), disciplines=("people",), ratings=(Rating(FIRST, 5),))
    )
    item = create_round(journal, "Forår", disciplines=["people"])
    people = [("employee", {FIRST: 3, SECOND: 4}, "")] * 2 + [("employee", {FIRST: 3}, "")]
    people += [("manager", {FIRST: 1}, "")]  # shown at her minimum of one
    path = write_csv(tmp_path / "s.csv", rows_for(people, "da"))
    write_import(journal, plan_import(journal, item, path))
    close_round(journal, item.id, day=date(2027, 3, 15))
    frame = ratings_frame(journal)
    from_round = frame[frame["entry_id"] == item.id]
    assert set(from_round["source"]) == {"employee", "manager"}
    assert set(from_round["day"]) == {datetime(2027, 3, 15)}
    # the employees' second behaviour rests on two answers: it never enters
    assert SECOND not in set(from_round["behaviour"])
    view = self_vs_others(frame, journal.framework(), by="behaviour")
    employee = view[(view["behaviour"] == FIRST) & (view["role"] == "employee")].iloc[0]
    assert (employee["self_mean"], employee["others_mean"]) == (5.0, 3.0)
    assert employee["verdict"] == "blind_spot"
