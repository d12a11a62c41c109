"""Encrypted bundles for e-mail (issue #10, part 7): ``lgtrack share --encrypt`` for the coach's
key or with a passphrase; ``lgtrack import`` opens them only with the right key or passphrase.
A wrong one is one line, and nothing is stored (no journal is even created).
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys

import pytest
from sharing_support import leader_journal, snapshot

from lgtrack import Journal
from lgtrack.cli import main
from lgtrack.sharing.envelope import (
    decrypt_with_identity,
    encrypt_for,
    encrypt_with_passphrase,
    is_encrypted,
    needs_passphrase,
)

PASSPHRASE = "kaffe på tredje sal"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def piped_stdin(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.delenv("LGTRACK_PASSPHRASE", raising=False)


@pytest.fixture
def homes(tmp_path) -> dict[str, str]:
    """Ida's journal, and the journal of her coach (with keys, before any import)."""
    homes = {name: str(tmp_path / name) for name in ("ida", "coach", "other")}
    leader_journal("Ida Holm", home=homes["ida"]).journal.close()
    return homes


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_refusal(code: int, err: str) -> str:
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def coach_key(capsys, home: str) -> str:
    assert main(["key", "show", "--home", home, "--json"]) == 0
    return json.loads(capsys.readouterr().out)["recipient"]


def state(home: str) -> dict:
    with Journal.open(home, create=False) as journal:
        return snapshot(journal.store.conn)


def passphrase_file(tmp_path, text: str = PASSPHRASE, name: str = "frase.txt") -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_a_bundle_encrypted_for_the_coachs_key_opens_only_in_the_coachs_journal(
    homes, tmp_path, capsys
):
    recipient = coach_key(capsys, homes["coach"])
    coach_key(capsys, homes["other"])  # another journal, with keys of its own
    out = tmp_path / "til-coach.age"
    code, stdout, _ = run(capsys, "share", "--out", str(out), "--recipient", recipient,
                          "--home", homes["ida"])  # fmt: skip
    assert code == 0 and "Delingsfilen er krypteret og skrevet" in stdout
    data = out.read_bytes()
    assert data.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----") and is_encrypted(data)
    assert b"Strategidag" not in data and b"Ida Holm" not in data
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    before = state(homes["other"])
    err = one_line_refusal(*run(capsys, "import", str(out), "--home", homes["other"])[::2])
    assert "til-coach.age: pakken er krypteret til en anden nøgle end denne journals" in err
    assert state(homes["other"]) == before
    code, stdout, _ = run(capsys, "import", str(out), "--home", homes["coach"])
    assert code == 0 and "Delingspakken fra Ida Holm er importeret: 3 refleksioner" in stdout


def test_a_key_encrypted_bundle_creates_no_journal_where_there_is_none(homes, tmp_path, capsys):
    recipient = coach_key(capsys, homes["coach"])
    out = tmp_path / "b.age"
    assert main(["share", "--out", str(out), "--recipient", recipient, "--home", homes["ida"]]) == 0
    capsys.readouterr()
    nowhere = tmp_path / "nowhere"
    one_line_refusal(*run(capsys, "import", str(out), "--home", str(nowhere))[::2])
    assert not nowhere.exists()


def test_a_passphrase_bundle_opens_only_with_the_right_passphrase(homes, tmp_path, capsys):
    out = tmp_path / "b.age"
    right = passphrase_file(tmp_path)
    code, _, _ = run(capsys, "share", "--out", str(out), "--encrypt", "--passphrase-file", right,
                     "--home", homes["ida"])  # fmt: skip
    assert code == 0 and needs_passphrase(out.read_bytes())
    coach_key(capsys, homes["coach"])
    before = state(homes["coach"])
    wrong = passphrase_file(tmp_path, "kaffe på fjerde sal", "forkert.txt")
    err = one_line_refusal(*run(capsys, "import", str(out), "--passphrase-file", wrong,
                                "--home", homes["coach"])[::2])  # fmt: skip
    assert "b.age: forkert adgangsfrase, eller filen er beskadiget; intet er importeret" in err
    err = one_line_refusal(*run(capsys, "import", str(out), "--home", homes["coach"])[::2])
    assert "en adgangsfrase mangler" in err  # no terminal, no file, no environment
    assert state(homes["coach"]) == before
    code, stdout, _ = run(capsys, "import", str(out), "--passphrase-file", right,
                          "--home", homes["coach"])  # fmt: skip
    assert code == 0 and "Delingspakken fra Ida Holm er importeret" in stdout


