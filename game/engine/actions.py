"""What a delegation (or the teacher) can do: small immutable values.

The UI, the CLI, the AI and a save file all speak in these. Package options
are given by option id per issue of the instrument's scope, so an action read
from a save or typed by a person is checked against the scenario, never
trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Answer(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Reasons:
    """Why an AI delegation decided as it did, kept in the log for the debrief."""

    value: float  # its value of the package (0-100, after the instrument's cost)
    aspiration: float  # what it was holding out for at that moment
    alternative: float  # what not agreeing was worth to it (its best alternative)
    deciding: tuple[str, ...] = ()  # issue ids that weighed most (an audience refusal: the partners, delegation ids)
    note: str = ""  # a short tag: "meets aspiration", "side deal beats the multilateral road", ...
    wanted: tuple[str, ...] = ()  # per deciding issue: the option id the delegation wants there
    # a proposal: the proposer's estimate (by its opponent model, 0-1) that every addressee accepts it
    chance: float | None = None
    # a refusal whose deciding issue already gives the delegation the option it states in public: that option
    # (so the reason can say the public position is met and the package as a whole is what falls short)
    stated: tuple[str, ...] = ()
    # a refusal as worse than no agreement whose terms alone beat no agreement: the political cost of signing
    # that tipped it (0-100 points), so the reason can name the price rather than the terms
    cost: float | None = None
    # a refusal of a package that meets every public position the delegation states on the instrument's issues
    positions_met: bool = False


@dataclass(frozen=True, slots=True)
class Propose:
    actor: str
    instrument: str
    package: tuple[tuple[str, str], ...]  # (issue id, option id) for each issue in the scope
    to: tuple[str, ...] = ()  # empty = plenary (everyone); otherwise private talks with these
    counter_to: int | None = None  # the proposal this one answers (which it also rejects)
    reasons: Reasons | None = None
    rationale: str = ""  # the team's own one-line reason, for the record


@dataclass(frozen=True, slots=True)
class Respond:
    actor: str
    proposal: int
    answer: Answer
    reasons: Reasons | None = None
    rationale: str = ""
    # a team's refusal may say what would change it: (issue id, option id), an issue of the proposal's
    # agreement and an option other than the one offered. An AI's refusal says it in `reasons`
    want: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Shift:
    """Change the public position on one issue (concede or harden)."""

    actor: str
    issue: str
    option: str
    reasons: Reasons | None = None
    rationale: str = ""


class StatementKind(StrEnum):
    """Statements the AI makes; the UI words them in the chosen language."""

    FREE = "free"  # the team's own words, in `text`
    HOLDS_FIRM = "holds_firm"  # stands by its public position on `issue`
    URGES_AGREEMENT = "urges_agreement"  # calls on all to settle
    WARNS = "warns"  # warns that time is running out


@dataclass(frozen=True, slots=True)
class Statement:
    actor: str
    text: str = ""
    kind: StatementKind = StatementKind.FREE
    issue: str | None = None
    rationale: str = ""


@dataclass(frozen=True, slots=True)
class Walkout:
    actor: str
    reasons: Reasons | None = None
    rationale: str = ""


@dataclass(frozen=True, slots=True)
class Pass:
    actor: str
    rationale: str = ""


@dataclass(frozen=True, slots=True)
class RequestAudience:
    """Ask another delegation for private talks (an audience). It grants or refuses on its own turn;
    a request not answered by the end of the next sitting counts as refused ("put off").
    Not a main move: asking does not use up the turn."""

    actor: str
    host: str
    rationale: str = ""


@dataclass(frozen=True, slots=True)
class AnswerAudience:
    """Grant or refuse a request for an audience addressed to this delegation."""

    actor: str
    audience: int
    grant: bool
    reasons: Reasons | None = None
    rationale: str = ""


# --- the teacher's console ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FireEvent:
    """Fire a (usually optional) scenario event now."""

    event: str


@dataclass(frozen=True, slots=True)
class News:
    """A free news item written by the teacher."""

    title: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class MoveEnd:
    """Make the conference end `delta` sittings earlier (negative) or later (positive)."""

    delta: int


@dataclass(frozen=True, slots=True)
class EndNow:
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SetControl:
    """Hand a delegation to a team (human) or to the AI, mid-game."""

    delegation: str
    human: bool


TeacherAction = FireEvent | News | MoveEnd | EndNow | SetControl
MoveAction = Propose | Shift | Statement | Walkout | Pass
#: What a delegation does: a main move, an answer, or a request for (or answer to) an audience.
DelegationAction = MoveAction | Respond | RequestAudience | AnswerAudience
Action = DelegationAction | TeacherAction

#: Moves that end the actor's turn; answers do not.
MAIN_MOVES = (Propose, Shift, Statement, Walkout, Pass)
