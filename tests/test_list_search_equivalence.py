"""Listing and searching random Danish journals give what a plain reading of the records gives.

``lgtrack list reflections`` formats its lines straight from SQL rows and text search narrows by
the trigram index before an exact check (#15). Here both are held against straightforward
reference implementations over the full records: a search is "the folded needle occurs in the
folded prompt + text + next step", and a listing is the lines the records themselves give
(:func:`lgtrack.cli.listing.entry_row`). The JSON export must find the same records too.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgtrack import EntryFilter, Journal, Rating, Reflection
from lgtrack.cli import main
from lgtrack.cli._common import format_table
from lgtrack.cli.listing import entry_row
from lgtrack.i18n import t

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
WORDS = (
    "ærlig", "Ærø", "ØRESUND", "søren", "Åse", "gård", "GAARD", "aa", "Aarhus", "blåbær",
    "fravær", "trivsel", "møde", "tillidsrepræsentanten", "ledelse", "1:1", "næste", "skridt",
    "Straße", "STRASSE", "ﬁnans", "ΣΟΦΟΣ",
)  # fmt: skip
LETTERS = "aeiouyæøåAEIOUYÆØÅbdgklmnrstßſﬁ "
TAGS = ("møde", "økonomi", "trivsel", "ÆØÅ-tag", "1til1")


def _text() -> st.SearchStrategy[str]:
    word = st.one_of(st.sampled_from(WORDS), st.text(LETTERS, min_size=1, max_size=6))
    separator = st.sampled_from([" ", " ", " ", "\n", "  ", ", ", ". ", "\t"])
    return st.lists(st.tuples(word, separator), max_size=25).map(
        lambda parts: "".join(w + s for w, s in parts).strip()
    )


@st.composite
def journals(draw) -> list[dict]:
    disciplines = ("self", "people", "strategic", "operational", "professional")
    entries = []
    for _ in range(draw(st.integers(1, 12))):
        chosen = draw(st.lists(st.sampled_from(disciplines), min_size=1, max_size=2, unique=True))
        entries.append(
            {
                "day": date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 40))),
                "disciplines": tuple(chosen),
                "prompt": draw(st.one_of(st.just(""), _text())),
                "text": draw(_text()),
                "next_step": draw(st.one_of(st.just(""), _text())),
                "tags": tuple(draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))),
                "private": draw(st.booleans()),
                "rate": draw(st.booleans()),
            }
        )
    return entries


def _needles(entries: list[dict]) -> st.SearchStrategy[str]:
    """Pieces of the entries' own text in a random case, and short or foreign strings."""
    texts = [" ".join((e["prompt"], e["text"], e["next_step"])) for e in entries]

    @st.composite
    def piece(draw) -> str:
        source = draw(st.sampled_from(texts))
        start = draw(st.integers(0, max(len(source) - 1, 0)))
        cut = source[start : start + draw(st.integers(1, 12))]
        return draw(st.sampled_from([cut, cut.upper(), cut.lower(), cut.swapcase()]))

    return st.one_of(
        piece(),
        st.sampled_from(["aa", "AA", "å", "Æ", "ø", "ØRE", "gaard", "blåBÆR", "zz", "x"]),
        st.text(LETTERS, min_size=1, max_size=4),
    )


def _fill(journal: Journal, entries: list[dict]) -> None:
    behaviours = journal.framework().behaviours_for_level("teamleder")
    for minute, entry in enumerate(entries):
        ratings = tuple(
            Rating(behaviours[d][0].id, None if minute % 3 == 0 else 1 + minute % 5)
            for d in entry["disciplines"]
            if entry["rate"]
        )
        text = entry["text"] or ("" if ratings or entry["next_step"] else "-")
        journal.add_reflection(
            Reflection(
                day=entry["day"],
                disciplines=entry["disciplines"],
                prompt=entry["prompt"],
                text=text,
                next_step=entry["next_step"],
                tags=entry["tags"],
                private=entry["private"],
                ratings=ratings,
            )
        )


