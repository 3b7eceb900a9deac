"""The scenario format as pydantic models.

One model per kind of thing a designer writes. Every field carries a
description, so ``plenipo schema`` and the authoring guide document
themselves. Models are frozen: a loaded scenario never changes; the engine
keeps everything that moves in its own state.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, TypeAdapter

FORMAT_VERSION = 1

# Sizes beyond any classroom conference: a file above them is refused with a message rather than
# left to exhaust memory or time (the trust matrix and the AI's package tables grow with them).
MAX_DELEGATIONS = 40
MAX_ISSUES = 40
MAX_OPTIONS = 32
MAX_INSTRUMENTS = 40
MAX_EVENTS = 1000
MAX_OUTCOMES = 100
MAX_AIMS = 30
MAX_SITTINGS = 366

Id = Annotated[
    str,
    Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64, description="A lower-case identifier: letters, digits, _"),
]
Score = Annotated[float, Field(ge=0, le=100)]

#: A player-facing text: either plain English, or a table of language code to text.
Text = str | dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], str]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConcessionStyle(StrEnum):
    """How fast an AI delegation gives ground as the calendar runs out."""

    TOUGH = "tough"
    LINEAR = "linear"
    FLEXIBLE = "flexible"


class Emblem(StrEnum):
    """Shapes the UI can draw as a delegation's emblem (no downloaded flags).

    With a delegation's `flag` colours, the tricolours, `union`, `tricolour_arms`, `disc`
    and `field` draw its flag in simplified form; without them, the seat colours."""

    CROSS = "cross"
    SALTIRE = "saltire"
    TRICOLOUR_VERTICAL = "tricolour_vertical"
    TRICOLOUR_HORIZONTAL = "tricolour_horizontal"
    TRICOLOUR_ARMS = "tricolour_arms"  # a vertical tricolour with a shield (cross on it) in the middle band: Savoy Italy
    UNION = "union"  # the Union flag, simplified: field, saltire and cross (colours: field, white, red)
    FIELD = "field"  # one colour, nothing on it
    STAR = "star"
    SUN = "sun"
    DISC = "disc"
    PLAIN = "plain"


# --- conditions -----------------------------------------------------------------


class RelationTest(_Model):
    of: Id = Field(description="Delegation whose trust is tested")
    toward: Id = Field(description="Delegation it trusts (or not)")
    above: float | None = Field(None, description="True when trust is strictly above this (0-100)")
    below: float | None = Field(None, description="True when trust is strictly below this (0-100)")


class PressureTest(_Model):
    of: Id = Field(description="Delegation whose pressure from home is tested")
    above: float | None = Field(None, description="True when pressure is strictly above this (0-1)")
    below: float | None = Field(None, description="True when pressure is strictly below this (0-1)")


class ProposedTest(_Model):
    instrument: Id = Field(description="Instrument id")
    by: Id | None = Field(None, description="Only proposals from this delegation count")
    private: bool | None = Field(None, description="true: only private talks count; false: only plenary")
    excluding: Id | None = Field(None, description="Only proposals this delegation was not shown count")


class AudienceAnswer(StrEnum):
    """How a request for an audience (private talks) ended."""

    REFUSED = "refused"  # refused, or put off: not answered by the end of the next sitting
    GRANTED = "granted"


class AudienceTest(_Model):
    of: Id = Field(description="The delegation that asked for an audience")
    by: Id | None = Field(None, description="Only requests to this delegation count (default: to anyone)")
    answer: AudienceAnswer = Field(AudienceAnswer.REFUSED, description="`refused` (also put off unanswered) or `granted`")


class SettledTest(_Model):
    issue: Id = Field(description="Issue id")
    among: list[Id] = Field(min_length=1, description="Option ids that make the test true")


class PositionTest(_Model):
    issue: Id = Field(description="Issue id")
    among: list[Id] = Field(min_length=1, description="Option ids that make the test true")
    of: Id = Field(description="Whose public position is tested")


class _Test(_Model):
    """A condition table holds exactly one key, its test; each test is one model, so every consumer
    dispatches with `match` over `Condition` and the type checker sees a missing case."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class WhenAll(_Test):
    all: list[Condition] = Field(description="True when every listed condition is true")


