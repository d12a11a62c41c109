"""``lgtrack framework list|show|validate``: exit 0 when well, 2 with one stderr line when not."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from lgtrack.cli import main

STUK_FILE = Path(__file__).parents[1] / "data" / "frameworks" / "stuk.yaml"
_STUK_DATA = yaml.safe_load(STUK_FILE.read_text(encoding="utf-8"))
LEVEL_IDS = ["styrelsesdirektor", "vicedirektor", "kontorchef", "teamleder"]
DISCIPLINE_IDS = ["strategic", "operational", "professional", "people", "self"]
ENGLISH_NAMES = [
    "Strategic leadership",
    "Operational leadership",
    "Professional leadership",
    "People leadership and development",
    "Developing yourself as a leader",
]


@pytest.fixture(autouse=True)
def no_journal(tmp_path_factory, monkeypatch) -> None:
    """No journal anywhere: the command line then speaks Danish (not your own journal's language)."""
    monkeypatch.setenv("LGTRACK_HOME", str(tmp_path_factory.mktemp("home") / "none"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``lgtrack ARGV`` in-process: (exit code, stdout, stderr)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 2
    assert out == ""
    assert err.startswith("lgtrack: fejl: ")  # usage errors too speak Danish without a journal
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


# --- list -------------------------------------------------------------------------------------


def test_list_names_the_bundled_frameworks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "framework", "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["kodeks", "stuk"]
    assert "Det fælles ledelsesgrundlag for STUK" in lines[1]
    assert "130 adfærdsbeskrivelser" in lines[1]


def test_list_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "list", "--lang", "en")
    assert code == 0
    assert "The common leadership foundation for STUK" in out
    assert "Det fælles" not in out
    assert "130 behaviours" in out


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [row["id"] for row in rows] == ["kodeks", "stuk"]
    stuk = rows[1]
    assert stuk["name"] == {
        "da": "Det fælles ledelsesgrundlag for STUK",
        "en": "The common leadership foundation for STUK",
    }
    assert stuk["levels"] == LEVEL_IDS
    assert (stuk["disciplines"], stuk["behaviours"]) == (5, 130)
    assert rows[0]["levels"] == []


# --- show -------------------------------------------------------------------------------------


def test_show_prints_every_behaviour_in_danish(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "framework", "show", "stuk")
    assert (code, err) == (0, "")
    assert out.count("[strategic.") == 8 + 5 + 7 + 5 + 6
    assert sum(out.count(f"[{d}.") for d in DISCIPLINE_IDS) == 130
    assert "Strategisk ledelse" in out and "Teamleder:" in out
    assert "Sikrer tilbageløb: Hvordan kan strategien realiseres?" in out
    assert "[e6] Engagerede medarbejdere" in out


def test_show_level_keeps_general_and_that_level(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "show", "stuk", "--level", "teamleder")
    assert code == 0
    assert "[strategic.g1]" in out and "[strategic.teamleder.6]" in out
    assert "[self.teamleder.4]" in out
    assert "kontorchef." not in out and "styrelsesdirektor." not in out
    assert sum(out.count(f"[{d}.") for d in DISCIPLINE_IDS) == 37 + 28


def test_show_in_english_uses_the_english_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "show", "stuk", "--lang", "en")
    assert code == 0
    for name in [*ENGLISH_NAMES, "Director General", "Deputy Director General", "Head of Division"]:
        assert name in out
    assert "Team Leader:" in out
    assert "Ensures a feedback loop: How can the strategy be realised?" in out
    assert "Strategisk ledelse" not in out and "Teamleder" not in out
    assert "Spiller medarbejderne gode" not in out


def test_show_level_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "show", "stuk", "--level", "teamleder", "--lang", "en")
    assert code == 0
    assert out.splitlines()[3] == "Team Leader"
    assert all(name in out for name in ENGLISH_NAMES)
    assert "Head of Division" not in out


def test_show_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "show", "stuk", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["id"], data["version"]) == ("stuk", "1.0")
    assert data["name"]["en"] == "The common leadership foundation for STUK"
    assert [level["id"] for level in data["levels"]] == LEVEL_IDS
    assert data["levels"][3]["name"] == {"da": "Teamleder", "en": "Team Leader"}
    assert [d["id"] for d in data["disciplines"]] == DISCIPLINE_IDS
    assert [d["name"]["en"] for d in data["disciplines"]] == ENGLISH_NAMES
    strategic = data["disciplines"][0]
    assert list(strategic["levels"]) == LEVEL_IDS
    assert strategic["behaviours"][0] == {
        "id": "strategic.g1",
        "text": {
            "da": _STUK_DATA["disciplines"][0]["behaviours"][0]["text"]["da"],
            "en": _STUK_DATA["disciplines"][0]["behaviours"][0]["text"]["en"],
        },
    }
    assert [e["id"] for e in data["effects"]] == [f"e{n}" for n in range(1, 7)]
    assert [m["id"] for m in data["missing"]] == ["ambition_areas", "five_disciplines_overview"]
    assert data["scale"]["min"] == 1 and len(data["scale"]["labels"]["en"]) == 5


def test_show_json_level_filter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "show", "stuk", "--level", "kontorchef", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["levels"] == [
        {"id": "kontorchef", "name": {"da": "Kontorchef", "en": "Head of Division"}}
    ]
    assert [list(d["levels"]) for d in data["disciplines"]] == [["kontorchef"]] * 5
    assert [len(d["levels"]["kontorchef"]) for d in data["disciplines"]] == [5, 5, 5, 7, 4]
    assert [len(d["behaviours"]) for d in data["disciplines"]] == [8, 7, 7, 8, 7]


