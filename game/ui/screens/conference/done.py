"""The confirmation after a team's move: what was done, in words, before the view closes.

"Proposal No. 3 sent privately to Soviet Russia": the team reads what its move
did (the confirmation may be private: the team is still at the computer;
its view has already closed underneath), then hands the computer on with
Enter or one click. The move forms open this card after a move succeeds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import actions as A
from game.engine.state import GameState
from game.i18n import Translator
from game.scenario.texts import tr
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import panel_inner
from game.ui.kit.text import draw_wrapped, text_height
from game.ui.kit.widgets import Button

if TYPE_CHECKING:
    from game.ui.screens.conference.screen import ConferenceScene


def confirmation(s: GameState, action: A.Action, tr_: Translator) -> str:
    """One sentence saying what `action` (just applied to give `s`) did. No pygame: a client could show it too."""
    t, cs, lang = tr_.t, s.cs, tr_.lang

    def name(did: str) -> str:
        return tr(cs.delegation(cs.d_index[did]).name, lang)

    if isinstance(action, A.Propose):
        number = s.proposals[-1].id if s.proposals else 0
        if action.to:
            return t("Proposal No. {number} sent privately to {names}.", number=number, names=", ".join(name(x) for x in action.to))
        return t("Proposal No. {number} put to the whole conference.", number=number)
    if isinstance(action, A.Shift):
        i = cs.issue_ids.index(action.issue)
        option = cs.issue(i).options[cs.option_ids[i].index(action.option)]
        return t("Your public position on {issue} is now: {option}.", issue=tr(cs.issue(i).title, lang), option=tr(option.label, lang))
    if isinstance(action, A.Statement):
        return t("Your statement was made to the conference.")
    if isinstance(action, A.Walkout):
        return t("Your delegation has walked out of the conference.")
    return t("You passed this sitting.")


class DoneScene(CardScene):
    name = "move_done"

    def __init__(self, conference: ConferenceScene, text: str) -> None:
        super().__init__()
        self.conference, self.text = conference, text
        self.text_rect = pygame.Rect(0, 0, 0, 0)

    def _close(self) -> None:
        self.ctx.pop()

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        font = app.theme.text_font(lay, "body", "bold", reading=True)
        w = min(lay.width - 2 * lay.margin, max(lay.px(620), round(lay.width * 0.5)))
        probe = panel_inner(app, pygame.Rect(0, 0, w, 1000))
        bh = lay.button_height()
        body_h = text_height(font, self.body(), probe.width) + lay.px(16)
        h = min(lay.height - 2 * lay.margin, body_h + bh + (1000 - probe.height) + lay.px(12))
        self.card = pygame.Rect(0, 0, w, h)
        self.card.center = lay.rect.center
        inner = panel_inner(app, self.card)
        self.text_rect = pygame.Rect(inner.x, inner.y, inner.width, inner.height - bh - lay.px(12))
        bw = min(inner.width, lay.px(360))
        button = pygame.Rect(inner.right - bw, inner.bottom - bh, bw, bh)
        self.focus.set(
            [
                Button(
                    "handover",
                    button,
                    t("Hand over (Enter)"),
                    self._close,
                    style="primary",
                    tooltip=t("Your turn is over: the next team's hand-over screen comes next"),
                )
            ]
        )

    def body(self) -> str:
        return self.text + "\n" + self.ctx.t("Your turn is over. Pass the computer on.")

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE):
            self._close()
            return True
        return self.focus.handle_event(event, self.ctx)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.ctx
        self.shaded_card(surface, app.t("Move made"))
        font = app.theme.text_font(app.layout, "body", "bold", reading=True)
        draw_wrapped(surface, font, self.body(), app.theme.c("ink"), self.text_rect)
        self.focus.draw(surface, app)
