"""A team computer's seat as the one-computer conference screen reads a session. No pygame here.

The team's window is the one-computer conference screen with its inbox,
forms, confirmation card and digest (game/ui/screens/remote/team.py). Where
that screen asks its local session (the conference as this viewer may see
it, the inbox, the briefing, the drafts behind the forms, whether the rules
allow a move), a networked team asks this adapter, which answers from the
newest view its host sent (game/net/views.py: built for this seat alone) and
sends the team's moves over the link.

The drafts answer the forms' questions from the seat's own form data; the
host's engine still judges every move, and its refusal comes back as a code
with parameters that this computer words in its own language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from game.engine import actions as A
from game.engine.refusals import Code, Refusal, describe
from game.engine.rules import MAX_STATEMENT
from game.engine.signing import SigningValue
from game.i18n import Translator
from game.net import protocol as P
from game.scenario.models import Delegation, Emblem
from game.views.conference import BriefingView, ConferenceView
from game.views.inbox import InboxItem
from game.views.move import OptionCell, closed_text


def delegations_of(public: tuple[P.PublicDelegation, ...]) -> dict[str, Delegation]:
    """Seat drawings from what the host may share: names, colours and emblems, nothing else."""
    out = {}
    for d in public:
        emblem = Emblem(d.emblem) if d.emblem in Emblem._value2member_map_ else Emblem.PLAIN
        out[d.id] = Delegation(id=d.id, name=d.name, colour=d.colour, colour2=d.colour2, emblem=emblem)
    return out


def names_of(view: P.View) -> dict[str, str]:
    """Every name a refusal may give, from this seat's own view (keys as `refusals.name_key`)."""
    names = {f"delegation:{s.id}": s.name for s in view.conference.seats}
    forms = view.forms
    if forms is not None:
        names.update({f"delegation:{p.id}": p.name for p in forms.partners})
        names.update({f"instrument:{k.id}": k.name for k in forms.instruments})
        for i in forms.issues:
            names[f"issue:{i.id}"] = i.title
            names.update({f"option:{i.id}/{o.id}": o.label for o in i.options})
    return names


def refusal_of(msg: P.Refused) -> Refusal | None:
    """The engine's reason carried by a host's refusal (None when it carries none this computer knows)."""
    if msg.rule is None or msg.rule not in Code.__members__:
        return None
    return Refusal(Code[msg.rule], tuple(msg.params))


def word_refusal(msg: P.Refused, view: P.View | None, tr_: Translator) -> str:
    """A host's refusal in this computer's language: the engine's reason worded here when it carries one."""
    rule = refusal_of(msg)
    if rule is None:
        return msg.text
    return describe(rule, None, tr_.lang, tr_.t, names_of(view) if view is not None else {})


def _cells(issue: P.IssueChoice) -> list[OptionCell]:
    return [OptionCell(o.label, o.value, o.stated_by, o.allowed, o.description) for o in issue.options]


