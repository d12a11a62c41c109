"""``lgtrack init|reflect|goal|feedback``: write to the journal from the command line.

Everything is checked against the leader's framework before anything is written; bad input is
one line on stderr and exit code 2. The real clock is read here, at the entry point, and nowhere
deeper: ``--date`` defaults to :func:`today`. No pandas, no matplotlib: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO

from .. import validation
from ..errors import NotFoundError, ValidationError
from ..i18n import LANGUAGES
from ..records import FEEDBACK_ROLES, Feedback, Goal, Leader, Rating, Reflection
from ._common import (
    add_home,
    day_arg,
    open_journal,
    parse_rating,
    resolve_numbers,
    tolerant_output,
)
from ._parser import examples, h

MAX_STDIN_CHARS = 100_000
MIN_ID_PREFIX = 6


def today() -> date:
    """Today on the real clock: the default for every ``--date``."""
    return datetime.now().date()


Run = Callable[[argparse.Namespace], int]


def register(commands: argparse._SubParsersAction) -> None:
    _register_init(commands)
    _register_reflect(commands)
    _register_goal(commands)
    _register_feedback(commands)


def _command(group, name: str, key: str, example: str):
    """A command whose summary and description are ``cli_help.KEY`` and ``cli_help.KEY_about``."""
    parser = group.add_parser(name, help=h(key), description=h(f"{key}_about"),
                              epilog=examples(example),
                              formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    add_home(parser)
    return parser


def _repeatable(parser, flag: str, metavar: str, help: str, required: bool = False) -> None:
    parser.add_argument(flag, metavar=metavar, action="append", default=[], help=help,
                        required=required)  # fmt: skip


def _common_options(parser, *, date_help: str, text_help: str = "") -> None:
    """--date, --private and (with ``text_help``) --text and --rate."""
    if text_help:
        parser.add_argument("--text", metavar="T", help=h("text", what=text_help))
        _repeatable(parser, "--rate", "B=S", h("rate"))
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=h("date", what=date_help))
    parser.add_argument("--private", action="store_true", help=h("private"))


def day_or_today(text: str | None, what: str = "date") -> date:
    return day_arg(text, what) if text is not None else today()


# -- init -------------------------------------------------------------------------------------


def _register_init(commands) -> None:
    parser = _command(
        commands, "init", "init", "lgtrack init --name 'A.B.' --level teamleder --lang da"
    )
    parser.add_argument("--name", metavar="NAME", help=h("init.name"))
    parser.add_argument("--level", metavar="LEVEL", help=h("init.level"))
    parser.add_argument("--framework", metavar="ID|PATH", help=h("init.framework"))
    parser.add_argument("--lang", choices=LANGUAGES, help=h("lang"))
    parser.add_argument("--unit", metavar="UNIT", help=h("init.unit"))
    parser.set_defaults(run=run_init)


@tolerant_output
def run_init(args: argparse.Namespace) -> int:
    from ..storage import database_path

    if not Path(database_path(args.home)).exists():
        fw, profile = _profile_from(args, None, None)  # checked before the journal is created
        with open_journal(args, create=True) as journal:
            return _save_profile(journal, fw, profile, created=True)
    with open_journal(args) as journal:
        current = journal.me()
        fw, profile = _profile_from(args, journal, current)
        return _save_profile(journal, fw, profile, created=current is None)


def _profile_from(args: argparse.Namespace, journal, current: Leader | None):
    """The framework and the profile that ``init`` will store, checked; omitted options keep
    their current values."""
    from .. import validation

    fw = _init_framework(args.framework, journal, current)
    same_framework = current is not None and current.framework_id == fw.id
    name = args.name if args.name is not None else (current.name if current else None)
    level = args.level if args.level is not None else (current.level if same_framework else None)
    lang = args.lang or (current.lang if current else "da")
    unit = args.unit if args.unit is not None else (current.unit if current else "")
    if name is None:
        raise ValidationError("err_cli_name_required")
    if level is None and fw.levels:
        raise ValidationError("err_cli_level_required", known=fw.level_ids)
    profile = Leader(name, level, fw.id, fw.version, lang, unit)
    validation.check_leader(fw, profile)
    if current is not None and not same_framework:
        _refuse_framework_switch(journal, current, fw.id)
    return fw, profile


def _save_profile(journal, fw, profile: Leader, *, created: bool) -> int:
    from ..i18n import t

    me = journal.set_profile(
        profile.name, profile.level, framework=fw, lang=profile.lang, unit=profile.unit
    )
    lang = me.lang
    who = f"{me.name}, {fw.level(me.level).name.get(lang) if me.level else fw.name.get(lang)}"
    if created:
        print(t("cli_journal_created", lang, path=journal.path, who=who))
    else:
        print(t("cli_profile_updated", lang, who=who))
    return 0


def _init_framework(ref: str | None, journal, current: Leader | None):
    from ..framework import load_framework

    if ref is None and current is not None:
        return journal.framework_for(current)
    return load_framework(ref or "stuk")


def _refuse_framework_switch(journal, current: Leader, new_id: str) -> None:
    entries = len(journal.reflections()) + len(journal.goals()) + len(journal.feedback())
    if entries:
        raise ValidationError(
            "err_cli_framework_switch", entries=entries, old=current.framework_id, new=new_id
        )


# -- reflect ----------------------------------------------------------------------------------


def _register_reflect(commands) -> None:
    parser = _command(
        commands, "reflect", "reflect",
        "lgtrack reflect --discipline people --rate 2=4 --text 'Godt 1:1 i dag'",
    )  # fmt: skip
    _repeatable(parser, "--discipline", "D", h("reflect.discipline"), required=True)
    _common_options(parser, date_help=h("reflect.date"), text_help=h("reflect.text"))
    _repeatable(parser, "--tag", "T", h("reflect.tag"))
    parser.add_argument("--next-step", metavar="T", default="", help=h("reflect.next_step"))
    parser.add_argument("--prompt", metavar="P", default="", help=h("reflect.prompt"))
    parser.add_argument("--wellbeing", metavar="N", type=int, help=h("reflect.wellbeing"))
    parser.add_argument("--energy", metavar="N", type=int, help=h("reflect.energy"))
    parser.set_defaults(run=run_reflect)


@tolerant_output
def run_reflect(args: argparse.Namespace) -> int:
    from ..i18n import t

    day = day_or_today(args.date)
    ratings = tuple(parse_rating(text) for text in args.rate)
    with open_journal(args) as journal:
        me = journal.require_me()
        ratings = resolve_numbers(journal.framework(), me.level, args.discipline, ratings)
        validation.check_ratings_fit(journal.framework(), ratings, args.discipline)
        text = read_text(args.text, required=not (ratings or args.next_step.strip()))
        tags = tuple(clean_tag(tag) for tag in args.tag)
        saved = journal.add_reflection(
            Reflection(day=day, disciplines=tuple(args.discipline), text=text, prompt=args.prompt,
                       ratings=ratings, wellbeing=args.wellbeing, energy=args.energy, tags=tags,
                       next_step=args.next_step.strip(), private=args.private)
        )  # fmt: skip
    where = ", ".join(saved.disciplines)
    print(t("cli_reflection_saved", me.lang, day=saved.day, disciplines=where, id=saved.id))
    return 0


def clean_tag(tag: str) -> str:
    """A tag as typed, without a leading ``#``."""
    return tag.strip().removeprefix("#")


