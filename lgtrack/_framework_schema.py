"""Reading and validating a framework file into :mod:`lgtrack.framework` objects.

Every fault is reported as one :class:`FrameworkError` naming the file, the place inside it
in a JSONPath-like form (``disciplines[2].levels.teamleder[3].text.en``) and what is wrong.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import FrameworkError
from .framework import (
    ID_PATTERN,
    LANGUAGES,
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

FORMAT_VERSION = 1
MAX_FILE_BYTES = 2_000_000
_TOP_KEYS = {
    "format": True, "id": True, "version": True, "name": True, "source": True, "scale": True,
    "disciplines": True, "levels": False, "effects": False, "intro": False, "missing": False,
}  # fmt: skip


class _NoAliasLoader(yaml.SafeLoader):
    """Refuses YAML aliases: a framework never needs them and they allow 'billion laughs'."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem="aliases are not allowed", problem_mark=event.start_mark)
        return super().compose_node(parent, index)


class _Reader:
    """Walks the raw YAML data, remembering where it is, and raises on the first fault."""

    def __init__(self, file: str):
        self.file = file
        self.seen_ids: dict[str, str] = {}

    def fail(self, path: str, message: str) -> FrameworkError:
        return FrameworkError(message, file=self.file, path=path or "(top)")

    def mapping(self, value: Any, path: str, keys: dict[str, bool]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a mapping, got {_kind(value)}")
        for key, required in keys.items():
            if required and key not in value:
                raise self.fail(path, f"missing required key '{key}'")
        for key in value:
            if key not in keys:
                raise self.fail(_join(path, str(key)), f"unknown key '{key}'")
        return value

    def list(self, value: Any, path: str, *, allow_empty: bool = True) -> list:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, got {_kind(value)}")
        if not value and not allow_empty:
            raise self.fail(path, "must not be empty")
        return value

    def string(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.fail(path, f"expected text, got {_kind(value)}")
        text = value.strip()
        if not text:
            raise self.fail(path, "empty text")
        return text

    def integer(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, f"expected a whole number, got {_kind(value)}")
        return value

    def text(self, value: Any, path: str) -> Text:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a text with {' and '.join(LANGUAGES)}, got {_kind(value)}")
        for lang in LANGUAGES:
            if lang not in value:
                raise self.fail(path, f"missing translation '{lang}'")
        for key in value:
            if key not in LANGUAGES:
                raise self.fail(_join(path, str(key)), f"unknown language '{key}'")
        return Text(**{lang: self.string(value[lang], _join(path, lang)) for lang in LANGUAGES})

    def new_id(self, value: Any, path: str) -> str:
        identifier = self.string(value, path)
        if not ID_PATTERN.match(identifier):
            raise self.fail(path, f"invalid id '{identifier}' (use lowercase letters, digits, _ . -)")
        if identifier in self.seen_ids:
            raise self.fail(path, f"duplicate id '{identifier}' (first at {self.seen_ids[identifier]})")
        self.seen_ids[identifier] = path
        return identifier


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "nothing"}
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def parse_framework_file(path: Path) -> Framework:
    """Read, validate and build the framework in ``path``."""
    name = path.name
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise FrameworkError(f"cannot read file ({exc.strerror})", file=name) from None
    if len(raw_bytes) > MAX_FILE_BYTES:
        raise FrameworkError(f"file is larger than {MAX_FILE_BYTES:,} bytes", file=name)
    try:
        source = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FrameworkError(f"not UTF-8 text (byte {exc.start})", file=name) from None
    return parse_framework_text(source, name, path=str(path))


def parse_framework_text(source: str, name: str, *, path: str | None = None) -> Framework:
    """Validate and build the framework in YAML text ``source``; ``name`` is used in messages."""
    try:
        raw = yaml.load(source, Loader=_NoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        problem = exc.problem or exc.context or "invalid YAML"
        raise FrameworkError(f"YAML syntax error: {problem}", file=name, path=where) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise FrameworkError(f"YAML syntax error: {type(exc).__name__}", file=name) from None
    return build_framework(raw, file=name, path=path)


def build_framework(raw: Any, *, file: str, path: str | None = None) -> Framework:
    """Validate already-parsed data and build the framework objects."""
    r = _Reader(file)
    top = r.mapping(raw, "", _TOP_KEYS)
    fmt = r.integer(top["format"], "format")
    if fmt != FORMAT_VERSION:
        raise r.fail("format", f"unsupported format {fmt} (this lgtrack reads format {FORMAT_VERSION})")
    framework_id = r.new_id(top["id"], "id")
    version = r.string(top["version"], "version")
    levels = _levels(r, top.get("levels", []))
    level_ids = [level.id for level in levels]
    disciplines = tuple(
        _discipline(r, item, f"disciplines[{i}]", level_ids)
        for i, item in enumerate(r.list(top["disciplines"], "disciplines", allow_empty=False))
    )
    return Framework(
        id=framework_id,
        version=version,
        name=r.text(top["name"], "name"),
        source=r.string(top["source"], "source"),
        scale=_scale(r, top["scale"]),
        disciplines=disciplines,
        levels=levels,
        effects=tuple(
            Effect(id=r.new_id(e_raw.get("id"), f"effects[{i}].id"), text=r.text(e_raw["text"], f"effects[{i}].text"))
            for i, e_raw in enumerate(_items(r, top.get("effects", []), "effects", {"id": True, "text": True}))
        ),
        intro=tuple(_intro(r, item, f"intro[{i}]") for i, item in enumerate(r.list(top.get("intro", []), "intro"))),
        missing=tuple(
            MissingList(
                id=r.new_id(m["id"], f"missing[{i}].id"),
                where=r.text(m["where"], f"missing[{i}].where"),
                note=r.text(m["note"], f"missing[{i}].note"),
            )
            for i, m in enumerate(_items(r, top.get("missing", []), "missing", {"id": True, "where": True, "note": True}))
        ),
        path=path,
    )


def _items(r: _Reader, value: Any, path: str, keys: dict[str, bool]) -> list[dict]:
    return [r.mapping(item, f"{path}[{i}]", keys) for i, item in enumerate(r.list(value, path))]


def _levels(r: _Reader, value: Any) -> tuple[Level, ...]:
    return tuple(
        Level(id=r.new_id(item["id"], f"levels[{i}].id"), name=r.text(item["name"], f"levels[{i}].name"))
        for i, item in enumerate(_items(r, value, "levels", {"id": True, "name": True}))
    )


def _scale(r: _Reader, value: Any) -> Scale:
    raw = r.mapping(value, "scale", {"min": True, "max": True, "labels": False})
    low, high = r.integer(raw["min"], "scale.min"), r.integer(raw["max"], "scale.max")
    if not low < high:
        raise r.fail("scale", f"min ({low}) must be below max ({high})")
    if high - low > 100:
        raise r.fail("scale", "a scale may have at most 101 steps")
    labels: dict[str, tuple[str, ...]] = {}
    if "labels" in raw:
        by_lang = r.mapping(raw["labels"], "scale.labels", dict.fromkeys(LANGUAGES, True))
        for lang in LANGUAGES:
            path = f"scale.labels.{lang}"
            items = r.list(by_lang[lang], path)
            if len(items) != high - low + 1:
                raise r.fail(path, f"expected {high - low + 1} labels, got {len(items)}")
            labels[lang] = tuple(r.string(item, f"{path}[{i}]") for i, item in enumerate(items))
    return Scale(min=low, max=high, labels=MappingProxyType(labels))


def _behaviours(r: _Reader, value: Any, path: str, discipline: str, level: str | None):
    return tuple(
        Behaviour(
            id=r.new_id(item["id"], f"{path}[{i}].id"),
            text=r.text(item["text"], f"{path}[{i}].text"),
            discipline=discipline,
            level=level,
        )
        for i, item in enumerate(_items(r, value, path, {"id": True, "text": True}))
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
        if not isinstance(raw["levels"], dict):
            raise r.fail(f"{path}.levels", f"expected a mapping of level ids, got {_kind(raw['levels'])}")
        for level_id, items in raw["levels"].items():
            level_path = f"{path}.levels.{level_id}"
            if level_id not in level_ids:
                declared = ", ".join(level_ids) or "none"
                raise r.fail(level_path, f"level '{level_id}' is not declared in levels (declared: {declared})")
            per_level[level_id] = _behaviours(r, items, level_path, discipline_id, level_id)
    if not general and not per_level:
        raise r.fail(f"{path}.behaviours", "a discipline needs at least one behaviour")
    return Discipline(
        id=discipline_id, name=name, lead=lead, behaviours=general, levels=MappingProxyType(per_level)
    )


def _intro(r: _Reader, value: Any, path: str) -> IntroSection:
    raw = r.mapping(value, path, {"id": True, "title": True, "text": True, "signed": False})
    return IntroSection(
        id=r.new_id(raw["id"], f"{path}.id"),
        title=r.text(raw["title"], f"{path}.title"),
        text=r.text(raw["text"], f"{path}.text"),
        signed=r.text(raw["signed"], f"{path}.signed") if "signed" in raw else None,
    )