class WhenAny(_Test):
    any: list[Condition] = Field(description="True when at least one listed condition is true")


class WhenNot(_Test):
    not_: Condition = Field(alias="not", description="True when the listed condition is false")


class WhenAlways(_Test):
    always: bool = Field(description="`true` always holds, `false` never does")


class WhenOnOrAfter(_Test):
    on_or_after: dt.date = Field(description="True from this date on")


class WhenBefore(_Test):
    before: dt.date = Field(description="True before this date")


class WhenTurnAtLeast(_Test):
    turn_at_least: int = Field(ge=1, description="True from this turn (1 = first sitting) on")


class WhenSigned(_Test):
    signed: Id = Field(description="True once this instrument is signed")


class WhenFired(_Test):
    fired: Id = Field(description="True once this event has fired")


class WhenWalkedOut(_Test):
    walked_out: Id = Field(description="True once this delegation has walked out")


class WhenProposed(_Test):
    proposed: ProposedTest = Field(description="True once such a proposal has been made")


class WhenAudience(_Test):
    audience: AudienceTest = Field(description="True once such a request for an audience has been refused (or granted)")


class WhenRelation(_Test):
    relation: RelationTest = Field(description="Trust between two delegations")


class WhenPressure(_Test):
    pressure: PressureTest = Field(description="Pressure from home on a delegation")


class WhenSettled(_Test):
    settled: SettledTest = Field(description="An issue settled by a signed instrument, on one of these options")


class WhenPosition(_Test):
    position: PositionTest = Field(description="A delegation's public position on an issue")


#: Each test's key as written in a file -> its model, in the order the guide lists them.
TESTS: dict[str, type[_Test]] = {
    next(iter(cls.model_fields.values())).alias or next(iter(cls.model_fields)): cls
    for cls in (
        WhenAll,
        WhenAny,
        WhenNot,
        WhenAlways,
        WhenOnOrAfter,
        WhenBefore,
        WhenTurnAtLeast,
        WhenSigned,
        WhenFired,
        WhenWalkedOut,
        WhenProposed,
        WhenAudience,
        WhenRelation,
        WhenPressure,
        WhenSettled,
        WhenPosition,
    )
}
_TEST_KEY = {cls: key for key, cls in TESTS.items()}

#: The error type of a table that holds no test or more than one (the loader words it with the keys it found).
CONDITION_ERROR = "condition_tests"
CONDITION_MESSAGE = "a condition needs exactly one test; tests are: " + ", ".join(sorted(TESTS))


def test_key(c: _Test) -> str:
    """The key a test is written under (`signed`, `not`, ...)."""
    return _TEST_KEY[type(c)]


def _condition_tag(value: Any) -> str | None:
    """Which test a condition table holds: its one key that names a test; None (an error) for none or several.
    Unknown keys beside the one test are left to the test's model, which names them."""
    if isinstance(value, _Test):
        return f"condition[{test_key(value)}]"
    if isinstance(value, dict):
        keys = [k for k in value if k in TESTS]
        if len(keys) == 1:
            return f"condition[{keys[0]}]"
    return None


