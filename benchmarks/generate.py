"""Synthetic journals for the benchmarks: the same entries as an lgtrack journal and a jrnl journal.

    python benchmarks/generate.py --sizes 10000,50000 [--seed 7] [--out benchmarks/_data]

Each size N gets ``OUT/nN/``:

- ``lgtrack/journal.sqlite``: a teamleder's journal with N reflections over ten years
  (2016-2025), each with one or two disciplines, 1-3 self-ratings per discipline (about one in ten
  "ved ikke"), 0-3 tags and 50-200 words of Danish-ish text.
- ``jrnl/journal.txt``: the same entries in jrnl's plain-text format, one entry per reflection::

      [2019-03-04 14:27] First sentence of the text.
      The rest of the text. @tag1 @tag2

  (``timeformat: "%Y-%m-%d %H:%M"``, tags with ``@``, entries separated by a blank line). jrnl
  has no ratings or disciplines, so its entries carry the text and tags only.
- ``meta.json``: size, seed, and the query parameters the benchmark uses (a tag, a year, a word)
  with how many entries each should find.

Everything is deterministic for a given seed. ``benchmarks/_data/`` is git-ignored.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

GENERATOR_VERSION = 4  # 4: the schema, page size and auto-vacuum of #15
DEFAULT_OUT = Path(__file__).resolve().parent / "_data"
START = datetime(2016, 1, 1, tzinfo=timezone(timedelta(hours=1)))
YEARS = 10
RARE_WORD = "tillidsrepræsentanten"  # in about 1 % of entries: the text-search needle
RARE_SHARE = 0.01
QUERY_TAG = "sygefravær"
QUERY_YEAR = 2020

TAGS = (
    "1til1", "møde", "strategi", "økonomi", "forandring", "trivsel", "rekruttering", "konflikt",
    "budget", "onboarding", "feedback", "prioritering", "samarbejde", "kompetencer", "mål",
    "udvikling", "kommunikation", "borger", "digitalisering", "arbejdsmiljø", "ledergruppe",
    "sparring", "sygefravær", "ferie",
)  # fmt: skip

WORDS = """
og i at det er en på til med som for ikke de har vi jeg af om der kan men var så
skal vil også når efter mere godt meget ledelse leder medarbejdere teamet kontoret
møde mødet samtale samtalen opgave opgaver mål målet plan planen strategi retning
prioritering prioriteringer beslutning beslutninger dialog dialogen tillid ansvar
rammer rammerne forventninger kvalitet faglighed faglige udvikling læring feedback
sparring trivsel arbejdsmiljø samarbejde samarbejdet kollega kollegaer direktionen
kontorchefen styrelsen ministeriet borgerne sagsbehandling proces processen frist
fristen budget økonomi ressourcer kompetencer rekruttering onboarding forandring
forandringen implementering opfølgning evaluering resultat resultater effekt
værdi mening motivation energi balance fokus overblik struktur tydelig tydelighed
åben ærlig modig nysgerrig lyttede spurgte aftalte besluttede forklarede delegerede
fulgte prøvede lærte oplevede mærkede tænkte reflekterede overvejede uddelegere
næste uge måned kvartal år dag morgen eftermiddag sammen selv hinanden alle nogle
flere færre bedre svært nemt vigtigt nødvendigt konkret konkrete tydeligere hurtigere
gruppen ledergruppen projektet projektgruppen styregruppen gevinster risici
udfordring udfordringer løsning løsninger idé ideer forslag input perspektiv
holdning rolle rollen roller ansvaret mandat mandatet kommunikation kommunikere
informere inddrage involvere motivere anerkende udfordre støtte coache guide
""".split()  # noqa: SIM905 - a word list reads better as text


@dataclass(frozen=True)
class Entry:
    """One synthetic reflection: what both journals get."""

    moment: datetime
    disciplines: tuple[str, ...]
    ratings: tuple[tuple[str, int | None], ...]
    tags: tuple[str, ...]
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _zipf_weights(n: int, exponent: float = 1.05) -> list[float]:
    return [1.0 / (rank**exponent) for rank in range(1, n + 1)]


def _sentences(rng: random.Random, weights: list[float]) -> tuple[str, ...]:
    target = rng.randint(50, 200)
    words = rng.choices(WORDS, weights=weights, k=target)
    if rng.random() < RARE_SHARE:
        words[rng.randrange(len(words))] = RARE_WORD
    sentences, i = [], 0
    while i < len(words):
        length = min(rng.randint(6, 16), len(words) - i)
        chunk = words[i : i + length]
        i += length
        sentence = " ".join(chunk)
        sentences.append(sentence[0].upper() + sentence[1:] + rng.choice(".....?!"))
    return tuple(sentences)


def make_entries(n: int, seed: int) -> list[Entry]:
    """``n`` entries spread over ten years, oldest first; the same for the same seed."""
    from lgtrack import load_framework

    rng = random.Random(seed)
    framework = load_framework("stuk")
    behaviours = {
        d: [b.id for b in bs] for d, bs in framework.behaviours_for_level("teamleder").items()
    }
    disciplines = list(behaviours)
    weights = _zipf_weights(len(WORDS))
    span = int(timedelta(days=365 * YEARS + YEARS // 4).total_seconds() // 60)
    minutes = sorted(rng.randrange(span) for _ in range(n))
    entries = []
    for minute in minutes:
        chosen = tuple(sorted(rng.sample(disciplines, 1 if rng.random() < 0.7 else 2)))
        ratings = []
        for discipline in chosen:
            for behaviour in rng.sample(behaviours[discipline], rng.randint(1, 3)):
                ratings.append((behaviour, None if rng.random() < 0.1 else rng.randint(1, 5)))
        tags = tuple(sorted(rng.sample(TAGS, rng.choice((0, 1, 1, 2, 2, 3)))))
        entries.append(
            Entry(START + timedelta(minutes=minute), chosen, tuple(ratings), tags,
                  _sentences(rng, weights))
        )  # fmt: skip
    return entries


# -- lgtrack ---------------------------------------------------------------------------------------


def write_lgtrack(entries: list[Entry], home: Path) -> Path:
    """A fresh lgtrack journal in ``home`` holding ``entries`` (one transaction, the bulk path)."""
    from lgtrack import Journal, Rating, Reflection
    from lgtrack.storage import database_path

    db = Path(database_path(home))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    current = [START]
    with Journal.open(home, clock=lambda: current[0]) as journal:
        journal.set_profile("Bente Benchmark", "teamleder", unit="Kontor for Syntetiske Data")
        with journal.atomic():
            for entry in entries:
                current[0] = entry.moment
                journal.add_reflection(
                    Reflection(
                        day=entry.moment.date(),
                        disciplines=entry.disciplines,
                        text=entry.text,
                        ratings=tuple(Rating(b, s) for b, s in entry.ratings),
                        tags=entry.tags,
                    )
                )
        journal.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


# -- jrnl ------------------------------------------------------------------------------------------

JRNL_TIMEFORMAT = "%Y-%m-%d %H:%M"


def jrnl_entry(entry: Entry) -> str:
    """One entry as jrnl 4.x writes it: ``[date] title``, body on the next line(s), tags in text."""
    title, body = entry.sentences[0], " ".join(entry.sentences[1:])
    tags = " ".join(f"@{tag}" for tag in entry.tags)
    body = " ".join(part for part in (body, tags) if part)
    stamp = entry.moment.strftime(JRNL_TIMEFORMAT)
    return f"[{stamp}] {title}\n{body}\n" if body else f"[{stamp}] {title}\n"


def write_jrnl(entries: list[Entry], journal_file: Path) -> Path:
    journal_file.parent.mkdir(parents=True, exist_ok=True)
    journal_file.write_text("\n".join(jrnl_entry(e) for e in entries), encoding="utf-8")
    return journal_file


def write_jrnl_config(config_file: Path, journal_file: Path, version: str = "4.6") -> Path:
    """A jrnl config (YAML) with one journal; plain output, no editor, no encryption."""
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(
        "\n".join(
            [
                f"version: '{version}'",
                "journals:",
                "  default:",
                f"    journal: {json.dumps(str(journal_file.resolve()))}",
                "editor: ''",
                "encrypt: false",
                "template: false",
                "default_hour: 9",
                "default_minute: 0",
                f"timeformat: '{JRNL_TIMEFORMAT}'",
                "tagsymbols: '#@'",
                "highlight: false",
                "linewrap: 79",
                "indent_character: '|'",
                "colors: {body: none, date: none, tags: none, title: none}",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return config_file


# -- both ------------------------------------------------------------------------------------


def expected_counts(entries: list[Entry]) -> dict[str, int]:
    """How many entries each benchmark query should find (checked against both tools)."""
    year = [e for e in entries if e.moment.year == QUERY_YEAR]
    return {
        "tag": sum(QUERY_TAG in e.tags for e in entries),
        "range": len(year),
        "contains": sum(RARE_WORD in e.text.casefold() for e in entries),
    }


def generate(size: int, seed: int, out: Path, *, quiet: bool = False) -> Path:
    """Write ``out/n{size}/`` (both journals and meta.json) unless it is already there."""
    target = out / f"n{size}"
    meta_file = target / "meta.json"
    from lgtrack.storage import SCHEMA_VERSION

    # a journal written by an older schema is written again (the benchmark measures this one)
    wanted = {"size": size, "seed": seed, "generator": GENERATOR_VERSION, "schema": SCHEMA_VERSION}
    if meta_file.is_file():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if {k: meta.get(k) for k in wanted} == wanted:
            return target
    started = time.perf_counter()
    entries = make_entries(size, seed)
    made = time.perf_counter()
    db = write_lgtrack(entries, target / "lgtrack")
    stored = time.perf_counter()
    txt = write_jrnl(entries, target / "jrnl" / "journal.txt")
    meta = {
        **wanted,
        "query": {
            "tag": QUERY_TAG,
            "from": date(QUERY_YEAR, 1, 1).isoformat(),
            "to": date(QUERY_YEAR, 12, 31).isoformat(),
            "contains": RARE_WORD,
        },
        "expected": expected_counts(entries),
        "bytes": {"lgtrack": db.stat().st_size, "jrnl": txt.stat().st_size},
        "seconds": {"entries": round(made - started, 2), "lgtrack_bulk": round(stored - made, 2)},
    }
    meta_file.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    if not quiet:
        print(
            f"n={size}: generated in {made - started:.1f} s; lgtrack bulk write "
            f"{stored - made:.1f} s ({size / (stored - made):,.0f} reflections/s); "
            f"lgtrack {db.stat().st_size / 1e6:.1f} MB, jrnl {txt.stat().st_size / 1e6:.1f} MB",
            file=sys.stderr,
        )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000", help="comma-separated entry counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    for size in (int(s) for s in args.sizes.split(",")):
        print(generate(size, args.seed, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
