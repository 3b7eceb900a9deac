"""`plenipo batch`: many seeded all-AI games; the distribution of outcomes."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from game.analysis.batch import BatchResult, run_batch
from game.analysis.signed import csv_rows, table_lines
from game.analysis.stats import wilson
from game.cli.checks import check_jobs, check_length, check_output_file, check_runs, check_seed
from game.cli.common import CliError, find_scenario, load_scenario


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("batch", help="play many all-AI games and print the outcome distribution")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--runs", type=int, default=1000, help="number of games (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="batch seed; game k uses (seed, k) (default 0)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes; results do not depend on it (default 1)")
    p.add_argument("--length", default="full", help="game length id (default: full)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--csv", type=Path, help="also write the per-outcome, per-instrument and per-delegation figures as CSV")
    p.set_defaults(func=run)


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / max(1, total))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} games")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    check_runs(args.runs)
    check_jobs(args.jobs)
    check_seed(args.seed)
    if args.csv is not None:
        check_output_file(args.csv, "--csv")
    path = find_scenario(args.scenario)
    _, cs = load_scenario(str(path))
    check_length(cs, args.length)
    progress = _progress_bar if sys.stderr.isatty() and not args.json else None
    result = run_batch(path, args.runs, args.seed, args.jobs, args.length, progress, compiled=cs)
    if args.csv:
        write_csv(result, args.csv)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print_table(result)
    return 0


def print_table(result: BatchResult) -> None:
    data = result.to_json()
    n = result.runs
    print(
        f"{result.scenario}: {n} games, seed {result.seed}, length {result.length}, {result.jobs} job(s), "
        f"{result.seconds:.2f} s ({result.games_per_second:.0f} games/s)"
    )
    print()
    print(f"{'outcome':<24}{'games':>7}{'share':>8}   95% interval")
    for oid, count in data["outcomes"].items():
        lo, hi = wilson(count, n)
        print(f"{oid:<24}{count:>7}{100 * count / n:>7.1f}%   {100 * lo:5.1f}–{100 * hi:5.1f}%")
    print()
    print(f"{'instrument':<24}{'signed':>7}{'share':>8}   95% interval   mean sitting   signed at sitting (games)")
    for iid, count in data["instruments"].items():
        when = data["instrument_mean_sitting"].get(iid)
        lo, hi = wilson(count, n)
        at = "  ".join(f"{k}:{v}" for k, v in data["instrument_sittings"].get(iid, {}).items())
        print(
            f"{iid:<24}{count:>7}{100 * count / n:>7.1f}%   {100 * lo:5.1f}–{100 * hi:5.1f}%   {when if when is not None else '—':>12}   {at or '—'}"
        )
    print()
    print(f"mean length: {data['mean_turns']} sittings; ended by: " + ", ".join(f"{k} {v}" for k, v in data["end_reasons"].items()))
    print("sittings played (games): " + "  ".join(f"{k}:{v}" for k, v in data["game_lengths"].items()))
    if data["walkouts"]:
        print("walkouts: " + ", ".join(f"{k} {v}" for k, v in data["walkouts"].items()))
    print()
    print(f"{'delegation':<16}{'mean score':>11}{'mean utility':>14}")
    for d, sc in data["mean_score"].items():
        print(f"{d:<16}{sc:>11.1f}{data['mean_utility'][d]:>14.1f}")
    print_ai(data["ai"])
    never = data["events_never_fired"]
    if data["events"]:
        print()
        print(f"{'event':<28}{'fired':>7}{'share':>8}")
        for eid, count in data["events"].items():
            note = "  (optional: the teacher fires it)" if eid not in never and count == 0 else ""
            print(f"{eid:<28}{count:>7}{100 * count / n:>7.1f}%{note}")
    print()
    print("events that never fired: " + (", ".join(never) if never else "none"))
    print()
    print("\n".join(table_lines(data["signed_packages"])))


def print_ai(ai: dict[str, object]) -> None:
    """The AI's negotiating measures (see `game.analysis.ai_measures`)."""
    print()
    print("how the AI negotiated:")
    for key, label in _AI_LABELS:
        value = ai.get(key)
        shown = "–" if value is None else (f"{100 * value:.1f}%" if key.endswith("_share") and isinstance(value, float) else str(value))
        print(f"  {label:<58}{shown:>10}")
    deals = ai.get("deal_for_all")
    if isinstance(deals, dict):
        for iid, row in deals.items():
            share = row.get("signed_share")
            shown = "–" if share is None else f"{100 * share:.1f}%"
            print(f"  {'a deal for all there to sign: ' + iid + ' (' + str(row.get('games')) + ' games), signed':<58}{shown:>10}")
    calibration = ai.get("chance_calibration")
    if isinstance(calibration, dict):
        # how well the proposers foresaw the answers: the chance each gave its proposal, against the share
        # that every addressee accepted
        heads = (("all", "the chance a proposer gave its proposal: share all accepted"), ("last", "the same, in the last sitting"))
        for scope, head in heads:
            print(f"  {head}")
            for fifth, row in calibration.get(scope, {}).items():
                label = f"  {fifth} ({row['proposals']} proposals)"
                print(f"  {label:<58}{100 * row['accepted_share']:>9.1f}%")
        brier = ai.get("chance_brier")
        if brier is not None:
            print(f"  {'estimated chances: Brier score (0 = foresaw every answer)':<58}{brier:>10}")


