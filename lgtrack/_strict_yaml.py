"""Strict YAML reading for framework files: the first fault as a one-line FrameworkError.

Kept apart from the schema so that commands which find the framework in the cache never import
PyYAML at all.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import FrameworkError, Message


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that a framework file may not use (aliases, a key given twice); ``problem``
    is a catalogue key, ``params`` its parameters."""

    params: dict[str, str] = {}  # replaced per instance, never mutated


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases ("billion laughs") and duplicate keys (silent overwrites)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _Refused(problem="err_yaml_alias", problem_mark=mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen: set[tuple[str, str]] = set()
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    mark = key_node.start_mark
                    refused = _Refused(problem="err_yaml_duplicate_key", problem_mark=mark)
                    refused.params = {"key": key_node.value}
                    raise refused
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(source: str, name: str) -> Any:
    try:
        return yaml.load(source, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        raise _marked_error(exc, name) from None
    except yaml.reader.ReaderError as exc:
        where = Message("where_line", line=source[: exc.position].count("\n") + 1)
        character = f"#x{exc.character:04x}"
        raise FrameworkError(
            "err_yaml_character", file=name, path=where, character=character
        ) from None
    except RecursionError:
        raise FrameworkError("err_yaml_too_deep", file=name) from None
    except yaml.YAMLError as exc:
        raise FrameworkError("err_yaml_other", file=name, kind=type(exc).__name__) from None


def _marked_error(exc: yaml.MarkedYAMLError, name: str) -> FrameworkError:
    """The error for a fault PyYAML could place; its own wording (English) is kept as detail."""
    mark = exc.problem_mark or exc.context_mark
    where = (
        Message("where_line_column", line=mark.line + 1, column=mark.column + 1) if mark else None
    )
    if isinstance(exc, _Refused):
        return FrameworkError(exc.problem, file=name, path=where, **exc.params)
    problem = exc.problem or exc.context or "invalid YAML"
    if isinstance(exc, yaml.constructor.ConstructorError):
        return FrameworkError("err_yaml_construct", file=name, path=where, problem=problem)
    return FrameworkError("err_yaml_syntax", file=name, path=where, problem=problem)
