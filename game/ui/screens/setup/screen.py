"""The setup screen: scenario, language, teams, game length, seed; then Start.

Three cards side by side, read left to right as a teacher decides: which
conference, how long a game, who plays whom. The choices live in
`SetupModel` (no pygame); this module only lays them out and draws them.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.classroom.planning import estimate_minutes
from game.i18n import language_name
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header, draw_panel, panel_inner
from game.ui.kit.emblems import draw_emblem, short_codes
from game.ui.kit.focus import FocusGroup
from game.ui.kit.scene import Scene
from game.ui.kit.text import draw_wrapped, text_height, wrap
from game.ui.kit.widgets import Button, Choice, Label, TextField, Toggle, Widget
from game.ui.kit.wrap_list import WrapListBox, pill_height, row_height_for
from game.views.setup import FULL, SetupModel, discover

if TYPE_CHECKING:
    from game.scenario.models import Delegation
    from game.ui.app import App

OPEN_FILE = -1


class SetupScene(Scene):
    name = "setup"

    def __init__(self, model: SetupModel | None = None) -> None:
        super().__init__()
        self.model = model
        self.focus = FocusGroup()
        self.list_index = 0
        self.path_text = ""
        self.del_scroll = 0
        self.del_rows = 0
        self.panels: list[tuple[pygame.Rect, str]] = []
        self.blurb_rect: pygame.Rect | None = None
        self.summary_rect = pygame.Rect(0, 0, 0, 0)
        self.more_rect: pygame.Rect | None = None

    # --- life cycle -------------------------------------------------------------------
    def enter(self) -> None:
        if self.model is None:
            good, broken = discover(self.ctx.scenario_dir)
            self.model = SetupModel(good, broken, lang=self.ctx.settings.lang)
        self.list_index = self.model.index if self.model.scenarios else len(self.model.scenarios)
        if self.model.entry and self.model.lang != self.ctx.settings.lang:
            self.ctx.set_language(self.model.lang)

    def resume(self) -> None:
        self.layout()

    @property
    def m(self) -> SetupModel:
        assert self.model is not None
        return self.model

    @property
    def open_mode(self) -> bool:
        return self.list_index >= len(self.m.scenarios)

    # --- actions ----------------------------------------------------------------------
    def _pick(self, index: int) -> None:
        self.list_index = index
        if index < len(self.m.scenarios):
            self.m.select(index)
            self.del_scroll = 0
            self.ctx.set_language(self.m.lang)
        self.m.message = ""
        self.layout()

    def _activate_item(self, index: int) -> None:
        self._pick(index)
        self.focus.focus("path" if self.open_mode else "language")

    def _open_path(self, _text: str = "") -> None:
        problem = self.m.open_file(self.path_text)
        if problem == "empty":
            self.m.message = self.ctx.t("Type the path of a scenario file (.toml) first.")
        elif problem is None:
            self.list_index = self.m.index
            self.ctx.set_language(self.m.lang)
            self.focus.focus("scenarios")
        self.layout()

    def _set_lang(self, i: int) -> None:
        langs = self.m.languages()
        self.m.set_lang(langs[i])
        self.ctx.set_language(langs[i])  # the whole interface follows the game's language

    def _set_length(self, i: int) -> None:
        self.m.set_length(self.m.lengths()[i].id)
        self.layout()

    def _set_seed(self, text: str) -> None:
        self.m.set_seed_text(text)
        self.layout()

    def _new_seed(self) -> None:
        self.m.new_seed()
        self.layout()

    def _toggle(self, did: str, human: bool) -> None:
        self.m.toggle(did, human)
        self.layout()

    def _start(self) -> None:
        setup = self.m.setup()
        entry = self.m.entry
        if setup is None or entry is None:
            return
        from game.ui.screens.intro import IntroScene

        self.ctx.push(IntroScene(setup, entry.loaded.scenario))

    def _teacher(self) -> None:
        from game.ui.screens.setup.teacher_setup import TeacherSetupScene

        self.ctx.push(TeacherSetupScene(self.m))

    def _settings(self) -> None:
        from game.ui.screens.conference.pause import SettingsScene

        self.ctx.push(SettingsScene())

    # --- layout -----------------------------------------------------------------------
    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        theme = app.theme
        if app.settings.lang != self.m.lang and app.settings.lang in self.m.languages():
            self.m.set_lang(app.settings.lang)
        widgets: list[Widget] = []
        body = lay.body()
        ca, cb, cc = lay.columns(body, [5, 5, 6])
        self.panels = [(ca, t("Scenario")), (cb, t("Game")), (cc, t("Delegations"))]
        bh, gap = lay.button_height(), lay.px(10)
        label_h = theme.text_font(lay, "label", "bold").get_linesize()
        small_h = theme.text_font(lay, "small").get_linesize()

        # scenario card: the list, then the open-file form or the scenario's details
        ia = panel_inner(app, ca)
        lang = self.m.lang
        items = [(e.title(lang), e.subtitle(lang)) for e in self.m.scenarios]
        items.append((t("Open file…"), t("A scenario file from anywhere on this computer")))
        row_h = row_height_for(app, items, ia.width)  # whole titles: wrapped to two lines rather than cut
        reserve = label_h + 2 * bh + 3 * gap if self.open_mode else small_h * 4
        avail = max(row_h, ia.height - reserve)
        strip = pill_height(app)
        if len(items) * row_h <= avail:
            list_h = len(items) * row_h
        else:
            list_h = max(1, (avail - strip) // row_h) * row_h + strip
        widgets.append(
            WrapListBox(
                "scenarios",
                pygame.Rect(ia.x, ia.y, ia.width, list_h),
                items,
                self.list_index,
                self._pick,
                row_height=row_h,
                strip=strip,
                on_activate=self._activate_item,
                tooltip=t("Up and Down choose, Enter confirms"),
            )
        )
        below = pygame.Rect(ia.x, ia.y + list_h + lay.gap, ia.width, max(0, ia.bottom - ia.y - list_h - lay.gap))
        self.blurb_rect = None
        if self.open_mode:
            rows = lay.stack(below, [label_h, bh, bh], gap)
            widgets.append(Label("path_label", rows[0], t("Path of the scenario file"), size="body"))
            widgets.append(
                TextField(
                    "path",
                    rows[1],
                    self.path_text,
                    self._typed_path,
                    placeholder="scenarios/my_conference.toml",
                    on_submit=self._open_path,
                    tooltip=t("Type or paste (Ctrl+V) a path, then press Enter"),
                )
            )
            widgets.append(Button("open", rows[2], t("Open"), self._open_path))
        else:
            self.blurb_rect = below

        # game card: language, length, seed, then a summary in words
        ib = panel_inner(app, cb)
        rows = lay.stack(ib, [label_h, bh, label_h, bh, label_h, bh], gap)
        langs = self.m.languages()
        widgets.append(Label("language_label", rows[0], t("Language"), size="body"))
        widgets.append(
            Choice(
                "language",
                rows[1],
                [language_name(c) for c in langs],
                langs.index(self.m.lang) if self.m.lang in langs else 0,
                self._set_lang,
                tooltip=t("Left and Right change it"),
            )
        )
        lengths = self.m.lengths()
        widgets.append(Label("length_label", rows[2], t("Game length"), size="body"))
        ids = [o.id for o in lengths]
        current = ids.index(self.m.length_id) if self.m.length_id in ids else 0
        texts = [self._length_text(o.id) for o in lengths]
        if not all(choice_fits(app, text, rows[3]) for text in texts):
            texts = [_without_aside(text) for text in texts]  # "Short lesson": the summary below gives sittings and minutes
        widgets.append(Choice("length", rows[3], texts, current, self._set_length, tooltip=t("Left and Right change it")))
        widgets.append(Label("seed_label", rows[4], t("Seed"), size="body"))
        # the New seed button keeps its whole label; the field keeps room for at least a six-digit seed
        label_font = theme.text_font(lay, "small", "bold")
        need = label_font.size(t("New seed"))[0] + 2 * lay.px(12) + lay.px(4)
        least = theme.text_font(lay, "body").size("000000")[0] + lay.px(28)
        seed_w = max(least, min(round(rows[5].width * 0.5), rows[5].width - gap - need))
        widgets.append(
            TextField(
                "seed",
                pygame.Rect(rows[5].x, rows[5].y, seed_w, bh),
                self.m.seed_text,
                self._set_seed,
                allowed=str.isdigit,
                max_len=10,
                tooltip=t("A whole number: the same seed replays the same game"),
            )
        )
        widgets.append(
            Button(
                "new_seed",
                pygame.Rect(rows[5].x + seed_w + gap, rows[5].y, rows[5].width - seed_w - gap, bh),
                t("New seed"),
                self._new_seed,
                tooltip=t("Draw a new random seed"),
            )
        )
        self.summary_rect = pygame.Rect(ib.x, rows[5].bottom + lay.gap, ib.width, max(0, ib.bottom - rows[5].bottom - lay.gap))
        summary = Label("summary", self.summary_rect, "")
        summary.tooltip = (
            t("The estimate: the scenario's minutes for this length (they assume two teams), plus about a tenth per further team.")
            + " "
            + t("Each team adds a hand-over and a discussion per sitting; the AI's moves take seconds.")
        )
        widgets.append(summary)

        # delegations card: who plays whom
        ic = panel_inner(app, cc)
        area = ic
        playable = self.m.playable()
        codes = short_codes(self.m.entry.loaded.scenario.delegations, lang) if self.m.entry else {}
        gap = lay.px(8)
        two_line = (label_h + small_h + lay.px(22) + gap) * len(playable) <= area.height + gap
        drow = (label_h + small_h + lay.px(22)) if two_line else label_h + lay.px(14)
        self.del_rows = max(1, (area.height + gap) // (drow + gap))
        self.del_scroll = max(0, min(self.del_scroll, len(playable) - self.del_rows))
        n_play = len(playable)
        more_text = t("Delegations {first}–{last} of {total}; scroll for more", first=n_play, last=n_play, total=n_play)
        more_h = small_h * min(2, len(wrap(theme.text_font(lay, "small"), more_text, area.width)))  # two lines, not a cut one
        self.more_rect = pygame.Rect(area.x, area.bottom - more_h, area.width, more_h) if len(playable) > self.del_rows else None
        if self.more_rect is not None:
            self.del_rows = max(1, (area.height - more_h + gap) // (drow + gap))
            self.del_scroll = max(0, min(self.del_scroll, len(playable) - self.del_rows))
        from game.scenario.texts import tr

        for n, d in enumerate(playable):
            slot = n - self.del_scroll
            rect = pygame.Rect(area.x, area.y + slot * (drow + gap), area.width, drow)
            detail = (d.leaders[0] if d.leaders else "") if two_line else ""

            widgets.append(
                Toggle(
                    f"del:{d.id}",
                    rect,
                    tr(d.name, lang),
                    d.id in self.m.humans,
                    partial(self._toggle, d.id),
                    on_text=t("Team"),
                    off_text=t("AI"),
                    detail=detail,
                    icon=partial(self._icon, d, codes.get(d.id, "")),
                    tooltip=t("Choose who plays this delegation: a student team or the AI (Enter switches)"),
                )
            )
            widgets[-1].visible = 0 <= slot < self.del_rows
        toggles = [w for w in widgets if isinstance(w, Toggle)]
        compact = not all(w.fits(app) for w in toggles)
        for w in toggles:
            w.compact = compact

        # header and footer buttons
        head = lay.header()
        sw = min(lay.px(220), head.width // 4)
        widgets.append(
            Button(
                "settings",
                pygame.Rect(head.right - lay.margin - sw, head.centery - bh // 2 - lay.px(2), sw, bh),
                t("Settings"),
                self._settings,
                tooltip=t("Language, text size, high contrast, full screen"),
            )
        )
        foot = lay.footer()
        fw = min(lay.px(300), foot.width // 4)
        fy = foot.centery - bh // 2 + lay.px(1)
        start = pygame.Rect(foot.right - lay.margin - fw, fy, fw, bh)
        cont = start.move(-fw - lay.gap, 0)
        widgets.append(
            Button(
                "teacher",
                cont.move(-fw - lay.gap, 0),
                t("Teacher…"),
                self._teacher,
                enabled=self.m.entry is not None,
                tooltip=t("Teacher's PIN for the console, a timer per team turn, aim weights for the score"),
            )
        )
        widgets.append(
            Button(
                "continue",
                cont,
                t("Continue last game"),
                self.ctx.continue_game,
                enabled=self.ctx.can_continue(),
                tooltip=t("Resume the game that was interrupted"),
            )
        )
        widgets.append(
            Button(
                "start", start, t("Start"), self._start, style="primary", enabled=self.m.can_start(), tooltip=t("Show the introduction, then begin")
            )
        )
        self.focus.set(widgets)

    def _icon(self, delegation: Delegation, code: str, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """A delegation row's emblem (bound per row with `partial`)."""
        draw_emblem(surface, rect, delegation, code, self.ctx.theme.hex("border"))

    def _typed_path(self, text: str) -> None:
        self.path_text = text

    def _length_text(self, length_id: str) -> str:
        option = next(o for o in self.m.lengths() if o.id == length_id)
        if option.id == FULL and option.title is None:
            return self.ctx.tr.tn("Full conference ({n} sitting)", "Full conference ({n} sittings)", option.sittings)
        return option.title or option.id

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.MOUSEWHEEL and self.panels and self.panels[2][0].collidepoint(pygame.mouse.get_pos()):
            self.del_scroll = max(0, self.del_scroll - event.y)
            self.layout()
            return True
        used = self.focus.handle_event(event, self.ctx)
        self._follow_focus()
        return used

    def _follow_focus(self) -> None:
        """Keep the focused delegation row in view (keyboard users cannot scroll by hand)."""
        key = self.focus.focus_key or ""
        if not key.startswith("del:"):
            return
        ids = [d.id for d in self.m.playable()]
        i = ids.index(key[4:]) if key[4:] in ids else 0
        if i < self.del_scroll or i >= self.del_scroll + self.del_rows:
            self.del_scroll = i if i < self.del_scroll else i - self.del_rows + 1
            self.layout()

    def update(self, dt: float) -> None:
        self.focus.update(dt)

    # --- drawing ----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        draw_backdrop(surface, app)
        draw_header(surface, app, "Plenipo", t("A diplomacy game for the classroom"))
        left_button = min(w.rect.x for w in self.focus.widgets if w.key in ("start", "continue", "teacher"))
        draw_footer(surface, app, t("Tab: next   Arrows: change   Enter: choose   Esc: menu"), until=left_button)
        for rect, title in self.panels:
            draw_panel(surface, app, rect, title)
        small = theme.text_font(lay, "small")
        body = theme.text_font(lay, "body")
        if self.blurb_rect is not None:
            self._draw_blurb(surface, small)
        self._draw_summary(surface, body)
        if self.more_rect is not None:
            n = len(self.m.playable())
            text = t(
                "Delegations {first}–{last} of {total}; scroll for more",
                first=self.del_scroll + 1,
                last=min(n, self.del_scroll + self.del_rows),
                total=n,
            )
            draw_wrapped(surface, small, text, theme.c("ink_soft"), self.more_rect, spacing=1.0, max_lines=2)
        self.focus.draw(surface, app)

    def _draw_blurb(self, surface: pygame.Surface, font: pygame.font.Font) -> None:
        app, theme = self.ctx, self.ctx.theme
        assert self.blurb_rect is not None
        lines: list[tuple[str, str]] = []
        e = self.m.entry
        if e is not None:
            from game.scenario.texts import tr

            meta, cal = e.loaded.scenario.meta, e.loaded.scenario.calendar
            when = f"{app.tr.date(cal.sittings[0])} – {app.tr.date(cal.sittings[-1])}"
            place = tr(meta.place, self.m.lang)
            lines.append((f"{place} · {when}" if place else when, "ink_soft"))
        c = self.m.classroom
        console = app.t("Console (T): PIN set.") if c.pin else app.t("Console (T): open, no PIN.")
        if c.minutes:
            console += " " + app.tr.tn("Timer: {n} minute per turn.", "Timer: {n} minutes per turn.", round(c.minutes))
        if c.weights:
            console += " " + app.tr.tn("Weights changed for {n} delegation.", "Weights changed for {n} delegations.", len(c.weights))
        lines.append((console, "ink_soft"))
        if self.m.broken:
            names = ", ".join(p.name for p, _ in self.m.broken)
            lines.append(
                (
                    app.tr.tn(
                        "{n} file in scenarios/ could not be read: {names}",
                        "{n} files in scenarios/ could not be read: {names}",
                        len(self.m.broken),
                        names=names,
                    ),
                    "danger",
                )
            )
        if e is not None and e.variant_note(self.m.lang):  # last: it takes the room that is left, the intro shows it whole
            lines.append((f"{app.t('What this variant changes')}: {e.variant_note(self.m.lang)}", "ink"))
        y = self.blurb_rect.y
        for text, colour in lines:
            if y >= self.blurb_rect.bottom:
                break
            r = pygame.Rect(self.blurb_rect.x, y, self.blurb_rect.width, self.blurb_rect.bottom - y)
            y += draw_wrapped(surface, font, text, theme.c(colour), r) + app.layout.px(6)

    def _draw_summary(self, surface: pygame.Surface, font: pygame.font.Font) -> None:
        app, t, theme = self.ctx, self.ctx.t, self.ctx.theme

        parts: list[tuple[str, str]] = []
        option = next((o for o in self.m.lengths() if o.id == self.m.length_id), None)
        teams = [d for d in self.m.playable() if d.id in self.m.humans]
        if option is not None:
            text = app.tr.tn("{n} sitting", "{n} sittings", option.sittings)
            minutes = estimate_minutes(option.minutes, len(teams))
            if minutes:
                text += " · " + app.tr.tn(
                    "about {minutes} minutes with {n} team", "about {minutes} minutes with {n} teams", len(teams), minutes=minutes
                )
            parts.append((text, "ink"))
        if teams:
            parts.append((t("Teams: {teams} · AI: {ai}", teams=len(teams), ai=len(self.m.playable()) - len(teams)), "ink"))
        else:
            parts.append((t("No teams chosen: the AI plays every delegation, as a show for the class."), "ink_soft"))
        if self.m.seed is None:
            parts.append((t("The seed must be a whole number."), "danger"))
        if self.m.message:
            parts.append((self.m.message, "danger"))
        r = self.summary_rect
        y = r.y
        small = theme.text_font(app.layout, "small")
        needed = sum(text_height(font if c != "ink_soft" else small, text, r.width) + app.layout.px(8) for text, c in parts)
        if needed > r.height:
            font = small  # large text on a small window: the summary in small type rather than cut short
        for text, colour in parts:
            if y >= r.bottom:
                break
            f = font if colour != "ink_soft" else small
            y += draw_wrapped(surface, f, text, theme.c(colour), pygame.Rect(r.x, y, r.width, r.bottom - y)) + app.layout.px(8)


def choice_fits(app: App, text: str, rect: pygame.Rect) -> bool:
    """Whether a `Choice` in `rect` shows `text` whole: one line of body text, or two lines of small text."""
    theme, lay = app.theme, app.layout
    width = rect.width - 2 * rect.height  # the arrows take a square at each end
    if theme.text_font(lay, "body", "bold").size(text)[0] <= width:
        return True
    small = theme.text_font(lay, "small", "bold")
    lines = wrap(small, text, width)
    step = min(small.get_linesize(), (rect.height - 2) // 2)
    return len(lines) <= 2 and step >= small.get_height() - 4 and all(small.size(line)[0] <= width for line in lines)


def _without_aside(text: str) -> str:
    """ "Short lesson (8 sittings, about 45 minutes)" without its bracketed aside: "Short lesson"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", text) or text