#: Exactly one test; combine tests with `all`, `any` and `not`. Never code.
Condition = Annotated[
    Annotated[WhenAll, Tag("condition[all]")]
    | Annotated[WhenAny, Tag("condition[any]")]
    | Annotated[WhenNot, Tag("condition[not]")]
    | Annotated[WhenAlways, Tag("condition[always]")]
    | Annotated[WhenOnOrAfter, Tag("condition[on_or_after]")]
    | Annotated[WhenBefore, Tag("condition[before]")]
    | Annotated[WhenTurnAtLeast, Tag("condition[turn_at_least]")]
    | Annotated[WhenSigned, Tag("condition[signed]")]
    | Annotated[WhenFired, Tag("condition[fired]")]
    | Annotated[WhenWalkedOut, Tag("condition[walked_out]")]
    | Annotated[WhenProposed, Tag("condition[proposed]")]
    | Annotated[WhenAudience, Tag("condition[audience]")]
    | Annotated[WhenRelation, Tag("condition[relation]")]
    | Annotated[WhenPressure, Tag("condition[pressure]")]
    | Annotated[WhenSettled, Tag("condition[settled]")]
    | Annotated[WhenPosition, Tag("condition[position]")],
    Discriminator(_condition_tag, custom_error_type=CONDITION_ERROR, custom_error_message=CONDITION_MESSAGE),
]

for _recursive in (WhenAll, WhenAny, WhenNot):
    _recursive.model_rebuild()

_CONDITION: TypeAdapter[Condition] = TypeAdapter(Condition)


def condition(data: Any) -> Condition:
    """A condition from its table (`{"signed": "treaty"}`), as the loader reads it; raises pydantic's ValidationError."""
    return _CONDITION.validate_python(data)


# --- effects --------------------------------------------------------------------


class EffectKind(StrEnum):
    """What an effect changes: the `kind` key that picks the effect's model."""

    PRESSURE = "pressure"
    RELATION = "relation"
    RESERVATION = "reservation"
    VALUE = "value"
    WEIGHT = "weight"
    POSITION = "position"
    COST = "cost"
    BAN_TALKS = "ban_talks"
    ALLOW_TALKS = "allow_talks"
    EXCLUDE = "exclude"
    READMIT = "readmit"
    LEAK = "leak"


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Delta = Annotated[float, Field(ge=-1000, le=1000, description="Amount added (trust and values on 0-100, pressure on 0-1)")]
#: One delegation id or a list of them, always read as a list.
Toward = Annotated[list[Id], BeforeValidator(_one_or_many, json_schema_input_type=list[Id] | Id)]


class _Effect(_Model):
    """What an event or a signed instrument changes; `kind` says what, and which keys it takes."""


class PressureEffect(_Effect):
    kind: Literal[EffectKind.PRESSURE] = Field(description="Pressure from home on a delegation")
    delegation: Id = Field(description="The delegation affected")
    delta: Delta


class RelationEffect(_Effect):
    kind: Literal[EffectKind.RELATION] = Field(description="A delegation's trust toward others")
    delegation: Id = Field(description="The delegation affected")
    toward: Toward = Field(description="The other delegation(s)")
    delta: Delta
    mutual: bool = Field(False, description="Change trust both ways")


class ReservationEffect(_Effect):
    kind: Literal[EffectKind.RESERVATION] = Field(description="What no agreement is worth to a delegation (on one `issue`, or on every issue)")
    delegation: Id = Field(description="The delegation affected")
    delta: Delta
    issue: Id | None = Field(None, description="Only this issue's no-deal value (default: every issue)")


class ValueEffect(_Effect):
    kind: Literal[EffectKind.VALUE] = Field(description="How much a delegation values one option")
    delegation: Id = Field(description="The delegation affected")
    issue: Id = Field(description="The issue")
    option: Id = Field(description="The option")
    delta: Delta


class WeightEffect(_Effect):
    kind: Literal[EffectKind.WEIGHT] = Field(description="How much an issue matters to a delegation")
    delegation: Id = Field(description="The delegation affected")
    issue: Id = Field(description="The issue")
    factor: float = Field(ge=0, le=100, description="Multiply the issue's weight by this")


class PositionEffect(_Effect):
    kind: Literal[EffectKind.POSITION] = Field(description="A delegation's public position on an issue")
    delegation: Id = Field(description="The delegation affected")
    issue: Id = Field(description="The issue")
    option: Id = Field(description="The option")


