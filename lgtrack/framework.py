"""The leadership framework: disciplines, levels, behaviours, effects and the rating scale.

A framework is read from a YAML file (see ``data/frameworks/README.md`` for the format) into
frozen objects. Ratings, goals and feedback reference behaviours by id, so ids are stable.

>>> fw = load_framework("stuk")
>>> [d.id for d in fw.disciplines]
['strategic', 'operational', 'professional', 'people', 'self']
>>> fw.behaviour("strategic.teamleder.1").discipline
'strategic'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import FrameworkError

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,79}$")
_PACKAGE_DIR = Path(__file__).resolve().parent
# Installed wheels carry the files inside the package; a source checkout keeps them in data/.
_BUNDLED_DIRS = (_PACKAGE_DIR / "_frameworks", _PACKAGE_DIR.parent / "data" / "frameworks")


@dataclass(frozen=True)
class Text:
    """A text in every supported language."""

    da: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


@dataclass(frozen=True)
class Behaviour:
    """One statement a leader can be rated on.

    ``level`` is None for a discipline's general "we lead well when…" statements.
    """

    id: str
    text: Text
    discipline: str
    level: str | None = None

    @property
    def is_general(self) -> bool:
        return self.level is None


@dataclass(frozen=True)
class Level:
    id: str
    name: Text


@dataclass(frozen=True)
class Discipline:
    id: str
    name: Text
    behaviours: tuple[Behaviour, ...]
    # Mappings cannot be hashed; equality still compares them.
    levels: Mapping[str, tuple[Behaviour, ...]] = field(default_factory=dict, hash=False)
    lead: Text | None = None

    def behaviours_for(self, level: str | None) -> tuple[Behaviour, ...]:
        """General behaviours followed by those specific to ``level`` (if any)."""
        return self.behaviours + tuple(self.levels.get(level, ())) if level else self.behaviours


@dataclass(frozen=True)
class Effect:
    id: str
    text: Text


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)

    @property
    def values(self) -> range:
        return range(self.min, self.max + 1)

    def label(self, score: int, lang: str) -> str:
        labels = self.labels.get(lang, ())
        index = score - self.min
        return labels[index] if 0 <= index < len(labels) else str(score)


@dataclass(frozen=True)
class IntroSection:
    id: str
    title: Text
    text: Text
    signed: Text | None = None


@dataclass(frozen=True)
class MissingList:
    """A list the source only had as a graphic; recorded so nobody invents it."""

    id: str
    where: Text
    note: Text


@dataclass(frozen=True)
class Framework:
    id: str
    version: str
    name: Text
    source: str
    scale: Scale
    disciplines: tuple[Discipline, ...]
    levels: tuple[Level, ...] = ()
    effects: tuple[Effect, ...] = ()
    intro: tuple[IntroSection, ...] = ()
    missing: tuple[MissingList, ...] = ()
    path: str | None = None

    def discipline(self, discipline_id: str) -> Discipline:
        for discipline in self.disciplines:
            if discipline.id == discipline_id:
                return discipline
        raise KeyError(discipline_id)

    def level(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(level_id)

    def behaviour(self, behaviour_id: str) -> Behaviour:
        return self._behaviour_index[behaviour_id]

    def effect(self, effect_id: str) -> Effect:
        for effect in self.effects:
            if effect.id == effect_id:
                return effect
        raise KeyError(effect_id)

    # Display names that fall back to the id: records may name an id a later framework dropped.

    def discipline_name(self, discipline_id: str, lang: str) -> str:
        try:
            return self.discipline(discipline_id).name.get(lang)
        except KeyError:
            return discipline_id

    def behaviour_text(self, behaviour_id: str, lang: str) -> str:
        behaviour = self._behaviour_index.get(behaviour_id)
        return behaviour.text.get(lang) if behaviour else behaviour_id

    def level_name(self, level_id: str | None, lang: str) -> str:
        if level_id in self.level_ids:
            return self.level(level_id).name.get(lang)
        return level_id or "–"

    @property
    def discipline_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.disciplines)

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def all_behaviours(self) -> tuple[Behaviour, ...]:
        """Every behaviour: per discipline, the general ones then each level's."""
        return tuple(self._behaviour_index.values())

    def behaviours_for_level(self, level: str | None) -> dict[str, tuple[Behaviour, ...]]:
        """For each discipline id, the general behaviours plus those specific to ``level``."""
        if level is not None and level not in self.level_ids:
            raise KeyError(level)
        return {d.id: d.behaviours_for(level) for d in self.disciplines}

    def next_level_up(self, level: str) -> str | None:
        """The level above ``level`` (levels are listed most senior first), or None at the top.

        Raises KeyError for a level the framework does not have.
        """
        if level not in self.level_ids:
            raise KeyError(level)
        index = self.level_ids.index(level)
        return self.level_ids[index - 1] if index > 0 else None

    @property
    def _behaviour_index(self) -> dict[str, Behaviour]:
        # Computed once per instance; frozen dataclasses cannot assign attributes normally.
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {}
            for discipline in self.disciplines:
                for behaviour in discipline.behaviours:
                    cached[behaviour.id] = behaviour
                for behaviours in discipline.levels.values():
                    for behaviour in behaviours:
                        cached[behaviour.id] = behaviour
            object.__setattr__(self, "_index", cached)
        return cached


def bundled_frameworks() -> dict[str, Path]:
    """Bundled framework ids mapped to their files."""
    for directory in _BUNDLED_DIRS:
        if directory.is_dir():
            return {p.stem: p for p in sorted(directory.glob("*.yaml"))}
    return {}


def resolve_framework_path(ref: str | Path) -> Path:
    """A bundled id (``"stuk"``) or a path to a framework file, as a path."""
    bundled = bundled_frameworks()
    if isinstance(ref, str) and ref in bundled:
        return bundled[ref]
    path = Path(ref)
    if path.is_file():
        return path
    if path.is_dir():
        raise FrameworkError("err_fw_folder", file=str(path))
    if isinstance(ref, str) and ID_PATTERN.match(ref) and path.suffix == "":
        if not bundled:
            raise FrameworkError("err_fw_unknown_none", ref=ref)
        raise FrameworkError("err_fw_unknown", ref=ref, known=list(bundled))
    raise FrameworkError("err_fw_no_such_file", file=str(path))


_cache: dict[tuple[str, float, int], Framework] = {}


def load_framework(ref: str | Path = "stuk") -> Framework:
    """Load a bundled framework by id, or any framework file by path.

    Raises :class:`FrameworkError` with the file, the place inside it and the fault.
    """
    from ._framework_schema import parse_framework_file

    path = resolve_framework_path(ref)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime, stat.st_size)
    if key not in _cache:
        _cache[key] = parse_framework_file(path)
    return _cache[key]


def same_content(a: Framework, b: Framework) -> bool:
    """True when two frameworks say the same (where each was read from does not matter)."""
    return replace(a, path=None) == replace(b, path=None)


def check_version_unchanged(new: Framework, known: Framework | None) -> None:
    """Refuse a framework whose id and version this journal knows with other content: a changed
    framework needs a new version, or old ratings would silently change meaning."""
    if known is not None and not same_content(new, known):
        raise FrameworkError(
            "err_fw_version_changed", file=new.path, framework=new.id, version=new.version
        )
