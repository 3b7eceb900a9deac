"""The teacher's tools in the window: the PIN card, the confirmation card, and the layer over the game.

`install(app)` plugs them in: the conference's T key and "Teacher (T)"
button open the console (through the PIN card when a PIN was set on the
setup screen), the conference stands still while the teacher has paused it,
and a layer over every scene (`app.extras`) keeps the team's turn timer
running even while a move form is open, draws the clock large on the team's
screen, chimes and flashes when time is up, and puts up the PAUSED banner.
The logic lives in `game.classroom` (no pygame); this module only shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.classroom.chime import chime_samples
from game.classroom.console import Classroom, TimeUp, classroom_for, find_classroom
from game.classroom.timer import clock_text
from game.engine import actions as A
from game.engine.refusals import Refusal
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import draw_panel, panel_inner, shade
from game.ui.kit.scene import Scene
from game.ui.kit.text import draw_line, draw_wrapped, text_width
from game.ui.kit.widgets import Button, TextField, Widget
from game.ui.screens.conference import screen as conference_module
from game.ui.screens.conference.screen import ConferenceScene

if TYPE_CHECKING:
    from game.ui.kit.context import AppContext, Looks

FLASH_SECONDS = 4.0
WARN_SECONDS = 30.0


def room_for(app: AppContext, session: object) -> Classroom:
    """The session's classroom, timed on the window's own frame clock (so tests step it exactly)."""
    return classroom_for(session, clock=lambda: app.clock_time)  # type: ignore[arg-type]


def find_conference(app: AppContext) -> ConferenceScene | None:
    return next((s for s in reversed(list(app.stack)) if isinstance(s, ConferenceScene)), None)


def open_console(conference: ConferenceScene) -> Scene:
    """What T opens: the PIN card when a PIN guards the console, else the console itself."""
    from game.ui.screens.teacher.console import ConsoleScene

    room = room_for(conference.ctx, conference.session)
    return PinScene(conference) if room.guard.required else ConsoleScene(conference)


def _paused(conference: ConferenceScene) -> bool:
    room = find_classroom(conference.session)
    return room is not None and room.paused


def install(app: AppContext) -> ClassroomLayer:
    """Give this window the teacher's console, pause and timers (idempotent)."""
    conference_module.TEACHER_PANEL = open_console
    conference_module.PAUSED = _paused
    for extra in app.extras:
        if isinstance(extra, ClassroomLayer):
            return extra
    layer = ClassroomLayer(app)
    app.extras.append(layer)
    return layer


def uninstall(app: AppContext) -> None:
    conference_module.TEACHER_PANEL = None
    conference_module.PAUSED = None
    app.extras[:] = [x for x in app.extras if not isinstance(x, ClassroomLayer)]


def make_chime() -> pygame.mixer.Sound | None:
    """The time-up chime, or None when there is no sound (no mixer, no device): the flash still shows."""
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init()
        init = pygame.mixer.get_init()
        if not init:
            return None
        rate, size, channels = init
        return pygame.sndarray.make_sound(chime_samples(rate, size, channels))
    except (pygame.error, ImportError, ValueError, TypeError, NotImplementedError):
        return None


