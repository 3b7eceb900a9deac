"""The UI half of `plenipo bench`, run in its own process (`python -m game.ui.bench_probe`).

It starts the way `plenipo play --autoplay` does (scenario, session, conference
screen, window), prints the wall-clock time of the first drawn frame, plays on
until the conference is under way, then times a few hundred real frames
(events, one 60 Hz update, draw, flip) at the given size. The result is one
JSON line on stdout; `game.analysis.bench` starts it and reads it. Use it with
SDL_VIDEODRIVER=dummy and a scratch PLENIPO_HOME (the conference autosaves).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.ui.bench_probe")
    parser.add_argument("scenario")
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--sittings", type=int, default=2, help="sittings to play before timing (a game in progress)")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.split("x"))

    import pygame

    from game.analysis.bench import peak_rss_mb
    from game.play.session import Session, SessionSetup
    from game.scenario.loader import load
    from game.ui.app import STEP, App
    from game.ui.screens.conference.screen import ConferenceScene

    session = Session(load(args.scenario), SessionSetup(args.scenario, "en", (), "full", 1))
    app = App(size=(width, height), first_scene=ConferenceScene(session))
    app.comparison_runs = 0
    app.frame()
    pygame.display.flip()
    first_frame_wall = time.time()

    app.fast = True  # play on quickly to a conference in progress
    for _ in range(20_000):
        if session.state.ended or session.state.turn >= args.sittings:
            break
        app.update(STEP)
    app.fast = False
    app.draw()

    times = []
    for _ in range(args.frames):
        start = time.perf_counter()
        for event in pygame.event.get():
            app.handle_event(event)
        app.update(STEP)
        app.draw()
        pygame.display.flip()
        times.append(time.perf_counter() - start)
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    result = {
        "first_frame_wall": first_frame_wall,
        "frames": len(times),
        "size": [width, height],
        "surface": list(app.surface.get_size()),
        "sitting": session.state.turn + 1,
        "frame_ms_median": round(1000 * statistics.median(times), 3),
        "frame_ms_p99": round(1000 * p99, 3),
        "frame_ms_max": round(1000 * times[-1], 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    pygame.quit()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
