"""Importing a round's answers: read the whole file, match its columns, read every answer into
a plan, and only then write the plan in one transaction (all or nothing).

Columns are matched to behaviours by id or by their text in either language; survey metadata
(id, times, e-mail, name) is recognised and dropped, never stored. Each respondent is stored
as an anonymous number with a hash of their normalised answers (never of metadata): importing
the same file again, or a later download of the same survey, adds only respondents not yet
there (a second identical row counts as a second respondent).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import validation
from ..errors import LgtrackError, ValidationError
from ..i18n import t
from ..journal import Journal
from ..records import ROUND_GROUPS, Round
from .questions import METADATA, Questions, group_values, norm
from .reading import Table, read_table, refuse

GROUP = "group"
METADATA_COLUMN = "metadata"
IGNORED = "ignored"
_SHOWN_VALUE = 40  # characters of a refused value shown in the error line


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # "behaviour", "text", GROUP, METADATA_COLUMN or IGNORED
    target: str = ""  # the behaviour id or the open question


@dataclass(frozen=True)
class Respondent:
    group: str
    scores: tuple[tuple[str, int | None], ...]
    texts: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        """A hash of the normalised answers (group, scores, texts): no metadata in it."""
        return hashlib.sha256(repr((self.group, self.scores, self.texts)).encode()).hexdigest()


@dataclass
class ImportPlan:
    round: Round
    columns: list[Column]
    respondents: list[Respondent]
    new: list[tuple[Respondent, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Respondents in the file per group."""
        found = Counter(r.group for r in self.respondents)
        return {g: found[g] for g in ROUND_GROUPS if found[g]}

    def new_counts(self) -> dict[str, int]:
        found = Counter(r.group for r, _ in self.new)
        return {g: found[g] for g in ROUND_GROUPS if found[g]}

    def lines(self, lang: str, framework) -> list[str]:
        """The dry run: each column and what it became, then the counts per group."""
        out = [t("round.import.mapping", lang)]
        for column in self.columns:
            if column.kind == "behaviour":
                what = column.target
            elif column.kind == "text":
                what = t(f"round.q.{column.target}.short", lang)
            else:
                what = t(f"round.import.column.{column.kind}", lang)
            out.append(f"  {column.header!s} → {what}")
        out.append(t("round.import.counts", lang, counts=_counts_text(self.counts(), lang)))
        out.append(t("round.import.new", lang, counts=_counts_text(self.new_counts(), lang)))
        return out


def _counts_text(counts: dict[str, int], lang: str) -> str:
    if not counts:
        return "0"
    return ", ".join(f"{t(f'round.group.{g}', lang)} {n}" for g, n in counts.items())


def parse_group_map(text: str | None) -> dict[str, str]:
    """``"VALUE=GROUP,..."`` (``--group-map``) as a mapping; each GROUP must be a group."""
    found: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        value, sep, group = part.rpartition("=")
        if not sep or not value.strip():
            raise ValidationError("err_round_group_map", text=part.strip())
        validation.check_round_group(group.strip())
        found[value.strip()] = group.strip()
    return found


def plan_import(
    journal: Journal,
    item: Round,
    path: str | Path,
    *,
    group: str | None = None,
    group_column: str | None = None,
    group_map: dict[str, str] | None = None,
) -> ImportPlan:
    """Everything the import would store, checked; raises one error and stores nothing."""
    if item.status == "closed":
        raise ValidationError("err_round_closed", name=item.name)
    if group is not None:
        validation.check_round_group(group)
    framework = journal.framework()
    questions = Questions(framework, item)
    table = read_table(path, known=lambda header: norm(header) in questions.by_header)
    columns = _columns(table, questions, group_column, use_group_column=group is None)
    values = group_values(group_map)
    layout = {kind: _kind_of(columns, kind) for kind in ("behaviour", "text", GROUP)}
    respondents = [
        _respondent(table, layout, len(columns), row, number, questions, group, values)
        for row, number in zip(table.rows, table.row_numbers, strict=True)
    ]
    plan = ImportPlan(item, columns, respondents)
    stored = journal.store.rounds.hash_counts(item.id)
    seen: Counter = Counter()
    for respondent in respondents:
        key = respondent.key
        seen[key] += 1
        if seen[key] > stored[key]:
            plan.new.append((respondent, key))
    return plan


