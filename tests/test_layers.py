"""The layer contract of the `game` package, read from the source with `ast`.

Each layer may import the layers below it and never one above or beside it:

    i18n, resources, files     the base: importable by every layer, importing no other part of the game
    scenario                   the file format: models, loader, checks
    engine                     the rules: state, actions, steps (pure, no pygame)
    ai                         the computer delegations
    analysis                   batches, sweeps, Pareto frontiers, bench (headless)
    play                       a game in progress: sessions, saves, random play
    record classroom handouts  what is built on sessions: records, the teacher's tools, printouts
    views                      what the screens show, without pygame (the setup offer needs the
                               classroom's choices); below net, so a host sends the window's views
    net                        the classroom over the network (hosts a classroom)
    ui                         the pygame window
    cli                        the `plenipo` command, which may open the window
    game/__main__              `python -m game`

Every import counts: at the top of a module, inside a function, and under
`if TYPE_CHECKING:` (a type-only import still ties a layer to the one it names;
pass a narrow Protocol instead). pygame (and pygame_gui) may only be imported in
`game/ui`. `tools/` and the game never import the tests.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"

BASE = frozenset({"i18n", "resources", "files"})
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"scenario"}),
    frozenset({"engine"}),
    frozenset({"ai"}),
    frozenset({"analysis"}),
    frozenset({"play"}),
    frozenset({"record", "classroom", "handouts"}),
    frozenset({"views"}),
    frozenset({"net"}),
    frozenset({"ui"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
WINDOW_ONLY = ("pygame", "pygame_gui")

# Imports that break the contract in code another helper is rewriting right now; each names
# where it is tracked, so the lead can delete the line once that work is merged.
# (importer module, imported module)
ALLOWED: frozenset[tuple[str, str]] = frozenset()


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import statement anywhere in the file."""
    st = path.stat()
    return iter(_imports(path, st.st_mtime_ns, st.st_size))


@functools.cache
def _imports(path: Path, mtime_ns: int, size: int) -> tuple[tuple[int, str], ...]:
    """`imports_of`, parsed once per file and version (several tests read every file of the game)."""
    return tuple(_parse_imports(path))


def _parse_imports(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:  # `from game import engine` imports the package game.engine
                yield node.lineno, f"{target}.{alias.name}"


def part_of(module: str) -> str | None:
    """The top-level part of the game a module belongs to (`game.engine.rules` -> `engine`)."""
    parts = module.split(".")
    if parts[0] != "game" or len(parts) < 2:
        return None
    return parts[1].removesuffix(".py")


def rank(part: str) -> int:
    if part in BASE:
        return -1
    for k, layer in enumerate(LAYERS):
        if part in layer:
            return k
    raise KeyError(part)


def game_files() -> list[Path]:
    return sorted(p for p in GAME.rglob("*.py") if p.name != "__init__.py" or p.parent != GAME)


def violations() -> list[str]:
    found = []
    for path in game_files():
        me = _module_name(path)
        mine = part_of(me)
        assert mine is not None
        seen: set[tuple[int, str | None]] = set()
        for line, target in imports_of(path):
            if (line, part_of(target)) in seen and part_of(target) is not None:
                continue  # `from game.ai import driver` names game.ai and game.ai.driver: one finding
            seen.add((line, part_of(target)))
            where = f"{path.relative_to(ROOT)}:{line}"
            if target.split(".")[0] in WINDOW_ONLY and mine != "ui":
                found.append(f"{where}: {me} imports {target}; only game/ui may use pygame")
                continue
            if target.split(".")[0] == "tests":
                found.append(f"{where}: {me} imports the tests ({target})")
                continue
            theirs = part_of(target)
            if theirs is None or theirs == mine or (me, target) in ALLOWED:
                continue
            if mine in BASE:
                found.append(f"{where}: {me} is in the base layer and may import no other part of the game, but imports {target}")
            elif theirs not in BASE and rank(theirs) >= rank(mine):
                side = "beside" if rank(theirs) == rank(mine) else "above"
                found.append(f"{where}: {me} imports {target}, which is {side} it ({mine} may use only the layers below it)")
    return found


def test_every_part_of_the_game_has_a_layer() -> None:
    parts = {part_of(_module_name(p)) for p in game_files()}
    unknown = sorted(p for p in parts if p is not None and p not in BASE and not any(p in layer for layer in LAYERS))
    assert not unknown, f"give these a place in tests/test_layers.py LAYERS: {unknown}"


def test_no_layer_imports_one_above_or_beside_it() -> None:
    found = violations()
    assert not found, "layer contract broken:\n" + "\n".join(found)


def test_the_allow_list_holds_only_imports_that_still_exist() -> None:
    present = {(_module_name(p), target) for p in game_files() for _, target in imports_of(p)}
    assert present >= ALLOWED, f"remove from ALLOWED: {sorted(ALLOWED - present)}"


def test_tools_do_not_import_the_tests() -> None:
    bad = [
        f"{p.relative_to(ROOT)}:{line} imports {t}"
        for p in sorted((ROOT / "tools").glob("*.py"))
        for line, t in imports_of(p)
        if t.split(".")[0] in ("tests", "engine_kit", "game_helpers", "ui_helpers")
    ]
    assert not bad, bad


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("from game.ui.app import App\n", "game.engine.bad imports game.ui.app, which is above it"),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from game.play.session import Session\n", "which is above it"),
        ("def f():\n    import pygame\n", "only game/ui may use pygame"),
        ("from ..ai import driver\n", "game.ai"),
    ],
    ids=["top-level", "type-only", "pygame-in-a-function", "relative"],
)
def test_the_check_catches_each_kind_of_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, message: str) -> None:
    """The checker itself can fail: a fake engine module with one bad import is reported."""
    fake_root = tmp_path
    (fake_root / "game" / "engine").mkdir(parents=True)
    (fake_root / "game" / "engine" / "bad.py").write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", fake_root)
    monkeypatch.setitem(globals(), "GAME", fake_root / "game")
    found = violations()
    assert len(found) == 1 and message in found[0], found


