"""``lgtrack share``: a bundle for a coach, previewed before it is written.

The real clock is read here, at the entry point; the core takes ``now`` as an argument.
No pandas: start-up time matters.
"""

from __future__ import annotations

import argparse
import os
import sys

from .._time import utc_now
from ..errors import ValidationError
from ..i18n import LANGUAGES, t
from ._common import (
    add_home,
    day_arg,
    open_journal,
    refuse_journal_as_out,
)
from ._parser import examples, h

_RAW = argparse.RawDescriptionHelpFormatter
_YES = ("y", "yes", "j", "ja")  # either language's yes, whatever the question's language


def register(commands: argparse._SubParsersAction) -> None:
    _register_share(commands)


def _register_share(commands: argparse._SubParsersAction) -> None:
    share = commands.add_parser(
        "share",
        help=h("share"),
        description=h("share_about"),
        formatter_class=_RAW,
        epilog=examples(
            "lgtrack share --out til-coach.json --from 2026-01-01",
            "lgtrack share --out forloeb.json --no-text --include reflections,goals --yes",
            "lgtrack share --dry-run --discipline people self",
            "lgtrack share --out til-coach.json --round 3f2a9c",
            "lgtrack share --out til-coach.age --encrypt --recipient age1…",
            "lgtrack share --cohort --out forloeb.json",
            "lgtrack share --cohort --deliver",
        ),
    )
    share.add_argument("--out", metavar="FILE", help=h("share.out"))
    share.add_argument("--from", dest="since", metavar="DATE", help=h("list.from"))
    share.add_argument("--to", dest="until", metavar="DATE", help=h("list.to"))
    share.add_argument(
        "--discipline",
        dest="disciplines",
        metavar="D",
        nargs="+",
        action="extend",
        default=[],
        help=h("share.discipline"),
    )
    share.add_argument("--no-text", dest="text", action="store_false", help=h("share.no_text"))
    share.add_argument(
        "--include",
        metavar="KINDS",
        action="append",
        help=h("share.include"),
    )
    share.add_argument("--name", help=h("share.name"))
    share.add_argument(
        "--round", dest="rounds", metavar="ID", action="append", default=[], help=h("share.round")
    )
    share.add_argument("--cohort", action="store_true", help=h("share.cohort"))
    share.add_argument("--deliver", metavar="COHORT", nargs="?", const="", help=h("share.deliver"))
    share.add_argument("--yes", action="store_true", help=h("share.yes"))
    share.add_argument("--dry-run", action="store_true", help=h("share.dry_run"))
    share.add_argument("--lang", choices=LANGUAGES, help=h("share.lang"))
    share.add_argument("--encrypt", action="store_true", help=h("share.encrypt"))
    share.add_argument("--recipient", metavar="KEY", help=h("share.recipient"))
    share.add_argument("--passphrase-file", metavar="FILE", help=h("share.passphrase_file"))
    add_home(share)
    share.set_defaults(run=run_share)


def share_scope(args: argparse.Namespace):
    """The scope the options ask for (checked against the framework when the bundle is built)."""
    from ..sharing import KINDS, ShareScope

    since = day_arg(args.since, "--from date") if args.since is not None else None
    until = day_arg(args.until, "--to date") if args.until is not None else None
    disciplines = [d.strip() for item in args.disciplines for d in item.split(",") if d.strip()]
    include = KINDS
    if args.include is not None:
        include = tuple(k.strip() for item in args.include for k in item.split(",") if k.strip())
        unknown = [kind for kind in include if kind not in KINDS]
        if unknown:
            raise ValidationError("err_cli_unknown_kind", kind=unknown[0], known=KINDS)
    return ShareScope(since, until, tuple(dict.fromkeys(disciplines)), args.text, include)


def run_share(args: argparse.Namespace) -> int:
    from ..sharing import build_bundle, preview_bundle, preview_lines, write_bundle
    from ..sharing.preview import summary_text

    if args.deliver is not None and not args.cohort:
        raise ValidationError("err_cli_deliver_cohort")
    if args.out is None and not args.dry_run and args.deliver is None:
        raise ValidationError("err_cli_share_no_out")
    if args.cohort:
        return _run_share_cohort(args)
    scope = share_scope(args)
    encrypt = args.encrypt or args.recipient is not None or args.passphrase_file is not None
    secret = _key_or_passphrase_first(args) if encrypt else None
    with open_journal(args) as journal:
        refuse_journal_as_out(journal, args.out)
        me = journal.require_me()
        framework = journal.framework_for(me)
        with journal.snapshot():  # one consistent state, whatever others write
            bundle = build_bundle(journal, scope, now=utc_now(), name=args.name, rounds=args.rounds)
    lang = args.lang or me.lang
    preview = preview_bundle(bundle, framework)
    print("\n".join(preview_lines(preview, framework, lang)))
    print()
    if not _go_ahead(args, lang):
        return 0
    if encrypt:
        path = _write_encrypted(bundle, args, secret, lang)
        print(t("share.written_encrypted", lang, path=path, summary=summary_text(preview, lang)))
        return 0
    path = write_bundle(bundle, args.out)
    print(t("share.written", lang, path=path, summary=summary_text(preview, lang)))
    return 0


