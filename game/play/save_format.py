"""The save file, as pydantic models: what a save holds, and the checks a hand-edited one must pass.

A save is JSON written by `game.play.saves`; nothing in it is trusted. Every
field is declared here once, with its type and bounds, and validated as a whole;
a problem becomes one short sentence naming the field (`actions[3]: missing
'actor'`). Each kind of action has its own model whose fields are the action's
own, so decoding is one generic step (`to_action`) rather than a chain of
cases. The engine checks every decoded action again when the save is replayed.

Version 1 is the format of release 0.1; `game.play.saves.migrate` brings any
older version up to `SAVE_VERSION` before these models see it.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError
from pydantic_core import PydanticCustomError

from game.engine import actions as A

SAVE_FORMAT = "plenipo-save"
SAVE_VERSION = 1
MAX_SEED = 2**63 - 1
MAX_SAVE_ACTIONS = 20_000  # moves and undone moves together; a long Genoa game has a few thousand


def _whole(lo: int, hi: int) -> Any:
    """A whole number within [lo, hi] (not a bool, not 1.0)."""

    def check(value: Any) -> Any:
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            raise PydanticCustomError("whole_number", "must be a whole number from {lo} to {hi}", {"lo": lo, "hi": hi})
        return value

    return Annotated[int, BeforeValidator(check)]


def _number(lo: float, hi: float, what: str) -> Any:
    """A number (whole or not, not a bool) within [lo, hi]."""

    def check(value: Any) -> Any:
        if not isinstance(value, int | float) or isinstance(value, bool) or not lo <= value <= hi:
            raise PydanticCustomError("number", "must be a number of {what} from {lo} to {hi}", {"what": what, "lo": lo, "hi": hi})
        return float(value)

    return Annotated[float, BeforeValidator(check)]


def _any_number(value: Any) -> Any:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise PydanticCustomError("number", "must be a number")
    return float(value)


Number = Annotated[float, BeforeValidator(_any_number)]
Moves = _whole(0, MAX_SAVE_ACTIONS)
Minutes = _number(0, 600, "minutes")


class _Record(BaseModel):
    """Unknown keys are ignored (a later release may add some); known ones must have the right type."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# --- actions -----------------------------------------------------------------------------------


class ReasonsModel(_Record):
    """Why the AI made a move (absent for a team's moves)."""

    value: Number
    aspiration: Number
    alternative: Number
    deciding: tuple[StrictStr, ...] = ()
    note: StrictStr = ""
    wanted: tuple[StrictStr, ...] | None = None  # written only by AIs that say what they held out for
    chance: Number | None = None  # a proposal's estimated chance that all addressees accept (0-1)
    stated: tuple[StrictStr, ...] | None = None  # a refusal: its public option on the deciding issue, when the offer met it
    cost: Number | None = None  # a refusal: the political cost of signing, when that alone tipped it below no agreement
    positions_met: StrictBool = False  # a refusal of a package meeting every public position the refuser states there

    def to_reasons(self) -> A.Reasons:
        known = {f.name for f in dataclasses.fields(A.Reasons)}
        return A.Reasons(**{k: v for k, v in self.model_dump().items() if k in known and v is not None})


class _Action(_Record):
    """One saved action; subclasses name the engine action they stand for (same field names)."""

    action: ClassVar[type]

    def to_action(self) -> A.Action:
        values = {name: getattr(self, name) for name in type(self).model_fields if name != "type"}
        if isinstance(values.get("reasons"), ReasonsModel):
            values["reasons"] = values["reasons"].to_reasons()
        return self.action(**values)  # type: ignore[no-any-return]


class ProposeModel(_Action):
    action: ClassVar[type] = A.Propose
    type: Literal["Propose"]
    actor: StrictStr
    instrument: StrictStr
    package: tuple[tuple[StrictStr, StrictStr], ...]
    to: tuple[StrictStr, ...] = ()
    counter_to: StrictInt | None = None
    reasons: ReasonsModel | None = None
    rationale: StrictStr = ""


class RespondModel(_Action):
    action: ClassVar[type] = A.Respond
    type: Literal["Respond"]
    actor: StrictStr
    proposal: StrictInt
    answer: A.Answer
    reasons: ReasonsModel | None = None
    rationale: StrictStr = ""
    want: tuple[StrictStr, StrictStr] | None = None  # a later field: an older Plenipo ignores it and replays the refusal without it


class ShiftModel(_Action):
    action: ClassVar[type] = A.Shift
    type: Literal["Shift"]
    actor: StrictStr
    issue: StrictStr
    option: StrictStr
    reasons: ReasonsModel | None = None
    rationale: StrictStr = ""


class StatementModel(_Action):
    action: ClassVar[type] = A.Statement
    type: Literal["Statement"]
    actor: StrictStr
    text: StrictStr = ""
    kind: A.StatementKind = A.StatementKind.FREE
    issue: StrictStr | None = None
    rationale: StrictStr = ""


class WalkoutModel(_Action):
    action: ClassVar[type] = A.Walkout
    type: Literal["Walkout"]
    actor: StrictStr
    reasons: ReasonsModel | None = None
    rationale: StrictStr = ""


