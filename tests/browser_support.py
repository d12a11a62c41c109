"""Support for the real-browser tests: Debian's Chromium, a Voilà server, a hard deadline.

- Chromium is Debian's ``/usr/bin/chromium``, installed before the tests (``.ci/run`` does it);
  the tests never install anything. Without it a browser test skips, saying why, except under
  ``CI=true``, where a missing browser fails the test. Playwright never downloads a browser.
- Voilà serves one notebook on 127.0.0.1 at a free port, with ``LGTRACK_HOME`` pointing the kernel
  at a test journal; the server (and with it its kernels) is always stopped.
- Every wait has a timeout, and :func:`deadline` bounds a whole test.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SERVER_START_TIMEOUT_S = 60


class BrowserSetupError(RuntimeError):
    """The server could not be made ready; the message says why."""


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def require_chromium(found: str | os.PathLike | None, what: str) -> Path:
    """``found`` (a Chromium) as a path; when it is None, skip ``what`` with the reason, or fail
    it under ``CI=true``, where the browser is part of the test environment."""
    if found is not None:
        return Path(found)
    reason = (
        f"{what} needs Debian's Chromium ({CHROMIUM}), which is not installed; "
        "install the distribution's chromium package (.ci/run does) to run it"
    )
    if on_ci():
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def debian_chromium() -> Path | None:
    """Debian's Chromium, or None when it is not installed."""
    return CHROMIUM if os.access(CHROMIUM, os.X_OK) else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def voila_command(notebook: Path, port: int) -> list[str]:
    """Voilà serving ``notebook``, or every notebook of a directory (``/voila/render/NAME``)."""
    return [
        sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}",
        "--Voila.ip=127.0.0.1", "--VoilaConfiguration.show_tracebacks=True",
    ]  # fmt: skip


@contextmanager
def voila_server(notebook: Path, *, home: Path, workdir: Path) -> Iterator[str]:
    """Serve ``notebook`` (or a directory of them) with Voilà on 127.0.0.1; yields its URL;
    always stops the server.

    The kernel inherits ``LGTRACK_HOME=home``; Jupyter's config and runtime files go to
    ``workdir`` so that the user's own settings play no part. The log is ``workdir/voila.log``.
    """
    port = free_port()
    log_path = workdir / "voila.log"
    env = {
        **os.environ,
        "LGTRACK_HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(workdir / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "jupyter-runtime"),
    }
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            voila_command(notebook, port),
            cwd=notebook if notebook.is_dir() else notebook.parent,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_listening(server, port, log_path)
            yield f"http://127.0.0.1:{port}/"
        finally:
            stop_server(server)


def _wait_until_listening(server: subprocess.Popen, port: int, log_path: Path) -> None:
    started = time.monotonic()
    while not _listening(port):
        if server.poll() is not None:
            raise BrowserSetupError(f"voila exited with {server.returncode}: {log_tail(log_path)}")
        if time.monotonic() - started > SERVER_START_TIMEOUT_S:
            raise BrowserSetupError(
                f"voila did not listen within {SERVER_START_TIMEOUT_S} s: {log_tail(log_path)}"
            )
        time.sleep(0.2)


def stop_server(server: subprocess.Popen) -> None:
    """SIGINT (Voilà shuts its kernels down), then SIGTERM, then SIGKILL, to the server's group."""
    for sig, grace in ((signal.SIGINT, 10), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if server.poll() is not None:
            return
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue


def log_tail(log_path: Path, lines: int = 15) -> str:
    try:
        text = log_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # colours of tracebacks
    return "\n".join(text.strip().splitlines()[-lines:])


@contextmanager
def deadline(seconds: int, what: str) -> Iterator[None]:
    """Raise TimeoutError in the main thread when ``what`` takes longer than ``seconds``."""

    def expire(signum, frame):
        raise TimeoutError(f"{what} took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def chromium_page(executable: Path, *, timeout_ms: int = 60_000) -> Iterator[object]:
    """A Playwright page in Debian's Chromium (headless), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), args=CHROMIUM_ARGS, timeout=timeout_ms
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="da-DK")
            page.set_default_timeout(timeout_ms)
            yield page
        finally:
            browser.close()


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("critical", "serious")


def require_axe(what: str) -> Path:
    """axe-core as installed by ``npm ci`` (pinned in package.json); without it ``what`` skips,
    saying why, except under ``CI=true``, where it fails."""
    if AXE.is_file():
        return AXE
    reason = f"{what} needs axe-core ({AXE}); run `npm ci --no-audit --no-fund` (.ci/run does)"
    if on_ci():
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def axe_violations(page, axe: Path) -> list[str]:
    """The critical and serious axe-core violations on ``page``, one line each (rule, impact,
    help and the first offending elements)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        if violation["impact"] in BLOCKING_IMPACTS:
            targets = [node["html"][:160] for node in violation["nodes"][:3]]
            found.append(
                f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): "
                f"{violation['help']} → {targets}"
            )
    return found
