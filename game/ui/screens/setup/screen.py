"""The setup screen: scenario, language, teams, game length, seed; then Start.

Three cards side by side, read left to right as a teacher decides: which
conference, how long a game, who plays whom. The choices live in
`SetupModel` (no pygame); this module only lays them out and draws them.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.classroom.planning import estimate_minutes
from game.i18n import language_name
from game.scenario.texts import tr
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header, draw_panel, panel_inner
from game.ui.kit.emblems import draw_emblem
from game.ui.kit.focus import FocusGroup
from game.ui.kit.layout import Fr, Track, column, grid, row
from game.ui.kit.scene import Scene
from game.ui.kit.text import draw_paragraphs, text_height, text_width
from game.ui.kit.widgets import Button, Choice, Label, TextField, Toggle, Widget, button_width, choose_segments, share_name_size
from game.ui.kit.wrap_list import WrapListBox, pill_height, row_height_for
from game.views.codes import short_codes
from game.views.setup import FULL, SetupModel, discover

if TYPE_CHECKING:
    from game.scenario.models import Delegation

OPEN_FILE = -1
EXAMPLE_PATHS = ("scenarios/my_conference.toml", "my_conference.toml", "my_game.toml", ".toml")
BLURB_SPACING = 1.1  # the scenario's details in slightly tighter lines: two list rows and the details fit at 1280x720


class Sizes(NamedTuple):
    """The setup screen's recurring sizes at this layout: button height, label and small lines, the gap between groups."""

    button: int
    label: int
    small: int
    gap: int


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
        self.teams_short = False  # the delegations scroll: "Teams: 0 · AI: 7" rather than the sentence
        self.teams_rect = pygame.Rect(0, 0, 0, 0)

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
        from game.ui.screens.menu.pause import SettingsScene

        self.ctx.push(SettingsScene())

    # --- layout -----------------------------------------------------------------------
    def layout(self) -> None:
        """Three cards side by side under the title band, the main buttons in the footer: see the grids below."""
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        if app.settings.lang != self.m.lang and app.settings.lang in self.m.languages():
            self.m.set_lang(app.settings.lang)
        cards = row(lay.body(), [("scenario", Fr(5)), ("game", Fr(5)), ("delegations", Fr(6))], gap=lay.gap)
        self.panels = [(cards["scenario"], t("Scenario")), (cards["game"], t("Game")), (cards["delegations"], t("Delegations"))]
        widgets = [
            *self._scenario_card(panel_inner(app, cards["scenario"])),
            *self._game_card(panel_inner(app, cards["game"])),
            *self._delegations_card(panel_inner(app, cards["delegations"])),
            *self._buttons(),
        ]
        self.focus.set(widgets)

    def _sizes(self) -> Sizes:
        lay, theme = self.ctx.layout, self.ctx.theme
        label = theme.text_font(lay, "label", "bold").get_linesize()
        return Sizes(lay.button_height(), label, theme.text_font(lay, "small").get_linesize(), lay.px(10))

    def _scenario_card(self, area: pygame.Rect) -> list[Widget]:
        """The scenario list, then the open-file form or the chosen scenario's details (whole: the list gives way)."""
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        sz = self._sizes()
        bh, label_h = sz.button, sz.label
        items = [(e.title(self.m.lang), e.subtitle(self.m.lang)) for e in self.m.scenarios]
        items.append((t("Open file…"), t("A scenario file from anywhere on this computer")))
        row_h = row_height_for(app, items, area.width)  # whole titles: wrapped to two lines rather than cut
        strip = pill_height(app)
        if self.open_mode:
            below = label_h + bh + lay.px(4)
        else:
            place = self._blurb_paragraphs()[0][0][0]  # the place and dates: the list gives way to them, the rest takes what is left
            below = text_height(self._blurb_font(), place, area.width, BLURB_SPACING)
        avail = max(row_h, area.height - lay.px(10) - below)
        list_h = len(items) * row_h if len(items) * row_h <= avail else max(1, (avail - strip) // row_h) * row_h + strip
        cells = column(area, [("list", list_h), ("below", Fr())], gap=lay.px(10))
        widgets: list[Widget] = [
            WrapListBox(
                "scenarios",
                cells["list"],
                items,
                self.list_index,
                self._pick,
                row_height=row_h,
                strip=strip,
                on_activate=self._activate_item,
                tooltip=t("Up and Down choose, Enter confirms"),
            )
        ]
        self.blurb_rect = None if self.open_mode else cells["below"]
        if not self.open_mode:
            return widgets
        form = column(cells["below"], [("label", label_h), ("row", bh)], gap=lay.px(4))
        form |= row(form["row"], [("path", Fr()), ("open", button_width(app, t("Open"), bh))], gap=lay.px(8))
        body = self.ctx.theme.text_font(lay, "body")
        room = form["path"].width - 2 * lay.px(12)  # an example path, shorter in a narrow field
        example = next((e for e in EXAMPLE_PATHS if text_width(body, e) <= room), EXAMPLE_PATHS[-1])
        return [
            *widgets,
            Label("path_label", form["label"], t("Path of the scenario file"), size="body"),
            TextField(
                "path",
                form["path"],
                self.path_text,
                self._typed_path,
                placeholder=example,
                on_submit=self._open_path,
                tooltip=t("Type or paste (Ctrl+V) a path, then press Enter"),
            ),
            Button("open", form["open"], t("Open"), self._open_path),
        ]

    def _game_card(self, area: pygame.Rect) -> list[Widget]:
        """Language, length and seed, each under its label; then the summary in words, which keeps the rest."""
        app, lay, t, theme = self.ctx, self.ctx.layout, self.ctx.t, self.ctx.theme
        sz = self._sizes()
        bh, label_h, gap = sz.button, sz.label, sz.gap
        # the New seed button keeps its whole label beside a field wide enough for the seed; else it goes under the field
        need = button_width(app, t("New seed"), bh)
        least = theme.text_font(lay, "body").size(self.m.seed_text or "000000")[0] + 2 * lay.px(12) + lay.px(10)
        side_by_side = least + gap + need <= area.width
        seed_rows: list[tuple[str, Track]] = [("seed_row", bh)] if side_by_side else [("seed_row", bh), ("new_seed", bh)]
        controls = 3 * label_h + (3 + len(seed_rows)) * bh + (5 + len(seed_rows)) * lay.px(4)
        spacer = gap if area.height - controls - 3 * gap >= self._summary_height(area.width) else 0  # the summary first
        cells = column(
            area,
            [
                ("language_label", label_h),
                ("language", bh),
                (".", spacer),
                ("length_label", label_h),
                ("length", bh),
                (".", spacer),
                ("seed_label", label_h),
                *seed_rows,
                (".", spacer),
                ("summary", Fr()),
            ],
            gap=lay.px(4),
        )
        if side_by_side:
            seed_w = max(least, min(round(area.width * 0.5), area.width - gap - need))
            cells |= row(cells["seed_row"], [("seed", seed_w), ("new_seed", Fr())], gap=gap)
        else:
            cells["seed"] = cells["seed_row"]
        self.summary_rect = cells["summary"]
        langs = self.m.languages()
        lengths = self.m.lengths()
        ids = [o.id for o in lengths]
        # "Short lesson", never "Short lesson (8 sittings, about 45 minutes)": the summary below gives the sittings
        # and the minutes for the teams chosen, and the scenario's own aside (two teams) would contradict it
        texts = [_without_aside(self._length_text(o.id)) for o in lengths]
        summary = Label("summary", self.summary_rect, "")
        summary.tooltip = (
            t("The estimate: the scenario's minutes for this length (they assume two teams), plus about a tenth per further team.")
            + " "
            + t("Each team adds a hand-over and a discussion per sitting; the AI's moves take seconds.")
        )
        return [
            Label("language_label", cells["language_label"], t("Language"), size="body"),
            Choice(
                "language",
                cells["language"],
                [language_name(c) for c in langs],
                langs.index(self.m.lang) if self.m.lang in langs else 0,
                self._set_lang,
                tooltip=t("Left and Right change it"),
            ),
            Label("length_label", cells["length_label"], t("Game length"), size="body"),
            Choice(
                "length",
                cells["length"],
                texts,
                ids.index(self.m.length_id) if self.m.length_id in ids else 0,
                self._set_length,
                tooltip=t("Left and Right change it"),
            ),
            Label("seed_label", cells["seed_label"], t("Seed"), size="body"),
            TextField(
                "seed",
                cells["seed"],
                self.m.seed_text,
                self._set_seed,
                allowed=str.isdigit,
                max_len=10,
                tooltip=t("A whole number: the same seed replays the same game"),
            ),
            Button("new_seed", cells["new_seed"], t("New seed"), self._new_seed, tooltip=t("Draw a new random seed")),
            summary,
        ]

    def _delegations_card(self, area: pygame.Rect) -> list[Widget]:
        """Who plays whom: one toggle a delegation (two lines with its leader when all fit), scrolling when they do not."""
        app, lay, t, theme = self.ctx, self.ctx.layout, self.ctx.t, self.ctx.theme
        sz = self._sizes()
        label_h, small_h = sz.label, sz.small
        lang, playable = self.m.lang, self.m.playable()
        codes = short_codes(self.m.entry.loaded.scenario.delegations, lang) if self.m.entry else {}
        gap = lay.px(8)
        two_line = (label_h + small_h + lay.px(22) + gap) * len(playable) <= area.height + gap
        drow = (label_h + small_h + lay.px(22)) if two_line else label_h + lay.px(14)
        n = len(playable)
        small = theme.text_font(lay, "small")
        # who plays, under the rows: the sentence if every row fits with it, else the short form ("Teams: 0 · AI: 7",
        # the sentence repeats the Game card's summary) rather than a row's room; a list that still does not fit
        # scrolls, with "Above (n)" and "Below (n)" buttons for a mouse without a wheel or a touch board
        for short in (False, True):
            self.teams_short = short
            teams_h = text_height(small, self._teams_line()[0], area.width)
            scrolls = n * (drow + gap) + teams_h > area.height
            if not scrolls:
                break
        pager_h = sz.button if scrolls else 0
        room = area.height - teams_h - (pager_h + gap if scrolls else 0)
        self.del_rows = max(1, min(n, room // (drow + gap)))
        rows_h = self.del_rows * (drow + gap) - gap
        cells = column(area, [("rows", rows_h), ("teams", teams_h), (".", Fr()), ("pager", pager_h)], gap=gap)
        self.teams_rect = cells["teams"]
        self.del_scroll = max(0, min(self.del_scroll, n - self.del_rows))
        pager: list[Widget] = []
        if scrolls:
            above, below = self.del_scroll, n - self.del_scroll - self.del_rows
            up, down = lay.columns(cells["pager"], [1, 1], lay.px(8))
            pager = [
                Button(
                    "del_above", up, t("Above ({n})", n=above), partial(self._page, -1), enabled=above > 0, tooltip=t("Show the delegations above")
                ),
                Button(
                    "del_below", down, t("Below ({n})", n=below), partial(self._page, 1), enabled=below > 0, tooltip=t("Show the delegations below")
                ),
            ]
        toggles: list[Toggle] = []
        for k, d in enumerate(playable):
            slot = k - self.del_scroll
            toggle = Toggle(
                f"del:{d.id}",
                pygame.Rect(area.x, area.y + slot * (drow + gap), area.width, drow),
                tr(d.name, lang),
                d.id in self.m.humans,
                partial(self._toggle, d.id),
                on_text=t("Team"),
                off_text=t("AI"),
                detail=(d.leaders[0] if d.leaders else "") if two_line else "",
                icon=partial(self._icon, d, codes.get(d.id, "")),
                tooltip=t("Choose who plays this delegation: a student team or the AI (Enter switches)"),
            )
            toggle.visible = 0 <= slot < self.del_rows
            toggles.append(toggle)
        choose_segments(toggles, app)

        def settle_compact() -> None:  # one state word for every row, or both for every row
            compact = not all(w.fits(app) for w in toggles)
            for w in toggles:
                w.compact = compact

        settle_compact()
        if not all(w.detail_fits(app) for w in toggles):
            for w in toggles:
                w.detail = ""  # a leader's name that would be cut: none shown (the introduction lists them all)
            settle_compact()  # without it, a long name may take two lines beside both states
        share_name_size(toggles, app)
        return [*toggles, *pager]

    def _page(self, direction: int) -> None:
        """Scroll the delegations a page (all the rows shown) up or down."""
        self.del_scroll = max(0, self.del_scroll + direction * self.del_rows)
        self.layout()

    def _buttons(self) -> list[Widget]:
        """Settings at the right of the title band; Teacher…, Continue and Start at the right of the footer."""
        lay, t = self.ctx.layout, self.ctx.t
        bh = lay.button_height()
        head, foot = lay.header(), lay.footer()
        top = grid(
            head,
            [". .", ". settings", ". ."],
            rows=[Fr(), bh, Fr()],
            cols=[Fr(), min(lay.px(220), head.width // 4)],
            padding=(0, lay.margin, lay.px(4), 0),
        )
        fw = min(lay.px(300), foot.width // 4)
        bottom = grid(
            foot,
            [". . . .", ". teacher continue start", ". . . ."],
            rows=[Fr(), bh, Fr()],
            cols=[Fr(), fw, fw, fw],
            col_gap=lay.gap,
            padding=(lay.px(2), lay.margin, 0, 0),
        )
        return [
            Button("settings", top["settings"], t("Settings"), self._settings, tooltip=t("Language, text size, high contrast, full screen")),
            Button(
                "teacher",
                bottom["teacher"],
                t("Teacher…"),
                self._teacher,
                enabled=self.m.entry is not None,
                tooltip=t("Teacher's PIN for the console, a timer per team turn, aim weights for the score"),
            ),
            Button(
                "continue",
                bottom["continue"],
                t("Continue last game"),
                self.ctx.continue_game,
                enabled=self.ctx.can_continue(),
                tooltip=t("Resume the game that was interrupted"),
            ),
            Button(
                "start",
                bottom["start"],
                t("Start"),
                self._start,
                style="primary",
                enabled=self.m.can_start(),
                tooltip=t("Show the introduction, then begin"),
            ),
        ]

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
        draw_backdrop(surface, app)
        draw_header(surface, app, "Plenipo", t("A diplomacy game for the classroom"))
        left_button = min(w.rect.x for w in self.focus.widgets if w.key in ("start", "continue", "teacher"))
        draw_footer(surface, app, t("Tab: next   Arrows: change   Enter: choose   Esc: menu"), until=left_button)
        for rect, title in self.panels:
            draw_panel(surface, app, rect, title)
        if self.blurb_rect is not None:
            self._draw_blurb(surface)
        self._draw_summary(surface)
        self.focus.draw(surface, app)

    def _blurb_font(self) -> pygame.font.Font:
        return self.ctx.theme.text_font(self.ctx.layout, "small")

    def _blurb_paragraphs(self) -> list[tuple[tuple[str, ...], str]]:
        """The chosen scenario's details, most needed first: place and dates (or the dates alone), the console,
        unreadable files, the variant; each as its texts from the longest to the shortest, and its colour."""
        app = self.ctx
        lines: list[tuple[tuple[str, ...], str]] = []
        e = self.m.entry
        if e is not None:
            meta, cal = e.loaded.scenario.meta, e.loaded.scenario.calendar
            when = f"{app.tr.date(cal.sittings[0])} – {app.tr.date(cal.sittings[-1])}"
            place = tr(meta.place, self.m.lang)
            lines.append(((f"{place} · {when}", when) if place else (when,), "ink_soft"))
        c = self.m.classroom
        console = app.t("Console (T): PIN set.") if c.pin else app.t("Console (T): open, no PIN.")
        if c.minutes:
            console += " " + app.tr.tn("Timer: {n} minute per turn.", "Timer: {n} minutes per turn.", round(c.minutes))
        if c.weights:
            console += " " + app.tr.tn("Weights changed for {n} delegation.", "Weights changed for {n} delegations.", len(c.weights))
        lines.append(((console,), "ink_soft"))
        if self.m.broken:
            names = ", ".join(p.name for p, _ in self.m.broken)
            text = app.tr.tn(
                "{n} file in scenarios/ could not be read: {names}",
                "{n} files in scenarios/ could not be read: {names}",
                len(self.m.broken),
                names=names,
            )
            lines.append(((text,), "danger"))
        if e is not None and e.variant_note(self.m.lang):  # last: it takes the room that is left, the intro shows it whole
            lines.append(((f"{app.t('What this variant changes')}: {e.variant_note(self.m.lang)}",), "ink"))
        return lines

    def _draw_blurb(self, surface: pygame.Surface) -> None:
        assert self.blurb_rect is not None
        font = self._blurb_font()
        paragraphs = [(font, texts, self.ctx.theme.c(colour)) for texts, colour in self._blurb_paragraphs()]
        draw_paragraphs(surface, paragraphs, self.blurb_rect, self.ctx.layout.px(4), BLURB_SPACING)

    def _summary_paragraphs(self) -> list[tuple[str, str]]:
        """Sittings and minutes, then what is wrong (a seed that is not a number, a file that did not open)."""
        app, t = self.ctx, self.ctx.t
        parts: list[tuple[str, str]] = []
        option = next((o for o in self.m.lengths() if o.id == self.m.length_id), None)
        teams = [d for d in self.m.playable() if d.id in self.m.humans]
        if option is not None:
            text = app.tr.tn("{n} sitting", "{n} sittings", option.sittings)
            minutes = estimate_minutes(option.minutes, len(teams))
            if minutes and not teams:  # "with 0 teams" reads wrong in both languages: say who plays
                text += " · " + t("about {minutes} minutes, the AI playing every delegation", minutes=minutes)
            elif minutes:
                text += " · " + app.tr.tn(
                    "about {minutes} minutes with {n} team", "about {minutes} minutes with {n} teams", len(teams), minutes=minutes
                )
            parts.append((text, "ink"))
        if self.m.seed is None:
            parts.append((t("The seed must be a whole number."), "danger"))
        if self.m.message:
            parts.append((self.m.message, "danger"))
        return parts

    def _summary_height(self, width: int) -> int:
        """What the summary needs in its tightest form: small type, lines set solid."""
        small = self.ctx.theme.text_font(self.ctx.layout, "small")
        return sum(text_height(small, text, width, 1.0) + self.ctx.layout.px(8) for text, _ in self._summary_paragraphs())

    def _teams_line(self) -> tuple[str, str]:
        """Who plays, in numbers, under the delegations: "Teams: 2 · AI: 5", or that the AI plays them all."""
        teams = sum(1 for d in self.m.playable() if d.id in self.m.humans)
        if teams or self.teams_short:
            return self.ctx.t("Teams: {teams} · AI: {ai}", teams=teams, ai=len(self.m.playable()) - teams), "ink"
        return self.ctx.t("No teams chosen: the AI plays every delegation, as a show for the class."), "ink_soft"

    def _draw_summary(self, surface: pygame.Surface) -> None:
        """In body type if it fits, else small type, else small type set solid: whole rather than cut."""
        app = self.ctx
        body, small = app.theme.text_font(app.layout, "body"), app.theme.text_font(app.layout, "small")
        parts, r = self._summary_paragraphs(), self.summary_rect
        font, spacing = small, 1.0
        for font, spacing in ((body, 1.2), (small, 1.2), (small, 1.0)):
            if sum(text_height(font, text, r.width, spacing) + app.layout.px(8) for text, _ in parts) <= r.height:
                break
        draw_paragraphs(surface, [(font, (text,), app.theme.c(c)) for text, c in parts], r, app.layout.px(8), spacing)
        text, colour = self._teams_line()
        draw_paragraphs(surface, [(small, (text,), app.theme.c(colour))], self.teams_rect, 0)


def _without_aside(text: str) -> str:
    """ "Short lesson (8 sittings, about 45 minutes)" without its bracketed aside: "Short lesson"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", text) or text
