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
from game.ui.kit.text import draw_line, draw_wrapped, wrap
from game.ui.kit.widgets import Button, Choice, Label, Toggle, Widget
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

    def delegations(self) -> list[Delegation]:
        return [d for d in self.model.playable() if d.aims]

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        theme = app.theme
        c = self.model.classroom
        self.card = lay.rect.inflate(-2 * lay.margin, -2 * lay.margin)
        inner = panel_inner(app, self.card)
        bh, gap = lay.button_height(), lay.px(10)
        label_h = theme.text_font(lay, "body", "bold").get_linesize()
        head_h = theme.text_font(lay, "label", "heading").get_linesize() + lay.px(10)
        foot = pygame.Rect(inner.x, inner.bottom - bh, inner.width, bh)
        area = pygame.Rect(inner.x, inner.y, inner.width, foot.y - gap - inner.y)
        left, right = lay.columns(area, [9, 13], lay.px(24))
        self.columns = [(left, t("Console and timer")), (right, t("Aim weights for the score"))]
        widgets: list[Widget] = []

        x = pygame.Rect(left.x, left.y + head_h, left.width, left.height - head_h)
        rows = lay.stack(x, [label_h, bh, label_h, bh, bh], gap)
        widgets.append(Label("pin_label", rows[0], t("Teacher's PIN (optional)"), size="body"))
        widgets.append(
            SecretField(
                "pin",
                rows[1],
                c.pin,
                self._pin,
                max_len=16,
                placeholder=t("No PIN: the console is open to anyone"),
                tooltip=t("Students at the keyboard cannot open the teacher's console without it"),
            )
        )
        widgets.append(Label("minutes_label", rows[2], t("Timer per team turn"), size="body"))
        current = min(range(len(MINUTE_STEPS)), key=lambda i: abs(MINUTE_STEPS[i] - c.minutes))
        widgets.append(
            Choice(
                "minutes",
                rows[3],
                [t("No timer") if m == 0 else app.tr.tn("{n} minute", "{n} minutes", m) for m in MINUTE_STEPS],
                current,
                self._minutes,
                tooltip=t("Left and Right change it; the console can change it during the lesson"),
            )
        )
        widgets.append(
            Toggle(
                "auto_pass",
                rows[4],
                t("Pass when time is up"),
                c.auto_pass,
                self._auto,
                on_text=t("On"),
                off_text=t("Off"),
                enabled=c.minutes > 0,
                tooltip=t("When the time runs out the team's turn is passed for it (a chime and a flash either way)"),
            )
        )
        self.left_note = pygame.Rect(x.x, rows[4].bottom + lay.gap, x.width, max(0, x.bottom - rows[4].bottom - lay.gap))

        dels = self.delegations()
        self.aim_rects = []
        y = right.y + head_h
        if dels:
            self.delegation_index = min(self.delegation_index, len(dels) - 1)
            d = dels[self.delegation_index]
            lang = self.model.lang
            widgets.append(
                Choice(
                    "delegation",
                    pygame.Rect(right.x, y, right.width, bh),
                    [tr(x.name, lang) for x in dels],
                    self.delegation_index,
                    self._pick,
                    tooltip=t("Left and Right choose the delegation"),
                )
            )
            y += bh + gap
            small = theme.text_font(lay, "small")
            choice_w = lay.px(150)
            text_w = right.width - choice_w - gap
            for aim in d.aims:
                lines = max(1, min(2, len(wrap(small, tr(aim.text, lang), text_w))))
                h = max(bh, lines * small.get_linesize() + lay.px(8))
                if y + h > foot.y - gap - bh:
                    break
                value = c.weight(d, aim.id)
                text = tr(aim.text, lang) + ("" if value == aim.weight else "  (" + t("scenario: {weight}", weight=_num(aim.weight)) + ")")
                self.aim_rects.append((pygame.Rect(right.x, y, text_w, h), text))
                idx = min(range(len(WEIGHT_STEPS)), key=lambda i: abs(WEIGHT_STEPS[i] - value))
                widgets.append(
                    Choice(
                        f"aim:{aim.id}",
                        pygame.Rect(right.right - choice_w, y + (h - bh) // 2, choice_w, bh),
                        [_num(w) for w in WEIGHT_STEPS],
                        idx,
                        functools.partial(self._weight, d, aim.id),
                        tooltip=t("Scenario weight: {weight}", weight=_num(aim.weight)),
                    )
                )
                y += h + gap
            widgets.append(
                Button(
                    "reset",
                    pygame.Rect(right.x, foot.y - gap - bh, right.width, bh),
                    t("Scenario weights for every delegation"),
                    self._reset,
                    enabled=bool(c.weights),
                )
            )
        widgets.append(Button("done", pygame.Rect(foot.right - lay.px(260), foot.y, lay.px(260), bh), t("Done"), self.ctx.pop, style="primary"))
        self.focus.set(widgets)

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
        note = (
            t("The console (T during the game) asks for this PIN.")
            if c.pin
            else t("No PIN is set: anyone at the keyboard can open the teacher's console with T.")
        )
        note += " " + t("Weights say how much each aim counts in a delegation's score; the outcome screen and the record state them.")
        draw_wrapped(surface, small, note, theme.c("ink_soft"), self.left_note)
        for rect, text in self.aim_rects:
            draw_wrapped(surface, small, text, theme.c("ink"), rect.inflate(0, -lay.px(4)), max_lines=2)
        self.focus.draw(surface, app)
