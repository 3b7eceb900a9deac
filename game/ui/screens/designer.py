"""Designer mode (`plenipo play --designer FILE`): edit the file, press F5, see the change.

A `Designer` is a layer over every scene (``app.extras``), so its keys work
on any screen: F5 reloads the file and restarts the game with the same setup
(seed, teams, length, language); F6 shows or hides the live panel. Reloading
is all or nothing: the new file is loaded, compiled and a new game built
before anything on screen changes; a broken file leaves the running game as
it was and lists the validator's problems (file:line, key path, message) over
it. The panel shows what players never see (stances, the AI's aspirations,
trust, private proposals), so it is off until F6 and exists only here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame

from game.engine.compiled import compile_scenario
from game.play.session import Session, SessionSetup
from game.scenario.errors import Problem, ScenarioError, format_path
from game.scenario.loader import load
from game.ui.kit.chrome import draw_backdrop, draw_header, draw_panel, panel_inner, shade
from game.ui.kit.context import AppContext
from game.ui.kit.scene import Scene
from game.ui.kit.text import draw_line, ellipsize, render, text_width, wrap
from game.ui.screens.menu.saveload import find_session
from game.views.designer import DelegationPanel, DesignerView, designer_view

TOAST_SECONDS = 5.0
RELOAD_KEY = pygame.K_F5
PANEL_KEY = pygame.K_F6


class DesignerWaitScene(Scene):
    """What designer mode shows when the file was broken from the start: nothing to play until F5 succeeds."""

    name = "designer_wait"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def draw(self, surface: pygame.Surface) -> None:
        app = self.ctx
        draw_backdrop(surface, app)
        draw_header(surface, app, app.t("Designer mode"), str(self.path))


class Designer:
    """The reload loop and the live panel; attach it to the app after creating it (`attach`)."""

    def __init__(self, path: Path, setup: SessionSetup) -> None:
        self.path = Path(path)
        self.setup = setup
        self.session: Session | None = None
        self.problems: tuple[Problem, ...] = ()
        self.panel = False
        self.scroll = 0
        self.toast = ""
        self.toast_time = 0.0
        self.reloads = 0
        self.app: AppContext | None = None
        self._view: tuple[object, str, DesignerView] | None = None
        self._content_h = 0
        self._view_h = 0

    # --- building games -------------------------------------------------------------
    def build(self) -> Session:
        """A new game from the file as it is now; ScenarioError (and nothing else changed) when it cannot start."""
        loaded = load(self.path)
        try:
            cs = compile_scenario(loaded.scenario)
            if self.setup.length_id not in cs.length_ids():
                raise ScenarioError(
                    [Problem(self.path, ("calendar", "lengths"), f"this game's length {self.setup.length_id!r} is no longer in the file")]
                )
            humans = tuple(h for h in self.setup.humans if h in cs.d_index and not cs.delegation(cs.d_index[h]).observer)
            return Session(loaded, replace(self.setup, humans=humans, scenario_path=str(self.path)), compiled=cs)
        except ScenarioError:
            raise
        except Exception as err:  # a file that validates but cannot start a game: say so, keep the old game
            raise ScenarioError([Problem(self.path, (), f"the game cannot start: {err}")]) from None

    def first_scene(self) -> Scene:
        try:
            self.session = self.build()
        except ScenarioError as err:
            self.problems = err.problems
            return DesignerWaitScene(self.path)
        return self._conference(self.session)

    def attach(self, app: AppContext) -> None:
        self.app = app
        app.extras.append(self)
        if self.session is not None:
            self._say(app.t("Designer mode: F5 reloads the file, F6 shows the live state"))

    def _conference(self, session: Session) -> Scene:
        from game.ui.screens.conference.screen import ConferenceScene

        return ConferenceScene(session)

    def reload(self) -> bool:
        """F5: a new game from the file with the same setup; False (and the old game kept) when the file is broken."""
        try:
            session = self.build()
        except ScenarioError as err:
            self.problems = err.problems
            return False
        scene = self._conference(session)
        self.session, self.problems = session, ()
        self.reloads += 1
        self._view = None
        if self.app is not None:
            self.app.stack.reset(scene)
            self._say(self.app.t("Reloaded {file} (seed {seed})", file=self.path.name, seed=session.setup.seed))
        return True

    def live_session(self) -> Session | None:
        """The game on screen (a loaded save replaces the designer's own), else the designer's."""
        shown = find_session(self.app.stack) if self.app is not None else None
        return shown or self.session

    def _say(self, text: str) -> None:
        self.toast, self.toast_time = text, TOAST_SECONDS

    # --- the app layer ----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == RELOAD_KEY:
                self.reload()
                return True
            if event.key == PANEL_KEY:
                self.panel = not self.panel
                return True
            if event.key == pygame.K_ESCAPE and self.problems and self.session is not None:
                self.problems = ()  # hide the list; the old game goes on
                return True
            if event.key == pygame.K_ESCAPE and self.panel:
                self.panel = False
                return True
            if self.panel and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_HOME, pygame.K_END):
                page = max(40, self._view_h - 60)
                delta = {pygame.K_PAGEDOWN: page, pygame.K_PAGEUP: -page, pygame.K_HOME: -(10**9), pygame.K_END: 10**9}[event.key]
                self._scroll(delta)
                return True
        if self.panel and event.type == pygame.MOUSEWHEEL:
            self._scroll(-event.y * 60)
            return True
        return False

    def _scroll(self, delta: int) -> None:
        self.scroll = max(0, min(max(0, self._content_h - self._view_h), self.scroll + delta))

    def update(self, dt: float) -> None:
        self.toast_time = max(0.0, self.toast_time - dt)

    def view(self) -> DesignerView | None:
        session = self.live_session()
        if session is None or self.app is None:
            return None
        key = (session.state, self.app.tr.lang)
        if self._view is None or self._view[0] is not key[0] or self._view[1] != key[1]:
            self._view = (session.state, self.app.tr.lang, designer_view(session, self.app.tr))
        return self._view[2]

    def draw(self, surface: pygame.Surface) -> None:
        if self.app is None:
            return
        if self.panel:
            self.draw_panel(surface)
        if self.problems:
            self.draw_problems(surface)
        elif self.toast_time > 0 and self.toast and not self.panel:
            self.draw_toast(surface)

    # --- drawing --------------------------------------------------------------------------
    def draw_toast(self, surface: pygame.Surface) -> None:
        app = self.ctx
        theme, lay = app.theme, app.layout
        font = theme.text_font(lay, "small", "bold")
        text = ellipsize(font, self.toast, lay.width - 4 * lay.margin)
        w, h = text_width(font, text) + lay.px(24), font.get_linesize() + lay.px(12)
        box = pygame.Rect(0, 0, w, h)
        box.midbottom = (lay.width // 2, lay.footer().top - lay.px(10))
        pygame.draw.rect(surface, theme.c("header_bg"), box, border_radius=lay.px(6))
        pygame.draw.rect(surface, theme.c("brass"), box, max(1, lay.px(2)), border_radius=lay.px(6))
        draw_line(surface, font, text, theme.c("header_text"), box, "center")

    @property
    def ctx(self) -> AppContext:
        assert self.app is not None
        return self.app

    def draw_problems(self, surface: pygame.Surface) -> None:
        """The validator's problems over the game, which goes on underneath as it was."""
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        shade(surface, app)
        small, bold = theme.text_font(lay, "small"), theme.text_font(lay, "small", "bold")
        body = theme.text_font(lay, "body")
        card = lay.rect.inflate(-2 * lay.margin - lay.px(80), -2 * lay.margin - lay.px(40))
        width = panel_inner(app, card).width
        need = sum(bold.get_linesize() + len(wrap(small, p.message, width - lay.px(16))) * small.get_linesize() + lay.px(8) for p in self.problems)
        need += 3 * body.get_linesize() + 2 * small.get_linesize() + card.height - panel_inner(app, card).height
        card.height = min(card.height, need)
        card.centery = lay.height // 2
        inner = draw_panel(surface, app, card, t("The file has problems"))
        note = t("The game goes on as it was. Fix the file and press F5 to try again.")
        if self.session is None:
            note = t("No game could start. Fix the file and press F5 to try again.")
        if self.session is not None:
            note += " " + t("Esc hides this list.")
        y = inner.y
        for line in wrap(body, note, inner.width):
            surface.blit(render(body, line, theme.c("ink")), (inner.x, y))
            y += body.get_linesize()
        y += lay.px(8)
        shown = 0
        for p in self.problems:
            where = _short(p.file)
            if p.line is not None:
                where += f":{p.line}:{p.column or 1}"
            head = where + "  ·  " + format_path(p.path)
            lines = wrap(small, p.message, inner.width - lay.px(16))
            need = bold.get_linesize() + len(lines) * small.get_linesize() + lay.px(8)
            if y + need > inner.bottom - small.get_linesize():
                break
            draw_line(surface, bold, head, theme.c("danger"), pygame.Rect(inner.x, y, inner.width, bold.get_linesize()))
            y += bold.get_linesize()
            for line in lines:
                surface.blit(render(small, line, theme.c("ink")), (inner.x + lay.px(16), y))
                y += small.get_linesize()
            y += lay.px(8)
            shown += 1
        if shown < len(self.problems):
            more = app.tr.tn(
                "{n} more problem: run plenipo validate for the full list",
                "{n} more problems: run plenipo validate for the full list",
                len(self.problems) - shown,
            )
            draw_line(
                surface,
                small,
                more,
                theme.c("ink_soft"),
                pygame.Rect(inner.x, inner.bottom - small.get_linesize(), inner.width, small.get_linesize()),
            )

    def draw_panel(self, surface: pygame.Surface) -> None:
        """Every delegation's live state in cards, then trust and the open proposals; scrolls with the wheel and Page keys."""
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        view = self.view()
        rect = pygame.Rect(lay.margin // 2, lay.header().bottom - lay.px(6), lay.width - lay.margin, 0)
        rect.height = lay.height - rect.y - lay.margin // 2
        inner = panel_inner(app, rect)
        if view is None:
            draw_panel(surface, app, rect, t("Designer panel"))
            return
        title = t("Live state (F6 hides)")
        draw_panel(surface, app, rect, title)
        self._view_h = inner.height
        clip = surface.get_clip()
        surface.set_clip(inner)
        self._content_h = self._paint(surface, inner, view)
        surface.set_clip(clip)
        self.scroll = max(0, min(self.scroll, max(0, self._content_h - self._view_h)))
        if self._content_h > inner.height:
            bar_w = max(4, lay.px(6))
            track = pygame.Rect(rect.right - lay.px(10), inner.y, bar_w, inner.height)
            pygame.draw.rect(surface, theme.c("paper_dark"), track, border_radius=bar_w // 2)
            h = max(lay.px(30), round(track.height * inner.height / self._content_h))
            y = track.y + round((track.height - h) * self.scroll / max(1, self._content_h - inner.height))
            pygame.draw.rect(surface, theme.c("brass"), (track.x, y, bar_w, h), border_radius=bar_w // 2)

    def _paint(self, surface: pygame.Surface, area: pygame.Rect, view: DesignerView) -> int:
        """Draw the content scrolled by `self.scroll`; returns its full height."""
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        n_cols = 3 if area.width >= lay.px(1500) or (lay.width >= 1800 and len(view.delegations) > 2) else 2
        cols = lay.columns(pygame.Rect(area.x, 0, area.width - lay.px(14), 0), [1] * n_cols, lay.px(14))
        y0 = area.y - self.scroll
        y = y0
        small = theme.text_font(lay, "small")
        facts = [
            Path(view.file).name,
            t("Seed {seed}", seed=view.seed),
            view.length,
            t("Sitting {number} of {total}", number=view.sitting, total=view.sittings),
        ]
        draw_line(surface, small, "  ·  ".join(facts), theme.c("ink_soft"), pygame.Rect(area.x, y, area.width, small.get_linesize()))
        y += small.get_linesize() + lay.px(6)
        for start in range(0, len(view.delegations), n_cols):
            row = view.delegations[start : start + n_cols]
            heights = [self._card(None, pygame.Rect(c.x, 0, c.width, 0), d, view) for c, d in zip(cols, row, strict=False)]
            h = max(heights)
            if y + h >= area.y and y <= area.bottom:
                for c, d in zip(cols, row, strict=False):
                    box = pygame.Rect(c.x, y, c.width, h)
                    pygame.draw.rect(surface, theme.c("field_bg"), box, border_radius=lay.px(4))
                    pygame.draw.rect(surface, theme.c("border"), box, max(1, lay.px(1)), border_radius=lay.px(4))
                    self._card(surface, box, d, view)
            y += h + lay.px(12)
        # trust, row toward column
        bold, small = theme.text_font(lay, "small", "bold"), theme.text_font(lay, "small")
        heading = theme.text_font(lay, "label", "bold")
        left, right = lay.columns(pygame.Rect(area.x, y, area.width - lay.px(14), 0), [2, 3], lay.px(14))
        lh = small.get_linesize()
        yy = y
        draw_line(
            surface, heading, t("Trust (row toward column, 0–100)"), theme.c("ink"), pygame.Rect(left.x, yy, left.width, heading.get_linesize())
        )
        yy += heading.get_linesize()
        cell = max(text_width(small, "100"), max((text_width(bold, c) for c in view.codes), default=0)) + lay.px(14)
        for column, code in enumerate(view.codes):  # not `c`: that name is a Rect higher up
            draw_line(surface, bold, code, theme.c("ink"), pygame.Rect(left.x + cell * (column + 1), yy, cell, lh), "right")
        yy += lh
        for a, row_values in enumerate(view.relations):
            draw_line(surface, bold, view.codes[a], theme.c("ink"), pygame.Rect(left.x, yy, cell, lh))
            for b, v in enumerate(row_values):
                text = "—" if a == b else f"{v:.0f}"
                colour = "ink_soft" if a == b else ("danger" if v < 35 else "ink")
                draw_line(surface, small, text, theme.c(colour), pygame.Rect(left.x + cell * (b + 1), yy, cell, lh), "right")
            yy += lh
        left_end = yy
        yy = y
        draw_line(
            surface,
            heading,
            t("Open proposals (all, private ones too)"),
            theme.c("ink"),
            pygame.Rect(right.x, yy, right.width, heading.get_linesize()),
        )
        yy += heading.get_linesize()
        if not view.pending:
            draw_line(surface, small, t("No open proposals."), theme.c("ink_soft"), pygame.Rect(right.x, yy, right.width, lh))
            yy += lh
        for line in view.pending:
            for part in wrap(small, line, right.width):
                surface.blit(render(small, part, theme.c("ink")), (right.x, yy))
                yy += lh
            yy += lay.px(4)
        return max(left_end, yy) - y0 + lay.px(8)

    def _card(self, surface: pygame.Surface | None, box: pygame.Rect, d: DelegationPanel, view: DesignerView) -> int:
        """One delegation's card; with no surface it only measures. Returns its height."""
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        bold, small = theme.text_font(lay, "small", "bold"), theme.text_font(lay, "small")
        label = theme.text_font(lay, "body", "bold")
        pad = lay.px(8)
        x, width = box.x + pad, box.width - 2 * pad
        y = box.y + pad
        lh = small.get_linesize()

        def lines(font: pygame.font.Font, text: str, colour: str, indent: int = 0) -> None:
            nonlocal y
            for part in wrap(font, text, width - indent):
                if surface is not None:
                    surface.blit(render(font, part, theme.c(colour)), (x + indent, y))
                y += font.get_linesize()

        roles = {"team": t("Team"), "ai": t("AI"), "observer": t("Observer")}
        head = f"{d.name} ({d.code})"
        if surface is not None:
            draw_line(surface, label, head, theme.c("ink"), pygame.Rect(x, y, width, label.get_linesize()))
        y += label.get_linesize()
        status = roles[d.role] + "  ·  " + t("pressure {value}", value=f"{d.pressure:.2f}")
        if d.walked_out:
            status += "  ·  " + t("walked out")
        lines(small, status, "danger" if d.walked_out else "ink_soft")
        y += lay.px(4)
        lines(bold, t("Stances: weight, value of each option, no deal; [position]"), "ink")
        for issue in d.issues:
            values = "  ".join(f"[{oid} {v:.0f}]" if o == issue.position else f"{oid} {v:.0f}" for o, (oid, v) in enumerate(issue.values))
            title = f"{issue.title} ×{issue.weight:g}"
            if issue.settled >= 0:
                title += "  ·  " + t("settled: {option}", option=issue.values[issue.settled][0])
            lines(small, title, "ink")
            lines(small, values + "  ·  " + t("no deal {value}", value=f"{issue.no_deal:.0f}"), "ink_soft", lay.px(12))
        if d.instruments:
            y += lay.px(4)
            lines(bold, t("Aspirations: best, aspiration, alternative, cost"), "ink")
        words = {"signed": t("signed"), "excluded": t("excluded"), "walked out": t("walked out")}
        for inst in d.instruments:
            lines(small, inst.title, "ink")
            if inst.status:
                lines(small, words[inst.status] + "  ·  " + t("cost {value}", value=f"{inst.cost:.0f}"), "ink_soft", lay.px(12))
                continue
            figures = f"{inst.best:.1f}  ·  {inst.aspiration:.1f}  ·  {inst.alternative:.1f}  ·  {inst.cost:.0f}"
            lines(small, figures, "ink", lay.px(12))
            plan = t("would propose: {package}", package=inst.plan) if inst.plan else t("nothing beats its aspiration now")
            lines(small, plan, "ink_soft", lay.px(12))
        _ = lh
        return y - box.y + pad


def _short(path: Path) -> str:
    """A problem's file as the designer typed it: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
