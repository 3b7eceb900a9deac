"""The pages of the outcome screen, as scrollable documents of laid-out blocks.

A page is built once (per width, language and comparison progress) into
blocks of known height; painting a frame then only blits the blocks in view,
so a long debrief scrolls smoothly on a projector.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import N_
from game.play.session import Session
from game.scenario.texts import tr
from game.ui.kit.charts import chart_height, draw_chart
from game.ui.kit.emblems import seat_surface
from game.ui.kit.text import blit_text, draw_line, text_width, wrap
from game.views.outcome import OutcomeView, TeamWhatIfs

if TYPE_CHECKING:
    from game.ui.kit.context import Looks

TABS = (N_("Outcome"), N_("Scores"), N_("Charts"), N_("Secrets"), N_("AI reasons"), N_("Compared"))
Block = tuple[int, Callable[[pygame.Surface, int, int], None]]  # height, paint(surface, x, y)


class TabPainter:
    def __init__(
        self,
        app: Looks,
        session: Session,
        view: OutcomeView,
        width: int,
        terms: bool = False,
        whatifs: tuple[bool, tuple[TeamWhatIfs, ...], str] = (True, (), ""),
    ) -> None:
        self.app, self.session, self.view, self.width = app, session, view, width
        self.terms = terms  # the teacher's view: technical terms beside the plain words
        self.whatifs = whatifs
        self.dels = {d.id: d for d in session.cs.scenario.delegations}
        self.teams = {r.id for r in view.scores if r.team} | set(session.setup.humans)
        self._cache: dict[tuple[int, Any], list[Block]] = {}
        self._texts: dict[tuple[int, Any], list[str]] = {}
        self._collect: list[str] = []

    def session_weights(self) -> str:
        """Names of the delegations whose aim weights the teacher changed before the game ('' if none)."""
        from game.scenario.texts import tr

        changed = {d for d, w in self.session.setup.aim_weights.items() if w}
        return ", ".join(tr(d.name, self.app.tr.lang) for d in self.session.cs.scenario.delegations if d.id in changed)

    # --- building blocks --------------------------------------------------------------
    def _text(
        self, text: str, size: str = "body", role: str = "body", colour: str = "ink", width: int | None = None, indent: int = 0, reading: bool = True
    ) -> Block:
        theme, lay = self.app.theme, self.app.layout
        font = theme.text_font(lay, size, role, reading=reading)  # type: ignore[arg-type]
        w = (width or self.width) - indent
        lines = wrap(font, text, w)
        self._collect.append(text)
        step = font.get_linesize()

        def paint(surface: pygame.Surface, x: int, y: int) -> None:
            for k, line in enumerate(lines):
                if line:  # recorded as drawn text: scripts and a self-voicing mode read the page too
                    blit_text(surface, font, line, theme.c(colour), (x + indent, y + k * step))

        return len(lines) * step, paint

    def _gap(self, design: int = 12) -> Block:
        return self.app.layout.px(design), lambda s, x, y: None

    def _heading(self, text: str) -> list[Block]:
        lay, theme = self.app.layout, self.app.theme
        h, paint = self._text(text, "heading", "heading", reading=False)

        def rule(surface: pygame.Surface, x: int, y: int) -> None:
            paint(surface, x, y)
            pygame.draw.rect(surface, theme.c("rule"), (x, y + h, self.width, max(1, lay.px(2))))

        return [(h + lay.px(8), rule)]

    def _columns(self, left: list[Block], right: list[Block]) -> Block:
        gap = self.app.layout.gap * 2
        lw = (self.width - gap) // 2
        height = max(sum(b[0] for b in left), sum(b[0] for b in right))

        def paint(surface: pygame.Surface, x: int, y: int) -> None:
            for blocks, bx in ((left, x), (right, x + lw + gap)):
                yy = y
                for h, p in blocks:
                    p(surface, bx, yy)
                    yy += h

        return height, paint

    # --- pages ------------------------------------------------------------------------
    def blocks(self, tab: int, comp: tuple[Any, ...]) -> list[Block]:
        key = (tab, tuple(map(str, comp[:5])) if tab == 5 else None)  # the painter is rebuilt when terms or what-ifs change
        if key not in self._cache:
            self._collect = []
            pages: list[Callable[[], list[Block]]] = [
                self._outcome,
                self._scores,
                self._charts,
                self._revealed,
                self._whys,
                partial(self._compared, comp),
            ]
            self._cache[key] = pages[tab]()
            self._texts[key] = self._collect
        return self._cache[key]

    def texts(self, tab: int, comp: tuple[Any, ...]) -> list[str]:
        """Every text block of a page, in reading order (what tests, and later a self-voicing mode, read)."""
        self.blocks(tab, comp)
        return self._texts[(tab, tuple(map(str, comp[:5])) if tab == 5 else None)]

    def height(self, tab: int, comp: tuple[Any, ...]) -> int:
        return sum(h for h, _ in self.blocks(tab, comp))

    def paint(self, surface: pygame.Surface, rect: pygame.Rect, offset: int, tab: int, comp: tuple[Any, ...]) -> None:
        y = rect.y - offset
        for h, p in self.blocks(tab, comp):
            if y > rect.bottom:
                break
            if y + h >= rect.y:
                p(surface, rect.x, y)
            y += h

    def _outcome(self) -> list[Block]:
        t, v = self.app.t, self.view
        half = (self.width - self.app.layout.gap * 2) // 2
        left = [
            self._text(t("In this game"), "heading", "heading", width=half, reading=False),
            self._gap(6),
            self._text(v.title, "label", "bold", width=half),
            self._text(v.reason, colour="ink_soft", width=half),
            self._gap(),
            self._text(v.debrief, width=half),
            self._gap(),
        ]
        if v.signed:
            left.append(self._text(t("Signed:"), "body", "bold", width=half))
            left.extend(self._text("– " + x, width=half) for x in v.signed)
        else:
            left.append(self._text(t("Nothing was signed."), width=half))
        right = [
            self._text(t("What really happened"), "heading", "heading", width=half, reading=False),
            self._gap(6),
            self._text(v.history or "—", width=half),
        ]
        out = [self._columns(left, right), self._gap(20)]
        if v.questions:
            out.extend(self._heading(t("Questions for the class")))
            out.extend(self._text(f"{k + 1}. {q}") for k, q in enumerate(v.questions))
        return out

    def _band(self, blocks: list[Block], colour: str = "field_bg") -> Block:
        """Blocks on a tinted band with a bar at the left: how a team's own part stands out on every page."""
        lay, theme = self.app.layout, self.app.theme
        pad = lay.px(6)
        inner = sum(h for h, _ in blocks)

        def paint(surface: pygame.Surface, x: int, y: int) -> None:
            band = pygame.Rect(x, y, self.width, inner + 2 * pad)
            pygame.draw.rect(surface, theme.c(colour), band, border_radius=lay.px(6))
            pygame.draw.rect(surface, theme.c("team"), (x, y, max(3, lay.px(6)), band.height), border_radius=lay.px(3))
            yy = y + pad
            for h, p in blocks:
                p(surface, x, yy)
                yy += h

        return inner + 2 * pad, paint

    def _whatif_blocks(self, team: str, indent: int) -> list[Block]:
        """A team's "what if" lines: replays of this game with one of its decisions changed (inside its band)."""
        t = self.app.t
        finished, teams, error = self.whatifs
        out = [self._gap(6), self._text(t("What if your team had decided differently?"), "label", "bold", indent=indent)]
        mine = next((x for x in teams if x.id == team), None)
        if not finished:
            out.append(self._text(t("Replaying your game with other decisions…"), colour="ink_soft", indent=indent))
        elif error:
            out.append(self._text(t("Part of the comparison could not be worked out: {error}", error=error), "small", colour="danger", indent=indent))
        elif mine is None or not mine.lines:
            out.append(
                self._text(
                    t("No single decision of yours, changed on its own, would have changed how the conference ended."),
                    colour="ink_soft",
                    indent=indent,
                )
            )
        else:
            out.append(
                self._text(
                    t("The computer replayed this game with the same dice, changing one of your team's decisions at a time."),
                    "small",
                    colour="ink_soft",
                    indent=indent,
                )
            )
            out.extend(self._text("– " + line, indent=indent) for line in mine.lines)
        return out

    def _scores(self) -> list[Block]:
        t, lay, theme = self.app.t, self.app.layout, self.app.theme
        out = self._heading(t("Each delegation against its aims"))
        out.append(
            self._text(
                t("Score: the weighted share of its aims met (0–100). Value: how good the final result is by its own stances (0–100)."),
                "small",
                colour="ink_soft",
            )
        )
        weights = self.session_weights()
        out.append(
            self._text(
                t("Aim weights: set by the teacher for {names}; the others as the scenario sets them.", names=weights)
                if weights
                else t("Aim weights: as the scenario sets them."),
                "small",
                "bold",
            )
        )
        out.append(self._gap())
        bold = theme.text_font(lay, "label", "bold", reading=True)
        small = theme.text_font(lay, "small", "bold")
        r = max(10, lay.px(16))
        head_h = max(2 * r + lay.px(4), bold.get_linesize())
        inset = lay.px(14)
        for row in self.view.scores:
            blocks: list[Block] = []
            x0 = inset if row.team else 0

            def head(surface: pygame.Surface, x: int, y: int, row: Any = row, x0: int = x0) -> None:
                x += x0
                d = self.dels.get(row.id)
                if d is not None:
                    seat = seat_surface(d, row.code, r, False)
                    surface.blit(seat, seat.get_rect(center=(x + r, y + head_h // 2)))
                who = t("your team") if row.team else t("AI")
                label = f"{row.name} ({who})"
                text = t("score {score} · value {value}", score=round(row.score), value=round(row.utility))
                widest = round(self.width * 0.5)
                font = bold  # a long name at large text: smaller bold type before it would be cut
                for font in (bold, theme.text_font(lay, "body", "bold", reading=True), small):
                    if text_width(font, label) + lay.px(4) <= widest:
                        break
                name_w = round(self.width * 0.34) - x0  # the bars line up, banded or not, unless a name needs the room
                name_w = max(name_w, min(text_width(font, label) + lay.px(4), widest))
                bar_w = min(round(self.width * 0.3), self.width - x0 - 2 * r - lay.px(40) - name_w - text_width(small, text))
                draw_line(surface, font, label, theme.c("ink"), pygame.Rect(x + 2 * r + lay.px(10), y, name_w, head_h))
                bar = pygame.Rect(x + 2 * r + lay.px(20) + name_w, y + head_h // 4, max(lay.px(40), bar_w), head_h // 2)
                pygame.draw.rect(surface, theme.c("field_bg"), bar)
                fill = bar.copy()
                fill.width = round(bar.width * max(0.0, min(100.0, row.score)) / 100)
                pygame.draw.rect(surface, theme.c("ok"), fill)
                pygame.draw.rect(surface, theme.c("border"), bar, 1)
                draw_line(surface, small, text, theme.c("ink"), pygame.Rect(bar.right + lay.px(10), y, self.width - bar.right + x - x0, head_h))

            blocks.append((head_h + lay.px(4), head))
            for aim in row.aims:
                mark = t("met") if aim.met else t("not met")
                mark += " (" + t("weight {weight}", weight=f"{aim.weight:g}") + ")"
                blocks.append(
                    self._text(
                        f"{mark}: {aim.text}",
                        "small",
                        "bold" if aim.met else "body",
                        colour="ok" if aim.met else "danger",
                        indent=2 * r + lay.px(10) + x0,
                    )
                )
            if row.team:
                blocks.extend(self._whatif_blocks(row.id, 2 * r + lay.px(10) + x0))
                out.append(self._band(blocks))
            else:
                out.extend(blocks)
            out.append(self._gap(14))
        return out

    def _charts(self) -> list[Block]:
        t, lay, v = self.app.t, self.app.layout, self.view
        out = self._heading(t("Public positions and trust, sitting by sitting"))
        if self.teams:
            out.append(self._text(t("Thick lines: the delegations the teams played."), "small", colour="ink_soft"))
        if len(v.turns) < 1:
            out.append(self._text(t("The conference ended before the first sitting was over.")))
            return out
        cols = 3 if self.width >= lay.px(1000) else 2
        gap = lay.gap
        cw = (self.width - gap * (cols - 1)) // cols
        ch = max(
            [lay.px(210), chart_height(self.app, cw, t("Trust the others place in each delegation"), (), lay.px(210))]
            + [chart_height(self.app, cw, pc.issue, pc.options, lay.px(210)) for pc in v.positions]
        )  # whole option labels
        charts: list[Callable[[pygame.Surface, pygame.Rect], None]] = []
        charts.append(
            lambda s, r: draw_chart(
                s,
                self.app,
                r,
                t("Trust the others place in each delegation"),
                v.turns,
                v.trust,
                self.dels,
                y_range=(0.0, 100.0),
                teams=frozenset(self.teams),
            )
        )
        for pc in v.positions:
            charts.append(partial(self._position_chart, pc))
        for k in range(0, len(charts), cols):
            row = charts[k : k + cols]

            def paint(surface: pygame.Surface, x: int, y: int, row: list[Callable[[pygame.Surface, pygame.Rect], None]] = row) -> None:
                for j, draw in enumerate(row):
                    draw(surface, pygame.Rect(x + j * (cw + gap), y, cw, ch))

            out.append((ch + gap, paint))
        return out

    def _position_chart(self, pc: Any, surface: pygame.Surface, rect: pygame.Rect) -> None:
        v = self.view
        draw_chart(surface, self.app, rect, pc.issue, v.turns, pc.series, self.dels, y_labels=pc.options, teams=frozenset(self.teams))

    def _revealed(self) -> list[Block]:
        t = self.app.t
        out = self._heading(t("Everything that was said and signed, private talks included"))
        turn = -1
        for line in self.view.revealed:
            if line.turn != turn:
                turn = line.turn
                out.append(self._gap(8))
                out.append(self._text(line.date, "small", "bold", colour="ink_soft"))
            prefix = t("[private] ") if line.private else ""
            if line.actor in self.teams:
                out.append(
                    self._band(
                        [self._text(prefix + line.text, "body", "bold", colour="link" if line.private else "ink", indent=self.app.layout.px(14))]
                    )
                )
            else:
                out.append(self._text(prefix + line.text, colour="link" if line.private else "ink"))
        return out

    def _whys(self) -> list[Block]:
        t = self.app.t
        out = self._heading(t("Why each AI delegation decided as it did"))
        legend = t("Worth: what the deal was worth to it (0–100). Holding out for: the least it hoped to get then.")
        legend += " " + t("Without a deal: what it expected if this deal failed.")
        if self.terms:
            legend += " " + t("(Terms: worth = utility; holding out for = aspiration level; without a deal = best alternative, BATNA.)")
        out.append(self._text(legend, "small", colour="ink_soft"))
        out.append(self._gap())
        if not self.view.whys:
            out.append(self._text(t("No AI decisions were recorded.")))
        for w in self.view.whys:
            out.append(self._text(f"{w.date}: {w.sentence}", "body", "bold"))
            if w.reason:  # the sentence a student reads; the numbers and the tag below are the teacher's
                out.append(self._text(w.reason, indent=self.app.layout.px(20)))
            parts = (
                [
                    t("worth {value}", value=round(w.value)),
                    t("holding out for {value}", value=round(w.aspiration)),
                    t("without a deal {value}", value=round(w.alternative)),
                ]
                if w.deal
                else []
            )
            if w.deciding:
                parts.append(t("weighed most: {issues}", issues=w.deciding))
            if w.note and self.terms:
                parts.append(w.note)
            if parts:
                out.append(self._text(" · ".join(parts), "small", colour="ink_soft", indent=self.app.layout.px(20)))
            out.append(self._gap(8))
        return out

    def _compared(self, comp: tuple[Any, ...]) -> list[Block]:
        t, lang = self.app.t, self.app.tr.lang
        finished, done, runs, lines, error, deals = comp
        cs = self.session.cs
        out = self._heading(t("This game beside {runs} conferences played by the AI alone", runs=runs))
        if not finished:
            pct = round(100 * done / runs) if runs else 0
            out.append(self._text(t("Playing the AI conferences for comparison… {pct}%", pct=pct), colour="ink_soft"))
        for line in lines:
            out.append(self._text(line))
        if error:
            out.append(self._text(t("Part of the comparison could not be worked out: {error}", error=error), "small", colour="danger"))
        out.append(self._gap(20))
        out.extend(self._heading(t("How good were the deals?")))
        if not self.session.state.signed:
            out.append(self._text(t("No deal was signed, so there is nothing to measure.")))
        elif not finished and not deals:
            out.append(self._text(t("Working out the best possible deals…"), colour="ink_soft"))
        for iid, a in deals:
            title = tr(cs.instrument(cs.inst_index[iid]).title, lang)
            if a.efficient:
                verdict = t(
                    "{instrument} was the best deal everyone could have had: no other deal was better for all its parties at once.", instrument=title
                )
                term = t("(Term: the deal was Pareto-efficient.)")
            else:
                verdict = t(
                    "{instrument} left value on the table: another deal could have given every party up to {gap} more points at once.",
                    instrument=title,
                    gap=round(a.frontier_gap, 1),
                )
                term = t("(Term: the deal was not Pareto-efficient.)")
            out.append(self._text(verdict, "body", "bold"))
            if self.terms:
                out.append(self._text(term, "small", colour="ink_soft"))
            if a.nash_distance is not None and a.nash_difference is not None:
                distance = round(a.nash_distance, 1)
                fair = (
                    t("The fairest split of the gains lay {d} points away from this deal.", d=distance)
                    if distance >= 0.5
                    else t("This deal was the fairest split of the gains.")
                )
                out.append(self._text(fair))
                parts = []
                for k, diff in zip(a.frontier.parties, a.nash_difference, strict=False):
                    name = tr(cs.delegation(int(k)).name, lang)
                    parts.append(f"{name} {diff:+.0f}")
                out.append(self._text(t("Against the fairest split, each party got: {parts}", parts=", ".join(parts)), "small", colour="ink_soft"))
                if self.terms:
                    out.append(
                        self._text(t("(Term: the fairest split is the Nash bargaining point; distance {d}.)", d=distance), "small", colour="ink_soft")
                    )
            out.append(self._gap(8))
        return out