def test_show_framework_without_levels(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "show", "kodeks", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["levels"] == []
    assert all(d["levels"] == {} for d in data["disciplines"])
    assert sum(len(d["behaviours"]) for d in data["disciplines"]) == 9


def test_show_a_file_by_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = copy.deepcopy(_STUK_DATA)
    data["id"] = "ours"
    path = tmp_path / "ours.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = run(capsys, "framework", "show", str(path), "--level", "teamleder")
    assert code == 0
    assert out.startswith("Det fælles ledelsesgrundlag for STUK (ours 1.0)")


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["show", "nope"], ["ukendt ramme 'nope' (medfølgende: kodeks, stuk)"]),
        (["show", "stuk", "--level", "chef"], ["ukendt niveau 'chef'", "teamleder"]),
        (["show", "kodeks", "--level", "teamleder"], ["'kodeks' har ingen niveauer"]),
        (["show", "stuk", "--lang", "fr"], ["ugyldigt valg: 'fr'"]),
        (["show"], ["skal angives", "ID"]),
        (["list", "--level", "x"], ["ukendte argumenter"]),
        ([], ["skal angives", "ACTION"]),
        (["frobnicate"], ["ugyldigt valg"]),
    ],
)
def test_show_bad_input(capsys: pytest.CaptureFixture[str], argv: list[str], fragments) -> None:
    assert_one_line_error(*run(capsys, "framework", *argv), *fragments)


# --- validate -----------------------------------------------------------------------------------


def test_validate_a_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "framework", "validate", str(STUK_FILE))
    assert (code, err) == (0, "")
    assert out == (
        f"{STUK_FILE}: gyldig — stuk 1.0: 5 discipliner, 4 niveauer, 130 adfærdsbeskrivelser, "
        "6 effekter\n"
    )


def _mutated(change: Callable[[dict], None]) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        data = copy.deepcopy(_STUK_DATA)
        change(data)
        path = directory / "bad.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        return path

    return build


def _text_file(content: str | bytes) -> Callable[[Path], Path]:
    def build(directory: Path) -> Path:
        path = directory / "bad.yaml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return build


def _teamleder_3_text(data: dict) -> dict:
    return data["disciplines"][2]["levels"]["teamleder"][3]["text"]


_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(n)}: &{chr(n)} [{', '.join([f'*{chr(n - 1)}'] * 9)}]\n" for n in range(98, 106)
)
BAD_FILES = {
    "missing translation": (
        _mutated(lambda d: _teamleder_3_text(d).pop("en")),
        "bad.yaml: disciplines[2].levels.teamleder[3].text.en: oversættelsen 'en' mangler",
    ),
    "empty text": (
        _mutated(lambda d: _teamleder_3_text(d).update(da="")),
        "bad.yaml: disciplines[2].levels.teamleder[3].text.da: teksten er tom",
    ),
    "duplicate id": (
        _mutated(lambda d: d["effects"][1].update(id="e1")),
        "bad.yaml: effects[1].id: id'et 'e1' findes allerede (første gang ved effects[0].id)",
    ),
    "undeclared level": (
        _mutated(lambda d: d["levels"].pop()),
        "bad.yaml: disciplines[0].levels.teamleder: niveauet 'teamleder' er ikke erklæret",
    ),
    "wrong type": (
        _mutated(lambda d: d["scale"].update(max="five")),
        "bad.yaml: scale.max: forventede et helt tal, men fandt tekst",
    ),
    "unknown key": (
        _mutated(lambda d: d["disciplines"][0].update(colour="red")),
        "bad.yaml: disciplines[0].colour: ukendt nøgle 'colour'",
    ),
    "syntax error": (
        _text_file("format: 1\nid: stuk\nname: x: y\n"),
        "bad.yaml: linje 3, kolonne 8",
    ),
    "not UTF-8": (
        _text_file("name: Ledelsesgrundlag for STUK\nid: k\xf8b\n".encode("latin-1")),
        "bad.yaml: linje 2: ikke UTF-8-tekst",
    ),  # fmt: skip
    "alias bomb": (
        _text_file(_BOMB),
        "bad.yaml: linje 2, kolonne 8: aliasser (*navn) er ikke tilladt",
    ),
    "empty file": (_text_file(""), "bad.yaml: filen er tom"),
    "missing file": (lambda directory: directory / "absent.yaml", "absent.yaml: filen findes ikke"),
}


@pytest.mark.parametrize(("build", "expected"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_validate_a_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, build, expected: str
) -> None:
    path = build(tmp_path)
    code, out, err = run(capsys, "framework", "validate", str(path))
    assert_one_line_error(code, out, err, expected)


@pytest.mark.parametrize(("build", "expected"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_show_a_bad_file_fails_the_same_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, build, expected: str
) -> None:
    path = build(tmp_path)
    assert_one_line_error(*run(capsys, "framework", "show", str(path), "--json"), expected)


def test_validate_an_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(*run(capsys, "framework", "validate", "nope"), "ukendt ramme 'nope'")


def test_validate_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "framework", "validate", str(tmp_path))
    assert_one_line_error(code, out, err, "er en mappe, ikke en rammefil")


# --- the real command, in a separate process ---------------------------------------------------


def lgtrack_process(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "lgtrack.cli", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_the_command_runs_from_any_folder(tmp_path: Path) -> None:
    done = lgtrack_process("framework", "show", "stuk", "--level", "teamleder", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert "Teamleder" in done.stdout and "[people.teamleder.6]" in done.stdout


def test_the_command_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = BAD_FILES["missing translation"][0](tmp_path)
    done = lgtrack_process("framework", "validate", str(bad), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "lgtrack: fejl: bad.yaml: disciplines[2].levels.teamleder[3].text.en: "
        "oversættelsen 'en' mangler\n"
    )