class CostEffect(_Effect):
    kind: Literal[EffectKind.COST] = Field(description="What signing an instrument costs a party")
    delegation: Id = Field(description="The delegation affected")
    instrument: Id = Field(description="The instrument")
    delta: Delta


class BanTalksEffect(_Effect):
    kind: Literal[EffectKind.BAN_TALKS] = Field(description="Forbid private talks between delegations")
    delegation: Id = Field(description="The delegation affected")
    toward: Toward = Field(description="The other delegation(s)")


class AllowTalksEffect(_Effect):
    kind: Literal[EffectKind.ALLOW_TALKS] = Field(description="Allow private talks again")
    delegation: Id = Field(description="The delegation affected")
    toward: Toward = Field(description="The other delegation(s)")


class ExcludeEffect(_Effect):
    kind: Literal[EffectKind.EXCLUDE] = Field(description="Shut a party out of an instrument")
    delegation: Id = Field(description="The delegation affected")
    instrument: Id = Field(description="The instrument")


class ReadmitEffect(_Effect):
    kind: Literal[EffectKind.READMIT] = Field(description="Let an excluded party back in")
    delegation: Id = Field(description="The delegation affected")
    instrument: Id = Field(description="The instrument")


class LeakEffect(_Effect):
    kind: Literal[EffectKind.LEAK] = Field(description="Make a secret instrument known to all")
    instrument: Id = Field(description="The instrument")


#: Each kind's model, in the order the guide lists them.
EFFECTS: dict[EffectKind, type[_Effect]] = {
    EffectKind.PRESSURE: PressureEffect,
    EffectKind.RELATION: RelationEffect,
    EffectKind.RESERVATION: ReservationEffect,
    EffectKind.VALUE: ValueEffect,
    EffectKind.WEIGHT: WeightEffect,
    EffectKind.POSITION: PositionEffect,
    EffectKind.COST: CostEffect,
    EffectKind.BAN_TALKS: BanTalksEffect,
    EffectKind.ALLOW_TALKS: AllowTalksEffect,
    EffectKind.EXCLUDE: ExcludeEffect,
    EffectKind.READMIT: ReadmitEffect,
    EffectKind.LEAK: LeakEffect,
}

#: The error type of an effect whose `kind` is missing or unknown (the loader places it on `kind`).
EFFECT_ERROR = "effect_kind"
EFFECT_MESSAGE = "Input should be " + ", ".join(repr(k.value) for k in list(EffectKind)[:-1]) + f" or {list(EffectKind)[-1].value!r}"


_KIND_OF = {cls: kind for kind, cls in EFFECTS.items()}

#: Effects that change what a delegation wants (its stances or costs): its old answers no longer bind it.
STANCE_EFFECTS = (ValueEffect, WeightEffect, ReservationEffect, CostEffect)
#: Effects that change what a delegation wants or can bear (also its pressure and public position).
TOUCHING_EFFECTS = (ValueEffect, WeightEffect, ReservationEffect, CostEffect, PressureEffect, PositionEffect)


def _effect_tag(value: Any) -> str | None:
    """Which model an effect table takes: its `kind`; None (an error) when missing or unknown."""
    kind = _KIND_OF.get(type(value)) if isinstance(value, _Effect) else value.get("kind") if isinstance(value, dict) else None
    return f"effect[{kind}]" if isinstance(kind, str) and kind in set(EffectKind) else None


