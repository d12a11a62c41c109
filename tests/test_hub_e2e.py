"""lgtrack on JupyterHub, end to end: real system users, a real browser, private journals.

One hub (``deploy/jupyterhub/try-local.sh``) with two leaders and a facilitator. A leader logs
in, the start page opens as a Voilà app and she saves a reflection; her journal then exists only
in her own home, readable by her alone, and the other leader (with the uid, gid and groups her
server runs with) can read neither it nor the cohort inbox. She sends her cohort bundle to the
programme from the share page; the other leader cannot list the inbox or read the bundle, and the
facilitator imports it.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from browser_support import chromium_page, deadline, debian_chromium, require_chromium
from hub_support import Hub, require_hub_prerequisites, running_hub

TEST_TIMEOUT_S = 1500
MARKER = "Hubtest-7Q3: en 1:1 om arbejdsglæde"
# Lists a folder or reads a file's first byte: what another user's server would try.
READ_OR_LIST = (
    "import os, sys; p = sys.argv[1]; os.listdir(p) if os.path.isdir(p) else open(p, 'rb').read(1)"
)


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Hub:
    require_hub_prerequisites()
    require_chromium(debian_chromium(), "the JupyterHub test")
    with running_hub(["leader1", "leader2", "facil"], tmp_path_factory.mktemp("hub")) as running:
        yield running


def log_in(page, hub: Hub, user: str) -> None:
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", hub.password)
    page.click("#login_submit")


def test_a_leader_logs_in_to_voila_and_saves_a_reflection_only_she_can_read(hub, tmp_path):
    leader, other, _facilitator = hub.users
    with deadline(TEST_TIMEOUT_S, "the hub test"), chromium_page(debian_chromium()) as page:
        log_in(page, hub, leader)
        # The notebooks open as Voilà apps by default.
        page.wait_for_url(re.compile(r".*/voila/render/00_start_here\.ipynb"), timeout=300_000)
        page.wait_for_selector(".lg-reflect-save", timeout=300_000)
        # JupyterLab is one click away: a link to her own server's JupyterLab.
        assert page.locator("a.lg-app-lab").get_attribute("href") == f"/user/{leader}/lab"
        page.locator(".lg-reflect-text textarea").fill(MARKER)
        page.locator("button.lg-reflect-save").click()
        page.locator(".lg-reflect-status .lg-msg-ok").wait_for(timeout=60_000)

    home = hub.home(leader)
    folder = home / ".local" / "share" / "lgtrack"
    journal = folder / "journal.sqlite"
    assert MARKER.encode() in _journal_bytes(folder), "the reflection is in her journal"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert journal.stat().st_uid == home.stat().st_uid
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    # Her words are nowhere but in her own journal folder.
    assert (
        _files_holding(MARKER.encode(), [hub.srv, hub.prefix / "notebooks", hub.home(other)]) == []
    )

    for path in (journal, folder, home):
        refused = hub.run_as(other, str(hub.python), "-c", READ_OR_LIST, str(path))
        assert refused.returncode != 0 and "PermissionError" in refused.stderr, (path, refused)


def test_a_leader_sends_her_cohort_bundle_that_only_the_facilitator_can_import(hub):
    leader, other, facilitator = hub.users
    cohorts = [path for path in (hub.srv / "inbox").iterdir() if path.is_dir()]
    assert len(cohorts) == 1, "try-local.sh makes the facilitator a demo cohort with an inbox"
    inbox = cohorts[0]
    with deadline(TEST_TIMEOUT_S, "the hub test"), chromium_page(debian_chromium()) as page:
        log_in(page, hub, leader)
        page.wait_for_url(re.compile(r".*/voila/render/.*"), timeout=300_000)
        page.goto(f"{hub.url}/user/{leader}/voila/render/08_share.ipynb")
        page.locator(".lg-share-cohort input").check(timeout=300_000)
        page.locator("button.lg-share-deliver").click()
        page.locator(".lg-share-status .lg-msg-ok").wait_for(timeout=60_000)

    delivered = [path for path in inbox.iterdir() if not path.name.startswith(".")]
    assert len(delivered) == 1
    bundle = delivered[0]
    assert bundle.stat().st_uid == hub.home(leader).stat().st_uid
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o640
    for path in (inbox, bundle):
        refused = hub.run_as(other, str(hub.python), "-c", READ_OR_LIST, str(path))
        assert refused.returncode != 0 and "PermissionError" in refused.stderr, (path, refused)

    lgtrack = str(hub.python.parent / "lgtrack")
    imported = hub.run_as(facilitator, lgtrack, "cohort", "import", inbox.name, str(inbox))
    assert imported.returncode == 0, imported.stderr
    assert "1 nye" in imported.stdout
    status = hub.run_as(facilitator, lgtrack, "cohort", "status", inbox.name, "--json")
    assert status.returncode == 0 and '"delivered_at"' in status.stdout, status.stderr


def _journal_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in folder.glob("journal.sqlite*"))


def _files_holding(needle: bytes, roots: list[Path]) -> list[Path]:
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    if needle in path.read_bytes():
                        found.append(path)
                except OSError:
                    continue
    return found
