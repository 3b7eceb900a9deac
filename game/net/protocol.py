"""The messages between a host and the team computers: JSON only, each a pydantic model with a `type` and a `version`.

Both sides validate everything they receive against these models, so a
message either is one of them, whole and within its limits, or is refused
before any game code sees it. A team's move carries its delegation as
`actor` only so that the host can refuse, in words, a move made for a seat
the computer does not hold; the host still checks every move with the
engine. What the host sends a team is built for that team's seat alone (see
game/net/views.py): the conference as the seat may see it, its own briefing
and its own form choices, never another delegation's papers.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from game.engine import actions as A
from game.views.conference import BriefingView, ConferenceView
from game.views.inbox import AskChoice, InboxItem, RequestItem

PROTOCOL_VERSION = 3  # 2: a seat's forms carry its own latest proposals (`Forms.own`); 3: a refusal may say what it wants
_T = TypeVar("_T")
#: A team's message is a move or a greeting: a few hundred bytes. Anything bigger is refused unread.
MAX_CLIENT_BYTES = 16_384
#: What the host sends: a whole view with the news of a long game.
MAX_HOST_BYTES = 4_000_000
#: Letters of a room code: capitals that cannot be mistaken for each other or for digits when read aloud or
#: from a projector (no B/8, D/O/0, G/6, I/L/1, Q, S/5, U/V, Z/2).
CODE_LETTERS = "ACEFHJKMNPRTWXY"
CODE_LENGTH = 5

Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
Text = Annotated[str, Field(max_length=500)]
Token = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Code = Annotated[str, Field(min_length=1, max_length=16)]
Lang = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
ProposalNo = Annotated[int, Field(ge=1, le=1_000_000)]


class _Msg(BaseModel):
    """Every message: closed (unknown fields are an error), immutable, strict about types."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    version: int


# --- a team's moves -------------------------------------------------------------------------------------


class _Part(BaseModel):
    """A part of a message: closed and strict like the messages themselves."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ProposeMove(_Part):
    kind: Literal["propose"]
    actor: Id
    instrument: Id
    package: Annotated[tuple[tuple[Id, Id], ...], Field(max_length=64)]
    to: Annotated[tuple[Id, ...], Field(max_length=32)] = ()
    counter_to: ProposalNo | None = None
    rationale: Text = ""


class RespondMove(_Part):
    kind: Literal["respond"]
    actor: Id
    proposal: ProposalNo
    answer: Literal["accept", "reject"]
    rationale: Text = ""
    want: tuple[Id, Id] | None = None  # a refusal's (issue, option) that would change it


class ShiftMove(_Part):
    kind: Literal["shift"]
    actor: Id
    issue: Id
    option: Id
    rationale: Text = ""


class StatementMove(_Part):
    kind: Literal["statement"]
    actor: Id
    text: Annotated[str, Field(min_length=1, max_length=500)]
    rationale: Text = ""


class WalkoutMove(_Part):
    kind: Literal["walkout"]
    actor: Id
    rationale: Text = ""


class PassMove(_Part):
    kind: Literal["pass"]
    actor: Id
    rationale: Text = ""


class AskMove(_Part):
    """Ask another delegation for private talks (an audience); not a main move."""

    kind: Literal["ask"]
    actor: Id
    host: Id
    rationale: Text = ""


class ReceiveMove(_Part):
    """Grant or refuse a request for an audience addressed to this seat; not a main move."""

    kind: Literal["receive"]
    actor: Id
    audience: ProposalNo
    grant: bool
    rationale: Text = ""


Move = Annotated[ProposeMove | RespondMove | ShiftMove | StatementMove | WalkoutMove | PassMove | AskMove | ReceiveMove, Field(discriminator="kind")]


def to_action(move: Move) -> A.Action:
    """The engine action for a team's move (the engine still decides whether it is allowed)."""
    why = move.rationale.strip()
    if isinstance(move, ProposeMove):
        return A.Propose(move.actor, move.instrument, move.package, move.to, move.counter_to, rationale=why)
    if isinstance(move, RespondMove):
        return A.Respond(move.actor, move.proposal, A.Answer(move.answer), rationale=why, want=move.want)
    if isinstance(move, ShiftMove):
        return A.Shift(move.actor, move.issue, move.option, rationale=why)
    if isinstance(move, StatementMove):
        return A.Statement(move.actor, move.text.strip(), A.StatementKind.FREE, rationale=why)
    if isinstance(move, WalkoutMove):
        return A.Walkout(move.actor, rationale=why)
    if isinstance(move, AskMove):
        return A.RequestAudience(move.actor, move.host, rationale=why)
    if isinstance(move, ReceiveMove):
        return A.AnswerAudience(move.actor, move.audience, move.grant, rationale=why)
    return A.Pass(move.actor, rationale=why)


