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

Repeating without counting turns: a block between `repeat until ...` and `end`
is played again and again while its condition does not hold yet. The condition
is checked before each round, so a block may run no time at all::

    # every team passes until the conference is over, however many turns that takes
    repeat until outcome
      click "We are ready"
      click "Pass (N)"
      click "Pass"
      click "Hand over"
      wait ai
    end

- `repeat until outcome` stops on the outcome screen (the debrief's what-if
  replays finished, as `wait outcome` waits for them);
- `repeat until "TEXT"` stops as soon as TEXT is visible (drawn in full, as
  `expect` reads it), e.g. `repeat until "Pass the computer to the Soviet"`;
- `repeat at most N until ...` fails after N rounds (default 60), so a script
  that never reaches its condition ends with a failure, not a hang.

A round plays only what is on the screen, like any line: a click on a label that
is not visible fails the script with that line's number. Blocks may nest. This is
what keeps the lesson scripts independent of how many turns the AI takes: they
say "until the debrief" instead of copying a turn once per sitting.

Parsing is kept apart from running so a bad script is refused, with its line
number, before a window opens.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
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
    REPEAT = "repeat"  # a block played until its condition holds (`text` is OUTCOME or a text to see)
    END = "end"  # closes a repeat block; parse() folds it away


#: The `until` of `repeat until outcome`; any other `until` is a text to see on the screen.
OUTCOME = "\x00outcome"
#: Rounds a `repeat` block may play before the script fails (a short Genoa game has under 30 team turns).
REPEAT_LIMIT = 60


@dataclass(frozen=True)
class Command:
    """One line of a script: what to do, its text arguments, and where it stands in the file."""

    kind: Kind
    line: int
    text: str = ""  # the label, key name, typed text, expected text or screenshot name
    within: str = ""  # for click ... in "ITEM"
    setup: tuple[tuple[str, str], ...] = ()
    body: tuple[Command, ...] = ()  # for repeat: the block's commands
    limit: int = REPEAT_LIMIT  # for repeat: the most rounds it may play


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
    if head == "repeat":
        return _repeat(rest, number, where)
    if head == "end":
        if rest:
            raise ScriptSyntaxError(f"{where}: end stands alone on its line")
        return Command(Kind.END, number)
    raise ScriptSyntaxError(f"{where}: unknown command {words[0]!r} (setup, click, key, type, expect, wait, shot, repeat, end)")


def _repeat(rest: list[str], number: int, where: str) -> Command:
    usage = f'{where}: write repeat until outcome, repeat until "TEXT" or repeat at most N until ...'
    limit = REPEAT_LIMIT
    if len(rest) >= 3 and rest[0].lower() == "at" and rest[1].lower() == "most":
        if not rest[2].isdigit() or not 1 <= int(rest[2]) <= 1000:
            raise ScriptSyntaxError(f"{where}: repeat at most N takes a whole number from 1 to 1000, not {rest[2]!r}")
        limit, rest = int(rest[2]), rest[3:]
    if len(rest) != 2 or rest[0].lower() != "until" or not rest[1].strip():
        raise ScriptSyntaxError(usage)
    until = OUTCOME if rest[1] == "outcome" else rest[1]
    return Command(Kind.REPEAT, number, text=until, limit=limit)


def parse(text: str, name: str = "script") -> list[Command]:
    """Every command of a script, in order, a `repeat` block folded into one command;
    raises ScriptSyntaxError at the first bad line (or an unclosed block)."""
    stack: list[tuple[Command | None, list[Command]]] = [(None, [])]
    for number, raw in enumerate(text.splitlines(), start=1):
        cmd = parse_line(raw, number, name)
        if cmd is None:
            continue
        if cmd.kind is Kind.END:
            head, body = stack.pop() if len(stack) > 1 else (None, [])
            if head is None:
                raise ScriptSyntaxError(f"{name}:{number}: end without a repeat above it")
            if not body:
                raise ScriptSyntaxError(f"{name}:{head.line}: the repeat block is empty")
            stack[-1][1].append(replace(head, body=tuple(body)))
        elif cmd.kind is Kind.REPEAT:
            stack.append((cmd, []))
        else:
            stack[-1][1].append(cmd)
    if len(stack) > 1:
        head = stack[-1][0]
        assert head is not None
        raise ScriptSyntaxError(f"{name}:{head.line}: repeat without an end")
    return stack[0][1]


def parse_file(path: Path) -> list[Command]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ScriptSyntaxError(f"{path}: cannot read the script ({err})") from None
    return parse(text, str(path))
