"""``lgtrack framework list|show|validate``."""

from __future__ import annotations

import argparse

from ..errors import ValidationError
from ..framework import Framework, bundled_frameworks, load_framework
from ._common import print_json


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("framework", help="list, show and validate leadership frameworks")
    sub = parser.add_subparsers(dest="framework_command", metavar="ACTION", parser_class=type(parser))
    sub.required = True

    listing = sub.add_parser("list", help="the bundled frameworks")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=run_list)

    show = sub.add_parser("show", help="a framework's disciplines and behaviours")
    show.add_argument("id", metavar="ID", help="a bundled framework id (e.g. stuk) or a path to a file")
    show.add_argument("--level", metavar="L", help="only the general behaviours and those of level L")
    show.add_argument("--lang", choices=("da", "en"), default="da", help="language (default: da)")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.set_defaults(run=run_show)

    validate = sub.add_parser("validate", help="check a framework file and report the first fault")
    validate.add_argument("path", metavar="PATH")
    validate.set_defaults(run=run_validate)


def run_list(args: argparse.Namespace) -> int:
    rows = []
    for framework_id in bundled_frameworks():
        fw = load_framework(framework_id)
        rows.append({"id": fw.id, "version": fw.version, "name": {"da": fw.name.da, "en": fw.name.en},
                     "levels": list(fw.level_ids), "disciplines": len(fw.disciplines),
                     "behaviours": len(fw.all_behaviours())})  # fmt: skip
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:<10} {row['version']:<6} {row['name']['da']} — {row['behaviours']} behaviours")
    return 0


def run_show(args: argparse.Namespace) -> int:
    fw = load_framework(args.id)
    if args.level is not None and args.level not in fw.level_ids:
        known = ", ".join(fw.level_ids) or "none: this framework has no levels"
        raise ValidationError(f"unknown level '{args.level}' (known: {known})")
    if args.json:
        print_json(framework_as_dict(fw, args.level))
    else:
        print(framework_as_text(fw, args.level, args.lang))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    fw = load_framework(args.path)
    levels = f"{len(fw.levels)} levels" if fw.levels else "no levels"
    print(f"{args.path}: valid — {fw.id} {fw.version}: {len(fw.disciplines)} disciplines, {levels}, "
          f"{len(fw.all_behaviours())} behaviours, {len(fw.effects)} effects")  # fmt: skip
    return 0


def _text(text) -> dict:
    return {"da": text.da, "en": text.en}


def _behaviours(items) -> list[dict]:
    return [{"id": b.id, "text": _text(b.text)} for b in items]


def framework_as_dict(fw: Framework, level: str | None = None) -> dict:
    """The framework (or the part for ``level``) as plain JSON-able data."""
    disciplines = []
    for d in fw.disciplines:
        levels = {lv: _behaviours(items) for lv, items in d.levels.items() if level in (None, lv)}
        disciplines.append({"id": d.id, "name": _text(d.name), "behaviours": _behaviours(d.behaviours),
                            "levels": levels})  # fmt: skip
    return {
        "id": fw.id,
        "version": fw.version,
        "name": _text(fw.name),
        "source": fw.source,
        "scale": {"min": fw.scale.min, "max": fw.scale.max,
                  "labels": {k: list(v) for k, v in fw.scale.labels.items()}},
        "levels": [{"id": lv.id, "name": _text(lv.name)} for lv in fw.levels if level in (None, lv.id)],
        "disciplines": disciplines,
        "effects": [{"id": e.id, "text": _text(e.text)} for e in fw.effects],
        "missing": [{"id": m.id, "where": _text(m.where), "note": _text(m.note)} for m in fw.missing],
    }  # fmt: skip


def framework_as_text(fw: Framework, level: str | None, lang: str) -> str:
    general = {"da": "Vi udøver god ledelse, når:", "en": "We lead well when:"}[lang]
    lines = [f"{fw.name.get(lang)} ({fw.id} {fw.version})", fw.source, ""]
    if level:
        lines += [f"{fw.level(level).name.get(lang)}", ""]
    for d in fw.disciplines:
        lines += [d.name.get(lang).upper(), f"  {d.lead.get(lang) if d.lead else general}"]
        lines += [f"  [{b.id}] {b.text.get(lang)}" for b in d.behaviours]
        for level_id, items in d.levels.items():
            if level in (None, level_id):
                lines += [f"  {fw.level(level_id).name.get(lang)}:"]
                lines += [f"    [{b.id}] {b.text.get(lang)}" for b in items]
        lines.append("")
    if fw.effects and not level:
        lines.append({"da": "EFFEKTBILLEDE", "en": "INTENDED EFFECTS"}[lang])
        lines += [f"  [{e.id}] {e.text.get(lang)}" for e in fw.effects]
    return "\n".join(lines).rstrip()
