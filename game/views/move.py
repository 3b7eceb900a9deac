"""The choices behind a team's move forms, and the engine action they build. No pygame here.

A draft holds what the team has picked so far and turns it into an engine
action on demand; `problem()` asks the engine's own `check`, so the form can
say *why* a move is refused before the team presses the button, in the very
words the rules use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from game.engine import actions as A
from game.engine.narrate import option_label
from game.engine.refusals import Code, Refusal
from game.engine.rules import check
from game.engine.signing import SigningValue, signing_value
from game.engine.state import GameState
from game.i18n import Translator
from game.scenario.texts import tr
from game.views.codes import short_codes


@dataclass(frozen=True)
class OptionCell:
    """One option of an issue as the form shows it: its words, the team's own value, who states it."""

    label: str
    value: float | None  # the team's value (0-100), None when it has no stake in the issue
    stated_by: tuple[str, ...]  # short codes of other delegations whose public position this is
    allowed: bool  # False when another option is already settled by a signed instrument
    description: str = ""  # what agreeing to it means (shown in full on hover and focus)


def option_cells(s: GameState, actor: int, issue: int, lang: str) -> list[OptionCell]:
    cs = s.cs
    codes = short_codes(cs.scenario.delegations, lang)
    stake = float(s.stances.weights[actor, issue]) > 0
    off = cs.option_offset[issue]
    out = []
    for o, opt in enumerate(cs.issue(issue).options):
        stated = tuple(codes[cs.delegation_ids[k]] for k in range(cs.n_delegations) if k != actor and s.position(k, issue) == o)
        value = float(s.stances.values[actor, off + o]) if stake else None
        allowed = s.settled[issue] < 0 or s.settled[issue] == o
        words = Translator(lang)
        label, description = option_label(opt, lang, words.t, words.number), tr(opt.description, lang)
        if opt.short:  # the row shows the short label; hover and focus show the full one (with its figure)
            label, description = tr(opt.short, lang), f"{label}. {description}" if description else label
        out.append(OptionCell(label, value, stated, allowed, description))
    return out


def _start_option(s: GameState, actor: int, issue: int) -> int:
    if s.settled[issue] >= 0:
        return s.settled[issue]
    pos = s.position(actor, issue)
    if pos >= 0:
        return pos
    off = s.cs.option_offset[issue]
    values = [float(s.stances.values[actor, off + o]) for o in range(s.cs.n_options[issue])]
    return max(range(len(values)), key=values.__getitem__)