def _key_or_passphrase_first(args: argparse.Namespace) -> str | None:
    """Check ``--recipient``, or read the passphrase from its file or the environment, before
    anything is shown: a bad one is refused first. None: it is asked at the terminal later."""
    from ..sharing.envelope import check_passphrase, encrypt_for
    from ._secrets import PASSPHRASE_ENV, passphrase

    if args.recipient is not None:
        encrypt_for(b"", args.recipient)
        return None
    if args.passphrase_file is None and not os.environ.get(PASSPHRASE_ENV):
        return None
    secret = passphrase(args, "da", twice=True)  # not from a terminal: no prompt is shown
    check_passphrase(secret)
    return secret


def _write_encrypted(bundle: dict, args: argparse.Namespace, secret: str | None, lang: str):
    """Write the bundle encrypted for ``--recipient``, or with a passphrase."""
    from .._files import write_atomically
    from ..sharing import bundle_text
    from ..sharing.envelope import encrypt_for, encrypt_with_passphrase
    from ._secrets import passphrase

    data = bundle_text(bundle).encode("utf-8")
    if args.recipient is not None:
        return write_atomically(args.out, encrypt_for(data, args.recipient))
    if secret is None:
        secret = passphrase(args, lang, twice=True)
    return write_atomically(args.out, encrypt_with_passphrase(data, secret))


def _run_share_cohort(args: argparse.Namespace) -> int:
    """``--cohort``: the bundle for a leadership programme's facilitator, without any text (#13)."""
    from ..cohort.bundle import build_cohort_bundle
    from ..cohort.preview import cohort_preview_lines
    from ..sharing import write_bundle

    if not args.text or args.include is not None or args.disciplines or args.rounds:
        raise ValidationError("err_cli_cohort_options")
    since = day_arg(args.since, "--from date") if args.since is not None else None
    until = day_arg(args.until, "--to date") if args.until is not None else None
    inbox = _chosen_inbox(args)
    with open_journal(args) as journal:
        if inbox is None:
            refuse_journal_as_out(journal, args.out)
        me = journal.require_me()
        bundle = build_cohort_bundle(
            journal, now=utc_now(), initials=args.name, since=since, until=until
        )
    lang = args.lang or me.lang
    print("\n".join(cohort_preview_lines(bundle, lang)))
    print()
    if not _go_ahead(args, lang):
        return 0
    if inbox is not None:
        from ..sharing import bundle_text
        from ..sharing.inbox import deliver

        path = deliver(inbox[0], inbox[1], bundle_text(bundle).encode("utf-8"))
        print(t("share.delivered", lang, path=path.parent))
        return 0
    path = write_bundle(bundle, args.out)
    print(t("cohort.bundle_written", lang, path=path))
    return 0


def _chosen_inbox(args: argparse.Namespace) -> tuple[str, str] | None:
    """``--deliver [COHORT]``: the inbox root and cohort to deliver to; None: write ``--out``."""
    if args.deliver is None:
        return None
    from ..sharing.inbox import choose_inbox, inbox_root

    root = inbox_root()
    return str(root), choose_inbox(root, args.deliver or None)


def _go_ahead(args: argparse.Namespace, lang: str) -> bool:
    """Whether to write what the preview showed: not with ``--dry-run``; with ``--yes``, or
    when a person at the terminal says yes (a script without a terminal is not asked)."""
    if args.dry_run:
        print(t("share.dry_run", lang))
        return False
    if not args.yes and sys.stdin.isatty() and not _confirmed(lang):
        print(t("share.not_written", lang))
        return False
    return True


def _confirmed(lang: str) -> bool:
    try:
        answer = input(t("cli_share_confirm", lang))
    except EOFError:
        return False
    return answer.strip().casefold() in _YES
