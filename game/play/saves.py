"""Save files: versioned JSON, written atomically, loaded by exact replay.

A save holds the setup and the actions, not the engine state: loading
replays the actions through the rules, so a save cannot smuggle in a state
the rules would not reach, and it moves between machines (the scenario is
named by its path relative to the save or to `scenarios/`, by id, and by a
content hash that detects an edited scenario).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.engine.rules import IllegalAction
from game.files import write_atomic as write_atomic  # re-exported for callers that save games
from game.i18n import available_languages
from game.play.codec import action_to_json
from game.play.save_format import MAX_SAVE_ACTIONS, SAVE_FORMAT, SAVE_VERSION, SaveModel, problem
from game.play.session import JournalEntry, Session, SessionSetup, Undone
from game.resources import shipped_scenarios, user_home
from game.scenario.errors import ScenarioError
from game.scenario.loader import load

MAX_SAVE_BYTES = 20_000_000
# MAX_SAVE_ACTIONS: a whole Genoa conference is about 250 moves; a class with undos and news stays
# far below it. Replay time grows with the count, so the cap also bounds how long a save takes to open.


class SaveError(Exception):
    """A save that cannot be loaded; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Loaded:
    session: Session
    scenario_changed: bool  # the scenario file differs from the one the game was saved with


def saves_dir() -> Path:
    """Where autosaves and exports go: $PLENIPO_HOME/saves, else the system's folder for app data."""
    return user_home() / "saves"


def autosave_path() -> Path:
    return saves_dir() / "autosave.json"


def _scenario_ref(path: Path, save_path: Path) -> str:
    """The scenario's path as portable text: relative to scenarios/ if shipped, else to the save."""
    resolved = path.resolve()
    try:
        return "scenarios/" + resolved.relative_to(shipped_scenarios().resolve()).as_posix()
    except ValueError:
        pass
    try:
        return os.path.relpath(resolved, save_path.resolve().parent).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return resolved.as_posix()


def to_json(session: Session, save_path: Path) -> dict[str, Any]:
    setup = session.setup
    return {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "saved": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "scenario": {"id": session.cs.scenario.id, "path": _scenario_ref(Path(setup.scenario_path), save_path), "digest": session.loaded.digest},
        "setup": {
            "lang": setup.lang,
            "humans": list(setup.humans),
            "length": setup.length_id,
            "seed": setup.seed,
            "aim_weights": {d: dict(w) for d, w in setup.aim_weights.items()},
            "teacher_pin": setup.teacher_pin,
            "turn_minutes": setup.turn_minutes,
            "auto_pass": setup.auto_pass,
        },
        "actions": [action_to_json(a) for a in session.actions],
        "undone": [{"sitting": u.sitting, "actions": [action_to_json(a) for a in u.actions]} for u in session.undone],
        "journal": [dataclasses.asdict(j) for j in session.journal],
        "turn": session.state.turn + 1,
        "ended": session.state.ended,
    }


def save(session: Session, path: Path) -> None:
    write_atomic(path, json.dumps(to_json(session, path), ensure_ascii=False, indent=1) + "\n")


def _find_scenario(ref: dict[str, Any], save_path: Path) -> Path:
    rel = ref.get("path")
    candidates: list[Path] = []
    if isinstance(rel, str) and rel:
        # beside the save first: a lesson folder carried to another computer (save + scenarios/) must use its own
        # copy of the scenario, not one that happens to share its name in this installation
        candidates.append(save_path.parent / rel)
        if rel.startswith("scenarios/"):
            candidates.append(shipped_scenarios() / rel[len("scenarios/") :])
        candidates.append(shipped_scenarios() / Path(rel).name)
    sid = ref.get("id")
    if isinstance(sid, str):
        candidates.append(shipped_scenarios() / f"{sid}.toml")
    for c in candidates:
        if c.is_file():
            return c
    raise SaveError(f"{save_path}: the scenario {rel or sid!r} it was played with cannot be found")


