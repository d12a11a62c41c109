"""The leader's side of a share bundle: its format, its scope, no private entry, the preview."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta

import pytest
from sharing_support import NOW, leader_journal

from lgtrack import ValidationError
from lgtrack.i18n import catalogue
from lgtrack.sharing import (
    KINDS,
    ShareScope,
    build_bundle,
    bundle_checksum,
    bundle_text,
    preview_bundle,
    preview_lines,
    shared_texts,
    write_bundle,
)
from lgtrack.sharing.format import TEXT_FIELDS

NO_TEXT_FIELDS = {
    "reflections": {"id", "day", "disciplines", "ratings", "level", "framework_version"},
    "goals": {
        "id", "discipline", "title", "behaviours", "due", "status", "checkins",
        "created_on", "closed_on",
    },
    "feedback": {"id", "day", "role", "discipline", "ratings"},
}  # fmt: skip
# Strings in a bundle that are not free text: ids, dates, codes.
STRUCTURAL = {
    "format", "created_at", "generator", "checksum", "id", "day", "disciplines", "level",
    "framework_version", "lang", "role", "discipline", "status", "behaviours", "due",
    "created_on", "closed_on", "behaviour", "from", "to", "include", "version",
    "algorithm", "public_key", "value",
}  # fmt: skip


@pytest.fixture
def sample():
    sample = leader_journal()
    yield sample
    sample.journal.close()


def bundle_of(sample, **scope) -> dict:
    return build_bundle(sample.journal, ShareScope(**scope), now=NOW)


def free_texts(value, key: str | None = None) -> list[str]:
    """Every string in the bundle that is not an id, a date or a code (tags joined as #a #b)."""
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in free_texts(v, k)]
    if isinstance(value, list):
        if key == "tags":
            return [" ".join(f"#{tag}" for tag in value)] if value else []
        return [text for item in value for text in free_texts(item, key)]
    if isinstance(value, str) and key not in STRUCTURAL and value.strip():
        return [value]
    return []


def test_the_bundle_has_the_documented_shape(sample):
    bundle = bundle_of(sample)
    assert list(bundle) == [
        "format", "version", "created_at", "generator", "framework", "leader", "scope",
        "reflections", "goals", "feedback", "checksum", "signature",
    ]  # fmt: skip
    assert (bundle["format"], bundle["version"]) == ("lgtrack-share", 2)
    assert bundle["created_at"] == "2026-11-02T10:15:00+00:00"
    assert bundle["framework"] == {"id": "stuk", "version": "1.0"}
    me = sample.journal.me()
    assert bundle["leader"] == {
        "id": me.id, "name": "Ida Holm", "level": "teamleder", "lang": "da",
        "unit": "Kontor for Eksempler",
    }  # fmt: skip
    assert bundle["scope"] == {
        "from": None, "to": None, "disciplines": list(sample.journal.framework().discipline_ids),
        "text": True, "include": ["reflections", "goals", "feedback"],
    }  # fmt: skip
    assert bundle["checksum"].startswith("sha256:") and len(bundle["checksum"]) == 71
    assert bundle_checksum(bundle) == bundle["checksum"]
    assert "is_me" not in bundle["leader"]


def test_the_checksum_is_over_canonical_json_of_everything_else(sample):
    import hashlib

    bundle = bundle_of(sample)
    rest = {k: v for k, v in bundle.items() if k not in ("checksum", "signature")}
    canonical = json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert bundle["checksum"] == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    # the file's layout does not matter: the same bundle read back has the same checksum
    assert bundle_checksum(json.loads(bundle_text(bundle))) == bundle["checksum"]


def test_private_entries_never_leave(sample):
    for text in (True, False):
        serialised = bundle_text(bundle_of(sample, text=text))
        for marker in ("PRIVAT-R", "PRIVAT-G", "PRIVAT-F", "PRIVAT-NAVN"):
            assert marker not in serialised
        for key in ("r_private", "g_private", "f_private"):
            assert sample.ids[key] not in serialised


def test_without_text_only_ratings_dates_and_goal_titles_leave(sample):
    bundle = bundle_of(sample, text=False)
    for kind in KINDS:
        assert bundle[kind], kind
        for record in bundle[kind]:
            assert set(record) == NO_TEXT_FIELDS[kind]
    for goal in bundle["goals"]:
        assert all(set(checkin) == {"day", "progress"} for checkin in goal["checkins"])
    serialised = bundle_text(bundle)
    for text in ("Godt 1:1", "Hvad lærte", "Følg op", "møde", "Retning", "Vedtaget", "Halvvejs",
                 "savner", "Tydelige", '"CD"', "Strategidag", "Kun tekst"):  # fmt: skip
        assert text not in serialised, text
    # The unit is profile text: it stays home too.
    assert free_texts(bundle) == ["Ida Holm", "Skriv strategien", "Ugentlige 1:1"]
    assert bundle["leader"]["unit"] == ""
    assert bundle_of(sample)["leader"]["unit"] == "Kontor for Eksempler"


