"""Problems found in a scenario file, and the one error the loader raises.

A designer fixes files from these messages alone, so each problem carries
the file, the line where we could find it, the key path and, for unknown
names, the closest known ones.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


KeyPath = tuple[str | int, ...]


def format_path(path: KeyPath) -> str:
    """`delegations[2].stances.debts` style, as a designer reads TOML."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "(top level)"


@dataclass(frozen=True, slots=True)
class Problem:
    file: Path
    path: KeyPath
    message: str
    line: int | None = None
    column: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.severity.value}: {format_path(self.path)}: {self.message}"


class ScenarioError(Exception):
    """A scenario file could not be loaded; holds every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A ' (did you mean …?)' suffix for an unknown id, or '' when nothing is close."""
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"