@dataclass
class ProposalDraft:
    """A proposal being written: instrument, one option per issue in scope, addressees, a rationale.

    `counter_to` makes it a counter-proposal, prefilled from the proposal it answers."""

    state: GameState
    actor: str
    counter_to: int | None = None
    instruments: list[int] = field(default_factory=list)
    instrument_pos: int = 0
    choice: dict[int, int] = field(default_factory=dict)
    private: bool = False
    invited: set[int] = field(default_factory=set)
    rationale: str = ""

    def __post_init__(self) -> None:
        s, cs = self.state, self.state.cs
        d = cs.d_index[self.actor]
        mine = [k for k in range(len(cs.instrument_ids)) if d in cs.parties[k] or cs.delegation(d).mediator]
        open_ = [k for k in mine if not s.is_signed(k)]
        self.instruments = open_ or mine
        if self.counter_to is not None:
            p = s.proposals[self.counter_to - 1]
            if p.instrument in self.instruments:
                self.instrument_pos = self.instruments.index(p.instrument)
            for i, o in zip(cs.scope[p.instrument], p.package, strict=True):
                self.choice[i] = o
            if p.to is not None:
                self.private = True
                self.invited = set(p.to | {p.proposer}) - {d}
        self._fill()

    @property
    def d(self) -> int:
        return self.state.cs.d_index[self.actor]

    @property
    def instrument(self) -> int | None:
        return self.instruments[self.instrument_pos] if self.instruments else None

    # --- what the form shows (a networked team's draft, game/net/seat.py, answers the same questions) ---
    def closed(self, tr_: Translator) -> str:
        """Why nothing is left to propose, in words; "" while an agreement is open to this delegation."""
        if self.instruments and not all(self.state.is_signed(k) for k in self.instruments):
            return ""
        return closed_reason(self.state, self.actor, tr_)

    def instrument_names(self, lang: str) -> list[str]:
        cs = self.state.cs
        return [tr(cs.instrument(k).title, lang) for k in self.instruments]

    def issue_id(self, issue: int) -> str:
        return self.state.cs.issue_ids[issue]

    def issue_title(self, issue: int, lang: str) -> str:
        return tr(self.state.cs.issue(issue).title, lang)

    def cells(self, issue: int, lang: str) -> list[OptionCell]:
        return option_cells(self.state, self.d, issue, lang)

    def candidate_id(self, k: int) -> str:
        return self.state.cs.delegation_ids[k]

    def candidate_name(self, k: int, lang: str) -> str:
        return tr(self.state.cs.delegation(k).name, lang)

    def _fill(self) -> None:
        k = self.instrument
        if k is None:
            return
        for i in self.state.cs.scope[k]:
            self.choice.setdefault(i, _start_option(self.state, self.d, i))
        if self.private and not self.invited:
            self.invited = set(self.state.active_parties(k)) - {self.d}

    def set_instrument(self, pos: int) -> None:
        if 0 <= pos < len(self.instruments):
            self.instrument_pos = pos
            self._fill()

    def scope(self) -> tuple[int, ...]:
        k = self.instrument
        return self.state.cs.scope[k] if k is not None else ()

    def set_option(self, issue: int, option: int) -> None:
        if issue in self.scope() and 0 <= option < self.state.cs.n_options[issue]:
            self.choice[issue] = option

    def own_latest(self) -> int | None:
        """The number of this delegation's latest proposal on the chosen agreement (None: it has made none).

        After a refusal that says what would change it, a team revises its offer on one or two issues: the
        form can start from that offer instead of from the team's public positions."""
        k = self.instrument
        return next((p.id for p in reversed(self.state.proposals) if p.proposer == self.d and p.instrument == k), None)

    def start_from_own(self) -> None:
        """Fill the form from `own_latest`: its options (but what an agreement signed since has settled stays
        settled), and its addressing (plenary or the same private talks)."""
        pid = self.own_latest()
        if pid is None:
            return
        p = self.state.proposals[pid - 1]
        settled = self.state.settled
        for i, o in zip(self.state.cs.scope[p.instrument], p.package, strict=True):
            self.choice[i] = o if settled[i] < 0 else int(settled[i])  # an agreement signed since has settled it
        self.private = p.to is not None
        self.invited = set(p.to or ()) - {self.d}

    def set_private(self, private: bool) -> None:
        self.private = private
        k = self.instrument
        if private and not self.invited and k is not None:
            self.invited = set(self.state.active_parties(k)) - {self.d}

    def toggle_invited(self, d: int, on: bool) -> None:
        if on:
            self.invited.add(d)
        else:
            self.invited.discard(d)

    def candidates(self) -> list[int]:
        """Delegations that could be invited to private talks: every other acting one still at the table."""
        s = self.state
        return [k for k in s.cs.actors if k != self.d and k not in s.walked_out]

    def signing_value(self) -> SigningValue | None:
        """The package as the AI would weigh it for this team: the world after signing less the
        political cost, against no agreement (one utility for teams and AI)."""
        k = self.instrument
        if k is None:
            return None
        return signing_value(self.state, self.d, k, tuple(self.choice[i] for i in self.scope()))

    def action(self) -> A.Propose | None:
        k = self.instrument
        if k is None:
            return None
        cs = self.state.cs
        package = tuple((cs.issue_ids[i], cs.option_ids[i][self.choice[i]]) for i in self.scope())
        to = tuple(cs.delegation_ids[x] for x in sorted(self.invited)) if self.private else ()
        return A.Propose(self.actor, cs.instrument_ids[k], package, to, self.counter_to, rationale=self.rationale.strip())

    def problem(self) -> Refusal | None:
        action = self.action()
        if action is None:
            return Refusal.of(Code.NO_INSTRUMENT)
        if self.private and not self.invited:
            return Refusal.of(Code.NO_INVITEES)
        return check(self.state, action)


