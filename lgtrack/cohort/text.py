"""The dashboard as words: the lines the command line prints and the labels every page shares.

A hidden figure reads "for få" / "too few"; the suppression note says how many and why.
"""

from __future__ import annotations

from typing import Any

from .. import formatting
from ..framework import Framework, load_framework
from ..i18n import t


def figure(value: float | None, lang: str, digits: int = 2) -> str:
    """A figure in ``lang``'s notation, or "for få" when it is hidden."""
    if value is None:
        return t("cohort.too_few", lang)
    return formatting.decimal(value, lang, digits)


def percent(value: float | None, lang: str) -> str:
    if value is None:
        return t("cohort.too_few", lang)
    return formatting.percent(value, lang)


def level_name(framework: Framework, level: str | None, lang: str) -> str:
    return t("cohort.no_level", lang) if level is None else framework.level_name(level, lang)


def suppression_note(dashboard: dict[str, Any], lang: str) -> str:
    counts = dashboard["suppression"]
    return t("cohort.suppression_note", lang, k=dashboard["k"], below=counts["below_k"],
             complementary=counts["complementary"])  # fmt: skip


def dashboard_lines(dashboard: dict[str, Any], lang: str) -> list[str]:
    """The dashboard's headline figures, one discipline and one effect per line."""
    framework = load_framework(dashboard["cohort"]["framework"])
    c = dashboard["cohort"]
    lines = [
        t("cohort.dashboard_head", lang, name=c["name"], start=c["start"], end=c["end"],
          as_of=c["as_of"], participants=dashboard["participants"],
          delivered=dashboard["delivered"]),
        "",
    ]  # fmt: skip
    for entry in dashboard["disciplines"]:
        name = framework.discipline_name(entry["id"], lang)
        lines.append(t("cohort.line_discipline", lang, name=name, mean=figure(entry["mean"], lang),
                       start=figure(entry["start_mean"], lang), now=figure(entry["now_mean"], lang),
                       n=entry["n"] if entry["n"] is not None else "-"))  # fmt: skip
    lines.append("")
    for entry in dashboard["effects"]:
        lines.append(t("cohort.line_effect", lang, id=entry["id"],
                       start=figure(entry["start_mean"], lang),
                       now=figure(entry["now_mean"], lang),
                       n=entry["n"] if entry["n"] is not None else "-"))  # fmt: skip
    lines += ["", suppression_note(dashboard, lang), t("cohort.definitions", lang)]
    return lines
