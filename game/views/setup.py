"""What the setup screen offers, and the `GameSetup` it hands on. No pygame here.

Kept apart from drawing so the choices (which scenarios load, which lengths and
languages a scenario offers, which delegations a team may play, how a seed is
typed) are tested without a window, and so the engine side can import
`GameSetup` without pygame.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.classroom.choices import ClassroomChoices
from game.resources import shipped_scenarios
from game.scenario.errors import ScenarioError, format_path
from game.scenario.loader import LoadedScenario, load
from game.scenario.models import Delegation
from game.scenario.texts import tr

SCENARIO_DIR = shipped_scenarios()
FULL = "full"
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class GameSetup:
    """Everything needed to start a game: handed to the app's `on_begin(setup)`.

    `humans` lists delegation ids played by student teams, in scenario order;
    every other non-observer delegation is played by the AI. `length_id` is a
    `calendar.lengths` id or ``"full"``. The same setup and seed replay the same game.
    """

    scenario_path: Path
    lang: str
    humans: tuple[str, ...]
    length_id: str
    seed: int
    aim_weights: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # the teacher's changes to the scenario's weights
    teacher_pin: str = ""
    turn_minutes: float = 0.0
    auto_pass: bool = False


@dataclass(frozen=True)
class ScenarioEntry:
    path: Path
    loaded: LoadedScenario

    def title(self, lang: str) -> str:
        return tr(self.loaded.scenario.meta.title, lang)

    def subtitle(self, lang: str) -> str:
        return tr(self.loaded.scenario.meta.subtitle, lang)

    def variant_note(self, lang: str) -> str:
        """For a what-if variant: what it changes and what historians say ("" for a historical scenario)."""
        return tr(self.loaded.scenario.variant_note, lang)


@dataclass(frozen=True)
class LengthOption:
    """A game length as offered: `title` is None for the full conference (the UI words it)."""

    id: str
    title: str | None
    sittings: int
    minutes: int | None


def first_problem(err: ScenarioError) -> str:
    """One line for the setup screen; the validator gives the full list."""
    if not err.problems:
        return str(err)
    p = err.problems[0]
    where = p.file.name + (f":{p.line}" if p.line is not None else "")
    more = f" (+{len(err.problems) - 1})" if len(err.problems) > 1 else ""
    key = f"{format_path(p.path)}: " if p.path else ""
    return f"{where}: {key}{p.message}{more}"


def discover(folder: Path = SCENARIO_DIR) -> tuple[list[ScenarioEntry], list[tuple[Path, str]]]:
    """Every ``*.toml`` in `folder` that loads (sorted by file name), and those that do not, with why."""
    good: list[ScenarioEntry] = []
    broken: list[tuple[Path, str]] = []
    if not folder.is_dir():
        return good, broken
    for path in sorted(folder.glob("*.toml")):
        try:
            good.append(ScenarioEntry(path, load(path)))
        except ScenarioError as err:
            broken.append((path, first_problem(err)))
        except Exception as err:  # a scenario file must never stop the game from opening
            broken.append((path, f"{path.name}: {err}"))
    return good, broken


def random_seed() -> int:
    """A fresh seed for a new game; shown on screen so a class can replay it."""
    return int(np.random.default_rng().integers(1, 1_000_000))


def parse_seed(text: str) -> int | None:
    """A typed seed: digits only, 0 .. 2^31-1; None if it is not one."""
    text = text.strip()
    if not text.isdigit():
        return None
    value = int(text)
    return value if value <= MAX_SEED else None


class SetupModel:
    """The setup screen's state: chosen scenario, language, teams, length, seed."""

    def __init__(
        self, scenarios: list[ScenarioEntry], broken: list[tuple[Path, str]] | None = None, *, lang: str = "en", seed: int | None = None
    ) -> None:
        self.scenarios = list(scenarios)
        self.broken = list(broken or [])
        self.index = 0
        self.preferred_lang = lang
        self.lang = lang
        self.humans: set[str] = set()
        self.length_id = FULL
        self.seed_text = str(random_seed() if seed is None else seed)
        self.message = ""  # last problem to show (e.g. a file that did not open)
        self.classroom = ClassroomChoices()  # the teacher's PIN, timer and aim weights
        if self.scenarios:
            self.select(0)

    # --- the scenario ---------------------------------------------------------------
    @property
    def entry(self) -> ScenarioEntry | None:
        return self.scenarios[self.index] if 0 <= self.index < len(self.scenarios) else None

    def select(self, index: int) -> None:
        """Choose a scenario: keeps the language if it offers it; resets teams and length."""
        if not 0 <= index < len(self.scenarios):
            return
        self.index = index
        langs = self.languages()
        self.lang = self.preferred_lang if self.preferred_lang in langs else langs[0]
        self.humans = set()
        if hasattr(self, "classroom"):
            self.classroom.reset_weights()  # weights belong to one scenario's aims
        lengths = self.lengths()
        self.length_id = lengths[0].id if lengths else FULL

    def open_file(self, typed: str) -> str | None:
        """Load a scenario from a typed path and select it; returns the problem, or None on success."""
        typed = typed.strip().strip('"').strip("'")
        if not typed:
            return "empty"
        path = Path(typed).expanduser()
        try:
            loaded = load(path)
        except ScenarioError as err:
            self.message = first_problem(err)
            return self.message
        except Exception as err:
            self.message = f"{path.name}: {err}"
            return self.message
        for i, e in enumerate(self.scenarios):
            if e.path.resolve() == path.resolve():
                self.scenarios[i] = ScenarioEntry(e.path, loaded)
                self.select(i)
                break
        else:
            self.scenarios.append(ScenarioEntry(path, loaded))
            self.select(len(self.scenarios) - 1)
        self.message = ""
        return None

    # --- what the chosen scenario offers -------------------------------------------
    def languages(self) -> list[str]:
        e = self.entry
        return list(e.loaded.scenario.meta.languages) if e else ["en"]

    def set_lang(self, lang: str) -> None:
        if lang in self.languages():
            self.lang = self.preferred_lang = lang

    def playable(self) -> list[Delegation]:
        """Delegations a team may take: every one but the observers, in scenario order."""
        e = self.entry
        return [d for d in e.loaded.scenario.delegations if not d.observer] if e else []

    def toggle(self, delegation_id: str, human: bool | None = None) -> None:
        ids = {d.id for d in self.playable()}
        if delegation_id not in ids:
            return
        want = (delegation_id not in self.humans) if human is None else human
        if want:
            self.humans.add(delegation_id)
        else:
            self.humans.discard(delegation_id)

    def lengths(self) -> list[LengthOption]:
        """The scenario's lengths, then the full calendar ('full'), each with sittings and rough minutes."""
        e = self.entry
        if not e:
            return []
        cal = e.loaded.scenario.calendar
        out = [LengthOption(g.id, tr(g.title, self.lang), len(g.sittings), g.minutes) for g in cal.lengths if g.id != FULL]
        per_sitting = [g.minutes / len(g.sittings) for g in cal.lengths if g.sittings]
        full_minutes = round(len(cal.sittings) * sum(per_sitting) / len(per_sitting) / 5) * 5 if per_sitting else None
        full = next((g for g in cal.lengths if g.id == FULL), None)
        if full is not None:
            out.append(LengthOption(FULL, tr(full.title, self.lang), len(full.sittings), full.minutes))
        else:
            out.append(LengthOption(FULL, None, len(cal.sittings), full_minutes))
        return out

    def set_length(self, length_id: str) -> None:
        if any(o.id == length_id for o in self.lengths()):
            self.length_id = length_id

    # --- seed and result ------------------------------------------------------------
    @property
    def seed(self) -> int | None:
        return parse_seed(self.seed_text)

    def set_seed_text(self, text: str) -> None:
        self.seed_text = "".join(ch for ch in text if ch.isdigit())[:10]

    def new_seed(self) -> None:
        self.seed_text = str(random_seed())

    def can_start(self) -> bool:
        return self.entry is not None and self.seed is not None

    def setup(self) -> GameSetup | None:
        """The frozen choice, or None while it is not complete (no scenario, bad seed)."""
        e, seed = self.entry, self.seed
        if e is None or seed is None:
            return None
        humans = tuple(d.id for d in self.playable() if d.id in self.humans)
        c = self.classroom
        return GameSetup(e.path, self.lang, humans, self.length_id, seed, c.frozen_weights(), c.pin.strip(), c.minutes, c.auto_pass)


# --- the introduction screen's table ----------------------------------------------------


@dataclass(frozen=True)
class IntroRow:
    """One delegation at the table as the introduction shows it; `role` is 'team', 'ai' or 'observer'."""

    id: str
    name: str
    leaders: tuple[str, ...]
    demands: str
    role: str


def intro_rows(setup: GameSetup, delegations: list[Delegation]) -> list[IntroRow]:
    """Every delegation in scenario order, with who plays it; public texts only (no briefing)."""
    rows = []
    for d in delegations:
        role = "observer" if d.observer else ("team" if d.id in setup.humans else "ai")
        rows.append(IntroRow(d.id, tr(d.name, setup.lang), tuple(d.leaders), tr(d.public_demands, setup.lang), role))
    return rows
