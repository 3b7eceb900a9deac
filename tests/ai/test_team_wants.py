"""The AI answers what a team's refusal asks for: the proposer's next offer carries the option the team named more
often than after the same refusal left unsaid (the opponent model weighs the named issue and option, as it does an
AI's stated reason)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.driver import run_ai_turn
from game.ai.negotiator import Negotiator
from game.analysis.seats import named_want
from game.engine import actions as A
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.narrate import Narrator
from game.engine.rules import new_game, step
from game.engine.state import GameState, Proposal
from game.i18n import Translator
from game.scenario.loader import load
from game.scenario.texts import tr
from game.views.inbox import inbox

GENOA = Path(__file__).resolve().parents[2] / "scenarios" / "genoa_1922.toml"
GAMES = 30


def _share_heard(cs: CompiledScenario, seat: str, say: bool) -> float:
    """Over GAMES short games with `seat` refusing every proposal: the share of its wants (said or not) that the same
    proposer's next offer on the same agreement carries."""
    d = cs.d_index[seat]
    hit = total = 0
    for k in range(GAMES):
        ai = Negotiator()
        s = new_game(cs, (1922, k), "short", humans=[seat])
        asked: list[tuple[int, int, tuple[str, str], int]] = []
        while not s.ended and s.actor is not None:
            if s.actor != d:
                s = run_ai_turn(s, lambda st, a: step(st, a).state, ai)
                continue
            for p in s.pending_for(d):
                want = named_want(s, d, p)
                if want is not None:
                    asked.append((p.proposer, p.instrument, want, p.id))
                s = step(s, A.Respond(seat, p.id, A.Answer.REJECT, want=want if say else None)).state
            s = step(s, A.Pass(seat)).state
        for who, inst, (issue, option), pid in asked:
            nxt = next((p for p in s.proposals if p.id > pid and p.proposer == who and p.instrument == inst), None)
            if nxt is None:
                continue
            i = cs.i_index[issue]
            total += 1
            hit += nxt.package[cs.scope[inst].index(i)] == cs.option_ids[i].index(option)
    assert total >= GAMES, total  # enough later offers to compare
    return hit / total


@pytest.mark.parametrize("seat", ["belgium", "japan"])
def test_the_next_offer_carries_what_a_team_asked_for_more_often(seat: str) -> None:
    cs = compile_scenario(load(GENOA).scenario)
    silent, said = _share_heard(cs, seat, False), _share_heard(cs, seat, True)
    assert said >= silent + 0.1, (silent, said)


def _cost(s: GameState, d: int, p: Proposal, issue: str) -> float:
    cs = s.cs
    i = cs.i_index[issue]
    o = p.package[cs.scope[p.instrument].index(i)]
    values = [float(s.stances.values[d, cs.option_offset[i] + k]) for k in range(len(cs.option_ids[i]))]
    return float(s.stances.weights[d, i]) * (max(values) - values[o])


def test_the_inbox_tells_a_team_when_an_offer_gives_what_it_asked_for() -> None:
    """Belgium refuses every offer asking for its best option where the offer costs it most; each later offer in its
    inbox says whether it gives what Belgium last asked for on that agreement before the offer was made, and only then."""
    cs = compile_scenario(load(GENOA).scenario)
    d = cs.d_index["belgium"]
    tr_ = Translator("en")
    n = Narrator(cs, "en", tr_.t)
    told = untold = 0
    for k in range(10):
        ai = Negotiator()
        s = new_game(cs, (1922, k), "short", humans=["belgium"])
        asked: dict[int, tuple[int, int]] = {}  # agreement -> (issue, option) Belgium last asked for
        when: dict[int, dict[int, tuple[int, int]]] = {}  # proposal -> what Belgium had asked for when it was made
        while not s.ended and s.actor is not None:
            for p in s.proposals[len(when) :]:
                when[p.id] = dict(asked)
            if s.actor != d:
                s = run_ai_turn(s, lambda st, a: step(st, a).state, ai)
                continue
            for p in s.pending_for(d):
                item = next(x for x in inbox(s, "belgium", tr_, n) if x.id == p.id)
                # the refusal card lists first the issues where this offer costs Belgium most
                short = [_cost(s, d, p, w.issue) for w in item.wants]
                assert short == sorted(short, reverse=True), short
                before = when[p.id].get(p.instrument)
                if before is not None and p.package[cs.scope[p.instrument].index(before[0])] == before[1]:
                    issue = cs.issue(before[0])
                    assert item.heard == (tr(issue.title, "en"), tr(issue.options[before[1]].label, "en")), p.id
                    told += 1
                else:
                    assert item.heard is None, p.id
                    untold += 1
                want = named_want(s, d, p)
                if want is not None:
                    i = cs.i_index[want[0]]
                    asked[p.instrument] = (i, cs.option_ids[i].index(want[1]))
                s = step(s, A.Respond("belgium", p.id, A.Answer.REJECT, want=want)).state
            s = step(s, A.Pass("belgium")).state
    assert told >= 5 and untold >= 5, (told, untold)
