"""`plenipo simulate`: one headless all-AI game, printed as a dated log."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.ai.driver import play_game
from game.ai.explain import Explainer
from game.cli.checks import check_lang, check_length, check_output_file, check_seed
from game.cli.common import CliError, load_scenario
from game.engine.narrate import Narrator
from game.engine.scoring import score
from game.i18n import Translator
from game.scenario.texts import tr


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("simulate", help="play one all-AI game headless and print its dated log and outcome")
    p.add_argument("scenario", nargs="?", help="scenario file or id (default: genoa_1922)")
    p.add_argument("--seed", type=int, default=1, help="the game's seed (default 1)")
    p.add_argument("--length", default="full", help="game length id (default: full)")
    p.add_argument("--lang", default="en", help="language of the scenario texts (default en)")
    p.add_argument("--log", type=Path, help="also write the structured log as JSON to this file")
    p.add_argument("--why", action="store_true", help="print each AI decision's reasons")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_seed(args.seed)
    check_lang(args.lang)
    if args.log is not None:
        check_output_file(args.log, "--log")
    loaded, cs = load_scenario(args.scenario)
    check_length(cs, args.length)
    s = play_game(cs, args.seed, args.length)
    translator = Translator(args.lang)
    narrator = Narrator(cs, args.lang, translator.t)
    explainer = Explainer(narrator, translator.t)
    print(f"{tr(cs.scenario.meta.title, args.lang)} — seed {args.seed}, length {args.length}")
    print()
    for e in s.log:
        print(f"{e.date}  {narrator.sentence(e)}" + ("  [private]" if e.audience is not None else ""))
        sentence = explainer.why(e)
        reasons = e.data.get("reasons") if args.why and e.data else None
        if reasons:
            print(f"            why: {sentence}")
            print(
                f"                 (value {reasons['value']:.1f}, aspiration {reasons['aspiration']:.1f}, "
                f"alternative {reasons['alternative']:.1f}, all 0-100)"
            )
    assert s.outcome is not None
    outcome = cs.outcome(s.outcome)
    print()
    print(f"Outcome: {tr(outcome.title, args.lang)} ({outcome.id}){' — as in history' if outcome.historical else ''}")
    for result in score(s):
        print(f"  {result.delegation:<12} score {result.score:5.1f}   utility {result.utility:5.1f}")
    if args.log:
        payload = {"scenario": cs.scenario.id, "digest": loaded.digest, "seed": args.seed, "length": args.length,
                   "outcome": outcome.id, "log": [e.to_json() for e in s.log]}
        try:
            args.log.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as e:
            raise CliError(f"cannot write {args.log}: {e.strerror or e}") from None
    return 0
