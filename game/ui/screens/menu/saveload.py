"""Saving and loading games from the pause menu, and a plain message screen.

Saves go to `saves_dir()` as versioned JSON written atomically (game.play.saves).
A save that cannot be loaded gets its reason on screen and is left untouched:
the teacher may still want to send it to someone who can mend it.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import pygame

from game.play.saves import SaveError, load_save, save, saves_dir
from game.play.session import Session
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import draw_backdrop, draw_footer, draw_header, draw_panel, panel_inner
from game.ui.kit.focus import FocusGroup
from game.ui.kit.scene import Scene
from game.ui.kit.text import draw_wrapped
from game.ui.kit.widgets import Button, Label, ListBox, TextField, Widget

if TYPE_CHECKING:
    from game.ui.screens.conference.screen import ConferenceScene


def list_saves(folder: Path | None = None) -> list[Path]:
    """Save files, newest first (hidden temporary files of an interrupted write are skipped)."""
    folder = folder or saves_dir()
    if not folder.is_dir():
        return []
    dated: list[tuple[float, Path]] = []
    for p in folder.glob("*.json"):
        if p.name.startswith("."):
            continue
        try:
            st = p.stat()  # follows a symlink: a dangling one, a loop or a folder is no save to offer
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            dated.append((st.st_mtime, p))
    return [p for _, p in sorted(dated, key=lambda x: x[0], reverse=True)]


def safe_name(text: str) -> str:
    name = re.sub(r"[^\w\- ]+", "", text, flags=re.UNICODE).strip().replace(" ", "_")
    return name[:60] or "game"


@runtime_checkable
class ShowsSession(Protocol):
    """A scene that shows a game in progress (the conference, the outcome): the menu saves it, the designer reloads it."""

    session: Session


def find_session(scenes: Iterable[Scene]) -> Session | None:
    """The live game under the pause menu, if any: the topmost scene that shows one."""
    for scene in reversed(list(scenes)):
        if isinstance(scene, ShowsSession) and isinstance(scene.session, Session):
            return scene.session
    return None


class _Card(CardScene):
    title = ""
    covers_play = True  # the save and load cards take the table from the team while they are open

    def __init__(self) -> None:
        super().__init__()
        self.message = ""
        self.bad = False
        self.msg_rect = pygame.Rect(0, 0, 0, 0)

    def make_card(self, wf: float = 0.55, hf: float = 0.7) -> pygame.Rect:
        lay = self.ctx.layout
        card = pygame.Rect(0, 0, max(lay.px(560), round(lay.width * wf)), round(lay.height * hf))
        card.width = min(card.width, lay.width - 2 * lay.margin)
        card.center = lay.rect.center
        return card

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.title)
        if self.message:
            font = self.ctx.theme.text_font(self.ctx.layout, "body", "bold")
            draw_wrapped(surface, font, self.message, self.ctx.theme.c("danger" if self.bad else "ok"), self.msg_rect)
        self.focus.draw(surface, self.ctx)


class SaveScene(_Card):
    name = "save"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        s = session.state
        self.text = f"{session.cs.scenario.id}-sitting-{s.turn + 1}"
        self.confirm_replace: Path | None = None

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.title = t("Save the game")
        self.card = self.make_card(0.5, 0.55)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        label_h = app.theme.text_font(lay, "body", "bold").get_linesize()
        rows = lay.stack(inner, [label_h, bh], lay.px(8))
        widgets: list[Widget] = [
            Label("name_label", rows[0], t("Name of the save"), size="body"),
            TextField(
                "name",
                rows[1],
                self.text,
                self._typed,
                max_len=60,
                on_submit=lambda _x: self._save(),
                tooltip=t("Letters, digits, - and _; Enter saves"),
            ),
        ]
        row = pygame.Rect(inner.x, inner.bottom - bh, inner.width, bh)
        cancel, ok = lay.columns(row, [1, 1], lay.px(10))
        widgets.append(Button("cancel", cancel, t("Cancel"), self.ctx.pop, tooltip=t("Esc")))
        widgets.append(Button("ok", ok, t("Save"), self._save, style="primary", tooltip=t("Enter")))
        self.msg_rect = pygame.Rect(inner.x, rows[1].bottom + lay.px(12), inner.width, max(0, row.y - rows[1].bottom - lay.px(20)))
        self.focus.set(widgets)
        if self.focus.focus_key not in ("name", "ok", "cancel"):
            self.focus.focus("name")

    def _typed(self, text: str) -> None:
        self.text = text
        self.confirm_replace = None

    def _save(self) -> None:
        t = self.ctx.t
        path = saves_dir() / f"{safe_name(self.text)}.json"
        if path.exists() and self.confirm_replace != path:
            self.confirm_replace = path
            self.bad, self.message = True, t("A save called {name} exists already. Press Save again to replace it.", name=path.stem)
            return
        try:
            save(self.session, path)
        except OSError as err:
            self.bad, self.message = True, t("The game could not be saved: {error}", error=err.strerror or str(err))
            return
        self.bad, self.message = False, t("Saved as {path}", path=str(path))
        self.confirm_replace = None


class LoadScene(_Card):
    name = "load"

    def __init__(self) -> None:
        super().__init__()
        self.files = list_saves()
        self.index = 0

    def layout(self) -> None:
        app, lay, t = self.ctx, self.ctx.layout, self.ctx.t
        self.title = t("Load a game")
        self.card = self.make_card(0.6, 0.8)
        inner = panel_inner(app, self.card)
        bh = lay.button_height()
        row_h = app.theme.text_font(lay, "label", "bold").get_linesize() + app.theme.text_font(lay, "small").get_linesize() + lay.px(14)
        msg_h = app.theme.text_font(lay, "body", "bold").get_linesize() * 3
        list_h = max(row_h, inner.height - bh - msg_h - 2 * lay.px(12))
        list_h -= list_h % row_h
        widgets: list[Widget] = []
        if self.files:
            items = [(p.stem, dt.datetime.fromtimestamp(p.stat().st_mtime).strftime("%Y-%m-%d %H:%M")) for p in self.files]
            widgets.append(
                ListBox(
                    "saves",
                    pygame.Rect(inner.x, inner.y, inner.width, list_h),
                    items,
                    self.index,
                    self._pick,
                    row_height=row_h,
                    on_activate=lambda i: self._load(),
                    tooltip=t("Up and Down choose, Enter loads"),
                )
            )
        else:
            self.bad, self.message = False, t("There are no saved games yet in {path}", path=str(saves_dir()))
        row = pygame.Rect(inner.x, inner.bottom - bh, inner.width, bh)
        cancel, ok = lay.columns(row, [1, 1], lay.px(10))
        widgets.append(Button("cancel", cancel, t("Cancel"), self.ctx.pop, tooltip=t("Esc")))
        widgets.append(Button("ok", ok, t("Load"), self._load, style="primary", enabled=bool(self.files), tooltip=t("Enter")))
        self.msg_rect = pygame.Rect(inner.x, inner.y + (list_h if self.files else 0) + lay.px(12), inner.width, msg_h)
        self.focus.set(widgets)

    def _pick(self, i: int) -> None:
        self.index = i
        self.message = ""

    def _load(self) -> None:
        if not self.files:
            return
        path = self.files[self.index]
        try:
            loaded = load_save(path)
        except SaveError as err:
            self.bad, self.message = True, self.ctx.t("This save cannot be loaded (it is left as it is): {error}", error=str(err))
            return
        scene = resumed_conference(loaded.session)
        if loaded.scenario_changed:
            scene.message = self.ctx.t("Note: the scenario file has changed since this game was saved.")
        self.ctx.stack.reset(scene)


def resumed_conference(session: Session) -> ConferenceScene:
    """A saved game opens where it stood: its news was announced when it happened, so it is all
    on the board at once instead of being read out again one line at a time."""
    from game.ui.screens.conference.screen import ConferenceScene

    scene = ConferenceScene(session)
    if session.actions:
        scene.shown = len(session.state.log)
    return scene


class MessageScene(Scene):
    """A full-screen message with one way on: back to the setup screen (e.g. a damaged autosave)."""

    name = "message"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.focus = FocusGroup()

    def layout(self) -> None:
        lay, t = self.ctx.layout, self.ctx.t
        foot = lay.footer()
        bh = lay.button_height()
        w = min(lay.px(320), foot.width // 3)
        self.focus.set(
            [
                Button(
                    "back",
                    pygame.Rect(foot.right - lay.margin - w, foot.centery - bh // 2, w, bh),
                    t("Back to setup"),
                    self.ctx.to_setup,
                    style="primary",
                    tooltip=t("Enter"),
                )
            ]
        )

    def handle_event(self, event: pygame.event.Event) -> bool | None:
        return self.focus.handle_event(event, self.ctx)

    def update(self, dt: float) -> None:
        self.focus.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        app, lay = self.ctx, self.ctx.layout
        draw_backdrop(surface, app)
        draw_header(surface, app, app.t("The game could not be continued"))
        draw_footer(surface, app, app.t("Esc: menu"), until=self.focus.widgets[0].rect.x)
        inner = draw_panel(surface, app, lay.body())
        draw_wrapped(surface, app.theme.text_font(lay, "body", reading=True), self.text, app.theme.c("ink"), inner)
        self.focus.draw(surface, app)