#: One change; `kind` picks which, and so which keys the table takes.
Effect = Annotated[
    Annotated[PressureEffect, Tag("effect[pressure]")]
    | Annotated[RelationEffect, Tag("effect[relation]")]
    | Annotated[ReservationEffect, Tag("effect[reservation]")]
    | Annotated[ValueEffect, Tag("effect[value]")]
    | Annotated[WeightEffect, Tag("effect[weight]")]
    | Annotated[PositionEffect, Tag("effect[position]")]
    | Annotated[CostEffect, Tag("effect[cost]")]
    | Annotated[BanTalksEffect, Tag("effect[ban_talks]")]
    | Annotated[AllowTalksEffect, Tag("effect[allow_talks]")]
    | Annotated[ExcludeEffect, Tag("effect[exclude]")]
    | Annotated[ReadmitEffect, Tag("effect[readmit]")]
    | Annotated[LeakEffect, Tag("effect[leak]")],
    Discriminator(_effect_tag, custom_error_type=EFFECT_ERROR, custom_error_message=EFFECT_MESSAGE),
]


# --- the parts of a scenario ------------------------------------------------------


class Source(_Model):
    short: str = Field(description="Short citation, e.g. 'Fink, The Genoa Conference (1984)'")
    note: Text = Field("", description="What the scenario takes from it (a plain string or one text per language)")


class Meta(_Model):
    title: Text = Field(description="The conference's name")
    subtitle: Text = Field("", description="One line under the title")
    place: Text = Field("", description="Where it met")
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = Field(
        ["en"], min_length=1, description="Languages the texts are written in; the first is the fallback"
    )
    setting: Text = Field("", description="The historical setting, shown on the introduction screen")
    history: Text = Field("", description="What really happened, shown beside the game's outcome")
    sources: list[Source] = Field([], description="Works the scenario rests on")
    authors: list[str] = Field([], description="Who wrote the scenario")
    debrief_questions: list[Text] = Field([], description="Questions for the class after the game")


class GameLength(_Model):
    id: Id = Field(description="Length id, e.g. short or full")
    title: Text = Field(description="Name shown on the setup screen")
    sittings: list[dt.date] = Field(min_length=1, max_length=MAX_SITTINGS, description="The dated sittings of this length, in order")
    minutes: int = Field(45, ge=5, le=600, description="Rough lesson time for two teams")


class Calendar(_Model):
    sittings: list[dt.date] = Field(
        min_length=1, max_length=MAX_SITTINGS, description="Dated sittings of the full conference, in order; one turn each"
    )
    lengths: list[GameLength] = Field([], description="Shorter (or other) game lengths; the full calendar is always offered as 'full'")
    minutes: int = Field(90, ge=5, le=600, description="Rough lesson time of the full calendar for two teams")

    def length_ids(self) -> tuple[str, ...]:
        """Every game length on offer: `full` (the whole calendar) first, then `lengths` in order.
        The one list every check of a length id (new game, command line, saves) asks."""
        return ("full", *(x.id for x in self.lengths))

    def sittings_of(self, length_id: str) -> list[dt.date] | None:
        """The dated sittings of one game length, or None when the calendar does not offer it."""
        if length_id == "full":
            return list(self.sittings)
        return next((list(x.sittings) for x in self.lengths if x.id == length_id), None)


class Option(_Model):
    id: Id = Field(description="Option id, unique within the issue")
    label: Text = Field(description="Short label")
    description: Text = Field("", description="What agreeing to this option means")
    quantity: float | None = Field(None, description="A figure, if the option has one")
    unit: Text = Field("", description="Unit of the quantity, e.g. 'bn gold roubles' (translatable)")
    uncertain: bool = Field(False, description="Mark figures that are disputed; the UI flags them")
    short: Text = Field(
        "",
        description="A shorter label for tight rows on screen (the proposal form's option grid); "
        "give one when `label` is longer than the row allows (the validator says when)",
    )


class Issue(_Model):
    id: Id = Field(description="Issue id")
    title: Text = Field(description="Name of the question")
    description: Text = Field("", description="What is at stake")
    options: list[Option] = Field(min_length=2, max_length=MAX_OPTIONS, description="Ordered options, from one side's wish to the other's")


