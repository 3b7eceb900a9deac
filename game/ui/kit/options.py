"""What the game window is opened with, in the window's own terms.

The command line (`plenipo play`) fills a `WindowOptions` from its arguments
and turns a `WindowError` into its usual one-paragraph message and exit
status 2; the window itself knows nothing of argparse or of the CLI, so it can
be started the same way from a test, a tool or another front end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WindowOptions:
    """The choices `plenipo play` offers, each with the window's default."""

    scenario: str | None = None  # a file or a shipped scenario's id; None: Genoa 1922
    human: tuple[str, ...] = ()  # delegations played by teams (preset on the setup screen)
    seed: int | None = None  # None: a random seed, shown on screen
    lang: str = "en"
    length: str | None = None  # a calendar length id; None: the scenario's first
    autoplay: bool = False  # an all-AI conference, no setup screen
    screenshots: Path | None = None  # save a PNG of each screen here
    exit_at_end: bool = False  # quit when the outcome screen is reached
    designer: Path | None = None  # designer mode on this file (F5 reloads it)
    script: Path | None = None  # a UI script plays the window instead of a person


class WindowError(Exception):
    """The window cannot open as asked (no such scenario, a broken file): a message for the person who asked."""
