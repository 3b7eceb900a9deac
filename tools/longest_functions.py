"""The longest functions of a folder, read with `ast`: ``python tools/longest_functions.py game/ui [-n 15]``.

Issue #15 measures a screen's layout by its length ("100 lines of arithmetic"); this
prints each function's lines (its ``def`` to its last line, decorators and docstring
included) so a before/after comparison is one command. Nested functions count on
their own and inside the function that holds them.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path


def functions(root: Path) -> list[tuple[int, str]]:
    """(lines, ``path:line qualified.name``) of every function and method under `root`."""
    found: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        _visit(tree, "", path, found)
    return sorted(found, key=lambda f: (-f[0], f[1]))


def _visit(node: ast.AST, prefix: str, path: Path, found: list[tuple[int, str]]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{child.name}"
            start = min([child.lineno] + [d.lineno for d in child.decorator_list])
            end = child.end_lineno or child.lineno
            found.append((end - start + 1, f"{path}:{child.lineno} {name}"))
            _visit(child, name + ".", path, found)
        elif isinstance(child, ast.ClassDef):
            _visit(child, f"{prefix}{child.name}.", path, found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", default=["game/ui"], type=Path)
    parser.add_argument("-n", type=int, default=15, help="how many to list (default 15)")
    args = parser.parse_args(argv)
    rows = [row for p in args.paths for row in functions(p)]
    rows.sort(key=lambda f: (-f[0], f[1]))
    for lines, where in rows[: args.n]:
        print(f"{lines:5d}  {where}")
    over = sum(1 for lines, _ in rows if lines > 50)
    print(f"{len(rows)} functions, {over} longer than 50 lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
