"""``lgtrack summary``: where I stand, one line per discipline.

``--json`` prints ``{"disciplines": [{"id", "reflections", "self_mean_90d",
"self_mean_prev_90d", "coverage", "open_goals", "others_mean", "others_n"}, ...]}`` in framework
order (``null`` where there is nothing to average); the text form is the same as a table in the
profile's language. The numbers are defined in :mod:`lgtrack.analysis.summary`: windows end
with ``--today`` (default: today) and include it, so "the last 90 days" are today-89 … today.
"""

from __future__ import annotations

import argparse
import math
import textwrap

from ..i18n import LANGUAGES
from ._common import add_home, day_arg, open_journal, print_json
from ._parser import examples, h

FIELDS = (
    "id",
    "reflections",
    "self_mean_90d",
    "self_mean_prev_90d",
    "coverage",
    "open_goals",
    "others_mean",
    "others_n",
)
MISSING = "–"
NOTE_WIDTH = 100


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "summary",
        help=h("summary"),
        description=h("summary_about"),
        epilog=examples("lgtrack summary", "lgtrack summary --json --today 2026-06-30"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help=h("summary.json"))
    parser.add_argument("--today", metavar="DATE", help=h("summary.today"))
    parser.add_argument("--lang", choices=LANGUAGES, help=h("lang"))
    add_home(parser)
    parser.set_defaults(run=run_summary)


def run_summary(args: argparse.Namespace) -> int:
    from .._time import utc_now
    from ..analysis import JournalFrames, discipline_summary

    today = day_arg(args.today, "--today") if args.today else utc_now().date()
    with open_journal(args) as journal:
        me = journal.require_me()
        framework = journal.framework()
        table = discipline_summary(JournalFrames.load(journal), framework, me.level, today)
    rows = [summary_record(row) for row in table.to_dict("records")]
    if args.json:
        print_json({"disciplines": rows})
        return 0
    lang = args.lang or me.lang
    level = framework.level(me.level).name.get(lang) if me.level in framework.level_ids else None
    who = f"{me.name} ({level})" if level else me.name
    print(summary_text(rows, framework, lang, who=who, today=today.isoformat()))
    return 0


def summary_record(row: dict) -> dict:
    """One discipline's numbers as JSON-able values: ``None`` for NaN, ints as ints."""
    record = {}
    for key in FIELDS:
        value = row[key]
        if isinstance(value, float) and math.isnan(value):
            value = None
        elif key in ("reflections", "open_goals", "others_n"):
            value = int(value)
        elif key != "id":
            value = float(value)
        record[key] = value
    return record


def summary_text(rows: list[dict], framework, lang: str, *, who: str, today: str) -> str:
    """The summary as an aligned table with a heading and a note on what the numbers mean."""
    from ..i18n import t

    columns = (
        "discipline",
        "reflections",
        "self_90d",
        "self_prev_90d",
        "coverage",
        "open_goals",
        "others",
        "others_n",
    )
    table = [[t(f"summary_col_{c}", lang) for c in columns]]
    for row in rows:
        table.append(
            [
                framework.discipline(row["id"]).name.get(lang),
                str(row["reflections"]),
                _number(row["self_mean_90d"], lang),
                _number(row["self_mean_prev_90d"], lang),
                _percent(row["coverage"], lang),
                str(row["open_goals"]),
                _number(row["others_mean"], lang),
                str(row["others_n"]),
            ]
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
    lines = [t("summary_title", lang, who=who, today=today), ""]
    for line in table:
        cells = [line[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
    lines += ["", textwrap.fill(t("summary_note", lang), NOTE_WIDTH)]
    return "\n".join(lines)


def _number(value: float | None, lang: str) -> str:
    from ..formatting import decimal

    return decimal(value, lang, 2)


def _percent(value: float | None, lang: str) -> str:
    from ..formatting import percent

    return percent(value, lang)
