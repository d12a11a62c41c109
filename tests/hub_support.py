"""Support for the JupyterHub end-to-end test: real system users, ``try-local.sh``, clean-up.

The hub is started the way a person starts it, with ``deploy/jupyterhub/try-local.sh``, under
folders of the test's own (``LGTRACK_HUB_PREFIX``, ``LGTRACK_HUB_SRV``) and on free ports. It needs
root (it creates system users), Debian's ``python3`` with ``venv``, and npm. Everything the test
made is removed again: the hub and every process of the test's users are stopped, the users,
their homes and the groups the test created are deleted.
"""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser_support import free_port, log_tail, on_ci

ROOT = Path(__file__).resolve().parents[1]
TRY_LOCAL = ROOT / "deploy" / "jupyterhub" / "try-local.sh"
GROUPS = ("lgtrack-leaders", "lgtrack-facilitators")
# The first start installs lgtrack[hub] into a fresh environment: minutes on a cold cache.
HUB_START_TIMEOUT_S = 900


@dataclass
class Hub:
    url: str
    users: list[str]
    password: str
    prefix: Path
    srv: Path
    log: Path
    process: subprocess.Popen = field(repr=False)

    @property
    def python(self) -> Path:
        return self.prefix / "venv" / "bin" / "python"

    def home(self, user: str) -> Path:
        return Path(pwd.getpwnam(user).pw_dir)

    def run_as(self, user: str, *argv: str, **kwargs) -> subprocess.CompletedProcess:
        """``argv`` with the user's own uid, gid and groups, as her notebook server runs."""
        entry = pwd.getpwnam(user)
        return subprocess.run(
            argv,
            user=entry.pw_uid,
            group=entry.pw_gid,
            extra_groups=os.getgrouplist(user, entry.pw_gid),
            cwd=entry.pw_dir,
            env={"HOME": entry.pw_dir, "PATH": f"{self.python.parent}:/usr/bin:/bin"},
            capture_output=True,
            text=True,
            timeout=120,
            **kwargs,
        )


def require_hub_prerequisites() -> None:
    """Root, Debian's python3 with venv, and npm; else skip (fail under CI=true)."""
    missing = []
    if os.geteuid() != 0:
        missing.append("root (the test creates system users)")
    if not Path("/usr/bin/python3").is_file():
        missing.append("Debian's /usr/bin/python3")
    if shutil.which("npm") is None:
        missing.append("npm (for configurable-http-proxy)")
    if missing:
        reason = "the JupyterHub test needs " + ", ".join(missing)
        if on_ci():
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def running_hub(roles: list[str], tmp: Path, *, python: str | None = None) -> Iterator[Hub]:
    """A hub from ``try-local.sh`` with a new system user per role (a fresh name each, the last
    one the facilitator); everything removed after. ``python``: an existing ``lgtrack[hub]``
    environment every user can run, instead of installing one."""
    groups_before = {name for name in GROUPS if _group_exists(name)}
    suffix = secrets.token_hex(3)
    users = [f"lgt{role[:8]}{suffix}" for role in roles]
    password = secrets.token_urlsafe(12)
    base = Path(tempfile.mkdtemp(prefix="lgtrack-hub-", dir="/tmp"))
    base.chmod(0o755)  # the users' servers must reach the installed environment
    prefix, srv = base / "opt", base / "srv"
    port = free_port()
    log = tmp / "hub.log"
    environment = {
        **os.environ,
        "LGTRACK_HUB_PASSWORD": password,
        "LGTRACK_HUB_PREFIX": str(prefix),
        "LGTRACK_HUB_SRV": str(srv),
        "LGTRACK_HUB_PORT": str(port),
        "LGTRACK_HUB_API_PORT": str(free_port()),
        "LGTRACK_PROXY_API_PORT": str(free_port()),
    }
    if python:
        environment["LGTRACK_HUB_PYTHON"] = python
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(TRY_LOCAL), *users],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{port}", users, password, prefix, srv, log, process)
    try:
        _wait_for_login_page(hub)
        yield hub
    finally:
        _stop(hub)
        # The proxy and the idle culler run from the test's folders: none may outlive the test.
        subprocess.run(["pkill", "-KILL", "-f", str(base)], check=False)
        for user in users:
            subprocess.run(["pkill", "-KILL", "-u", user], check=False)
            subprocess.run(["userdel", "--remove", user], check=False, capture_output=True)
        for name in GROUPS:
            if name not in groups_before and _group_exists(name):
                subprocess.run(["groupdel", name], check=False)
        shutil.rmtree(base, ignore_errors=True)


def _wait_for_login_page(hub: Hub) -> None:
    stop_at = time.monotonic() + HUB_START_TIMEOUT_S
    while time.monotonic() < stop_at:
        if hub.process.poll() is not None:
            pytest.fail(
                f"try-local.sh ended with {hub.process.returncode}:\n{log_tail(hub.log, 30)}"
            )
        try:
            with urllib.request.urlopen(f"{hub.url}/hub/login", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    pytest.fail(f"the hub did not answer within {HUB_START_TIMEOUT_S} s:\n{log_tail(hub.log, 30)}")


def _stop(hub: Hub) -> None:
    """SIGTERM to the hub (it stops the users' servers and the proxy), then SIGKILL to the rest."""
    if hub.process.poll() is None:
        os.killpg(hub.process.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            hub.process.wait(timeout=60)
    with suppress(ProcessLookupError):
        os.killpg(hub.process.pid, signal.SIGKILL)
    hub.process.wait(timeout=10)


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
    except KeyError:
        return False
    return True