def from_action(action: A.Action) -> Move:
    """A team's move as it travels (used by clients and by tests that replay a game locally)."""
    if isinstance(action, A.Propose):
        return ProposeMove(
            kind="propose",
            actor=action.actor,
            instrument=action.instrument,
            package=action.package,
            to=action.to,
            counter_to=action.counter_to,
            rationale=action.rationale,
        )
    if isinstance(action, A.Respond):
        return RespondMove(
            kind="respond", actor=action.actor, proposal=action.proposal, answer=action.answer.value, rationale=action.rationale, want=action.want
        )
    if isinstance(action, A.Shift):
        return ShiftMove(kind="shift", actor=action.actor, issue=action.issue, option=action.option, rationale=action.rationale)
    if isinstance(action, A.Statement):
        return StatementMove(kind="statement", actor=action.actor, text=action.text, rationale=action.rationale)
    if isinstance(action, A.Walkout):
        return WalkoutMove(kind="walkout", actor=action.actor, rationale=action.rationale)
    if isinstance(action, A.Pass):
        return PassMove(kind="pass", actor=action.actor, rationale=action.rationale)
    if isinstance(action, A.RequestAudience):
        return AskMove(kind="ask", actor=action.actor, host=action.host, rationale=action.rationale)
    if isinstance(action, A.AnswerAudience):
        return ReceiveMove(kind="receive", actor=action.actor, audience=action.audience, grant=action.grant, rationale=action.rationale)
    raise ValueError(f"{type(action).__name__} is not a team's move")


# --- from a team computer to the host ----------------------------------------------------------------------


class Hello(_Msg):
    """The first message: the room code, and either a seat to claim, a token to take a held seat back, or neither (list seats)."""

    type: Literal["hello"]
    code: Code
    seat: Id | None = None
    token: Token | None = None
    lang: Lang | None = None  # the team computer's language: its views come worded in it (None: the host's)


class Claim(_Msg):
    """Claim a free seat after seeing the list."""

    type: Literal["claim"]
    seat: Id


class Act(_Msg):
    """A move for the seat this computer holds; `ref` lets the answer find its move."""

    type: Literal["act"]
    ref: Annotated[int, Field(ge=0, le=2**31)]
    move: Move


class Ping(_Msg):
    type: Literal["ping"]


class Leave(_Msg):
    """The team gives its seat up (another computer, or the teacher, may take it)."""

    type: Literal["leave"]


ClientMessage = Annotated[Hello | Claim | Act | Ping | Leave, Field(discriminator="type")]
CLIENT: TypeAdapter[Hello | Claim | Act | Ping | Leave] = TypeAdapter(ClientMessage)


# --- from the host to a team computer -----------------------------------------------------------------------


