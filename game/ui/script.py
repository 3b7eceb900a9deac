"""Running a UI script against the real window (headless under SDL_VIDEODRIVER=dummy).

Each command acts as a student would: `click` finds the one visible, enabled
control whose label contains the text (in the frame's list of what is drawn,
game/ui/kit/registry.py) and sends real pygame mouse events at its centre; `key`
and `type` send key and text events; `expect` reads the same list, so it
passes only for text drawn in full and not under an overlay. The first
failing line stops the run with the file, the line, the reason and what was
visible, and the exit status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

import pygame

from game.ui.app import STEP, App, save_screenshot
from game.ui.kit.registry import CONTROLS, Seen, visible
from game.ui.script_lang import OUTCOME, Command, Kind

#: Fixed updates `wait ai` and `wait outcome` allow before giving up (a short Genoa game needs a few thousand).
WAIT_LIMIT = 60_000
SETTLE_FRAMES = 2


class StepFailed(Exception):
    """A command did not do what the script says."""


class Inner(StepFailed):
    """A line inside a repeat block failed: the report names that line, not the block's."""

    def __init__(self, cmd: Command, reason: str) -> None:
        super().__init__(reason)
        self.cmd = cmd


@dataclass
class ScriptRun:
    """A script being played on an app; `run()` returns the exit status (0 all passed, 1 a line failed)."""

    app: App
    commands: list[Command]
    name: str
    shots: Path | None = None
    # read when the run starts, not when this module is imported: `main()` wraps the streams (SafeStream)
    # after the import, and a test's captured stream may be closed by then
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def run(self) -> int:
        self._frames(SETTLE_FRAMES)
        for cmd in self.commands:
            try:
                self.step(cmd)
            except Inner as failure:
                self._report(failure.cmd, str(failure))
                return 1
            except StepFailed as failure:
                self._report(cmd, str(failure))
                return 1
        return 0

    # --- the commands -------------------------------------------------------------------
    def step(self, cmd: Command) -> None:
        actions: dict[Kind, Callable[[Command], None]] = {
            Kind.SETUP: self._setup,
            Kind.CLICK: self._click,
            Kind.KEY: self._key,
            Kind.TYPE: self._type,
            Kind.EXPECT: self._expect,
            Kind.EXPECT_NO: self._expect_no,
            Kind.WAIT_AI: self._wait_ai,
            Kind.WAIT_OUTCOME: self._wait_outcome,
            Kind.SHOT: self._shot,
            Kind.REPEAT: self._repeat,
        }
        actions[cmd.kind](cmd)

    def _repeat(self, cmd: Command) -> None:
        """Play the block until its condition holds; a failing line inside fails with its own number."""
        for _ in range(cmd.limit):
            if self._reached(cmd.text):
                return
            for inner in cmd.body:
                try:
                    self.step(inner)
                except Inner:
                    raise
                except StepFailed as failure:
                    raise Inner(inner, str(failure)) from None
        if not self._reached(cmd.text):
            what = "the outcome screen did not come" if cmd.text == OUTCOME else f"{cmd.text!r} never became visible"
            raise StepFailed(f"repeat: {what} after {cmd.limit} rounds")

    def _reached(self, until: str) -> bool:
        if until == OUTCOME:
            return self._at_outcome()
        return shows(visible(), until)

    def _at_outcome(self) -> bool:
        """On the outcome screen with the debrief's what-if replays done (as `wait outcome` waits for them)."""
        from game.ui.screens.outcome.screen import OutcomeScene

        top = self.app.stack.top
        if not isinstance(top, OutcomeScene):
            return False
        while not top.whatif.finished:
            top.whatif.thread.join(timeout=0.05)
        self._frames(SETTLE_FRAMES)
        return True

    def _setup(self, cmd: Command) -> None:
        from game.ui.app import Settings
        from game.ui.screens.setup.screen import SetupScene

        top = self.app.stack.top
        if not isinstance(top, SetupScene):
            raise StepFailed("setup works only on the setup screen, before Start")
        m = top.m
        settings: Settings = self.app.settings
        for key, value in cmd.setup:
            if key == "teams":
                ids = [v.strip() for v in value.split(",") if v.strip()]
                playable = {d.id for d in m.playable()}
                unknown = [i for i in ids if i not in playable]
                if unknown:
                    raise StepFailed(f"no delegation {', '.join(unknown)} to give a team (there are: {', '.join(sorted(playable))})")
                for did in playable:
                    m.toggle(did, did in ids)
            elif key == "length":
                if not any(o.id == value for o in m.lengths()):
                    raise StepFailed(f"no length {value!r} (there are: {', '.join(o.id for o in m.lengths())})")
                m.set_length(value)
            elif key == "seed":
                if not value.isdigit():
                    raise StepFailed(f"the seed must be a whole number, not {value!r}")
                m.set_seed_text(value)
            elif key == "lang":
                if value not in m.languages():
                    raise StepFailed(f"the scenario has no language {value!r} (it has: {', '.join(m.languages())})")
                m.set_lang(value)
                settings = replace(settings, lang=value)
            elif key == "size":
                w, sep, h = value.lower().partition("x")
                if not (sep and w.isdigit() and h.isdigit()):
                    raise StepFailed(f"size is WIDTHxHEIGHT, e.g. 1280x720, not {value!r}")
                self.app.windowed_size = (int(w), int(h))
                self.app.surface = self.app._open_window(self.app.windowed_size, False)
            elif key == "text":
                if not value.isdigit() or not 100 <= int(value) <= 200:
                    raise StepFailed(f"text is a size in percent from 100 to 200, not {value!r}")
                settings = replace(settings, text_scale=int(value) / 100)
        self.app.apply_settings(settings)
        self._frames(SETTLE_FRAMES)

    def _click(self, cmd: Command) -> None:
        target = self.find(cmd.text, cmd.within)
        x, y = target.pg_rect.center
        self._send(
            [
                pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1),
            ]
        )

    def _key(self, cmd: Command) -> None:
        try:
            code = pygame.key.key_code(cmd.text)
        except ValueError:
            raise StepFailed(f"no key named {cmd.text!r} (pygame names: return, escape, tab, a, f11, page down)") from None
        char = cmd.text if len(cmd.text) == 1 else ""
        self._send(
            [
                pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=char, scancode=0),
                pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode=char, scancode=0),
            ]
        )

    def _type(self, cmd: Command) -> None:
        self._send([pygame.event.Event(pygame.TEXTINPUT, text=cmd.text)])

    def _expect(self, cmd: Command) -> None:
        if not shows(visible(), cmd.text):
            stems = [(e, _norm(e.label).rstrip("…").strip()) for e in visible() if e.cut or e.clipped]
            cut = [e for e, stem in stems if stem and stem in _norm(cmd.text)]
            hint = f" (it is cut: {cut[0].label!r})" if cut else ""
            raise StepFailed(f"{cmd.text!r} is not visible{hint}")

    def _expect_no(self, cmd: Command) -> None:
        hits = [e for e in visible() if _norm(cmd.text) in _norm(e.label)]
        if hits or shows(visible(), cmd.text):
            raise StepFailed(f"{cmd.text!r} is visible but should not be")

    def _wait_ai(self, cmd: Command) -> None:
        from game.ui.screens.conference.handover import HandoverScene
        from game.ui.screens.conference.screen import ConferenceScene
        from game.ui.screens.outcome.screen import OutcomeScene

        def done(app: App) -> bool:
            top = app.stack.top
            return isinstance(top, HandoverScene | OutcomeScene) or (isinstance(top, ConferenceScene) and top.team_turn)

        self._until(done, "no team's hand-over and no outcome came")

    def _wait_outcome(self, cmd: Command) -> None:
        from game.ui.screens.conference.handover import HandoverScene
        from game.ui.screens.outcome.screen import OutcomeScene

        def done(app: App) -> bool:
            top = app.stack.top
            if isinstance(top, HandoverScene):
                raise StepFailed("a team's hand-over came before the outcome (the teams still have moves to make)")
            if not isinstance(top, OutcomeScene):
                return False
            if not top.whatif.finished:  # the debrief's what-if replays run in a thread: give it the time it needs
                top.whatif.thread.join(timeout=0.05)
                return False
            return True

        self._until(done, "the outcome screen did not come")

    def _shot(self, cmd: Command) -> None:
        if self.shots is None:
            return  # no --screenshots folder: the line is a no-op, not a failure
        self.app.draw()
        save_screenshot(self.app.surface, self.shots, cmd.text)

    # --- finding what is shown ----------------------------------------------------------------
    def find(self, label: str, within: str = "") -> Seen:
        """The one visible, enabled control whose label contains `label` (inside the item labelled `within`)."""
        shown = visible()
        want = _norm(label)
        candidates = [e for e in shown if e.role in CONTROLS and want in _norm(e.label)]
        if within:
            items = [e for e in shown if e.role == "item" and _norm(within) in _norm(e.label)]
            if not items:
                raise StepFailed(f"no visible item whose label contains {within!r}")
            candidates = [e for e in candidates if _norm(within) in _norm(e.item) or any(i.pg_rect.contains(e.pg_rect) for i in items)]
        if not candidates:
            raise StepFailed(f"nothing to click labelled {label!r}" + (f" in {within!r}" if within else ""))
        usable = [e for e in candidates if e.enabled]
        if not usable:
            raise StepFailed(f"{label!r} is shown but disabled")
        if len(usable) > 1:
            exact = [e for e in usable if _norm(e.label) == want]
            if len(exact) != 1:
                names = "; ".join(f"{e.label!r} ({e.role})" for e in usable)
                raise StepFailed(f'{len(usable)} controls match {label!r}: {names}; narrow it with in "ITEM" or a longer label')
            usable = exact
        found = usable[0]
        if found.cut:
            raise StepFailed(f"{label!r} matches a control whose label is cut on screen ({found.label!r})")
        if found.clipped:
            raise StepFailed(f"{label!r} is half scrolled out of its area: scroll it into view first")
        return found

    # --- driving the window -------------------------------------------------------------------
    def _send(self, events: list[pygame.event.Event]) -> None:
        """Real pygame events through the event queue, then a few frames so the screen shows their effect."""
        pygame.event.clear()
        for event in events:
            pygame.event.post(event)
        for event in pygame.event.get():
            self.app.handle_event(event)
            self.app.update(STEP)
            self.app.draw()
        self._frames(SETTLE_FRAMES)

    def _frames(self, n: int) -> None:
        for _ in range(n):
            self.app.frame()

    def _until(self, done: Callable[[App], bool], reason: str) -> None:
        for _ in range(WAIT_LIMIT):
            if done(self.app):
                self._frames(SETTLE_FRAMES)
                return
            self.app.update(STEP)
        raise StepFailed(reason)

    def _report(self, cmd: Command, reason: str) -> None:
        print(f"{self.name}:{cmd.line}: {reason}", file=self.err)
        print("visible now:", file=self.err)
        seen: set[tuple[str, str]] = set()
        for e in visible():
            key = (e.role, e.label)
            if key in seen:
                continue
            seen.add(key)
            flags = ("" if e.enabled else " [disabled]") + (" [cut]" if e.cut else "") + (" [half scrolled out]" if e.clipped else "")
            print(f"  {e.role:7} {e.label}{flags}", file=self.err)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def shows(entries: list[Seen], text: str) -> bool:
    """Whether `text` is drawn in full: inside one readable entry, or across wrapped lines drawn one after another."""
    want = _norm(text)
    live = [e for e in entries if e.live]
    if any(want in _norm(e.label) for e in live):
        return True
    lines = [e for e in entries if e.role == "text"]
    for k in range(len(lines)):
        joined = ""
        for e in lines[k : k + 8]:
            if not e.live:
                break
            joined = f"{joined} {_norm(e.label)}".strip()
            if want in joined:
                return True
            if len(joined) > len(want) + 400:
                break
    return False
