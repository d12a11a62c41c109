"""Where the command line finds a passphrase: a file, the environment, or the terminal.

Never an option's value: a passphrase on the command line would be in the shell's history and
in every other user's process list.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import ValidationError
from ..i18n import t

PASSPHRASE_ENV = "LGTRACK_PASSPHRASE"


def passphrase(args: argparse.Namespace, lang: str, *, twice: bool) -> str:
    """The passphrase from ``--passphrase-file``, ``$LGTRACK_PASSPHRASE`` or the terminal
    (asked ``twice`` when it is to encrypt); a one-line ValidationError when there is none."""
    if getattr(args, "passphrase_file", None):
        return _from_file(args.passphrase_file)
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise ValidationError("err_passphrase_needed")
    import getpass

    first = getpass.getpass(t("cli_passphrase_prompt", lang))
    if twice and getpass.getpass(t("cli_passphrase_again", lang)) != first:
        raise ValidationError("err_passphrase_mismatch")
    if not first:
        raise ValidationError("err_passphrase_needed")
    return first


def _from_file(path: str) -> str:
    """The first line of the file, without its line ending (spaces inside are kept)."""
    try:
        with open(path, encoding="utf-8") as handle:
            line = handle.readline(10_000)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ValidationError("err_passphrase_file", path=path, reason=reason) from None
    text = line.rstrip("\r\n")
    if not text:
        raise ValidationError("err_passphrase_file", path=path, reason="empty")
    return text
