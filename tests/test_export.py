"""``lgtrack export``: a lossless JSON backup, a CSV for Excel and a readable Markdown journal."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from lgtrack import Feedback, Goal, Journal, Leader, Rating, Reflection, ValidationError, coaching
from lgtrack.cli import build_parser, main
from lgtrack.coaching import Action, CoachSession
from lgtrack.exchange import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    build_export,
    export_csv,
    export_json,
    export_markdown,
)

NOW = datetime(2026, 11, 2, 10, 15, tzinfo=timezone(timedelta(hours=1)))
DANISH = "Svær samtale – ”Hvorfor nu?” spurgte hun. Æblet, øen og åen 😊\nAnden linje"


def _fill(journal: Journal) -> None:
    """My reflections (one private, one with "ved ikke"), a goal, feedback and a coachee."""
    journal.set_profile("Åse Ø", "teamleder", unit="Kontor for Tilsyn")
    journal.add_reflection(
        Reflection(
            day=date(2026, 10, 1),
            disciplines=("people", "self"),
            text=DANISH,
            prompt="Hvad lærte du?",
            next_step="Følg op på mødet",
            tags=("møde", "1-1"),
            wellbeing=4,
            energy=3,
            ratings=(Rating("people.teamleder.1", 4), Rating("self.g1", None)),
        )
    )
    journal.add_reflection(
        Reflection(
            day=date(2026, 10, 20), disciplines=("strategic",), text="Kun til mig", private=True
        )
    )
    goal = journal.add_goal(
        Goal(
            discipline="people",
            title="Tydelig prioritering",
            why="Retning",
            behaviours=("people.teamleder.1",),
            due=date(2026, 12, 31),
        )
    )
    journal.check_in(goal.id, 40, note="Godt på vej", day=date(2026, 10, 15))
    journal.add_feedback(
        Feedback(
            day=date(2026, 10, 10),
            role="manager",
            discipline="people",
            name="Kontorchefen",
            text="Flot – fortsæt ”sådan”",
            ratings=(Rating("people.teamleder.1", 3),),
        )
    )
    fw = journal.framework()
    other = journal.save_leader(
        Leader(
            name="Bjørn Coachee",
            level="kontorchef",
            framework_id=fw.id,
            framework_version=fw.version,
            created_at=NOW,
            updated_at=NOW,
        )
    )
    journal.add_reflection(
        Reflection(day=date(2026, 9, 1), disciplines=("operational",), text="Bjørns refleksion"),
        leader_id=other.id,
    )


@pytest.fixture
def journal() -> Journal:
    journal = Journal.open(":memory:", clock=lambda: NOW)
    _fill(journal)
    return journal


@pytest.fixture
def home(tmp_path: Path) -> Path:
    with Journal.open(tmp_path / "home", clock=lambda: NOW) as journal:
        _fill(journal)
    return tmp_path / "home"


# -- JSON ------------------------------------------------------------------------------------


def test_json_export_is_versioned_and_stamped_with_the_time_given(journal: Journal):
    document = json.loads(export_json(journal, now=NOW))
    assert (
        (document["format"], document["version"])
        == (EXPORT_FORMAT, EXPORT_VERSION)
        == ("lgtrack-export", 3)
    )
    assert document["exported_at"] == "2026-11-02T10:15:00+01:00"


def test_json_export_needs_a_time_zone(journal: Journal):
    with pytest.raises(ValidationError):
        export_json(journal, now=datetime(2026, 11, 2, 10, 15))


def test_json_export_holds_every_leader_and_private_entry(journal: Journal):
    document = build_export(journal, now=NOW)
    assert [(x["name"], x["is_me"]) for x in document["leaders"]] == [
        ("Åse Ø", True),
        ("Bjørn Coachee", False),
    ]
    assert sorted(r["text"] for r in document["reflections"]) == sorted(
        [DANISH, "Kun til mig", "Bjørns refleksion"]
    )
    assert [r["private"] for r in document["reflections"] if r["text"] == "Kun til mig"] == [True]


def test_json_export_keeps_every_field_of_a_record(journal: Journal):
    document = build_export(journal, now=NOW)
    me = document["leaders"][0]
    first = next(r for r in document["reflections"] if r["text"] == DANISH)
    assert first["leader_id"] == me["id"] and first["day"] == "2026-10-01"
    assert first["ratings"] == [
        {"behaviour": "people.teamleder.1", "score": 4},
        {"behaviour": "self.g1", "score": None},
    ]
    assert first["disciplines"] == ["people", "self"] and first["tags"] == ["1-1", "møde"]
    assert (first["level"], first["framework_version"]) == ("teamleder", "1.0")
    assert first["created_at"] == first["updated_at"] == "2026-11-02T10:15:00+01:00"
    assert (first["wellbeing"], first["energy"], first["next_step"]) == (4, 3, "Følg op på mødet")
    goal = document["goals"][0]
    assert goal["checkins"][0]["progress"] == 40 and goal["due"] == "2026-12-31"
    assert goal["closed_on"] is None and goal["behaviours"] == ["people.teamleder.1"]
    assert document["feedback"][0]["ratings"] == [{"behaviour": "people.teamleder.1", "score": 3}]
    assert document["frameworks"] == []  # only the bundled framework is in use
    assert "Æblet, øen og åen 😊" in export_json(journal, now=NOW)  # not \\u-escaped


def test_json_export_holds_the_coachs_notes_with_every_column(journal: Journal):
    bjorn = next(x for x in journal.leaders() if not x.is_me)
    journal.store.conn.execute(
        "UPDATE leaders SET imported_at = ?, share_scope = ? WHERE id = ?",
        ("2026-10-01T08:00:00+02:00", '{"disciplines": ["people"], "text": false}', bjorn.id),
    )
    session = coaching.save_session(
        journal, CoachSession(bjorn.id, date(2026, 10, 6), goal="Ro i ugen", will="<script>")
    )
    action = coaching.add_action(
        journal, Action(bjorn.id, "Tal med Søren", due=date(2026, 11, 1), session_id=session.id)
    )
    coaching.close_action(journal, action.id, "dropped", day=date(2026, 10, 20))
    document = build_export(journal, now=NOW)
    leaders = {x["name"]: x for x in document["leaders"]}
    assert (leaders["Åse Ø"]["imported_at"], leaders["Åse Ø"]["share_scope"]) == (None, None)
    assert leaders["Bjørn Coachee"]["imported_at"] == "2026-10-01T08:00:00+02:00"
    assert leaders["Bjørn Coachee"]["share_scope"] == {"disciplines": ["people"], "text": False}
    assert document["coach_sessions"] == [
        {
            "id": session.id,
            "leader_id": bjorn.id,
            "day": "2026-10-06",
            "goal": "Ro i ugen",
            "reality": "",
            "options": "",
            "will": "<script>",
            "notes": "",
            "created_at": "2026-11-02T10:15:00+01:00",
            "updated_at": "2026-11-02T10:15:00+01:00",
        }
    ]
    assert document["coach_actions"] == [
        {
            "id": action.id,
            "leader_id": bjorn.id,
            "session_id": session.id,
            "text": "Tal med Søren",
            "due": "2026-11-01",
            "status": "dropped",
            "closed_on": "2026-10-20",
            "created_at": "2026-11-02T10:15:00+01:00",
            "updated_at": "2026-11-02T10:15:00+01:00",
        }
    ]


# -- CSV -------------------------------------------------------------------------------------


def read_csv(text: str, delimiter: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_csv_has_one_row_per_reflection_with_the_text_intact(journal: Journal):
    rows = read_csv(export_csv(journal, delimiter=";"))
    assert [r["day"] for r in rows] == ["2026-10-20", "2026-10-01", "2026-09-01"]
    first = rows[1]
    assert first["text"] == DANISH
    assert first["ratings"] == "people.teamleder.1=4;self.g1=?"
    assert (first["disciplines"], first["tags"], first["leader"]) == (
        "people, self",
        "1-1, møde",
        "Åse Ø",
    )
    assert rows[0]["private"] == "true" and rows[2]["leader"] == "Bjørn Coachee"


def test_csv_cells_that_look_like_formulas_are_shown_as_text(journal: Journal):
    journal.add_reflection(
        Reflection(
            day=date(2026, 10, 25),
            disciplines=("self",),
            text='=HYPERLINK("http://x","klik")',
            next_step="-1+2",
            prompt="\t=1+1",  # e.g. from a coachee's share bundle, not stripped like CLI input
            tags=("@kilde",),
        )
    )
    row = read_csv(export_csv(journal, delimiter=";"))[0]
    assert row["text"] == '\'=HYPERLINK("http://x","klik")' and row["next_step"] == "'-1+2"
    assert row["prompt"] == "'\t=1+1" and row["tags"] == "'@kilde"


def test_csv_other_tables(journal: Journal):
    goals = read_csv(export_csv(journal, "goals", delimiter=","), ",")
    assert [(g["title"], g["progress"], g["checkins"]) for g in goals] == [
        ("Tydelig prioritering", "40", "1")
    ]
    feedback = read_csv(export_csv(journal, "feedback", delimiter=";"))
    assert feedback[0]["text"] == "Flot – fortsæt ”sådan”"
    ratings = read_csv(export_csv(journal, "ratings", delimiter=";"))
    assert sorted((r["source"], r["discipline"], r["behaviour"], r["score"]) for r in ratings) == [
        ("manager", "people", "people.teamleder.1", "3"),
        ("self", "people", "people.teamleder.1", "4"),
        ("self", "self", "self.g1", ""),
    ]


def test_cli_csv_opens_in_danish_excel(home: Path, tmp_path: Path, capsys):
    out = tmp_path / "refleksioner.csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--home", str(home)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs for UTF-8
    text = data.decode("utf-8-sig")
    # issue #11: a Danish profile gets Danish headers (English ones: see below)
    assert text.startswith("leder;dato;id;") and "\r\n" in text
    assert DANISH in read_csv(text)[1]["tekst"]


def test_cli_csv_separator_can_be_chosen(home: Path, capsysbinary):
    assert main(["export", "--format", "csv", "--delimiter", "tab", "--home", str(home)]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8-sig").startswith("leder\tdato\tid\t")


def test_a_danish_csv_has_danish_headers_statuses_roles_and_ja_nej(journal: Journal):
    rows = read_csv(export_csv(journal, delimiter=";", lang="da"))
    assert list(rows[0])[:4] == ["leder", "dato", "id", "discipliner"]
    assert [r["privat"] for r in rows] == ["ja", "nej", "nej"]
    assert rows[1]["tekst"] == DANISH and rows[1]["næste skridt"] == "Følg op på mødet"
    [goal] = read_csv(export_csv(journal, "goals", delimiter=";", lang="da"))
    assert (goal["titel"], goal["status"], goal["fremdrift"]) == (
        "Tydelig prioritering",
        "åbent",
        "40",
    )
    [feedback] = read_csv(export_csv(journal, "feedback", delimiter=";", lang="da"))
    assert (feedback["rolle"], feedback["privat"]) == ("leder", "nej")
    ratings = read_csv(export_csv(journal, "ratings", delimiter=";", lang="da"))
    assert sorted((r["kilde"], r["adfærd"], r["score"]) for r in ratings) == [
        ("leder", "people.teamleder.1", "3"),
        ("selv", "people.teamleder.1", "4"),
        ("selv", "self.g1", ""),
    ]


@pytest.mark.parametrize("table", ["reflections", "goals", "feedback", "ratings"])
def test_an_english_csv_keeps_the_field_names_and_stored_values(home: Path, table, capsysbinary):
    """Users' scripts read these headers and values: an English profile gets them unchanged."""
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Åse Ø", "teamleder", lang="en")
        expected = export_csv(journal, table, delimiter=",")
    assert main(["export", "--format", "csv", "--table", table, "--home", str(home)]) == 0
    text = capsysbinary.readouterr().out.decode("utf-8-sig")
    assert text == expected
    header = text.split("\r\n")[0]
    assert header.startswith("leader,day," if table != "goals" else "leader,id,discipline,")
    assert "true" in text or "false" in text
    assert "ja" not in text.split(",") and "selv" not in text