def read_text(given: str | None, *, required: bool, stream: IO | None = None) -> str:
    """``--text`` if given (``-`` means stdin), else stdin when it is not a terminal."""
    if given is not None and given != "-":
        return given.strip()
    stream = sys.stdin if stream is None else stream
    if given is None and (stream is None or _is_terminal(stream)):
        if required:
            raise ValidationError("err_cli_no_text")
        return ""
    too_long = ValidationError("err_cli_stdin_too_long", limit=MAX_STDIN_CHARS)
    raw = getattr(stream, "buffer", stream).read(MAX_STDIN_CHARS * 4 + 1)  # UTF-8: <= 4 bytes/char
    if isinstance(raw, bytes):
        if len(raw) > MAX_STDIN_CHARS * 4:
            raise too_long
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError("err_cli_stdin_not_utf8", byte=exc.start) from None
    if len(raw) > MAX_STDIN_CHARS:
        raise too_long
    return raw.strip()


def _is_terminal(stream: IO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):  # a closed stdin has nothing to read
        return True


# -- goals ------------------------------------------------------------------------------------


def _register_goal(commands) -> None:
    parser = commands.add_parser(
        "goal", help=h("goal"), description=h("goal_about"),
        epilog=examples("lgtrack goal add --discipline people --title 'Ugentlige 1:1'",
                        "lgtrack goal checkin 3f2a9c --progress 40",
                        "lgtrack goal close 3f2a9c --status achieved"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    sub = parser.add_subparsers(dest="goal_command", metavar="ACTION", parser_class=type(parser))
    sub.required = True
    add = _command(
        sub, "add", "goal.add",
        "id=$(lgtrack goal add --discipline people --title 'Ugentlige 1:1' --due 2026-12-31)",
    )  # fmt: skip
    add.add_argument("--discipline", metavar="D", required=True, help=h("discipline"))
    add.add_argument("--title", metavar="T", required=True, help=h("goal.title"))
    _repeatable(add, "--behaviour", "B", h("goal.behaviour"))
    add.add_argument("--due", metavar="DATE", help=h("goal.due"))
    add.add_argument("--why", metavar="T", default="", help=h("goal.why"))
    add.add_argument("--success", metavar="T", default="", help=h("goal.success"))
    add.add_argument("--private", action="store_true", help=h("private"))
    add.set_defaults(run=run_goal_add)
    checkin = _command(
        sub, "checkin", "goal.checkin",
        "lgtrack goal checkin 3f2a9c --progress 40 --note 'Halvvejs'",
    )  # fmt: skip
    checkin.add_argument("id", metavar="ID", help=h("goal.id"))
    checkin.add_argument("--progress", metavar="N", type=int, required=True, help="0-100")
    checkin.add_argument("--note", metavar="T", default="", help=h("goal.note"))
    checkin.add_argument("--date", metavar="DATE", help=h("goal.checkin_date"))
    checkin.set_defaults(run=run_goal_checkin)
    close = _command(
        sub, "close", "goal.close",
        "lgtrack goal close 3f2a9c --status achieved",
    )  # fmt: skip
    close.add_argument("id", metavar="ID", help=h("goal.id"))
    close.add_argument("--status", choices=("achieved", "dropped"), required=True,
                       help=h("goal.status"))  # fmt: skip
    close.add_argument("--date", metavar="DATE", help=h("goal.close_date"))
    close.set_defaults(run=run_goal_close)


@tolerant_output
def run_goal_add(args: argparse.Namespace) -> int:
    due = day_arg(args.due, "due date") if args.due is not None else None
    with open_journal(args) as journal:
        journal.require_me()
        behaviours = tuple(Rating(b, None) for b in args.behaviour)
        validation.check_ratings_fit(journal.framework(), behaviours, [args.discipline])
        goal = journal.add_goal(
            Goal(discipline=args.discipline, title=args.title, behaviours=tuple(args.behaviour),
                 why=args.why.strip(), success=args.success.strip(), due=due, private=args.private)
        )  # fmt: skip
    print(goal.id)
    return 0


def find_goal(journal, ref: str) -> Goal:
    """The goal whose id is ``ref`` or starts with ``ref`` (at least 6 characters, unique)."""
    ref = ref.strip().lower()
    matches = [goal for goal in journal.goals() if goal.id.startswith(ref)] if ref else []
    exact = [goal for goal in matches if goal.id == ref]
    if exact:
        return exact[0]
    if not matches:
        raise NotFoundError("err_cli_no_goal", ref=ref)
    if len(ref) < MIN_ID_PREFIX:
        raise ValidationError("err_cli_goal_id_short", ref=ref, min=MIN_ID_PREFIX)
    if len(matches) > 1:
        raise ValidationError("err_cli_goal_id_ambiguous", ref=ref, count=len(matches))
    return matches[0]


@tolerant_output
def run_goal_checkin(args: argparse.Namespace) -> int:
    from ..i18n import t

    day = day_or_today(args.date)
    with open_journal(args) as journal:
        me = journal.require_me()
        goal = find_goal(journal, args.id)
        goal = journal.check_in(goal.id, args.progress, note=args.note.strip(), day=day)
    print(t("cli_checkin_saved", me.lang, title=goal.title, progress=args.progress))
    return 0


@tolerant_output
def run_goal_close(args: argparse.Namespace) -> int:
    from ..i18n import t

    day = day_or_today(args.date)
    with open_journal(args) as journal:
        me = journal.require_me()
        goal = find_goal(journal, args.id)
        status = t(f"cli_status_{args.status}", me.lang)
        if goal.status == args.status:
            closed = goal.closed_on or "?"
            print(
                t("cli_goal_already_closed", me.lang, status=status, day=closed, title=goal.title)
            )
            return 0
        goal = journal.close_goal(goal.id, args.status, day=day)
    print(t("cli_goal_closed", me.lang, status=status, title=goal.title))
    return 0


# -- feedback ---------------------------------------------------------------------------------


def _register_feedback(commands) -> None:
    parser = commands.add_parser(
        "feedback", help=h("feedback"), description=h("feedback_about"),
        epilog=examples("lgtrack feedback add --from manager --discipline self --text 'Godt'"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    sub = parser.add_subparsers(
        dest="feedback_command", metavar="ACTION", parser_class=type(parser)
    )
    sub.required = True
    add = _command(
        sub, "add", "feedback.add",
        "lgtrack feedback add --from peer --discipline people --rate people.g1=4 --text 'Tydelig'",
    )  # fmt: skip
    roles = ", ".join(FEEDBACK_ROLES)
    add.add_argument("--from", dest="role", metavar="ROLE", choices=FEEDBACK_ROLES, required=True,
                     help=h("feedback.from", roles=roles))  # fmt: skip
    add.add_argument("--name", metavar="N", default="", help=h("feedback.name"))
    add.add_argument("--discipline", metavar="D", required=True, help=h("discipline"))
    _common_options(add, date_help=h("feedback.date"), text_help=h("feedback.text"))
    add.set_defaults(run=run_feedback_add)


@tolerant_output
def run_feedback_add(args: argparse.Namespace) -> int:
    from ..i18n import t

    day = day_or_today(args.date)
    ratings = tuple(parse_rating(text) for text in args.rate)
    with open_journal(args) as journal:
        me = journal.require_me()
        ratings = resolve_numbers(journal.framework(), me.level, [args.discipline], ratings)
        validation.check_ratings_fit(journal.framework(), ratings, [args.discipline])
        text = read_text(args.text, required=not ratings)
        saved = journal.add_feedback(
            Feedback(day=day, role=args.role, discipline=args.discipline, text=text,
                     ratings=ratings, name=args.name.strip(), private=args.private)
        )  # fmt: skip
    role = t(f"md_role_{saved.role}", me.lang)
    print(t("cli_feedback_saved", me.lang, day=saved.day, role=role,
            discipline=saved.discipline, id=saved.id))  # fmt: skip
    return 0
