"""Bundles only the leader could have sent (issue #10, part 7).

Every bundle is signed with its journal's own Ed25519 key; the coach's journal pins a leader's
key on the first import and refuses a bundle with that leader's id and another key, a bundle
dated more than a day ahead, an older bundle than the last one, and a changed one. Refused
means: one line, and the coach's journal exactly as before.
"""

from __future__ import annotations

import copy
import io
import json
import re
import sys
from datetime import datetime, timedelta, timezone

import pytest
from pages import CoachPage
from sharing_support import NOW, leader_journal, resealed, snapshot, write_json

from lgtrack import ImportFileError, Journal
from lgtrack.cli import main
from lgtrack.exchange import import_file
from lgtrack.keys import fingerprint, journal_keys
from lgtrack.sharing import ShareScope, build_bundle, bundle_checksum, bundle_text
from lgtrack.sharing.signing import sign_document, verify_document
from lgtrack.ui.coach import CoachWidget

COACH_NOW = NOW + timedelta(days=2)
FINGERPRINT = re.compile(r"^[0-9A-F]{4}( [0-9A-F]{4}){5}$")


@pytest.fixture
def ida():
    sample = leader_journal("Ida Holm")
    yield sample
    sample.journal.close()


@pytest.fixture
def eve():
    sample = leader_journal("Eve Falsk")
    yield sample
    sample.journal.close()


@pytest.fixture
def coach():
    journal = Journal.open(":memory:", clock=lambda: COACH_NOW)
    yield journal
    journal.close()


