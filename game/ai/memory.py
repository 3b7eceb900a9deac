"""Everything the AI delegations of one game remember, in one explicit object.

The memory is rebuilt from the game's log alone (entries are read once, in
order), so it is a pure function of the state: a replayed or reloaded game
has the same memory, and a state from another game, or an earlier one
(undo), simply makes it start again. Each game (or session) owns its own
memory; nothing is kept in module globals, so games in different threads
never share anything mutable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.ai.model import DelegationPrefs, Outlook, Prefs, Prospect, Stakes, compile_prefs, prospect, read_outlook, stakes
from game.ai.opponent import OpponentModel
from game.engine.compiled import CompiledScenario
from game.engine.log import LogEntry, LogKind
from game.engine.state import GameState, Proposal
from game.scenario.models import STANCE_EFFECTS, TOUCHING_EFFECTS, Effect, PositionEffect

if TYPE_CHECKING:
    from game.ai.acceptance import Situation
    from game.ai.concession import Curve


@dataclass(frozen=True, slots=True)
class Refusal:
    """A package one delegation refused, and what its world looked like then."""

    instrument: int
    package: tuple[int, ...]
    value: float  # its value of the package when it refused
    turn: int
    signed: int  # instruments signed by then (in log order)
    touched: int  # events that had changed its stances, costs or pressure by then
    alternative: float


@dataclass(frozen=True, slots=True)
class Want:
    """A refusal that said, in words anyone at the table could read, what would change it:
    `who` refused `package` on the instrument mainly over `issue`, where it wants `option`."""

    turn: int
    instrument: int
    who: int
    package: tuple[int, ...]
    issue: int  # position in the instrument's scope
    option: int
    audience: frozenset[int] | None


@dataclass(frozen=True, slots=True)
class Answer:
    turn: int
    instrument: int
    who: int
    package: tuple[int, ...]
    accepted: bool
    audience: frozenset[int] | None
    # False for a refusal whose stated reason is not the package's worth against what it needs
    # (it refused something better before, or holds out for a better agreement on the table):
    # such a refusal tells nothing about where its threshold lies
    telling: bool = True


#: The refusal notes that say why without saying the package fell short of what it needs (the
#: acceptance rule and the negotiator write them; the memory reads them back from the log).
WORSE_THAN_REFUSED = "worse than an offer it refused before"
HOLDS_OUT = "holds out for a better agreement on the table"
UNTELLING = frozenset({WORSE_THAN_REFUSED, HOLDS_OUT})


class Memory:
    """One game's memory, shared by its AI delegations (each reads only what it saw)."""

    def __init__(
        self,
        cs: CompiledScenario,
        seed: tuple[int, ...],
        prefs_cache: dict[bytes, Prefs] | None = None,
        rows_cache: dict[tuple[tuple[int, ...], bytes], DelegationPrefs] | None = None,
    ) -> None:
        self.cs = cs
        self.seed = seed
        n_d = cs.n_delegations
        # models[o][j]: what o has learned of j. Observers who have seen the same evidence about j
        # hold one and the same model (a delegation's own row is its own); an observer gets a copy
        # of its own when evidence reaches it that not all the holders saw (private talks), so
        # every model is updated, and every estimate made, once for all who share it.
        self._serials = 0
        shared = [self._new_model() for _ in range(n_d)]
        self.models = [[shared[j] if j != o else self._new_model() for j in range(n_d)] for o in range(n_d)]
        self._holders = [set(range(n_d)) - {j} for j in range(n_d)]  # j -> observers holding the shared model of j
        # (instrument, package) -> (who refused, its `moves` count then, who saw the refusal)
        self.refusals: dict[tuple[int, tuple[int, ...]], list[tuple[int, int, frozenset[int] | None]]] = {}
        self.moves = [0] * n_d  # per delegation: public shifts and events that moved its stances
        self.touched = [0] * n_d  # per delegation: events that changed its stances or costs
        self.signed = 0
        self.positions = list(cs.positions)  # public positions as the log has moved them so far
        self.steps = tuple(n - 1 for n in cs.n_options)  # per issue: steps from its first option to its last
        self.refused: dict[tuple[int, int], list[Refusal]] = {}  # (delegation, instrument) -> its refusals
        self.answers: list[Answer] = []
        self.answers_on: list[list[Answer]] = [[] for _ in cs.instrument_ids]  # the same, per instrument
        self.wants: list[Want] = []  # refusals that named the change they wanted, in log order
        self.offers: dict[tuple[int, int], list[tuple[int, tuple[int, ...], frozenset[int] | None]]] = {}  # (proposer, k)
        # the same lists per instrument, as (proposer, its offers) in the order `offers` has them:
        # the acceptance rule reads one instrument's offers, not every offer of the game
        self.offers_on: list[list[tuple[int, list[tuple[int, tuple[int, ...], frozenset[int] | None]]]]] = [[] for _ in cs.instrument_ids]
        self.direction: dict[tuple[int, int], int] = {}  # (delegation, issue) -> sign of its last public shift
        self.first_shift: dict[int, int] = {}  # delegation -> issue of its first public shift
        self.read = 0
        self.last: LogEntry | None = None
        self._pending: list[tuple[tuple[int, ...], int, str, tuple[object, ...]]] = []
        self._prefs_cache = prefs_cache if prefs_cache is not None else {}
        self._rows_cache = rows_cache if rows_cache is not None else {}  # each delegation's part of them
        self._sitting: tuple[object, ...] = ()
        self._checked: GameState | None = None  # the last state `_check_sitting` passed: asked again, it passes at once
        self._outlook: Outlook | None = None
        self._prefs: Prefs | None = None
        self._stakes: dict[tuple[int, int], Stakes] = {}
        self._prospects: dict[int, Prospect] = {}
        # per delegation: (signatures, walk-outs, exclusions) it was read from, and its partners per issue
        self._partners: dict[int, tuple[tuple[object, ...], list[list[int]]]] = {}
        self.curves: dict[float, Curve] = {}  # concession curves by their exponent (immutable values)
        # (delegation, instrument) -> (what its situation now is made of, per sitting of a refusal its
        # Situation): the acceptance rule is asked many times a sitting with the same refusals
        self.situations: dict[tuple[int, int], tuple[tuple[object, ...], dict[int, Situation]]] = {}
        # (model serial, k) -> (model version, j's positions, stamp of k's issues, estimate table)
        self._estimates: dict[tuple[int, int], tuple[int, tuple[int, ...], tuple[int, ...], tuple[tuple[float, ...], ...]]] = {}

    def _new_model(self, like: OpponentModel | None = None) -> OpponentModel:
        self._serials += 1
        return OpponentModel(self.cs.n_options, serial=self._serials) if like is None else like.copy(self._serials)

    # -- keeping up with the log --------------------------------------------------------

    def fits(self, s: GameState) -> bool:
        """Whether this memory describes an earlier point of the game `s` is in."""
        if s.cs is not self.cs or s.seed != self.seed or len(s.log) < self.read:
            return False
        return self.read == 0 or s.log[self.read - 1] is self.last

    def catch_up(self, s: GameState) -> None:
        log = s.log
        cs = self.cs
        for e in log[self.read :]:
            kind = e.kind
            if kind is LogKind.SITTING:
                self._digest()
            elif kind is LogKind.PROPOSAL:
                self._proposal(s, e)
            elif kind is LogKind.ANSWER:
                self._answer(s, e)
            elif kind is LogKind.POSITION:
                d = cs.d_index[e.actor or ""]
                i = cs.i_index[e.data["issue"]]
                new = cs.option_ids[i].index(e.data["option"])
                was = cs.option_ids[i].index(e.data["was"])
                self.positions[d * cs.n_issues + i] = new
                self.direction[(d, i)] = 1 if new > was else -1
                self.first_shift.setdefault(d, i)
                self.moves[d] += 1
                self._later(tuple(range(cs.n_delegations)), d, "saw_shift", i)
            elif kind is LogKind.STATEMENT:
                if e.data.get("statement") == "holds_firm" and e.data.get("issue") in cs.i_index:
                    d = cs.d_index[e.actor or ""]
                    i = cs.i_index[e.data["issue"]]
                    self._later(tuple(range(cs.n_delegations)), d, "saw_firmness", i)
            elif kind is LogKind.EVENT:
                self._event(str(e.data["event"]))
            elif kind is LogKind.SIGNED:
                self.signed += 1
                inst = cs.inst_index.get(str(e.data["instrument"]))
                if inst is not None:
                    for eff in cs.instrument(inst).effects:
                        self._effect(eff)
        self.read = len(log)
        self.last = log[-1] if log else None

    def _later(self, observers: tuple[int, ...], other: int, what: str, *args: object) -> None:
        """Evidence for the observers' models of `other`, digested at the next sitting: within a
        sitting each delegation plays on what it had learned by its start (which also spares
        recomputing every estimate after every move)."""
        self._pending.append((observers, other, what, args))

    def _digest(self) -> None:
        models = self.models
        for observers, other, what, args in self._pending:
            holders = self._holders[other]
            if holders.issubset(observers):  # all who share the model see it: once for them all
                if holders:
                    getattr(models[next(iter(holders))][other], what)(*args)
                for o in observers:
                    if o not in holders:
                        getattr(models[o][other], what)(*args)
                continue
            for o in observers:  # some holders do not see it: those who do take copies of their own
                if o in holders:
                    holders.discard(o)
                    models[o][other] = self._new_model(models[o][other])
                getattr(models[o][other], what)(*args)
        self._pending.clear()

    def _event(self, event_id: str) -> None:
        k = self.cs.event_index.get(event_id)
        if k is not None:
            for eff in self.cs.event(k).effects:
                self._effect(eff)

    def _effect(self, eff: Effect) -> None:
        cs = self.cs
        if not isinstance(eff, TOUCHING_EFFECTS):
            return
        d = cs.d_index.get(eff.delegation)
        if d is None:
            return
        if isinstance(eff, PositionEffect) and eff.issue in cs.i_index:
            i = cs.i_index[eff.issue]
            if eff.option in cs.option_ids[i]:
                self.positions[d * cs.n_issues + i] = cs.option_ids[i].index(eff.option)
        self.moves[d] += 1
        if isinstance(eff, STANCE_EFFECTS):
            self.touched[d] += 1

    def _audience(self, e: LogEntry) -> frozenset[int] | None:
        if e.audience is None:
            return None
        idx = self.cs.d_index
        return frozenset(idx[x] for x in e.audience if x in idx)

    def _proposal(self, s: GameState, e: LogEntry) -> None:
        p = s.proposals[int(e.data["proposal"]) - 1]
        offer = dict(zip(self.cs.scope[p.instrument], p.package, strict=True))
        audience = self._audience(e)
        seen = tuple(o for o in range(self.cs.n_delegations) if o != p.proposer and (audience is None or o in audience))
        self._later(seen, p.proposer, "saw_offer", p.instrument, offer)
        mine = self.offers.get((p.proposer, p.instrument))
        if mine is None:
            mine = self.offers[(p.proposer, p.instrument)] = []
            self.offers_on[p.instrument].append((p.proposer, mine))
        mine.append((p.turn, p.package, audience))

    def _answer(self, s: GameState, e: LogEntry) -> None:
        cs = self.cs
        p = s.proposals[int(e.data["proposal"]) - 1]
        d = cs.d_index[e.actor or ""]
        accepted = e.data["answer"] == "accept"
        audience = self._audience(e)
        turn = e.turn - 1
        if e.data.get("amends"):  # a refusal already counted, now saying what would change it
            self._want(e, p, d, turn, audience)
            return
        reasons = e.data.get("reasons")
        telling = accepted or not reasons or reasons.get("note") not in UNTELLING
        answer = Answer(turn, p.instrument, d, p.package, accepted, audience, telling)
        self.answers.append(answer)
        self.answers_on[p.instrument].append(answer)
        seen = tuple(o for o in range(cs.n_delegations) if o != d and (audience is None or o in audience))
        if accepted:
            offer = dict(zip(cs.scope[p.instrument], p.package, strict=True))
            self._later(seen, d, "saw_acceptance", offer)
            return
        n_i = cs.n_issues
        offer = dict(zip(cs.scope[p.instrument], p.package, strict=True))
        stated = tuple(self.positions[d * n_i : (d + 1) * n_i])
        self._later(seen, d, "saw_refusal", offer, stated)
        self.refusals.setdefault((p.instrument, p.package), []).append((d, self.moves[d], audience))
        reasons = e.data.get("reasons")
        self._want(e, p, d, turn, audience)
        if reasons:  # a team's refusal has no values; the AI answers only for its own
            self.refused.setdefault((d, p.instrument), []).append(
                Refusal(p.instrument, p.package, float(reasons["value"]), turn, self.signed, self.touched[d], float(reasons["alternative"]))
            )

    def _want(self, e: LogEntry, p: Proposal, d: int, turn: int, audience: frozenset[int] | None) -> None:
        """What a refusal said would change it (an AI's reasons, a team's `want`), for those who saw it."""
        cs = self.cs
        want = stated_want(e.data)
        if want is None:
            return
        issue, option = want
        i = cs.i_index.get(issue)
        scope = cs.scope[p.instrument]
        if i is not None and i in scope and option in cs.option_ids[i]:
            seen = tuple(o for o in range(cs.n_delegations) if o != d and (audience is None or o in audience))
            self._later(seen, d, "saw_want", i, cs.option_ids[i].index(option))
            self.wants.append(Want(turn, p.instrument, d, p.package, scope.index(i), cs.option_ids[i].index(option), audience))

    # -- this sitting's valuations ------------------------------------------------------

    def prefs(self, s: GameState) -> Prefs:
        if self._prefs is None or self._sitting[1] is not s.stances:
            self._refresh(s)
        assert self._prefs is not None
        return self._prefs

    def stakes(self, s: GameState, d: int, k: int) -> Stakes:
        """What instrument k is worth to d now (per sitting: the outlook is the sitting's)."""
        self._check_sitting(s)
        st = self._stakes.get((d, k))
        if st is None:
            assert self._prefs is not None and self._outlook is not None
            pro = self._prospects.get(d)
            if pro is None:
                pro = self._prospects[d] = prospect(self._prefs, self._outlook, s, d)
            st = self._stakes[(d, k)] = stakes(self.cs, self._prefs, pro, s, d, k)
        return st

    def sitting(self, s: GameState) -> tuple[object, ...]:
        """A token of this sitting's valuations: the same object as long as `stakes` and
        `prefs` answer from the same values, a new one whenever they are renewed (compare it
        with `is`). What is a function of those values alone can be kept until it changes."""
        self._check_sitting(s)
        return self._sitting

    def _check_sitting(self, s: GameState) -> None:
        if s is self._checked:  # the state last found to be in the held sitting (states never change)
            return
        held = self._sitting
        if not held or not (
            held[0] == s.turn
            and held[1] is s.stances
            and (held[2] is s.settled or held[2] == s.settled)
            and (held[3] is s.signed or held[3] == s.signed)
            and (held[4] is s.walked_out or held[4] == s.walked_out)
            and (held[5] is s.excluded or held[5] == s.excluded)
        ):
            self._refresh(s)
        self._checked = s

    def _refresh(self, s: GameState) -> None:
        self._checked = None  # (`prefs` renews without a check: no state is known to fit until one is made)
        st = s.stances
        raw = st.values.tobytes() + st.weights.tobytes() + st.no_deal.tobytes()
        prefs = self._prefs_cache.get(raw)
        if prefs is None:
            prefs = self._prefs_cache[raw] = compile_prefs(self.cs, st, self._rows_cache)
        self._prefs = prefs
        self._outlook = read_outlook(s)
        self._stakes = {}
        self._prospects = {}
        self._sitting = (s.turn, s.stances, s.settled, s.signed, s.walked_out, s.excluded)

    def partners(self, s: GameState, d: int) -> list[list[int]]:
        """Per issue, whom d negotiates with on it (see `positions.partners`). It is read from the
        signatures, walk-outs and exclusions alone, which change a few times a game: so it is kept
        while those are the same (compared by value), across sittings, not renewed every sitting."""
        key = (s.signed_instruments, s.walked_out, s.excluded)
        held = self._partners.get(d)
        if held is not None and held[0] == key:
            return held[1]
        got = _partners_by_issue(s, d)
        self._partners[d] = (key, got)
        return got

    def estimate_table(self, s: GameState, observer: int, j: int, k: int) -> tuple[tuple[float, ...], ...]:
        """The observer's estimate of j's value of each option of each scope issue of k.

        Kept until the model learns something about one of k's issues or j states another
        position on one of them: evidence about other issues leaves this table as it was."""
        m = self.models[observer][j]
        n_i = self.cs.n_issues
        positions = s.positions[j * n_i : (j + 1) * n_i]
        held = self._estimates.get((m.serial, k))
        # no evidence at all since (the model's version) and the same positions: the same table,
        # without building the stamp of k's issues
        if held is not None and held[0] == m.version and held[1] == positions:
            return held[3]
        scope = self.cs.scope[k]
        stamp = (*map(m.changed.__getitem__, scope), *map(positions.__getitem__, scope))
        if held is not None and held[2] == stamp:
            self._estimates[(m.serial, k)] = (m.version, positions, stamp, held[3])
            return held[3]
        table = m.issue_table(scope, positions)
        self._estimates[(m.serial, k)] = (m.version, positions, stamp, table)
        return table

    # -- questions the strategies ask ---------------------------------------------------

    def blocked(self, s: GameState, d: int, k: int, package: tuple[int, ...]) -> int | None:
        """The party that refused this package (as d saw) and has not moved since, if any."""
        for who, moves, audience in self.refusals.get((k, package), ()):
            if audience is not None and d not in audience:
                continue
            if self.moves[who] == moves:
                return who
        return None

    def recent_answers(self, d: int, k: int, since: int) -> list[Answer]:
        """The answers on k that d saw, given at sitting `since` or later, in log order."""
        on = self.answers_on[k]
        first = len(on)
        while first > 0 and on[first - 1].turn >= since:  # answers come in sitting order
            first -= 1
        return [a for a in on[first:] if a.audience is None or d in a.audience]


def partners(s: GameState, d: int, i: int) -> list[int]:
    """Who d negotiates with on issue i: the other active parties of the unsigned instruments
    with i in scope that d is party to."""
    return _partners_by_issue(s, d)[i]


def _partners_by_issue(s: GameState, d: int) -> list[list[int]]:
    cs = s.cs
    out: list[list[int]] = [[] for _ in range(cs.n_issues)]
    walked = s.walked_out
    for k, scope in enumerate(cs.scope):
        if s.is_signed(k):
            continue
        parties = s.active_parties(k)
        if d not in parties or any(p in walked for p in parties):
            continue
        for i in scope:
            row = out[i]
            row += [j for j in parties if j != d and j not in row]
    return out


def stated_want(data: Mapping[str, Any]) -> tuple[str, str] | None:
    """What a refusal said would change it, as (issue id, option id): an AI's in its reasons (the issue
    that decided and the option it wants there), a team's as it chose to say it. None: it said nothing."""
    reasons = data.get("reasons")
    if reasons and reasons.get("deciding") and reasons.get("wanted"):
        return str(reasons["deciding"][0]), str(reasons["wanted"][0])
    want = data.get("want")
    if want:
        return str(want["issue"]), str(want["option"])
    return None
