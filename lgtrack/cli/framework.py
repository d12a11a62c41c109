"""``lgtrack framework list|show|validate|add``."""

from __future__ import annotations

import argparse

from ..errors import ValidationError
from ..framework import Framework, Text, bundled_frameworks, load_framework
from ..i18n import LANGUAGES, t
from ._common import add_home, message_lang, open_journal, print_json
from ._parser import examples, h


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "framework",
        help=h("framework"),
        description=h("framework_about"),
        epilog=examples(
            "lgtrack framework list",
            "lgtrack framework show stuk --level teamleder --lang en",
            "lgtrack framework validate my-framework.yaml",
            "lgtrack framework add leaders-framework.yaml",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(
        dest="framework_command", metavar="ACTION", parser_class=type(parser)
    )
    sub.required = True

    listing = sub.add_parser(
        "list", help=h("framework.list"), description=h("framework.list_about")
    )
    listing.add_argument("--lang", choices=LANGUAGES, help=h("lang"))
    listing.add_argument("--json", action="store_true", help=h("framework.list_json"))
    listing.set_defaults(run=run_list)

    show = sub.add_parser(
        "show",
        help=h("framework.show"),
        description=h("framework.show_about"),
    )
    show.add_argument("id", metavar="ID", help=h("framework.id"))
    show.add_argument("--level", metavar="L", help=h("framework.level"))
    show.add_argument("--lang", choices=LANGUAGES, help=h("lang"))
    show.add_argument("--json", action="store_true", help=h("json"))
    show.set_defaults(run=run_show)

    validate = sub.add_parser(
        "validate",
        help=h("framework.validate"),
        description=h("framework.validate_about"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("path", metavar="PATH", help=h("framework.path"))
    validate.set_defaults(run=run_validate)

    add = sub.add_parser(
        "add",
        help=h("framework.add"),
        description=h("framework.add_about"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("path", metavar="FILE", help=h("framework.add_file"))
    add_home(add)
    add.set_defaults(run=run_add)


def run_list(args: argparse.Namespace) -> int:
    frameworks = [load_framework(framework_id) for framework_id in bundled_frameworks()]
    lang = message_lang(args)  # --lang, else the profile's
    if args.json:
        print_json([_summary(fw) for fw in frameworks])
        return 0
    for fw in frameworks:
        counts = {
            "disciplines": len(fw.disciplines),
            "levels": len(fw.levels),
            "behaviours": len(fw.all_behaviours()),
        }
        name = f"{fw.id:<10} {fw.version:<6} {fw.name.get(lang)}"
        print(t("cli_framework_line", lang, name=name, **counts))
    return 0


def run_show(args: argparse.Namespace) -> int:
    fw = load_framework(args.id)
    if args.level is not None and args.level not in fw.level_ids:
        if not fw.levels:
            raise ValidationError("err_cli_framework_no_levels", framework=fw.id)
        raise ValidationError(
            "err_cli_unknown_level", level=args.level, framework=fw.id, known=fw.level_ids
        )
    if args.json:
        print_json(framework_as_dict(fw, args.level))
    else:
        print(framework_as_text(fw, args.level, message_lang(args)))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    fw = load_framework(args.path)
    summary = _summary(fw)
    counts = {"disciplines": summary["disciplines"], "behaviours": summary["behaviours"]}
    print(
        t("cli_framework_valid", message_lang(args), path=args.path, id=fw.id,
          version=fw.version, levels=len(fw.levels), effects=len(fw.effects), **counts)
    )  # fmt: skip
    return 0


def run_add(args: argparse.Namespace) -> int:
    """Keep a leader's own framework (one version of it) in this journal."""
    fw = load_framework(args.path)
    with open_journal(args, create=True) as journal:
        added = journal.add_framework(fw)
    key = "cli_framework_added" if added else "cli_framework_known"
    print(t(key, message_lang(args), id=fw.id, version=fw.version, path=args.path))
    return 0


def _summary(fw: Framework) -> dict:
    return {
        "id": fw.id,
        "version": fw.version,
        "name": _text(fw.name),
        "levels": list(fw.level_ids),
        "disciplines": len(fw.disciplines),
        "behaviours": len(fw.all_behaviours()),
    }


def _text(text: Text) -> dict:
    return {"da": text.da, "en": text.en}


def _behaviours(items) -> list[dict]:
    return [{"id": b.id, "text": _text(b.text)} for b in items]


def framework_as_dict(fw: Framework, level: str | None = None) -> dict:
    """The framework (or the part for ``level``) as plain JSON-able data."""
    disciplines = [
        {
            "id": d.id,
            "name": _text(d.name),
            "lead": _text(d.lead) if d.lead else None,
            "behaviours": _behaviours(d.behaviours),
            "levels": {
                lv: _behaviours(items) for lv, items in d.levels.items() if level in (None, lv)
            },
        }
        for d in fw.disciplines
    ]
    scale = fw.scale
    return {
        "id": fw.id,
        "version": fw.version,
        "name": _text(fw.name),
        "source": fw.source,
        "scale": {
            "min": scale.min,
            "max": scale.max,
            "labels": {lang: list(labels) for lang, labels in scale.labels.items()},
        },
        "levels": [
            {"id": lv.id, "name": _text(lv.name)} for lv in fw.levels if level in (None, lv.id)
        ],
        "disciplines": disciplines,
        "effects": [{"id": e.id, "text": _text(e.text)} for e in fw.effects],
        "missing": [
            {"id": m.id, "where": _text(m.where), "note": _text(m.note)} for m in fw.missing
        ],
    }


def framework_as_text(fw: Framework, level: str | None, lang: str) -> str:
    """The framework in one language, for reading in a terminal."""
    lines = [f"{fw.name.get(lang)} ({fw.id} {fw.version})", fw.source, ""]
    if level:
        lines += [fw.level(level).name.get(lang), ""]
    for d in fw.disciplines:
        name = d.name.get(lang)
        lead = d.lead.get(lang) if d.lead else t("cli_fw_general_lead", lang)
        lines += [name, "=" * len(name), lead]
        # The numbers `--rate N=SCORE` accepts: a discipline's general behaviours, then (counting
        # on) those of one level, as in Discipline.behaviours_for(level).
        lines += [_numbered(n, b, lang, "  ") for n, b in enumerate(d.behaviours, 1)]
        for level_id, items in d.levels.items():
            if level in (None, level_id):
                lines += [f"  {fw.level(level_id).name.get(lang)}:"]
                first = len(d.behaviours) + 1
                lines += [_numbered(n, b, lang, "    ") for n, b in enumerate(items, first)]
        lines.append("")
    if fw.effects and not level:
        lines.append(t("cli_fw_effects", lang))
        lines += [f"  [{e.id}] {e.text.get(lang)}" for e in fw.effects]
        lines.append("")
    if fw.missing and not level:
        lines.append(t("cli_fw_missing", lang))
        lines += [f"  [{m.id}] {m.where.get(lang)}: {m.note.get(lang)}" for m in fw.missing]
    return "\n".join(lines).rstrip()


def _numbered(number: int, behaviour, lang: str, indent: str) -> str:
    return f"{indent}{number:>2}. [{behaviour.id}] {behaviour.text.get(lang)}"
