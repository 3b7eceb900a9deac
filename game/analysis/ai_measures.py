"""How well the AI negotiates, read from finished games' logs: the `ai` section of a batch.

Every measure is computed from what the log and the final state show, not
from the AI's own memory, so a change to the AI cannot mark its own work:

- proposals repeating a package one of its addressees refused, when that
  addressee has not moved since (no public shift, no event touching it);
- proposals copying an open proposal the proposer had already accepted;
- acceptances of a package worth less (by the AI's logged values) than one
  the same delegation refused earlier on the same instrument, and how many
  of those name a change of situation as the cause;
- public shifts that reverse the delegation's previous shift on that issue,
  and shifts labelled as concessions that raise the delegation's own value;
- first concessions made on the delegation's most heavily weighted issue;
- the Nash-product ratio of signed deals: the product of the parties' gains
  over no deal, against the best product any package of that instrument
  reaches (1 = the Nash bargaining point);
- refusals that contradict what the refuser says in public: of a package
  meeting every public position it states on the instrument's issues, and
  (of refusals naming a deciding issue) of a package that already gives it
  its public position on that deciding issue. Positions are followed from
  the log (its shifts, and the events and signatures that set positions);
- how well the proposers' opponent models foresee the answers: each AI
  proposal logs the chance its proposer gave it that every addressee
  accepts; grouped by that chance (fifths), the share that every addressee
  did accept (signed, or accepted by all), overall and in the last sitting,
  and the Brier score (mean squared error of the chance, 0 is perfect);
- per conference-ending instrument, games where at some moment a package
  existed that every active party would have accepted under its own
  acceptance rule at that moment (`DealWatch`, called before every turn: the
  delegation about to move could have proposed it), and the share of those
  games where the instrument was signed. The rule is the AI's own
  (`Negotiator.rule`, the same object its answers use), applied to every
  package at once; it reads true utilities, which is what a measure is for
  (the AI itself bids only on its opponent model).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.ai import acceptance, bidding
from game.ai.model import Stakes
from game.ai.negotiator import Negotiator, is_mediator
from game.engine import actions as A
from game.engine.log import LogKind
from game.engine.state import GameState, ProposalStatus
from game.engine.utility import table, utility
from game.scenario.models import TOUCHING_EFFECTS, Effect, PositionEffect

_CAUSES = frozenset(
    {
        "accepts now that a treaty is signed",
        "accepts now that events changed its priorities",
        "accepts now that its other prospects have faded",
        "accepts now that the conference is ending",
        "accepts now that time is running out",
    }
)
#: Packages listed in full up to this many; larger instruments are searched issue by issue.
ENUMERATE_LIMIT = 50_000


def _exact(total: int, count: int, digits: int) -> float:
    """total / count rounded to `digits` places exactly (half to even), whatever floats would make of a tie."""
    return float(round(Fraction(total, count), digits))


@dataclass
class AIMeasures:
    """The AI's measures over a batch. The sums are whole numbers (ratios in millionths, the logged
    chances in thousandths), so the figures do not depend on how many workers added them up, nor in
    which order: float sums merged from workers differed in the last digit shown."""

    counts: Counter[str] = field(default_factory=Counter)
    nash_sum: int = 0  # millionths
    # per "scope:fifth" of the proposers' chances: the sum of the chances (for their mean), in
    # thousandths; and the sum of squared errors of every chance (the Brier score's numerator), in millionths
    chance_sums: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    brier: int = 0

    def __add__(self, other: AIMeasures) -> AIMeasures:
        sums: dict[str, int] = defaultdict(int, self.chance_sums)
        for key, x in other.chance_sums.items():
            sums[key] += x
        return AIMeasures(self.counts + other.counts, self.nash_sum + other.nash_sum, sums, self.brier + other.brier)

    def add_game(self, s: GameState, deals: dict[int, int] | None = None) -> None:
        """Count one finished game; `deals` (instrument -> first sitting a deal for all existed,
        from a `DealWatch` that saw the game played) feeds the deal-for-all measure."""
        c = self.counts
        cs = s.cs
        n_d = cs.n_delegations
        moves = [0] * n_d
        refusals: dict[tuple[int, tuple[int, ...]], list[tuple[int, int, frozenset[str] | None]]] = {}
        open_: dict[int, tuple[int, int, tuple[int, ...]]] = {}  # proposal id -> (proposer, instrument, package)
        accepted_by: dict[int, set[int]] = {}
        refused_values: dict[tuple[int, int], float] = {}
        direction: dict[tuple[int, int], int] = {}
        first_shift: set[int] = set()
        settled: set[int] = set()  # issues settled by a signature so far
        n_i = cs.n_issues
        weights = cs.stances.weights
        chances: list[tuple[int, float, bool]] = []  # (proposal id, its proposer's chance, made in the last sitting)
        contrib0 = [table_of_start(s, d) for d in range(n_d)]
        stated = list(cs.positions)  # every delegation's public positions (D*I, -1 = none), as the log moves them

        def touch(effects: Iterable[Effect]) -> None:
            for eff in effects:
                if isinstance(eff, TOUCHING_EFFECTS) and eff.delegation in cs.d_index:
                    moves[cs.d_index[eff.delegation]] += 1
                if isinstance(eff, PositionEffect) and eff.delegation in cs.d_index and eff.issue in cs.i_index:
                    i = cs.i_index[eff.issue]
                    stated[cs.d_index[eff.delegation] * n_i + i] = cs.option_index(i, eff.option)

        for e in s.log:
            data = e.data or {}
            if e.kind is LogKind.EVENT:
                k = cs.event_index.get(str(data.get("event")))
                if k is not None:
                    touch(cs.event(k).effects)
            elif e.kind is LogKind.SIGNED:
                open_.pop(int(data["proposal"]), None)
                settled.update(cs.scope[cs.inst_index[str(data["instrument"])]])
                touch(cs.instrument(cs.inst_index[str(data["instrument"])]).effects)
            elif e.kind is LogKind.LAPSED:
                open_.pop(int(data["proposal"]), None)
            elif e.kind is LogKind.PROPOSAL:
                p = s.proposals[int(data["proposal"]) - 1]
                d = p.proposer
                c["proposals"] += 1
                viewer = cs.delegation_ids[d]
                if any(moves[who] == m and (aud is None or viewer in aud) for who, m, aud in refusals.get((p.instrument, p.package), ())):
                    c["repeat_refused"] += 1
                if any(k == p.instrument and pkg == p.package and d in accepted_by.get(pid, set()) for pid, (_, k, pkg) in open_.items()):
                    c["copy_accepted"] += 1
                for pid, (who, k, _) in list(open_.items()):
                    if who == d and k == p.instrument:
                        del open_[pid]  # the newer proposal replaces the older
                open_[p.id] = (d, p.instrument, p.package)
                r = data.get("reasons")
                if r and r.get("chance") is not None:
                    chances.append((p.id, float(r["chance"]), p.turn + 1 >= s.n_turns))
            elif e.kind is LogKind.ANSWER and not data.get("amends"):  # (a refusal adding what would change it is not a new answer)
                pid = int(data["proposal"])
                p = s.proposals[pid - 1]
                d = cs.d_index[e.actor or ""]
                r = data.get("reasons")
                if data["answer"] == "accept":
                    accepted_by.setdefault(pid, set()).add(d)
                    if r:
                        c["acceptances"] += 1
                        worst = refused_values.get((d, p.instrument))
                        if worst is not None and float(r["value"]) < worst - 0.5:
                            c["accept_worse"] += 1
                            if r.get("note") in _CAUSES:
                                c["accept_worse_named"] += 1
                else:
                    open_.pop(pid, None)
                    refusals.setdefault((p.instrument, p.package), []).append((d, moves[d], e.audience))
                    if r:
                        key = (d, p.instrument)
                        refused_values[key] = max(refused_values.get(key, -math.inf), float(r["value"]))
                        self._against_positions(s, d, p.instrument, p.package, r, stated)
            elif e.kind is LogKind.POSITION:
                d = cs.d_index[e.actor or ""]
                i = cs.i_index[str(data["issue"])]
                new = cs.option_ids[i].index(str(data["option"]))
                was = cs.option_ids[i].index(str(data["was"]))
                stated[d * n_i + i] = new
                moves[d] += 1
                c["shifts"] += 1
                step = 1 if new > was else -1
                if direction.get((d, i), step) != step:
                    c["reversals"] += 1
                direction[(d, i)] = step
                r = data.get("reasons")
                if r and r.get("note", "").startswith("concedes") and contrib0[d][i][new] > contrib0[d][i][was] + 1e-9:
                    c["concessions_that_gain"] += 1
                if d not in first_shift:
                    first_shift.add(d)
                    c["first_concessions"] += 1
                    top = i == int(np.argmax(weights[d]))
                    if top:
                        c["first_on_top_issue"] += 1
                    # it had a choice: another issue still open on which it had stated a demand
                    if any(j != i and j not in settled and cs.positions[d * n_i + j] >= 0 for j in range(n_i)):
                        c["first_concessions_with_choice"] += 1
                        c["first_on_top_issue_with_choice"] += int(top)
        self._chances(s, chances)
        self._deals(s, deals)

    def _against_positions(self, s: GameState, d: int, k: int, package: tuple[int, ...], r: dict[str, Any], stated: list[int]) -> None:
        """Count an AI refusal against the refuser's public positions at that moment (`stated`, D*I)."""
        c = self.counts
        cs = s.cs
        n_i = cs.n_issues
        c["refusals"] += 1
        own = [(x, stated[d * n_i + i]) for x, i in enumerate(cs.scope[k]) if stated[d * n_i + i] >= 0]
        if own and all(package[x] == o for x, o in own):
            c["refusals_meeting_every_position"] += 1
        deciding = r.get("deciding") or ()
        if deciding and str(deciding[0]) in cs.i_index:
            i = cs.i_index[str(deciding[0])]
            if i in cs.scope[k]:
                c["refusals_with_deciding"] += 1
                c["refusals_deciding_at_position"] += int(package[cs.scope[k].index(i)] == stated[d * n_i + i])

    def _chances(self, s: GameState, chances: list[tuple[int, float, bool]]) -> None:
        """Each AI proposal's estimated chance against what came of it: every addressee accepted it
        (or it was signed), or not (refused, lapsed, or left unanswered by someone)."""
        c = self.counts
        for pid, chance, last in chances:
            p = s.proposals[pid - 1]
            parties = [j for j in s.active_parties(p.instrument) if j != p.proposer]
            ok = p.status is ProposalStatus.SIGNED or all(p.answer_of(j) is A.Answer.ACCEPT for j in parties)
            fifth = min(4, int(chance * 5))
            for scope in ("all", "last") if last else ("all",):
                c[f"chance:{scope}:{fifth}:n"] += 1
                c[f"chance:{scope}:{fifth}:ok"] += int(ok)
                self.chance_sums[f"{scope}:{fifth}"] += round(chance * 1000)
            self.brier += (round(chance * 1000) - 1000 * int(ok)) ** 2

    def _deals(self, s: GameState, deals: dict[int, int] | None) -> None:
        """Nash-product ratio of each signed deal; whether a deal for all was there to be had."""
        c = self.counts
        cs = s.cs
        c["games"] += 1
        ends = [k for k in range(len(cs.instrument_ids)) if cs.instrument(k).ends_conference]
        signed = {sig.instrument: sig for sig in s.signed}
        for sig in s.signed:
            ratio = nash_ratio(s, sig.instrument, sig.package)
            if ratio is not None:
                c["deals"] += 1
                self.nash_sum += round(ratio * 1_000_000)
        if deals is None:
            return
        for k in ends:
            iid = cs.instrument_ids[k]
            if k not in deals and k not in signed:
                continue
            c[f"zopa_games:{iid}"] += 1
            c[f"zopa_first:{iid}"] += deals.get(k, signed[k].turn if k in signed else 0) + 1
            if k in signed:
                c[f"zopa_signed:{iid}"] += 1

    def _calibration(self) -> dict[str, dict[str, dict[str, float | int | None]]]:
        """Per scope (all proposals, those of the last sitting) and fifth of the estimated chance: how
        many, their mean chance and the share that every addressee accepted."""
        c = self.counts
        out: dict[str, dict[str, dict[str, float | int | None]]] = {}
        for scope in ("all", "last"):
            rows: dict[str, dict[str, float | int | None]] = {}
            for f in range(5):
                n = c[f"chance:{scope}:{f}:n"]
                if n:
                    rows[_fifth(f)] = {
                        "proposals": n,
                        "mean_chance": _exact(self.chance_sums[f"{scope}:{f}"], n * 1000, 3),
                        "accepted_share": round(c[f"chance:{scope}:{f}:ok"] / n, 3),
                    }
            out[scope] = rows
        return out

    def to_json(self) -> dict[str, Any]:
        c = self.counts

        def share(a: str, b: str) -> float | None:
            return round(c[a] / c[b], 4) if c[b] else None

        return {
            "proposals": c["proposals"],
            "repeat_refused_share": share("repeat_refused", "proposals"),
            "copy_accepted_share": share("copy_accepted", "proposals"),
            "acceptances": c["acceptances"],
            "accept_worse_share": share("accept_worse", "acceptances"),
            "accept_worse_with_named_cause": c["accept_worse_named"],
            "shifts": c["shifts"],
            "reversal_share": share("reversals", "shifts"),
            "concessions_that_gain_share": share("concessions_that_gain", "shifts"),
            "first_concession_on_top_issue_share": share("first_on_top_issue", "first_concessions"),
            # the same, counting only first concessions made while another issue was still open to it
            "first_concession_on_top_issue_with_choice_share": share("first_on_top_issue_with_choice", "first_concessions_with_choice"),
            # refusals (by the AI) that contradict the refuser's public positions at that moment
            "refusals": c["refusals"],
            "refusals_meeting_every_position_share": share("refusals_meeting_every_position", "refusals"),
            "refusals_deciding_at_position_share": share("refusals_deciding_at_position", "refusals_with_deciding"),
            "chance_calibration": self._calibration(),
            "chance_brier": _exact(self.brier, n * 1_000_000, 4) if (n := sum(c[f"chance:all:{f}:n"] for f in range(5))) else None,
            "signed_deals": c["deals"],
            "mean_nash_ratio": _exact(self.nash_sum, c["deals"] * 1_000_000, 4) if c["deals"] else None,
            # per conference-ending instrument: games where at some moment a package existed that
            # every active party would have accepted under its own rule then (or it was signed), the
            # share of those that signed it, and the mean sitting (1-based) such a package first existed
            "deal_for_all": {
                key.split(":", 1)[1]: {
                    "games": n,
                    "signed_share": share("zopa_signed:" + key.split(":", 1)[1], key),
                    "mean_first_sitting": round(c["zopa_first:" + key.split(":", 1)[1]] / n, 2),
                }
                for key, n in sorted(c.items())
                if key.startswith("zopa_games:")
            },
        }


