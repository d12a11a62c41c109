"""Encrypted bundles: an age file around the signed bundle, for a key or with a passphrase.

Bundles travel by e-mail, so ``lgtrack share --encrypt`` wraps the bundle's bytes in an
ASCII-armoured `age <https://age-encryption.org/v1>`_ file (the ``pyrage`` library):

- for a **recipient**: the coach's age X25519 public key (``age1…``, from the coach's
  ``lgtrack key show``); the coach's journal opens it with its own identity
  (:func:`lgtrack.keys.journal_keys`);
- with a **passphrase**: age's scrypt recipient; the coach types the same passphrase.

Nothing here reads a terminal or a file: the command line finds the passphrase and the key, and
passes them in. The bundle inside is the same signed JSON; encryption hides it on the way, the
signature says who made it.
"""

from __future__ import annotations

import base64
import binascii

from ..errors import ValidationError
from ..exchange.reading import AGE_ARMOR_BEGIN, AGE_MAGIC, refuse

BINARY_MAGIC = AGE_MAGIC
ARMOR_BEGIN = AGE_ARMOR_BEGIN
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
MIN_PASSPHRASE = 8
_RECIPIENT_PREFIX = "age1"


def is_encrypted(data: bytes) -> bool:
    """Whether ``data`` is an age file (armoured or binary)."""
    return data.startswith(BINARY_MAGIC) or data.lstrip().startswith(ARMOR_BEGIN)


def needs_passphrase(data: bytes) -> bool:
    """Whether the age file ``data`` was encrypted with a passphrase (not for a key)."""
    return b"\n-> scrypt " in _header(data)


def encrypt_for(data: bytes, recipient: str) -> bytes:
    """``data`` encrypted for the age public key ``recipient`` (``age1…``), armoured."""
    import pyrage

    text = recipient.strip() if isinstance(recipient, str) else ""
    try:
        if not text.startswith(_RECIPIENT_PREFIX):
            raise pyrage.RecipientError(text)
        key = pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        raise ValidationError("err_recipient", value=repr(text[:70])) from None
    return pyrage.encrypt(data, [key], armored=True)


def encrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    """``data`` encrypted with ``passphrase`` (age's scrypt recipient), armoured."""
    import pyrage

    check_passphrase(passphrase)
    return pyrage.passphrase.encrypt(data, passphrase, armored=True)


def check_passphrase(passphrase: str) -> None:
    """A passphrase to encrypt with has at least :data:`MIN_PASSPHRASE` characters."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("err_passphrase_short", minimum=MIN_PASSPHRASE)


def decrypt_with_identity(data: bytes, identity: str | None, name: str) -> bytes:
    """The bundle inside ``data``, opened with this journal's age ``identity``.

    A file for another key (or a journal without keys) is one ImportFileError naming ``name``.
    """
    import pyrage

    if identity is None:
        raise refuse(name, "err_decrypt_key")
    try:
        return pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)])
    except pyrage.DecryptError as exc:
        key = "err_decrypt_key" if "No matching keys" in str(exc) else "err_decrypt_damaged"
        raise refuse(name, key) from None


def decrypt_with_passphrase(data: bytes, passphrase: str, name: str) -> bytes:
    """The bundle inside ``data``, opened with ``passphrase``; a wrong one is an ImportFileError."""
    import pyrage

    try:
        return pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise refuse(name, "err_decrypt_passphrase") from None


def _header(data: bytes) -> bytes:
    """The first bytes of the age file, de-armoured: enough to see its recipient lines."""
    body = data.lstrip()
    if not body.startswith(ARMOR_BEGIN):
        return body[:4096]
    lines = body[len(ARMOR_BEGIN) :].split(b"\n", 80)[:80]
    chunk = b"".join(line.strip() for line in lines if line.strip() != ARMOR_END)
    chunk = chunk.split(ARMOR_END, 1)[0]
    try:
        return base64.b64decode(chunk[: len(chunk) // 4 * 4])
    except (binascii.Error, ValueError):
        return b""
