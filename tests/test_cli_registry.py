"""The command table that lets a run load only its own command module stays true."""

from __future__ import annotations

import argparse
import importlib

import pytest

from lgtrack.cli import _COMMAND_MODULES, COMMANDS, build_parser, command_in, main


def _commands_of(parser) -> set[str]:
    return set(parser._subparsers._group_actions[0].choices)


def test_every_module_registers_exactly_the_commands_the_table_gives_it():
    for module in _COMMAND_MODULES:
        expected = {command for command, owner in COMMANDS.items() if owner == module}
        parser = build_parser(next(iter(expected)))
        assert _commands_of(parser) == expected, module


def test_the_full_parser_has_every_command():
    assert _commands_of(build_parser()) == set(COMMANDS)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["list", "reflections", "-n", "3"], "list"),
        (["--version"], None),
        ([], None),
        (["lsit"], None),
        (["goal", "add", "--title", "list"], "goal"),
    ],
)
def test_the_command_is_read_from_the_first_word(argv, command):
    assert command_in(argv) == command


def test_a_misspelt_command_still_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["lsit"])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "reflect" in error and "report" in error


def test_modules_exist_for_every_command():
    for module in set(COMMANDS.values()):
        assert hasattr(importlib.import_module(f"lgtrack.cli.{module}"), "register")


def _parsers(parser, name: str = "lgtrack"):
    """Every (sub)command parser under ``parser``, with its full name."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_command_explains_itself_in_its_help():
    for name, parser in _parsers(build_parser()):
        assert parser.description, f"'{name} --help' has no description"
        for action in parser._actions:
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"{name}: {action.dest} has no help"
