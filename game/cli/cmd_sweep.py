"""`plenipo sweep`: outcome shares as one scenario parameter varies (a calibration table)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from game.analysis.calibrate import STEPS, Probe, calibrate, grid, spaced
from game.analysis.sweep import SweepResult, run_sweep
from game.cli.checks import check_jobs, check_length, check_runs, check_seed
from game.cli.cmd_batch import _progress_bar
from game.cli.common import CliError, find_scenario, load_scenario
from game.scenario.errors import ScenarioError
from game.scenario.overrides import parse_value


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "sweep",
        help="how outcome shares move as one parameter varies; or find the value that gives an outcome a target share",
        description="Play --runs all-AI games for each value of one parameter and print the outcome shares with 95%% "
        "intervals. PATH names a value by keys and list items by id, e.g. delegations.france.reservation, "
        "delegations.germany.stances.article_116.no_deal, instruments.rapallo_treaty.costs.germany, events.villa_dalbertis.chance. "
        "With a range (--set PATH=LO..HI) and --target OUTCOME=SHARE, bisect the range for the value whose share of OUTCOME "
        "is nearest SHARE (every value plays the same seeds); with --set twice, print a two-parameter grid of OUTCOME's share "
        "(a range gives --points values).",
    )
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument(
        "--set",
        required=True,
        action="append",
        metavar="PATH=V1,V2,...|PATH=LO..HI",
        dest="setting",
        help="the parameter and its values, or a range LO..HI (with --target); give it twice for a grid",
    )
    p.add_argument("--target", metavar="OUTCOME=SHARE", help="the outcome and the share wanted, e.g. treaty=0.5 or treaty=50%%")
    p.add_argument("--points", type=int, default=5, help="values per range in a grid (default 5)")
    p.add_argument("--steps", type=int, default=STEPS, help=f"bisection steps after the two ends (default {STEPS})")
    p.add_argument("--runs", type=int, default=500, help="games per value (default 500)")
    p.add_argument("--seed", type=int, default=0, help="batch seed, the same for every value (default 0)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--length", default="full", help="game length id (default: full)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.set_defaults(func=run)


def parse_range(text: str) -> tuple[str, float, float] | None:
    """`PATH=LO..HI` -> (PATH, LO, HI) with numbers as TOML reads them; None when `text` is no range."""
    keypath, sep, rest = text.partition("=")
    if not sep or ".." not in rest:
        return None
    a, _, b = rest.partition("..")
    low, high = parse_value(a.strip()), parse_value(b.strip())
    if not all(isinstance(x, int | float) and not isinstance(x, bool) for x in (low, high)):
        raise CliError(f"--set {text!r}: a range needs two numbers, e.g. --set delegations.france.reservation=30..60")
    if low == high:
        raise CliError(f"--set {text!r}: the range's ends are equal")
    return keypath.strip(), low, high


def parse_target(text: str) -> tuple[str, float]:
    """`OUTCOME=SHARE` (0-1, or a percentage with %) -> (OUTCOME, share 0-1)."""
    outcome, sep, rest = text.partition("=")
    rest = rest.strip()
    try:
        share = float(rest[:-1]) / 100 if rest.endswith("%") else float(rest)
    except ValueError:
        share = -1.0
    if not sep or not outcome.strip() or not 0 <= share <= 1:
        raise CliError(f"--target {text!r}: write OUTCOME=SHARE with a share from 0 to 1 (or 0% to 100%), e.g. --target treaty=0.5")
    return outcome.strip(), share


def parse_setting(text: str) -> tuple[str, list[object]]:
    """`PATH=V1,V2` -> (PATH, [values]); each value read as TOML (numbers, true/false, "text")."""
    keypath, sep, rest = text.partition("=")
    keypath = keypath.strip()
    if not sep or not keypath or not rest.strip():
        raise CliError(f"--set {text!r}: write PATH=V1,V2,... e.g. --set delegations.france.reservation=30,40,50")
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
    check_runs(args.runs)
    if len(args.setting) > 2:
        raise CliError("--set may be given once (a table or a bisection) or twice (a grid), not more")
    if args.points < 2 or args.steps < 0:
        raise CliError("--points must be at least 2 and --steps at least 0")
    path = find_scenario(args.scenario)
    _, cs = load_scenario(str(path))
    check_length(cs, args.length)
    target = parse_target(args.target) if args.target else None
    if target is not None and target[0] not in [o.id for o in cs.scenario.outcomes]:
        raise CliError(f"--target: unknown outcome {target[0]!r}; {cs.scenario.id} has {', '.join(o.id for o in cs.scenario.outcomes)}")
    ranges = [parse_range(x) for x in args.setting]
    try:
        if len(args.setting) == 2:
            return _grid(args, path, ranges, target)
        if ranges[0] is not None:
            if target is None:
                raise CliError(f"--set {args.setting[0]!r} is a range: add --target OUTCOME=SHARE to search it, or list values V1,V2,...")
            return _bisect(args, path, ranges[0], target)
        keypath, values = parse_setting(args.setting[0])
        check_runs(args.runs * len(values), f" in all (--runs {args.runs} for each of {len(values)} values)")
        progress = _progress_bar if sys.stderr.isatty() and not args.json else None
        result = run_sweep(path, keypath, values, args.runs, args.seed, args.jobs, args.length, progress)
    except ScenarioError as err:
        raise CliError(f"--set {' '.join(args.setting)!r} does not give a valid scenario:\n{err}") from None
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print_table(result)
        if target is not None:
            c = result.outcomes.index(target[0])
            row = min(range(len(result.values)), key=lambda r: abs(result.shares[r, c] - target[1]))
            print()
            print(f"nearest to {target[0]} = {100 * target[1]:.0f}%: {_show(result.values[row])} ({100 * result.shares[row, c]:.1f}%)")
    return 0


def _tick(p: Probe) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"  {', '.join(_show(v) for v in p.values)}: {100 * p.share:.1f}%\n")


def _bisect(args: argparse.Namespace, path: Path, rng: tuple[str, float, float], target: tuple[str, float]) -> int:
    keypath, low, high = rng
    r = calibrate(
        path, keypath, low, high, target[0], target[1], args.runs, args.seed, args.jobs, args.length, args.steps, None if args.json else _tick
    )
    if args.json:
        print(json.dumps(r.to_json(), ensure_ascii=False))
        return 0
    print(
        f"{r.scenario}: {keypath} in {_show(low)}..{_show(high)}, target {r.outcome} = {100 * r.target:.1f}%, "
        f"{r.runs} games per value, seed {r.seed}, length {r.length}"
    )
    print()
    print(f"{'value':>12}{r.outcome + ' share':>22}   95% interval")
    for p in r.probes:
        lo, hi = p.interval
        mark = "  <- nearest" if p is r.best else ""
        print(f"{_show(p.values[0]):>12}{100 * p.share:>21.1f}%   {100 * lo:5.1f}–{100 * hi:5.1f}%{mark}")
    print()
    lo, hi = r.best.interval
    verdict = (
        f"{keypath} = {_show(r.best.values[0])}: {r.outcome} in {100 * r.best.share:.1f}% of games (95% interval {100 * lo:.1f}–{100 * hi:.1f}%)"
    )
    if not r.bracketed:
        verdict += "; the target is outside the shares at the range's ends, so this is the nearer end: widen the range or move another parameter"
    print(verdict)
    return 0


def _grid(args: argparse.Namespace, path: Path, ranges: list[tuple[str, float, float] | None], target: tuple[str, float] | None) -> int:
    if target is None:
        raise CliError("a grid (--set twice) shows one outcome's share: add --target OUTCOME=SHARE")
    axes: list[tuple[str, list[Any]]] = []
    for text, rng in zip(args.setting, ranges, strict=True):
        axes.append((rng[0], spaced(rng[1], rng[2], args.points)) if rng is not None else parse_setting(text))
    if axes[0][0] == axes[1][0]:
        raise CliError(f"--set names {axes[0][0]!r} twice; a grid needs two different parameters")
    g = grid(
        path,
        (axes[0][0], axes[1][0]),
        (axes[0][1], axes[1][1]),
        target[0],
        target[1],
        args.runs,
        args.seed,
        args.jobs,
        args.length,
        None if args.json else _tick,
    )
    if args.json:
        print(json.dumps(g.to_json(), ensure_ascii=False))
        return 0
    near = g.nearest()
    print(f"{g.scenario}: share of {g.outcome} (target {100 * target[1]:.1f}%), {g.runs} games per cell, seed {g.seed}, length {g.length}")
    print(f"rows: {g.keypaths[0]}; columns: {g.keypaths[1]}; * = nearest the target")
    print()
    width = max(8, *(len(_show(v)) + 2 for v in g.values[0]))
    print(f"{'':<{width}}" + "".join(f"{_show(v):>12}" for v in g.values[1]))
    for v1, row in zip(g.values[0], g.cells, strict=True):
        cells = "".join(f"{f'{100 * p.share:.1f}%' + ('*' if p is near else ' '):>12}" for p in row)
        print(f"{_show(v1):<{width}}" + cells)
    if near is not None:
        lo, hi = near.interval
        print()
        print(
            f"nearest: {g.keypaths[0]} = {_show(near.values[0])}, {g.keypaths[1]} = {_show(near.values[1])}: "
            f"{100 * near.share:.1f}% (95% interval {100 * lo:.1f}–{100 * hi:.1f}%)"
        )
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
