"""Output that cannot take over the terminal.

Scenario texts, player rationales and file names reach stdout and stderr; an
escape sequence among them could retitle the teacher's terminal, recolour it
or hide text, and a right-to-left override reorders what is read. The
streams the CLI prints to are wrapped so such characters come out as visible
escapes (`\\x1b`, `\\u202e`); tabs and line breaks pass, and JSON stays valid
(`\\u202e` is the same character to a JSON reader).
"""

from __future__ import annotations

from typing import Any, TextIO

_KEEP = {0x09, 0x0A, 0x0D}
_TABLE: dict[int, str] = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)] if c not in _KEEP}
_TABLE.update({c: f"\\u{c:04x}" for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)})


def visible(text: str) -> str:
    """`text` with control and text-direction characters shown as escapes."""
    return text.translate(_TABLE)


class SafeStream:
    """A text stream that writes through `visible`; everything else goes to the wrapped stream."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @property
    def wrapped(self) -> TextIO:
        return self._stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
