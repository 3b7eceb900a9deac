"""Checks on a scenario's raw TOML values, before the models see them.

Some values are valid TOML and even pass a `float` or `str` field, yet break
the game later: `nan` compares false with everything (a package worth
nothing gets signed, the outcome screen cannot round it), a number of
hundreds of digits overflows the engine's arrays, and a NUL or terminal
escape in a text crashes the window's font renderer or rewrites the
teacher's terminal. They are refused here, each with its key path and line.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from game.scenario.errors import KeyPath, Problem
from game.scenario.locate import Locator

#: Larger than any quantity a conference names (18 billion gold roubles is 1.8e10).
MAX_MAGNITUDE = 1e15

_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def bad_character(text: str) -> tuple[int, str] | None:
    """The first character a text may not hold (position, description), or None.

    Tabs and line breaks are fine; other control characters (NUL, escape, …) and the
    bidirectional overrides that reorder what a reader sees are not."""
    for k, ch in enumerate(text):
        code = ord(ch)
        if ch in "\t\n\r":
            continue
        if code < 0x20 or 0x7F <= code < 0xA0:
            return k, f"a control character (U+{code:04X})"
        if code in _BIDI:
            return k, f"a text-direction override (U+{code:04X})"
    return None


def raw_problems(data: Any, file: Path, locator: Locator) -> list[Problem]:
    """Every value in the parsed TOML that the game cannot use, walked without recursion."""
    out: list[Problem] = []
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        problem: str | None = None
        if isinstance(value, dict):
            for key, item in value.items():
                found = bad_character(key)
                if found is not None:
                    line, col = locator.position(path)
                    out.append(Problem(file, path, f"a key holds {found[1]}; keys are plain names", line=line, column=col))
                    continue
                stack.append(((*path, key), item))
            continue
        if isinstance(value, list):
            stack.extend(((*path, k), item) for k, item in enumerate(value))
            continue
        if isinstance(value, bool):
            continue
        if isinstance(value, float):
            if math.isnan(value):
                problem = "nan is not a number the game can use; write a number"
            elif math.isinf(value):
                problem = "infinity is not a number the game can use; write a number"
            elif abs(value) > MAX_MAGNITUDE:
                problem = f"{value:g} is too large; numbers in a scenario stay within ±{MAX_MAGNITUDE:g}"
        elif isinstance(value, int):
            if abs(value) > MAX_MAGNITUDE:
                digits = len(str(abs(value)))  # tomllib already refused more than 4,300 digits
                shown = f"a {digits}-digit number" if digits > 20 else str(value)
                problem = f"{shown} is too large; numbers in a scenario stay within ±{MAX_MAGNITUDE:g}"
        elif isinstance(value, str):
            found = bad_character(value)
            if found is not None:
                k, what = found
                problem = f"the text holds {what} at character {k + 1}; remove it"
        if problem is not None:
            line, col = locator.position(path)
            out.append(Problem(file, path, problem, line=line, column=col))
    out.sort(key=lambda p: (p.line or 0, str(p.path)))
    return out
