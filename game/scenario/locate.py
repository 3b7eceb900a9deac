"""Find the line and column of a key path in TOML text.

`tomllib` gives values without positions, so we scan the text once and map
each table header, key, inline-table key and array item to where its value
starts. The text has already parsed as TOML when this runs, so the scanner
can be simple; it understands headers, arrays of tables, dotted and quoted
keys, inline tables, arrays over several lines and multi-line strings (a
`'''` inside a `\"\"\"` string does not end it). Values nested deeper than
any scenario needs are skipped over without being mapped, never recursed into.
"""

from __future__ import annotations

import bisect
import re

from game.scenario.errors import KeyPath

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEYPART = r"(?:[A-Za-z0-9_\-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_KEY = re.compile(r"^\s*(" + _KEYPART + r"(?:\s*\.\s*" + _KEYPART + r")*)\s*=[ \t]*")
_INLINE_KEY = re.compile(r"(" + _KEYPART + r"(?:\s*\.\s*" + _KEYPART + r")*)\s*=[ \t]*")
_MAX_DEPTH = 48


def _split_key(raw: str) -> list[str]:
    parts = re.findall(r"\"((?:[^\"\\]|\\.)*)\"|'([^']*)'|([A-Za-z0-9_\-]+)", raw)
    return [a or b or c for a, b, c in parts]


class Locator:
    """Maps key paths (with list indexes) to 1-based (line, column) of their values."""

    def __init__(self, text: str) -> None:
        self._pos: dict[KeyPath, tuple[int, int]] = {}
        self._keys: dict[KeyPath, tuple[int, int]] = {}  # where the key itself is written
        self._latest: dict[tuple[str, ...], int] = {}
        self._text = text
        self._starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
        prefix: KeyPath = ()
        pos = 0
        n = len(text)
        while pos < n:
            end = text.find("\n", pos)
            end = n if end < 0 else end
            line = text[pos:end]
            header = _HEADER.match(line)
            if header:
                names = tuple(_split_key(header.group(2)))
                if header.group(1) == "[[":
                    index = self._latest.get(names, -1) + 1
                    self._latest[names] = index
                    for other in [o for o in self._latest if len(o) > len(names) and o[: len(names)] == names]:
                        del self._latest[other]
                    prefix = self._resolve(names[:-1]) + (names[-1], index)
                else:
                    prefix = self._resolve(names)
                self._pos.setdefault(prefix, self._linecol(pos))
                self._keys.setdefault(prefix, self._linecol(pos))
                pos = end + 1
                continue
            key = _KEY.match(line)
            if key:
                path = prefix + tuple(_split_key(key.group(1)))
                self._keys.setdefault(path, self._linecol(pos + key.start(1)))
                try:
                    pos = self._value(pos + key.end(), path, 0)
                except IndexError:  # not expected in text that parsed; stop mapping rather than fail
                    return
                nl = text.find("\n", pos)
                pos = n if nl < 0 else nl + 1
                continue
            pos = end + 1

    # -- scanning ------------------------------------------------------------------------

    def _linecol(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, pos)
        return line, pos - self._starts[line - 1] + 1

    def _blank(self, pos: int) -> int:
        """Past spaces, line breaks and comments."""
        text = self._text
        while pos < len(text):
            ch = text[pos]
            if ch in " \t\r\n":
                pos += 1
            elif ch == "#":
                nl = text.find("\n", pos)
                pos = len(text) if nl < 0 else nl + 1
            else:
                break
        return pos

    def _string_end(self, pos: int) -> int:
        """The index after the string starting at `pos` (any of the four TOML string kinds)."""
        text = self._text
        for quote in ('"""', "'''"):
            if text.startswith(quote, pos):
                k = pos + 3
                while True:
                    k = text.index(quote, k)
                    if quote == '"""' and _escaped(text, k):
                        k += 1
                        continue
                    while text.startswith(quote[0], k + 3):  # up to two quotes may end the content
                        k += 1
                    return k + 3
        quote = text[pos]
        k = pos + 1
        while True:
            k = text.index(quote, k)
            if quote == '"' and _escaped(text, k):
                k += 1
                continue
            return k + 1

    def _value(self, pos: int, path: KeyPath, depth: int) -> int:
        """Record where the value at `pos` starts and return the index just after it."""
        text = self._text
        pos = self._blank(pos)
        self._pos.setdefault(path, self._linecol(pos))
        ch = text[pos]
        if ch in "\"'":
            return self._string_end(pos)
        if ch in "[{" and depth >= _MAX_DEPTH:
            return self._skip(pos)
        if ch == "[":
            pos, index = self._blank(pos + 1), 0
            while text[pos] != "]":
                pos = self._blank(self._value(pos, (*path, index), depth + 1))
                index += 1
                if text[pos] == ",":
                    pos = self._blank(pos + 1)
            return pos + 1
        if ch == "{":
            pos = self._blank(pos + 1)
            while text[pos] != "}":
                key = _INLINE_KEY.match(text, pos)
                if key is None:
                    return self._skip_from_inside(pos, "{")
                inner = (*path, *_split_key(key.group(1)))
                self._keys.setdefault(inner, self._linecol(key.start(1)))
                pos = self._blank(self._value(key.end(), inner, depth + 1))
                if text[pos] == ",":
                    pos = self._blank(pos + 1)
            return pos + 1
        k = pos
        while k < len(text) and text[k] not in ",]}\n#":
            k += 1
        return k

    def _skip(self, pos: int) -> int:
        """Past a deeply nested array or table without mapping it (no recursion)."""
        return self._skip_from_inside(pos + 1, self._text[pos])

    def _skip_from_inside(self, pos: int, opener: str) -> int:
        text, depth = self._text, 1
        while depth:
            ch = text[pos]
            if ch in "\"'":
                pos = self._string_end(pos)
                continue
            if ch == "#":
                pos = text.index("\n", pos)
                continue
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
            pos += 1
        return pos

    def _resolve(self, names: tuple[str, ...]) -> KeyPath:
        """Header names -> a path with the current index of each enclosing array of tables."""
        path: list[str | int] = []
        for end in range(1, len(names) + 1):
            path.append(names[end - 1])
            idx = self._latest.get(names[:end])
            if idx is not None:
                path.append(idx)
        return tuple(path)

    # -- answers ---------------------------------------------------------------------------

    def position(self, path: KeyPath) -> tuple[int | None, int | None]:
        """(line, column) of the value at `path`; for a path the text does not name (a missing
        key), the line of the longest prefix it names, column 1."""
        exact = self._pos.get(tuple(path))
        if exact is not None:
            return exact
        line = self.line_of(path)
        return line, (1 if line is not None else None)

    def key_position(self, path: KeyPath) -> tuple[int | None, int | None]:
        """(line, column) of the key that names `path` (for an unknown key), else as `position`."""
        exact = self._keys.get(tuple(path))
        return exact if exact is not None else self.position(path)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of the longest prefix of `path` that the text names."""
        for end in range(len(path), 0, -1):
            found = self._pos.get(tuple(path[:end]))
            if found is not None:
                return found[0]
        return None

    def has(self, path: KeyPath) -> bool:
        return tuple(path) in self._pos


def _escaped(text: str, k: int) -> bool:
    """Is the character at `k` escaped by an odd number of backslashes?"""
    slashes = 0
    while k - 1 - slashes >= 0 and text[k - 1 - slashes] == "\\":
        slashes += 1
    return slashes % 2 == 1
