"""``lgtrack effects [add]``: the leader's quarterly answers to the effektbillede (#13).

The real clock is read here, at the entry point. No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from .._time import day_to_text
from ..errors import ValidationError
from ..i18n import LANGUAGES, t
from ._common import add_home, day_arg, format_table, open_journal, parse_rating, print_json
from ._parser import examples, h


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "effects",
        help=h("effects"),
        description=h("effects_about"),
        epilog=examples(
            "lgtrack effects add --rate e1=4 --rate e2=3 --rate e3=?", "lgtrack effects --json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help=h("effects.json"))
    parser.add_argument("--lang", choices=LANGUAGES, help=h("lang"))
    add_home(parser)
    parser.set_defaults(run=run_effects)
    sub = parser.add_subparsers(dest="effects_command", metavar="ACTION", parser_class=type(parser))
    add = sub.add_parser("add", help=h("effects.add"), description=h("effects.add_about"))
    add.add_argument(
        "--rate", metavar="E=S", action="append", default=[], required=True, help=h("effects.rate")
    )
    add.add_argument("--date", metavar="YYYY-MM-DD", help=h("effects.date"))
    add_home(add)
    add.set_defaults(run=run_effects_add)


def run_effects_add(args: argparse.Namespace) -> int:
    from ..records import EffectAnswer

    day = day_arg(args.date) if args.date is not None else datetime.now().date()
    scores: dict[str, int | None] = {}
    for text in args.rate:
        rating = parse_rating(text)
        if rating.behaviour in scores:
            raise ValidationError("err_effect_twice", effect=rating.behaviour)
        scores[rating.behaviour] = rating.score
    with open_journal(args) as journal:
        me = journal.require_me()
        answer = journal.add_effect_answer(EffectAnswer(day=day, scores=scores))
    print(t("cli_effects_saved", me.lang, day=day.isoformat(), count=len(scores), id=answer.id))
    return 0


def run_effects(args: argparse.Namespace) -> int:
    from ..effects import effects_status

    with open_journal(args) as journal:
        me = journal.require_me()
        framework = journal.framework_for(me)
        answers = journal.effect_answers()
    lang = args.lang or me.lang
    if args.json:
        rows = [
            {"id": a.id, "day": day_to_text(a.day), "scores": dict(sorted(a.scores.items()))}
            for a in answers
        ]
        print_json(rows)
        return 0
    status = effects_status(answers, datetime.now().date())
    if not answers:
        print(t("effects.none", lang))
        return 0
    ids = [e.id for e in framework.effects]
    table = [[t("effects.col_day", lang), *ids]]
    for answer in answers:
        cells = [_score(answer.scores, effect) for effect in ids]
        table.append([day_to_text(answer.day), *cells])
    print(format_table(table))
    print()
    for effect in framework.effects:
        print(f"{effect.id}: {effect.text.get(lang)}")
    if status.due:
        print()
        if status.last_day is None:
            print(t("effects.due_first", lang))
        else:
            print(t("effects.due", lang, day=status.last_day.isoformat()))
    return 0


def _score(scores: dict, effect: str) -> str:
    if effect not in scores:
        return "-"
    return "?" if scores[effect] is None else str(scores[effect])
