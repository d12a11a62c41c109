"""``lgtrack demo`` (write the demo journal) and ``lgtrack lab`` (open the notebooks on a journal).

The demo never lands in a real journal by surprise: without ``--home`` it goes to its own
directory (``<user data dir>/demo``), it is only written into an empty journal unless ``--force``,
and ``--force`` never replaces the journal at your default location.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shlex
import signal
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import LgtrackError
from ..i18n import t
from ..storage import database_path, default_home, has_profile
from ._common import day_arg, message_lang
from ._parser import h

START_NOTEBOOK = "00_start_here.ipynb"
_POSIX = os.name == "posix"


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser(
        "demo",
        help=h("demo"),
        description=h("demo_about"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    demo.add_argument("--home", metavar="DIR", help=h("demo.home"))
    demo.add_argument("--today", metavar="YYYY-MM-DD", help=h("demo.today"))
    demo.add_argument("--seed", type=int, default=7, help=h("demo.seed"))
    demo.add_argument("--force", action="store_true", help=h("demo.force"))
    demo.set_defaults(run=run_demo)

    lab = commands.add_parser(
        "lab",
        help=h("lab"),
        description=h("lab_about"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lab.add_argument("--home", metavar="DIR", help=h("lab.home"))
    lab.add_argument("--voila", action="store_true", help=h("lab.voila"))
    lab.add_argument("--no-browser", action="store_true", help=h("lab.no_browser"))
    lab.add_argument("--port", type=int, metavar="N", help=h("lab.port"))
    lab.add_argument("--dry-run", action="store_true", help=h("lab.dry_run"))
    lab.set_defaults(run=run_lab)


# -- where ----------------------------------------------------------------------------------------


def demo_home() -> Path:
    """The demo journal's own directory, next to (never inside) the real journal's file."""
    from platformdirs import user_data_path

    return user_data_path("lgtrack", appauthor=False) / "demo"


@dataclass(frozen=True)
class HomeChoice:
    """The journal ``lgtrack lab`` opens: ``source`` is "given", "journal" or "demo"."""

    home: Path
    source: str
    build_demo: bool = False


def choose_home(
    given: str | os.PathLike | None,
    *,
    real_home: Path,
    real_has_profile: bool,
    demo_home: Path,
    demo_has_profile: bool,
) -> HomeChoice:
    """``--home`` if given; else the real journal if it has a profile; else the demo (built once).

    A pure decision: the caller looks at the disk (:func:`has_profile`).
    """
    if given is not None:
        return HomeChoice(Path(given).expanduser(), "given")
    if real_has_profile:
        return HomeChoice(real_home, "journal")
    return HomeChoice(demo_home, "demo", build_demo=not demo_has_profile)


# -- demo -----------------------------------------------------------------------------------------


def run_demo(args: argparse.Namespace) -> int:
    from ..demo import build_demo, is_empty
    from ..journal import Journal

    today = day_arg(args.today, "--today") if args.today else date.today()
    home = Path(args.home).expanduser() if args.home else demo_home()
    if args.force and _same_file(home, default_home()) and has_profile(home):
        raise LgtrackError("err_cli_demo_replace_journal", home=str(home))
    with Journal.open(home) as journal:
        if not args.force and not is_empty(journal):
            raise LgtrackError("err_cli_demo_not_empty", path=str(_directory(journal.path)))
        summary = build_demo(journal, today=today, seed=args.seed, replace_all=args.force)
        me = journal.me()
    lang = me.lang if me is not None else message_lang(args)  # the demo leader's language
    where = _directory(summary.home)
    counts = {"reflections": summary.reflections, "goals": summary.goals}
    print(t("cli_demo_written", lang, where=where, feedback=summary.feedback, **counts))
    print(t("cli_demo_open", lang, home=shlex.quote(str(where))))
    return 0


def _directory(db_path: str) -> Path:
    path = Path(db_path)
    return path.parent if path.name == "journal.sqlite" else path


def _same_file(home: Path, other: Path) -> bool:
    return Path(database_path(home)).resolve() == Path(database_path(other)).resolve()


# -- lab ------------------------------------------------------------------------------------------


def find_notebooks() -> Path | None:
    """The repository's ``notebooks/`` next to the package source; None in a wheel install."""
    from .. import __file__ as package_file

    candidate = Path(package_file).resolve().parent.parent / "notebooks"
    return candidate if candidate.is_dir() else None


def lab_command(
    notebooks: Path,
    *,
    voila: bool = False,
    no_browser: bool = False,
    port: int | None = None,
    as_root: bool = False,
    python: str = sys.executable,
) -> list[str]:
    """The argv that serves ``notebooks`` in JupyterLab, or its start notebook in Voilà."""
    start = notebooks / START_NOTEBOOK
    if voila:
        argv = [python, "-m", "voila", str(start)]
    else:
        argv = [python, "-m", "jupyterlab", f"--ServerApp.root_dir={notebooks}"]
        if start.is_file():
            argv.append(f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}")
        if as_root:
            argv.append("--allow-root")
    if no_browser:
        argv.append("--no-browser")
    if port is not None:
        argv.append(f"--port={port}")
    return argv


