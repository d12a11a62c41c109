"""The bundled frameworks are complete and faithful to their sources.

``tests/data/stuk_seed.txt`` is a copy of the seed (the text of STUK's PDF). The counts and the
Danish texts of ``stuk.yaml`` are checked against what a small parser reads out of that text:
general statements and effects are marked with U+F0B7 (a PDF bullet), level behaviours with
``•``. The expected counts from the issue are also written out, so that a broken parser cannot
make the test agree with a broken data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

import lgtrack
from lgtrack.framework import Framework, Text, bundled_frameworks

SEED = Path(__file__).parent / "data" / "stuk_seed.txt"
DATA_DIR = Path(__file__).parents[1] / "data" / "frameworks"
GENERAL_MARK = "\uf0b7"
LEVEL_MARK = "•"
LEVEL_IDS = ("styrelsesdirektor", "vicedirektor", "kontorchef", "teamleder")
SEED_LEVEL_NAMES = {
    "Styrelsesdirektør": "styrelsesdirektor",
    "Vicedirektør": "vicedirektor",
    "Kontorchef": "kontorchef",
    "Teamleder": "teamleder",
}
DISCIPLINE_IDS = ("strategic", "operational", "professional", "people", "self")

# From issue #2: (general statements, per level most senior first) for each discipline.
EXPECTED_COUNTS = {
    "strategic": (8, (5, 7, 5, 6)),
    "operational": (7, (4, 4, 5, 5)),
    "professional": (7, (2, 3, 5, 7)),
    "people": (8, (4, 4, 7, 6)),
    "self": (7, (3, 3, 4, 4)),
}
EXPECTED_EFFECTS = 6

ENGLISH_NAMES = {
    "strategic": "Strategic leadership",
    "operational": "Operational leadership",
    "professional": "Professional leadership",
    "people": "People leadership and development",
    "self": "Developing yourself as a leader",
    "styrelsesdirektor": "Director General",
    "vicedirektor": "Deputy Director General",
    "kontorchef": "Head of Division",
    "teamleder": "Team Leader",
}


def normalise(text: str) -> str:
    return " ".join(text.split())


# --- a small parser for the seed text ---------------------------------------------------------


@dataclass
class SeedDiscipline:
    name: str  # as in the heading "Ledelsesdisciplinen <name>"
    general: list[str] = field(default_factory=list)
    levels: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Seed:
    effects: list[str] = field(default_factory=list)
    disciplines: list[SeedDiscipline] = field(default_factory=list)
    marks: dict[str, int] = field(default_factory=dict)


_FOOTER = re.compile(r"^(Det fælles ledelsesgrundlag for STUK \d+|www\.stukuvm\.dk)$")


def _is_heading(line: str) -> bool:
    return (
        line in SEED_LEVEL_NAMES
        or line.startswith("Ledelsesdisciplinen ")
        or line.endswith("på forskellige ledelsesniveauer")
        or line in ("Effektbillede", "De fem ledelsesdiscipliner")
        or bool(_FOOTER.match(line))
    )


def parse_seed(text: str) -> Seed:
    """The seed's items per section: effects, and per discipline general + per level."""
    seed = Seed(marks={GENERAL_MARK: text.count(GENERAL_MARK), LEVEL_MARK: text.count(LEVEL_MARK)})
    bucket: list[str] | None = None  # where the next marked item goes
    item: list[str] | None = None  # the lines of the item being read
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if _is_heading(line):
            item = None
            if line == "Effektbillede":
                bucket = seed.effects
            elif line.startswith("Ledelsesdisciplinen "):
                seed.disciplines.append(SeedDiscipline(line.removeprefix("Ledelsesdisciplinen ")))
                bucket = seed.disciplines[-1].general
            elif line in SEED_LEVEL_NAMES:
                bucket = seed.disciplines[-1].levels.setdefault(SEED_LEVEL_NAMES[line], [])
            elif not _FOOTER.match(line):
                bucket = None
        elif line[0] in (GENERAL_MARK, LEVEL_MARK):
            assert bucket is not None, f"a marked item outside any section: {line!r}"
            item = [line[1:]]
            bucket.append("")
        elif item is not None:
            item.append(line)
        if item is not None and bucket is not None:
            bucket[-1] = normalise(" ".join(item))
    return seed


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Seed:
    return parse_seed(seed_text)


@pytest.fixture(scope="module")
def stuk() -> Framework:
    return lgtrack.load_framework("stuk")


@pytest.fixture(scope="module")
def stuk_raw() -> dict:
    return yaml.safe_load((DATA_DIR / "stuk.yaml").read_text(encoding="utf-8"))


# --- completeness ---------------------------------------------------------------------------------


def test_seed_parser_finds_every_marked_item(seed: Seed) -> None:
    general_items = len(seed.effects) + sum(len(d.general) for d in seed.disciplines)
    level_items = sum(len(items) for d in seed.disciplines for items in d.levels.values())
    assert general_items == seed.marks[GENERAL_MARK]
    assert level_items == seed.marks[LEVEL_MARK]


