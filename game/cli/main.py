"""`plenipo`: the entry point. Builds the parser from the command modules.

Each command module exposes `register(subparsers)` which adds its parser
and sets `func(args) -> int`. Bad input becomes one paragraph on stderr and
exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from game.cli.common import CliError, err

COMMANDS = (
    "game.cli.cmd_play",
    "game.cli.cmd_simulate",
    "game.cli.cmd_batch",
    "game.cli.cmd_validate",
    "game.cli.cmd_schema",
    "game.cli.cmd_new",
    "game.cli.cmd_sweep",
    "game.cli.cmd_inspect",
    "game.cli.cmd_handouts",
    "game.cli.cmd_report",
    "game.cli.cmd_bench",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plenipo",
        description="Plenipo: a turn-based diplomacy negotiation game. With no command, opens the game on the Genoa 1922 scenario.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as missing:
            if missing.name == name:
                continue  # a command not built yet is simply not offered
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])])
    try:
        return int(args.func(args))
    except CliError as e:
        err(str(e))
        return 2
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