def _notebooks_to_serve(args: argparse.Namespace) -> Path:
    """The notebooks directory, once the server and the start notebook are known to be there."""
    notebooks = find_notebooks()
    if notebooks is None:
        raise LgtrackError("err_cli_notebooks_missing")
    if args.voila and not (notebooks / START_NOTEBOOK).is_file():
        raise LgtrackError("err_cli_notebook_missing", path=str(notebooks / START_NOTEBOOK))
    server = "voila" if args.voila else "jupyterlab"
    if importlib.util.find_spec(server) is None:
        raise LgtrackError("err_cli_server_missing", server=server)
    if args.port is not None and not 0 < args.port < 65536:
        raise LgtrackError("err_cli_port", port=args.port)
    return notebooks


def run_lab(args: argparse.Namespace) -> int:
    notebooks = _notebooks_to_serve(args)
    real, demo = default_home(), demo_home()
    choice = choose_home(
        args.home,
        real_home=real,
        real_has_profile=has_profile(real),
        demo_home=demo,
        demo_has_profile=has_profile(demo),
    )
    if choice.source == "demo":
        print(t("cli_lab_no_journal", message_lang(args), home=choice.home))
    argv = lab_command(
        notebooks,
        voila=args.voila,
        no_browser=args.no_browser,
        port=args.port,
        as_root=hasattr(os, "geteuid") and os.geteuid() == 0,
    )
    if args.dry_run:
        print(f"LGTRACK_HOME={shlex.quote(str(choice.home))} {shlex.join(argv)}")
        return 0
    if choice.build_demo:
        _build_demo_once(choice.home)
    return _serve(argv, env={**os.environ, "LGTRACK_HOME": str(choice.home)}, cwd=notebooks)


def _build_demo_once(home: Path) -> None:
    from ..demo import build_demo, is_empty
    from ..journal import Journal

    with Journal.open(home) as journal:
        if is_empty(journal):
            build_demo(journal, today=date.today())


STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")  # Ctrl+C, kill, a closed terminal
GRACE_SECONDS = 10.0  # how long the server may take to shut down before it is killed


class _Stop(Exception):
    """Raised by the signal handler to leave ``wait()``: the server is to be stopped."""


def _serve(argv: list[str], *, env: dict[str, str], cwd: Path, grace: float = GRACE_SECONDS) -> int:
    """Run the server until it stops, and stop it (and whatever it started, such as kernels)
    when ``lab`` gets Ctrl+C, SIGTERM or SIGHUP: the signal is passed on as SIGTERM to the
    server's process group; after ``grace`` seconds, or on a second signal, the group is killed.
    """
    try:
        # Its own process group, so that one signal reaches the server and its kernels.
        process = subprocess.Popen(argv, env=env, cwd=cwd, start_new_session=_POSIX)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise LgtrackError("err_cli_cannot_start", server=argv[2], reason=reason) from None
    stopping = False

    def on_signal(_signum, _frame) -> None:
        nonlocal stopping
        if stopping:  # asked twice: no more waiting
            _signal_group(process, "SIGKILL")
            return
        stopping = True
        _signal_group(process, "SIGTERM")
        raise _Stop

    previous: dict = {}
    try:
        for name in STOP_SIGNALS:
            previous[name] = _handle(name, on_signal)
        return _exit_code(process.wait())
    except _Stop:
        return _stop(process, grace)
    finally:
        for name, handler in previous.items():
            if handler is not None:
                signal.signal(getattr(signal, name), handler)


def _exit_code(code: int) -> int:
    return 0 if code in (0, -signal.SIGINT, -signal.SIGTERM, 130) else code


def _stop(process: subprocess.Popen, grace: float) -> int:
    """Wait up to ``grace`` seconds for the server, then kill its group; also whatever of the
    group outlived it (a kernel it failed to shut down)."""
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        _signal_group(process, "SIGKILL")
        process.wait()
    _signal_group(process, "SIGKILL")
    return 0


def _handle(name: str, handler):
    """Install ``handler`` for the signal ``name`` where the platform has it; the old one."""
    number = getattr(signal, name, None)
    return None if number is None else signal.signal(number, handler)


def _signal_group(process: subprocess.Popen, name: str) -> None:
    """Send the signal ``name`` to the server's process group (on Windows: to the server)."""
    if not _POSIX:
        if name == "SIGTERM":
            process.terminate()
        else:
            process.kill()
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):  # the group is gone
        os.killpg(process.pid, getattr(signal, name))
