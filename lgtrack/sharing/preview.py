"""What a bundle lets leave, shown to the leader before the file is written.

The preview is read from the bundle itself (never from the journal), so it lists exactly what
the file holds: counts per kind and per discipline, the period, whether free text is included,
and every piece of text, field by field. The command line prints :func:`preview_lines`; the
widget renders the same :class:`BundlePreview` as escaped HTML.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .._text import one_line
from ..formatting import plural
from ..framework import Framework
from ..i18n import t
from .format import KINDS, TEXT_FIELDS

PREVIEW_WIDTH = 100


@dataclass(frozen=True)
class SharedText:
    """One piece of text that leaves: whose (``kind``), which day, which field, the text."""

    kind: str  # "leader", "reflections", "goals", "checkins" or "feedback"
    day: str | None
    field: str
    text: str


@dataclass(frozen=True)
class BundlePreview:
    leader_name: str
    leader_level: str | None
    since: str | None
    until: str | None
    disciplines: tuple[str, ...]
    all_disciplines: bool
    text: bool
    include: tuple[str, ...]
    counts: dict[str, Counter]  # kind -> discipline -> number of records
    totals: dict[str, int]
    texts: tuple[SharedText, ...]
    rounds: tuple[dict[str, Any], ...] = ()  # 360 rounds' shown figures (figures only)


def preview_bundle(bundle: dict[str, Any], framework: Framework) -> BundlePreview:
    """Summarise ``bundle`` (as built by :func:`~lgtrack.sharing.build_bundle`)."""
    scope = bundle["scope"]
    counts = {kind: Counter() for kind in KINDS}
    for record in bundle["reflections"]:
        counts["reflections"].update(record["disciplines"])
    for kind in ("goals", "feedback"):
        counts[kind].update(record["discipline"] for record in bundle[kind])
    return BundlePreview(
        leader_name=bundle["leader"]["name"],
        leader_level=bundle["leader"]["level"],
        since=scope["from"],
        until=scope["to"],
        disciplines=tuple(scope["disciplines"]),
        all_disciplines=set(scope["disciplines"]) == set(framework.discipline_ids),
        text=scope["text"],
        include=tuple(scope["include"]),
        counts=counts,
        totals={kind: len(bundle[kind]) for kind in KINDS},
        texts=tuple(shared_texts(bundle)),
        rounds=tuple(bundle.get("rounds", ())),
    )


def shared_texts(bundle: dict[str, Any]) -> list[SharedText]:
    """Every non-empty text in the bundle, in file order (tags as one ``#a #b`` text)."""
    found = list(_texts_of("leader", None, bundle["leader"]))
    for kind in KINDS:
        for record in bundle[kind]:
            day = record.get("day") or record.get("created_on")
            found += _texts_of(kind, day, record)
            for checkin in record.get("checkins", ()):
                found += _texts_of("checkins", checkin["day"], checkin)
    return found


def _texts_of(kind: str, day: str | None, record: dict[str, Any]) -> list[SharedText]:
    texts = []
    for field in TEXT_FIELDS[kind]:
        value = record.get(field)
        if field == "tags" and value:
            value = " ".join(f"#{tag}" for tag in value)
        if isinstance(value, str) and value.strip():
            texts.append(SharedText(kind, day, field, value))
    return texts


def discipline_label(framework: Framework, discipline: str, lang: str) -> str:
    try:
        return framework.discipline(discipline).name.get(lang)
    except KeyError:
        return discipline


def period_text(preview: BundlePreview, lang: str) -> str:
    since = preview.since or t("share.preview.beginning", lang)
    until = preview.until or t("share.preview.now", lang)
    return t("share.preview.period", lang, since=since, until=until)


def summary_text(preview: BundlePreview, lang: str) -> str:
    """``3 refleksioner, 1 mål, 0 feedback`` for the kinds the bundle includes."""
    return ", ".join(
        plural(f"count_{kind}", preview.totals[kind], lang) for kind in preview.include
    )


def text_label(shared: SharedText, lang: str) -> str:
    """``refleksion 2026-03-02 · tekst`` — which record and field a text comes from."""
    where = t(f"share.item.{shared.kind}", lang)
    if shared.day:
        where += f" {shared.day}"
    return f"{where} · {t(f'share.field.{shared.field}', lang)}"


def header_lines(preview: BundlePreview, framework: Framework, lang: str) -> list[str]:
    level = preview.leader_level
    level_name = framework.level(level).name.get(lang) if level in framework.level_ids else ""
    disciplines = (
        t("share.preview.all_disciplines", lang)
        if preview.all_disciplines
        else ", ".join(discipline_label(framework, d, lang) for d in preview.disciplines)
    )
    who = preview.leader_name + (f" ({level_name})" if level_name else "")
    return [
        t("share.preview.leader", lang, name=who),
        period_text(preview, lang),
        t("share.preview.disciplines", lang, disciplines=disciplines),
        t("share.preview.text_yes" if preview.text else "share.preview.text_no", lang),
    ]


def count_rows(preview: BundlePreview, framework: Framework, lang: str) -> list[list[str]]:
    """A table: a header row, one row per shared discipline, then the totals."""
    kinds = list(preview.include)
    rows = [["", *(t(f"share.kind.{kind}", lang) for kind in kinds)]]
    for discipline in preview.disciplines:
        label = discipline_label(framework, discipline, lang)
        rows.append([label, *(str(preview.counts[kind][discipline]) for kind in kinds)])
    rows.append([t("share.preview.total", lang), *(str(preview.totals[k]) for k in kinds)])
    return rows


def preview_lines(
    preview: BundlePreview, framework: Framework, lang: str, width: int = PREVIEW_WIDTH
) -> list[str]:
    """The preview as lines of plain text for a terminal, none longer than ``width``."""
    lines = [t("share.preview.title", lang), ""]
    lines += [one_line(line, width) for line in header_lines(preview, framework, lang)]
    lines.append("")
    rows = count_rows(preview, framework, lang)
    first = max(len(row[0]) for row in rows)
    widths = [max(len(row[i]) for row in rows) for i in range(1, len(rows[0]))]
    for row in rows:
        cells = [row[0].ljust(first), *(c.rjust(w) for c, w in zip(row[1:], widths, strict=True))]
        lines.append("  ".join(cells)[:width].rstrip())
    lines.append("")
    if preview.texts:
        lines.append(t("share.preview.texts", lang, count=len(preview.texts)))
        for shared in preview.texts:
            label = f"  {text_label(shared, lang)}: "
            lines.append(label + one_line(shared.text, width - len(label)))
    else:
        lines.append(t("share.preview.no_texts", lang))
    if preview.rounds:
        lines.append("")
        lines += round_lines(preview, lang, width)
    return lines


def round_lines(preview: BundlePreview, lang: str, width: int = PREVIEW_WIDTH) -> list[str]:
    """What goes of each chosen 360 round: its figures only, never answers or comments."""
    lines = textwrap.wrap(t("share.preview.rounds", lang), width)
    for entry in preview.rounds:
        respondents = " · ".join(
            f"{t(f'round.group.{g}', lang)} {entry['groups'][g]['n']}" for g in entry["groups"]
        )
        line = t(
            "share.preview.round_line", lang, name=entry["name"],
            status=t(f"round.status.{entry['status']}", lang), created=entry["created_on"],
            behaviours=len(entry["behaviours"]),
        )  # fmt: skip
        lines.append(one_line(line, width))
        lines.append(one_line(t("share.preview.round_respondents", lang, respondents=respondents),
                              width))  # fmt: skip
    return lines
