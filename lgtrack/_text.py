"""Text from a journal or a file, made safe to show on one line of a terminal or a message."""

from __future__ import annotations

import unicodedata

_UNPRINTABLE = ("Cc", "Cf", "Cs")  # control, formatting (e.g. bidi overrides), surrogates


def one_line(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` characters, ending in … when cut.

    Line breaks and tabs become spaces; other control and formatting characters (terminal
    escapes, bidi overrides) show as ``?``, so a text can never drive the terminal.
    """
    if text.isprintable():  # the usual case, checked in C: no printable character is Cc/Cf/Cs
        cleaned = text
    else:
        cleaned = "".join(
            " " if ch in "\n\r\t" else "?" if unicodedata.category(ch) in _UNPRINTABLE else ch
            for ch in text
        )
    flat = " ".join(cleaned.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)].rstrip() + "…"
