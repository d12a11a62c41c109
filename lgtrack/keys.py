"""A journal's own keys, and the fingerprint people read aloud to compare a key.

Each journal has two key pairs, made on first need and kept in its database (readable by its
owner only; never in an export or a bundle):

- an **Ed25519** key that signs the share bundles it makes (:mod:`lgtrack.sharing.signing`);
  its public key travels in every bundle as ``"ed25519:<base64>"``;
- an **age X25519** identity that opens bundles encrypted for this journal
  (:mod:`lgtrack.sharing.envelope`); its public half (``age1…``) is what a coach gives a
  leader for ``lgtrack share --encrypt --recipient``.

``lgtrack key show`` prints both public keys and the signing key's fingerprint: 24 hex digits in
six groups of four (96 bits of SHA-256), short enough for a leader and a coach to compare aloud.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._time import moment_to_text

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from .journal import Journal

SIGN, ENCRYPT = "sign", "encrypt"
PUBLIC_KEY_PREFIX = "ed25519:"
_KEY_BYTES = 32
_FINGERPRINT_GROUPS = 6


@dataclass(frozen=True)
class JournalKeys:
    """A journal's key pairs: ``signing`` (Ed25519) and the age ``identity`` (its secret)."""

    signing: Ed25519PrivateKey
    public_key: str  # "ed25519:<base64>", as bundles carry it
    identity: str  # "AGE-SECRET-KEY-1…": opens bundles encrypted for this journal
    recipient: str  # "age1…": what a leader encrypts for

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def journal_keys(journal: Journal) -> JournalKeys:
    """The journal's key pairs, made (and stored) the first time they are needed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stored = journal.store.keys
    if stored.get(SIGN) is None or stored.get(ENCRYPT) is None:
        _make_keys(journal)  # only then a write: sharing from a journal with keys only reads
    sign_secret, public = stored.get(SIGN)
    identity_text, recipient = stored.get(ENCRYPT)
    signing = Ed25519PrivateKey.from_private_bytes(base64.b64decode(sign_secret))
    return JournalKeys(signing, public, identity_text, recipient)


def _make_keys(journal: Journal) -> None:
    """Make and store the key pairs the journal lacks (another process may have just made
    them: an existing pair is never replaced)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from pyrage import x25519

    made_at = moment_to_text(journal.clock())
    with journal.atomic():
        if journal.store.keys.get(SIGN) is None:
            secret = Ed25519PrivateKey.generate()
            public = public_key_text(secret.public_key().public_bytes_raw())
            journal.store.keys.add(SIGN, _b64(secret.private_bytes_raw()), public, made_at)
        if journal.store.keys.get(ENCRYPT) is None:
            identity = x25519.Identity.generate()
            recipient = str(identity.to_public())
            journal.store.keys.add(ENCRYPT, str(identity), recipient, made_at)


def own_identity(journal: Journal) -> str | None:
    """The journal's age identity, if it has made one (never makes one: a new identity could
    not open anything sent before)."""
    stored = journal.store.keys.get(ENCRYPT)
    return stored[0] if stored else None


def pinned_fingerprint(journal: Journal, leader_id: str) -> str | None:
    """The fingerprint of the key pinned for ``leader_id`` (None before their first bundle)."""
    pinned = journal.store.leaders.pinned_key(leader_id)
    return fingerprint(pinned) if pinned else None


def forget_leader_key(journal: Journal, leader_id: str) -> None:
    """Forget the key pinned for ``leader_id``: their next bundle pins its key again (for a
    leader who really has a new journal, after comparing its fingerprint aloud)."""
    from .errors import NotFoundError

    leader = journal.leader(leader_id)
    with journal.atomic():
        if not journal.store.leaders.unpin_key(leader.id):
            raise NotFoundError("err_key_not_pinned", name=leader.name)


def public_key_text(raw: bytes) -> str:
    """``ed25519:<base64>`` for a raw 32-byte Ed25519 public key."""
    return PUBLIC_KEY_PREFIX + _b64(raw)


def public_key_bytes(text: str) -> bytes:
    """The raw 32 bytes of an ``ed25519:<base64>`` public key; ValueError if it is not one."""
    if not isinstance(text, str) or not text.startswith(PUBLIC_KEY_PREFIX):
        raise ValueError("not an ed25519 public key")
    try:
        raw = base64.b64decode(text[len(PUBLIC_KEY_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not base64") from None
    if len(raw) != _KEY_BYTES or public_key_text(raw) != text:  # one spelling per key
        raise ValueError("not 32 bytes")
    return raw


def fingerprint(public_key: str) -> str:
    """The key's fingerprint to read aloud: ``3F2A 91BC 0D4E 7781 A0C2 55D1``."""
    digest = hashlib.sha256(public_key_bytes(public_key)).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 4 * _FINGERPRINT_GROUPS, 4))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
