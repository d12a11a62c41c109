"""The questionnaire of a round, in the leader's language, as ``.xlsx`` (a sheet to fill in
or to import into a survey tool), ``.csv`` (its header row), ``.html`` (printable) or ``.txt``
(one question per line, to paste into Microsoft Forms).

The questions: the relation question (which group the respondent is in), per chosen
discipline its general statements and the behaviours of the leader's level, each on the
framework's scale plus "Ved ikke", then the two open questions. The importer recognises the
headers these files carry (:mod:`.questions`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import ValidationError
from ..framework import Framework
from ..i18n import t
from ..records import ROUND_QUESTIONS, Round
from .questions import Questions, answer_options, relation_options

FORMATS = (".xlsx", ".csv", ".html", ".txt")
_BLANK_ROWS = 500  # rows of the answer sheet that offer the drop-down lists


def questionnaire_bytes(framework: Framework, item: Round, out: str | Path) -> bytes:
    """The questionnaire in the format ``out``'s suffix names."""
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError("err_round_questionnaire_format", file=str(out), known=FORMATS)
    writer = {".xlsx": _xlsx, ".csv": _csv, ".html": _html, ".txt": _txt}[suffix]
    return writer(framework, item)


def header_row(framework: Framework, item: Round) -> list[str]:
    """The relation question, each behaviour's text and the open questions, in order."""
    lang = item.lang
    questions = Questions(framework, item)
    return [
        t("round.q.relation", lang),
        *(questions.header(b, lang) for b in questions.behaviours),
        *(t(f"round.q.{q}", lang) for q in ROUND_QUESTIONS),
    ]


def _txt(framework: Framework, item: Round) -> bytes:
    lines = [" ".join(text.split()) for text in header_row(framework, item)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _csv(framework: Framework, item: Round) -> bytes:
    buffer = io.StringIO(newline="")
    delimiter = ";" if item.lang == "da" else ","  # what Excel in that locale expects
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(
        header_row(framework, item)
    )
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def _html(framework: Framework, item: Round) -> bytes:
    from ._templates import render_page

    lang = item.lang
    questions = Questions(framework, item)
    disciplines = [
        (
            framework.discipline_name(d, lang),
            [b.text.get(lang) for b in questions.behaviours if b.discipline == d],
        )
        for d in item.disciplines
    ]
    page = render_page(
        "round_questionnaire.html",
        lang=lang,
        title=item.name,
        kicker=t("round.questionnaire.kicker", lang),
        intro=t("round.questionnaire.intro", lang),
        relation=t("round.q.relation", lang),
        relation_options=relation_options(lang),
        options=answer_options(framework, lang),
        disciplines=disciplines,
        open_questions=[t(f"round.q.{q}", lang) for q in ROUND_QUESTIONS],
    )
    return page.encode("utf-8")


def _xlsx(framework: Framework, item: Round) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = item.lang
    book = Workbook()
    sheet = book.active
    sheet.title = t("round.questionnaire.sheet", lang)
    headers = header_row(framework, item)
    sheet.append(headers)
    for index, _ in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = 28
    sheet.freeze_panes = "B2"
    last = _BLANK_ROWS + 1
    relation = DataValidation(type="list", formula1=_list_formula(relation_options(lang)))
    relation.add(f"A2:A{last}")
    answers = DataValidation(type="list", formula1=_list_formula(answer_options(framework, lang)))
    first_answer, last_answer = 2, len(headers) - len(ROUND_QUESTIONS)
    answers.add(f"{get_column_letter(first_answer)}2:{get_column_letter(last_answer)}{last}")
    sheet.add_data_validation(relation)
    sheet.add_data_validation(answers)
    guide = book.create_sheet(t("round.questionnaire.guide", lang))
    guide.append([item.name])
    guide.append([t("round.questionnaire.intro", lang)])
    guide.append([t("round.questionnaire.scale", lang), *answer_options(framework, lang)])
    guide.column_dimensions["A"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _list_formula(options: list[str]) -> str:
    # an Excel list is one quoted, comma-separated string (so no commas or quotes inside)
    return '"' + ",".join(o.replace(",", " ").replace('"', "'") for o in options) + '"'
