"""`plenipo handouts`: printable role sheets and a teacher's guide, as HTML files."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.checks import check_length
from game.cli.common import CliError, err, load_scenario
from game.handouts import render
from game.i18n import available_languages


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("handouts", help="write one printable HTML role sheet per delegation and a teacher's guide")
    p.add_argument("scenario", help="scenario file or id")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="directory for the HTML files")
    p.add_argument("--lang", default="en", help="language of the handouts (default en)")
    p.add_argument("--length", default="full", help="the game length the lesson will use (default: full)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    loaded, cs = load_scenario(args.scenario)
    s = loaded.scenario
    check_length(cs, args.length)
    if args.lang not in s.meta.languages:
        raise CliError(f"{s.id} is written in {', '.join(s.meta.languages)}, not {args.lang!r}")
    if args.lang not in available_languages():  # the headings come from Plenipo's catalogs, whatever the scenario's languages
        err(f"note: the handouts' headings have no {args.lang!r} translation; they are in English")
    handouts = render(s, args.lang, args.length, path_hint=args.scenario)
    try:
        written = handouts.write(args.out)
    except OSError as e:
        raise CliError(f"cannot write to {args.out}: {e.strerror or e}") from None
    for path in written:
        print(f"wrote {path}")
    return 0
