"""What a participant sees before her cohort bundle is written: counts, period, and that no
free text of any kind leaves."""

from __future__ import annotations

from typing import Any

from ..i18n import t
from ..keys import fingerprint


def cohort_preview_lines(bundle: dict[str, Any], lang: str) -> list[str]:
    participant = bundle["participant"]
    reflections = bundle["reflections"]
    ratings = sum(len(r["ratings"]) for r in reflections)
    days = [r["day"] for r in reflections] + [a["day"] for a in bundle["effects"]]
    period = f"{min(days)} – {max(days)}" if days else "–"
    goals = bundle["goals"]
    return [
        t("cohort.preview_head", lang, initials=participant["initials"],
          level=participant["level"] or "–"),
        t("cohort.preview_counts", lang, reflections=len(reflections), ratings=ratings,
          effects=len(bundle["effects"]), period=period),
        t("cohort.preview_goals", lang, open=goals["open"], achieved=goals["achieved"],
          dropped=goals["dropped"]),
        t("cohort.preview_no_text", lang),
        *_signed(bundle, lang),
    ]  # fmt: skip


def _signed(bundle: dict[str, Any], lang: str) -> list[str]:
    signature = bundle.get("signature")
    if not signature:
        return []
    return [t("cohort.preview_key", lang, fingerprint=fingerprint(signature["public_key"]))]
