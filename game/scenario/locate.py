"""Find the line of a key path in TOML text.

`tomllib` gives values without positions, so we scan the text once and map
each table header and key to its line. It is a best effort that understands
headers, arrays of tables, dotted keys and quoted keys; an error inside an
inline table or array points to the line of its key, which is where a
designer would look anyway.
"""

from __future__ import annotations

import re

from game.scenario.errors import KeyPath

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*((?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*'))*)\s*=")


def _split_key(raw: str) -> list[str]:
    parts = re.findall(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_\-]+)", raw)
    return [a or b or c for a, b, c in parts]


class Locator:
    """Maps key paths (with list indexes) to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        self._latest: dict[tuple[str, ...], int] = {}
        prefix: KeyPath = ()
        in_multiline = False
        for number, line in enumerate(text.splitlines(), start=1):
            toggles = (line.count('"""') + line.count("\'\'\'")) % 2 == 1
            if in_multiline:
                in_multiline = not toggles
                continue
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
                self._lines.setdefault(prefix, number)
                continue
            key = _KEY.match(line)
            if key:
                path = prefix + tuple(_split_key(key.group(1)))
                self._lines.setdefault(path, number)
            in_multiline = toggles

    def _resolve(self, names: tuple[str, ...]) -> KeyPath:
        """Header names -> a path with the current index of each enclosing array of tables."""
        path: list[str | int] = []
        for end in range(1, len(names) + 1):
            path.append(names[end - 1])
            idx = self._latest.get(names[:end])
            if idx is not None:
                path.append(idx)
        return tuple(path)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of the longest prefix of `path` that the text names."""
        for end in range(len(path), 0, -1):
            line = self._lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def has(self, path: KeyPath) -> bool:
        return tuple(path) in self._lines