def _reference_search(journal: Journal, needle: str) -> list[str]:
    folded = needle.casefold()
    return [
        r.id
        for r in journal.reflections()
        if folded in f"{r.prompt} {r.text} {r.next_step}".casefold()
    ]


def _reference_lines(journal: Journal, f: EntryFilter) -> str:
    items = journal.reflections()
    if f.contains:
        items = [r for r in items if r.id in set(_reference_search(journal, f.contains))]
    if f.tag:
        items = [r for r in items if f.tag in r.tags]
    if f.limit is not None:
        items = items[: f.limit]
    if not items:
        return t("cli_list_empty", "da") + "\n"
    marker = t("cli_private_marker", "da") if any(r.private for r in items) else ""
    return format_table([entry_row(r, marker, "da") for r in items]) + "\n"


def _cli(*argv: str) -> str:
    """``lgtrack ARGV…`` in-process; its stdout (a UTF-8 stream with a byte buffer, as a real one)."""
    raw, err = io.BytesIO(), io.StringIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(list(argv))
        out.flush()
    finally:
        sys.stdout, sys.stderr = real
    assert code == 0, err.getvalue()
    return raw.getvalue().decode("utf-8")


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=st.data(), entries=journals())
def test_search_finds_exactly_the_reflections_whose_text_holds_the_needle(data, entries):
    with Journal.open(":memory:", clock=lambda: NOW) as journal:
        journal.set_profile("Åse Ø.", "teamleder")
        _fill(journal, entries)
        for needle in data.draw(st.lists(_needles(entries), min_size=1, max_size=5)):
            found = [r.id for r in journal.reflections(EntryFilter(contains=needle))]
            assert found == _reference_search(journal, needle), needle


@SETTINGS
@given(data=st.data(), entries=journals())
def test_listing_lines_and_export_match_the_records(data, entries):
    needle = data.draw(_needles(entries))
    tag = data.draw(st.sampled_from(TAGS))
    limit = data.draw(st.integers(0, 5))
    with tempfile.TemporaryDirectory() as home:
        with Journal.open(home, clock=lambda: NOW) as journal:
            journal.set_profile("Åse Ø.", "teamleder")
            _fill(journal, entries)
            expected = {
                (): _reference_lines(journal, EntryFilter()),
                ("--contains", needle): _reference_lines(journal, EntryFilter(contains=needle)),
                ("--tag", tag): _reference_lines(journal, EntryFilter(tag=tag)),
                ("-n", str(limit)): _reference_lines(journal, EntryFilter(limit=limit)),
            }
            records = sorted((r.id, r.text, list(r.tags)) for r in journal.reflections())
        for options, lines in expected.items():
            assert _cli("list", "reflections", *options, "--home", home) == lines, options
        exported = json.loads(_cli("export", "--format", "json", "--home", home))
        assert sorted((r["id"], r["text"], r["tags"]) for r in exported["reflections"]) == records


def test_search_folds_as_python_casefolds_not_only_case():
    """ "strasse" finds "Straße" and "ﬁn" finds "FIN", as casefold() has it: the index is fed the
    folded text, so it holds the needle's trigrams ("ass", "sse") for the text's "ß"."""
    texts = ("Mødet på Hauptstraße gik godt.", "STRASSENFEST med teamet", "Finansloven", "ærø")
    with Journal.open(":memory:", clock=lambda: NOW) as journal:
        journal.set_profile("Åse Ø.", "teamleder")
        ids = {
            text: journal.add_reflection(
                Reflection(day=date(2025, 1, 2), disciplines=("self",), text=text)
            ).id
            for text in texts
        }

        def found(needle: str) -> set[str]:
            return {r.text for r in journal.reflections(EntryFilter(contains=needle))}

        assert found("strasse") == {texts[0], texts[1]}
        assert found("STRAßE") == {texts[0], texts[1]}
        assert found("ﬁnans") == {texts[2]}
        assert found("ÆRØ") == {texts[3]}
        assert len(ids) == 4
