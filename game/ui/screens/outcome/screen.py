"""The outcome and debrief screen: what happened, against history, who won, why, and how typical it was.

Six tabs a teacher walks through with the class (keys 1–6 or Left/Right):
the outcome beside 1922, scores against aims, charts of positions and trust,
every private talk revealed, the reasons behind every AI decision, and this
game set beside a few hundred AI-played conferences of the same scenario.
The comparison (and how far each deal lay from the best possible) is worked
out in a background thread; the screen shows a progress note until it is ready.
"""

from __future__ import annotations

import os
import threading
from functools import partial
from pathlib import Path
from typing import Any

import pygame

from game.play.saves import saves_dir
from game.play.session import Session
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header, draw_panel, panel_inner
from game.ui.kit.focus import FocusGroup
from game.ui.kit.scene import Scene
from game.ui.kit.scroll import ScrollArea, ScrollState
from game.ui.kit.text import draw_wrapped, text_width, wrap
from game.ui.kit.theme import SizeRole
from game.ui.kit.widgets import Button, Widget, match_buttons
from game.ui.screens.outcome.tabs import TABS, TabPainter
from game.views.outcome import OutcomeView, TeamWhatIfs, comparison_lines, outcome_view, whatif_view

COMPARISON_RUNS = 200


class Comparison:
    """All-AI games of the same scenario and the Pareto assessment of the signed deals, in a thread."""

    def __init__(self, session: Session, runs: int = COMPARISON_RUNS) -> None:
        self.session = session
        self.runs = runs
        self.done = 0
        self.tally: Any = None
        self.deals: list[tuple[str, Any]] = []  # (instrument id, Assessment)
        self.error = ""
        self.finished = False
        self.thread = threading.Thread(target=self._work, name="plenipo-comparison", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _progress(self, done: int, total: int) -> None:
        self.done = done

    def _work(self) -> None:
        s = self.session.state
        try:
            from game.analysis.pareto import assess

            for sig in s.signed:
                self.deals.append((s.cs.instrument_ids[sig.instrument], assess(s, sig.instrument, sig.package)))
        except Exception as err:  # the debrief must open even if an analysis fails
            self.error = f"{type(err).__name__}: {err}"
        try:
            from game.analysis.batch import run_batch

            jobs = 2 if (os.cpu_count() or 1) >= 2 and self.runs >= 50 else 1  # worker processes keep the frame free of the GIL
            result = run_batch(
                self.session.setup.scenario_path,
                self.runs,
                seed=self.session.setup.seed,
                jobs=jobs,
                length=s.length_id,
                progress=self._progress,
                compiled=self.session.cs,
                watch_deals=False,  # the comparison reads outcome and instrument shares only
            )
            self.tally = result.tally
        except Exception as err:
            self.error = f"{type(err).__name__}: {err}"
        self.finished = True


def _short_path(path: Path) -> str:
    """A folder as a person reads it: the home folder as ~ (so the whole path fits on the screen)."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError, OSError):
        return str(path)


class WhatIfWork:
    """The class's own game replayed with one team decision changed at a time, in a thread.

    Pure-Python replays take about a second for a full Genoa; the thread gives the
    window its turn between them (and stops early if the screen is left)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.found: dict[str, tuple[Any, ...]] = {}
        self.done = 0
        self.total = 0
        self.error = ""
        self.finished = False
        self.stopped = False
        self.thread = threading.Thread(target=self._work, name="plenipo-whatif", daemon=True)

    @property
    def wanted(self) -> bool:
        return bool(self.session.setup.humans or self.session.state.humans) and bool(self.session.actions)

    def start(self) -> None:
        if self.wanted:
            self.thread.start()
        else:
            self.finished = True

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def _work(self) -> None:
        s = self.session
        try:
            from game.analysis.whatif import what_ifs

            self.found = what_ifs(
                s.cs,
                s.setup.seed,
                s.setup.length_id,
                s.setup.humans,
                list(s.actions),
                s.strategy,
                s.setup.aim_weights,
                progress=self._progress,
                cancelled=lambda: self.stopped,
            )
        except Exception as err:  # the debrief must open even if the replays fail
            self.error = f"{type(err).__name__}: {err}"
        self.finished = True


class OutcomeScene(Scene):
    name = "outcome"

    def __init__(self, session: Session, runs: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.tab = 0
        self.focus = FocusGroup()
        self.scrolls = [ScrollState() for _ in TABS]
        self.runs = runs
        self.comparison = Comparison(session, runs if runs is not None else COMPARISON_RUNS)
        self.whatif = WhatIfWork(session)
        self.terms = False  # the teacher's view: technical terms beside the plain words (T)
        self.view: OutcomeView | None = None
        self._view_for: tuple[object, object] | None = None  # the state and translator `view` was built from
        self.painter: TabPainter | None = None
        self.message = ""
        self.area = pygame.Rect(0, 0, 0, 0)
        self.ticks = 0
        self._shots: list[int] = []
        self._seen_ready = False
        self._seen_whatif = False
        self.page: ScrollArea | None = None

    def enter(self) -> None:
        if self.runs is None:
            self.comparison.runs = self.ctx.comparison_runs
        if self.runs_wanted:
            self.comparison.start()
        else:
            self.comparison.finished = True
        self.whatif.start()
        if self.ctx.exit_at_end:
            self._shots = list(range(len(TABS)))

    def leave(self) -> None:
        self.whatif.stopped = True

    @property
    def runs_wanted(self) -> bool:
        return self.comparison.runs > 0

    def resume(self) -> None:
        self.layout()

    # --- actions -------------------------------------------------------------------
    def set_tab(self, k: int) -> None:
        self.tab = k % len(TABS)
        self.layout()
        self.focus.focus(f"tab:{self.tab}")

    def export(self) -> None:
        """The session record as Markdown and HTML (for people) and JSON (for machines), next to the saves."""
        t = self.ctx.t
        try:
            from game.record import export_record
        except ImportError:
            self.message = t("Exporting the session record is not available in this version.")
            return
        folder = saves_dir().parent / "records"
        s = self.session
        stem = f"{s.cs.scenario.id}-seed{s.setup.seed}-{len(s.actions)}"
        written: list[Path] = []
        try:
            for fmt in ("md", "html", "json"):
                path = folder / f"{stem}.{fmt}"
                export_record(s, path, fmt, self.ctx.tr.lang)
                written.append(path)
        except Exception as err:
            self.message = t("The record could not be written: {error}", error=str(err))
            return
        self.message = t("Session record written to {path}", path=_short_path(written[0].parent))

    def replay(self) -> None:
        """The same scenario, teams and seed again: a class can test another strategy against the same dice."""
        from game.ui.screens.conference.screen import ConferenceScene

        fresh = Session(self.session.loaded, self.session.setup, self.session.cs, self.session.strategy)
        self.ctx.stack.reset(ConferenceScene(fresh))

    # --- layout ---------------------------------------------------------------------
    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        # the debrief narrates the whole log: build it once per game state and language, not on every tab switch
        made_for = self._view_for
        if self.view is None or made_for is None or made_for[0] is not self.session.state or made_for[1] is not app.tr:
            self.view = outcome_view(self.session, app.tr)
            self._view_for = (self.session.state, app.tr)
        body = lay.body()
        bh = lay.button_height()
        widgets: list[Widget] = []
        tabs_row = pygame.Rect(body.x, body.y, body.width, bh)
        for k, (rect, label) in enumerate(zip(lay.columns(tabs_row, [1] * len(TABS), lay.px(8)), TABS, strict=True)):
            b = Button(
                f"tab:{k}",
                rect,
                f"{k + 1}  {t(label)}",
                partial(self.set_tab, k),
                style="primary" if k == self.tab else "quiet",
                tooltip=t("Keys 1–6, or Left and Right, switch the page"),
            )
            widgets.append(b)
        match_buttons(app, [w for w in widgets if isinstance(w, Button)])  # one type size for the six tabs
        panel = pygame.Rect(body.x, tabs_row.bottom + lay.px(12), body.width, body.bottom - tabs_row.bottom - lay.px(12))
        self.panel = panel
        inner = panel_inner(app, panel, titled=False)
        self.area = inner.inflate(-lay.px(12), 0).move(-lay.px(6), 0)
        self.painter = TabPainter(app, self.session, self.view, self.area.width, terms=self.terms, whatifs=self.whatif_state())
        height = self.painter.height(self.tab, self.comparison_state())
        self.page = ScrollArea(
            "page",
            self.area,
            self.scrolls[self.tab],
            height,
            self._paint,
            line=lay.px(40),
            tooltip=t("Up and Down, Page Up and Page Down to read on"),
        )
        widgets.append(self.page)
        foot = lay.footer()
        fy = foot.centery - bh // 2 + lay.px(1)
        entries = (
            ("export", t("Export record"), self.export, t("Save the session record (Markdown and JSON) next to the saves"), "normal"),
            ("replay", t("Replay same seed"), self.replay, t("Play the same conference again with the same seed and teams"), "normal"),
            ("new", t("New game"), self.ctx.to_setup, t("Back to the setup screen"), "primary"),
        )
        # each button as wide as its words need (a long Lithuanian label is never cut), the three together at most
        # two thirds of the footer; the hint on the left gets what remains
        w = min(lay.px(270), foot.width // 5)
        pad = 2 * lay.px(12) + lay.px(8)
        room = (foot.width * 2) // 3 - 2 * lay.gap
        sizes: tuple[tuple[SizeRole, int], ...] = (("label", w), ("label", 0), ("small", 0))
        for role, least in sizes:
            font = app.theme.text_font(lay, role, "bold")
            widths = [max(least, text_width(font, label) + pad) for _, label, *_ in entries]
            if sum(widths) <= room:
                break
        if sum(widths) > room:  # still too wide: each in proportion to its words
            widths = [room * x // sum(widths) for x in widths]
        x = foot.right - lay.margin - sum(widths) - 2 * lay.gap
        buttons = []
        for (key, label, fn, tip, style), bw in zip(entries, widths, strict=True):
            buttons.append(Button(key, pygame.Rect(x, fy, bw, bh), label, fn, style=style, tooltip=tip))  # type: ignore[arg-type]
            x += bw + lay.gap
        match_buttons(app, buttons)
        widgets.extend(buttons)
        self.focus.set(widgets)

    def whatif_state(self) -> tuple[bool, tuple[TeamWhatIfs, ...], str]:
        w = self.whatif
        if not w.finished:
            return False, (), ""
        return True, whatif_view(w.found, self.session, self.ctx.tr), w.error

    def toggle_terms(self) -> None:
        self.terms = not self.terms
        self.layout()

    def comparison_state(self) -> tuple[bool, int, int, list[str], str, list[tuple[str, Any]]]:
        c = self.comparison
        lines = comparison_lines(c.tally, self.session, self.ctx.tr) if c.finished and c.tally is not None else []
        return c.finished, c.done, c.runs, lines, c.error, c.deals

    # --- input and time --------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN:
            if pygame.K_1 <= event.key <= pygame.K_1 + len(TABS) - 1:
                self.set_tab(event.key - pygame.K_1)
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                self.set_tab(self.tab + (1 if event.key == pygame.K_RIGHT else -1))
                return True
            if event.key == pygame.K_t:
                self.toggle_terms()
                return True
            # a presenter's clicker sends Page Down / Page Up: the page scrolls wherever the focus is
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_HOME, pygame.K_END) or (
                event.key in (pygame.K_UP, pygame.K_DOWN) and not self._focus_on_button()
            ):
                return self.page is not None and self.page.handle_event(event, self.ctx)
        return self.focus.handle_event(event, self.ctx)

    def _focus_on_button(self) -> bool:
        focused = self.focus.focused
        return focused is not None and focused.key in ("export", "replay", "new")

    def update(self, dt: float) -> None:
        self.focus.update(dt)
        self.ticks += 1
        if self.comparison.finished and not self._seen_ready:
            self._seen_ready = True
            self.layout()  # the comparison page grows when the results arrive
        if self.whatif.finished and not self._seen_whatif:
            self._seen_whatif = True
            self.layout()  # so does the outcome page when the what-if replays are done
        if not self.ctx.exit_at_end or self.ticks < 2:
            return
        # --exit-at-end: one screenshot per page (the comparison once it is ready), then quit;
        # several updates can run before one draw, so wait until the last page asked for is on film
        if self.ctx.screenshot_pending:
            return
        if self._shots:
            k = self._shots[0]
            if TABS[k] == TABS[-1] and not self.comparison.finished and self.ticks < 60 * 120:
                return
            if k == 0 and not self.whatif.finished and self.ticks < 60 * 120:
                return
            if self.tab != k:
                self.set_tab(k)
                return
            self.ctx.capture(f"outcome_{k + 1}")
            self._shots.pop(0)
            return
        self.ctx.quit()

    # --- drawing -------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        view = self.view
        assert view is not None
        draw_backdrop(surface, app)
        tag = t("as in history") if view.historical else t("not what happened in history")
        draw_header(surface, app, view.title, t("Outcome of the conference") + "  ·  " + tag)
        left = min(w.rect.x for w in self.focus.widgets if w.key in ("export", "replay", "new"))
        hint = (t("T: plain words") if self.terms else t("T: terms for the teacher")) + "   ·   " + t("Esc: menu")
        draw_footer(surface, app, hint, until=left)
        draw_panel(surface, app, self.panel)
        self.focus.draw(surface, app)
        if self.message:
            self._draw_message(surface)

    def message_box(self) -> tuple[pygame.Rect, list[str]]:
        """Where the export message goes and its lines: wrapped across the window above the footer, never cut."""
        app = self.ctx
        theme, lay = app.theme, app.layout
        font = theme.text_font(lay, "small", "bold")
        width = lay.width - 2 * lay.margin
        pad = lay.px(12)
        lines = wrap(font, self.message, width - 2 * pad)
        h = len(lines) * round(font.get_linesize() * 1.2) + 2 * pad
        box = pygame.Rect(lay.margin, lay.footer().y - h - lay.px(6), width, h)
        return box, lines

    def _draw_message(self, surface: pygame.Surface) -> None:
        theme, lay = self.ctx.theme, self.ctx.layout
        box, lines = self.message_box()
        pygame.draw.rect(surface, theme.c("panel_bg"), box, border_radius=lay.px(6))
        pygame.draw.rect(surface, theme.c("brass"), box, max(1, lay.px(2)), border_radius=lay.px(6))
        font = theme.text_font(lay, "small", "bold")
        draw_wrapped(surface, font, "\n".join(lines), theme.c("ink"), box.inflate(-lay.px(24), -lay.px(24)))

    def _paint(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        if self.painter is not None:
            self.painter.paint(surface, rect, offset, self.tab, self.comparison_state())