class ClassroomLayer:
    """Over every scene: ticks the team's timer, draws the clock, the time-up flash and the PAUSED banner."""

    def __init__(self, app: AppContext) -> None:
        self.app = app
        self.flash = 0.0
        self.last_time_up: TimeUp | None = None
        self._chime: pygame.mixer.Sound | None = None
        self._chime_tried = False
        self.chimes = 0  # how often the chime was asked for (tests read it; the sound itself may be absent)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        self.flash = max(0.0, self.flash - dt)
        conf = find_conference(self.app)
        if conf is None or conf.app is None:
            return
        room = room_for(self.app, conf.session)
        room.apply_move = lambda action: self._auto_move(conf, action)
        s = conf.session.state
        at_keyboard = conf.viewer is not None and conf.viewer == s.actor_id and not conf.animating
        up = room.tick(at_keyboard, held=self.covered())
        if up is not None:
            self.last_time_up = up
            self.flash = FLASH_SECONDS
            self.chime()

    def covered(self) -> bool:
        """The teacher's console, the PIN card or the menu is open over the team's screen: the team cannot play."""
        return any(s.covers_play for s in self.app.stack)

    def chime(self) -> None:
        self.chimes += 1
        if not self._chime_tried:
            self._chime_tried = True
            self._chime = make_chime()
        if self._chime is not None:
            try:
                self._chime.play()
            except pygame.error:
                self._chime = None

    def _auto_move(self, conf: ConferenceScene, action: A.Action) -> Refusal | None:
        """The timer passes the team's turn: its open forms close first (the turn is over), then the move is made as usual."""
        from game.ui.screens.conference.move_forms import FormScene

        while isinstance(self.app.stack.top, FormScene):
            self.app.pop()
        return conf.act(action)

    # --- drawing (changes nothing) ----------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        conf = find_conference(self.app)
        if conf is None or conf not in self.app.stack.visible():
            return  # the hand-over screen (not an overlay) hides the game, and so the clock
        room = find_classroom(conf.session)
        if room is None:
            return
        top = self.app.stack.top
        console = isinstance(top, TeacherCard)
        left = room.remaining()
        s = conf.session.state
        if left is not None and conf.viewer is not None and conf.viewer == s.actor_id and not console:
            self.draw_clock(surface, left, room.paused)
        if self.flash > 0 and not console:
            self.draw_flash(surface)
        if room.paused and not console:
            draw_paused(surface, self.app)

    def clock_rect(self) -> pygame.Rect:
        lay = self.app.layout
        head = lay.header()
        mw = min(lay.px(180), head.width // 6)
        h = head.height - lay.px(18)
        w = lay.px(190)
        return pygame.Rect(head.right - lay.margin - mw - lay.gap - w, head.y + lay.px(6), w, h)

    def draw_clock(self, surface: pygame.Surface, seconds: float, paused: bool) -> None:
        app, theme, lay = self.app, self.app.theme, self.app.layout
        box = self.clock_rect()
        urgent = seconds <= WARN_SECONDS
        blink = urgent and seconds > 0 and int(app.clock_time * 2) % 2 == 0
        bg = "danger" if (seconds <= 0 or blink) else "paper"
        pygame.draw.rect(surface, theme.c(bg), box, border_radius=lay.px(8))
        pygame.draw.rect(surface, theme.c("brass"), box, max(2, lay.px(3)), border_radius=lay.px(8))
        small = theme.text_font(lay, "small", "bold")
        label = app.t("Time left") if not paused else app.t("Paused")
        fg = theme.c("paper") if bg == "danger" else theme.c("ink")
        top = pygame.Rect(box.x, box.y + lay.px(4), box.width, small.get_linesize())
        draw_line(surface, small, label, fg, top, "center")
        big = theme.font("heading", max(12, box.bottom - top.bottom - lay.px(4)))
        draw_line(surface, big, clock_text(seconds), fg, pygame.Rect(box.x, top.bottom, box.width, box.bottom - top.bottom), "center")

    def draw_flash(self, surface: pygame.Surface) -> None:
        """A pulsing frame and a band naming whose time is up: seen from the back row, never sound alone."""
        app, theme, lay = self.app, self.app.theme, self.app.layout
        phase = int(self.flash * 3) % 2 == 0
        w = lay.px(14)
        colour = theme.c("danger") if phase else theme.c("brass")
        pygame.draw.rect(surface, colour, surface.get_rect(), w)
        up = self.last_time_up
        if up is None:
            return
        conf = find_conference(app)
        name = conf._name(up.delegation) if conf is not None else up.delegation
        text = app.t("Time is up: {name}", name=name)
        if up.passed:
            text += " · " + app.t("the turn was passed")
        font = theme.text_font(lay, "heading", "heading")
        band = pygame.Rect(0, 0, min(lay.width - 2 * lay.margin, text_width(font, text) + lay.px(60)), font.get_linesize() + lay.px(24))
        band.midtop = (lay.width // 2, lay.header().bottom + lay.px(10))
        pygame.draw.rect(surface, theme.c("danger"), band, border_radius=lay.px(8))
        draw_line(surface, font, text, theme.c("paper"), band.inflate(-lay.px(20), 0), "center")


def draw_paused(surface: pygame.Surface, app: Looks) -> None:
    """The PAUSED banner across the middle of the screen: legible from the back of the room."""
    theme, lay = app.theme, app.layout
    shade(surface, app)
    big = theme.font("heading", lay.px(110))
    small = theme.text_font(lay, "heading", "body")
    h = big.get_linesize() + small.get_linesize() + lay.px(40)
    band = pygame.Rect(0, lay.height // 2 - h // 2, lay.width, h)
    pygame.draw.rect(surface, theme.c("header_bg"), band)
    rule = lay.px(4)
    for y in (band.y + rule, band.bottom - 2 * rule):
        pygame.draw.rect(surface, theme.c("brass"), (0, y, band.width, rule))
    draw_line(surface, big, app.t("PAUSED"), theme.c("header_text"), pygame.Rect(0, band.y + lay.px(14), band.width, big.get_linesize()), "center")
    draw_line(
        surface,
        small,
        app.t("The teacher has paused the conference. Moves are locked."),
        theme.c("header_soft"),
        pygame.Rect(0, band.y + lay.px(14) + big.get_linesize(), band.width, small.get_linesize()),
        "center",
    )


class TeacherCard(CardScene):
    """A card of the teacher's (the PIN, a confirmation, the console): the team's clock and flash hide under it."""

    covers_play = True


class _Card(TeacherCard):
    """A small centred card over the conference; Esc closes it."""

    title = ""

    def __init__(self, conference: ConferenceScene) -> None:
        super().__init__()
        self.conference = conference
        self.message = ""

    def card_for(self, inner_h: int) -> pygame.Rect:
        lay = self.ctx.layout
        w = min(lay.width - 2 * lay.margin, max(lay.px(560), round(lay.width * 0.4)))
        probe = panel_inner(self.ctx, pygame.Rect(0, 0, w, 1000))
        card = pygame.Rect(0, 0, w, min(lay.height - 2 * lay.margin, inner_h + 1000 - probe.height))
        card.center = lay.rect.center
        return card

    def draw_card(self, surface: pygame.Surface) -> pygame.Rect:
        return self.shaded_card(surface, self.ctx.t(self.title) if self.title else "")


class SecretField(TextField):
    """A text field that shows dots: the PIN is typed in front of the class."""

    def draw(self, surface: pygame.Surface, app: Looks, focused: bool, hovered: bool) -> None:
        shown, self.text = self.text, "•" * len(self.text)
        try:
            super().draw(surface, app, focused, hovered)
        finally:
            self.text = shown


class PinScene(_Card):
    """The teacher types the PIN set on the setup screen; the console opens only when it matches."""

    name = "teacher_pin"

    def __init__(self, conference: ConferenceScene) -> None:
        super().__init__(conference)
        self.typed = ""

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        bh, gap = lay.button_height(), lay.px(12)
        body = app.theme.text_font(lay, "body")
        note_h = body.get_linesize() * 2
        self.card = self.card_for(note_h + 2 * bh + 2 * gap + body.get_linesize())
        inner = panel_inner(app, self.card)
        self.note_rect = pygame.Rect(inner.x, inner.y, inner.width, note_h)
        field = pygame.Rect(inner.x, self.note_rect.bottom + gap, inner.width, bh)
        buttons = lay.columns(pygame.Rect(inner.x, field.bottom + gap + body.get_linesize(), inner.width, bh), [1, 1], gap)
        widgets: list[Widget] = [
            SecretField(
                "pin",
                field,
                self.typed,
                self._typed,
                on_submit=lambda _: self._try(),
                max_len=32,
                placeholder=t("PIN"),
                tooltip=t("The PIN chosen on the setup screen"),
            ),
            Button("open", buttons[0], t("Open the console"), self._try, style="primary"),
            Button("cancel", buttons[1], t("Cancel"), self.ctx.pop),
        ]
        self.message_rect = pygame.Rect(inner.x, field.bottom + lay.px(4), inner.width, body.get_linesize())
        self.focus.set(widgets)

    def _typed(self, text: str) -> None:
        self.typed = text

    def _try(self) -> None:
        from game.ui.screens.teacher.console import ConsoleScene

        room = room_for(self.ctx, self.conference.session)
        wait = room.guard.wait()
        if wait > 0:
            self.message = self.ctx.t("Too many wrong PINs: wait {seconds} seconds.", seconds=int(wait) + 1)
        elif room.guard.attempt(self.typed):
            self.ctx.replace(ConsoleScene(self.conference))
            return
        else:
            self.message = self.ctx.t("Wrong PIN.")
        self.typed = ""
        self.layout()

    def draw(self, surface: pygame.Surface) -> None:
        app, theme, lay = self.ctx, self.ctx.theme, self.ctx.layout
        shade(surface, app)
        draw_panel(surface, app, self.card, app.t("Teacher's console"))
        draw_wrapped(surface, theme.text_font(lay, "body"), app.t("Type the teacher's PIN to open the console."), theme.c("ink"), self.note_rect)
        if self.message:
            draw_line(surface, theme.text_font(lay, "body", "bold"), self.message, theme.c("danger"), self.message_rect)
        self.focus.draw(surface, app)


class ConfirmScene(_Card):
    """Yes or no before something that cannot be taken back lightly (undo, end now)."""

    name = "teacher_confirm"

    def __init__(self, conference: ConferenceScene, question: str, yes: str, on_yes: Callable[[], None]) -> None:
        super().__init__(conference)
        self.question, self.yes, self.on_yes = question, yes, on_yes

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        bh, gap = lay.button_height(), lay.px(12)
        body = app.theme.text_font(lay, "body")
        w = min(lay.width - 2 * lay.margin, max(lay.px(560), round(lay.width * 0.4)))
        from game.ui.kit.text import text_height

        text_h = text_height(body, self.question, panel_inner(app, pygame.Rect(0, 0, w, 1000)).width)
        self.card = self.card_for(text_h + gap + bh)
        inner = panel_inner(app, self.card)
        self.text_rect = pygame.Rect(inner.x, inner.y, inner.width, text_h)
        row = lay.columns(pygame.Rect(inner.x, inner.bottom - bh, inner.width, bh), [1, 1], gap)
        self.focus.set([Button("no", row[0], t("No, go back"), self.ctx.pop), Button("yes", row[1], self.yes, self._yes, style="primary")])

    def _yes(self) -> None:
        self.ctx.pop()
        self.on_yes()

    def draw(self, surface: pygame.Surface) -> None:
        app, theme, lay = self.ctx, self.ctx.theme, self.ctx.layout
        shade(surface, app)
        draw_panel(surface, app, self.card, app.t("Are you sure?"))
        draw_wrapped(surface, theme.text_font(lay, "body"), self.question, theme.c("ink"), self.text_rect)
        self.focus.draw(surface, app)
