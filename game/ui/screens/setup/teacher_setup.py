"""The teacher's settings before a lesson, a card over the setup screen: console PIN, turn timer, aim weights.

Kept off the main setup screen so its three cards stay simple for the
common case; the setup summary says what was chosen here (a PIN or none, the
timer, changed weights), so nothing set here is hidden from the teacher.
"""

from __future__ import annotations

import functools

import pygame

from game.classroom.choices import MINUTE_STEPS, WEIGHT_STEPS
from game.scenario.models import Delegation
from game.scenario.texts import tr
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import panel_inner
from game.ui.kit.layout import Fr, Track, column, grid, row
from game.ui.kit.text import draw_line, draw_paragraphs, draw_wrapped, text_height, text_width
from game.ui.kit.widgets import Button, Choice, Label, Toggle, Widget, button_width
from game.ui.screens.teacher.tools import SecretField
from game.views.setup import SetupModel


def _num(x: float) -> str:
    return f"{x:g}"


class TeacherSetupScene(CardScene):
    name = "teacher_setup"

    def __init__(self, model: SetupModel) -> None:
        super().__init__()
        self.model = model
        self.delegation_index = 0
        self.aim_rects: list[tuple[pygame.Rect, str]] = []
        self.left_note = pygame.Rect(0, 0, 0, 0)
        self.right_head = pygame.Rect(0, 0, 0, 0)
        self.columns: list[tuple[pygame.Rect, str]] = []
        self.aim_spacing = 1.2

    def delegations(self) -> list[Delegation]:
        return [d for d in self.model.playable() if d.aims]

    def layout(self) -> None:
        """Two columns (console and timer; aim weights) over the footer's reset and Done: one grid, a column of
        tracks each; the weights' column widens when every delegation's aims would not fit whole beside their weights."""
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.card = lay.rect.inflate(-2 * lay.margin, -2 * lay.margin)
        bh = lay.button_height()
        for weights in ((9, 13), (7, 15)):
            cells = grid(
                panel_inner(app, self.card),
                ["left right", "foot foot"],
                rows=[Fr(), bh],
                cols=[Fr(weights[0]), Fr(weights[1])],
                row_gap=lay.px(10),
                col_gap=lay.px(24),
            )
            if self._aims_fit(cells["right"]):
                break
        reset = t("Scenario weights for every delegation")
        reset_w = min(max(button_width(app, reset, bh), cells["right"].width - lay.px(260) - lay.gap), cells["foot"].width - lay.px(260) - lay.gap)
        foot = row(cells["foot"], [(".", Fr()), ("reset", reset_w), ("done", lay.px(260))], gap=lay.gap)
        self.columns = [(cells["left"], t("Console and timer")), (cells["right"], t("Aim weights for the score"))]
        self.focus.set(
            [
                *self._console_and_timer(cells["left"]),
                *self._weights(cells["right"]),
                Button("reset", foot["reset"], reset, self._reset, enabled=bool(self.model.classroom.weights)),
                Button("done", foot["done"], t("Done"), self.ctx.pop, style="primary"),
            ]
        )

    def _aims_fit(self, area: pygame.Rect) -> bool:
        """Whether every delegation's aims fit whole (set solid) in the weights' column `area`."""
        lay = self.ctx.layout
        bh, gap, spacing = lay.button_height(), lay.px(10), self.aim_spacing
        room = area.height - self._head_h() - bh - gap
        self.aim_spacing = 1.0
        try:
            width = area.width - lay.px(150) - gap
            return all(sum(self._aim_height(tr(a.text, self.model.lang), width) + gap for a in d.aims) - gap <= room for d in self.delegations())
        finally:
            self.aim_spacing = spacing

    def _head_h(self) -> int:
        lay = self.ctx.layout
        return self.ctx.theme.text_font(lay, "label", "heading").get_linesize() + lay.px(10)

    def _console_and_timer(self, area: pygame.Rect) -> list[Widget]:
        """The PIN, the timer per team turn and whether time up passes the turn; a note on what they do below."""
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        c = self.model.classroom
        bh = lay.button_height()
        pin_h = Label.height_for(app, t("Teacher's PIN (optional)"), area.width, "body")  # two lines in a narrow column
        minutes_h = Label.height_for(app, t("Timer per team turn"), area.width, "body")
        tracks: list[tuple[str, Track]] = [("pin_label", pin_h), ("pin", bh), ("minutes_label", minutes_h), ("minutes", bh), ("auto_pass", bh)]
        cells = column(area, [*tracks, ("note", Fr())], gap=lay.px(10), padding=(self._head_h(), 0, 0, 0))
        self.left_note = cells["note"]
        body = app.theme.text_font(lay, "body")
        placeholder = t("No PIN: the console is open to anyone")
        if text_width(body, placeholder) > cells["pin"].width - 2 * lay.px(12):
            placeholder = t("No PIN")  # the note below says the rest
        current = min(range(len(MINUTE_STEPS)), key=lambda i: abs(MINUTE_STEPS[i] - c.minutes))
        return [
            Label("pin_label", cells["pin_label"], t("Teacher's PIN (optional)"), size="body"),
            SecretField(
                "pin",
                cells["pin"],
                c.pin,
                self._pin,
                max_len=16,
                placeholder=placeholder,
                tooltip=t("Students at the keyboard cannot open the teacher's console without it"),
            ),
            Label("minutes_label", cells["minutes_label"], t("Timer per team turn"), size="body"),
            Choice(
                "minutes",
                cells["minutes"],
                [t("No timer") if m == 0 else app.tr.tn("{n} minute", "{n} minutes", m) for m in MINUTE_STEPS],
                current,
                self._minutes,
                tooltip=t("Left and Right change it; the console can change it during the lesson"),
            ),
            Toggle(
                "auto_pass",
                cells["auto_pass"],
                t("Pass when time is up"),
                c.auto_pass,
                self._auto,
                on_text=t("On"),
                off_text=t("Off"),
                enabled=c.minutes > 0,
                tooltip=t("When the time runs out the team's turn is passed for it (a chime and a flash either way)"),
            ),
        ]

    def _weights(self, area: pygame.Rect) -> list[Widget]:
        """The delegation, then one row an aim: its whole text beside its weight."""
        lay, t = self.ctx.layout, self.ctx.t
        c, dels = self.model.classroom, self.delegations()
        self.aim_rects = []
        if not dels:
            return []
        bh, gap = lay.button_height(), lay.px(10)
        cells = column(area, [("delegation", bh), ("aims", Fr())], gap=gap, padding=(self._head_h(), 0, 0, 0))
        self.delegation_index = min(self.delegation_index, len(dels) - 1)
        d, lang = dels[self.delegation_index], self.model.lang
        widgets: list[Widget] = [
            Choice(
                "delegation",
                cells["delegation"],
                [tr(x.name, lang) for x in dels],
                self.delegation_index,
                self._pick,
                tooltip=t("Left and Right choose the delegation"),
            )
        ]
        texts = {}
        for aim in d.aims:
            value = c.weight(d, aim.id)
            aside = "" if value == aim.weight else "  (" + t("scenario: {weight}", weight=_num(aim.weight)) + ")"
            texts[aim.id] = tr(aim.text, lang) + aside
        choice_w = lay.px(150)
        self.aim_spacing = 1.2
        for spacing in (1.2, 1.0):  # whole texts; set solid when they would not all fit
            self.aim_spacing = spacing
            heights = [self._aim_height(texts[a.id], cells["aims"].width - choice_w - gap) for a in d.aims]
            if sum(heights) + gap * (len(heights) - 1) <= cells["aims"].height:
                break
        rows = column(cells["aims"], [(a.id, h) for a, h in zip(d.aims, heights, strict=True)], gap=gap)
        for aim in d.aims:
            cell = row(rows[aim.id], [("text", Fr()), ("choice", choice_w)], gap=gap)
            if cell["text"].bottom > cells["aims"].bottom:
                break  # more aims than room (none in the shipped scenarios): the rest stay at the scenario's weight
            self.aim_rects.append((cell["text"], texts[aim.id]))
            value = c.weight(d, aim.id)
            widgets.append(
                Choice(
                    f"aim:{aim.id}",
                    pygame.Rect(cell["choice"].x, cell["choice"].centery - bh // 2, choice_w, bh),
                    [_num(w) for w in WEIGHT_STEPS],
                    min(range(len(WEIGHT_STEPS)), key=lambda i: abs(WEIGHT_STEPS[i] - value)),
                    functools.partial(self._weight, d, aim.id),
                    tooltip=t("Scenario weight: {weight}", weight=_num(aim.weight)),
                )
            )
        return widgets

    def _aim_height(self, text: str, width: int) -> int:
        lay = self.ctx.layout
        return max(lay.button_height(), text_height(self.ctx.theme.text_font(lay, "small"), text, width, self.aim_spacing) + lay.px(8))

    # --- changes ---------------------------------------------------------------------------
    def _pin(self, text: str) -> None:
        self.model.classroom.pin = text.strip()

    def _minutes(self, i: int) -> None:
        self.model.classroom.minutes = float(MINUTE_STEPS[i])
        self.layout()

    def _auto(self, value: bool) -> None:
        self.model.classroom.auto_pass = value
        self.layout()

    def _pick(self, i: int) -> None:
        self.delegation_index = i
        self.layout()

    def _weight(self, d: Delegation, aim_id: str, i: int) -> None:
        self.model.classroom.set_weight(d, aim_id, WEIGHT_STEPS[i])
        self.layout()

    def _reset(self) -> None:
        self.model.classroom.reset_weights()
        self.layout()

    # --- input and drawing ---------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        self.shaded_card(surface, t("Teacher's settings"))
        head = theme.text_font(lay, "label", "heading")
        for rect, title in self.columns:
            draw_line(surface, head, title, theme.c("ink"), pygame.Rect(rect.x, rect.y, rect.width, head.get_linesize()))
            pygame.draw.rect(surface, theme.c("rule"), (rect.x, rect.y + head.get_linesize() + lay.px(1), rect.width, max(1, lay.px(2))))
        small = theme.text_font(lay, "small")
        c = self.model.classroom
        pin = (
            t("The console (T during the game) asks for this PIN.")
            if c.pin
            else t("No PIN is set: anyone at the keyboard can open the teacher's console with T.")
        )
        weights = t("Weights say how much each aim counts in a delegation's score; the outcome screen and the record state them.")
        soft = theme.c("ink_soft")
        for spacing in (1.2, 1.0):  # both sentences whole, set solid before one is left out
            if sum(text_height(small, x, self.left_note.width, spacing) for x in (pin, weights)) <= self.left_note.height:
                break
        draw_paragraphs(surface, [(small, (pin,), soft), (small, (weights,), soft)], self.left_note, 0, spacing)
        for rect, text in self.aim_rects:
            draw_wrapped(surface, small, text, theme.c("ink"), rect.inflate(0, -lay.px(8)), spacing=self.aim_spacing)
        self.focus.draw(surface, app)
