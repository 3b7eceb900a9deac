"""Side-by-side speed of two checkouts: all-AI conferences per second on one core, and the ratio.

    python tools/ai_speed.py OLD_TREE [--scenario genoa_1922] [--games 200] [--rounds 5] [--seed 1922] [--mode batch|play]

One run, two worker processes: one imports `game` from OLD_TREE, the other from
this checkout. The parent hands them the same seeds in alternating chunks (the
order swaps every round), so neither ever runs while the other does and a
change in the machine's load falls on both alike. Each worker times its own
CPU (`time.process_time`), so the figure is games per second on one core even
on a shared machine; wall time is printed beside it.

`--mode batch` (default) times what a `plenipo batch` worker does per game: play
it with that tree's AI and add it to the tally (`game.analysis.batch.run_games`).
`--mode play` times `play_game` alone. Each tree plays its own copy of the
scenario (`scenarios/NAME.toml` inside it), as that version shipped it, unless
`--path FILE` gives both the same file.

Prints figures only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

# The worker: reads "START COUNT" lines, plays those games, answers one JSON line each.
_WORKER = r"""
import json, sys, time
from collections import Counter
from game.engine.compiled import compile_scenario
from game.scenario.loader import load
from game.analysis import batch
from game.ai import driver

path, seed, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cs = compile_scenario(load(path).scenario)
batch.run_games(cs, seed + 1, 0, 2)  # warm up: imports, first compilations (another seed)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    start, count = map(int, line.split())
    cpu0, wall0 = time.process_time(), time.perf_counter()
    if mode == "batch":
        tally = batch.run_games(cs, seed, start, count)
        outcomes = dict(tally.outcomes)
    else:
        outcomes = Counter()
        ai = batch.Negotiator() if hasattr(batch, "Negotiator") else None
        for k in range(start, start + count):
            s = driver.play_game(cs, (seed, k), "full", ai) if ai is not None else driver.play_game(cs, (seed, k))
            outcomes[cs.outcome(s.outcome).id] += 1
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(json.dumps({"cpu": cpu, "wall": wall, "outcomes": outcomes}), flush=True)
"""


class Worker:
    def __init__(self, tree: Path, scenario: str, seed: int, mode: str, path: Path | None = None) -> None:
        env = {**os.environ, "PYTHONPATH": str(tree), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
        path = path if path is not None else tree / "scenarios" / f"{scenario}.toml"
        self.tree = tree
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(path), str(seed), mode], cwd=tree, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self._read()
        self.games = 0
        self.cpu = 0.0
        self.wall = 0.0
        self.best = 0.0  # the fastest chunk's rate: the least disturbed by other work on the machine
        self.outcomes: dict[str, int] = {}

    def _read(self) -> dict[str, object]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the worker for {self.tree} stopped")
        return json.loads(line)  # type: ignore[no-any-return]

    def play(self, start: int, count: int) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{start} {count}\n")
        self.proc.stdin.flush()
        got = self._read()
        self.games += count
        self.best = max(self.best, count / max(float(got["cpu"]), 1e-9))  # type: ignore[arg-type]
        self.cpu += float(got["cpu"])  # type: ignore[arg-type]
        self.wall += float(got["wall"])  # type: ignore[arg-type]
        for k, v in dict(got["outcomes"]).items():  # type: ignore[call-overload]
            self.outcomes[k] = self.outcomes.get(k, 0) + int(v)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()

    @property
    def rate(self) -> float:
        return self.games / self.cpu if self.cpu else float("inf")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path, help="the other checkout (e.g. a worktree of the commit before the new AI)")
    ap.add_argument("--scenario", default="genoa_1922")
    ap.add_argument("--games", type=int, default=200, help="games per tree")
    ap.add_argument("--rounds", type=int, default=5, help="alternating chunks the games are split into")
    ap.add_argument("--seed", type=int, default=1922)
    ap.add_argument("--mode", choices=("batch", "play"), default="batch")
    ap.add_argument("--path", type=Path, help="one scenario file for both trees (when both can load it) instead of each tree's own")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    path = args.path.resolve() if args.path else None
    old = Worker(args.old.resolve(), args.scenario, args.seed, args.mode, path)
    new = Worker(HERE, args.scenario, args.seed, args.mode, path)
    try:
        chunk = max(1, args.games // args.rounds)
        start = 0
        for r in range(args.rounds):
            count = chunk if r < args.rounds - 1 else args.games - start
            first, second = (old, new) if r % 2 == 0 else (new, old)
            first.play(start, count)
            second.play(start, count)
            start += count
    finally:
        old.close()
        new.close()
    out = {
        "scenario": str(path) if path else args.scenario,
        "mode": args.mode,
        "games_per_tree": args.games,
        "seed": args.seed,
        **{
            name: {
                "tree": str(w.tree),
                "games_per_cpu_second": round(w.rate, 1),
                "best_chunk_games_per_cpu_second": round(w.best, 1),
                "wall_seconds": round(w.wall, 2),
                "outcomes": w.outcomes,
            }
            for name, w in (("old", old), ("new", new))
        },
        "ratio": round(new.rate / old.rate, 2),
        "ratio_best_chunks": round(new.best / old.best, 2),
        "command": "python tools/ai_speed.py " + " ".join(argv),
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        for name in ("old", "new"):
            w = out[name]
            rate, best, wall = w["games_per_cpu_second"], w["best_chunk_games_per_cpu_second"], w["wall_seconds"]
            print(f"{name}: {rate:7.1f} {args.scenario} games per CPU second, best chunk {best:.1f}", end="")
            print(f" ({args.mode}; {args.games} games, {wall} s wall)  {w['tree']}")
        print(f"ratio new/old: {out['ratio']}x (best chunks: {out['ratio_best_chunks']}x)   ({out['command']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
