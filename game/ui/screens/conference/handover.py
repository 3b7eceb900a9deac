"""The hand-over screen: "Pass the computer to the Soviet delegation".

A full screen (not an overlay), so nothing of the conference below it, and
nothing private of any team, is drawn while the computer changes hands. It
shows only public things: the delegation's name, emblem, date and sitting.
The team's view opens when that team presses Enter or clicks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenario.texts import tr
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header
from game.ui.kit.emblems import draw_emblem, short_codes
from game.ui.kit.focus import FocusGroup
from game.ui.kit.scene import Scene
from game.ui.kit.text import draw_line, draw_wrapped
from game.ui.kit.widgets import Button

if TYPE_CHECKING:
    from game.ui.screens.conference.screen import ConferenceScene


class HandoverScene(Scene):
    name = "handover"

    def __init__(self, conference: ConferenceScene, delegation: str) -> None:
        super().__init__()
        self.conference = conference
        self.delegation = delegation
        self.focus = FocusGroup()
        self.flag = pygame.Rect(0, 0, 0, 0)

    def _ready(self) -> None:
        self.conference.unlock(self.delegation)
        self.ctx.pop()

    def layout(self) -> None:
        lay, t = self.ctx.layout, self.ctx.t
        body = lay.body()
        fh = min(round(body.height * 0.36), lay.px(220))
        self.flag = pygame.Rect(0, 0, round(fh * 1.5), fh)
        self.flag.midtop = (body.centerx, body.y + round(body.height * 0.06))
        bw = min(lay.px(520), body.width)
        button = pygame.Rect(0, 0, bw, round(lay.button_height() * 1.2))
        button.midbottom = (body.centerx, body.bottom - lay.px(10))
        self.focus.set(
            [Button("ready", button, t("We are ready: show our view"), self._ready, style="primary", tooltip=t("Enter, Space or a click"))]
        )

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self._ready()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_t and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.conference._teacher()  # the teacher's console opens over the hand-over too (nothing private is on screen)
            return True
        return self.focus.handle_event(event, self.ctx)

    def update(self, dt: float) -> None:
        self.focus.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        app, t = self.ctx, self.ctx.t
        theme, lay = app.theme, app.layout
        session = self.conference.session
        cs = session.cs
        lang = app.tr.lang
        d = cs.delegation(cs.d_index[self.delegation]) if self.delegation in cs.d_index else None
        draw_backdrop(surface, app)
        s = session.state
        sub = t("Sitting {number} of {total}", number=s.turn + 1, total=s.n_turns) + "  ·  " + app.tr.date(s.date)
        draw_header(surface, app, tr(cs.scenario.meta.title, lang), sub)
        draw_footer(surface, app, t("Enter: open the team's view") + "   ·   " + t("Esc: menu"), until=lay.width - lay.margin)
        if d is None:
            return
        name = tr(d.name, lang)
        codes = short_codes(cs.scenario.delegations, lang)
        draw_emblem(surface, self.flag, d, codes.get(d.id, ""), theme.hex("border"))
        title = theme.text_font(lay, "title", "heading")
        body = lay.body()
        y = self.flag.bottom + lay.px(24)
        y += draw_wrapped(
            surface,
            title,
            t("Pass the computer to the {name} delegation", name=name),
            theme.c("ink"),
            pygame.Rect(body.x, y, body.width, round(title.get_linesize() * 1.2) * 2 + 2),
            align="center",
        )
        label = theme.text_font(lay, "label")
        y += lay.px(10)
        draw_line(
            surface,
            label,
            t("Everyone else: please look away from the screen."),
            theme.c("ink_soft"),
            pygame.Rect(body.x, y, body.width, label.get_linesize()),
            "center",
        )
        self.focus.draw(surface, app)
