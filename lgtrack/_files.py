"""Writing a file for the user whole or not at all: exports and share bundles."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ValidationError


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or never half, readable by the owner only (0600).

    A folder or a missing folder is a one-line :class:`ValidationError`; nothing is written.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise ValidationError("err_write_directory", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("err_write_no_folder", folder=str(target.parent), name=target.name)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