@dataclass
class ShiftDraft:
    """A change of public position: which issue, which option."""

    state: GameState
    actor: str
    issues: list[int] = field(default_factory=list)
    issue_pos: int = 0
    option: int = 0
    rationale: str = ""

    def __post_init__(self) -> None:
        d = self.state.cs.d_index[self.actor]
        self.issues = [i for i in range(self.state.cs.n_issues) if self.state.position(d, i) >= 0]
        self.set_issue(0)

    @property
    def issue(self) -> int | None:
        return self.issues[self.issue_pos] if self.issues else None

    def issue_titles(self, lang: str) -> list[str]:
        return [tr(self.state.cs.issue(i).title, lang) for i in self.issues]

    def cells(self, lang: str) -> list[OptionCell]:
        """The chosen issue's options as the form shows them."""
        i = self.issue
        return [] if i is None else option_cells(self.state, self.state.cs.d_index[self.actor], i, lang)

    @property
    def unchanged(self) -> bool:
        """The chosen option is the delegation's present position (nothing to state yet)."""
        i = self.issue
        return i is not None and self.option == self.state.position(self.state.cs.d_index[self.actor], i)

    def set_issue(self, pos: int) -> None:
        if 0 <= pos < len(self.issues):
            self.issue_pos = pos
            self.option = self.state.position(self.state.cs.d_index[self.actor], self.issues[pos])

    def action(self) -> A.Shift | None:
        i = self.issue
        if i is None:
            return None
        cs = self.state.cs
        return A.Shift(self.actor, cs.issue_ids[i], cs.option_ids[i][self.option], rationale=self.rationale.strip())

    def problem(self) -> Refusal | None:
        action = self.action()
        return Refusal.of(Code.NO_POSITION_TO_CHANGE) if action is None else check(self.state, action)


def closed_reason(s: GameState, actor: str, tr_: Translator) -> str:
    """Why a delegation has no agreement left to propose, in words, and what it can still do instead."""
    cs, lang = s.cs, tr_.lang
    d = cs.d_index[actor]
    return closed_text([tr(cs.instrument(k).title, lang) for k in range(len(cs.instrument_ids)) if d in cs.parties[k]], tr_)


def closed_text(signed: list[str], tr_: Translator) -> str:
    """`closed_reason` from the names of the delegation's agreements (all signed; none: it is party to none)."""
    t = tr_.t
    if not signed:
        head = t("Your delegation is not a party to any agreement at this conference, so it cannot propose one.")
    else:
        names = ", ".join(signed)
        head = t("Every agreement your delegation is a party to is already signed: {names}. Nothing is left for you to propose.", names=names)
    can = t("You can still make a statement (M), change a public position (S), answer the proposals in your inbox, or pass (N).")
    return head + "\n\n" + can + " " + t("What you say and state still moves the others.")


class ProposalForm(Protocol):
    """What the proposal form asks of its draft: a local `ProposalDraft`, or a networked team's (game/net/seat.py)."""

    actor: str
    counter_to: int | None
    instruments: list[int]
    instrument_pos: int
    choice: dict[int, int]
    private: bool
    invited: set[int]
    rationale: str

    def closed(self, tr_: Translator) -> str: ...
    def instrument_names(self, lang: str) -> list[str]: ...
    def set_instrument(self, pos: int) -> None: ...
    def scope(self) -> tuple[int, ...]: ...
    def issue_id(self, issue: int) -> str: ...
    def issue_title(self, issue: int, lang: str) -> str: ...
    def cells(self, issue: int, lang: str) -> list[OptionCell]: ...
    def set_option(self, issue: int, option: int) -> None: ...
    def own_latest(self) -> int | None: ...
    def start_from_own(self) -> None: ...
    def set_private(self, private: bool) -> None: ...
    def toggle_invited(self, d: int, on: bool) -> None: ...
    def candidates(self) -> list[int]: ...
    def candidate_id(self, k: int) -> str: ...
    def candidate_name(self, k: int, lang: str) -> str: ...
    def signing_value(self) -> SigningValue | None: ...
    def action(self) -> A.Propose | None: ...
    def problem(self) -> Refusal | None: ...


class ShiftForm(Protocol):
    """What the position form asks of its draft (local or networked)."""

    actor: str
    issues: list[int]
    issue_pos: int
    option: int
    rationale: str

    @property
    def issue(self) -> int | None: ...
    @property
    def unchanged(self) -> bool: ...
    def issue_titles(self, lang: str) -> list[str]: ...
    def cells(self, lang: str) -> list[OptionCell]: ...
    def set_issue(self, pos: int) -> None: ...
    def action(self) -> A.Shift | None: ...
    def problem(self) -> Refusal | None: ...