def test_seed_counts_are_the_ones_the_issue_names(seed: Seed) -> None:
    counts = {
        discipline_id: (len(d.general), tuple(len(d.levels[level]) for level in LEVEL_IDS))
        for discipline_id, d in zip(DISCIPLINE_IDS, seed.disciplines, strict=True)
    }
    assert counts == EXPECTED_COUNTS
    assert len(seed.effects) == EXPECTED_EFFECTS


def test_stuk_has_every_discipline_level_and_effect_of_the_seed(stuk: Framework) -> None:
    assert stuk.discipline_ids == DISCIPLINE_IDS
    assert stuk.level_ids == LEVEL_IDS
    counts = {
        d.id: (len(d.behaviours), tuple(len(d.levels.get(level, ())) for level in LEVEL_IDS))
        for d in stuk.disciplines
    }
    assert counts == EXPECTED_COUNTS
    assert len(stuk.effects) == EXPECTED_EFFECTS
    assert len(stuk.all_behaviours()) == 37 + 93


def test_disciplines_are_in_seed_order(stuk: Framework, seed: Seed) -> None:
    seed_names = [d.name.casefold() for d in seed.disciplines]
    assert [d.name.da.casefold() for d in stuk.disciplines] == seed_names


def test_every_item_is_the_seed_text_in_seed_order(stuk: Framework, seed: Seed) -> None:
    assert [e.text.da for e in stuk.effects] == seed.effects
    for discipline, seed_discipline in zip(stuk.disciplines, seed.disciplines, strict=True):
        assert [b.text.da for b in discipline.behaviours] == seed_discipline.general
        for level in LEVEL_IDS:
            assert [b.text.da for b in discipline.levels[level]] == seed_discipline.levels[level]


def _danish_texts_from_the_seed(fw: Framework) -> list[tuple[str, str]]:
    """(where, Danish text) for everything that is quoted from the seed (not lgtrack's own)."""
    texts = [("name", fw.name.da)]
    for level in fw.levels:
        texts.append((level.id, level.name.da))
    for section in fw.intro:
        texts.append((f"intro {section.id} title", section.title.da))
        for i, paragraph in enumerate(section.text.da.split("\n\n")):
            texts.append((f"intro {section.id} paragraph {i}", paragraph))
        if section.signed:
            texts.append((f"intro {section.id} signed", section.signed.da))
    for discipline in fw.disciplines:
        texts.append((discipline.id, discipline.name.da))
        if discipline.lead:
            texts.append((f"{discipline.id} lead", discipline.lead.da))
    texts += [(b.id, b.text.da) for b in fw.all_behaviours()]
    texts += [(e.id, e.text.da) for e in fw.effects]
    return texts


def test_every_danish_text_occurs_verbatim_in_the_seed(stuk: Framework, seed_text: str) -> None:
    haystack = normalise(seed_text)
    texts = _danish_texts_from_the_seed(stuk)
    assert len(texts) > 140
    absent = [where for where, text in texts if normalise(text) not in haystack]
    assert absent == []


def test_intro_sections_are_those_of_the_seed(stuk: Framework, seed_text: str) -> None:
    titles = [section.title.da for section in stuk.intro]
    lines = [line.strip() for line in seed_text.splitlines()]
    # Titles stand on their own line in the seed (the first one is wrapped over two lines).
    assert titles[0] == "Hvorfor et fælles ledelsesgrundlag for Børne- og Undervisningsministeriet?"
    assert all(title in lines for title in titles[1:])


# --- the two lists that were graphics -------------------------------------------------------------


def test_lists_that_were_graphics_are_recorded_as_missing(stuk: Framework) -> None:
    assert [m.id for m in stuk.missing] == ["ambition_areas", "five_disciplines_overview"]
    for missing in stuk.missing:
        assert missing.where.da and missing.where.en and missing.note.da and missing.note.en


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("bliver bedre til:", "Vi vil som ledere hver for sig"),
        ("STUK’s fem discipliner i det gode lederskab:", "Ledelsesdisciplinen strategisk ledelse"),
    ],
)
def test_the_seed_really_has_no_list_where_one_is_recorded_missing(
    seed_text: str, before: str, after: str
) -> None:
    haystack = normalise(seed_text)
    assert f"{before} {after}" in haystack


# --- both languages, ids --------------------------------------------------------------------------


def _all_texts(fw: Framework) -> list[tuple[str, Text]]:
    texts = [("name", fw.name)]
    texts += [(level.id, level.name) for level in fw.levels]
    for d in fw.disciplines:
        texts.append((d.id, d.name))
        if d.lead:
            texts.append((f"{d.id}.lead", d.lead))
    texts += [(b.id, b.text) for b in fw.all_behaviours()]
    texts += [(e.id, e.text) for e in fw.effects]
    for s in fw.intro:
        texts += [(f"{s.id}.title", s.title), (f"{s.id}.text", s.text)]
        texts += [(f"{s.id}.signed", s.signed)] if s.signed else []
    for m in fw.missing:
        texts += [(f"{m.id}.where", m.where), (f"{m.id}.note", m.note)]
    return texts