@pytest.fixture(autouse=True)
def piped_stdin(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def bundle_of(sample, now: datetime = NOW, **scope) -> dict:
    return build_bundle(sample.journal, ShareScope(**scope), now=now)


def imported(coach: Journal, bundle: dict, tmp_path, name: str = "b.json"):
    return import_file(coach, write_json(tmp_path / name, bundle))


def refused(coach: Journal, bundle: dict, tmp_path) -> str:
    """The one-line message refusing ``bundle``, after checking that nothing changed."""
    before = snapshot(coach.store.conn)
    pins = coach.store.leaders.pinned_keys()
    with pytest.raises(ImportFileError) as caught:
        imported(coach, bundle, tmp_path, "refused.json")
    assert snapshot(coach.store.conn) == before and coach.store.leaders.pinned_keys() == pins
    message = str(caught.value)
    assert "\n" not in message and message.endswith("nothing was imported")
    return message


# -- signing ---------------------------------------------------------------------------------


def test_a_bundle_is_signed_with_the_journals_own_key(ida):
    bundle = bundle_of(ida)
    keys = journal_keys(ida.journal)
    again = journal_keys(ida.journal)  # made once, then kept
    assert (again.public_key, again.identity) == (keys.public_key, keys.identity)
    assert bundle["signature"]["algorithm"] == "ed25519"
    assert bundle["signature"]["public_key"] == keys.public_key
    assert verify_document(bundle) == keys.public_key
    assert verify_document(json.loads(bundle_text(bundle))) == keys.public_key  # layout-free
    secret = ida.journal.store.keys.get("sign")[0]
    assert secret not in bundle_text(bundle) and keys.identity not in bundle_text(bundle)


def test_two_journals_have_different_keys_and_fingerprints(ida, eve):
    ida_keys, eve_keys = journal_keys(ida.journal), journal_keys(eve.journal)
    assert ida_keys.public_key != eve_keys.public_key
    assert ida_keys.recipient != eve_keys.recipient and ida_keys.recipient.startswith("age1")
    for keys in (ida_keys, eve_keys):
        assert FINGERPRINT.match(keys.fingerprint), keys.fingerprint
    assert ida_keys.fingerprint != eve_keys.fingerprint


def test_any_document_can_be_signed_and_checked_by_the_same_code(ida):
    key = journal_keys(ida.journal).signing
    cohort = {"format": "lgtrack-cohort", "version": 1, "members": [{"n": 3, "text": "æøå"}]}
    signed = sign_document(cohort, key)
    assert verify_document(signed) == journal_keys(ida.journal).public_key
    changed = copy.deepcopy(signed)
    changed["members"][0]["n"] = 4
    with pytest.raises(Exception, match="does not match the contents"):
        verify_document(changed)


# -- the coach's journal pins the key ---------------------------------------------------------


def test_the_first_import_pins_the_key_and_shows_its_fingerprint(ida, coach, tmp_path):
    summary = imported(coach, bundle_of(ida), tmp_path)
    expected = journal_keys(ida.journal).fingerprint
    assert summary.new_key and summary.fingerprint == expected
    assert f"New key kept for Ida Holm, fingerprint {expected}" in summary.line("en")
    leader_id = ida.journal.me().id
    assert coach.store.leaders.pinned_key(leader_id) == journal_keys(ida.journal).public_key
    later = imported(coach, bundle_of(ida, now=NOW + timedelta(hours=1)), tmp_path)
    assert not later.new_key and later.line("en").endswith(f"Key fingerprint: {expected}.")


def test_a_bundle_with_a_known_leaders_id_and_another_key_is_refused(ida, eve, coach, tmp_path):
    imported(coach, bundle_of(ida), tmp_path)
    # Eve makes a bundle of her own records, claiming Ida's id, with a fitting checksum: what
    # replaced Ida's records before bundles were signed.
    forged = bundle_of(eve, now=NOW + timedelta(hours=1))
    forged["leader"] = {**forged["leader"], "id": ida.journal.me().id, "name": "Ida Holm"}
    forged = resealed(forged)  # signed again, by Eve's journal
    assert verify_document(forged) == journal_keys(eve.journal).public_key
    message = refused(coach, forged, tmp_path)
    assert "signature: signed with another key than Ida Holm's" in message
    assert journal_keys(eve.journal).fingerprint in message
    assert journal_keys(ida.journal).fingerprint in message
    assert [r.text for r in coach.reflections(leader_id=ida.journal.me().id)][0] != "Strategidag!"


def test_records_of_a_known_leader_cannot_come_in_under_a_new_id(ida, eve, coach, tmp_path):
    imported(coach, bundle_of(ida), tmp_path)
    forged = bundle_of(eve, now=NOW + timedelta(hours=1))
    forged["reflections"] = bundle_of(ida)["reflections"]
    assert "belongs to another leader" in refused(coach, resealed(forged), tmp_path)


def test_a_changed_bundle_is_refused_even_with_its_checksum_recomputed(ida, coach, tmp_path):
    bundle = bundle_of(ida)
    bundle["reflections"][0]["text"] = "Noget, Ida aldrig skrev"
    bundle["checksum"] = bundle_checksum(bundle)  # anyone can do this much
    message = refused(coach, bundle, tmp_path)
    assert "signature: does not match the contents" in message
    assert coach.leaders() == []


def test_a_key_swapped_into_a_bundle_does_not_sign_it(ida, eve, coach, tmp_path):
    bundle = bundle_of(ida)
    bundle["signature"]["public_key"] = journal_keys(eve.journal).public_key
    assert "signature: does not match the contents" in refused(coach, bundle, tmp_path)


def test_replay_of_an_older_bundle_is_refused(ida, coach, tmp_path):
    old = bundle_of(ida, now=NOW)
    imported(coach, bundle_of(ida, now=NOW + timedelta(days=1)), tmp_path)
    message = refused(coach, old, tmp_path)
    assert "created_at: this bundle (2026-11-02) is older than the one already imported" in message
    imported(coach, bundle_of(ida, now=NOW + timedelta(days=1)), tmp_path)  # the same: fine


def test_a_bundle_dated_more_than_a_day_ahead_is_refused(ida, coach, tmp_path):
    ahead = bundle_of(ida, now=datetime(2200, 1, 1, tzinfo=timezone.utc))
    message = refused(coach, ahead, tmp_path)
    assert "created_at: the bundle is dated 2200-01-01, more than a day after today" in message
    assert "(2026-11-04)" in message
    just_over = bundle_of(ida, now=COACH_NOW + timedelta(days=1, minutes=1))
    assert "more than a day after today" in refused(coach, just_over, tmp_path)
    # the real leader is not locked out: her bundle of today imports
    assert imported(coach, bundle_of(ida, now=COACH_NOW), tmp_path).new_key


def test_a_bundle_a_few_hours_ahead_is_accepted(ida, coach, tmp_path):
    assert imported(coach, bundle_of(ida, now=COACH_NOW + timedelta(hours=23)), tmp_path)


# -- seeing and forgetting a pinned key -------------------------------------------------------


def test_leaders_shows_the_pinned_fingerprint(tmp_path, capsys):
    leader_home, coach_home = str(tmp_path / "ida"), str(tmp_path / "coach")
    leader_journal("Ida Holm", home=leader_home).journal.close()
    path = str(tmp_path / "b.json")
    assert main(["share", "--out", path, "--home", leader_home]) == 0
    assert main(["import", path, "--home", coach_home]) == 0
    capsys.readouterr()
    assert main(["key", "show", "--home", leader_home, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert main(["leaders", "--home", coach_home]) == 0
    table = capsys.readouterr().out
    assert "Fingeraftryk" in table.splitlines()[0] and shown["fingerprint"] in table
    assert main(["leaders", "--home", coach_home, "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["fingerprint"] == shown["fingerprint"]


def test_the_coach_page_shows_the_fingerprint(ida, coach, tmp_path):
    imported(coach, bundle_of(ida), tmp_path)
    page = CoachPage(CoachWidget(coach, report_dir=tmp_path / "reports"))
    expected = journal_keys(ida.journal).fingerprint
    assert f"Nøglens fingeraftryk: {expected}" in page.html("overview")


def test_a_coach_forgets_a_key_so_a_new_journal_of_the_leader_is_pinned(tmp_path, capsys):
    ida_home, new_home, coach_home = (str(tmp_path / n) for n in ("ida", "ida2", "coach"))
    leader_journal("Ida Holm", home=ida_home).journal.close()
    with Journal.open(ida_home, create=False) as journal:
        export = tmp_path / "backup.json"
        from lgtrack.exchange import export_json

        export.write_text(export_json(journal, now=NOW), "utf-8")
        leader_id = journal.me().id
    # Ida moves to a new computer: the same records and id, a new journal key
    assert main(["import", str(export), "--home", new_home]) == 0
    old, new = str(tmp_path / "old.json"), str(tmp_path / "new.json")
    assert main(["share", "--out", old, "--home", ida_home]) == 0
    assert main(["share", "--out", new, "--home", new_home]) == 0
    assert main(["import", old, "--home", coach_home]) == 0
    capsys.readouterr()
    assert main(["import", new, "--home", coach_home]) == 2
    assert "signeret med en anden nøgle end Ida Holms" in capsys.readouterr().err
    assert main(["key", "forget", leader_id[:8], "--home", coach_home]) == 0
    assert "Nøglen for Ida Holm er glemt" in capsys.readouterr().out
    assert main(["key", "forget", leader_id[:8], "--home", coach_home]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "der er ingen gemt nøgle for Ida Holm" in err
    assert main(["import", new, "--home", coach_home]) == 0
    with Journal.open(new_home, create=False) as journal:
        assert journal_keys(journal).fingerprint in capsys.readouterr().out


def test_key_show_prints_the_fingerprint_and_both_public_keys(tmp_path, capsys):
    home = str(tmp_path / "coach")  # a coach without a profile gets keys too
    assert main(["key", "show", "--home", home]) == 0
    out = capsys.readouterr().out
    assert main(["key", "show", "--home", home, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown) == {"fingerprint", "public_key", "recipient"}
    assert FINGERPRINT.match(shown["fingerprint"])
    assert shown["fingerprint"] == fingerprint(shown["public_key"])
    assert out.splitlines() == [
        f"Fingeraftryk (læs det højt for din coach): {shown['fingerprint']}",
        f"Signaturnøgle (står i hver delingspakke): {shown['public_key']}",
        "Krypteringsnøgle (giv den til en leder, der vil kryptere til dig med 'lgtrack share "
        f"--encrypt --recipient'): {shown['recipient']}",
    ]
    with Journal.open(home, create=False) as journal:  # the secrets stay in the journal
        assert journal.store.keys.get("sign")[0] not in out
    with pytest.raises(SystemExit) as done:
        main(["key", "--help"])
    assert done.value.code == 0 and "'lgtrack key forget ID'" in capsys.readouterr().out


def test_the_secret_keys_never_leave_in_an_export(ida):
    from lgtrack.exchange import export_json

    keys = journal_keys(ida.journal)
    exported = export_json(ida.journal, now=NOW)
    assert ida.journal.store.keys.get("sign")[0] not in exported
    assert keys.identity not in exported


def test_an_old_forgery_is_refused_as_a_forgery_not_as_old(ida, eve, coach, tmp_path):
    imported(coach, bundle_of(ida, now=NOW + timedelta(days=1)), tmp_path)
    forged = bundle_of(eve, now=NOW)
    forged["leader"] = {**forged["leader"], "id": ida.journal.me().id}
    message = refused(coach, resealed(forged), tmp_path)
    assert "signed with another key" in message and "older" not in message
