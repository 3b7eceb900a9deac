"""The UI script language: one command a line, parsed without pygame.

A UI script plays the game as a student does, by what is on the screen::

    # Germany offers Rapallo in private
    setup teams=germany,soviet length=short seed=1922 lang=en size=1280x720 text=100
    click "Start"
    wait ai
    click "We are ready"
    click "Propose"
    click "Accept" in "No. 3"
    key page down
    type "we need a friend"
    expect "Proposal No. 3"
    expect no "Not allowed"
    wait outcome
    shot debrief

Parsing is kept apart from running so a bad script is refused, with its line
number, before a window opens.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

SETUP_KEYS = ("teams", "length", "seed", "lang", "size", "text")


class Kind(Enum):
    SETUP = "setup"
    CLICK = "click"
    KEY = "key"
    TYPE = "type"
    EXPECT = "expect"
    EXPECT_NO = "expect no"
    WAIT_AI = "wait ai"
    WAIT_OUTCOME = "wait outcome"
    SHOT = "shot"


@dataclass(frozen=True)
class Command:
    """One line of a script: what to do, its text arguments, and where it stands in the file."""

    kind: Kind
    line: int
    text: str = ""  # the label, key name, typed text, expected text or screenshot name
    within: str = ""  # for click ... in "ITEM"
    setup: tuple[tuple[str, str], ...] = ()


class ScriptSyntaxError(ValueError):
    """A line the runner cannot understand; the message names the file and line."""


def _words(raw: str, where: str) -> list[str]:
    try:
        return shlex.split(raw, comments=True, posix=True)
    except ValueError as err:
        raise ScriptSyntaxError(f'{where}: {err} (quote labels with "...")') from None


def parse_line(raw: str, number: int, name: str = "script") -> Command | None:
    """One line as a command; None for a blank line or a comment."""
    where = f"{name}:{number}"
    words = _words(raw, where)
    if not words:
        return None
    head, rest = words[0].lower(), words[1:]
    if head == "setup":
        pairs = []
        for w in rest:
            key, sep, value = w.partition("=")
            if not sep or key not in SETUP_KEYS or not value:
                raise ScriptSyntaxError(f"{where}: setup takes KEY=VALUE with KEY one of {', '.join(SETUP_KEYS)}; got {w!r}")
            pairs.append((key, value))
        if not pairs:
            raise ScriptSyntaxError(f"{where}: setup needs at least one KEY=VALUE")
        return Command(Kind.SETUP, number, setup=tuple(pairs))
    if head == "click":
        if len(rest) == 1:
            return Command(Kind.CLICK, number, rest[0])
        if len(rest) == 3 and rest[1].lower() == "in":
            return Command(Kind.CLICK, number, rest[0], within=rest[2])
        raise ScriptSyntaxError(f'{where}: write click "LABEL" or click "LABEL" in "ITEM"')
    if head == "key":
        if not rest:
            raise ScriptSyntaxError(f"{where}: key needs a pygame key name (return, escape, tab, a, f11, page down)")
        return Command(Kind.KEY, number, " ".join(rest).lower())
    if head == "type":
        if len(rest) != 1:
            raise ScriptSyntaxError(f'{where}: write type "TEXT"')
        return Command(Kind.TYPE, number, rest[0])
    if head == "expect":
        if len(rest) == 2 and rest[0].lower() == "no":
            return Command(Kind.EXPECT_NO, number, rest[1])
        if len(rest) == 1:
            return Command(Kind.EXPECT, number, rest[0])
        raise ScriptSyntaxError(f'{where}: write expect "TEXT" or expect no "TEXT"')
    if head == "wait":
        what = " ".join(rest).lower()
        if what == "ai":
            return Command(Kind.WAIT_AI, number)
        if what == "outcome":
            return Command(Kind.WAIT_OUTCOME, number)
        raise ScriptSyntaxError(f"{where}: write wait ai or wait outcome")
    if head == "shot":
        if len(rest) != 1:
            raise ScriptSyntaxError(f"{where}: write shot NAME")
        return Command(Kind.SHOT, number, rest[0])
    raise ScriptSyntaxError(f"{where}: unknown command {words[0]!r} (setup, click, key, type, expect, wait, shot)")


def parse(text: str, name: str = "script") -> list[Command]:
    """Every command of a script, in order; raises ScriptSyntaxError at the first bad line."""
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        cmd = parse_line(raw, number, name)
        if cmd is not None:
            out.append(cmd)
    return out


def parse_file(path: Path) -> list[Command]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ScriptSyntaxError(f"{path}: cannot read the script ({err})") from None
    return parse(text, str(path))
