"""Reading and validating a framework file into :mod:`lgtrack.framework` objects.

Every fault is reported as one :class:`FrameworkError` naming the file, the place inside it
in a JSONPath-like form (``disciplines[2].levels.teamleder[3].text.en``) and what is wrong.
The file is checked in the order of its documented keys, so the first fault is reported.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ._yaml_cache import cached, keep
from .errors import FrameworkError, Message
from .framework import (
    ID_PATTERN,
    Behaviour,
    Discipline,
    Effect,
    Framework,
    IntroSection,
    Level,
    MissingList,
    Scale,
    Text,
)
from .i18n import LANGUAGES

FORMAT_VERSION = 1
MAX_FILE_BYTES = 2_000_000
_TOP_KEYS = {
    "format": True, "id": True, "version": True, "name": True, "source": True, "scale": True,
    "disciplines": True, "levels": False, "effects": False, "intro": False, "missing": False,
}  # fmt: skip


class _Reader:
    """Walks the raw YAML data, remembering where it is, and raises on the first fault."""

    def __init__(self, file: str):
        self.file = file
        self.seen_ids: dict[str, str] = {}

    def fail(self, path: str, key: str, /, **params: Any) -> FrameworkError:
        return FrameworkError(key, file=self.file, path=path or "(top)", **params)

    def mapping(self, value: Any, path: str, keys: dict[str, bool]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, "err_fw_expected_mapping", got=_kind(value))
        for key, required in keys.items():
            if required and key not in value:
                raise self.fail(path, "err_fw_missing_key", key=key)
        for key in value:
            if key not in keys:
                raise self.fail(_join(path, str(key)), "err_fw_unknown_key", key=key)
        return value

    def list(self, value: Any, path: str, *, allow_empty: bool = True) -> list:
        if not isinstance(value, list):
            raise self.fail(path, "err_fw_expected_list", got=_kind(value))
        if not value and not allow_empty:
            raise self.fail(path, "err_fw_empty_list")
        return value

    def items(self, value: Any, path: str, keys: dict[str, bool]) -> list[tuple[str, dict]]:
        """A list of mappings, each with its own path."""
        return [
            (f"{path}[{i}]", self.mapping(item, f"{path}[{i}]", keys))
            for i, item in enumerate(self.list(value, path))
        ]

    def string(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.fail(path, "err_fw_expected_text", got=_kind(value))
        text = value.strip()
        if not text:
            raise self.fail(path, "err_fw_empty_text")
        return text

    def integer(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, "err_fw_expected_whole", got=_kind(value))
        return value

    def text(self, value: Any, path: str) -> Text:
        if not isinstance(value, dict):
            wanted = " and ".join(LANGUAGES)
            raise self.fail(path, "err_fw_expected_translations", wanted=wanted, got=_kind(value))
        for lang in LANGUAGES:
            if lang not in value:
                raise self.fail(_join(path, lang), "err_fw_missing_translation", lang=lang)
        for key in value:
            if key not in LANGUAGES:
                raise self.fail(_join(path, str(key)), "err_fw_unknown_language", lang=key)
        return Text(**{lang: self.string(value[lang], _join(path, lang)) for lang in LANGUAGES})

    def new_id(self, value: Any, path: str) -> str:
        identifier = self.string(value, path)
        if not ID_PATTERN.match(identifier):
            raise self.fail(path, "err_fw_invalid_id", id=identifier)
        if identifier in self.seen_ids:
            first = self.seen_ids[identifier]
            raise self.fail(path, "err_fw_duplicate_id", id=identifier, first=first)
        self.seen_ids[identifier] = path
        return identifier


def _kind(value: Any) -> Message | str:
    """What a YAML value is, in words of the reader's language (``kind_…`` keys)."""
    if isinstance(value, bool):
        return Message("kind_true_false")
    if isinstance(value, (int, float)):
        return Message("kind_number")
    if isinstance(value, date):
        return Message("kind_date")
    names = {dict: "kind_mapping", list: "kind_list", str: "kind_text", type(None): "kind_nothing"}
    key = names.get(type(value))
    return Message(key) if key else type(value).__name__


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def parse_framework_file(path: Path) -> Framework:
    """Read, validate and build the framework in ``path``."""
    name = path.name
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FrameworkError("err_fw_cannot_read", file=name, reason=reason) from None
    if len(raw_bytes) > MAX_FILE_BYTES:
        raise FrameworkError("err_fw_too_large", file=name, limit=MAX_FILE_BYTES)
    try:
        source = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        where = Message("where_line", line=line)
        raise FrameworkError("err_fw_not_utf8", file=name, path=where, byte=exc.start) from None
    return parse_framework_text(source, name, path=str(path))


def parse_framework_text(source: str, name: str, *, path: str | None = None) -> Framework:
    """Validate and build the framework in YAML text ``source``; ``name`` is used in messages."""
    # The structure is validated by build_framework every time, cached or not.
    raw = cached("frameworks", source)
    if raw is None:
        from ._strict_yaml import load_yaml  # only on a cache miss: YAML costs start-up time

        raw = load_yaml(source, name)
        if raw is None:
            raise FrameworkError("err_fw_empty_file", file=name)
        keep("frameworks", source, raw)
    return build_framework(raw, file=name, path=path)


