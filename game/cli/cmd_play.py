"""`plenipo play`: the game window (pygame-ce). Imported lazily: the headless
commands never load pygame."""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.kit.options import WindowOptions


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("play", help="open the game window (default command)")
    p.add_argument("scenario", nargs="?", help="scenario file or id (default: genoa_1922)")
    p.add_argument("--human", action="append", default=[], metavar="ID", help="a delegation played by a team (repeatable)")
    p.add_argument("--seed", type=int, help="the game's seed (default: random, shown on screen)")
    p.add_argument("--lang", default="en", help="language: en or lt (default en)")
    p.add_argument("--length", help="game length id (e.g. short or full)")
    p.add_argument("--autoplay", action="store_true", help="an all-AI conference as a spectator show")
    p.add_argument("--screenshots", type=Path, metavar="DIR", help="save a PNG of each screen as it is shown and after each turn")
    p.add_argument("--exit-at-end", action="store_true", help="quit when the outcome screen is reached")
    p.add_argument(
        "--script",
        type=Path,
        metavar="FILE",
        help="play a UI script (click, key, type, expect, wait, shot...): exit 0 when every line passes, 1 at the first failure",
    )
    p.add_argument("--designer", type=Path, metavar="FILE", help="designer mode on a scenario file: F5 reloads it")
    p.set_defaults(func=run)


def _display_available() -> bool:
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return True
    if os.name == "nt" or os.uname().sysname == "Darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def check_play_args(args: argparse.Namespace) -> None:
    """Every option checked before a window opens: a typo gets a message, not a traceback in the window."""
    from game.cli.checks import check_humans, check_lang, check_length, check_seed, check_writable_dir
    from game.cli.common import load_scenario

    check_seed(args.seed)
    check_lang(args.lang)
    if args.screenshots is not None:
        check_writable_dir(args.screenshots, "--screenshots")
    if args.designer is None:  # designer mode shows a broken file's problems in the window itself
        _, cs = load_scenario(args.scenario)
        check_length(cs, args.length)
        check_humans(cs, args.human)


def run(args: argparse.Namespace) -> int:
    from game.cli.common import CliError

    check_play_args(args)
    if not _display_available():
        raise CliError("no display is available for the game window; try `plenipo simulate` for a headless game")
    from game.ui.kit.options import WindowError
    from game.ui.main import run_window

    try:
        return run_window(window_options(args))
    except WindowError as err:
        raise CliError(str(err)) from None


def window_options(args: argparse.Namespace) -> WindowOptions:
    """The window's options from the command line's: every field the parser has, the window's default otherwise."""
    from game.ui.kit.options import WindowOptions

    given = {f.name: getattr(args, f.name) for f in dataclasses.fields(WindowOptions) if getattr(args, f.name, None) is not None}
    if "human" in given:
        given["human"] = tuple(given["human"])
    return WindowOptions(**given)
