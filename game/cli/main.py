"""`plenipo`: the entry point. Builds the parser from the command modules.

Each command module exposes `register(subparsers)` which adds its parser
and sets `func(args) -> int`. Bad input becomes one paragraph on stderr and
exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence

from game.cli.common import CliError, err
from game.cli.terminal import SafeStream

COMMANDS = (
    "game.cli.cmd_play",
    "game.cli.cmd_simulate",
    "game.cli.cmd_batch",
    "game.cli.cmd_seats",
    "game.cli.cmd_validate",
    "game.cli.cmd_schema",
    "game.cli.cmd_new",
    "game.cli.cmd_sweep",
    "game.cli.cmd_inspect",
    "game.cli.cmd_handouts",
    "game.cli.cmd_report",
    "game.cli.cmd_bench",
    "game.cli.cmd_host",
    "game.cli.cmd_join",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plenipo",
        description="Plenipo: a turn-based diplomacy negotiation game. With no command, opens the game on the Genoa 1922 scenario.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    out, error = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(error)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, error


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])])
    try:
        status = int(args.func(args))
        sys.stdout.flush()
        return status
    except CliError as e:
        err(str(e))
        return 2
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
            raise
        _silence_stdout()  # the output cannot be written; say so once, without the interpreter's own complaint at exit
        err(f"cannot write the output: {e.strerror or e}")
        return 2


def _silence_stdout() -> None:
    """Point stdout at the null device, so the final flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (OSError, AttributeError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