def test_with_text_the_texts_leave_with_their_records(sample):
    bundle = bundle_of(sample)
    [first, *_] = bundle["reflections"]
    assert first["text"] == "Godt 1:1 med <b>Bo</b> & co"
    assert (first["prompt"], first["next_step"], first["tags"], first["wellbeing"]) == (
        "Hvad lærte du i dag?", "Følg op på fredag", ["1-1", "møde"], 4,
    )  # fmt: skip
    people = next(g for g in bundle["goals"] if g["discipline"] == "people")
    assert people["checkins"] == [
        {"day": "2026-02-15", "progress": 30, "note": "Halvvejs"},
        {"day": "2026-03-20", "progress": 60, "note": "Godt i gang"},
    ]
    assert bundle["feedback"][0]["ratings"] == [
        {"behaviour": "people.g1", "score": 4},
        {"behaviour": "people.teamleder.1", "score": None},
    ]


def test_the_period_limits_reflections_feedback_goals_and_check_ins(sample):
    bundle = bundle_of(sample, since=date(2026, 3, 1), until=date(2026, 3, 31))
    assert [r["day"] for r in bundle["reflections"]] == ["2026-03-15"]
    assert [f["day"] for f in bundle["feedback"]] == ["2026-03-05"]
    # the strategy goal closed in January is out; the open 1:1 goal keeps its March check-in
    [goal] = bundle["goals"]
    assert goal["title"] == "Ugentlige 1:1"
    assert [c["day"] for c in goal["checkins"]] == ["2026-03-20"]
    january = bundle_of(sample, until=date(2026, 1, 31))
    assert [g["title"] for g in january["goals"]] == ["Skriv strategien"]
    assert january["reflections"] == [] and january["feedback"] == []
    assert january["scope"]["from"] is None and january["scope"]["to"] == "2026-01-31"


def test_disciplines_limit_records_and_the_ratings_in_them(sample):
    bundle = bundle_of(sample, disciplines=("people",))
    [reflection] = bundle["reflections"]
    assert reflection["disciplines"] == ["people"]  # "self" is not shared
    assert reflection["ratings"] == [{"behaviour": "people.teamleder.1", "score": 4}]
    assert [g["discipline"] for g in bundle["goals"]] == ["people"]
    assert [f["discipline"] for f in bundle["feedback"]] == ["people"]
    assert bundle["scope"]["disciplines"] == ["people"]
    two = bundle_of(sample, disciplines=("self", "strategic"))
    assert two["scope"]["disciplines"] == ["strategic", "self"]  # the framework's order
    assert {r["id"] for r in two["reflections"]} == {
        sample.ids["r_people"],
        sample.ids["r_strategic"],
    }


def test_include_chooses_the_kinds(sample):
    bundle = bundle_of(sample, include=("goals",))
    assert bundle["reflections"] == [] and bundle["feedback"] == []
    assert len(bundle["goals"]) == 2
    assert bundle["scope"]["include"] == ["goals"]
    assert bundle_of(sample, include=("feedback", "reflections"))["scope"]["include"] == [
        "reflections",
        "feedback",
    ]


def test_the_leader_may_put_initials_in_the_bundle(sample):
    assert bundle_of(sample)["leader"]["name"] == "Ida Holm"
    bundle = build_bundle(sample.journal, ShareScope(), now=NOW, name=" IH ")
    assert bundle["leader"]["name"] == "IH"
    assert "Ida Holm" not in bundle_text(bundle)


@pytest.mark.parametrize(
    ("scope", "name", "message"),
    [
        (ShareScope(disciplines=("cooking",)), None, "unknown discipline 'cooking'"),
        (ShareScope(since=date(2026, 5, 1), until=date(2026, 4, 1)), None, "starts"),
        (ShareScope(include=("diary",)), None, "unknown kind 'diary'"),
        (ShareScope(include=()), None, "nothing to share"),
        (ShareScope(), "   ", "cannot be empty"),
        (ShareScope(), "x" * 501, "at most 500"),
    ],
)
def test_a_bad_scope_or_name_is_one_clear_error(sample, scope, name, message):
    with pytest.raises(ValidationError, match=message) as caught:
        build_bundle(sample.journal, scope, now=NOW, name=name)
    assert "\n" not in str(caught.value)


def test_a_bundle_needs_a_profile_and_an_aware_time():
    from lgtrack import Journal

    with Journal.open(":memory:") as coach, pytest.raises(ValidationError, match="no profile"):
        build_bundle(coach, ShareScope(), now=NOW)
    sample = leader_journal()
    with pytest.raises(ValidationError, match="time zone"):
        build_bundle(sample.journal, ShareScope(), now=NOW.replace(tzinfo=None))


def test_the_same_journal_and_time_give_the_same_bundle(sample):
    assert bundle_text(bundle_of(sample)) == bundle_text(bundle_of(sample))
    later = build_bundle(sample.journal, ShareScope(), now=NOW + timedelta(days=1))
    assert later["checksum"] != bundle_of(sample)["checksum"]