@pytest.mark.parametrize("framework_id", ["stuk", "kodeks"])
def test_every_text_has_danish_and_a_different_english(framework_id: str) -> None:
    texts = _all_texts(lgtrack.load_framework(framework_id))
    assert all(text.da.strip() and text.en.strip() for _, text in texts)
    same = [where for where, text in texts if normalise(text.da) == normalise(text.en)]
    assert same == []


def test_english_behaviours_are_not_left_in_danish(stuk: Framework) -> None:
    danish_letters = re.compile("[æøåÆØÅ]")
    untranslated = [b.id for b in stuk.all_behaviours() if danish_letters.search(b.text.en)]
    untranslated += [e.id for e in stuk.effects if danish_letters.search(e.text.en)]
    assert untranslated == []


def test_english_names_are_the_agreed_ones(stuk: Framework) -> None:
    names = {d.id: d.name.en for d in stuk.disciplines}
    names |= {level.id: level.name.en for level in stuk.levels}
    assert names == ENGLISH_NAMES


def _ids_in_raw(node: object) -> list[str]:
    """Every value of an ``id`` key anywhere in the raw YAML data."""
    if isinstance(node, dict):
        own = [node["id"]] if "id" in node else []
        return own + [i for value in node.values() for i in _ids_in_raw(value)]
    if isinstance(node, list):
        return [i for value in node for i in _ids_in_raw(value)]
    return []


@pytest.mark.parametrize("file_name", ["stuk.yaml", "kodeks.yaml"])
def test_ids_are_unique_across_the_whole_file(file_name: str) -> None:
    ids = _ids_in_raw(yaml.safe_load((DATA_DIR / file_name).read_text(encoding="utf-8")))
    assert len(ids) > 10
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_stuk_ids_follow_the_documented_convention(stuk: Framework) -> None:
    for d in stuk.disciplines:
        assert [b.id for b in d.behaviours] == [
            f"{d.id}.g{n}" for n in range(1, len(d.behaviours) + 1)
        ]
        for level, items in d.levels.items():
            assert [b.id for b in items] == [
                f"{d.id}.{level}.{n}" for n in range(1, len(items) + 1)
            ]
    assert [e.id for e in stuk.effects] == [f"e{n}" for n in range(1, 7)]


def test_stuk_raw_file_declares_format_and_a_quoted_version(stuk_raw: dict) -> None:
    assert stuk_raw["format"] == 1
    assert isinstance(stuk_raw["version"], str)


def test_stuk_behaviours_know_their_discipline_and_level(stuk: Framework) -> None:
    assert stuk.behaviour("strategic.g1").is_general
    teamleder = stuk.behaviour("strategic.teamleder.1")
    assert (teamleder.discipline, teamleder.level) == ("strategic", "teamleder")
    assert teamleder.text.get("da") == "Sikrer tilbageløb: Hvordan kan strategien realiseres?"
    per_discipline = stuk.behaviours_for_level("teamleder")
    assert [len(items) for items in per_discipline.values()] == [14, 12, 14, 14, 11]
    assert stuk.next_level_up("teamleder") == "kontorchef"
    assert stuk.next_level_up("styrelsesdirektor") is None


def test_stuk_scale_is_one_to_five_with_labels_in_both_languages(stuk: Framework) -> None:
    assert list(stuk.scale.values) == [1, 2, 3, 4, 5]
    assert stuk.scale.label(1, "en") == "Rarely"
    assert stuk.scale.label(5, "da") == "Næsten altid"


# --- kodeks and the bundle ------------------------------------------------------------------------


def test_kodeks_has_no_levels_and_nine_behaviours() -> None:
    kodeks = lgtrack.load_framework("kodeks")
    assert kodeks.levels == ()
    assert all(not d.levels for d in kodeks.disciplines)
    assert len(kodeks.all_behaviours()) == 9
    assert all(b.is_general for b in kodeks.all_behaviours())
    assert kodeks.behaviours_for_level(None) == {d.id: d.behaviours for d in kodeks.disciplines}


def test_bundled_files_are_named_after_their_framework_id() -> None:
    bundled = bundled_frameworks()
    assert sorted(bundled) == ["kodeks", "stuk"]
    assert {lgtrack.load_framework(path).id for path in bundled.values()} == {"kodeks", "stuk"}
    for framework_id, path in bundled.items():
        assert lgtrack.load_framework(path).id == framework_id


def test_display_names_follow_the_language_and_fall_back_to_the_id():
    fw = lgtrack.load_framework("stuk")
    assert fw.discipline_name("people", "en") == "People leadership and development"
    assert fw.discipline_name("people", "da") == "Personaleledelse og udvikling"
    assert fw.behaviour_text("self.teamleder.1", "da").startswith("Afsætter tid til refleksion")
    assert fw.level_name("kontorchef", "en") == "Head of Division"
    assert fw.discipline_name("retired", "da") == "retired"
    assert fw.behaviour_text("retired.g9", "en") == "retired.g9"
    assert fw.level_name(None, "da") == "–"
