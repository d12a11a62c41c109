"""Text from a journal or a file, made safe to show: on a terminal, in JSON, in Markdown.

A text someone else wrote (an imported bundle, a custom framework, a hand-edited export) must
never drive the reader's terminal or renderer. :func:`terminal_safe` removes terminal escape
sequences, C0 and C1 control characters (except newline and tab) and the bidi overrides and
isolates that reorder what is shown (U+202A–U+202E, U+2066–U+2069). :func:`json_text` writes
JSON whose every such character is a ``\\uXXXX`` escape: the same data, nothing raw.
:func:`markdown_safe` escapes HTML for Markdown renderers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_UNPRINTABLE = ("Cc", "Cf", "Cs")  # control, formatting (e.g. bidi overrides), surrogates

_BIDI = "\u202a-\u202e\u2066-\u2069"
# ESC sequences as terminals read them: CSI (ESC [ … final), OSC and other strings (ESC ] …
# BEL or ST), two-character escapes; and the 8-bit CSI (U+009B).
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# Characters json.dumps(ensure_ascii=False) leaves raw: DEL, C1, bidi, line/paragraph separators.
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


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


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences, control characters (but newline and tab) and bidi
    overrides or isolates: what remains can only be shown, never obeyed."""
    return _CONTROLS.sub("", _ESCAPE_SEQUENCES.sub("", text))


def json_text(value: Any, **options: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, **options)`` with DEL, C1 controls, bidi
    controls and line separators as ``\\uXXXX`` escapes: lossless, and safe on a terminal."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def markdown_safe(text: str) -> str:
    """``text`` for a Markdown document: HTML shows as text (``<script>`` stays words), an image
    never loads (a hidden image would tell its sender that the file was opened), and nothing
    drives a terminal that shows the file."""
    escaped = re.sub("[&<>]", lambda m: _HTML[m.group()], terminal_safe(text))
    return escaped.replace("![", "!\\[")