@pytest.mark.parametrize("text", [True, False])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_preview_lists_exactly_the_texts_in_the_bundle(sample, text, lang):
    bundle = bundle_of(sample, text=text)
    framework = sample.journal.framework()
    preview = preview_bundle(bundle, framework)
    assert sorted(x.text for x in preview.texts) == sorted(free_texts(bundle))
    lines = preview_lines(preview, framework, lang, width=60)
    assert all(len(line) <= 60 for line in lines)
    heading = next(i for i, line in enumerate(lines) if f"({len(preview.texts)}):" in line)
    listed = lines[heading + 1 :]
    assert len(listed) == len(preview.texts)
    for line, shared in zip(listed, preview.texts, strict=True):
        shown = line.split(": ", 1)[1]
        flat = " ".join(shared.text.split())
        assert flat.startswith(shown.removesuffix("…")), (shown, flat)


def test_the_preview_counts_per_kind_and_discipline_and_names_the_period(sample):
    bundle = bundle_of(sample, since=date(2026, 2, 1))
    framework = sample.journal.framework()
    preview = preview_bundle(bundle, framework)
    assert preview.totals == {"reflections": 3, "goals": 1, "feedback": 1}
    assert preview.counts["reflections"]["people"] == 1
    assert preview.counts["reflections"]["self"] == 1  # one reflection about two disciplines
    assert preview.counts["goals"]["people"] == 1
    text = "\n".join(preview_lines(preview, framework, "en"))
    assert "Period: 2026-02-01 – now" in text
    assert "Disciplines: all" in text
    assert "Free text: included" in text
    assert "People leadership and development" in text
    no_text = preview_bundle(bundle_of(sample, text=False, disciplines=("people",)), framework)
    danish = "\n".join(preview_lines(no_text, framework, "da"))
    assert "Fritekst: nej" in danish and "Discipliner: Personaleledelse og udvikling" in danish


def test_every_text_field_of_the_format_is_previewed():
    # a new text field must be listed in TEXT_FIELDS, or the preview would hide it
    from lgtrack.sharing.format import FIELDS, LEADER_FIELDS

    for kind, (always, with_text) in FIELDS.items():
        textual = {f for f in always + with_text if f in {"title", "why", "success", "note",
                   "name", "text", "prompt", "next_step", "tags"}}  # fmt: skip
        assert textual == set(TEXT_FIELDS[kind]) - ({"title"} if kind != "goals" else set())
    assert {"name", "unit"} <= set(LEADER_FIELDS)


def test_preview_messages_exist_in_both_languages():
    keys = [f"share.kind.{k}" for k in KINDS]
    keys += [f"count_{k}_{form}" for k in KINDS for form in ("one", "other")]
    keys += [f"share.item.{k}" for k in TEXT_FIELDS]
    keys += [f"share.field.{f}" for fields in TEXT_FIELDS.values() for f in fields]
    for key in keys:
        assert catalogue()[key]["da"] and catalogue()[key]["en"], key


def test_write_bundle_writes_the_file_for_its_owner_only(sample, tmp_path):
    bundle = bundle_of(sample)
    path = write_bundle(bundle, tmp_path / "til-coach.json")
    assert json.loads(path.read_text(encoding="utf-8")) == bundle
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["til-coach.json"]
    with pytest.raises(ValidationError, match="is a directory"):
        write_bundle(bundle, tmp_path)
    with pytest.raises(ValidationError, match="no folder"):
        write_bundle(bundle, tmp_path / "missing" / "b.json")


def test_shared_texts_name_their_record_and_field(sample):
    texts = shared_texts(bundle_of(sample))
    assert ("leader", None, "name", "Ida Holm") in [(x.kind, x.day, x.field, x.text) for x in texts]
    assert ("checkins", "2026-02-15", "note", "Halvvejs") in [
        (x.kind, x.day, x.field, x.text) for x in texts
    ]
    assert ("reflections", "2026-02-10", "tags", "#1-1 #møde") in [
        (x.kind, x.day, x.field, x.text) for x in texts
    ]


def test_the_documentation_matches_the_format():
    import re
    from pathlib import Path

    from lgtrack.sharing.format import TOP_FIELDS, record_fields

    doc = (Path(__file__).parents[1] / "docs" / "share-bundle.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
    assert tuple(example) == TOP_FIELDS
    for kind in KINDS:
        [record] = example[kind]
        assert set(record) == set(record_fields(kind, True)), kind
        row = next(line for line in doc.splitlines() if line.startswith(f"| {kind} |"))
        quoted = " ".join(re.findall(r"`([^`]*)`", row.split("|")[2]))
        named = set(re.findall(r"[a-z_]+", quoted))
        fields = set(record_fields(kind, True)) | set(record_fields("checkins", True))
        assert named - {"note", "day", "progress"} <= fields
        assert set(record_fields(kind, True)) <= named, kind
    for goal in example["goals"]:
        assert set(goal["checkins"][0]) == set(record_fields("checkins", True))
