"""Fingerprints of a fixed set of games per scenario: the golden games.

`tests/golden/games.json` holds, for every shipped scenario, the fingerprint of
the final state and a hash of the whole log of 60 all-AI games (seed keys
(7, 0)..(7, 59)) and of 6 games in which teams make random legal moves and the
teacher intervenes. A variant (a file that `extends` another) plays the same
rules, AI and most of the same data as the scenario it extends, so its first 20
all-AI games are enough to show what it moves; the rest of its 60 would repeat
the base scenario's checks at a third of the suite's time. Any change to the engine, the AI or a scenario that alters
a single log line changes a fingerprint, so a speed-up can be shown to change
nothing, and a deliberate change shows exactly which games it moved.
Regenerate with `python tools/golden_games.py record` after such a change.
"""

from __future__ import annotations

import hashlib
import json
import random

from game.ai.driver import play_game
from game.engine.compiled import CompiledScenario
from game.engine.state import GameState
from game.play.random_play import drive

AI_SEEDS = 60
VARIANT_AI_SEEDS = 20
SCRIPTED = 6


def ai_seeds(variant: bool) -> int:
    """How many all-AI games a scenario's fingerprints hold (fewer for a variant; see above)."""
    return VARIANT_AI_SEEDS if variant else AI_SEEDS


def log_hash(s: GameState) -> str:
    """SHA-256 of the game's log as JSON: every line, date and parameter."""
    text = json.dumps([e.to_json() for e in s.log], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def fingerprints(cs: CompiledScenario, stem: str, variant: bool = False) -> dict[str, str]:
    """`stem/ai/k` and `stem/human/k` -> final-state fingerprint, log hash (and, for driven games, the action count)."""
    out: dict[str, str] = {}
    for k in range(ai_seeds(variant)):
        s = play_game(cs, (7, k))
        out[f"{stem}/ai/{k}"] = f"{s.fingerprint()} {log_hash(s)}"
    for k in range(SCRIPTED):
        humans = tuple(cs.delegation_ids[d] for d in cs.actors[: 1 + k % 3])
        s, actions, _ = drive(cs, k, random.Random(k), humans=humans, teacher_rate=0.05)
        out[f"{stem}/human/{k}"] = f"{s.fingerprint()} {log_hash(s)} {len(actions)}"
    return out
