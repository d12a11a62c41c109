"""Building 360 rounds and answer files for the round tests (#12)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from cli_support import run

from lgtrack import load_framework

FRAMEWORK = load_framework("stuk")
LEVEL = "teamleder"
# the round asks about one discipline: its general statements and the team leader's behaviours
BEHAVIOURS = FRAMEWORK.discipline("people").behaviours_for(LEVEL)
FIRST = BEHAVIOURS[0].id
RELATION = {
    "da": "Hvad er din relation til lederen?",
    "en": "What is your relation to the leader?",
}
GROUP_WORDS = {
    "da": {"self": "Jeg er lederen selv", "manager": "Min leder", "peer": "Kollega",
           "employee": "Medarbejder", "other": "Anden"},
    "en": {"self": "I am the leader", "manager": "My manager", "peer": "Peer",
           "employee": "Employee", "other": "Other"},
}  # fmt: skip


def make_journal(capsys, home: Path, lang: str = "da") -> str:
    code, _, err = run(capsys, "init", "--name", "AB", "--level", LEVEL, "--lang", lang,
                       "--home", str(home))  # fmt: skip
    assert code == 0, err
    return str(home)


def make_round(capsys, home: str, *options: str) -> str:
    code, out, err = run(capsys, "round", "create", "--name", "Forår", "--discipline", "people",
                         *options, "--home", home)  # fmt: skip
    assert code == 0, err
    return out.strip()


def label(score, lang: str) -> str:
    """The answer as the survey tool writes it: the scale's word, or "Ved ikke"."""
    if score is None:
        return "Ved ikke" if lang == "da" else "Don't know"
    return FRAMEWORK.scale.label(score, lang)


def rows_for(people: list[tuple[str, dict[str, int | None], str]], lang: str) -> list[list]:
    """A Forms-style table: metadata, relation, each behaviour by its text, two open questions.

    ``people``: (group, {behaviour: score}, comment); a behaviour not named is left empty.
    """
    header = ["ID", "Start time", "Email", "Name", RELATION[lang]]
    header += [b.text.get(lang) for b in BEHAVIOURS]
    header += ["Fortsæt med" if lang == "da" else "Continue",
               "Overvej at ændre" if lang == "da" else "Consider changing"]  # fmt: skip
    rows = [header]
    for i, (group, scores, comment) in enumerate(people, start=1):
        row = [str(i), "2027-03-01 10:00", f"person{i}@example.org", f"Person Nummer{i}"]
        row.append(GROUP_WORDS[lang][group])
        row += [label(scores[b.id], lang) if b.id in scores else "" for b in BEHAVIOURS]
        row += [comment, ""]
        rows.append(row)
    return rows


def write_csv(path: Path, rows: list[list], *, encoding="cp1252", delimiter=";") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def report(capsys, home: str, round_id: str) -> dict:
    code, out, err = run(capsys, "round", "report", round_id, "--json", "--home", home)
    assert code == 0, err
    return json.loads(out)


def behaviour(data: dict, behaviour_id: str) -> dict:
    return next(b for b in data["behaviours"] if b["id"] == behaviour_id)


def respondents(capsys, home: str) -> dict:
    code, out, _ = run(capsys, "round", "list", "--json", "--home", home)
    assert code == 0
    return json.loads(out)[0]["respondents"]