_AI_LABELS = (
    ("repeat_refused_share", "proposals repeating a package refused by an unmoved party"),
    ("copy_accepted_share", "proposals copying an open proposal it had accepted"),
    ("accept_worse_share", "acceptances worse than an earlier refusal"),
    ("accept_worse_with_named_cause", "  of which name the change that caused them"),
    ("reversal_share", "position shifts reversing the previous one"),
    ("concessions_that_gain_share", "'concessions' that raise its own value"),
    ("first_concession_on_top_issue_share", "first concessions on the most weighted issue"),
    ("first_concession_on_top_issue_with_choice_share", "  the same, when another issue was still open"),
    ("refusals_meeting_every_position_share", "refusals of a package meeting all its public positions"),
    ("refusals_deciding_at_position_share", "refusals whose deciding issue meets its public position"),
    ("mean_nash_ratio", "signed deals: mean Nash-product ratio (1 = Nash point)"),
)


def write_csv(result: BatchResult, path: Path) -> None:
    data = result.to_json()
    n = result.runs
    try:
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["kind", "id", "count", "share", "ci95_low", "ci95_high", "mean_sitting", "mean_score", "mean_utility"])
            for oid, count in data["outcomes"].items():
                lo, hi = wilson(count, n)
                w.writerow(["outcome", oid, count, round(count / n, 4), round(lo, 4), round(hi, 4), "", "", ""])
            for iid, count in data["instruments"].items():
                lo, hi = wilson(count, n)
                w.writerow(
                    ["instrument", iid, count, round(count / n, 4), round(lo, 4), round(hi, 4), data["instrument_mean_sitting"].get(iid, ""), "", ""]
                )
            for eid, count in data["events"].items():
                w.writerow(["event", eid, count, round(count / n, 4), "", "", "", "", ""])
            for iid, by_sitting in data["instrument_sittings"].items():
                for sitting, count in by_sitting.items():
                    w.writerow(["instrument_at_sitting", iid, count, round(count / n, 4), "", "", sitting, "", ""])
            for sittings, count in data["game_lengths"].items():
                w.writerow(["game_length", sittings, count, round(count / n, 4), "", "", "", "", ""])
            for d, sc in data["mean_score"].items():
                w.writerow(["delegation", d, "", "", "", "", "", sc, data["mean_utility"][d]])
            w.writerows(csv_rows(data["signed_packages"]))
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror or e}") from None
