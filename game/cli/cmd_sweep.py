"""`plenipo sweep`: outcome shares as one scenario parameter varies (a calibration table)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from game.analysis.sweep import SweepResult, run_sweep
from game.cli.checks import check_jobs, check_length, check_runs, check_seed
from game.cli.cmd_batch import _progress_bar
from game.cli.common import CliError, find_scenario, load_scenario
from game.scenario.errors import ScenarioError
from game.scenario.overrides import parse_value


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "sweep",
        help="how outcome shares move as one parameter varies",
        description="Play --runs all-AI games for each value of one parameter and print the outcome shares with 95%% "
        "intervals. PATH names a value by keys and list items by id, e.g. delegations.germany.reservation, "
        "delegations.germany.stances.article_116.no_deal, instruments.rapallo_treaty.costs.germany, events.villa_dalbertis.chance.",
    )
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--set", required=True, metavar="PATH=V1,V2,...", dest="setting", help="the parameter and its values")
    p.add_argument("--runs", type=int, default=500, help="games per value (default 500)")
    p.add_argument("--seed", type=int, default=0, help="batch seed, the same for every value (default 0)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--length", default="full", help="game length id (default: full)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.set_defaults(func=run)


def parse_setting(text: str) -> tuple[str, list[object]]:
    """`PATH=V1,V2` -> (PATH, [values]); each value read as TOML (numbers, true/false, "text")."""
    keypath, sep, rest = text.partition("=")
    keypath = keypath.strip()
    if not sep or not keypath or not rest.strip():
        raise CliError(f"--set {text!r}: write PATH=V1,V2,... e.g. --set delegations.germany.reservation=30,40,50")
    try:
        values = [_plain(parse_value(v.strip())) for v in rest.split(",") if v.strip()]
    except (RecursionError, ValueError) as e:
        why = "nested too deeply" if isinstance(e, RecursionError) else str(e)
        raise CliError(f"--set {text[:80]!r}: a value cannot be read ({why}); give numbers, true/false or quoted text") from None
    if not values:
        raise CliError(f"--set {text!r}: no values after '='")
    return keypath, values


def _plain(value: object, depth: int = 0) -> object:
    """A value as JSON can print it: TOML dates and times become ISO text (the loader reads both forms);
    lists nested deeper than any scenario value are refused."""
    if depth > 8:
        raise ValueError("nested too deeply")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, depth + 1) for k, v in value.items()}
    return value


def run(args: argparse.Namespace) -> int:
    check_jobs(args.jobs)
    check_seed(args.seed)
    keypath, values = parse_setting(args.setting)
    check_runs(args.runs * len(values), f" in all (--runs {args.runs} for each of {len(values)} values)")
    path = find_scenario(args.scenario)
    _, cs = load_scenario(str(path))
    check_length(cs, args.length)
    progress = _progress_bar if sys.stderr.isatty() and not args.json else None
    try:
        result = run_sweep(path, keypath, values, args.runs, args.seed, args.jobs, args.length, progress)
    except ScenarioError as err:
        raise CliError(f"--set {args.setting!r} does not give a valid scenario:\n{err}") from None
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print_table(result)
    return 0


def print_table(r: SweepResult) -> None:
    lo, hi = r.intervals()
    shares = r.shares
    print(f"{r.scenario}: {r.keypath}, {r.runs} games per value, seed {r.seed}, length {r.length}, {r.seconds:.1f} s")
    print()
    width = max(5, *(len(_show(v)) for v in r.values))
    cells = [max(22, len(o) + 2) for o in r.outcomes]
    print(f"{'value':<{width}}" + "".join(f"{o:>{w}}" for o, w in zip(r.outcomes, cells, strict=True)) + f"{'sittings':>10}")
    for row, value in enumerate(r.values):
        line = f"{_show(value):<{width}}"
        for c, w in enumerate(cells):
            cell = f"{100 * shares[row, c]:5.1f}% [{100 * lo[row, c]:4.1f}–{100 * hi[row, c]:4.1f}]"
            line += f"{cell:>{w}}"
        print(line + f"{r.mean_turns[row]:>10.2f}")
    print()
    print("share of games (95% interval); sittings = mean game length. Instruments signed (games):")
    for row, value in enumerate(r.values):
        print(f"  {_show(value):<{width}} " + ", ".join(f"{i} {int(r.signed[row, c])}" for c, i in enumerate(r.instruments)))


def _show(value: object) -> str:
    return json.dumps(value) if not isinstance(value, str) else value