class PassModel(_Action):
    action: ClassVar[type] = A.Pass
    type: Literal["Pass"]
    actor: StrictStr
    rationale: StrictStr = ""


class RequestAudienceModel(_Action):
    action: ClassVar[type] = A.RequestAudience
    type: Literal["RequestAudience"]
    actor: StrictStr
    host: StrictStr
    rationale: StrictStr = ""


class AnswerAudienceModel(_Action):
    action: ClassVar[type] = A.AnswerAudience
    type: Literal["AnswerAudience"]
    actor: StrictStr
    audience: StrictInt
    grant: StrictBool
    reasons: ReasonsModel | None = None
    rationale: StrictStr = ""


class FireEventModel(_Action):
    action: ClassVar[type] = A.FireEvent
    type: Literal["FireEvent"]
    event: StrictStr


class NewsModel(_Action):
    action: ClassVar[type] = A.News
    type: Literal["News"]
    title: StrictStr
    text: StrictStr = ""


class MoveEndModel(_Action):
    action: ClassVar[type] = A.MoveEnd
    type: Literal["MoveEnd"]
    delta: StrictInt


class EndNowModel(_Action):
    action: ClassVar[type] = A.EndNow
    type: Literal["EndNow"]
    reason: StrictStr = ""


class SetControlModel(_Action):
    action: ClassVar[type] = A.SetControl
    type: Literal["SetControl"]
    delegation: StrictStr
    human: StrictBool


ActionModel = Annotated[
    ProposeModel
    | RespondModel
    | ShiftModel
    | StatementModel
    | WalkoutModel
    | PassModel
    | RequestAudienceModel
    | AnswerAudienceModel
    | FireEventModel
    | NewsModel
    | MoveEndModel
    | EndNowModel
    | SetControlModel,
    Field(discriminator="type"),
]
MODEL_OF: dict[type, type[_Action]] = {
    m.action: m
    for m in (
        ProposeModel,
        RespondModel,
        ShiftModel,
        StatementModel,
        WalkoutModel,
        PassModel,
        RequestAudienceModel,
        AnswerAudienceModel,
        FireEventModel,
        NewsModel,
        MoveEndModel,
        EndNowModel,
        SetControlModel,
    )
}


# --- the rest of a save --------------------------------------------------------------------------


class ScenarioRef(_Record):
    """Which scenario the game was played with: its id, its path (relative to the save, or `scenarios/...`), its digest."""

    id: StrictStr | None = None
    path: StrictStr | None = None
    digest: StrictStr | None = None


class SetupModel(_Record):
    lang: StrictStr = "en"
    humans: tuple[StrictStr, ...] = ()
    length: StrictStr = "full"
    seed: _whole(0, MAX_SEED)  # type: ignore[valid-type]
    aim_weights: dict[StrictStr, dict[StrictStr, Number]] = {}
    teacher_pin: StrictStr = ""
    turn_minutes: Minutes = 0.0  # type: ignore[valid-type]
    auto_pass: StrictBool = False


class UndoneModel(_Record):
    sitting: Moves = 0  # type: ignore[valid-type]
    actions: tuple[ActionModel, ...]


class JournalModel(_Record):
    kind: StrictStr
    at: Moves  # type: ignore[valid-type]
    sitting: Moves  # type: ignore[valid-type]
    date: StrictStr
    minutes: Minutes = 0.0  # type: ignore[valid-type]
    auto_pass: StrictBool = False
    delegation: StrictStr = ""


class SaveModel(_Record):
    """A whole save of the current version."""

    format: Literal["plenipo-save"]
    version: StrictInt
    saved: StrictStr = ""
    scenario: ScenarioRef
    setup: SetupModel
    actions: tuple[ActionModel, ...]
    undone: tuple[UndoneModel, ...] = ()
    journal: tuple[JournalModel, ...] = ()
    turn: StrictInt = 0  # informative only: the replay decides
    ended: StrictBool = False


# --- one sentence per problem ----------------------------------------------------------------------

_PLAIN = {
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "tuple_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "too_long": "has too many items",
    "too_short": "has too few items",
}


_TAGS = frozenset(m.__name__ for m in MODEL_OF)  # the discriminated union's branch names, left out of locations


def where(loc: tuple[str | int, ...], prefix: str = "") -> str:
    """`('actions', 3, 'Propose', 'package', 0)` -> `actions[3].package[0]`."""
    out = prefix
    for k, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _TAGS and (k == 0 or isinstance(loc[k - 1], int)):
            continue
        else:
            out += f".{part}" if out else part
    return out or "save"


def problem(err: ValidationError, prefix: str = "") -> str:
    """The first problem of a failed validation, as `field: what is wrong`."""
    e = err.errors()[0]
    loc = tuple(e["loc"])
    kind = e["type"]
    if kind == "missing":
        return f"{where(loc[:-1], prefix)}: missing {loc[-1]!r}"
    if kind == "union_tag_invalid":
        return f"{where(loc, prefix)}: unknown action type {e['ctx']['tag']!r}"
    if kind == "union_tag_not_found":
        return f"{where(loc, prefix)}: missing 'type'"
    if kind == "enum":
        return f"{where(loc, prefix)}: must be one of {e['ctx']['expected']}"
    return f"{where(loc, prefix)}: {_PLAIN.get(kind, e['msg'])}"