def _fifth(f: int) -> str:
    return f"{20 * f}-{20 * (f + 1)}%"


class DealWatch:
    """Watches games being played (pass it as `play_game(observe=...)`) and notes, per
    conference-ending instrument, the first sitting at which the delegation about to move
    could have proposed a package that every active party would accept under its own
    acceptance rule at that moment. One watch per worker; it follows one game at a time.

    Without `ai` it keeps its own `Negotiator` (its own memory of the game). Given the AI that
    plays (as the batch does), it reads that AI's memory instead of building a second one:
    everything the memory keeps is a pure function of the game so far (evidence read from the
    log in order, valuations kept per sitting), so a value asked early is the value the AI would
    have found when it asked, and a watched game is still the game unwatched."""

    def __init__(self, ai: Negotiator | None = None) -> None:
        self._ai = ai if ai is not None else Negotiator()
        self._game: tuple[int, ...] | None = None
        self.found: dict[int, int] = {}  # instrument -> first sitting (0-based) with a deal for all
        # instrument -> (the stakes, the grids, the zone, the tops (see `_values`), what the grids were made of)
        self._held: dict[int, tuple[tuple[Stakes, ...], list[NDArray[np.float64]], NDArray[np.intp], list[float], tuple[object, ...]]] = {}
        # instrument -> the memory's sitting token (`Memory.sitting`) under which its parties' stakes
        # alone ruled out a deal (some party gains nothing, or no package beats every no deal):
        # that answer holds, whoever proposes, until the valuations are renewed
        self._none: dict[int, tuple[object, ...]] = {}
        self._stopper: dict[int, int] = {}  # instrument -> the party whose rule last left no package

    def __call__(self, s: GameState) -> None:
        if s.seed != self._game or (s.turn == 0 and s.cursor == 0):
            self._game, self.found, self._held, self._none, self._stopper = s.seed, {}, {}, {}, {}
        d = s.actor
        if d is None or s.answering:  # the closing round: answers only, nothing can be proposed
            return
        cs = s.cs
        for k in range(len(cs.instrument_ids)):
            if k in self.found or not cs.instrument(k).ends_conference or s.is_signed(k):
                continue
            parties = s.active_parties(k)
            if not parties or any(p in s.walked_out for p in parties):
                continue
            if d not in parties and not (is_mediator(s, d) and d not in cs.parties[k]):
                continue
            if self.deal_for_all(s, k, d) is not None:
                self.found[k] = s.turn

    def deal_for_all(self, s: GameState, k: int, proposer: int) -> tuple[int, ...] | None:
        """A package of k that every active party would accept now if `proposer` offered it
        (the proposer included, by its own rule), or None."""
        ai = self._ai
        mem = ai.memory(s)
        sitting = mem.sitting(s)
        if self._none.get(k) is sitting:
            return None  # as found earlier this sitting: the stakes alone rule a deal out
        parties = s.active_parties(k)
        gains = [mem.stakes(s, j, k) for j in parties]
        sizes = [len(row) for row in gains[0].gain]
        if any(st.best <= st.alternative + bidding.MIN_GAIN for st in gains):
            self._none[k] = sitting
            return None  # some party gains nothing from any package: no rule accepts one
        if math.prod(sizes) <= ENUMERATE_LIMIT:
            values, zone, tops = self._values(k, gains)
            if zone.size == 0:
                self._none[k] = sitting
                return None  # no package beats every party's no deal this sitting
            alive: NDArray[np.intp] = zone  # indices of the packages every party so far accepts
            # the packages all accept are the same in any order of asking: the party whose rule
            # left none the last time is asked first (often the only rule that need be read)
            x0 = parties.index(self._stopper[k]) if self._stopper.get(k) in parties else 0
            for x in (x0, *range(x0), *range(x0 + 1, len(parties))):
                j, st, v, top = parties[x], gains[x], values[x], tops[x]
                # a bound at or below j's floor, found without weighing the others' pace, often
                # rules the zone out alone: then so would the floor (the rule is not needed)
                bound = ai.floor_bound(s, j, k, proposer)
                if bound is not None and (st.best < bound or top < bound):
                    self._stopper[k] = j
                    return None
                rule = ai.rule(s, j, k, proposer)
                floor = _floor(rule)
                if st.best < floor or top < floor:
                    self._stopper[k] = j
                    return None  # (`top`: j's best value in the zone, so none there reaches the floor)
                cand = v[alive]
                keep = (cand >= floor).nonzero()[0]
                keep = keep[rule.accepts(cand[keep])]
                alive = alive[keep]
                if alive.size == 0:
                    self._stopper[k] = j
                    return None
            # `alive` indexes packages with the last issue slowest (see `_values`): the first
            # package in the usual order (the first issue slowest) is the one returned
            usual = bidding.usual_numbers(alive, sizes)
            return tuple(int(x) for x in np.unravel_index(int(usual.min()), sizes))
        rules = [ai.rule(s, j, k, proposer) for j in parties]
        # large: raise the worst margin over each party's threshold issue by issue, then ask the rules
        floors = [_floor(r) for r in rules]
        chosen = [int(np.argmax(np.sum([st.gain[x] for st in gains], axis=0))) for x in range(len(sizes))]

        def margin(pkg: list[int]) -> float:
            return min(st.value(tuple(pkg)) - f for st, f in zip(gains, floors, strict=True))

        for _ in range(4):
            for x, n in enumerate(sizes):
                scores = [margin([*chosen[:x], o, *chosen[x + 1 :]]) for o in range(n)]
                chosen[x] = int(np.argmax(scores))
        pkg = tuple(chosen)
        if all(rule.decide(st.value(pkg)).accept for st, rule in zip(gains, rules, strict=True)):
            return pkg
        return None

    def _values(self, k: int, gains: list[Stakes]) -> tuple[list[NDArray[np.float64]], NDArray[np.intp], list[float]]:
        """Each party's value of every package of k (flat, the last issue's option slowest), the
        packages that beat every party's no deal, and each party's best value among those; kept
        while the parties' stakes are the same objects (the AI's memory renews them each sitting).

        Each value is added up issue by issue from the first, as `Stakes.value` would list the
        terms (`bidding.stacked_grids`, from each party's no deal less its cost)."""
        held = self._held.get(k)
        if held is not None and len(held[0]) == len(gains) and all(a is b for a, b in zip(held[0], gains, strict=True)):
            return held[1], held[2], held[3]
        # renewed stakes often hold the same numbers as the last (a sitting that moved nothing these
        # parties value): what the grids are made of is compared first, a fraction of their cost
        made = tuple((st.gain, st.alternative, st.cost) for st in gains)
        if held is not None and held[4] == made:
            self._held[k] = (tuple(gains), *held[1:])
            return held[1], held[2], held[3]
        out = list(bidding.stacked_grids([st.gain for st in gains], [st.alternative - st.cost for st in gains]))
        zone = out[0] > gains[0].alternative + bidding.MIN_GAIN
        for st, v in zip(gains[1:], out[1:], strict=True):
            zone &= v > st.alternative + bidding.MIN_GAIN
        where = zone.nonzero()[0]
        tops = [float(v[where].max()) for v in out] if where.size else []
        self._held[k] = (tuple(gains), out, where, tops, made)
        return out, where, tops