@dataclass
class NetProposalDraft:
    """`ProposalDraft` from a seat's form data: indexes are positions in `forms.instruments`, `forms.issues`
    and `forms.partners`."""

    view: P.View
    actor: str
    counter_to: int | None = None
    instruments: list[int] = field(default_factory=list)
    instrument_pos: int = 0
    choice: dict[int, int] = field(default_factory=dict)
    private: bool = False
    invited: set[int] = field(default_factory=set)
    rationale: str = ""
    gate: Callable[[], Refusal | None] | None = None  # why the seat may not send now (the host's turn order)

    def __post_init__(self) -> None:
        forms = self.forms
        open_ = [k for k, x in enumerate(forms.instruments) if not x.signed]
        self.instruments = open_ or list(range(len(forms.instruments)))
        if self.counter_to is not None:
            p = next((a for a in forms.awaiting if a.proposal == self.counter_to), None)
            if p is not None:
                k = next((k for k, x in enumerate(forms.instruments) if x.id == p.instrument), None)
                if k is not None and k in self.instruments:
                    self.instrument_pos = self.instruments.index(k)
                self._take(p.package, None if p.to is None else set(p.to) | {p.proposer})
        self._fill()

    def _take(self, package: tuple[tuple[str, str], ...], to: set[str] | None, keep_settled: bool = False) -> None:
        """Choices and addressing from a proposal's package and addressees (None: plenary); with `keep_settled`,
        an issue an agreement has settled since keeps its settled option."""
        forms = self.forms
        ids = [i.id for i in forms.issues]
        for iid, oid in package:
            if iid in ids:
                issue = forms.issues[ids.index(iid)]
                settled = keep_settled and issue.settled >= 0
                self.choice[ids.index(iid)] = issue.settled if settled else [o.id for o in issue.options].index(oid)
        if to is not None:
            self.private = True
            self.invited = {k for k, x in enumerate(forms.partners) if x.id in to}
        else:
            self.private, self.invited = False, set()

    def _own(self) -> P.OwnProposal | None:
        inst = self._inst()
        return None if inst is None else next((p for p in self.forms.own if p.instrument == inst.id), None)

    def own_latest(self) -> int | None:
        own = self._own()
        return None if own is None else own.proposal

    def start_from_own(self) -> None:
        own = self._own()
        if own is not None:
            self._take(own.package, None if own.to is None else set(own.to), keep_settled=True)

    @property
    def forms(self) -> P.Forms:
        assert self.view.forms is not None
        return self.view.forms

    @property
    def instrument(self) -> int | None:
        return self.instruments[self.instrument_pos] if self.instruments else None

    def _inst(self) -> P.InstrumentChoice | None:
        k = self.instrument
        return None if k is None else self.forms.instruments[k]

    def _start(self, i: int) -> int:
        issue = self.forms.issues[i]
        if issue.settled >= 0:
            return issue.settled
        ids = [o.id for o in issue.options]
        if issue.position in ids:
            return ids.index(issue.position)
        return max(range(len(issue.options)), key=lambda o: issue.options[o].value or 0.0)

    def _fill(self) -> None:
        for i in self.scope():
            self.choice.setdefault(i, self._start(i))
        if self.private and not self.invited:
            self.invited = self._default_invited()

    def _default_invited(self) -> set[int]:
        inst = self._inst()
        active = set(inst.active or inst.parties) if inst is not None else set()
        return {k for k, p in enumerate(self.forms.partners) if p.id in active}

    def closed(self, tr_: Translator) -> str:
        forms = self.forms
        if self.instruments and not all(forms.instruments[k].signed for k in self.instruments):
            return ""
        return closed_text([x.name for x in forms.instruments if self.actor in x.parties], tr_)

    def instrument_names(self, lang: str) -> list[str]:
        return [self.forms.instruments[k].name for k in self.instruments]

    def set_instrument(self, pos: int) -> None:
        if 0 <= pos < len(self.instruments):
            self.instrument_pos = pos
            self._fill()

    def scope(self) -> tuple[int, ...]:
        inst = self._inst()
        if inst is None:
            return ()
        ids = [i.id for i in self.forms.issues]
        return tuple(ids.index(x) for x in inst.scope if x in ids)

    def issue_id(self, issue: int) -> str:
        return self.forms.issues[issue].id

    def issue_title(self, issue: int, lang: str) -> str:
        return self.forms.issues[issue].title

    def cells(self, issue: int, lang: str) -> list[OptionCell]:
        return _cells(self.forms.issues[issue])

    def set_option(self, issue: int, option: int) -> None:
        if issue in self.scope() and 0 <= option < len(self.forms.issues[issue].options):
            self.choice[issue] = option

    def set_private(self, private: bool) -> None:
        self.private = private
        if private and not self.invited:
            self.invited = self._default_invited()

    def toggle_invited(self, d: int, on: bool) -> None:
        if on:
            self.invited.add(d)
        else:
            self.invited.discard(d)

    def candidates(self) -> list[int]:
        return list(range(len(self.forms.partners)))

    def candidate_id(self, k: int) -> str:
        return self.forms.partners[k].id

    def candidate_name(self, k: int, lang: str) -> str:
        return self.forms.partners[k].name

    def signing_value(self) -> SigningValue | None:
        """As `game.engine.signing.signing_value`, from this seat's own utility rows."""
        inst = self._inst()
        issues = self.forms.issues
        if inst is None or any(not i.contrib for i in issues):
            return None
        now = [i.settled for i in issues]
        after = list(now)
        for i in self.scope():
            after[i] = self.choice[i]
        rows = [i.contrib for i in issues]
        worth = sum(r[o] for r, o in zip(rows, after, strict=True))
        alternative = sum(r[o] for r, o in zip(rows, now, strict=True))
        return SigningValue(worth - inst.cost, alternative, inst.cost)

    def action(self) -> A.Propose | None:
        inst = self._inst()
        if inst is None:
            return None
        issues = self.forms.issues
        package = tuple((issues[i].id, issues[i].options[self.choice[i]].id) for i in self.scope())
        to = tuple(self.forms.partners[k].id for k in sorted(self.invited)) if self.private else ()
        return A.Propose(self.actor, inst.id, package, to, self.counter_to, rationale=self.rationale.strip())

    def problem(self) -> Refusal | None:
        """What this computer can tell before sending; the host's engine judges the rest."""
        action = self.action()
        if action is None:
            return Refusal.of(Code.NO_INSTRUMENT)
        if self.gate is not None and (why := self.gate()) is not None:
            return why
        if self.private and not self.invited:
            return Refusal.of(Code.NO_INVITEES)
        inst = self._inst()
        if inst is not None and inst.signed:
            return Refusal.of(Code.ALREADY_SIGNED, instrument=inst.id)
        for i in self.scope():
            issue = self.forms.issues[i]
            if issue.settled >= 0 and self.choice[i] != issue.settled:
                return Refusal.of(Code.ISSUE_SETTLED, issue=issue.id, option=issue.options[issue.settled].id)
        return None