class Refusal(StrEnum):
    """Why the host refused a message (closed set: clients word each one themselves)."""

    MALFORMED = "malformed"  # not JSON, or not one of the messages above
    VERSION = "version"  # another protocol version
    TOO_BIG = "too_big"
    FLOOD = "flood"  # too many messages too fast
    WRONG_CODE = "wrong_code"
    TOO_MANY_TRIES = "too_many_tries"  # too many wrong room codes from this computer
    NO_SUCH_SEAT = "no_such_seat"  # not a team's delegation
    SEAT_TAKEN = "seat_taken"  # another computer holds it
    BAD_TOKEN = "bad_token"  # unknown, or the seat was freed or reassigned since
    NOT_SEATED = "not_seated"  # a move before claiming a seat
    ALREADY_SEATED = "already_seated"
    NOT_YOUR_SEAT = "not_your_seat"  # a move for another delegation
    NOT_YOUR_TURN = "not_your_turn"
    ILLEGAL = "illegal"  # the rules refuse the move (the text says why, in the rules' words)
    SEAT_FREED = "seat_freed"  # the teacher freed or reassigned the seat
    HOST_CLOSING = "host_closing"


class SeatInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Id
    name: str
    code: str
    taken: bool
    connected: bool


class Lobby(_Msg):
    """The room's seats (sent after a hello without a seat, and when seats change)."""

    type: Literal["lobby"]
    title: str
    seats: tuple[SeatInfo, ...]
    lang: str = "en"


class PublicDelegation(BaseModel):
    """What any screen may show of a delegation: its name and how its seat is drawn (nothing of its papers)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Id
    name: str
    colour: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    colour2: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    emblem: str


class Welcome(_Msg):
    """A seat is now this computer's; keep the token to come back after a drop."""

    type: Literal["welcome"]
    seat: Id
    token: Token
    lang: str
    delegations: tuple[PublicDelegation, ...] = ()


RuleParam = str | int | tuple[str, ...]


class Refused(_Msg):
    """A refusal. When the rules refused a move, `rule` and `params` carry the engine's reason as data
    (game/engine/refusals.py) so the team's computer words it in its own language; `text` is the host's wording."""

    type: Literal["refused"]
    reason: Refusal
    text: str
    ref: int | None = None
    fatal: bool = False  # the host closes the connection after this
    rule: Annotated[str, Field(max_length=64)] | None = None  # the engine's refusal code (its name), for ILLEGAL
    params: tuple[tuple[str, RuleParam], ...] = ()


class Done(_Msg):
    """A move was applied; `text` is the confirmation line ("Proposal No. 3 sent privately to ...")."""

    type: Literal["done"]
    ref: int
    text: str
    revision: int  # the game's revision once the move (and any AI turns after it) was applied
    made: int | None = None  # the number of the proposal or request for an audience the move made


class Pong(_Msg):
    type: Literal["pong"]


class OptionChoice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    label: str
    value: float | None  # this seat's own value (0-100); None when it has no stake in the issue
    allowed: bool  # False when a signed instrument settled another option
    description: str = ""  # the option's full text (as the one-computer form shows on hover)
    stated_by: tuple[str, ...] = ()  # codes of the other delegations whose public position it is


class IssueChoice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    title: str
    options: tuple[OptionChoice, ...]
    position: str | None  # this seat's public position (option id)
    settled: int = -1  # the option a signed instrument settled (-1: open)
    # this seat's own utility rows (weight-shared value of each option, then of leaving it open): the form
    # shows what a package is worth to the team as one computer does (game/engine/signing.py)
    contrib: tuple[float, ...] = ()


class InstrumentChoice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    scope: tuple[str, ...]  # issue ids
    parties: tuple[str, ...]  # delegation ids that must all accept (public, as in the scenario)
    signed: bool
    active: tuple[str, ...] = ()  # parties still at the table (the private talks' default addressees)
    cost: float = 0.0  # the political cost of signing it for this seat now


