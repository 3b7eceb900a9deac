"""`plenipo simulate`: one headless all-AI game, printed as a dated log."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.ai.driver import play_game
from game.ai.explain import Explainer
from game.cli.checks import check_lang, check_length, check_output_file, check_seed
from game.cli.common import CliError, load_scenario
from game.engine.compiled import CompiledScenario
from game.engine.narrate import Narrator, first_proposals
from game.engine.scoring import score
from game.i18n import Translator, figure
from game.record.model import ai_note
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
    if args.lang not in cs.scenario.meta.languages:
        raise CliError(f"{cs.scenario.id} is written in {', '.join(cs.scenario.meta.languages)}, not {args.lang!r}")
    s = play_game(cs, args.seed, args.length)
    tl = Translator(args.lang)
    t = tl.t
    narrator = Narrator(cs, args.lang, t, tl.number)
    explainer = Explainer(narrator, t)
    print(
        t(
            "{title} — seed {seed}, length {length}",
            title=tr(cs.scenario.meta.title, args.lang),
            seed=args.seed,
            length=_length_name(cs, tl, args.length),
        )
    )
    print()
    first = first_proposals(list(s.log))
    for k, e in enumerate(s.log):
        tag = "  " + t("[private] ").strip() if e.audience is not None else ""
        print(f"{e.date}  {narrator.sentence(e, k in first)}{tag}")
        sentence = explainer.why(e)
        reasons = e.data.get("reasons") if args.why and e.data else None
        if reasons:
            print("            " + t("why: {sentence}", sentence=sentence or ai_note(t, str(reasons.get("note", "")))))
            numbers = {
                "value": figure(round(reasons["value"], 1), args.lang),
                "aspiration": figure(round(reasons["aspiration"], 1), args.lang),
                "alternative": figure(round(reasons["alternative"], 1), args.lang),
            }
            if reasons.get("chance") is not None:  # a proposal: how likely its proposer judged a yes from all
                line = t(
                    "(value {value}, aspiration {aspiration}, alternative {alternative}, all 0-100; its guess that all accept: {chance}%)",
                    chance=figure(round(100 * reasons["chance"]), args.lang),
                    **numbers,
                )
            else:
                line = t("(value {value}, aspiration {aspiration}, alternative {alternative}, all 0-100)", **numbers)
            print("                 " + line)
    assert s.outcome is not None
    outcome = cs.outcome(s.outcome)
    print()
    head = t("Outcome: {title} ({id})", title=tr(outcome.title, args.lang), id=outcome.id)
    print(head + (t(" — as in history") if outcome.historical else ""))
    for result in score(s):
        print(
            "  "
            + t(
                "{name}: score {score}, utility {utility}",
                name=narrator.name(result.delegation),
                score=figure(round(result.score, 1), args.lang),
                utility=figure(round(result.utility, 1), args.lang),
            )
        )
    if args.log:
        payload = {
            "scenario": cs.scenario.id,
            "digest": loaded.digest,
            "seed": args.seed,
            "length": args.length,
            "outcome": outcome.id,
            "log": [e.to_json() for e in s.log],
        }
        try:
            args.log.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as e:
            raise CliError(f"cannot write {args.log}: {e.strerror or e}") from None
    return 0


def _length_name(cs: CompiledScenario, tl: Translator, length_id: str) -> str:
    """The length as the setup screen names it, in the reader's language (its id, e.g. `full`, is for commands)."""
    cal = cs.scenario.calendar
    named = next((x for x in cal.lengths if x.id == length_id), None)
    if named is not None:
        return tr(named.title, tl.lang)
    return tl.tn("Full conference ({n} sitting)", "Full conference ({n} sittings)", len(cal.sittings))