def test_csv_lang_picks_the_headers_and_the_profile_still_picks_the_separator(
    home: Path, capsysbinary
):
    args = ["export", "--format", "csv", "--table", "goals", "--lang", "en", "--home", str(home)]
    assert main(args) == 0
    text = capsysbinary.readouterr().out.decode("utf-8-sig")
    assert text.startswith("leader;id;discipline;title;") and ";open;" in text


def test_export_help_says_what_the_csv_holds():
    export = build_parser("export", "en")._subparsers._group_actions[0].choices["export"]
    text = export.format_help()
    for phrase in ("behaviour=score", "byte order mark", "';'", "--table", "markdown"):
        assert phrase in text


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_is_newest_first_with_danish_labels(journal: Journal):
    text = export_markdown(journal, now=NOW)
    assert text.startswith("# Ledelsesjournal – Åse Ø")
    assert text.index("### 2026-10-20") < text.index("### 2026-10-01")
    assert DANISH in text
    for label in (
        "## Refleksioner",
        "**Næste skridt:** Følg op på mødet",
        "**Vurderinger**",
        "Ved ikke",
        "_privat_",
        "## Mål",
        "åbent, 40 %",
        "leder (Kontorchefen)",
        "# Ledelsesjournal – Bjørn Coachee",
        "Flot – fortsæt ”sådan”",
    ):
        assert label in text


