"""Running the command line in-process for tests: no terminal on stdin, output captured."""

from __future__ import annotations

import io
import sys

import pytest

from lgtrack.cli import main


class Terminal(io.StringIO):
    """A stdin that says it is a terminal: nothing is piped in."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def nothing_piped(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal())


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``lgtrack ARGV…``: the exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
