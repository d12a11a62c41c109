"""``lgtrack edit`` and ``lgtrack delete``: correct or remove a reflection, goal or feedback.

Entries are named by the short ids ``lgtrack list`` prints. An edit changes only the fields
given and is checked like a new entry (:mod:`lgtrack.validation`, through the journal). A
delete asks first on a terminal (``--yes`` skips the question) and leaves no trace of the
words on disk (:meth:`lgtrack.Journal.scrub`). No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from .. import validation
from ..errors import ValidationError
from ..records import FEEDBACK_ROLES, Feedback, Goal, Rating, Reflection
from ._common import SHORT_ID, add_home, day_arg, open_journal, parse_rating, resolve_numbers
from ._ids import resolve
from ._parser import examples, h
from .capture import clean_tag, read_text, tolerant_output

KINDS = ("reflection", "goal", "feedback")
_YES = ("y", "yes", "j", "ja")  # either language's yes, whatever the question's language


def register(commands: argparse._SubParsersAction) -> None:
    _register_edit(commands)
    _register_delete(commands)


def _sub(group, name: str, key: str, *lines: str) -> argparse.ArgumentParser:
    parser = group.add_parser(name, help=h(key), description=h(f"{key}_about"),
                              epilog=examples(*lines),
                              formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("id", metavar="ID", help=h("edit.id"))
    add_home(parser)
    return parser


def _privacy(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--private", dest="private", action="store_const", const=True,
                       help=h("edit.private"))  # fmt: skip
    group.add_argument("--shared", dest="private", action="store_const", const=False,
                       help=h("edit.shared"))  # fmt: skip


def _register_edit(commands) -> None:
    parser = commands.add_parser(
        "edit", help=h("edit"), description=h("edit_about"),
        epilog=examples("lgtrack edit reflection 3f2a9c1d --text 'Rettet tekst'",
                        "lgtrack edit goal 7be01c44 --title 'Ugentlige 1:1' --due 2027-03-31",
                        "lgtrack edit feedback 0c9d2e11 --text 'Tydelig i mødet'"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    sub = parser.add_subparsers(dest="edit_kind", metavar="WHAT", parser_class=type(parser))
    sub.required = True
    reflection = _sub(
        sub,
        "reflection",
        "edit.reflection",
        "lgtrack edit reflection 3f2a9c1d --next-step 'Spørg teamet' --rate 2=4",
    )
    reflection.add_argument("--text", metavar="T", help=h("edit.text"))
    reflection.add_argument("--next-step", metavar="T", help=h("edit.next_step"))
    reflection.add_argument("--tag", metavar="T", action="append", help=h("edit.tag"))
    reflection.add_argument("--no-tags", action="store_true", help=h("edit.no_tags"))
    reflection.add_argument("--discipline", metavar="D", action="append",
                            help=h("edit.discipline"))  # fmt: skip
    reflection.add_argument("--rate", metavar="B=S", action="append", default=[],
                            help=h("edit.rate"))  # fmt: skip
    reflection.add_argument("--date", metavar="YYYY-MM-DD", help=h("edit.date"))
    _privacy(reflection)
    reflection.set_defaults(run=run_edit_reflection)
    goal = _sub(sub, "goal", "edit.goal", "lgtrack edit goal 7be01c44 --title 'Ugentlige 1:1'")
    goal.add_argument("--title", metavar="T", help=h("edit.title"))
    goal.add_argument("--why", metavar="T", help=h("edit.why"))
    goal.add_argument("--success", metavar="T", help=h("edit.success"))
    due = goal.add_mutually_exclusive_group()
    due.add_argument("--due", metavar="DATE", help=h("edit.due"))
    due.add_argument("--no-due", action="store_true", help=h("edit.no_due"))
    _privacy(goal)
    goal.set_defaults(run=run_edit_goal)
    feedback = _sub(
        sub,
        "feedback",
        "edit.feedback",
        "lgtrack edit feedback 0c9d2e11 --text 'Tydelig i mødet' --name ''",
    )
    feedback.add_argument("--text", metavar="T", help=h("edit.text"))
    feedback.add_argument("--name", metavar="N", help=h("edit.name"))
    feedback.add_argument("--from", dest="role", metavar="ROLE", choices=FEEDBACK_ROLES,
                          help=h("feedback.from", roles=", ".join(FEEDBACK_ROLES)))  # fmt: skip
    feedback.add_argument("--rate", metavar="B=S", action="append", default=[],
                          help=h("edit.rate"))  # fmt: skip
    feedback.add_argument("--date", metavar="YYYY-MM-DD", help=h("edit.date"))
    _privacy(feedback)
    feedback.set_defaults(run=run_edit_feedback)


def _register_delete(commands) -> None:
    parser = commands.add_parser(
        "delete", help=h("delete"), description=h("delete_about"),
        epilog=examples("lgtrack delete reflection 3f2a9c1d",
                        "lgtrack delete goal 7be01c44 --yes"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("kind", choices=KINDS, metavar="WHAT", help=h("delete.kind"))
    parser.add_argument("id", metavar="ID", help=h("edit.id"))
    parser.add_argument("--yes", action="store_true", help=h("delete.yes"))
    add_home(parser)
    parser.set_defaults(run=run_delete)


# -- edit ---------------------------------------------------------------------------------------


def _given(args: argparse.Namespace, *names: str) -> bool:
    """Whether any of the options ``names`` (or --private/--shared) was given."""
    given = any(getattr(args, name) not in (None, False, []) for name in names)
    return given or args.private is not None


def _text(value: str | None, current: str) -> str:
    return current if value is None else read_text(value, required=False)


def merged_ratings(current: tuple[Rating, ...], new: tuple[Rating, ...]) -> tuple[Rating, ...]:
    """``current`` with each behaviour in ``new`` rated anew (new behaviours at the end)."""
    by_behaviour = {rating.behaviour: rating for rating in current}
    by_behaviour.update({rating.behaviour: rating for rating in new})
    return tuple(by_behaviour.values())


@tolerant_output
def run_edit_reflection(args: argparse.Namespace) -> int:
    if not _given(args, "text", "next_step", "tag", "no_tags", "discipline", "rate", "date"):
        raise ValidationError("err_cli_edit_nothing", command="lgtrack edit reflection")
    if args.tag and args.no_tags:
        raise ValidationError("err_cli_edit_tags_both")
    with open_journal(args) as journal:
        current = journal.get_reflection(resolve(journal, "reflection", args.id))
        leader = journal.leader(current.leader_id)
        framework = journal.framework_for(leader)
        disciplines = tuple(args.discipline) if args.discipline else current.disciplines
        rated = tuple(parse_rating(text) for text in args.rate)
        rated = resolve_numbers(framework, current.level or leader.level, disciplines, rated)
        tags = current.tags if args.tag is None else tuple(clean_tag(tag) for tag in args.tag)
        changed = replace(
            current,
            text=_text(args.text, current.text),
            next_step=current.next_step if args.next_step is None else args.next_step.strip(),
            tags=() if args.no_tags else tags,
            disciplines=disciplines,
            ratings=merged_ratings(current.ratings, rated),
            day=day_arg(args.date) if args.date is not None else current.day,
            private=current.private if args.private is None else args.private,
        )
        saved = journal.update_reflection(changed)
        return _edited(journal, "reflection", saved)


@tolerant_output
def run_edit_goal(args: argparse.Namespace) -> int:
    if not _given(args, "title", "why", "success", "due", "no_due"):
        raise ValidationError("err_cli_edit_nothing", command="lgtrack edit goal")
    with open_journal(args) as journal:
        current = journal.get_goal(resolve(journal, "goal", args.id))
        due = day_arg(args.due, "due date") if args.due is not None else current.due
        changed = replace(
            current,
            title=current.title if args.title is None else args.title.strip(),
            why=current.why if args.why is None else args.why.strip(),
            success=current.success if args.success is None else args.success.strip(),
            due=None if args.no_due else due,
            private=current.private if args.private is None else args.private,
        )
        saved = journal.update_goal(changed)
        return _edited(journal, "goal", saved)


@tolerant_output
def run_edit_feedback(args: argparse.Namespace) -> int:
    if not _given(args, "text", "name", "role", "rate", "date"):
        raise ValidationError("err_cli_edit_nothing", command="lgtrack edit feedback")
    with open_journal(args) as journal:
        current = journal.get_feedback(resolve(journal, "feedback", args.id))
        leader = journal.leader(current.leader_id)
        framework = journal.framework_for(leader)
        rated = tuple(parse_rating(text) for text in args.rate)
        rated = resolve_numbers(framework, leader.level, [current.discipline], rated)
        validation.check_ratings_fit(framework, rated, [current.discipline])
        changed = replace(
            current,
            text=_text(args.text, current.text),
            name=current.name if args.name is None else args.name.strip(),
            role=args.role or current.role,
            ratings=merged_ratings(current.ratings, rated),
            day=day_arg(args.date) if args.date is not None else current.day,
            private=current.private if args.private is None else args.private,
        )
        saved = journal.update_feedback(changed)
        return _edited(journal, "feedback", saved)


def _edited(journal, kind: str, saved: Reflection | Goal | Feedback) -> int:
    """Say what was saved. The old words are scrubbed from the disk too: an edit is how a
    leader takes back a name written by mistake."""
    from ..i18n import t

    journal.scrub()
    lang = _lang(journal)
    print(t("cli_edit_saved", lang, kind=t(f"forget.kind.{kind}", lang), id=saved.id[:SHORT_ID]))
    return 0


def _lang(journal) -> str:
    me = journal.me()
    return me.lang if me else "da"


# -- delete -------------------------------------------------------------------------------------


@tolerant_output
def run_delete(args: argparse.Namespace) -> int:
    from ..i18n import t

    with open_journal(args) as journal:
        entry_id = resolve(journal, args.kind, args.id)
        entry = {"reflection": journal.get_reflection, "goal": journal.get_goal,
                 "feedback": journal.get_feedback}[args.kind](entry_id)  # fmt: skip
        lang = _lang(journal)
        what = describe(entry, args.kind, lang)
        if not args.yes and sys.stdin.isatty() and not confirmed("cli_delete_confirm", lang, what):
            print(t("cli_delete_kept", lang))
            return 0
        {"reflection": journal.delete_reflection, "goal": journal.delete_goal,
         "feedback": journal.delete_feedback}[args.kind](entry_id)  # fmt: skip
    print(t("cli_deleted", lang, what=what))
    return 0


def describe(entry: Reflection | Goal | Feedback, kind: str, lang: str) -> str:
    """One line naming an entry: its kind, short id, day and the start of its text."""
    from .._text import one_line
    from ..i18n import t

    if isinstance(entry, Goal):
        day, text = entry.created_at.date() if entry.created_at else None, entry.title
    else:
        day, text = entry.day, entry.text or getattr(entry, "next_step", "")
    return t("cli_entry_line", lang, kind=t(f"forget.kind.{kind}", lang),
             id=entry.id[:SHORT_ID], day=day.isoformat() if day else "-",
             text=one_line(text, 50) or "-")  # fmt: skip


def confirmed(key: str, lang: str, what: str) -> bool:
    """Ask the question ``key`` about ``what`` on the terminal; True on yes (j/ja/y/yes)."""
    from ..i18n import t

    try:
        answer = input(t(key, lang, what=what))
    except EOFError:
        return False
    return answer.strip().casefold() in _YES
