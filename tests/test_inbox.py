"""The cohort inbox: participants deliver into it; they can neither list it nor read or remove
another participant's bundle; what is delivered is never seen half-written.

What another user can do is tried as ``nobody`` with Debian's Python and plain ``os`` calls, as a
participant's notebook server would. Needs root (to act as another user).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
from browser_support import on_ci

from lgtrack.errors import ValidationError
from lgtrack.sharing.inbox import (
    COHORT_INBOX_MODE,
    cohort_inboxes,
    create_inbox,
    deliver,
    inbox_root,
    is_delivery,
)

NOBODY = 65534
OTHER_USER_PYTHON = Path("/usr/bin/python3")


@pytest.fixture
def root():
    """An inbox root every user can reach (pytest's own tmp folders are private to root)."""
    if os.geteuid() != 0 or not OTHER_USER_PYTHON.is_file():
        reason = "needs root and Debian's /usr/bin/python3 to act as another user"
        if on_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    base = Path(tempfile.mkdtemp(prefix="lgtrack-inbox-", dir="/tmp"))
    base.chmod(0o755)
    folder = base / "inbox"
    folder.mkdir(mode=0o2775)
    folder.chmod(0o2775)
    yield folder
    shutil.rmtree(base)


def as_nobody(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(OTHER_USER_PYTHON), "-c", code, *args],
        user=NOBODY,
        group=NOBODY,
        extra_groups=[],
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_cohort_inbox_takes_deliveries_that_only_the_facilitators_can_read(root):
    inbox = create_inbox(root, "c0ffee12")
    assert stat.S_IMODE(inbox.stat().st_mode) == COHORT_INBOX_MODE
    delivered = deliver(root, "c0ffee12", b'{"format": "cohort"}')

    assert delivered.read_bytes() == b'{"format": "cohort"}'
    assert stat.S_IMODE(delivered.stat().st_mode) == 0o640
    assert delivered.stat().st_gid == inbox.stat().st_gid, "the folder's group, by set-group-id"
    assert [path.name for path in inbox.iterdir()] == [delivered.name], "no half-written file"
    assert is_delivery(delivered)

    cannot_list = as_nobody("import os, sys; os.listdir(sys.argv[1])", str(inbox))
    cannot_read = as_nobody("import sys; open(sys.argv[1], 'rb').read()", str(delivered))
    cannot_remove = as_nobody("import os, sys; os.unlink(sys.argv[1])", str(delivered))
    for attempt in (cannot_list, cannot_read, cannot_remove):
        assert attempt.returncode != 0 and "PermissionError" in attempt.stderr, attempt.stderr
    assert delivered.exists()

    can_deliver = as_nobody(
        "import os, sys; os.close(os.open(sys.argv[1], os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o640))",
        str(inbox / "bundle-from-nobody.json"),
    )
    assert can_deliver.returncode == 0, can_deliver.stderr


def test_deliveries_never_share_a_name(root):
    create_inbox(root, "cohort-1")
    names = {deliver(root, "cohort-1", b"{}").name for _ in range(20)}
    assert len(names) == 20


def test_the_cohorts_with_an_inbox_are_listed_for_the_share_page(root):
    create_inbox(root, "b-cohort")
    create_inbox(root, "a-cohort")
    (root / "not a cohort").mkdir()
    assert cohort_inboxes(root) == ["a-cohort", "b-cohort"]
    assert cohort_inboxes(root / "missing") == []


@pytest.mark.parametrize("name", ["../escape", "", "a/b", ".hidden", "x" * 65])
def test_a_cohort_id_that_is_not_a_plain_name_is_refused(root, name):
    with pytest.raises(ValidationError) as refused:
        deliver(root, name, b"{}")
    assert "cohort id" in str(refused.value)
    assert list(root.iterdir()) == []


def test_delivering_into_a_missing_inbox_says_whom_to_ask(root):
    with pytest.raises(ValidationError) as refused:
        deliver(root, "nocohort", b"{}")
    assert "facilitator" in str(refused.value)
    assert "facilitator" in refused.value.render("en")
    assert "facilitator" in refused.value.render("da")


def test_the_inbox_root_comes_from_the_hub_environment():
    assert inbox_root({"LGTRACK_INBOX": "/srv/x/inbox"}) == Path("/srv/x/inbox")
    assert inbox_root({}) == Path("/srv/lgtrack/inbox")
