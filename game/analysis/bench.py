"""`plenipo bench`: how fast the engine, the batch runner and the window are, and how much memory they take.

Every figure carries the command that produced it and the machine it ran on,
so a number in an issue can be reproduced. Timings are medians of repeats;
memory is the peak resident set size of a separate process (so one figure does
not inherit another's). The UI is measured in its own process too
(`game.ui.bench_probe`, dummy video driver), so this module never imports pygame.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game.ai.driver import play_game
from game.analysis.batch import run_batch
from game.engine.compiled import compile_scenario
from game.resources import package_parent, shipped_scenarios
from game.scenario.loader import load

ROOT = package_parent()  # children import the same `game` as this process


@dataclass(frozen=True)
class Sizes:
    """How much work each figure does: the full bench (about two minutes), or `--quick` (about fifteen seconds)."""

    engine_games: int  # Genoa games per repeat (the tutorial plays ten times as many)
    repeats: int
    scaling_runs: int
    memory_runs: tuple[int, ...]  # batch sizes whose peak memory is measured (the last also timed on 2 jobs)
    ui_frames: int


# Sized so the full bench ends within about two minutes and --quick within fifteen seconds on a 2-core machine
# (Genoa plays about ten games a second per core there): big enough to show the trends (memory flat in the
# batch size, the 2-job speed-up), with the 10,000-game batch time scaled from the last Genoa batch.
FULL = Sizes(engine_games=10, repeats=3, scaling_runs=100, memory_runs=(60, 180, 240), ui_frames=180)
QUICK = Sizes(engine_games=2, repeats=3, scaling_runs=16, memory_runs=(30, 120, 60), ui_frames=30)


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "platform": platform.platform(terse=True),
        "processor": platform.machine(),
    }


def _child_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    return env


def _last_json_line(text: str) -> dict[str, Any]:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)  # type: ignore[no-any-return]
    raise RuntimeError(f"no result from the child process:\n{text[-2000:]}")


# --- the engine ------------------------------------------------------------------------


def engine_rate(path: Path, games: int, repeats: int) -> dict[str, Any]:
    """All-AI conferences per second on one core: the median over `repeats` runs of `games` games."""
    cs = compile_scenario(load(path).scenario)
    play_game(cs, (0, 0))  # warm the caches a long batch would have warm
    rates = []
    for r in range(repeats):
        start = time.perf_counter()
        for k in range(games):
            play_game(cs, (r, k))
        rates.append(games / (time.perf_counter() - start))
    median = statistics.median(rates)
    return {
        "scenario": cs.scenario.id,
        "games_per_second": round(median, 2),
        "ms_per_game": round(1000 / median, 3),
        "repeats": [round(x, 2) for x in rates],
        "command": f"play_game({path.name}, seed (r, k)) for k < {games}, {repeats} repeats, 1 process; median",
    }


# --- the batch runner ----------------------------------------------------------------------


def _comparable(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k not in ("seconds", "games_per_second", "jobs")}


def batch_scaling(path: Path, runs: int) -> dict[str, Any]:
    """`batch --jobs 1` against `--jobs 2` on the same runs, and whether the results are identical."""
    one = run_batch(path, runs, seed=1, jobs=1)
    two = run_batch(path, runs, seed=1, jobs=2)
    return {
        "runs": runs,
        "jobs1_seconds": round(one.seconds, 3),
        "jobs2_seconds": round(two.seconds, 3),
        "speedup": round(one.seconds / two.seconds, 3) if two.seconds else None,
        "jobs2_workers": two.jobs,
        "identical": _comparable(one.to_json()) == _comparable(two.to_json()),
        "command": f"plenipo batch {path.name} --runs {runs} --seed 1 --jobs 1 (then --jobs 2) --json; outcome and instrument counts compared",
    }


def peak_rss_mb() -> float:
    """This process's own peak RSS: VmHWM where there is /proc, since ru_maxrss of a child
    started by subprocess begins at its parent's peak (Linux keeps it across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_MEMORY_CHILD = """
import json, resource, sys, time
from game.analysis.batch import run_batch
from game.analysis.bench import peak_rss_mb
path, runs, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start = time.perf_counter()
result = run_batch(path, runs, seed=2, jobs=jobs)
seconds = time.perf_counter() - start
own = peak_rss_mb()
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "parent_mb": own, "worker_mb": workers, "runs": result.tally.runs}))
"""


def batch_memory(path: Path, runs: int, jobs: int) -> dict[str, Any]:
    """Peak RSS of a fresh process running a batch (and of its largest worker), and its time."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, str(path), str(runs), str(jobs)], capture_output=True, text=True, env=_child_env(), cwd=ROOT, check=True
    )
    data = _last_json_line(out.stdout)
    return {
        "scenario": path.stem,
        "runs": runs,
        "jobs": jobs,
        "seconds": round(data["seconds"], 2),
        "games_per_second": round(runs / data["seconds"], 1),
        "peak_rss_mb": round(data["parent_mb"], 1),
        "worker_peak_rss_mb": round(data["worker_mb"], 1),
        "command": f"plenipo batch {path.name} --runs {runs} --seed 2 --jobs {jobs} in a fresh process; its peak RSS (VmHWM)",
    }


