"""`plenipo schema`: the JSON Schema of the scenario format, for editors."""

from __future__ import annotations

import argparse
import json

from game.scenario.models import schema


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schema", help="print the JSON Schema of the scenario format (for editors with TOML schema support)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print(json.dumps(schema(), indent=2, ensure_ascii=False))
    return 0
