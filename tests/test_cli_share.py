"""``lgtrack share`` previews exactly what leaves before writing; ``lgtrack leaders`` lists all.

Bad input ends in exit code 2, exactly one line on stderr, and no file written.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date

import pytest
from sharing_support import leader_journal

from lgtrack import Journal
from lgtrack.cli import main
from lgtrack.i18n import t
from lgtrack.keys import journal_keys
from lgtrack.sharing import shared_texts

CONFIRM = t("cli_share_confirm", "da")  # the question, in the Danish profile's language

LEADERS_KEYS = {
    "id", "name", "level", "imported_at", "framework", "reflections", "goals", "feedback",
    "last_entry", "me", "scope", "fingerprint",
}  # fmt: skip


class Terminal(io.StringIO):
    """An interactive stdin holding what the user will type."""

    def isatty(self) -> bool:
        return True


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_bad_input(code: int, err: str) -> None:
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert err.startswith("lgtrack: fejl: ") and "Traceback" not in err


@pytest.fixture
def home(tmp_path) -> str:
    """A leader's journal on disk (Danish profile)."""
    path = tmp_path / "leader"
    leader_journal("Ida Holm", home=str(path)).journal.close()
    return str(path)


@pytest.fixture(autouse=True)
def piped_stdin(monkeypatch) -> None:
    """Not a terminal (as in a script), unless a test says otherwise."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_share_previews_then_writes_the_bundle(home, tmp_path, capsys):
    out_file = tmp_path / "til-coach.json"
    code, out, err = run(capsys, "share", "--out", str(out_file), "--home", home)
    assert code == 0 and err == ""
    bundle = json.loads(out_file.read_text(encoding="utf-8"))
    assert bundle["format"] == "lgtrack-share"
    assert out.startswith("Det her forlader din computer")
    assert "Periode: begyndelsen – nu" in out and "Fritekst: med" in out
    assert f"Delingsfilen er skrevet: {out_file} (3 refleksioner, 2 mål, 1 feedback)." in out
    assert "PRIVAT" not in out and "PRIVAT" not in out_file.read_text(encoding="utf-8")


def test_the_preview_shows_every_text_that_is_in_the_file(home, tmp_path, capsys):
    out_file = tmp_path / "b.json"
    code, out, _ = run(capsys, "share", "--out", str(out_file), "--lang", "en", "--home", home)
    assert code == 0
    texts = shared_texts(json.loads(out_file.read_text(encoding="utf-8")))
    assert f"Text that is shared ({len(texts)}):" in out
    for shared in texts:
        assert " ".join(shared.text.split())[:40] in out, shared
    assert "Reflections" in out and "Goals" in out and "Total" in out


def test_dry_run_only_previews(home, tmp_path, capsys):
    code, out, _ = run(capsys, "share", "--dry-run", "--out", str(tmp_path / "b.json"),
                       "--home", home)  # fmt: skip
    assert code == 0 and "Prøvekørsel (--dry-run): intet er skrevet." in out
    assert not (tmp_path / "b.json").exists()
    code, out, _ = run(capsys, "share", "--dry-run", "--home", home)
    assert code == 0 and "Godt 1:1 med <b>Bo</b> & co" in out


def test_no_text_preview_and_bundle(home, tmp_path, capsys):
    out_file = tmp_path / "plain.json"
    code, out, _ = run(capsys, "share", "--out", str(out_file), "--no-text", "--name", "IH",
                       "--home", home)  # fmt: skip
    assert code == 0
    assert "Fritekst: nej – kun vurderinger, datoer og måltitler deles" in out
    assert "Tekst der deles (3):" in out  # the name in the bundle and two goal titles
    assert "Godt 1:1 med" not in out and "Ida Holm" not in out
    bundle = json.loads(out_file.read_text(encoding="utf-8"))
    assert bundle["leader"]["name"] == "IH" and bundle["scope"]["text"] is False
    assert "text" not in bundle["reflections"][0]


def test_scope_options(home, tmp_path, capsys):
    out_file = tmp_path / "b.json"
    code, out, _ = run(
        capsys, "share", "--out", str(out_file), "--from", "2026-02-01", "--to", "2026-03-31",
        "--discipline", "people", "self", "--include", "reflections,goals", "--home", home,
    )  # fmt: skip
    assert code == 0
    bundle = json.loads(out_file.read_text(encoding="utf-8"))
    assert bundle["scope"] == {
        "from": "2026-02-01", "to": "2026-03-31", "disciplines": ["people", "self"],
        "text": True, "include": ["reflections", "goals"],
    }  # fmt: skip
    assert [r["day"] for r in bundle["reflections"]] == ["2026-02-10"]
    assert bundle["feedback"] == []
    assert "Periode: 2026-02-01 – 2026-03-31" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out", "b.json", "--discipline", "cooking"], "ukendt disciplin 'cooking'"),
        (["--out", "b.json", "--from", "2026-05-01", "--to", "2026-04-01"], "begynder"),
        (["--out", "b.json", "--from", "2026-02-30"], "ikke en gyldig dato"),
        (["--out", "b.json", "--include", "reflections,diary"], "ukendt slags 'diary'"),
        (["--out", "b.json", "--name", " "], "må ikke være tomt"),
        ([], "angiv --out FIL"),
        (["--out", "missing-folder/b.json"], "findes ikke"),
    ],
)
def test_bad_share_options_are_one_line_and_write_nothing(home, tmp_path, capsys, monkeypatch,
                                                          argv, message):  # fmt: skip
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "share", *argv, "--home", home)
    assert_bad_input(code, err)
    assert message in err
    assert not (tmp_path / "b.json").exists()


def test_share_never_writes_over_the_journal_itself(home, capsys):
    database = f"{home}/journal.sqlite"
    with open(database, "rb") as handle:
        before = handle.read()
    code, _, err = run(capsys, "share", "--out", database, "--yes", "--home", home)
    assert_bad_input(code, err)
    assert "journalens egen database" in err
    with open(database, "rb") as handle:
        assert handle.read() == before


def test_share_needs_a_profile(tmp_path, capsys):
    Journal.open(tmp_path / "coach").close()
    code, _, err = run(capsys, "share", "--out", str(tmp_path / "b.json"),
                       "--home", str(tmp_path / "coach"))  # fmt: skip
    assert_bad_input(code, err)
    assert "ingen profil" in err


@pytest.mark.parametrize(("answer", "written"), [("y\n", True), ("ja\n", True), ("n\n", False),
                                                 ("\n", False), ("", False)])  # fmt: skip
def test_at_a_terminal_share_asks_before_writing(home, tmp_path, capsys, monkeypatch, answer,
                                                 written):  # fmt: skip
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    out_file = tmp_path / "b.json"
    code, out, _ = run(capsys, "share", "--out", str(out_file), "--home", home)
    assert code == 0
    assert CONFIRM == "Skriv filen? [j/N] " and CONFIRM in out
    assert out.index("Tekst der deles") < out.index(CONFIRM)  # the preview comes first
    assert out_file.exists() is written
    assert ("Intet er skrevet." in out) is not written


def test_yes_skips_the_question(home, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    out_file = tmp_path / "b.json"
    code, out, _ = run(capsys, "share", "--out", str(out_file), "--yes", "--home", home)
    assert code == 0 and out_file.exists() and CONFIRM not in out


def test_leaders_json_lists_me_and_imported_leaders(home, tmp_path, capsys):
    bundle = tmp_path / "bo.json"
    bo = leader_journal("Bo Berg", home=str(tmp_path / "bo"))
    bo.journal.close()
    assert main(["share", "--out", str(bundle), "--home", str(tmp_path / "bo")]) == 0
    assert main(["import", str(bundle), "--home", home]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "leaders", "--json", "--home", home)
    assert code == 0
    me, other = json.loads(out)
    assert set(me) == LEADERS_KEYS and set(other) == LEADERS_KEYS
    assert (me["name"], me["me"], me["imported_at"], me["scope"]) == ("Ida Holm", True, None, None)
    assert (me["reflections"], me["goals"], me["feedback"]) == (4, 3, 2)  # private ones too
    assert (other["name"], other["me"], other["level"]) == ("Bo Berg", False, "teamleder")
    assert (other["reflections"], other["goals"], other["feedback"]) == (3, 2, 1)
    assert other["imported_at"].startswith(date.today().isoformat()[:4])
    assert other["framework"] == {"id": "stuk", "version": "1.0"}
    assert other["last_entry"] == "2026-04-01"
    assert other["scope"]["include"] == ["reflections", "goals", "feedback"]


def test_leaders_table_and_an_empty_journal(home, tmp_path, capsys):
    code, out, _ = run(capsys, "leaders", "--home", home)
    assert code == 0
    assert out.splitlines()[0].split() == ["Id", "Navn", "Niveau", "Kilde", "Refl.", "Mål",
                                           "Feedb.", "Seneste", "Fingeraftryk"]  # fmt: skip
    assert out.splitlines()[1].split()[-1] == "-"  # "me": no pinned key
    assert "Ida Holm" in out and "mig" in out
    short_id = out.splitlines()[1].split()[0]  # the prefix `report --leader` accepts
    assert len(short_id) == 8 and Journal.open(home).me().id.startswith(short_id)
    assert "Teamleder" in out and "teamleder" not in out  # the level's name, not its id
    code, out, _ = run(capsys, "leaders", "--lang", "en", "--home", home)
    assert "Team Leader" in out
    Journal.open(tmp_path / "coach").close()
    code, out, _ = run(capsys, "leaders", "--lang", "en", "--home", str(tmp_path / "coach"))
    # the empty state names a coach's next step: import a bundle
    assert code == 0 and out == "No leaders in this journal yet.\n" + (
        "Import a leader's share bundle: lgtrack import FILE\n"
    )
    code, out, _ = run(capsys, "leaders", "--json", "--home", str(tmp_path / "coach"))
    assert json.loads(out) == []


def test_leaders_prints_no_terminal_escapes_from_a_bundle(tmp_path, capsys):
    sample = leader_journal("\x1b[2JIda\x07", home=str(tmp_path / "ida"))
    sample.journal.close()
    bundle = tmp_path / "ida.json"
    assert main(["share", "--out", str(bundle), "--home", str(tmp_path / "ida")]) == 0
    assert main(["import", str(bundle), "--home", str(tmp_path / "coach")]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "leaders", "--home", str(tmp_path / "coach"))
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "?[2JIda?" in out


def test_import_of_a_bundle_prints_one_summary_line(home, tmp_path, capsys):
    bundle = tmp_path / "b.json"
    assert main(["share", "--out", str(bundle), "--home", home]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "import", str(bundle), "--home", str(tmp_path / "coach"))
    assert code == 0 and err == ""
    with Journal.open(home, create=False) as leader:
        fingerprint = journal_keys(leader).fingerprint
    assert out == (  # a coach's journal without a profile: Danish
        "Delingspakken fra Ida Holm er importeret: 3 refleksioner, 2 mål, 1 feedback "
        "(6 tilføjet, 0 opdateret, 0 uændret, 0 fjernet) "
        f"Ny nøgle gemt for Ida Holm, fingeraftryk {fingerprint}: sammenlign det højt med "
        "Ida Holm ('lgtrack key show').\n"
    )
    code, out, err = run(capsys, "import", str(bundle), "--home", str(tmp_path / "coach"))
    assert code == 0 and out.endswith(f"0 fjernet) Nøglens fingeraftryk: {fingerprint}.\n")
    code, _, err = run(capsys, "import", str(bundle), "--home", home)
    assert_bad_input(code, err)
    assert "din egen delingspakke" in err


def test_share_help_documents_the_behaviour(capsys):
    code, out, _ = run(capsys, "share", "--help")
    assert code == 0
    for phrase in ("private forlader aldrig", "Skriv filen? [j/N]", "--dry-run",
                   "ikke en terminal", "--no-text", "--name", "lgtrack import FILE",
                   "--round ID", "aldrig enkelte svar, aldrig kommentarer"):  # fmt: skip
        assert phrase in " ".join(out.split()), phrase
