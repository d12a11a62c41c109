"""A broken framework file fails with ONE message: the file, the place inside it, the fault.

Each broken file is a copy of the bundled ``stuk.yaml`` (read with ``yaml.safe_load``), changed
in one place and written to ``tmp_path`` with ``yaml.safe_dump``; files that YAML itself cannot
express (syntax errors, aliases, wrong encodings) are written as text or bytes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import lgtrack
from lgtrack import FrameworkError
from lgtrack._framework_schema import MAX_FILE_BYTES

STUK_FILE = Path(__file__).parents[1] / "data" / "frameworks" / "stuk.yaml"
_STUK_DATA = yaml.safe_load(STUK_FILE.read_text(encoding="utf-8"))
TEAMLEDER_3 = "disciplines[2].levels.teamleder[3]"


def stuk_data() -> dict:
    """A fresh, changeable copy of stuk.yaml's data."""
    return copy.deepcopy(_STUK_DATA)


def write_yaml(directory: Path, data: object, name: str = "broken.yaml") -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load_error(path: Path | str) -> FrameworkError:
    with pytest.raises(FrameworkError) as caught:
        lgtrack.load_framework(path)
    message = str(caught.value)
    assert "\n" not in message and message.strip() == message, message
    return caught.value


def drop_levels(data: dict) -> dict:
    del data["levels"]
    for discipline in data["disciplines"]:
        del discipline["levels"]
    return data


# --- the harness itself ---------------------------------------------------------------------


def test_an_unchanged_copy_is_valid_and_equals_the_bundled_one(tmp_path: Path) -> None:
    copied = lgtrack.load_framework(write_yaml(tmp_path, stuk_data(), "copy.yaml"))
    bundled = lgtrack.load_framework("stuk")
    assert copied.disciplines == bundled.disciplines
    assert copied.levels == bundled.levels
    assert copied.effects == bundled.effects
    assert copied.path == str(tmp_path / "copy.yaml")


# --- faults in the content, each with its exact place -----------------------------------------


def _delete_en(data: dict) -> None:
    del data["disciplines"][2]["levels"]["teamleder"][3]["text"]["en"]


def _blank_en(data: dict) -> None:
    data["disciplines"][2]["levels"]["teamleder"][3]["text"]["en"] = "   "


def _number_en(data: dict) -> None:
    data["disciplines"][2]["levels"]["teamleder"][3]["text"]["en"] = 42


def _duplicate_id(data: dict) -> None:
    data["disciplines"][1]["behaviours"][0]["id"] = "strategic.g1"


def _undeclare_teamleder(data: dict) -> None:
    data["levels"] = [level for level in data["levels"] if level["id"] != "teamleder"]


def _unknown_key(data: dict) -> None:
    data["disciplines"][1]["colour"] = "red"