def _floor(rule: acceptance.Rule) -> float:
    """A value below which the rule accepts nothing (its exact answer still decides above it)."""
    meets = min(rule.aspiration_next, rule.best_seen) if rule.t >= acceptance.COMBI_FROM else rule.aspiration_next
    return max(rule.alternative + rule.min_gain, meets)


def table_of_start(s: GameState, d: int) -> tuple[tuple[float, ...], ...]:
    """d's per-issue option values at the start of the game (for judging its concessions)."""
    cs = s.cs
    vals = cs.stances.values[d].tolist()
    return tuple(tuple(vals[cs.option_offset[i] + o] for o in range(n)) for i, n in enumerate(cs.n_options))


def _gains(s: GameState, k: int) -> tuple[list[np.ndarray], np.ndarray]:
    """Per scope issue, a (parties x options) array of each party's gain; and each party's no-deal base."""
    cs = s.cs
    parties = cs.parties[k]
    scope = cs.scope[k]
    # the world k was signed into (or now, if it is not signed): what the treaties signed before it had settled,
    # which k had to keep (settled means settled); the treaties signed after it settled nothing yet
    world = [-1] * cs.n_issues
    for sig in s.signed:
        if sig.instrument == k:
            break
        for i, o in zip(cs.scope[sig.instrument], sig.package, strict=True):
            world[i] = o
    base = []
    rows: list[list[list[float]]] = [[] for _ in scope]
    for j in parties:
        t = table(s, j)
        base.append(utility(t, tuple(world)) + 0.0)
        for x, i in enumerate(scope):
            if world[i] >= 0:
                rows[x].append([t.contrib[i][o] - t.contrib[i][world[i]] if o == world[i] else -1e9 for o in range(cs.n_options[i])])
            else:
                rows[x].append([t.contrib[i][o] - t.unsettled[i] for o in range(cs.n_options[i])])
    costs = np.array([float(s.costs[k, j]) for j in parties])
    return [np.array(r) for r in rows], costs


