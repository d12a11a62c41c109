"""Signing any bundle, and checking a bundle's signature: the same code for every bundle kind.

A signed document (a dict that is JSON) carries one more top-level field::

    "signature": {"algorithm": "ed25519",
                  "public_key": "ed25519:<base64 of the 32-byte public key>",
                  "value": "<base64 of the 64-byte Ed25519 signature>"}

The signature is over :func:`signed_content`: the canonical JSON
(:func:`~lgtrack.sharing.format.canonical_json`) of every other top-level field, so the file's
layout does not matter, and no field can be added, removed or changed without breaking it.
Who signed is the public key; whether that is the leader the coach knows is decided by the key
pinned for that leader (:mod:`lgtrack.sharing.receive`), not here.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any

from ..exchange.fields import FileProblem, show
from ..keys import journal_keys, public_key_bytes, public_key_text
from .format import canonical_json

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ..journal import Journal

SIGNATURE = "signature"
ALGORITHM = "ed25519"
SIGNATURE_FIELDS = ("algorithm", "public_key", "value")
_SIGNATURE_BYTES = 64


def signed_content(document: dict[str, Any]) -> bytes:
    """The bytes a signature is over: canonical JSON of everything but ``"signature"``."""
    return canonical_json({key: value for key, value in document.items() if key != SIGNATURE})


def sign_document(document: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """``document`` with its ``"signature"`` made by ``key`` (any earlier one replaced)."""
    public = public_key_text(key.public_key().public_bytes_raw())
    value = key.sign(signed_content(document))
    signature = {
        "algorithm": ALGORITHM,
        "public_key": public,
        "value": base64.b64encode(value).decode("ascii"),
    }
    return {**document, SIGNATURE: signature}


def sign_with_journal(journal: Journal, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` signed with ``journal``'s own key (made on first need)."""
    return sign_document(document, journal_keys(journal).signing)


def verify_document(document: dict[str, Any]) -> str:
    """The signer's public key (``ed25519:…``) once the signature is checked.

    Raises :class:`~lgtrack.exchange.fields.FileProblem` at ``signature`` when it is missing,
    malformed, or does not fit the document (changed after signing, or signed by someone else).
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = document.get(SIGNATURE)
    if raw is None:
        raise FileProblem(SIGNATURE, "err_bundle_unsigned")
    if not isinstance(raw, dict) or sorted(raw) != sorted(SIGNATURE_FIELDS):
        raise FileProblem(SIGNATURE, "err_bundle_signature_form")
    if raw["algorithm"] != ALGORITHM:
        raise FileProblem(
            f"{SIGNATURE}.algorithm", "err_bundle_signature_algorithm", value=show(raw["algorithm"])
        )
    try:
        public = public_key_bytes(raw["public_key"])
    except ValueError:
        raise FileProblem(f"{SIGNATURE}.public_key", "err_bundle_signature_form") from None
    value = _signature_bytes(raw["value"])
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(value, signed_content(document))
    except InvalidSignature:
        raise FileProblem(SIGNATURE, "err_bundle_signature") from None
    return raw["public_key"]


def _signature_bytes(text: Any) -> bytes:
    try:
        value = base64.b64decode(text, validate=True) if isinstance(text, str) else b""
    except (binascii.Error, ValueError):
        value = b""
    if len(value) != _SIGNATURE_BYTES:
        raise FileProblem(f"{SIGNATURE}.value", "err_bundle_signature_form")
    return value
