"""Asking for an audience: a team asks another delegation to hear it in private (Talks, K).

A request is not a main move: the card says what it means, lists every other
delegation at the table as a button, disabled with the rules' reason when it
cannot be asked now (asked already this sitting, walked out, still waiting for
an answer, talks banned), and one click sends the request. The card closes,
the team's turn goes on, and the line above its moves confirms the request in
words. The host answers on its own turn: a team from its inbox (Grant /
Refuse), the AI by `game/ai/audience.py`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pygame

from game.ui.kit.chrome import panel_inner
from game.ui.kit.text import draw_wrapped, text_height
from game.ui.kit.widgets import Button, Widget
from game.ui.screens.conference.move_forms import FormScene
from game.views.inbox import AskChoice

if TYPE_CHECKING:
    from game.ui.screens.conference.screen import ConferenceScene


class AudienceScene(FormScene):
    name = "audience"

    def __init__(self, conference: ConferenceScene, actor: str) -> None:
        super().__init__(conference, actor)
        self.choices: tuple[AskChoice, ...] = ()
        self.text_rect = pygame.Rect(0, 0, 0, 0)
        self.problem_rect = pygame.Rect(0, 0, 0, 0)
        self.intro_font: pygame.font.Font | None = None

    def intro(self) -> str:
        t = self.ctx.t
        return " ".join(
            (
                t("Ask one delegation to receive you for private talks. It answers on its own turn, by the end of the next sitting at the latest."),
                t("Received, your delegation trusts it more; refused or put off, less, and some events follow who was received."),
                t("You may ask once a sitting; asking does not end your turn."),
            )
        )

    def common_refusal(self) -> str:
        """The reason every delegation is refused, when it is the same for all (e.g. already asked this sitting)."""
        reasons = {c.refusal for c in self.choices}
        return next(iter(reasons)) if len(reasons) == 1 and self.choices and self.choices[0].refusal else ""

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        conf = self.conference
        self.title = t("Ask for private talks")
        self.choices = conf.audience_choices(self.actor)
        self.card = self.card_rect(0.8, 0.9)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        bottom = inner.bottom - bh - lay.px(12)
        common = self.common_refusal()
        small = app.theme.text_font(lay, "small", "bold")
        problem_h = 3 * small.get_linesize() if (common or self.message) else 0
        n = len(self.choices)
        gap = lay.px(8)
        # the words at reading size when the names still fit under them (two or three to a row), else smaller:
        # large text must never push the names under the Cancel button
        fonts = [app.theme.text_font(lay, "body", reading=True), app.theme.text_font(lay, "small", reading=True), app.theme.text_font(lay, "small")]
        for font in fonts:
            self.intro_font = font
            self.text_rect = pygame.Rect(inner.x, inner.y, inner.width, text_height(font, self.intro(), inner.width))
            y = self.text_rect.bottom + lay.px(12)
            if ((n + 2) // 3) * (bh + gap) <= bottom - problem_h - y:
                break
        cols = 1
        while cols < 3 and ((n + cols - 1) // cols) * (bh + gap) > bottom - problem_h - y:
            cols += 1
        rows = (n + cols - 1) // cols
        widgets: list[Widget] = []
        for k, c in enumerate(self.choices):
            row, col = divmod(k, cols)
            cell = lay.columns(pygame.Rect(inner.x, y + row * (bh + gap), inner.width, bh), [1] * cols, gap)[col]
            widgets.append(
                Button(
                    f"ask:{c.id}",
                    cell,
                    c.name,
                    functools.partial(self._ask, c.id),
                    enabled=not c.refusal,
                    tooltip=c.refusal or t("Ask {who} for private talks", who=c.name),
                )
            )
        self.problem_rect = pygame.Rect(inner.x, y + rows * (bh + gap), inner.width, problem_h)
        close_w = min(inner.width, lay.px(300))
        widgets.append(
            Button(
                "cancel",
                pygame.Rect(inner.right - close_w, inner.bottom - bh, close_w, bh),
                t("Cancel"),
                self.ctx.pop,
                tooltip=t("Close without moving (Esc)"),
            )
        )
        self.focus.set(widgets)

    def _ask(self, host: str) -> None:
        problem = self.conference.ask(host)
        if problem is None:
            self.ctx.pop()  # the conference's line above the moves says what was asked
        else:
            self.message = self.conference.message
            self.conference.message = ""
            self.layout()

    def draw(self, surface: pygame.Surface) -> None:
        app = self.ctx
        theme, lay = app.theme, app.layout
        self.draw_card(surface)
        draw_wrapped(surface, self.intro_font or theme.text_font(lay, "small"), self.intro(), theme.c("ink"), self.text_rect)
        problem = self.message or self.common_refusal()
        if problem and self.problem_rect.height:
            self.draw_problem(surface, self.problem_rect, problem)
        self.focus.draw(surface, app)