def build_framework(raw: Any, *, file: str, path: str | None = None) -> Framework:
    """Validate already-parsed data and build the framework objects."""
    r = _Reader(file)
    top = r.mapping(raw, "", _TOP_KEYS)
    fmt = r.integer(top["format"], "format")
    if fmt != FORMAT_VERSION:
        raise r.fail("format", "err_fw_format", format=fmt, supported=FORMAT_VERSION)
    framework_id = r.new_id(top["id"], "id")
    version = r.string(top["version"], "version")
    name = r.text(top["name"], "name")
    source = r.string(top["source"], "source")
    scale = _scale(r, top["scale"])
    intro = _intro(r, top.get("intro", []))
    missing = _missing(r, top.get("missing", []))
    levels = _levels(r, top.get("levels", []))
    level_ids = [level.id for level in levels]
    disciplines = tuple(
        _discipline(r, item, f"disciplines[{i}]", level_ids)
        for i, item in enumerate(r.list(top["disciplines"], "disciplines", allow_empty=False))
    )
    return Framework(
        id=framework_id,
        version=version,
        name=name,
        source=source,
        scale=scale,
        disciplines=disciplines,
        levels=levels,
        effects=_effects(r, top.get("effects", [])),
        intro=intro,
        missing=missing,
        path=path,
    )


def _levels(r: _Reader, value: Any) -> tuple[Level, ...]:
    return tuple(
        Level(id=r.new_id(item["id"], f"{at}.id"), name=r.text(item["name"], f"{at}.name"))
        for at, item in r.items(value, "levels", {"id": True, "name": True})
    )


def _effects(r: _Reader, value: Any) -> tuple[Effect, ...]:
    return tuple(
        Effect(id=r.new_id(item["id"], f"{at}.id"), text=r.text(item["text"], f"{at}.text"))
        for at, item in r.items(value, "effects", {"id": True, "text": True})
    )


def _missing(r: _Reader, value: Any) -> tuple[MissingList, ...]:
    return tuple(
        MissingList(
            id=r.new_id(item["id"], f"{at}.id"),
            where=r.text(item["where"], f"{at}.where"),
            note=r.text(item["note"], f"{at}.note"),
        )
        for at, item in r.items(value, "missing", {"id": True, "where": True, "note": True})
    )


def _intro(r: _Reader, value: Any) -> tuple[IntroSection, ...]:
    keys = {"id": True, "title": True, "text": True, "signed": False}
    return tuple(
        IntroSection(
            id=r.new_id(item["id"], f"{at}.id"),
            title=r.text(item["title"], f"{at}.title"),
            text=r.text(item["text"], f"{at}.text"),
            signed=r.text(item["signed"], f"{at}.signed") if "signed" in item else None,
        )
        for at, item in r.items(value, "intro", keys)
    )


def _scale(r: _Reader, value: Any) -> Scale:
    raw = r.mapping(value, "scale", {"min": True, "max": True, "labels": False})
    low, high = r.integer(raw["min"], "scale.min"), r.integer(raw["max"], "scale.max")
    if not low < high:
        raise r.fail("scale", "err_fw_scale_order", low=low, high=high)
    if high - low > 100:
        raise r.fail("scale", "err_fw_scale_steps")
    labels: dict[str, tuple[str, ...]] = {}
    if "labels" in raw:
        by_lang = r.mapping(raw["labels"], "scale.labels", dict.fromkeys(LANGUAGES, True))
        for lang in LANGUAGES:
            path = f"scale.labels.{lang}"
            items = r.list(by_lang[lang], path)
            if len(items) != high - low + 1:
                raise r.fail(path, "err_fw_scale_labels", wanted=high - low + 1, got=len(items))
            labels[lang] = tuple(r.string(item, f"{path}[{i}]") for i, item in enumerate(items))
    return Scale(min=low, max=high, labels=MappingProxyType(labels))


def _behaviours(
    r: _Reader, value: Any, path: str, discipline: str, level: str | None
) -> tuple[Behaviour, ...]:
    return tuple(
        Behaviour(
            id=r.new_id(item["id"], f"{at}.id"),
            text=r.text(item["text"], f"{at}.text"),
            discipline=discipline,
            level=level,
        )
        for at, item in r.items(value, path, {"id": True, "text": True})
    )


def _discipline(r: _Reader, value: Any, path: str, level_ids: list[str]) -> Discipline:
    keys = {"id": True, "name": True, "lead": False, "behaviours": True, "levels": False}
    raw = r.mapping(value, path, keys)
    discipline_id = r.new_id(raw["id"], f"{path}.id")
    name = r.text(raw["name"], f"{path}.name")
    lead = r.text(raw["lead"], f"{path}.lead") if "lead" in raw else None
    general = _behaviours(r, raw["behaviours"], f"{path}.behaviours", discipline_id, None)
    per_level: dict[str, tuple[Behaviour, ...]] = {}
    if "levels" in raw:
        levels_path = f"{path}.levels"
        if not isinstance(raw["levels"], dict):
            kind = _kind(raw["levels"])
            raise r.fail(levels_path, "err_fw_expected_level_mapping", got=kind)
        for level_id, items in raw["levels"].items():
            level_path = f"{levels_path}.{level_id}"
            if level_id not in level_ids:
                if not level_ids:
                    raise r.fail(level_path, "err_fw_level_undeclared_none", level=level_id)
                raise r.fail(
                    level_path, "err_fw_level_undeclared", level=level_id, declared=level_ids
                )
            per_level[level_id] = _behaviours(r, items, level_path, discipline_id, level_id)
    if not general and not any(per_level.values()):
        raise r.fail(f"{path}.behaviours", "err_fw_no_behaviours")
    return Discipline(
        id=discipline_id,
        name=name,
        lead=lead,
        behaviours=general,
        levels=MappingProxyType(per_level),
    )
