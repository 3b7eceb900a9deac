"""Small drivers and purpose-built scenarios for the engine tests (fixtures live in conftest.py).

`MINI` is a purpose-built conference small enough to reason about by hand:
three delegations (alpha essential, beta and gamma not), a general treaty
that ends the conference, a secret beta–gamma pact with effects on alpha,
and optional events the tests fire from the teacher's console.
"""

from __future__ import annotations

from pathlib import Path

from game.engine import actions as A
from game.engine.compiled import CompiledScenario, compile_scenario
from game.engine.rules import new_game, step
from game.engine.state import GameState
from game.play.random_play import drive, legal_moves, teacher_moves  # noqa: F401  (re-exported for the tests)
from game.scenario.loader import load
from tests.scenario_files import loaded  # noqa: F401  (re-exported for the tests here)

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
TUTORIAL = SCENARIOS / "tutorial.toml"

MINI = """
id = "mini"
format = 1

[meta]
title = "Mini conference"

[calendar]
sittings = ["1920-01-01", "1920-01-02", "1920-01-03", "1920-01-04"]

[[calendar.lengths]]
id = "short"
title = "Short"
sittings = ["1920-01-01", "1920-01-02"]

[[issues]]
id = "land"
title = "Land"
options = [{ id = "a", label = "A" }, { id = "b", label = "B" }, { id = "c", label = "C" }]

[[issues]]
id = "money"
title = "Money"
options = [{ id = "lo", label = "Low" }, { id = "hi", label = "High" }]

[[delegations]]
id = "alpha"
name = "Alpha"
essential = true
relations = { beta = 50, gamma = 50 }
stances.land = { values = { a = 100, b = 50, c = 0 } }
stances.money = { values = { lo = 0, hi = 100 } }

[[delegations]]
id = "beta"
name = "Beta"
stances.land = { values = { a = 0, b = 60, c = 100 } }
stances.money = { values = { lo = 100, hi = 0 } }

[[delegations]]
id = "gamma"
name = "Gamma"
stances.land = { values = { a = 20, b = 100, c = 40 } }
stances.money = { values = { lo = 50, hi = 50 } }

[[delegations]]
id = "press"
name = "The Press"
observer = true

[[instruments]]
id = "treaty"
title = "General Treaty"
parties = ["alpha", "beta", "gamma"]
scope = ["land", "money"]
ends_conference = true

[[instruments]]
id = "pact"
title = "Secret Pact"
parties = ["beta", "gamma"]
scope = ["land"]
secret = true
effects = [
  { kind = "relation", delegation = "alpha", toward = ["beta", "gamma"], delta = -30 },
  { kind = "pressure", delegation = "alpha", delta = 0.5 },
  { kind = "value", delegation = "alpha", issue = "money", option = "lo", delta = 25 },
]

[[instruments]]
id = "accord"
title = "Money Accord"
parties = ["alpha", "gamma"]
scope = ["money"]

[[events]]
id = "leak"
title = "The press learns of the pact"
optional = true
effects = [{ kind = "leak", instrument = "pact" }]

[[events]]
id = "quarrel"
title = "Alpha and Beta quarrel"
optional = true
effects = [{ kind = "ban_talks", delegation = "alpha", toward = ["beta"] }]

[[outcomes]]
id = "treaty"
title = "Treaty"
when = { signed = "treaty" }

[[outcomes]]
id = "pact"
title = "Pact"
when = { signed = "pact" }

[[outcomes]]
id = "none"
title = "Nothing"
when = { always = true }
"""


def compile_text(tmp_path: Path, text: str, name: str = "mini.toml") -> CompiledScenario:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return compile_scenario(load(path).scenario)


def shipped_scenarios() -> list[Path]:
    return sorted(SCENARIOS.glob("*.toml"))


# --- drivers ----------------------------------------------------------------------


def all_human(cs: CompiledScenario, seed: int = 1, length: str = "full") -> GameState:
    """A game in which every acting delegation is played by a team (no AI moves)."""
    return new_game(cs, seed, length, humans=[cs.delegation_ids[d] for d in cs.actors])


def do(s: GameState, action: A.Action) -> GameState:
    return step(s, action).state


def until(s: GameState, who: str) -> GameState:
    """Everyone else passes until it is `who`'s move (possibly in the next sitting)."""
    for _ in range(4 * len(s.cs.actors) + 4):
        if s.ended:
            raise AssertionError(f"the conference ended before {who} could act")
        if s.actor_id == who:
            return s
        s = do(s, A.Pass(s.actor_id or ""))
    raise AssertionError(f"{who} never got the move")


def end_sitting(s: GameState) -> GameState:
    """Everyone still to act passes, so the sitting is resolved."""
    turn = s.turn
    while not s.ended and s.turn == turn:
        s = do(s, A.Pass(s.actor_id or ""))
    return s


def entries(s: GameState, kind: str) -> list:
    return [e for e in s.log if e.kind.value == kind]


def sitting(s: GameState, **plans: list[A.Action] | A.Action) -> GameState:
    """Play the rest of the current sitting: each named delegation applies its planned
    actions when its move comes (a Pass is added if the plan has no main move), the
    others pass. Seating order is seeded, so tests never rely on who comes first."""
    turn = s.turn
    while not s.ended and s.turn == turn:
        who = s.actor_id or ""
        plan = plans.pop(who, [])
        plan = [plan] if not isinstance(plan, list) else plan
        for action in plan:
            s = do(s, action)
        if not plan or not isinstance(plan[-1], A.MAIN_MOVES):
            s = do(s, A.Pass(who))
    assert not plans, f"{sorted(plans)} did not get to act"
    return s


def seed_where(cs: CompiledScenario, turn: int, *order: str) -> int:
    """A seed whose sitting `turn` (0-based) seats the named delegations in this order."""
    for seed in range(500):
        s = all_human(cs, seed)
        for _ in range(turn):
            s = end_sitting(s)
        seated = [cs.delegation_ids[d] for d in s.order if cs.delegation_ids[d] in order]
        if seated == list(order):
            return seed
    raise AssertionError(f"no seed seats {order} at sitting {turn + 1}")


def sign_pact(s: GameState, land: str = "b") -> GameState:
    """Beta proposes the secret pact to Gamma in one sitting, Gamma accepts in the next."""
    s = sitting(s, beta=A.Propose("beta", "pact", (("land", land),), to=("gamma",)))
    pid = s.proposals[-1].id
    return sitting(s, gamma=A.Respond("gamma", pid, A.Answer.ACCEPT))


def replay(start: GameState, actions: list[A.Action]) -> GameState:
    s = start
    for action in actions:
        s = step(s, action).state
    return s
