"""This journal's own key pairs: one to sign share bundles, one to open bundles sent to it.

The secrets stay in the database (readable by its owner only), never in an export or a bundle.
Leaders' public keys pinned by a coach are in :mod:`.leaders`.
"""

from __future__ import annotations

import sqlite3


class KeyRepository:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def get(self, purpose: str) -> tuple[str, str] | None:
        """``(secret, public)`` of the key pair for ``purpose`` ("sign" or "encrypt"), or None."""
        row = self._conn.execute(
            "SELECT secret, public FROM journal_keys WHERE purpose = ?", (purpose,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def add(self, purpose: str, secret: str, public: str, created_at: str) -> None:
        """Store a new key pair; an existing one for ``purpose`` is never replaced."""
        self._conn.execute(
            "INSERT INTO journal_keys (purpose, secret, public, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(purpose) DO NOTHING",
            (purpose, secret, public, created_at),
        )
