"""`plenipo validate`: check scenario files; prints every problem, or OK.

Exit status: 0 when every file loads (warnings are only printed), 1 with
warnings under `--strict`, 2 when any file has errors."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.scenario.errors import ScenarioError
from game.scenario.loader import load


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("validate", help="check scenario files: every problem with file:line, or OK")
    p.add_argument("files", nargs="+", type=Path, help="scenario files")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    errors = warnings = 0
    for path in args.files:
        try:
            loaded = load(path)
        except ScenarioError as e:
            errors += len(e.problems)
            for problem in e.problems:
                print(problem)
            print(f"{path}: {len(e.problems)} error(s)")
            continue
        for w in loaded.warnings:
            print(w)
        warnings += len(loaded.warnings)
        print(f"{path}: " + (f"{len(loaded.warnings)} warning(s)" if loaded.warnings else "OK"))
    if errors:
        return 2
    if warnings and args.strict:
        return 1
    return 0
