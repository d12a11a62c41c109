"""``lgtrack lab`` stops what it started: on Ctrl+C or SIGTERM the server and whatever the server
started (kernels) end with it. A small Python script stands in for JupyterLab."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from lgtrack.cli import demo as demo_cli

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="reads process states from /proc (Linux)"
)

# The stand-in server: starts a "kernel" (a grandchild that ignores SIGTERM), writes both pids,
# then runs until told.
# With IGNORE_TERM it shrugs off SIGTERM, as a hung server would; on SIGTERM it exits without
# stopping its kernel, as a careless one would.
FAKE_SERVER = textwrap.dedent(
    """
    import os, signal, subprocess, sys, time
    stubborn = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)"
    kernel = subprocess.Popen([sys.executable, "-c", stubborn])
    if os.environ.get("IGNORE_TERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    with open(os.environ["PIDS_FILE"], "w") as out:
        out.write(f"{os.getpid()} {kernel.pid}")
    time.sleep(120)
    """
)


def running(pid: int) -> bool:
    """True while ``pid`` is a live process (a zombie waiting to be reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def wait_for(path: Path, seconds: float = 30) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return [int(pid) for pid in path.read_text().split()]
        time.sleep(0.05)
    raise AssertionError(f"the stand-in server wrote no pids to {path}")


def gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(running(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def fake_jupyterlab(tmp_path) -> Path:
    """A directory that, first on PYTHONPATH, makes ``python -m jupyterlab`` the stand-in."""
    package = tmp_path / "fake" / "jupyterlab"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text(FAKE_SERVER)
    return package.parent


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_lab_leaves_no_server_and_no_kernel_running(tmp_path, fake_jupyterlab, stop):
    pids_file = tmp_path / "pids"
    env = {**os.environ, "PYTHONPATH": str(fake_jupyterlab), "PIDS_FILE": str(pids_file)}
    lab = subprocess.Popen(
        [sys.executable, "-m", "lgtrack.cli", "lab", "--home", str(tmp_path / "j"), "--no-browser"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        server, kernel = wait_for(pids_file)
        assert running(server) and running(kernel)
        lab.send_signal(stop)
        _, err = lab.communicate(timeout=30)
    finally:
        if lab.poll() is None:
            lab.kill()
    assert lab.returncode == 0, err
    assert gone([server, kernel]), "lgtrack lab left a process of its server running"
    assert not err


def test_a_server_that_ignores_sigterm_is_killed_after_the_grace_time(tmp_path, fake_jupyterlab):
    pids_file = tmp_path / "pids"
    env = {**os.environ, "PYTHONPATH": str(fake_jupyterlab), "PIDS_FILE": str(pids_file),
           "IGNORE_TERM": "1"}  # fmt: skip
    argv = [sys.executable, "-m", "jupyterlab"]
    # SIGTERM to this process, once the stand-in is up, as a `kill` of lgtrack lab would be
    threading.Thread(
        target=lambda: wait_for(pids_file) and os.kill(os.getpid(), signal.SIGTERM), daemon=True
    ).start()
    started = time.monotonic()
    code = demo_cli._serve(argv, env=env, cwd=tmp_path, grace=0.5)
    server, kernel = wait_for(pids_file)
    assert code == 0 and time.monotonic() - started < 20
    assert gone([server, kernel])
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # lab's handlers are undone