def write_import(journal: Journal, plan: ImportPlan) -> int:
    """Store the plan's new respondents in one transaction; returns how many."""
    store = journal.store.rounds
    with journal.atomic():
        first = store.next_number(plan.round.id)
        people, answers, texts = [], [], []
        for offset, (respondent, key) in enumerate(plan.new):
            number = first + offset
            people.append((number, respondent.group, key))
            answers.extend((number, behaviour, score) for behaviour, score in respondent.scores)
            texts.extend((respondent.group, q, text) for q, text in respondent.texts)
        store.add(plan.round.id, people, answers, texts)
    return len(plan.new)


def _columns(
    table: Table, questions: Questions, group_column: str | None, *, use_group_column: bool
) -> list[Column]:
    columns, behaviours, group_at = [], set(), []
    wanted_group = norm(group_column) if group_column else None
    for header in table.headers:
        key = norm(header)
        if (
            wanted_group is not None
            and key == wanted_group
            or wanted_group is None
            and key in questions.relation_headers
        ):
            column = Column(header, GROUP)
        elif key in questions.by_header:
            free = [b for b in questions.by_header[key] if b not in behaviours]
            if not free:
                target = questions.by_header[key][0]
                raise refuse(table.name, "err_round_column_twice", behaviour=target)
            column = Column(header, "behaviour", free[0])
            behaviours.add(column.target)
        elif key in questions.text_headers:
            column = Column(header, "text", questions.text_headers[key])
        elif key in METADATA:
            column = Column(header, METADATA_COLUMN)
        else:
            column = Column(header, IGNORED)
        if column.kind == GROUP:
            group_at.append(column)
        columns.append(column)
    if not behaviours:
        raise refuse(table.name, "err_round_no_matching_column")
    if group_column and not group_at:
        raise refuse(table.name, "err_round_no_group_column", column=group_column)
    if len(group_at) > 1 and use_group_column:
        raise refuse(table.name, "err_round_group_column_twice")
    if use_group_column and not group_at:
        raise refuse(table.name, "err_round_no_group")
    return columns


def _respondent(
    table: Table,
    layout: dict[str, list[tuple[int, Column]]],
    width: int,
    row: tuple,
    number: int,
    questions: Questions,
    group: str | None,
    values: dict[str, str],
) -> Respondent:
    if len(row) < width:
        row = (*row, *([None] * (width - len(row))))
    known = questions.seen_values  # the common case, a known answer, costs one lookup
    scores = []
    for index, column in layout["behaviour"]:
        cell = row[index]
        score = known[cell] if cell.__class__ is str and cell in known else None
        if score is None:
            score = _score(table, questions, column, cell, number)
        scores.append((column.target, score))
    texts = []
    for index, column in layout["text"]:
        text = "" if row[index] is None else str(row[index]).strip()
        if text:
            _check_text(table, text, number)
            texts.append((column.target, text))
    found_group = group
    for index, _column in layout[GROUP] if group is None else ():
        cell = row[index]
        found_group = values.get(cell) or values.get(norm("" if cell is None else cell))
        if found_group is None:
            raise refuse(
                table.name, "err_round_unknown_group_value", row=number,
                value=_shown(cell), known=ROUND_GROUPS,
            )  # fmt: skip
        if isinstance(cell, str):
            values[cell] = found_group  # the next row with this value needs no normalising
    scores.sort()
    texts.sort()
    return Respondent(found_group, tuple(scores), tuple(texts))


def _kind_of(columns: list[Column], kind: str) -> list[tuple[int, Column]]:
    return [(i, c) for i, c in enumerate(columns) if c.kind == kind]


def _score(table: Table, questions: Questions, column: Column, cell, number: int) -> int | None:
    # a file holds a handful of distinct answers many thousand times: look each up once
    known = questions.seen_values
    if isinstance(cell, str) and cell in known:
        return known[cell]
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        key = str(cell)
    elif isinstance(cell, str) or cell is None:
        key = norm("" if cell is None else cell)
    else:
        key = None  # a date, a truth value, a fraction: never an answer
    if key is None or key not in questions.scale_values:
        raise refuse(
            table.name, "err_round_value", row=number, column=_shown(column.header),
            value=_shown(cell),
        )  # fmt: skip
    score = questions.scale_values[key]
    if isinstance(cell, str):
        known[cell] = score
    return score


def _check_text(table: Table, text: str, number: int) -> None:
    try:
        validation.check_text(text, "text")
    except LgtrackError as exc:
        raise refuse(table.name, "err_round_row", row=number, problem=exc) from None


def _shown(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= _SHOWN_VALUE else text[: _SHOWN_VALUE - 1] + "…"