def test_markdown_in_english(journal: Journal):
    text = export_markdown(journal, now=NOW, lang="en")
    assert text.startswith("# Leadership journal – Åse Ø")
    assert "**Next step:** Følg op på mødet" in text and "Don't know" in text
    assert DANISH in text


def test_markdown_of_an_empty_journal():
    assert "Ingen endnu." in export_markdown(Journal.open(":memory:"), now=NOW)


# -- the command line ------------------------------------------------------------------------


def test_cli_json_to_stdout_is_the_whole_journal(home: Path, capsysbinary):
    assert main(["export", "--home", str(home)]) == 0
    document = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert document["format"] == "lgtrack-export" and len(document["leaders"]) == 2
    assert datetime.fromisoformat(document["exported_at"]).tzinfo is not None


def test_cli_markdown_to_a_file(home: Path, tmp_path: Path):
    out = tmp_path / "journal.md"
    assert main(["export", "--format", "markdown", "--out", str(out), "--home", str(home)]) == 0
    assert DANISH in out.read_text("utf-8")


def test_cli_export_without_a_journal_is_one_line(tmp_path: Path, capsys):
    assert main(["export", "--home", str(tmp_path / "nothing")]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert not (tmp_path / "nothing").exists()


def test_cli_export_to_a_directory_is_one_line(home: Path, tmp_path: Path, capsys):
    assert main(["export", "--out", str(tmp_path), "--home", str(home)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "er en mappe" in err[0]  # the profile is Danish


def test_cli_export_to_a_missing_folder_names_the_folder(home: Path, tmp_path: Path, capsys):
    out = tmp_path / "no-such-folder" / "backup.json"
    assert main(["export", "--out", str(out), "--home", str(home)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and f"mappen {out.parent} findes ikke" in err[0]
    assert ".backup.json." not in err[0]  # not the name of a temporary file


@pytest.mark.parametrize("name", ["journal.sqlite", "journal.sqlite-wal"])
def test_cli_export_over_the_journal_itself_is_refused(home: Path, capsys, name: str):
    database = home / "journal.sqlite"
    before = database.read_bytes()
    assert main(["export", "--out", str(home / name), "--home", str(home)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "journalens egen database" in err[0]
    assert database.read_bytes() == before
    with Journal.open(home) as journal:
        assert journal.reflections()
