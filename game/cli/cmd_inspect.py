"""`plenipo inspect`: the designer panel in the terminal, at the start or at sitting N of a seeded all-AI game.

A designer calibrating a scenario needs the numbers the AI decides by —
each party's best package, aspiration, no-deal value and cost — and, per
instrument, whether any package is acceptable to every party at all.
The figures are `game.analysis.panel`'s, the same as the window's designer
panel.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.ai.driver import play_ai_turn
from game.ai.negotiator import Negotiator
from game.analysis.panel import Agreement, InstrumentLine, Intention, agreements, instrument_lines, intentions, lines_json
from game.cli.checks import check_length, check_seed
from game.cli.common import CliError, load_scenario
from game.engine.compiled import CompiledScenario
from game.engine.rules import new_game
from game.engine.state import GameState


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "inspect",
        help="the designer panel in the terminal: values, aspirations, no-deal values and zones of agreement at a sitting",
        description="Play a seeded all-AI game to the start of sitting N (default: the first) and print, per delegation "
        "and instrument, its best package, aspiration, no-deal value and cost; per instrument, how many packages every "
        "party prefers to no agreement and the one with the highest Nash product; and what each AI would do if it moved now.",
    )
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--seed", type=int, default=1, help="the game's seed (default 1)")
    p.add_argument("--length", default="full", help="game length id (default: full)")
    p.add_argument("--sitting", type=int, default=1, help="inspect at the start of this sitting, 1 = the first (default 1)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the text")
    p.set_defaults(func=run)


def game_at(cs: CompiledScenario, seed: int, length: str, sitting: int, neg: Negotiator | None = None) -> GameState:
    """The seeded all-AI game at the start of `sitting` (1-based); CliError when it ends before."""
    neg = neg if neg is not None else Negotiator()
    s = new_game(cs, seed, length)
    if not 1 <= sitting <= s.n_turns:
        raise CliError(f"--sitting must be between 1 and {s.n_turns} (length {length!r} has {s.n_turns} sittings)")
    while not s.ended and s.turn < sitting - 1:
        s, _ = play_ai_turn(s, neg)
    if s.ended:
        assert s.outcome is not None
        raise CliError(
            f"with seed {seed} the conference ends at sitting {s.turn + 1} ({s.end_reason.value if s.end_reason else '?'}, "
            f"outcome {cs.outcome(s.outcome).id!r}), before sitting {sitting}; choose an earlier sitting or another seed"
        )
    return s


def inspection(s: GameState, neg: Negotiator | None = None) -> dict[str, Any]:
    cs = s.cs
    neg = neg if neg is not None else Negotiator()
    delegations: dict[str, Any] = {}
    for d, dele in enumerate(cs.scenario.delegations):
        lines: tuple[InstrumentLine, ...] = () if dele.observer else instrument_lines(s, d, neg, "en")
        delegations[dele.id] = {
            "role": "observer" if dele.observer else ("mediator" if dele.mediator else "ai"),
            "pressure": round(float(s.pressure[d]), 3),
            "walked_out": d in s.walked_out,
            "instruments": lines_json(lines),
        }
    for i in intentions(s, neg):
        delegations[i.delegation]["would"] = _intention_json(i)
    return {
        "scenario": cs.scenario.id,
        "seed": s.seed[0] if len(s.seed) == 1 else list(s.seed),
        "length": s.length_id,
        "sitting": s.turn + 1,
        "sittings": s.n_turns,
        "date": s.date.isoformat(),
        "settled": {cs.issue_ids[i]: cs.option_ids[i][o] for i, o in enumerate(s.settled) if o >= 0},
        "delegations": delegations,
        "instruments": {a.id: _agreement_json(a) for a in agreements(s)},
    }


def _intention_json(i: Intention) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": i.kind, "text": i.words()}
    if i.kind == "propose":
        out.update(instrument=i.instrument, package=dict(i.package), to=list(i.to) or "plenary")
    if i.issue:
        out["issue"] = i.issue
    if i.option:
        out["option"] = i.option
    return out


def _agreement_json(a: Agreement) -> dict[str, Any]:
    return {
        "parties": list(a.parties),
        "status": a.status,
        "packages": a.packages,
        "acceptable": a.acceptable,
        "acceptable_exact": a.exact,
        "no_deal": dict(a.no_deal),
        "nash": dict(a.nash) if a.nash else None,
        "nash_utilities": dict(a.nash_utilities) if a.nash_utilities else None,
        "verdict": a.verdict,
    }


def _num(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}"


def print_text(data: dict[str, Any]) -> None:
    print(
        f"{data['scenario']}: seed {data['seed']}, length {data['length']}, sitting {data['sitting']} of {data['sittings']} "
        f"({data['date']}), all delegations played by the AI"
    )
    settled = data["settled"]
    print("settled: " + (", ".join(f"{i}={o}" for i, o in settled.items()) if settled else "nothing yet"))
    print()
    print("Per delegation and instrument (utility 0-100; no deal = what the AI expects without this instrument)")
    print(f"{'delegation':<14}{'instrument':<24}{'best':>6}{'aspir.':>8}{'no deal':>9}{'cost':>6}  plan (the package it would propose)")
    for did, d in data["delegations"].items():
        if d["role"] == "observer":
            continue
        if not d["instruments"]:
            print(f"{did:<14}{'(party to no instrument)':<24}")
        for iid, x in d["instruments"].items():
            if x["status"] != "open":
                plan = x["status"]
            elif x["plan"]:
                plan = ", ".join(f"{i}={o}" for i, o in x["plan"].items())
            else:
                plan = "— (nothing beats its aspiration)"
            print(f"{did:<14}{iid:<24}{_num(x['best']):>6}{_num(x['aspiration']):>8}{_num(x['no_deal']):>9}{x['cost']:>6.1f}  {plan}")
    print()
    print("Per instrument (no deal = the parties' utility of the world without it; net of costs)")
    for iid, a in data["instruments"].items():
        print(f"{iid} ({', '.join(a['parties'])}): {a['verdict']}")
        if a["status"] != "open":
            continue
        print("  no deal: " + ", ".join(f"{p} {v:.1f}" for p, v in a["no_deal"].items()))
        if a["nash"]:
            gains = ", ".join(f"{p} {v:.1f}" for p, v in a["nash_utilities"].items())
            print("  highest Nash product: " + ", ".join(f"{i}={o}" for i, o in a["nash"].items()) + f"  ({gains})")
    print()
    print("What each AI would do if it moved now")
    for did, d in data["delegations"].items():
        if "would" in d:
            print(f"  {did:<14}{d['would']['text']}")


def run(args: argparse.Namespace) -> int:
    check_seed(args.seed)
    _, cs = load_scenario(args.scenario)
    check_length(cs, args.length)
    neg = Negotiator()
    s = game_at(cs, args.seed, args.length, args.sitting, neg)
    data = inspection(s, neg)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print_text(data)
    return 0
