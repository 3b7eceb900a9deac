"""Shared test setup: headless pygame, so no test ever opens a window or a sound device.

The variables must be set before anything imports pygame, which is why they
live here, in the root conftest that pytest loads first.
"""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

pytest_plugins = ["tests.cpu_durations"]
