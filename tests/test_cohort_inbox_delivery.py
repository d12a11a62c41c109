"""Delivering a cohort bundle into the programme's inbox on a shared server (#14): from the
command line (``share --cohort --deliver``) and from the share page ("Send to the programme");
the facilitator makes the inbox (``cohort inbox``) and imports from it.

The file modes that keep participants apart are tested in tests/test_inbox.py and, with real
users, in tests/test_hub_e2e.py; here the inbox root is a folder of the test's own.
"""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone

import pytest
from cli_support import run
from pages import SharePage

from lgtrack import Journal, Rating, Reflection
from lgtrack.sharing.inbox import COHORT_INBOX_MODE
from lgtrack.ui.share import ShareWidget

NOW = datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def leader(tmp_path):
    home = tmp_path / "leader"
    with Journal.open(home, clock=lambda: NOW) as journal:
        journal.set_profile("Ida Holm", "teamleder")
        journal.add_reflection(
            Reflection(
                day=NOW.date(),
                disciplines=("people",),
                text="Hemmelig tekst",
                ratings=(Rating("people.g1", 4),),
            )
        )
    return home


@pytest.fixture
def inbox(tmp_path, capsys):
    """A facilitator's cohort and its inbox under a root of the test's own: (root, cohort id)."""
    root, home = tmp_path / "inbox", tmp_path / "facilitator"
    root.mkdir()
    code, out, err = run(capsys, "cohort", "create", "--name", "Forløb 2027", "--start",
                         "2027-01-04", "--end", "2027-12-17", "--home", str(home))  # fmt: skip
    assert code == 0, err
    cohort = out.strip()
    code, out, err = run(capsys, "cohort", "inbox", cohort[:8], "--root", str(root), "--home",
                         str(home))  # fmt: skip
    assert code == 0, err
    assert str(root / cohort) in out and "lgtrack cohort import" in out
    return root, cohort, home


def test_the_facilitators_inbox_lets_participants_deliver_but_not_look(inbox):
    root, cohort, _ = inbox
    assert stat.S_IMODE((root / cohort).stat().st_mode) == COHORT_INBOX_MODE


def test_a_participant_delivers_from_the_command_line_and_the_facilitator_imports_it(
    leader, inbox, capsys, monkeypatch
):
    root, cohort, facilitator = inbox
    monkeypatch.setenv("LGTRACK_INBOX", str(root))
    code, out, err = run(capsys, "share", "--cohort", "--deliver", "--yes", "--home", str(leader))
    assert code == 0, err
    assert "afleveret i forløbets indbakke" in out
    delivered = list((root / cohort).iterdir())
    assert len(delivered) == 1 and stat.S_IMODE(delivered[0].stat().st_mode) == 0o640
    code, out, err = run(
        capsys, "cohort", "import", cohort, str(root / cohort), "--home", str(facilitator)
    )
    assert code == 0, err
    assert "1 nye" in out


def test_deliver_needs_a_cohort_bundle_and_an_inbox(leader, tmp_path, capsys, monkeypatch):
    code, _, err = run(capsys, "share", "--deliver", "--home", str(leader))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--cohort" in err
    monkeypatch.setenv("LGTRACK_INBOX", str(tmp_path / "nowhere"))
    code, _, err = run(capsys, "share", "--cohort", "--deliver", "--yes", "--home", str(leader))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "facilitator" in err


def test_with_several_cohorts_the_participant_names_hers(leader, inbox, capsys, monkeypatch):
    root, cohort, _ = inbox
    (root / "another-cohort").mkdir()
    monkeypatch.setenv("LGTRACK_INBOX", str(root))
    code, _, err = run(capsys, "share", "--cohort", "--deliver", "--yes", "--home", str(leader))
    assert code == 2 and "another-cohort" in err and cohort in err
    code, _, err = run(capsys, "share", "--cohort", "--deliver", "ukendt-forløb", "--yes",
                       "--home", str(leader))  # fmt: skip
    assert code == 2 and len(err.strip().splitlines()) == 1 and "facilitator" in err
    code, _, err = run(capsys, "share", "--cohort", "--deliver", cohort[:8], "--yes", "--home",
                       str(leader))  # fmt: skip
    assert code == 0, err
    assert len(list((root / cohort).iterdir())) == 1
    assert list((root / "another-cohort").iterdir()) == []


def test_the_share_page_sends_a_cohort_bundle_to_the_programme(
    leader, inbox, capsys, tmp_path, monkeypatch
):
    root, cohort, facilitator = inbox
    # the facilitator imports an hour after the leader sent it (a bundle from her future is refused)
    monkeypatch.setattr("lgtrack.cli.cohort.utc_now", lambda: NOW + timedelta(hours=1))
    with Journal.open(leader, clock=lambda: NOW) as journal:
        page = SharePage(
            ShareWidget(journal, clock=lambda: NOW, folder=tmp_path, inboxes=root, lang="en")
        )
        assert page.delivery_hidden, "a coach bundle is never sent to a programme"
        page.for_cohort()
        assert not page.delivery_hidden
        assert page.programme_inboxes == [cohort]
        page.send_to_programme()
        assert page.status.kind == "ok" and "Only the facilitator" in page.status.text
    code, out, err = run(
        capsys, "cohort", "import", cohort, str(root / cohort), "--home", str(facilitator)
    )
    assert code == 0 and "1 nye" in out, err


def test_without_an_inbox_on_the_server_the_page_offers_no_sending(leader, tmp_path):
    with Journal.open(leader, clock=lambda: NOW) as journal:
        page = SharePage(ShareWidget(journal, clock=lambda: NOW, folder=tmp_path,
                                     inboxes=tmp_path / "none"))  # fmt: skip
        page.for_cohort()
        assert page.delivery_hidden