class Stance(_Model):
    values: dict[Id, Score] = Field(description="How much the delegation values each option (option id -> 0-100)")
    weight: float = Field(1.0, ge=0, le=100, description="How much the issue matters to the delegation")
    position: Id | None = Field(None, description="Public position at the start (option id); default: its best option")
    no_deal: Score | None = Field(None, description="Value of leaving the issue unsettled; default: the delegation's reservation")
    jitter: float = Field(
        0.0,
        ge=0,
        le=50,
        description="Variety: each game shifts every option's value and `no_deal` by a seeded draw in ±jitter (kept within 0-100)",
    )


class Aim(_Model):
    id: Id = Field(description="Aim id")
    text: Text = Field(description="The aim in words, as the team reads it")
    weight: float = Field(1.0, ge=0, le=100, description="How much it counts in the score")
    when: Condition = Field(description="The aim is met when this holds at the end")


class Briefing(_Model):
    aims: Text = Field("", description="What the delegation wants")
    red_lines: Text = Field("", description="What it must never accept")
    secret: Text = Field("", description="Secret instructions")
    fears: Text = Field("", description="What it fears")


HexColour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]


class Delegation(_Model):
    id: Id = Field(description="Delegation id")
    name: Text = Field(description="Name, e.g. 'Germany'")
    adjective: Text = Field("", description="Used in 'the German delegation'")
    leaders: list[str] = Field([], description="Head first, then members")
    colour: str = Field("#888888", pattern=r"^#[0-9a-fA-F]{6}$", description="Seat colour")
    colour2: str = Field("#ffffff", pattern=r"^#[0-9a-fA-F]{6}$", description="Second emblem colour")
    emblem: Emblem = Field(Emblem.PLAIN, description="Emblem shape drawn on the seat")
    flag: list[HexColour] = Field(
        [],
        max_length=4,
        description="The flag's colours at the time (#rrggbb, in the order the emblem "
        "shape uses them); when given, the emblem draws the flag in simplified form instead of the seat colours",
    )
    essential: bool = Field(False, description="A walkout by this delegation ends the conference")
    observer: bool = Field(False, description="Observers take part only in news and events; they never act")
    mediator: bool = Field(
        False,
        description="May propose packages for instruments it is not party to (the parties alone answer and sign); "
        "for a go-between such as a host or a neutral power",
    )
    public_demands: Text = Field("", description="What it says in public")
    briefing: Briefing = Field(Briefing(), description="What only its own team reads")
    style: ConcessionStyle = Field(ConcessionStyle.LINEAR, description="Concession style of the AI")
    reservation: Score = Field(40, description="What no agreement is worth to it (0-100)")
    pressure: float = Field(0.0, ge=0, le=1, description="Pressure from home at the start (0-1)")
    pressure_growth: float = Field(0.02, ge=0, le=0.5, description="Pressure added after every sitting, as time runs out")
    walkout_pressure: float | None = Field(None, ge=0, le=1, description="The AI may walk out when pressure reaches this and no deal looks possible")
    relations: dict[Id, Score] = Field({}, description="Trust toward other delegations (0-100); default 50")
    relations_jitter: float = Field(
        0.0, ge=0, le=50, description="Variety: each game shifts its trust toward every other delegation by a seeded draw in ±this"
    )
    consulted_trust: float = Field(
        3.0,
        ge=0,
        le=50,
        description="Trust it gains toward a delegation that includes it in private talks on an instrument it is not a "
        "party to, when it has a stake in that instrument's issues and the package is no worse for it than leaving them open; halved "
        "each further time the same delegation consults it",
    )
    stances: dict[Id, Stance] = Field({}, description="Issue id -> stance")
    aims: list[Aim] = Field([], max_length=MAX_AIMS, description="Scored aims")


