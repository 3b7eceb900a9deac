"""`plenipo seats`: can any seat be solved? Scripted team strategies against each seat's AI."""

from __future__ import annotations

import argparse
import json
import sys

from game.analysis.seats import DO_NOTHING, SENSIBLE, Policy, run_seats
from game.cli.checks import check_jobs, check_length, check_runs, check_seed
from game.cli.cmd_batch import _progress_bar
from game.cli.common import CliError, find_scenario, load_scenario
from game.scenario.errors import did_you_mean


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "seats",
        help="play each seat with scripted strategies (refuse all, accept all, pass, own ideal, ...) against its AI",
        description="For each seat, play the same seeds with the AI in that seat and with each scripted strategy "
        "(the other seats stay with the AI), and print the seat's mean score, each strategy's paired difference from "
        "its AI, and the outcome shares each strategy moves. Do-nothing strategies: "
        + ", ".join(p.value for p in DO_NOTHING)
        + "; sensible ones: "
        + ", ".join(p.value for p in SENSIBLE)
        + ".",
    )
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--seeds", type=int, default=60, help="paired seeds per strategy (default 60)")
    p.add_argument("--seed", type=int, default=0, help="game k uses the seed key (seed, k), as in batch (default 0)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes; results do not depend on it (default 1)")
    p.add_argument("--length", default="full", help="game length id (default: full)")
    p.add_argument("--seat", action="append", default=[], metavar="ID", help="only this seat (repeatable; default: every seat)")
    p.add_argument("--strategy", action="append", default=[], metavar="NAME", help="only this strategy (repeatable; default: all)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_runs(args.seeds)
    check_jobs(args.jobs)
    check_seed(args.seed)
    path = find_scenario(args.scenario)
    _, cs = load_scenario(str(path))
    check_length(cs, args.length)
    seats = [cs.delegation_ids[d] for d in cs.actors]
    for seat in args.seat:
        if seat not in seats:
            raise CliError(f"--seat {seat!r}: not a seat of {cs.scenario.id}{did_you_mean(seat, seats)}; seats: {', '.join(seats)}")
    names = [p.value for p in Policy]
    for name in args.strategy:
        if name not in names:
            raise CliError(f"--strategy {name!r}: no such strategy{did_you_mean(name, names)}; strategies: {', '.join(names)}")
    policies = tuple(Policy(n) for n in args.strategy) or tuple(Policy)
    progress = _progress_bar if sys.stderr.isatty() and not args.json else None
    report = run_seats(path, args.seeds, args.seed, args.jobs, args.length, args.seat or None, policies, progress)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 0
