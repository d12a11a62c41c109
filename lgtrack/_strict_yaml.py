"""Strict YAML reading for framework files: the first fault as a one-line FrameworkError.

Kept apart from the schema so that commands which find the framework in the cache never import
PyYAML at all.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import FrameworkError


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a framework file may not use (aliases, a key given twice)."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases ("billion laughs") and duplicate keys (silent overwrites)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _Refused(problem="aliases (*name) are not allowed", problem_mark=mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen: set[tuple[str, str]] = set()
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    problem = f"duplicate key '{key_node.value}'"
                    raise _Refused(problem=problem, problem_mark=key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(source: str, name: str) -> Any:
    try:
        return yaml.load(source, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if not isinstance(exc, (_Refused, yaml.constructor.ConstructorError)):
            problem = f"YAML syntax error: {problem}"
        raise FrameworkError(problem, file=name, path=where) from None
    except yaml.reader.ReaderError as exc:
        line = source[: exc.position].count("\n") + 1
        problem = f"character #x{exc.character:04x} is not allowed in YAML"
        raise FrameworkError(problem, file=name, path=f"line {line}") from None
    except RecursionError:
        raise FrameworkError("YAML nested too deeply", file=name) from None
    except yaml.YAMLError as exc:
        raise FrameworkError(f"YAML error: {type(exc).__name__}", file=name) from None