class Partner(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    code: str


class Awaiting(BaseModel):
    """A proposal this seat must answer, with what it is worth to this seat."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    proposal: int
    instrument: str
    package: tuple[tuple[str, str], ...]
    value: float | None
    alternative: float | None  # what no agreement on these issues is worth to this seat
    proposer: str = ""  # delegation id
    to: tuple[str, ...] | None = None  # the private talks' addressees (None: plenary)


class OwnProposal(BaseModel):
    """This seat's latest proposal on one agreement, whatever became of it: its form can start from it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    proposal: int
    instrument: str
    package: tuple[tuple[str, str], ...]
    to: tuple[str, ...] | None = None  # the private talks' addressees (None: plenary)


class Forms(BaseModel):
    """What one seat may choose from in its move forms: only its own instruments, values and answers."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    instruments: tuple[InstrumentChoice, ...]
    issues: tuple[IssueChoice, ...]
    partners: tuple[Partner, ...]
    awaiting: tuple[Awaiting, ...]
    own: tuple[OwnProposal, ...] = ()  # per agreement it has proposed on, its latest proposal
    essential: bool = False  # this seat's walkout ends the conference
    mediator: bool = False


class Clock(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    remaining: float | None  # seconds left in the acting team's turn; None without a timer
    limit: float  # seconds per team turn, 0 = no timer
    paused: bool


class View(_Msg):
    """Everything one computer may see now: a team's seat (with its briefing and forms) or the public table (seat None)."""

    type: Literal["view"]
    revision: int  # how many actions the game has had (a client keeps only the newest view)
    seat: Id | None
    your_turn: bool
    conference: ConferenceView
    briefing: BriefingView | None = None
    forms: Forms | None = None
    clock: Clock
    seats: tuple[SeatInfo, ...]
    outcome: str = ""  # the outcome's title once the conference is over
    inbox: tuple[InboxItem, ...] = ()  # the proposals this seat must answer, newest first (game/views/inbox.py)
    digest: tuple[str, ...] = ()  # "since your last turn" (game/views/digest.py), while it is this seat's move
    requests: tuple[RequestItem, ...] = ()  # requests for an audience this seat must answer (game/views/inbox.py)
    asks: tuple[AskChoice, ...] = ()  # whom this seat may ask for private talks now, and why not (while it may move)
    closing: bool = False  # the last sitting's closing round: only answering or passing


HostMsg = Lobby | Welcome | Refused | Done | Pong | View
HostMessage = Annotated[Lobby | Welcome | Refused | Done | Pong | View, Field(discriminator="type")]
HOST: TypeAdapter[Lobby | Welcome | Refused | Done | Pong | View] = TypeAdapter(HostMessage)


class ProtocolError(ValueError):
    """A message that is not one of ours; `reason` says which kind of refusal it earns."""

    def __init__(self, reason: Refusal, text: str) -> None:
        super().__init__(text)
        self.reason = reason


def _decode(raw: str | bytes, limit: int, adapter: TypeAdapter[_T]) -> _T:
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > limit:
        raise ProtocolError(Refusal.TOO_BIG, f"{size} bytes is more than the {limit} a message may have")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise ProtocolError(Refusal.MALFORMED, "not JSON text") from None
    if not isinstance(data, dict):
        raise ProtocolError(Refusal.MALFORMED, "a message must be a JSON object")
    version = data.get("version")
    if version != PROTOCOL_VERSION:
        raise ProtocolError(
            Refusal.VERSION,
            f"the other computer runs another version of Plenipo (network protocol {version!r}; this one speaks "
            f"{PROTOCOL_VERSION}): install the same Plenipo on the teacher's computer and every team's",
        )
    try:
        return adapter.validate_json(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "message"
        raise ProtocolError(Refusal.MALFORMED, f"{where}: {first['msg']}") from None


def parse_client(raw: str | bytes) -> Hello | Claim | Act | Ping | Leave:
    """A team computer's message, validated; ProtocolError otherwise."""
    return _decode(raw, MAX_CLIENT_BYTES, CLIENT)


def parse_host(raw: str | bytes) -> Lobby | Welcome | Refused | Done | Pong | View:
    """The host's message, validated the same way on the team's side."""
    return _decode(raw, MAX_HOST_BYTES, HOST)


def encode(msg: BaseModel) -> str:
    return msg.model_dump_json()
