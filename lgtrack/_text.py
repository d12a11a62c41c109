"""Text from a journal or a file, made safe to show: on a terminal, in JSON, in Markdown.

A text someone else wrote (an imported bundle, a custom framework, a hand-edited export) must
never drive the reader's terminal or renderer. :func:`terminal_safe` removes terminal escape
sequences, C0 and C1 control characters (except newline and tab) and the bidi overrides and
isolates that reorder what is shown (U+202A–U+202E, U+2066–U+2069). :func:`json_text` writes
JSON whose every such character is a ``\\uXXXX`` escape: the same data, nothing raw.
:func:`markdown_safe` escapes HTML for Markdown renderers.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_UNPRINTABLE = ("Cc", "Cf", "Cs")  # control, formatting (e.g. bidi overrides), surrogates

_BIDI = "\u202a-\u202e\u2066-\u2069"
# ESC sequences as terminals read them: CSI (ESC [ … final), OSC and other strings (ESC ] …
# BEL or ST), two-character escapes; and the 8-bit CSI (U+009B).
# The patterns are compiled on first use (re caches them), not at import: compiling them costs
# every start of the command line milliseconds, and most output never needs them (#15).
_ESCAPE_SEQUENCES = (
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
_CONTROLS = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]"
# Characters json.dumps(ensure_ascii=False) leaves raw: DEL, C1, bidi, line/paragraph separators.
_JSON_RAW = f"[\x7f-\x9f{_BIDI}\u2028\u2029]"
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HEAD_PER_CHAR = 4  # one_line flattens a long text's start first: this many characters per shown


def fold(text: str) -> str:
    """Case-folded text for search: Danish æøå match whatever their case, "strasse" finds
    "Straße" (the search index is fed text folded by this, #15)."""
    return text.casefold()


def one_line(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` characters, ending in … when cut.

    Line breaks and tabs become spaces; other control and formatting characters (terminal
    escapes, bidi overrides) show as ``?``, so a text can never drive the terminal.
    """
    head = text[:width]
    if head.isprintable() and "  " not in head and head[:1] != " ":
        # Its start is already one clean line (no control, no line break, single spaces), as
        # most texts are: that start is the answer, and the rest need not be read (#15).
        if len(text) <= width:
            if head[-1:] != " ":
                return head
        elif not text[width:].isspace():
            return head[: max(width - 1, 0)].rstrip() + "…"  # _cut, inline: the hot path
    if len(text) > _HEAD_PER_CHAR * width:
        # Flattening a text's start gives the start of its flat form: where that is already
        # too long, the cut is the same as the whole text's, at a fraction of the work.
        flat = _flattened(text[: _HEAD_PER_CHAR * width])
        if len(flat) > width:
            return _cut(flat, width)
    flat = _flattened(text)
    return flat if len(flat) <= width else _cut(flat, width)


def _cut(flat: str, width: int) -> str:
    return flat[: max(width - 1, 0)].rstrip() + "…"


def _flattened(text: str) -> str:
    """``text`` cleaned (line breaks and tabs as spaces, other controls as ``?``) and with
    its runs of white space as one space."""
    if text.isprintable():  # checked in C: no printable character is Cc/Cf/Cs
        cleaned = text
    elif (spaced := _spaced(text).replace("\r", " ")).isprintable():  # paragraphs
        cleaned = spaced
    else:
        cleaned = "".join(
            " " if ch in "\n\r\t" else "?" if unicodedata.category(ch) in _UNPRINTABLE else ch
            for ch in text
        )
    return " ".join(cleaned.split())


def _spaced(text: str) -> str:
    # str.replace is a C loop; str.translate with a table is a slow one (~75 ms for 0.5 MB)
    return text.replace("\n", " ").replace("\t", " ")


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences, control characters (but newline and tab) and bidi
    overrides or isolates: what remains can only be shown, never obeyed."""
    if text.isprintable() or _spaced(text).isprintable():
        return text  # the usual case, checked in C: no Cc or Cf character but newline and tab
    return re.sub(_CONTROLS, "", re.sub(_ESCAPE_SEQUENCES, "", text))


def json_text(value: Any, **options: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, **options)`` with DEL, C1 controls, bidi
    controls and line separators as ``\\uXXXX`` escapes: lossless, and safe on a terminal."""
    import json  # not at import: the one-line listing never writes JSON (#15)

    text = json.dumps(value, ensure_ascii=False, **options)
    return re.sub(_JSON_RAW, lambda m: f"\\u{ord(m.group()):04x}", text)


def markdown_safe(text: str) -> str:
    """``text`` for a Markdown document: HTML shows as text (``<script>`` stays words), an image
    never loads (a hidden image would tell its sender that the file was opened), and nothing
    drives a terminal that shows the file."""
    escaped = re.sub("[&<>]", lambda m: _HTML[m.group()], terminal_safe(text))
    return escaped.replace("![", "!\\[")
