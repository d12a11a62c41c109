"""``lgtrack list reflections`` reads rows straight from the database and imports little (#15)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from lgtrack import Journal, Reflection
from lgtrack.cli import listing
from lgtrack.journal import NO_LEADER
from lgtrack.records import GOAL_STATUSES
from lgtrack.storage import lines

# (the message catalogue, YAML, is read when a line needs it: a private marker, "nothing found")
HEAVY = ("lgtrack.records", "lgtrack.framework", "lgtrack.journal", "lgtrack.specs",
         "lgtrack.validation", "lgtrack.sharing", "lgtrack.exchange", "pandas",
         # standard modules that cost milliseconds of every start and the listing needs not
         "dataclasses", "inspect", "locale", "lgtrack.query")  # fmt: skip
# ... nor, while no line of it comes from the message catalogue, what reading that needs
CATALOGUE = ("yaml", "platformdirs", "tempfile", "shutil")


def test_the_listing_constants_are_the_cores():
    assert listing.GOAL_STATUSES == GOAL_STATUSES
    assert lines.NO_LEADER == NO_LEADER


def _modules_after(*argv: str) -> tuple[str, list[str]]:
    code = (
        "import json, sys\n"
        "from lgtrack.cli import main\n"
        f"code = main({list(argv)!r})\n"
        "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          encoding="utf-8", check=True)  # fmt: skip
    exit_code, modules = json.loads(done.stderr.splitlines()[-1])
    assert exit_code == 0
    return done.stdout, modules


def test_listing_reflections_imports_neither_records_nor_the_framework(tmp_path):
    with Journal.open(tmp_path) as journal:
        journal.set_profile("Åse", "teamleder")
        journal.add_reflection(
            Reflection(day=date(2026, 1, 2), disciplines=("self",), text="Ærlig snak", private=True)
        )
    for options in (
        [],
        ["--tag", "x"],
        ["--contains", "ærlig"],
        ["-n", "1", "--from", "2026-01-01"],
    ):
        out, modules = _modules_after("list", "reflections", *options, "--home", str(tmp_path))
        assert not [m for m in modules if m.startswith(HEAVY)], options
    assert out.startswith("2026-01-02  ") and out.rstrip().endswith("[privat] Ærlig snak")


def test_a_listing_without_words_of_its_own_reads_no_catalogue(tmp_path):
    with Journal.open(tmp_path) as journal:
        journal.set_profile("Åse", "teamleder")
        journal.add_reflection(Reflection(day=date(2026, 1, 2), disciplines=("self",), text="Ro"))
    out, modules = _modules_after("list", "reflections", "--home", str(tmp_path))
    assert out.split() == ["2026-01-02", out.split()[1], "self", "Ro"]
    assert not [m for m in modules if m.startswith(HEAVY + CATALOGUE)]


def test_printable_text_has_nothing_one_line_would_replace():
    """``one_line`` skips its per-character cleaning for ``str.isprintable()`` text: that is
    right only while no printable character is in a category it replaces."""
    import unicodedata

    from lgtrack._text import _UNPRINTABLE, one_line

    printable = (chr(c) for c in range(sys.maxunicode + 1) if chr(c).isprintable())
    assert not [c for c in printable if unicodedata.category(c) in _UNPRINTABLE]
    assert one_line("Æ\u202eØ\tå\x1b", 10) == "Æ?Ø å?"


def test_the_benchmarks_bare_floor_runs_the_listings_query(tmp_path):
    """``benchmarks/bare_list.py`` keeps its own copy of the listing's SQL (so that it imports
    nothing of lgtrack's): it must give the very rows lgtrack's listing reads."""
    from pathlib import Path

    from lgtrack import EntryFilter, Rating
    from lgtrack.storage import DB_FILENAME, connect

    with Journal.open(tmp_path) as journal:
        journal.set_profile("Åse", "teamleder")
        for day, text, tags in (
            (2, "Tillidsrepræsentanten og jeg talte om sygefravær", ("sygefravær",)),
            (3, "Mødet på Hauptstraße", ("møde", "sygefravær")),
            (4, "", ()),
        ):
            journal.add_reflection(
                Reflection(day=date(2020, 1, day), disciplines=("people", "self"), text=text,
                           tags=tags, ratings=(Rating("self.g1", 4),) if not text else ())
            )  # fmt: skip
    bare = Path(__file__).resolve().parents[1] / "benchmarks" / "bare_list.py"
    conn = connect(str(tmp_path / DB_FILENAME), create=False)
    me = lines.journal_owner(conn)[0]
    for query, where in (
        (["last10"], EntryFilter(limit=10)),
        (["tag", "sygefravær"], EntryFilter(tag="sygefravær")),
        (["range", "2020-01-03", "2020-01-04"],
         EntryFilter(since=date(2020, 1, 3), until=date(2020, 1, 4))),
        (["contains", "STRASSE"], EntryFilter(contains="STRASSE")),
    ):  # fmt: skip
        ours = ["\t".join(map(str, row)) for row in lines.reflection_lines(conn, me, where)]
        done = subprocess.run([sys.executable, str(bare), str(tmp_path / DB_FILENAME), *query],
                              capture_output=True, text=True, encoding="utf-8", check=True)  # fmt: skip
        assert done.stdout.splitlines() == ours and ours, query
    conn.close()