# --- the window ------------------------------------------------------------------------------


def ui(path: Path, frames: int) -> dict[str, Any]:
    """Frame times on the conference screen at 1920x1080 and the time to the first frame (dummy driver)."""
    cmd = [sys.executable, "-m", "game.ui.bench_probe", str(path), "--frames", str(frames), "--size", "1920x1080"]
    with tempfile.TemporaryDirectory(prefix="plenipo-bench-") as home:
        env = {**_child_env(), "PLENIPO_HOME": home}
        start = time.time()
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if out.returncode != 0:
        return {"available": False, "error": (out.stderr or out.stdout).strip()[-500:], "command": " ".join(cmd[1:])}
    data = _last_json_line(out.stdout)
    first = data.pop("first_frame_wall") - start
    return {
        "available": True,
        "first_frame_seconds": round(first, 3),
        **data,
        "command": f"SDL_VIDEODRIVER=dummy python -m game.ui.bench_probe {path.name} --frames {frames} --size 1920x1080 "
        "(conference screen, all-AI game in progress; first frame timed from process start)",
    }


# --- everything ------------------------------------------------------------------------------


TARGETS = {
    "genoa_games_per_second": 1000.0,
    "batch_10000_on_2_cores_seconds": 10.0,
    "ui_frame_ms_p99": 16.7,
    "ui_first_frame_seconds": 2.0,
    "batch_memory_growth_mb": 50.0,  # counters only: a batch five or more times longer may not need much more memory
}


def run_bench(quick: bool = False, genoa: Path | None = None, tutorial: Path | None = None, progress: Any = None) -> dict[str, Any]:
    """Every figure of `plenipo bench`, as JSON-friendly data."""
    sizes = QUICK if quick else FULL
    genoa = genoa or shipped_scenarios() / "genoa_1922.toml"
    tutorial = tutorial or shipped_scenarios() / "tutorial.toml"
    say = progress or (lambda _msg: None)
    out: dict[str, Any] = {"quick": quick, "machine": machine(), "targets": TARGETS}
    say("engine: Genoa")
    out["engine"] = {"genoa": engine_rate(genoa, sizes.engine_games, sizes.repeats)}
    say("engine: tutorial")
    out["engine"]["tutorial"] = engine_rate(tutorial, 10 * sizes.engine_games, sizes.repeats)
    scaling_path = tutorial if quick else genoa
    say(f"batch scaling: {scaling_path.stem}")
    out["batch_scaling"] = batch_scaling(scaling_path, sizes.scaling_runs)
    memory_path = tutorial if quick else genoa
    memory = []
    for runs in sizes.memory_runs:
        say(f"batch memory: {runs} {memory_path.stem} games")
        memory.append(batch_memory(memory_path, runs, jobs=1 if runs != sizes.memory_runs[-1] else 2))
    one_job = [m["peak_rss_mb"] for m in memory if m["jobs"] == 1]
    growth = one_job[-1] - one_job[0]
    out["batch_memory"] = {
        "runs": memory,
        "growth_mb": round(growth, 1),
        "note": "peak RSS of 1-job batches of different sizes (growth: the largest batch minus the smallest); the last batch ran on 2 jobs",
    }
    say("ui: conference screen")
    out["ui"] = ui(genoa, sizes.ui_frames)
    out["verdict"] = verdict(out)
    return out


def verdict(out: dict[str, Any]) -> dict[str, Any]:
    """Each target: the measured figure, the target, and whether it is met (None: not measured here)."""
    genoa = out["engine"]["genoa"]["games_per_second"]
    last = out["batch_memory"]["runs"][-1]
    genoa_batch = last["jobs"] == 2 and last["scenario"].startswith("genoa")
    ten_k = last["seconds"] * 10_000 / last["runs"] if genoa_batch else None  # scaled only if fewer runs were played
    ui_data = out["ui"]
    rows = {
        "genoa_games_per_second": (genoa, genoa >= TARGETS["genoa_games_per_second"]),
        "batch_10000_on_2_cores_seconds": (
            None if ten_k is None else round(ten_k, 1),
            None if ten_k is None else ten_k <= TARGETS["batch_10000_on_2_cores_seconds"],
        ),
        "ui_frame_ms_p99": (ui_data.get("frame_ms_p99"), None if not ui_data["available"] else ui_data["frame_ms_p99"] <= TARGETS["ui_frame_ms_p99"]),
        "ui_first_frame_seconds": (
            ui_data.get("first_frame_seconds"),
            None if not ui_data["available"] else ui_data["first_frame_seconds"] <= TARGETS["ui_first_frame_seconds"],
        ),
        "batch_memory_growth_mb": (out["batch_memory"]["growth_mb"], out["batch_memory"]["growth_mb"] <= TARGETS["batch_memory_growth_mb"]),
    }
    return {k: {"measured": v, "target": TARGETS[k], "met": met} for k, (v, met) in rows.items()}
