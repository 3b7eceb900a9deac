"""The Nash-product ratio of a signed deal is measured in the world it was signed into.

In the tutorial, Southport and Eastmark's side pact (fishing, berths) may be signed before
the harbour treaty (tolls, fishing, berths). Settled means settled: the treaty had to keep
the pact's terms, so its Nash point is sought among the packages that keep them, not over
every package as if the pact had never been signed (which gave the tutorial a mean ratio of
0.22 where the AI had in fact signed the best package open to it)."""

from __future__ import annotations

from pathlib import Path

from game.ai.driver import play_game
from game.ai.negotiator import Negotiator
from game.analysis.ai_measures import best_nash, nash_ratio
from game.engine.compiled import compile_scenario
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]


def test_a_treaty_signed_after_a_side_pact_is_measured_among_the_packages_open_to_it() -> None:
    cs = compile_scenario(load(ROOT / "scenarios" / "tutorial.toml").scenario)
    pact, treaty = cs.inst_index["side_pact"], cs.inst_index["harbour_treaty"]
    ai = Negotiator()
    checked = 0
    for k in range(12):
        s = play_game(cs, (1, k), "full", ai)
        order = [sig.instrument for sig in s.signed]
        if order[:2] != [pact, treaty]:
            continue
        terms = dict(zip(cs.scope[pact], s.signed[0].package, strict=True))
        best = best_nash(s, treaty)
        assert best is not None
        kept = {i: o for i, o in zip(cs.scope[treaty], best[1], strict=True) if i in terms}
        assert kept == terms, "the Nash point broke terms the side pact had settled"
        ratio = nash_ratio(s, treaty, s.signed[1].package)
        assert ratio is not None and 0.0 <= ratio <= 1.0
        checked += 1
    assert checked >= 3, "too few games signed the pact before the treaty to test anything"
