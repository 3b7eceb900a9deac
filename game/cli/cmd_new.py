"""`plenipo new`: write a commented starter scenario (or a what-if variant) to edit."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from game.cli.common import CliError, find_scenario, load_scenario
from game.scenario.template import starter, variant


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("new", help="write a commented starter scenario NAME.toml (or a variant with --from)")
    p.add_argument("name", help="scenario id and file name: lower-case letters, digits and _")
    p.add_argument("--from", dest="base", metavar="SCENARIO", help="write a variant that extends this scenario (file or id)")
    p.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="directory to write to (default: here)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    name = args.name[:-5] if args.name.endswith(".toml") else args.name
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,63}", name):
        raise CliError(f"{args.name!r} cannot be a scenario id: use lower-case letters, digits and _, starting with a letter")
    out_dir: Path = args.out
    target = out_dir / f"{name}.toml"
    if target.exists():
        raise CliError(f"{target} already exists; choose another name or remove it first (nothing was written)")
    if args.base:
        base_path = find_scenario(args.base)
        loaded, _ = load_scenario(str(base_path))
        extends = os.path.relpath(base_path.resolve(), out_dir.resolve())
        text = variant(name, loaded.scenario, extends)
    else:
        text = starter(name)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        raise CliError(f"{target} already exists; nothing was written") from None
    except OSError as e:
        raise CliError(f"cannot write {target}: {e.strerror or e}") from None
    print(f"wrote {target}")
    print(f"next: plenipo validate {target}   then   plenipo simulate {target}")
    return 0
