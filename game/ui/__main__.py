"""`python -m game.ui`: open the window on its own (until `plenipo play` wires in the engine).

``--frames N`` stops after N frames and ``--screenshots DIR`` saves each screen,
so with ``SDL_VIDEODRIVER=dummy`` this doubles as a headless smoke test.
"""

from __future__ import annotations

import argparse
import sys

from game.i18n import available_languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.ui", description="Open the Plenipo window (setup and introduction).")
    parser.add_argument("--size", default="1280x720", help="window size WxH (default 1280x720)")
    parser.add_argument("--lang", default="en", choices=available_languages(), help="interface language")
    parser.add_argument("--text-size", type=int, default=100, help="text size in percent, 100-200")
    parser.add_argument("--high-contrast", action="store_true", help="use the high-contrast theme")
    parser.add_argument("--fullscreen", action="store_true")
    parser.add_argument("--screenshots", metavar="DIR", help="save a PNG of each screen as it is first shown")
    parser.add_argument("--frames", type=int, help="quit after this many frames")
    args = parser.parse_args(argv)
    try:
        w, h = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        print(f"error: --size must look like 1920x1080, not {args.size!r}", file=sys.stderr)
        return 2
    import pygame

    from game.ui.app import App, NoDisplayError, Settings

    settings = Settings(args.lang, max(100, min(200, args.text_size)) / 100, args.high_contrast, args.fullscreen)
    try:
        app = App(size=(w, h), settings=settings, screenshot_dir=args.screenshots)
    except NoDisplayError as err:
        print(f"no display available ({err}); try `plenipo simulate` for a game without a window", file=sys.stderr)
        return 1
    app.run(max_frames=args.frames)
    pygame.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