def load_save(path: Path) -> Loaded:
    """Load and replay a save; SaveError with a clear message for anything wrong."""
    blob = _read_bounded(path)
    try:
        data = json.loads(blob.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise SaveError(f"{path}: not a text file; it is damaged or not a Plenipo save") from None
    except json.JSONDecodeError as e:
        raise SaveError(f"{path}:{e.lineno}:{e.colno}: damaged save (not valid JSON: {e.msg})") from None
    except RecursionError:
        raise SaveError(f"{path}: damaged save (nested too deeply)") from None
    except ValueError as e:  # NaN / Infinity, or an integer of more than 4,300 digits
        why = str(e) if "not a number a save may hold" in str(e) else "a number has more than 4,300 digits"
        raise SaveError(f"{path}: damaged save ({why})") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{path}: not a Plenipo save file")
    if _holds_nul(data):  # the window's font renderer refuses a NUL: such a save could never be shown
        raise SaveError(f"{path}: damaged save (a text holds a NUL character)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"{path}: version: missing or not a number")
    if version > SAVE_VERSION:
        raise SaveError(f"{path}: saved by a newer Plenipo (save version {version}; this one reads up to {SAVE_VERSION})")
    data = migrate(data, version)
    scenario_ref = data.get("scenario")
    setup_data = data.get("setup")
    actions_data = data.get("actions")
    if not isinstance(scenario_ref, dict) or not isinstance(setup_data, dict) or not isinstance(actions_data, list):
        raise SaveError(f"{path}: damaged save (scenario, setup or actions missing)")
    undone_data = data.get("undone", [])
    moves = (
        len(actions_data) + sum(len(u["actions"]) for u in undone_data if isinstance(u, dict) and isinstance(u.get("actions"), list))
        if isinstance(undone_data, list)
        else len(actions_data)
    )
    if moves > MAX_SAVE_ACTIONS:
        raise SaveError(f"{path}: damaged save ({moves:,} moves; a game holds at most {MAX_SAVE_ACTIONS:,})")
    try:
        doc = SaveModel.model_validate(data)
    except ValidationError as e:
        raise SaveError(f"{path}: damaged save ({problem(e)})") from None
    scenario_path = _find_scenario(scenario_ref, path)
    try:
        loaded = load(scenario_path)
    except ScenarioError as e:
        raise SaveError(f"{path}: its scenario {scenario_path} has errors:\n{e}") from None
    if doc.setup.lang not in available_languages():
        raise SaveError(
            f"{path}: damaged save (setup.lang: {doc.setup.lang[:20]!r} is not a language of Plenipo ({', '.join(available_languages())}))"
        )
    setup = _setup(doc, scenario_path)
    actions = [a.to_action() for a in doc.actions]
    undone = [Undone(u.sitting, tuple(a.to_action() for a in u.actions)) for u in doc.undone]
    journal = [JournalEntry(**j.model_dump()) for j in doc.journal]
    changed = scenario_ref.get("digest") != loaded.digest
    if setup.length_id not in loaded.scenario.calendar.length_ids():
        raise SaveError(
            f"{path}: damaged save (setup.length {setup.length_id!r} is not a length of {loaded.scenario.id}; "
            f"it offers {', '.join(loaded.scenario.calendar.length_ids())})"
        )
    unknown = [h for h in setup.humans if h not in {d.id for d in loaded.scenario.delegations}]
    if unknown:
        raise SaveError(f"{path}: damaged save (setup.humans names {unknown[0]!r}, not a delegation of {loaded.scenario.id})")
    try:
        session = Session.replay(loaded, setup, actions)
    except IllegalAction as e:
        hint = " The scenario was edited after this game was saved." if changed else ""
        raise SaveError(f"{path}: the saved moves no longer fit the scenario ({e.reason}).{hint}") from None
    session.undone = undone
    session.journal = journal
    return Loaded(session, changed)


def _setup(doc: SaveModel, scenario_path: Path) -> SessionSetup:
    d = doc.setup
    weights = {who: dict(aims) for who, aims in d.aim_weights.items()}
    return SessionSetup(str(scenario_path), d.lang, d.humans, d.length, d.seed, weights, d.teacher_pin, d.turn_minutes, d.auto_pass)


def _read_bounded(path: Path) -> bytes:
    """The save's bytes, after checking it is a regular file of a sane size: a FIFO would block
    forever, /dev/zero or a sparse file of many gigabytes would fill the memory."""
    try:
        with open(path, "rb", buffering=0, opener=_open_nonblocking) as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise SaveError(f"{path}: not a regular file, so not a save")
            if st.st_size > MAX_SAVE_BYTES:
                raise SaveError(f"{path}: {st.st_size:,} bytes is too large for a save (at most {MAX_SAVE_BYTES:,})")
            blob = f.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except IsADirectoryError:
        raise SaveError(f"{path}: a folder, not a save file") from None
    except OSError as e:
        raise SaveError(f"{path}: cannot read it ({e.strerror or e})") from None
    except (ValueError, RuntimeError):  # a NUL in the name
        raise SaveError(f"{path!s:.200}: not a usable file name") from None
    if len(blob) > MAX_SAVE_BYTES:
        raise SaveError(f"{path}: too large for a save (at most {MAX_SAVE_BYTES:,} bytes)")
    return blob


def _open_nonblocking(name: str, flags: int) -> int:
    """Open without waiting: opening a FIFO for reading blocks until a writer comes, which may be never."""
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


def _holds_nul(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if "\0" in value:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save may hold")


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring an older save up to the current version (version 1 is the first)."""
    if version < 1:
        raise SaveError(f"save version {version} is older than any Plenipo release")
    return data