def _set(path: tuple, value: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _delete(*path: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


CONTENT_FAULTS = {
    "missing translation": (_delete_en, f"{TEAMLEDER_3}.text.en", "missing translation 'en'"),
    "empty text": (_blank_en, f"{TEAMLEDER_3}.text.en", "empty text"),
    "wrong type of text": (_number_en, f"{TEAMLEDER_3}.text.en", "expected text, got a number"),
    "duplicate id": (
        _duplicate_id,
        "disciplines[1].behaviours[0].id",
        "duplicate id 'strategic.g1' (first at disciplines[0].behaviours[0].id)",
    ),
    "level not declared": (
        _undeclare_teamleder,
        "disciplines[0].levels.teamleder",
        "level 'teamleder' is not declared in levels "
        "(declared: styrelsesdirektor, vicedirektor, kontorchef)",
    ),
    "unknown key": (_unknown_key, "disciplines[1].colour", "unknown key 'colour'"),
    "unknown top-level key": (_set(("colour",), "red"), "colour", "unknown key 'colour'"),
    "unknown language": (
        _set(("effects", 0, "text", "de"), "Klare Richtung"),
        "effects[0].text.de",
        "unknown language 'de'",
    ),
    "wrong type: number as text": (
        _set(("scale", "min"), "one"),
        "scale.min",
        "expected a whole number, got text",
    ),
    "wrong type: text instead of list": (
        _set(("disciplines", 1, "behaviours"), "all of them"),
        "disciplines[1].behaviours",
        "expected a list, got text",
    ),
    "wrong type: plain string name": (
        _set(("levels", 0, "name"), "Styrelsesdirektør"),
        "levels[0].name",
        "expected a text with da and en, got text",
    ),
    "wrong type: true/false id": (
        _set(("effects", 0, "id"), True),
        "effects[0].id",
        "expected text, got true/false",
    ),
    "wrong type: levels as a list": (
        _set(("disciplines", 4, "levels"), []),
        "disciplines[4].levels",
        "expected a mapping of level ids, got a list",
    ),
    "missing required key": (_delete("scale"), "(top)", "missing required key 'scale'"),
    "missing behaviour text": (
        _delete("disciplines", 3, "behaviours", 2, "text"),
        "disciplines[3].behaviours[2]",
        "missing required key 'text'",
    ),
    "invalid id": (
        _set(("disciplines", 0, "behaviours", 0, "id"), "Strategic G1"),
        "disciplines[0].behaviours[0].id",
        "invalid id 'Strategic G1'",
    ),
    "unsupported format": (_set(("format",), 2), "format", "unsupported format 2"),
    "scale upside down": (_set(("scale", "max"), 1), "scale", "min (1) must be below max (1)"),
    "wrong number of labels": (
        _set(("scale", "labels", "en"), ["Rarely", "Often"]),
        "scale.labels.en",
        "expected 5 labels, got 2",
    ),
    "no disciplines": (_set(("disciplines",), []), "disciplines", "must not be empty"),
    "discipline without behaviours": (
        _set(("disciplines", 0), {"id": "x", "name": {"da": "X", "en": "X"}, "behaviours": []}),
        "disciplines[0].behaviours",
        "a discipline needs at least one behaviour",
    ),
}


@pytest.mark.parametrize(
    ("change", "place", "fault"), CONTENT_FAULTS.values(), ids=CONTENT_FAULTS.keys()
)
def test_content_fault_names_file_place_and_fault(
    tmp_path: Path, change: Callable[[dict], None], place: str, fault: str
) -> None:
    data = stuk_data()
    change(data)
    error = load_error(write_yaml(tmp_path, data))
    assert str(error).startswith(f"broken.yaml: {place}: {fault}")
    assert (error.file, error.path) == ("broken.yaml", place)


def test_the_place_is_the_one_from_the_issue(tmp_path: Path) -> None:
    data = stuk_data()
    _delete_en(data)
    message = str(load_error(write_yaml(tmp_path, data)))
    assert (
        message
        == "broken.yaml: disciplines[2].levels.teamleder[3].text.en: missing translation 'en'"
    )


def test_a_level_used_where_no_levels_are_declared_is_refused(tmp_path: Path) -> None:
    data = stuk_data()
    del data["levels"]
    message = str(load_error(write_yaml(tmp_path, data)))
    assert message.startswith("broken.yaml: disciplines[0].levels.styrelsesdirektor: ")
    assert "(declared: none)" in message


# --- a framework without levels ---------------------------------------------------------------


def test_a_framework_without_levels_is_valid(tmp_path: Path) -> None:
    data = drop_levels(stuk_data())
    data["id"] = "nolevels"
    fw = lgtrack.load_framework(write_yaml(tmp_path, data, "nolevels.yaml"))
    assert fw.levels == () and fw.level_ids == ()
    assert len(fw.all_behaviours()) == 37
    assert fw.behaviours_for_level(None)["strategic"] == fw.discipline("strategic").behaviours
    with pytest.raises(KeyError):
        fw.behaviours_for_level("teamleder")


def test_levels_declared_but_unused_by_a_discipline_are_fine(tmp_path: Path) -> None:
    data = stuk_data()
    del data["disciplines"][4]["levels"]
    fw = lgtrack.load_framework(write_yaml(tmp_path, data))
    assert fw.discipline("self").behaviours_for("teamleder") == fw.discipline("self").behaviours


# --- faults in the file itself ----------------------------------------------------------------


def _stuk_lines() -> list[str]:
    return STUK_FILE.read_text(encoding="utf-8").splitlines()


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    lines = _stuk_lines()
    assert lines[19].startswith("name: ")
    lines[19] = "name: x: y"
    path = tmp_path / "broken.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    message = str(load_error(path))
    assert message.startswith("broken.yaml: line 20, column 8: YAML syntax error: ")
    assert "mapping values are not allowed here" in message


def test_a_tab_for_indentation_names_the_line(tmp_path: Path) -> None:
    lines = _stuk_lines()
    lines[19] = "\t" + lines[19]
    path = tmp_path / "broken.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert str(load_error(path)).startswith("broken.yaml: line 20, column 1: YAML syntax error")


def test_a_key_given_twice_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    text = 'name:\n  da: "Navn"\n  en: "Name"\n  en: "Other name"\n'
    path.write_text(text, encoding="utf-8")
    assert str(load_error(path)) == "broken.yaml: line 4, column 3: duplicate key 'en'"


def test_a_level_given_twice_in_a_discipline_is_refused(tmp_path: Path) -> None:
    lines = _stuk_lines()
    index = lines.index("      teamleder:")
    lines[index + 1 : index + 1] = ["        []", "      teamleder:"]
    path = tmp_path / "broken.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    message = str(load_error(path))
    assert message == f"broken.yaml: line {index + 3}, column 7: duplicate key 'teamleder'"


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(STUK_FILE.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    message = str(load_error(path))
    assert message.startswith("latin1.yaml: line 1: not UTF-8 text (byte ")


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + STUK_FILE.read_bytes())
    assert lgtrack.load_framework(path).id == "stuk"


def test_a_yaml_alias_bomb_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(ord("b"), ord("j")):
        previous = chr(n - 1)
        lines.append(f"{chr(n)}: &{chr(n)} [{', '.join([f'*{previous}'] * 9)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert str(load_error(path)) == "bomb.yaml: line 2, column 8: aliases (*name) are not allowed"


def test_a_single_harmless_alias_is_refused_too(tmp_path: Path) -> None:
    data_text = STUK_FILE.read_text(encoding="utf-8")
    data_text = data_text.replace("  min: 1\n", "  min: &low 1\n  labels_min: *low\n", 1)
    path = tmp_path / "alias.yaml"
    path.write_text(data_text, encoding="utf-8")
    assert "aliases (*name) are not allowed" in str(load_error(path))


def test_python_tags_are_refused_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    path = tmp_path / "evil.yaml"
    path.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    message = str(load_error(path))
    assert message.startswith("evil.yaml: line 1, column 1: could not determine a constructor")
    assert not marker.exists()


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(content, encoding="utf-8")
    assert str(load_error(path)) == "empty.yaml: the file is empty (no YAML content)"


@pytest.mark.parametrize(
    ("content", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "text"), ("42\n", "a number")]
)
def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path, content: str, kind: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(content, encoding="utf-8")
    assert str(load_error(path)) == f"odd.yaml: (top): expected a mapping, got {kind}"


def test_a_nul_character_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_text("format: 1\nid: x\x00y\n", encoding="utf-8")
    assert str(load_error(path)) == "nul.yaml: line 2: character #x0000 is not allowed in YAML"


def test_deep_nesting_is_refused_without_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    assert str(load_error(path)) == "deep.yaml: YAML nested too deeply"


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    assert "file is larger than 2,000,000 bytes" in str(load_error(path))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert str(load_error(path)) == f"{path}: no such file"
    assert str(load_error(str(path))) == f"{path}: no such file"


def test_a_folder_is_not_a_framework_file(tmp_path: Path) -> None:
    assert str(load_error(tmp_path)) == f"{tmp_path}: is a folder, not a framework file"


def test_an_unknown_bundled_id_lists_the_bundled_ones() -> None:
    assert str(load_error("nope")) == "unknown framework 'nope' (bundled: kodeks, stuk)"


def test_a_bundled_id_and_a_path_give_the_same_framework() -> None:
    by_id = lgtrack.load_framework("stuk")
    by_path = lgtrack.load_framework(STUK_FILE)
    assert by_id.disciplines == by_path.disciplines
    assert lgtrack.load_framework() is by_id


def test_a_file_fixed_after_a_failure_loads(tmp_path: Path) -> None:
    data = stuk_data()
    _delete_en(data)
    path = write_yaml(tmp_path, data, "edited.yaml")
    load_error(path)
    write_yaml(tmp_path, stuk_data(), "edited.yaml")
    assert lgtrack.load_framework(path).id == "stuk"


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    data = stuk_data()
    path = write_yaml(tmp_path, data, "edited.yaml")
    assert lgtrack.load_framework(path).version == "1.0"
    data["version"] = "1.1-draft"
    write_yaml(tmp_path, data, "edited.yaml")
    assert lgtrack.load_framework(path).version == "1.1-draft"