@dataclass
class NetShiftDraft:
    """`ShiftDraft` from a seat's form data: issues are positions in `forms.issues`."""

    view: P.View
    actor: str
    issues: list[int] = field(default_factory=list)
    issue_pos: int = 0
    option: int = 0
    rationale: str = ""
    gate: Callable[[], Refusal | None] | None = None  # why the seat may not send now (the host's turn order)

    def __post_init__(self) -> None:
        forms = self.view.forms
        self.issues = [k for k, i in enumerate(forms.issues) if i.position is not None] if forms is not None else []
        self.set_issue(0)

    def _choice(self, k: int) -> P.IssueChoice:
        assert self.view.forms is not None
        return self.view.forms.issues[k]

    def _position(self, k: int) -> int:
        issue = self._choice(k)
        ids = [o.id for o in issue.options]
        return ids.index(issue.position) if issue.position in ids else 0

    @property
    def issue(self) -> int | None:
        return self.issues[self.issue_pos] if self.issues else None

    @property
    def unchanged(self) -> bool:
        i = self.issue
        return i is not None and self.option == self._position(i)

    def issue_titles(self, lang: str) -> list[str]:
        return [self._choice(k).title for k in self.issues]

    def cells(self, lang: str) -> list[OptionCell]:
        i = self.issue
        return [] if i is None else _cells(self._choice(i))

    def set_issue(self, pos: int) -> None:
        if 0 <= pos < len(self.issues):
            self.issue_pos = pos
            self.option = self._position(self.issues[pos])

    def action(self) -> A.Shift | None:
        i = self.issue
        if i is None:
            return None
        issue = self._choice(i)
        return A.Shift(self.actor, issue.id, issue.options[self.option].id, rationale=self.rationale.strip())

    def problem(self) -> Refusal | None:
        action = self.action()
        if action is None:
            return Refusal.of(Code.NO_POSITION_TO_CHANGE)
        if self.gate is not None and (why := self.gate()) is not None:
            return why
        if self.unchanged:
            return Refusal.of(Code.SAME_POSITION)
        return None


class NetSeat:
    """What the conference screen reads from a session, for one seat, from the newest view its host sent."""

    def __init__(self, view: P.View) -> None:
        self.view = view

    @property
    def seat(self) -> str:
        return self.view.seat or ""

    def conference(self) -> ConferenceView:
        return self.view.conference

    def inbox(self) -> tuple[InboxItem, ...]:
        return self.view.inbox

    def digest(self) -> tuple[str, ...]:
        return self.view.digest

    def briefing(self) -> BriefingView:
        b = self.view.briefing
        return b if b is not None else BriefingView(self.seat, (), ())

    def essential(self) -> bool:
        return bool(self.view.forms and self.view.forms.essential)

    def proposal_draft(self, counter_to: int | None = None) -> NetProposalDraft:
        return NetProposalDraft(self.view, self.seat, counter_to)

    def shift_draft(self) -> NetShiftDraft:
        return NetShiftDraft(self.view, self.seat)

    def check(self, action: A.Action) -> Refusal | None:
        """What this computer can tell before sending (the host's engine judges the rest)."""
        if self.view.conference.ended:
            return Refusal.of(Code.CONFERENCE_OVER)
        if isinstance(action, A.Statement):
            if not action.text.strip():
                return Refusal.of(Code.EMPTY_STATEMENT)
            if len(action.text) > MAX_STATEMENT:
                return Refusal.of(Code.STATEMENT_TOO_LONG, limit=MAX_STATEMENT)
        return None

    def names(self) -> Mapping[str, str]:
        return names_of(self.view)

    def describe(self, problem: Refusal, tr_: Translator) -> str:
        return describe(problem, None, tr_.lang, tr_.t, self.names())
