"""The structured log of a conference: every event, move, answer and signature.

Entries are plain data with a dated turn, actors and an audience (who may
see it before the end). The readable text of a conference is rendered from
them, so the CLI, the news column and the session record never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class LogKind(StrEnum):
    OPENING = "opening"
    SITTING = "sitting"
    EVENT = "event"
    PROPOSAL = "proposal"
    ANSWER = "answer"
    SIGNED = "signed"
    LAPSED = "lapsed"
    POSITION = "position"
    STATEMENT = "statement"
    WALKOUT = "walkout"
    PASS = "pass"
    LEAK = "leak"
    AUDIENCE = "audience"  # a request for private talks
    AUDIENCE_ANSWER = "audience_answer"  # granted, refused, or put off (unanswered)
    TEACHER = "teacher"
    END = "end"
    OUTCOME = "outcome"


@dataclass(frozen=True, slots=True)
class LogEntry:
    turn: int  # 1-based sitting number (0 before the first)
    date: str  # ISO date of the sitting
    kind: LogKind
    actor: str | None = None  # delegation id, "teacher", or None for the conference itself
    audience: frozenset[str] | None = None  # None: public; else only these delegations see it until the end
    data: Mapping[str, Any] = None  # type: ignore[assignment]  # JSON-friendly details

    def __post_init__(self) -> None:
        if self.data is None:
            object.__setattr__(self, "data", {})

    def visible_to(self, delegation: str | None, ended: bool) -> bool:
        """Whether a delegation (None: the public / projector) may see this now."""
        if ended or self.audience is None:
            return True
        return delegation is not None and delegation in self.audience

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"turn": self.turn, "date": self.date, "kind": self.kind.value}
        if self.actor is not None:
            out["actor"] = self.actor
        if self.audience is not None:
            out["audience"] = sorted(self.audience)
        if self.data:
            out["data"] = dict(self.data)
        return out
