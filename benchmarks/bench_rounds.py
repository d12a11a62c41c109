"""360 rounds (#12): importing 5,000 respondents × 60 questions, and the report on them.

Writes a Forms-style answers file twice (``.xlsx``, and ``.csv`` as Danish Excel writes it:
``;`` and cp1252) into a temporary directory: metadata columns, the relation question, 60
behaviours of a team leader answered with the scale's words (about one in ten "Ved ikke") and
the two open questions. Then, best wall time of ``--repeat`` runs each:

- **lgtrack import**: ``plan_import`` + ``write_import`` into a new round of an on-disk journal
  (read, match, check every answer, hash every row, write in one transaction);
- **peer**: ``pandas.read_excel`` / ``pandas.read_csv`` of the same file (reading only: no
  matching, checking or storing);
- **report**: the results under disclosure control, the HTML page and the JSON.

The ratio is lgtrack import / pandas read. Nothing here fails; it prints figures::

    python benchmarks/bench_rounds.py                      # 5,000 × 60, best of 3
    python benchmarks/bench_rounds.py --respondents 1000 --repeat 5
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from lgtrack import Journal, load_framework
from lgtrack.rounds import create_round
from lgtrack.rounds.importing import plan_import, write_import
from lgtrack.rounds.report import report_html, report_json
from lgtrack.rounds.results import round_results

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)
LEVEL = "teamleder"
GROUPS = [("Min leder", 1), ("Kollega", 20), ("Medarbejder", 60), ("Anden", 19)]


def answers_table(respondents: int, questions: int, seed: int = 7) -> list[list]:
    framework = load_framework("stuk")
    behaviours = [b for d in framework.disciplines for b in d.behaviours_for(LEVEL)][:questions]
    labels = [*(framework.scale.label(s, "da") for s in framework.scale.values), "Ved ikke"]
    weights = [1, 2, 3, 3, 2, 1]
    rng = random.Random(seed)
    header = ["ID", "Starttidspunkt", "Fuldførelsestidspunkt", "Mail", "Navn"]
    header += ["Hvad er din relation til lederen?", *(b.text.da for b in behaviours)]
    header += ["Fortsæt med", "Overvej at ændre"]
    rows = [header]
    names, group_weights = zip(*GROUPS, strict=True)
    for i in range(respondents):
        group = rng.choices(names, group_weights)[0]
        row = [str(i + 1), "2027-02-01 09:00", "2027-02-01 09:12", f"p{i}@example.org", f"P {i}"]
        row.append(group)
        row += rng.choices(labels, weights, k=len(behaviours))
        row += [f"Fortsæt med ting nummer {rng.randint(1, 50)}" if rng.random() < 0.3 else "", ""]
        rows.append(row)
    return rows


def write_files(folder: Path, rows: list[list]) -> tuple[Path, Path]:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Form1")
    for row in rows:
        sheet.append(row)
    xlsx = folder / "svar.xlsx"
    book.save(xlsx)
    csv_path = folder / "svar.csv"
    with csv_path.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return xlsx, csv_path


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=5_000)
    parser.add_argument("--questions", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import pandas as pd

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        xlsx, csv_path = write_files(folder, answers_table(args.respondents, args.questions))
        journal = Journal.open(folder / "journal", clock=lambda: NOW)
        journal.set_profile("Bench", LEVEL)

        def importer(path: Path) -> Callable[[], object]:
            def run() -> int:
                item = create_round(journal, "Bench")
                return write_import(journal, plan_import(journal, item, path))

            return run

        stored = importer(csv_path)()
        assert stored == args.respondents, stored
        item = journal.store.rounds.all()[-1]
        figures = {
            "import xlsx (lgtrack)": best(importer(xlsx), args.repeat),
            "read_excel (pandas)": best(lambda: pd.read_excel(xlsx), args.repeat),
            "import csv (lgtrack)": best(importer(csv_path), args.repeat),
            "read_csv (pandas)": best(
                lambda: pd.read_csv(csv_path, sep=";", encoding="cp1252"), args.repeat
            ),
            "report: results": best(lambda: round_results(journal, item), args.repeat),
            "report: results + HTML + JSON": best(
                lambda: (
                    report_html(round_results(journal, item), lang="da"),
                    report_json(round_results(journal, item)),
                ),
                args.repeat,
            ),
        }
        journal.close()
        size = xlsx.stat().st_size // 1024, csv_path.stat().st_size // 1024
    print(f"360 round: {args.respondents:,} respondents × {args.questions} questions "
          f"(xlsx {size[0]:,} KiB, csv {size[1]:,} KiB), best of {args.repeat}")  # fmt: skip
    for name, seconds in figures.items():
        print(f"  {name:<32} {seconds:8.3f} s")
    xlsx_ratio = figures["import xlsx (lgtrack)"] / figures["read_excel (pandas)"]
    csv_ratio = figures["import csv (lgtrack)"] / figures["read_csv (pandas)"]
    print(f"  ratio import / pandas read: xlsx {xlsx_ratio:.2f}×, csv {csv_ratio:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