class Instrument(_Model):
    id: Id = Field(description="Instrument id")
    title: Text = Field(description="Its name")
    description: Text = Field("", description="What signing it means")
    terms: list[Text] = Field([], description="Its fixed clauses in words (beyond the issues it settles)")
    parties: list[Id] = Field(min_length=1, description="Delegations that must all accept")
    scope: list[Id] = Field(min_length=1, description="Issues it settles")
    ends_conference: bool = Field(False, description="Signing it ends the conference")
    secret: bool = Field(False, description="Known to its parties only until leaked or the end")
    costs: dict[Id, float] = Field({}, description="Political cost of signing, per party (utility points)")
    effects: list[Effect] = Field([], description="What signing it changes")
    historical: dict[Id, Id] = Field(
        {}, description="Issue id -> option id: the package signed in history; the debrief and the record set a signed package beside it"
    )
    overlaps: list[Id] = Field(
        [],
        description="Instruments this one deliberately shares scope issues with: whichever is signed first settles "
        "the shared issues, and the other can then only be signed on the same options (silences `instruments-overlap`)",
    )


class Event(_Model):
    id: Id = Field(description="Event id")
    title: Text = Field(description="Headline in the news column")
    text: Text = Field("", description="The news item")
    date: dt.date | None = Field(None, description="Fires at the first sitting on or after this date (if `when` holds too)")
    window: int = Field(
        0,
        ge=0,
        le=60,
        description="Variety: each game moves `date` by a seeded whole number of days in ±window (a `before` in `when` still bounds it)",
    )
    until: dt.date | None = Field(None, description="Last date it may fire: with `date`, the window of sittings it may fire in")
    when: Condition | None = Field(None, description="Fires at the first sitting where this holds")
    chance: float = Field(1.0, ge=0, le=1, description="Probability it fires when due (seeded); see `per_sitting`")
    per_sitting: bool | None = Field(
        None,
        description="true: `chance` is drawn at every sitting of its window (while `when` holds) until it fires; "
        "false: one draw, at the first sitting it is due, and no second chance. "
        "Unset: false for an event with only a `date`, true for one with `when` (the validator asks you to say so)",
    )
    repeat: bool = Field(False, description="May fire again at later sittings")
    optional: bool = Field(False, description="Only the teacher fires it, from the console")
    audience: list[Id] = Field([], description="If set, only these delegations see it until the end")
    effects: list[Effect] = Field([], description="What it changes")


class Outcome(_Model):
    id: Id = Field(description="Outcome id")
    title: Text = Field(description="Its name")
    when: Condition = Field(description="Checked in order at the end; the first that holds is the outcome")
    historical: bool = Field(False, description="This is what happened")
    debrief: Text = Field("", description="What to say to the class")


class Scenario(_Model):
    """A whole conference: the root of a scenario file."""

    id: Id = Field(description="Scenario id")
    format: int = Field(FORMAT_VERSION, description="Format version of the file")
    extends: str | None = Field(None, description="Path of a scenario this file varies, relative to this file")
    variant_note: Text = Field("", description="For a what-if variant: what it changes and what historians say")
    meta: Meta = Field(description="Title, setting, languages and sources")
    calendar: Calendar = Field(description="Dated sittings and game lengths")
    issues: list[Issue] = Field(min_length=1, max_length=MAX_ISSUES, description="The questions on the table")
    delegations: list[Delegation] = Field(min_length=2, max_length=MAX_DELEGATIONS, description="Who sits at the table")
    instruments: list[Instrument] = Field(min_length=1, max_length=MAX_INSTRUMENTS, description="Agreements that can be signed")
    events: list[Event] = Field([], max_length=MAX_EVENTS, description="Dated or conditional happenings")
    outcomes: list[Outcome] = Field(min_length=1, max_length=MAX_OUTCOMES, description="End states, checked in order")


def schema() -> dict[str, Any]:
    """JSON Schema of the format (for editors that check TOML against a schema)."""
    s = Scenario.model_json_schema(by_alias=True)
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "Plenipo scenario"
    return s