def best_nash(s: GameState, k: int) -> tuple[float, tuple[int, ...]] | None:
    """The highest Nash product (parties' gains over no deal) of any package of k, and that package."""
    rows, costs = _gains(s, k)
    sizes = [r.shape[1] for r in rows]
    if math.prod(sizes) <= ENUMERATE_LIMIT:
        total = -costs[:, None]
        for r in rows:
            total = (total[:, :, None] + r[:, None, :]).reshape(len(costs), -1)
        surplus = np.clip(total, 0.0, None)
        prod = np.prod(surplus, axis=0)
        at = int(prod.argmax())
        return float(prod[at]), tuple(int(x) for x in np.unravel_index(at, sizes))
    # large: best response issue by issue from the middle, a few rounds
    chosen = [n // 2 for n in sizes]
    for _ in range(4):
        for x, n in enumerate(sizes):
            scores = []
            for o in range(n):
                trial = chosen[:x] + [o] + chosen[x + 1 :]
                g = -costs + sum(r[:, p] for r, p in zip(rows, trial, strict=True))
                scores.append(float(np.prod(np.clip(g, 0.0, None))))
            chosen[x] = int(np.argmax(scores))
    g = -costs + sum(r[:, p] for r, p in zip(rows, chosen, strict=True))
    return float(np.prod(np.clip(g, 0.0, None))), tuple(chosen)


def nash_ratio(s: GameState, k: int, package: tuple[int, ...]) -> float | None:
    best = best_nash(s, k)
    if best is None or best[0] <= 0:
        return None
    rows, costs = _gains(s, k)
    g = -costs + sum(r[:, p] for r, p in zip(rows, package, strict=True))
    return float(np.prod(np.clip(g, 0.0, None))) / best[0]
