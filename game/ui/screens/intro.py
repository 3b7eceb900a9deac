"""The introduction: the historical setting and the delegations around the table.

Read aloud before the first sitting. Shows only public texts (names, leaders,
public demands), never a briefing, because the whole class is watching.
"""

from __future__ import annotations

import pygame

from game.scenario.models import Scenario
from game.scenario.texts import tr
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header, draw_panel, panel_inner
from game.ui.kit.emblems import draw_emblem
from game.ui.kit.focus import FocusGroup
from game.ui.kit.layout import Fr, column, grid, row
from game.ui.kit.scene import Scene
from game.ui.kit.scroll import ScrollArea, ScrollState
from game.ui.kit.text import blit_text, draw_line, text_width, wrap
from game.ui.kit.widgets import Button
from game.views.codes import short_codes
from game.views.setup import GameSetup, IntroRow, intro_rows


class IntroScene(Scene):
    name = "introduction"

    def __init__(self, setup: GameSetup, scenario: Scenario) -> None:
        super().__init__()
        self.setup = setup
        self.scenario = scenario
        self.rows: list[IntroRow] = intro_rows(setup, list(scenario.delegations))
        self.codes = short_codes(scenario.delegations, setup.lang)
        self.focus = FocusGroup()
        self.setting_scroll = ScrollState()
        self.table_scroll = ScrollState()
        self.panels: list[tuple[pygame.Rect, str]] = []
        self._setting_lines: list[str] = []
        self._row_layout: list[tuple[int, list[str], list[str]]] = []  # height, name/leader lines, demand lines
        self._cols = (0, 0, 0)
        self._where = ""
        self._where_lines: list[str] = []
        self._where_rect = pygame.Rect(0, 0, 0, 0)
        self._table_head = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        self.focus.focus_key = "begin"

    def _begin(self) -> None:
        self.ctx.begin(self.setup)

    # --- layout -----------------------------------------------------------------------
    def layout(self) -> None:
        """The setting (left) and who sits around the table (right), Back and Begin in the footer."""
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        cards = row(lay.body(), [("setting", Fr(5)), ("table", Fr(8))], gap=lay.gap)
        self.panels = [(cards["setting"], t("The setting")), (cards["table"], t("Around the table"))]
        foot, bh = lay.footer(), lay.button_height()
        buttons = grid(
            foot,
            [". . .", ". back begin", ". . ."],
            rows=[Fr(), bh, Fr()],
            cols=[Fr(), lay.px(200), min(lay.px(340), foot.width // 3)],
            col_gap=lay.gap,
            padding=(lay.px(2), lay.margin, 0, 0),
        )
        self.focus.set(
            [
                self._setting(panel_inner(app, cards["setting"])),
                self._table(panel_inner(app, cards["table"])),
                Button("back", buttons["back"], t("Back"), self.ctx.pop, tooltip=t("Return to the setup screen")),
                Button("begin", buttons["begin"], t("Begin the conference"), self._begin, style="primary", tooltip=t("Enter")),
            ]
        )

    def _setting(self, area: pygame.Rect) -> ScrollArea:
        """Where and when in bold, then the setting read aloud (a variant's changes first), scrolling."""
        app, lay, theme = self.ctx, self.ctx.layout, self.ctx.theme
        meta, cal = self.scenario.meta, self.scenario.calendar
        place = tr(meta.place, self.setup.lang)
        when = f"{app.tr.date(cal.sittings[0])} – {app.tr.date(cal.sittings[-1])}"
        self._where = f"{place} · {when}" if place else when
        where_font = theme.text_font(lay, "body", "bold")
        self._where_lines = wrap(where_font, self._where, area.width)
        cells = column(area, [("where", len(self._where_lines) * where_font.get_linesize() + lay.px(10)), ("setting", Fr())])
        self._where_rect = cells["where"]
        font = theme.text_font(lay, "body", reading=True)
        setting = tr(self.scenario.meta.setting, self.setup.lang)
        note = tr(self.scenario.variant_note, self.setup.lang)
        if note:  # a what-if variant says first what it changes, then the shared setting
            setting = f"{self.ctx.t('What this variant changes')}: {note}\n\n{setting}"
        self._setting_lines = wrap(font, setting, area.width - lay.px(14))
        step = round(font.get_linesize() * 1.3)
        return ScrollArea(
            "setting",
            cells["setting"],
            self.setting_scroll,
            len(self._setting_lines) * step,
            self._paint_setting,
            line=step,
            tooltip=self.ctx.t("Up and Down, Page Up and Page Down to read on"),
        )

    def _table(self, area: pygame.Rect) -> ScrollArea:
        """One row a delegation: flag and who plays it, name and leaders, demands; scrolling."""
        lay, t, theme = self.ctx.layout, self.ctx.t, self.ctx.theme
        tag_font = theme.text_font(lay, "small", "bold")
        cells = column(area, [("head", tag_font.get_linesize() + lay.px(8)), ("rows", Fr())], padding=(0, lay.px(14), 0, 0))
        self._table_head, table = cells["head"], cells["rows"]
        flag_w = max(lay.px(84), *(text_width(tag_font, t(x)) + lay.px(12) for x in ("Team", "AI", "Observer")))
        name_w = round((table.width - flag_w) * 0.36)
        self._cols = (flag_w, name_w, table.width - flag_w - name_w - 2 * lay.gap)
        label = theme.text_font(lay, "label", "bold", reading=True)
        small = theme.text_font(lay, "small", reading=True)
        font = theme.text_font(lay, "body", reading=True)
        self._row_layout = []
        for r in self.rows:
            name_lines = wrap(label, r.name, name_w)
            leader_lines = wrap(small, ", ".join(r.leaders), name_w) if r.leaders else []
            demand_lines = wrap(font, r.demands or "—", self._cols[2])
            left_h = len(name_lines) * label.get_linesize() + (len(leader_lines) + 1) * small.get_linesize() + lay.px(6)
            right_h = len(demand_lines) * round(font.get_linesize() * 1.2)
            flag_h = round(flag_w * 2 / 3) + lay.px(6) + tag_font.get_linesize()
            h = max(left_h, right_h, flag_h) + 2 * lay.px(12)
            self._row_layout.append((h, name_lines + ["\0"] + leader_lines, demand_lines))
        return ScrollArea(
            "table",
            table,
            self.table_scroll,
            sum(h for h, _, _ in self._row_layout),
            self._paint_table,
            line=lay.px(40),
            tooltip=self.ctx.t("Up and Down, Page Up and Page Down to read on"),
        )

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if self.focus.handle_event(event, self.ctx):
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            area = next(w for w in self.focus.widgets if w.key == "table")
            return area.handle_event(event, self.ctx)
        return None

    def update(self, dt: float) -> None:
        self.focus.update(dt)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        meta = self.scenario.meta
        lang = self.setup.lang
        draw_backdrop(surface, app)
        draw_header(surface, app, tr(meta.title, lang), tr(meta.subtitle, lang))
        left_button = min(w.rect.x for w in self.focus.widgets if w.key in ("back", "begin"))
        draw_footer(surface, app, t("Seed {seed}", seed=self.setup.seed) + "   ·   " + t("Esc: menu"), until=left_button)
        for rect, title in self.panels:
            draw_panel(surface, app, rect, title)
        where_font = theme.text_font(lay, "body", "bold")
        y = self._where_rect.y
        for line in self._where_lines:
            blit_text(surface, where_font, line, theme.c("ink_soft"), (self._where_rect.x, y))
            y += where_font.get_linesize()
        small_bold = theme.text_font(lay, "small", "bold")
        fw, nw, _ = self._cols
        h = self._table_head
        x_name = h.x + fw + lay.gap
        x_dem = x_name + nw + lay.gap
        draw_line(surface, small_bold, t("Delegation"), theme.c("ink_soft"), pygame.Rect(x_name, h.y, nw, h.height), valign="top")
        draw_line(surface, small_bold, t("Public demands"), theme.c("ink_soft"), pygame.Rect(x_dem, h.y, h.right - x_dem, h.height), valign="top")
        self.focus.draw(surface, app)

    def _paint_setting(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        theme, lay = self.ctx.theme, self.ctx.layout
        font = theme.text_font(lay, "body", reading=True)
        step = round(font.get_linesize() * 1.3)
        first = offset // step
        y = rect.y - offset + first * step
        for line in self._setting_lines[first:]:
            if y > rect.bottom:
                break
            if line:
                blit_text(surface, font, line, theme.c("ink"), (rect.x, y))
            y += step

    def _paint_table(self, surface: pygame.Surface, rect: pygame.Rect, offset: int) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        label = theme.text_font(lay, "label", "bold", reading=True)
        small = theme.text_font(lay, "small", reading=True)
        small_bold = theme.text_font(lay, "small", "bold")
        font = theme.text_font(lay, "body", reading=True)
        fw, nw, dw = self._cols
        pad = lay.px(12)
        y = rect.y - offset
        roles = {"team": t("Team"), "ai": t("AI"), "observer": t("Observer")}
        by_id = {d.id: d for d in self.scenario.delegations}
        for entry, (h, left_lines, demand_lines) in zip(self.rows, self._row_layout, strict=True):
            if y + h < rect.y:
                y += h
                continue
            if y > rect.bottom:
                break
            flag_box = pygame.Rect(rect.x, y + pad, fw, round(fw * 2 / 3))
            flag = draw_emblem(surface, flag_box, by_id[entry.id], self.codes.get(entry.id, ""), theme.hex("border"))
            # who plays it, in words, under the flag
            tag = roles[entry.role]
            tag_bg, tag_fg = {"team": ("team", "team_text"), "ai": ("ai", "ai_text"), "observer": ("paper_dark", "ink_soft")}[entry.role]
            tag_rect = pygame.Rect(flag.x, flag.bottom + lay.px(6), flag.width, small_bold.get_linesize())
            pygame.draw.rect(surface, theme.c(tag_bg), tag_rect, border_radius=lay.px(4))
            draw_line(surface, small_bold, tag, theme.c(tag_fg), tag_rect, "center")
            x = rect.x + fw + lay.gap
            ly = y + pad
            leaders = False
            for line in left_lines:
                if line == "\0":
                    leaders = True
                    ly += lay.px(6)
                    continue
                f = small if leaders else label
                blit_text(surface, f, line, theme.c("ink_soft" if leaders else "ink"), (x, ly))
                ly += f.get_linesize()
            dx = x + nw + lay.gap
            dy = y + pad
            for line in demand_lines:
                blit_text(surface, font, line, theme.c("ink"), (dx, dy))
                dy += round(font.get_linesize() * 1.2)
            y += h
            pygame.draw.line(surface, theme.c("rule"), (rect.x, y - 1), (rect.x + fw + nw + dw + 2 * lay.gap, y - 1), max(1, lay.px(1)))
