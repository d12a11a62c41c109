"""A cohort inbox on a shared server: participants can deliver into it, never list or read it.

On a JupyterHub with real system users (``deploy/jupyterhub/``), each cohort has a folder under
the inbox root (``$LGTRACK_INBOX``, by default ``/srv/lgtrack/inbox``). The operating system
keeps the promise, not lgtrack:

- the root is ``root:lgtrack-facilitators``, mode ``2775``: facilitators create cohort folders,
  everyone may see which cohorts exist (their ids are not secret);
- a cohort folder is mode ``3773`` (sticky, set-group-id, ``rwx`` for the facilitators,
  write-and-enter only for everyone else): a participant can put a file in, but cannot list the
  folder, read another's file, or remove or replace it (sticky bit);
- a delivered file is ``0640`` and, through the folder's set-group-id bit, belongs to the
  facilitators' group: its sender and the facilitators can read it, nobody else.

A delivery is written under a hidden name, synced and then renamed, so an import never sees
half a file (the importer skips hidden names).
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from pathlib import Path

from ..errors import ValidationError

INBOX_ROOT_MODE = 0o2775
COHORT_INBOX_MODE = 0o3773
DELIVERED_MODE = 0o640
DEFAULT_ROOT = "/srv/lgtrack/inbox"
_COHORT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def inbox_root(environ: dict[str, str] | None = None) -> Path:
    """The inbox root of this server: ``$LGTRACK_INBOX``, else ``/srv/lgtrack/inbox``."""
    environ = os.environ if environ is None else environ
    return Path(environ.get("LGTRACK_INBOX") or DEFAULT_ROOT)


def create_inbox(root: str | os.PathLike, cohort_id: str) -> Path:
    """Make (or keep) the cohort's inbox under ``root`` with the modes above; its path."""
    folder = Path(root) / _checked_name(cohort_id)
    if not Path(root).is_dir():
        raise ValidationError("err_inbox_missing", path=str(root))
    folder.mkdir(exist_ok=True)
    os.chmod(folder, COHORT_INBOX_MODE)
    return folder


def cohort_inboxes(root: str | os.PathLike) -> list[str]:
    """The cohorts that have an inbox under ``root``, sorted (empty when there is no root)."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return []
    return [
        entry.name for entry in entries if entry.is_dir() and _COHORT_NAME.fullmatch(entry.name)
    ]


def choose_inbox(root: str | os.PathLike, wanted: str | None = None) -> str:
    """The cohort to deliver to: ``wanted`` (an id or the start of one), or the only inbox."""
    available = cohort_inboxes(root)
    if not available:
        raise ValidationError("err_inbox_none", path=str(root))
    if wanted:
        matches = [name for name in available if name.startswith(wanted)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError("err_inbox_missing", path=str(Path(root) / wanted))
    elif len(available) == 1:
        return available[0]
    raise ValidationError("err_inbox_choose", cohorts=", ".join(available))


def deliver(root: str | os.PathLike, cohort_id: str, data: bytes) -> Path:
    """Put ``data`` (a cohort bundle) into the cohort's inbox under a fresh name; its path.

    The sender can write but not list the folder, so the name is random and never reused.
    """
    folder = Path(root) / _checked_name(cohort_id)
    if not folder.is_dir():
        raise ValidationError("err_inbox_missing", path=str(folder))
    name = f"bundle-{secrets.token_hex(12)}.json"
    hidden = folder / f".{name}.part"
    descriptor = os.open(hidden, os.O_WRONLY | os.O_CREAT | os.O_EXCL, DELIVERED_MODE)
    try:
        # umask 077 (as on the hub) would leave the facilitators without read: set it outright.
        os.fchmod(descriptor, DELIVERED_MODE)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.rename(hidden, folder / name)
    except BaseException:
        hidden.unlink(missing_ok=True)
        raise
    return folder / name


def is_delivery(path: str | os.PathLike) -> bool:
    """A finished delivery (not a hidden, half-written one)."""
    path = Path(path)
    return not path.name.startswith(".") and stat.S_ISREG(path.stat().st_mode)


def _checked_name(cohort_id: str) -> str:
    if not _COHORT_NAME.fullmatch(cohort_id or ""):
        raise ValidationError("err_inbox_name", name=cohort_id)
    return cohort_id
