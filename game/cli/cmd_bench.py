"""`plenipo bench`: engine, batch, UI speed and memory, with the command and machine behind each figure."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from game.analysis.bench import run_bench
from game.cli.common import load_scenario


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bench", help="measure engine, batch and UI speed and memory against the targets")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--quick", action="store_true", help="small sizes (tutorial batches, few games and frames): seconds instead of minutes")
    p.add_argument("--genoa", default="genoa_1922", help="the scenario timed as 'Genoa' (default genoa_1922)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    progress = None if args.json else (lambda msg: print(f"... {msg}", file=sys.stderr, flush=True))
    genoa, _ = load_scenario(args.genoa)  # a broken file gets the loader's message here, not a traceback mid-bench
    result = run_bench(quick=args.quick, genoa=genoa.path, progress=progress)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)
    return 0


def _row(name: str, value: str, command: str) -> None:
    print(f"  {name:<34} {value:<28} {command}")


def print_table(r: dict[str, Any]) -> None:
    m = r["machine"]
    print(
        f"plenipo bench{' --quick' if r['quick'] else ''} on {m['cores']} cores, Python {m['python']}, numpy {m['numpy']}, "
        f"{m['platform']} ({m['processor']})"
    )
    print("engine (all AI, 1 core):")
    for key, e in r["engine"].items():
        _row(f"{key} conferences/s", f"{e['games_per_second']:.1f} ({e['ms_per_game']:.2f} ms/game)", e["command"])
    b = r["batch_scaling"]
    print("batch scaling:")
    _row(f"{b['runs']} games, jobs 1 / jobs 2", f"{b['jobs1_seconds']:.2f} s / {b['jobs2_seconds']:.2f} s = x{b['speedup']}", b["command"])
    _row("identical results", "yes" if b["identical"] else "NO", "outcome, instrument, event and score counts compared")
    print("memory (peak RSS):")
    for run_ in r["batch_memory"]["runs"]:
        _row(
            f"batch {run_['runs']} {run_['scenario']} ({run_['jobs']} job)",
            f"{run_['peak_rss_mb']:.0f} MB (worker {run_['worker_peak_rss_mb']:.0f} MB), {run_['seconds']:.1f} s",
            run_["command"],
        )
    _row("growth with batch size", f"{r['batch_memory']['growth_mb']:+.1f} MB", r["batch_memory"]["note"])
    u = r["ui"]
    print("ui (conference screen, dummy video driver):")
    if not u["available"]:
        _row("not measured", u["error"].splitlines()[-1] if u["error"] else "?", u["command"])
    else:
        _row("frame time median / p99", f"{u['frame_ms_median']:.2f} / {u['frame_ms_p99']:.2f} ms", u["command"])
        _row("first frame after start", f"{u['first_frame_seconds']:.2f} s", "process start to the first flipped frame")
        _row("peak RSS", f"{u['peak_rss_mb']:.0f} MB", f"{u['frames']} frames at {u['size'][0]}x{u['size'][1]}, sitting {u['sitting']}")
    print("targets:")
    for key, v in r["verdict"].items():
        met = {True: "met", False: "MISSED", None: "not measured (run without --quick)"}[v["met"]]
        _row(key, f"{v['measured']} (target {v['target']})", met)
