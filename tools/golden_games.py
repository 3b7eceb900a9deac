"""Fingerprints of many games, to prove a speed-up changed no game (not a committed golden file).

    python tools/golden_games.py record SCENARIO_DIR OUT.json   # before optimising
    python tools/golden_games.py check  SCENARIO_DIR OUT.json   # after each change

Scenarios are being calibrated while the engine is tuned, so record and check
against a private copy of scenarios/ (e.g. `cp -r scenarios /tmp/golden/scen`).
Covers every scenario, seeds (7, k) for k in 0..59, all-AI, plus random human
and teacher moves (tests/engine/engine_kit.drive) for a few seeds.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "engine")]

from engine_kit import drive  # noqa: E402

from game.ai.driver import play_game  # noqa: E402
from game.engine.compiled import compile_scenario  # noqa: E402
from game.scenario.loader import load  # noqa: E402

SEEDS = 60
SCRIPTED = 6


def _log_hash(s) -> str:
    text = json.dumps([e.to_json() for e in s.log], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def fingerprints(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        cs = compile_scenario(load(path).scenario)
        for k in range(SEEDS):
            s = play_game(cs, (7, k))
            out[f"{path.stem}/ai/{k}"] = f"{s.fingerprint()} {_log_hash(s)}"
        for k in range(SCRIPTED):
            humans = tuple(cs.delegation_ids[d] for d in cs.actors[: 1 + k % 3])
            s, actions, _ = drive(cs, k, random.Random(k), humans=humans, teacher_rate=0.05)
            out[f"{path.stem}/human/{k}"] = f"{s.fingerprint()} {_log_hash(s)} {len(actions)}"
    return out


def main(argv: list[str]) -> int:
    mode, folder, file = argv[0], Path(argv[1]), Path(argv[2])
    got = fingerprints(folder)
    if mode == "record":
        file.write_text(json.dumps(got, indent=1, sort_keys=True))
        print(f"recorded {len(got)} games")
        return 0
    want = json.loads(file.read_text())
    bad = [k for k in want if got.get(k) != want[k]]
    print(f"{len(want) - len(bad)}/{len(want)} games identical")
    for k in bad[:20]:
        print("DIFFERS", k)
    return 1 if bad or len(got) != len(want) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