def test_the_passphrase_can_come_from_the_environment(homes, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LGTRACK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "b.age"
    assert main(["share", "--out", str(out), "--encrypt", "--home", homes["ida"]]) == 0
    assert needs_passphrase(out.read_bytes())
    assert main(["import", str(out), "--home", homes["coach"]]) == 0
    assert "importeret" in capsys.readouterr().out


def test_at_a_terminal_the_passphrase_is_asked_twice(homes, tmp_path, capsys, monkeypatch):
    import getpass

    answers = iter([PASSPHRASE, PASSPHRASE + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    monkeypatch.setattr(sys, "stdin", Terminal("j\n"))
    out = tmp_path / "b.age"
    err = one_line_refusal(*run(capsys, "share", "--out", str(out), "--encrypt",
                                "--home", homes["ida"])[::2])  # fmt: skip
    assert "de to adgangsfraser er forskellige" in err and not out.exists()
    answers = iter([PASSPHRASE, PASSPHRASE, PASSPHRASE])
    monkeypatch.setattr(sys, "stdin", Terminal("j\n"))
    assert main(["share", "--out", str(out), "--encrypt", "--home", homes["ida"]]) == 0
    assert main(["import", str(out), "--home", homes["coach"]]) == 0  # asked once
    assert "importeret" in capsys.readouterr().out


def test_a_short_passphrase_or_a_wrong_key_writes_nothing(homes, tmp_path, capsys):
    out = tmp_path / "b.age"
    short = passphrase_file(tmp_path, "kort")
    err = one_line_refusal(*run(capsys, "share", "--out", str(out), "--passphrase-file", short,
                                "--home", homes["ida"])[::2])  # fmt: skip
    assert "adgangsfrasen skal have mindst 8 tegn" in err
    err = one_line_refusal(*run(capsys, "share", "--out", str(out), "--recipient", "age1abc",
                                "--home", homes["ida"])[::2])  # fmt: skip
    assert "--recipient skal være en krypteringsnøgle" in err
    missing = str(tmp_path / "findes-ikke.txt")
    err = one_line_refusal(*run(capsys, "share", "--out", str(out), "--passphrase-file", missing,
                                "--home", homes["ida"])[::2])  # fmt: skip
    assert "adgangsfrasefilen" in err
    assert not out.exists()


def test_a_damaged_encrypted_bundle_is_one_line(homes, tmp_path, capsys):
    out = tmp_path / "b.age"
    right = passphrase_file(tmp_path)
    assert (
        main(["share", "--out", str(out), "--passphrase-file", right, "--home", homes["ida"]]) == 0
    )
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2] + lines[-1:]))  # most of the body cut out
    err = one_line_refusal(*run(capsys, "import", str(out), "--passphrase-file", right,
                                "--home", homes["coach"])[::2])  # fmt: skip
    assert "b.age: " in err
    assert not (tmp_path / "coach").exists()


def test_the_envelope_api_round_trips(homes):
    from lgtrack.keys import journal_keys

    with Journal.open(homes["ida"], create=False) as journal:
        keys = journal_keys(journal)
    sealed = encrypt_for(b'{"a": 1}', keys.recipient)
    assert is_encrypted(sealed) and not needs_passphrase(sealed)
    assert decrypt_with_identity(sealed, keys.identity, "x") == b'{"a": 1}'
    assert needs_passphrase(encrypt_with_passphrase(b"{}", PASSPHRASE))
    assert not is_encrypted(b'{"format": "lgtrack-share"}')


def test_share_help_describes_encryption(capsys):
    with pytest.raises(SystemExit):
        main(["share", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    for option in ("--encrypt", "--recipient KEY", "--passphrase-file FILE"):
        assert option in out
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "--passphrase-file FILE" in capsys.readouterr().out


def test_the_api_says_an_encrypted_bundle_must_be_opened_first(homes, tmp_path):
    from lgtrack import ImportFileError
    from lgtrack.exchange import import_file

    path = tmp_path / "b.age"
    path.write_bytes(encrypt_with_passphrase(b"{}", PASSPHRASE))
    with Journal.open(":memory:") as journal, pytest.raises(ImportFileError) as caught:
        import_file(journal, path)
    assert str(caught.value).startswith("b.age: an encrypted share bundle: import it with")
