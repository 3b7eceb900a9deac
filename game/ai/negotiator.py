"""The AI delegation, in the BOA architecture: bidding, opponent model, acceptance.

A negotiator answers what is addressed to it (`respond`) and makes one move
(`move`). It reads the game state and its game memory (`Memory`, rebuilt
from the log, so a decision is a pure function of the state and replays
exactly); this sitting's dice add a little noise. The parts live in their
own modules: `opponent` (what it has learned of the others), `bidding`
(what to propose), `acceptance` (what to accept), `positions` (what to
concede in public), `explain` (why, in words). Every decision carries its
reasons as data.

One `Negotiator` holds the memory of the game it is playing: give each game
or session its own (the driver does), and it is safe to play games in
several threads at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.ai import acceptance, bidding, positions
from game.ai.concession import ENDGAME, Curve, conceded_share, target
from game.ai.explain import clamp, gain_focus, refusal_focus
from game.ai.memory import HOLDS_OUT, Memory
from game.ai.model import DelegationPrefs, Prefs, Stakes
from game.engine import actions as A
from game.engine.state import GameState, Proposal, ProposalStatus

NOISE = 6.0  # spread (utility points) of the seeded noise on an aspiration when answering
PROPOSE_CHANCE = 0.45  # chance of testing the others with an offer that is not yet likely to pass
DEFER_BELOW = 0.99  # before the last sitting, a yes only the deadline excuses waits unless the offer looks all but sure to pass
HOLD_MARGIN = 1.0  # utility points a better agreement on the table must promise before it refuses a worse one


class Strategy(Protocol):
    """What the driver asks of an AI delegation."""

    def respond(self, s: GameState, d: int, p: Proposal) -> A.Respond: ...

    def move(self, s: GameState, d: int) -> A.MoveAction: ...


@dataclass(frozen=True, slots=True)
class Line:
    """What one instrument looks like to a delegation now (for the designer panel)."""

    best: float
    aspiration: float
    alternative: float
    package: tuple[int, ...] | None


def is_mediator(s: GameState, d: int) -> bool:
    """A delegation the scenario marks as mediator may propose for instruments it is not party to."""
    return bool(getattr(s.cs.delegation(d), "mediator", False))


#: Compiled preferences a negotiator keeps across the games it plays before it starts again: each game's
#: stances differ (the scenario's jitter, its events), so a batch worker's memo would otherwise gain about six
#: entries every Genoa game, without end; a pure memo, so starting again changes no decision.
MAX_PREFS = 2_000


def next_sitting_clock(s: GameState) -> float:
    """The clock (`GameState.time_fraction`) at the next sitting: what an acceptance rule holds out for."""
    return min(1.0, s.time_fraction() + 1.0 / max(1, s.n_turns - 1))


#: What `Negotiator.rule` is made of: `floor_bound` holds only while none is overridden.
_RULE_PARTS = ("rule", "_rule", "share", "reciprocity", "curve", "_aspiration_next")


class Negotiator:
    """The AI of one game (or session): its memory, and the rules that read it."""

    def __init__(self) -> None:
        self._memory: Memory | None = None
        # the state the memory was last brought up to (states never change once made): asked
        # about it again (a turn asks many times), the memory needs no check
        self._current: GameState | None = None
        # the acceptance rules made for one state (immutable values), by (delegation, instrument, proposer)
        self._rules_of: GameState | None = None
        self._rules: dict[tuple[int, int, int], acceptance.Rule] = {}
        # compiled preferences by the stances' bytes: pure values, kept across the games this
        # negotiator plays (a batch worker plays many), never shared with another negotiator
        self._prefs: dict[bytes, Prefs] = {}
        self._rows: dict[tuple[tuple[int, ...], bytes], DelegationPrefs] = {}  # their parts, per delegation
        # whether this class makes its acceptance rule as Negotiator does (`floor_bound` holds only then): a
        # property of the class, read once rather than at every bound
        self._plain_rule = all(getattr(type(self), name) is getattr(Negotiator, name) for name in _RULE_PARTS)

    # -- memory ----------------------------------------------------------------------

    def memory(self, s: GameState) -> Memory:
        mem = self._memory
        if s is self._current and mem is not None:  # the same state as last time: the memory has read it all
            return mem
        if mem is None or not mem.fits(s):
            if len(self._prefs) > MAX_PREFS:  # a new game: a long batch draws new stances every game
                self._prefs.clear()
                self._rows.clear()
            mem = self._memory = Memory(s.cs, s.seed, self._prefs, self._rows)
        if mem.read != len(s.log):
            mem.catch_up(s)
        self._current = s
        return mem

    # -- pieces ----------------------------------------------------------------------

    def curve(self, s: GameState, d: int) -> Curve:
        """d's concession curve (immutable, so one per exponent serves every call: the rules ask for
        it many times a turn)."""
        exponent = s.cs.beta[d] * s.temperament[d]
        curves = self.memory(s).curves  # (per game: each game draws its own temperaments)
        curve = curves.get(exponent)
        if curve is None:
            curve = curves[exponent] = Curve(exponent)
        return curve

    def aspiration(self, s: GameState, d: int, best: float, alternative: float) -> float:
        """What d holds out for by the clock alone (before the others' behaviour and the dice)."""
        return target(best, alternative, self.curve(s, d).fraction(s.time_fraction(), s.pressure[d]))

    def reciprocity(self, mem: Memory, s: GameState, d: int, k: int, st: Stakes, time_share: float) -> float:
        """How much the other parties of k have conceded to d, against what the clock asks of d:
        1 when they keep pace (or there is no evidence yet), toward 0 when they stall."""
        room = st.best - st.alternative
        if room <= 0:
            return 1.0
        scores = []
        offers = mem.offers
        for j in s.active_parties(k):
            if j == d:
                continue
            first = last = None  # the first and the last of j's offers on k that d saw
            for _, pkg, audience in offers.get((j, k), ()):
                if audience is None or d in audience:
                    if first is None:
                        first = pkg
                    else:
                        last = pkg
            if first is not None and last is not None:
                moved = max(0.0, st.value(last) - st.value(first)) / room
                scores.append(min(1.0, moved / max(time_share, 0.05)))
            elif any(mem.models[d][j].shifts[i] for i in s.cs.scope[k]):
                scores.append(1.0)
        return sum(scores) / len(scores) if scores else 1.0

    def share(self, mem: Memory, s: GameState, d: int, k: int, st: Stakes, t: float) -> float:
        time_share = self.curve(s, d).fraction(t, s.pressure[d])
        if t >= ENDGAME:  # the deadline alone sets the pace: no need to weigh the others' moves
            return time_share
        return conceded_share(time_share, self.reciprocity(mem, s, d, k, st, time_share), t)

    def line(self, s: GameState, d: int, k: int) -> Line:
        """Best value, aspiration and alternative on k for d now, and the package it would propose."""
        mem = self.memory(s)
        st = mem.stakes(s, d, k)
        t = s.time_fraction()
        tgt = target(st.best, st.alternative, self.share(mem, s, d, k, st, t))
        bid = bidding.best_bid(mem, s, d, k, st, tgt)
        return Line(st.best, tgt, st.alternative, bid.package if bid else None)

    # -- the two decisions -------------------------------------------------------------

    def rule(self, s: GameState, d: int, k: int, proposer: int) -> acceptance.Rule:
        """d's acceptance rule on k now, for an offer made by `proposer` (its trust in the
        proposer tilts the dice a little; its own offer, not at all)."""
        if s is not self._rules_of:  # a rule is a function of the state: kept while asked about the same one
            self._rules_of, self._rules = s, {}
        held = self._rules.get((d, k, proposer))
        if held is not None:
            return held  # (whether to leave an offer for later and how to answer it ask the same rule)
        rule = self._rules[(d, k, proposer)] = self._rule(s, d, k, proposer)
        return rule

    def _aspiration_next(self, s: GameState, d: int, st: Stakes, proposer: int, share: float, t_next: float) -> float:
        """What d holds out for at the next sitting after conceding `share`, with this sitting's dice
        and its trust in the proposer: it falls as the share grows (in floating point too: each step
        of it is a rounded operation that keeps order)."""
        trust = (float(s.relations[d, proposer]) - 50.0) * 0.1 if proposer != d else 0.0
        noise = ((float(s.dice[d, 0]) - 0.5) * NOISE - trust) * (1.0 - t_next)
        return max(st.alternative, target(st.best, st.alternative, share) + noise)

    def floor_bound(self, s: GameState, d: int, k: int, proposer: int) -> float | None:
        """Before `acceptance.COMBI_FROM`: a value no greater than the least value d's rule on k now
        accepts (no more than no deal plus the least gain, nor than its aspiration), found without
        weighing the others' pace. Full reciprocity concedes the most (`conceded_share` grows with
        it), and the aspiration falls as the share grows, so the aspiration at that share is at most
        the rule's. None from `COMBI_FROM` on, where the best offer seen also counts, and for a
        strategy that makes its rule its own way (a subclass's rule is not bound by this one)."""
        t = s.time_fraction()
        if t >= acceptance.COMBI_FROM or not self._plain_rule:
            return None
        st = self.memory(s).stakes(s, d, k)
        t_next = next_sitting_clock(s)
        most = conceded_share(self.curve(s, d).fraction(t_next, s.pressure[d]), 1.0, t_next)
        return max(st.alternative + bidding.MIN_GAIN, self._aspiration_next(s, d, st, proposer, most, t_next))

    def _rule(self, s: GameState, d: int, k: int, proposer: int) -> acceptance.Rule:
        mem = self.memory(s)
        st = mem.stakes(s, d, k)
        t = s.time_fraction()
        t_next = next_sitting_clock(s)
        asp = self._aspiration_next(s, d, st, proposer, self.share(mem, s, d, k, st, t_next), t_next)
        best_seen = -float("inf")
        if t >= acceptance.COMBI_FROM:  # only AC_combi asks for the best offer seen so far
            for j, offers in mem.offers_on[k]:
                if j != d:
                    for _, pkg, audience in offers:
                        if audience is None or d in audience:
                            best_seen = max(best_seen, st.value(pkg))
        refusals = tuple(mem.refused.get((d, k), ()))
        situations: tuple[acceptance.Situation, ...] = ()
        if refusals:
            # a refusal's situation differs from another's only by the sitting it was given in:
            # one (immutable) Situation per sitting serves all the refusals of that sitting, kept
            # in the memory while the rest of what it is made of stays the same (the sitting fixes
            # the history read for the pressure then)
            alternative = clamp(st.alternative)
            last, endgame = s.turn + 1 >= s.n_turns, t >= ENDGAME
            key = (mem.signed, mem.touched[d], s.pressure[d], alternative, s.turn, last, endgame)
            held = mem.situations.get((d, k))
            if held is None or held[0] != key:
                held = mem.situations[(d, k)] = (key, {})
            made = held[1]
            for r in refusals:
                if r.turn not in made:
                    made[r.turn] = acceptance.Situation(
                        mem.signed,
                        mem.touched[d],
                        s.pressure[d],
                        s.history[r.turn - 1].pressure[d] if 0 < r.turn <= len(s.history) else s.cs.pressure[d],
                        alternative,
                        s.turn,
                        last,
                        endgame,
                    )
            situations = tuple([made[r.turn] for r in refusals])
        return acceptance.Rule(asp, st.alternative, best_seen, t, refusals, situations, bidding.MIN_GAIN)

    def respond(self, s: GameState, d: int, p: Proposal) -> A.Respond:
        cs = s.cs
        mem = self.memory(s)
        k = p.instrument
        st = mem.stakes(s, d, k)
        value = st.value(p.package)
        rule = self.rule(s, d, k, p.proposer)
        asp = rule.aspiration_next
        verdict = rule.decide(value)
        if verdict.accept and s.turn + 1 >= s.n_turns and cs.instrument(k).ends_conference and self._better_on_table(s, d, p, value):
            verdict = acceptance.Verdict(False, HOLDS_OUT)
        deciding: tuple[str, ...] = ()
        wanted: tuple[str, ...] = ()
        stated: tuple[str, ...] = ()
        scope = cs.scope[k]
        if verdict.accept:
            idx = gain_focus(st, p.package)
            if idx is not None:
                i = scope[idx]
                deciding, wanted = (cs.issue_ids[i],), (cs.option_ids[i][p.package[idx]],)
        else:
            focus = refusal_focus(st, p.package, asp)
            if focus is not None:
                i = scope[focus[0]]
                deciding, wanted = (cs.issue_ids[i],), (cs.option_ids[i][focus[1]],)
                if s.position(d, i) == p.package[focus[0]]:  # the offer meets its public position there
                    stated = (cs.option_ids[i][p.package[focus[0]]],)
        # the terms alone beat no agreement, and the price of signing is what sinks them
        tipped = verdict.note == acceptance.WORSE_THAN_NO_DEAL and st.cost > 0 and value + st.cost > st.alternative + bidding.MIN_GAIN
        met = False
        if not verdict.accept:  # the package gives it every position it states on these issues
            own = [(x, o) for x, i in enumerate(scope) if (o := s.position(d, i)) >= 0]
            met = bool(own) and all(p.package[x] == o for x, o in own)
        reasons = A.Reasons(
            clamp(value),
            clamp(asp),
            clamp(st.alternative),
            deciding,
            verdict.note,
            wanted,
            stated=stated,
            cost=st.cost if tipped else None,
            positions_met=met,
        )
        answer = A.Answer.ACCEPT if verdict.accept else A.Answer.REJECT
        return A.Respond(cs.delegation_ids[d], p.id, answer, reasons)

    def move(self, s: GameState, d: int) -> A.MoveAction:
        cs = s.cs
        me = cs.delegation_ids[d]
        if s.answering:  # the closing round: its answers are given, nothing else is allowed
            return A.Pass(me)
        mem = self.memory(s)
        dice = s.dice[d]
        t = s.time_fraction()
        mediator = is_mediator(s, d)
        bids: list[bidding.Bid] = []
        supporting = False
        open_ = [p for p in s.proposals if p.status is ProposalStatus.OPEN]
        for k in range(len(cs.instrument_ids)):
            parties = s.active_parties(k)
            as_party = d in parties
            if s.is_signed(k) or not (as_party or (mediator and d not in cs.parties[k])):
                continue
            if any(x in s.walked_out for x in parties):
                continue
            if any(p.instrument == k and p.proposer == d for p in open_):
                continue  # its own offer stands
            held = [p for p in open_ if p.instrument == k and p.answer_of(d) is A.Answer.ACCEPT]
            if held and t < ENDGAME:
                supporting = True  # it backs the offer it accepted rather than copy it
                continue
            if as_party and any(p.instrument == k and p.answer_of(d) is None and p.seen_by(d) and self._will_accept(s, d, p) for p in open_):
                supporting = True  # ... or the one it has left for the closing round and will accept then
                continue
            if as_party:
                st = mem.stakes(s, d, k)
                if st.best < st.alternative + bidding.MIN_GAIN:
                    continue  # nothing worth proposing, whatever its target (best_bid would say None)
                tgt = target(st.best, st.alternative, self.share(mem, s, d, k, st, t))
                bid = bidding.best_bid(mem, s, d, k, st, tgt, refine=False)
            else:
                st = mem.stakes(s, d, k)
                bid = bidding.best_bid(mem, s, d, k, st, st.alternative, mediator=True, refine=False)
            if held and (bid is None or not self._beats_held(mem, s, d, bid, held)):
                supporting = True  # in the last sittings too, unless its model expects better of another offer
                continue
            if bid is not None:
                bids.append(bid)
        if bids and t >= ENDGAME:
            # the last sittings: few are left to test the others in, so it offers what promises most
            # (gain over no deal times its estimated chance), whether or not it looks likely
            choice = max(bids, key=lambda b: ((b.value - b.alternative) * b.chance, -b.instrument))
            return self._propose(mem, s, d, choice, "expects the addressees to accept" if choice.likely else "tests the others with an offer")
        likely = [b for b in bids if b.likely]
        if likely:
            choice = max(likely, key=lambda b: ((b.value - b.alternative) * b.chance, -b.instrument))
            return self._propose(mem, s, d, choice, "expects the addressees to accept")
        walkout = cs.delegation(d).walkout_pressure
        # a delegation that has signed something here has a result to defend, not a protest to make
        signed_here = any(d in cs.parties[sig.instrument] for sig in s.signed)
        if walkout is not None and not signed_here and s.pressure[d] >= walkout and t >= 0.5 and dice[1] < 0.35:
            base = mem.prefs(s).utility(d, s.settled)
            return A.Walkout(me, A.Reasons(clamp(base), clamp(base), clamp(base), (), "pressure from home and no deal in sight"))
        if bids and dice[2] < PROPOSE_CHANCE:
            choice = max(bids, key=lambda b: (b.chance, b.value, -b.instrument))
            return self._propose(mem, s, d, choice, "tests the others with an offer")
        shift = self._concede(mem, s, d)
        if shift is not None:
            return shift
        if bids or supporting:
            return A.Statement(me, kind=A.StatementKind.URGES_AGREEMENT)
        prefs = mem.prefs(s)
        top = prefs.top_issue(d)
        issue = cs.issue_ids[top] if prefs.weight[d][top] > 0 else None
        return A.Statement(me, kind=A.StatementKind.HOLDS_FIRM, issue=issue)

    # -- helpers ----------------------------------------------------------------------

    def _beats_held(self, mem: Memory, s: GameState, d: int, bid: bidding.Bid, held: list[Proposal]) -> bool:
        """Whether, in the last sittings, d's own best bid on an instrument promises more than
        every open offer on it that d has accepted: by its opponent model, a better chance that
        all the parties accept (those who have said yes to an offer count as sure of it). An
        offer someone is expected to refuse is then not worth waiting on while time runs out;
        a copy of it never is (it backs the offer itself)."""
        k = bid.instrument
        parties = s.active_parties(k)
        for p in held:
            if p.package == bid.package:
                return False
            waiting = [j for j in parties if j not in (d, p.proposer) and p.answer_of(j) is not A.Answer.ACCEPT]
            if bidding.joint_chance(mem, s, d, k, p.package, waiting) >= bid.chance:
                return False
        return True

    def _propose(self, mem: Memory, s: GameState, d: int, quick: bidding.Bid, note: str) -> A.Propose:
        cs = s.cs
        k = quick.instrument
        bid = bidding.refined(quick)
        scope = cs.scope[k]
        package = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(scope, bid.package, strict=True))
        parties = s.active_parties(k)
        private = cs.instrument(k).secret or len(parties) == 2 or any(s.is_banned(d, j) for j in range(cs.n_delegations) if j not in parties)
        to = tuple(cs.delegation_ids[j] for j in parties if j != d) if private else ()
        deciding: tuple[str, ...] = ()
        wanted: tuple[str, ...] = ()
        if d in parties:
            idx = gain_focus(mem.stakes(s, d, k), bid.package)
            if idx is not None:
                deciding, wanted = (cs.issue_ids[scope[idx]],), (cs.option_ids[scope[idx]][bid.package[idx]],)
        else:
            note = "proposes what the parties can all accept"
        reasons = A.Reasons(clamp(bid.value), clamp(bid.target), clamp(bid.alternative), deciding, note, wanted, float(bid.chance))
        return A.Propose(cs.delegation_ids[d], cs.instrument_ids[k], package, to, reasons=reasons)

    def defers(self, s: GameState, d: int, p: Proposal) -> bool:
        """Whether d leaves p unanswered for now, to say yes later.

        In the last sitting, a yes to an offer that would end the conference waits for the
        closing round (a refusal is given at once, so the others learn from it while they can
        still make offers): signing takes the earliest offer all accepted, so an early yes to a
        worse agreement could beat a better one, and a yes to an offer someone then refuses would
        be given for nothing. In the sittings before it, from `ENDGAME` on, a yes that only the
        deadline excuses (the offer is worse than one it refused) waits in the same way unless its
        opponent model gives the offer a fair chance with the parties still to answer (the offer
        stays open until the end of the next sitting)."""
        cs = s.cs
        t = s.time_fraction()
        if t < ENDGAME:
            return False
        last = s.turn + 1 >= s.n_turns
        if last and not cs.instrument(p.instrument).ends_conference:
            return False
        value = self.memory(s).stakes(s, d, p.instrument).value(p.package)
        verdict = self.rule(s, d, p.instrument, p.proposer).decide(value)
        if not verdict.accept:
            return False
        if last:
            return True
        if verdict.note not in acceptance.DEADLINE:
            return False
        waiting = [j for j in s.active_parties(p.instrument) if j not in (d, p.proposer) and p.answer_of(j) is not A.Answer.ACCEPT]
        return bidding.joint_chance(self.memory(s), s, d, p.instrument, p.package, waiting) < DEFER_BELOW

    def _will_accept(self, s: GameState, d: int, p: Proposal) -> bool:
        """Whether d has left p for the closing round, where it would accept it as things stand."""
        return p.proposer != d and self.defers(s, d, p)

    def _better_on_table(self, s: GameState, d: int, p: Proposal, value: float) -> bool:
        """In the last sitting, whether d should refuse p, an offer that would end the conference,
        because a later open offer on another conference-ending instrument is worth more to it and
        every other party has accepted it already. The engine signs the earlier of two fully
        accepted offers, so accepting p would throw the better one away; refusing risks nothing
        when the better one needs only d's own yes."""
        cs = s.cs
        mem = self.memory(s)
        for q in s.proposals:
            k2 = q.instrument
            if q.id <= p.id or q.status is not ProposalStatus.OPEN or k2 == p.instrument or not cs.instrument(k2).ends_conference:
                continue
            parties = s.active_parties(k2)
            if d not in parties or not q.seen_by(d):
                continue
            if any(j not in (d, q.proposer) and q.answer_of(j) is not A.Answer.ACCEPT for j in parties):
                continue  # someone may still refuse it: a bird in the hand
            better = mem.stakes(s, d, k2).value(q.package)
            if better <= value + HOLD_MARGIN:
                continue
            if d == q.proposer or q.answer_of(d) is A.Answer.ACCEPT or self.rule(s, d, k2, q.proposer).decide(better).accept:
                return True
        return False

    def _concede(self, mem: Memory, s: GameState, d: int) -> A.Shift | None:
        """Give ground in public while what it has given is behind what the clock allows."""
        cs = s.cs
        prefs = mem.prefs(s)
        given, room = positions.conceded_so_far(prefs, s, d)
        if room <= 0:
            return None
        allowed = positions.PUBLIC_SHARE * self.curve(s, d).fraction(s.time_fraction(), s.pressure[d]) * room
        if given > allowed + 1e-9:  # no step costs less than nothing: nothing to look for
            return None
        step = positions.cheapest_step(mem, prefs, s, d, lambda loss: given + loss <= allowed + 1e-9)
        if step is None or given + step.loss > allowed + 1e-9:
            return None
        i = step.issue
        # the numbers shown: its public demands, all met, after and before the step; and no deal
        n_i = cs.n_issues
        demands = tuple(x if (x := s.settled[j]) >= 0 else s.positions[d * n_i + j] for j in range(n_i))
        before = prefs.utility(d, demands)
        reasons = A.Reasons(
            clamp(before - step.loss),
            clamp(before),
            clamp(prefs.utility(d, s.settled)),
            (cs.issue_ids[i],),
            "concedes where it costs least",
            (cs.option_ids[i][step.option],),
        )
        return A.Shift(cs.delegation_ids[d], cs.issue_ids[i], cs.option_ids[i][step.option], reasons)


def new_strategy() -> Negotiator:
    """A fresh AI for one game or session."""
    return Negotiator()