def test_the_base_layer_may_not_import_upward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "game" / "i18n").mkdir(parents=True)
    (tmp_path / "game" / "i18n" / "__init__.py").write_text("from game.ui import app\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "GAME", tmp_path / "game")
    found = violations()
    assert found and all("base layer" in f for f in found), found


# --- inside the window: kit <- screens <- the app ------------------------------------------------------

#: The modules that own the window (the app, its wiring to the engine, the script runner); screens and the
#: kit see the app only through the protocols of game/ui/kit/context.py.
WINDOW_OWNERS = ("game.ui.app", "game.ui.main", "game.ui.__main__", "game.ui.script", "game.ui.bench_probe")

# Screens that must import a window owner, each with where it is tracked (empty: none today).
UI_ALLOWED: frozenset[tuple[str, str]] = frozenset()


def _names(target: str, prefixes: tuple[str, ...]) -> bool:
    return any(target == p or target.startswith(p + ".") for p in prefixes)


def ui_violations() -> list[str]:
    """The kit imports nothing of game/ui outside the kit; a screen never imports the window's owners (one finding a line)."""
    found: dict[str, str] = {}
    kit, screens = GAME / "ui" / "kit", GAME / "ui" / "screens"
    for path in game_files():
        me = _module_name(path)
        for line, target in imports_of(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if where in found:
                continue  # `from game.ui.app import App` names game.ui.app and game.ui.app.App: one finding
            if path.is_relative_to(kit) and _names(target, ("game.ui",)) and not _names(target, ("game.ui.kit",)):
                found[where] = f"{where}: the kit ({me}) imports {target}; the kit knows no screen and not the app"
            elif path.is_relative_to(screens) and _names(target, WINDOW_OWNERS) and not any(m == me and _names(target, (t,)) for m, t in UI_ALLOWED):
                found[where] = f"{where}: the screen {me} imports {target}; pass the app as a protocol (game/ui/kit/context.py)"
    return sorted(found.values())


def test_the_kit_and_the_screens_never_import_what_is_above_them() -> None:
    found = ui_violations()
    assert not found, "window layers broken:\n" + "\n".join(found)


def test_the_window_allow_list_holds_only_imports_that_still_exist() -> None:
    present = {(_module_name(p), target) for p in game_files() for _, target in imports_of(p)}
    assert present >= UI_ALLOWED, f"remove from UI_ALLOWED: {sorted(UI_ALLOWED - present)}"


@pytest.mark.parametrize(
    ("where", "source", "message"),
    [
        ("kit/bad.py", "from game.ui.screens.conference.draw import wrapped\n", "the kit (game.ui.kit.bad) imports"),
        ("kit/bad.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from game.ui.app import App\n", "imports game.ui.app"),
        ("screens/bad.py", "from game.ui.app import App\n", "the screen game.ui.screens.bad imports game.ui.app"),
        ("screens/bad.py", "def f():\n    from game.ui import main\n", "imports game.ui.main"),
    ],
    ids=["kit-imports-a-screen", "kit-imports-the-app-for-types", "screen-imports-the-app", "screen-imports-main-in-a-function"],
)
def test_the_window_check_catches_each_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, source: str, message: str) -> None:
    """The window check can fail: one bad module in a fake game/ui is reported."""
    bad = tmp_path / "game" / "ui" / where
    bad.parent.mkdir(parents=True)
    bad.write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "GAME", tmp_path / "game")
    found = ui_violations()
    assert len(found) == 1 and message in found[0], found
