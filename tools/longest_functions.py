"""Print the longest functions of a package, to see where the code still reads as one long chain.

Usage: `python tools/longest_functions.py [FOLDER] [--top N]` (default: game, 15). A function's length is
its lines from `def` (decorators included) to its last line, blank lines and docstring included; nested
functions count both on their own and inside the function that holds them.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path


def functions(root: Path) -> list[tuple[int, str]]:
    """(lines, "path:line name") for every function and method under `root`."""
    out: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                end = node.end_lineno or node.lineno
                out.append((end - first + 1, f"{path}:{node.lineno} {node.name}"))
    return sorted(out, key=lambda x: (-x[0], x[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="game")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    for lines, where in functions(Path(args.folder))[: args.top]:
        print(f"{lines:5d}  {where}")


if __name__ == "__main__":
    main()
