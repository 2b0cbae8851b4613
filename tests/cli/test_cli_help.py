"""Every command and subcommand answers -h/--help with its own help in Vietnamese (not "thiếu tham số bắt
buộc", and no English from argparse)."""

from __future__ import annotations

import argparse

import pytest

from app.cli.args import build_parser
from app.cli.main import main


def _command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for action in parser._actions:  # argparse keeps its subcommands only there
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _command_paths(sub, (*prefix, name))
    return found


PATHS = _command_paths(build_parser())


def test_the_walk_finds_the_commands_and_their_subcommands() -> None:
    assert ("import-xlsx",) in PATHS and ("subjects", "merge") in PATHS and len(PATHS) > 30


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "sovang")
def test_help_of_every_command(capsys, path: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*path, "--help"])
    out, err = capsys.readouterr()
    assert done.value.code == 0 and err == ""
    assert out.startswith("Cách dùng: sovang") and "hiện hướng dẫn này rồi thoát" in out
    assert "show this help" not in out and "usage:" not in out
