"""Files written for the user: whole or not at all, and readable by the owner only.

- :func:`open_atomically` / :func:`write_atomically` — exports, bundles and reports. The data
  goes to a hidden temporary file beside the target (streamed: a large export is never held
  as bytes), which is synced to disk, made 0600 and renamed over the target; the folder is
  synced after the rename. A kill, a full disk or an error leaves the old file (or none),
  never a partial or empty one; the temporary file a killed writer leaves is removed by the
  next write of the same file.
- :func:`make_private` / :func:`private_dir` — the one place that sets the owner-only modes
  (files 0600, folders 0700): the journal folder, its database, WAL and SHM, backups.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import LgtrackError, ValidationError

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private(path: str | os.PathLike) -> None:
    """Take every permission of group and others from the file at ``path``, if it exists
    (0644 becomes 0600; a file its owner made read-only, 0444, becomes 0400, not writable).

    A file that is not ours to change (another user's, a read-only medium) is left as it is:
    tightening is a precaution, never a reason to refuse to read a journal.
    """
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISREG(mode) and stat.S_IMODE(mode) & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & ~0o077)
    except OSError:
        pass


def private_dir(path: str | os.PathLike) -> Path:
    """Create the folder at ``path`` (and its parents) if needed; the folder itself is 0700.

    Parents that already exist keep their modes; only the folder that holds private files is
    tightened. Raises :class:`OSError` when it cannot be created.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    try:
        if stat.S_IMODE(folder.stat().st_mode) != DIR_MODE:
            os.chmod(folder, DIR_MODE)
    except OSError:
        pass  # not ours (e.g. a shared mount): the files in it are still 0600
    return folder


def _check_target(path: str | os.PathLike) -> Path:
    target = Path(path).expanduser()
    if target.is_dir():
        raise ValidationError("err_write_directory", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("err_write_no_folder", folder=str(target.parent), name=target.name)
    return target


@contextlib.contextmanager
def open_atomically(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary handle whose contents replace ``path`` when the block ends without an error.

    A folder or a missing folder is a one-line :class:`ValidationError`; nothing is written.
    The file is 0600 from its creation (``mkstemp``), synced before the rename, and the folder
    is synced after it, so that a crash right after leaves the new file, not an empty one.
    """
    import tempfile  # loaded by writers only: listing the journal must start fast (#15)

    target = _check_target(path)
    _remove_stale(target)
    try:
        prefix = f".{target.name}.{os.getpid()}."
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=prefix)
    except OSError as exc:
        raise _write_failed(target, exc) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a full disk, a lost mount: one line, not a traceback
            raise _write_failed(target, exc) from None
        raise
    sync_dir(target.parent)


def _remove_stale(target: Path) -> None:
    """Remove what a killed writer of ``target`` left: its hidden ``.NAME.PID.…`` temporary
    file, once that process is gone (the target itself was never touched)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+")
    try:
        siblings = list(target.parent.iterdir())
    except OSError:
        return
    for sibling in siblings:
        match = pattern.fullmatch(sibling.name)
        if match and not _alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                sibling.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: not ours to judge
    return True


def _write_failed(target: Path, exc: OSError) -> LgtrackError:
    return LgtrackError("err_write_failed", path=str(target), reason=exc.strerror or str(exc))


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or never half, readable by the owner only (0600)."""
    with open_atomically(path) as handle:
        handle.write(data)
    return Path(path).expanduser()


def sync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (its entry on disk); a no-op where a system cannot."""
    # The rename is durable only once the folder's entry is on disk. Not every system lets a
    # folder be opened for syncing; the file itself is synced already.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
