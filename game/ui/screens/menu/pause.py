"""The pause menu (Esc) and the settings card, both drawn over the screen they pause.

Settings apply at once (language, text size, high contrast, full screen), so a
teacher sees the effect on the projector before closing the card.
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.i18n import available_languages, language_name
from game.ui.kit.card import CardScene
from game.ui.kit.chrome import panel_inner
from game.ui.kit.layout import TEXT_SCALES, column
from game.ui.kit.scene import Scene
from game.ui.kit.widgets import Button, Choice, Label, Toggle, Widget


def _card(scene: Scene, rows: int, extra: int = 0) -> pygame.Rect:
    """A centred card tall enough for `rows` buttons (and `extra` px), never taller than the window."""
    lay = scene.ctx.layout
    w = min(lay.width - 2 * lay.margin, max(lay.px(520), round(lay.width * 0.34)))
    inner_h = rows * lay.button_height() + (rows - 1) * lay.px(12) + extra
    probe = panel_inner(scene.ctx, pygame.Rect(0, 0, w, 1000))
    h = min(lay.height - 2 * lay.margin, inner_h + (1000 - probe.height))
    card = pygame.Rect(0, 0, w, h)
    card.center = lay.rect.center
    return card


class PauseScene(CardScene):
    """Resume, save and load (when a game is under the menu), settings, quit to setup, quit."""

    covers_play = True  # the menu takes the table from the team while it is open

    name = "pause"

    def __init__(self) -> None:
        super().__init__()

    def layout(self) -> None:
        t, lay = self.ctx.t, self.ctx.layout
        from game.ui.screens.menu.saveload import LoadScene, SaveScene, find_session

        session = find_session(self.ctx.stack)
        entries = [("resume", t("Resume"), self.ctx.pop, "primary")]
        if session is not None:
            entries.append(("save", t("Save game"), lambda: self.ctx.push(SaveScene(session)), "normal"))
        entries += [
            ("load", t("Load game"), lambda: self.ctx.push(LoadScene()), "normal"),
            ("settings", t("Settings"), lambda: self.ctx.push(SettingsScene()), "normal"),
            ("to_setup", t("Quit to setup"), self.ctx.to_setup, "normal"),
            ("quit", t("Quit Plenipo"), self.ctx.quit, "normal"),
        ]
        self.card = _card(self, len(entries))
        inner = panel_inner(self.ctx, self.card)
        rows = lay.stack(inner, [lay.button_height()] * len(entries), lay.px(12))
        widgets: list[Widget] = [
            Button(key, rect, label, action, style=style)  # type: ignore[arg-type]
            for (key, label, action, style), rect in zip(entries, rows, strict=True)
        ]
        self.focus.set(widgets)

    def resume(self) -> None:
        self.layout()

    def draw(self, surface: pygame.Surface) -> None:
        if self.ctx.stack.top is not self:
            return  # settings, save or load opened from here: one card, one veil and one focus ring at a time
        self.shaded_card(surface, self.ctx.t("Paused"))
        self.focus.draw(surface, self.ctx)


class SettingsScene(CardScene):
    """Language, text size, high contrast, full screen; Esc or Done closes."""

    covers_play = True  # the menu takes the table from the team while it is open

    name = "settings"

    def __init__(self) -> None:
        super().__init__()

    def layout(self) -> None:
        app, t, lay = self.ctx, self.ctx.t, self.ctx.layout
        s = app.settings
        label_h = app.theme.text_font(lay, "body", "bold").get_linesize()
        bh, gap = lay.button_height(), lay.px(12)
        self.card = _card(self, 5, 2 * label_h + gap)
        inner = panel_inner(app, self.card)
        names = ["lang_label", "lang", "size_label", "size", "contrast", "fullscreen", "done"]
        rows = column(inner, list(zip(names, [label_h, bh, label_h, bh, bh, bh, bh], strict=True)), gap=gap)
        langs = available_languages()
        scales = list(TEXT_SCALES)
        current = min(range(len(scales)), key=lambda i: abs(scales[i] - s.text_scale))
        widgets: list[Widget] = [
            Label("lang_label", rows["lang_label"], t("Language of the interface"), size="body"),
            Choice(
                "lang",
                rows["lang"],
                [language_name(c) for c in langs],
                langs.index(s.lang) if s.lang in langs else 0,
                lambda i: app.apply_settings(replace(app.settings, lang=langs[i])),
                tooltip=t("Left and Right change it"),
            ),
            Label("size_label", rows["size_label"], t("Text size"), size="body"),
            Choice(
                "size",
                rows["size"],
                [f"{round(x * 100)} %" for x in scales],
                current,
                lambda i: app.apply_settings(replace(app.settings, text_scale=scales[i])),
                tooltip=t("Left and Right change it"),
            ),
            Toggle(
                "contrast",
                rows["contrast"],
                t("High contrast"),
                s.high_contrast,
                lambda v: app.apply_settings(replace(app.settings, high_contrast=v)),
                on_text=t("On"),
                off_text=t("Off"),
            ),
            Toggle(
                "fullscreen",
                rows["fullscreen"],
                t("Full screen (F11)"),
                s.fullscreen,
                lambda v: app.apply_settings(replace(app.settings, fullscreen=v)),
                on_text=t("On"),
                off_text=t("Off"),
            ),
            Button("done", rows["done"], t("Done"), app.pop, style="primary"),
        ]
        self.focus.set(widgets)

    def draw(self, surface: pygame.Surface) -> None:
        self.shaded_card(surface, self.ctx.t("Settings"))  # the pause menu below steps aside while this is open
        self.focus.draw(surface, self.ctx)
