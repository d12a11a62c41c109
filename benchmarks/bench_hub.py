"""Memory and CPU of lgtrack on JupyterHub: 1, 5 and 20 leaders, each with a Voilà page open.

The basis of docs/sizing.md. Needs what the hub test needs: root (it creates system users,
removed again), Debian's python3, npm and Debian's chromium.

    sudo .venv/bin/python benchmarks/bench_hub.py [--users 1 5 20] [--python /opt/lgtrack/venv/bin/python]

For each number of leaders it starts a hub with ``deploy/jupyterhub/try-local.sh``, logs every
leader in from one headless Chromium (a browser context each) and waits until her start page
(Voilà, with its kernel) is ready. Then it reads, for every process of the leaders' users (the
notebook server and its kernel): the proportional memory (PSS, so shared libraries are counted
once) and the CPU seconds used so far, and the CPU used over 30 idle seconds with all pages open.
The peer for the ratio is the hub itself (hub, proxy and idle culler).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from browser_support import CHROMIUM_ARGS, debian_chromium  # noqa: E402
from hub_support import running_hub  # noqa: E402

IDLE_WINDOW_S = 30
TICKS = 100  # clock ticks per second (os.sysconf("SC_CLK_TCK") on Linux)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--python", help="an lgtrack[hub] environment all users can run")
    options = parser.parse_args()
    print(
        "leaders  ready s (median)  PSS MB/leader  CPU s/leader (start)  idle CPU %/leader  hub PSS MB"
    )
    for count in options.users:
        row = measure(count, options.python)
        print(
            f"{count:>7}  {row['ready']:>15.1f}  {row['pss']:>13.0f}  {row['cpu_start']:>20.1f}"
            f"  {row['idle_cpu']:>17.2f}  {row['hub_pss']:>10.0f}"
        )
        sys.stdout.flush()


def measure(count: int, python: str | None) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    roles = [f"l{index}" for index in range(count)]
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_hub(roles, Path(tmp), python=python) as hub,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=str(debian_chromium()), args=CHROMIUM_ARGS
        )
        ready = []
        pages = []
        for user in hub.users:
            page = browser.new_context(locale="da-DK").new_page()
            page.set_default_timeout(300_000)
            started = time.monotonic()
            page.goto(f"{hub.url}/hub/login")
            page.fill("#username_input", user)
            page.fill("#password_input", hub.password)
            page.click("#login_submit")
            page.wait_for_selector(".lg-reflect-save")
            ready.append(time.monotonic() - started)
            pages.append(page)
        users = set(hub.users)
        cpu_before = cpu_seconds(users)
        time.sleep(IDLE_WINDOW_S)
        cpu_after = cpu_seconds(users)
        figures = {
            "ready": statistics.median(ready),
            "pss": pss_mb(users) / count,
            "cpu_start": cpu_before / count,
            "idle_cpu": 100 * (cpu_after - cpu_before) / IDLE_WINDOW_S / count,
            "hub_pss": pss_mb({"root"}, command_contains=str(hub.prefix)),
        }
        browser.close()
    return figures


def processes(users: set[str], command_contains: str = "") -> list[int]:
    listing = subprocess.run(
        ["ps", "-eo", "pid=,user:32=,args="], capture_output=True, text=True, check=True
    ).stdout
    found = []
    for line in listing.splitlines():
        pid, user, args = line.split(None, 2)
        if user in users and command_contains in args:
            found.append(int(pid))
    return found


def pss_mb(users: set[str], command_contains: str = "") -> float:
    total_kb = 0
    for pid in processes(users, command_contains):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def cpu_seconds(users: set[str]) -> float:
    total = 0
    for pid in processes(users):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


if __name__ == "__main__":
    main()
