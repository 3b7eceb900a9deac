"""The soft chime when a team's time is up: a short bell-like tone made with numpy, no sound files.

Two sine partials (a fifth apart) with a quick attack and an exponential
decay: audible across a classroom without startling anyone. The window turns
the samples into a pygame Sound when a mixer is available.
"""

from __future__ import annotations

import numpy as np

SECONDS = 0.9
PARTIALS = ((660.0, 0.6), (990.0, 0.3), (1320.0, 0.1))  # (Hz, share)
VOLUME = 0.35


def chime_wave(rate: int = 44100, seconds: float = SECONDS) -> np.ndarray:
    """Mono float samples in [-VOLUME, VOLUME]."""
    n = max(1, int(rate * seconds))
    t = np.arange(n, dtype=np.float64) / rate
    wave = sum(share * np.sin(2 * np.pi * hz * t) for hz, share in PARTIALS)
    envelope = np.minimum(1.0, t / 0.01) * np.exp(-4.5 * t)
    return np.asarray(VOLUME * wave * envelope, dtype=np.float64)


def chime_samples(rate: int, size: int, channels: int) -> np.ndarray:
    """The chime in the mixer's format (`size` as pygame.mixer.get_init reports it: -16, 16, 8, -8, 32)."""
    wave = chime_wave(rate)
    bits = abs(size)
    if bits == 32:
        out: np.ndarray = wave.astype(np.float32)
    elif bits == 8:
        out = (wave * 127).astype(np.int8) if size < 0 else ((wave * 127) + 128).astype(np.uint8)
    else:
        out = (wave * 32767).astype(np.int16) if size < 0 else ((wave * 32767) + 32768).astype(np.uint16)
    if channels > 1:
        out = np.repeat(out[:, None], channels, axis=1)
    return np.ascontiguousarray(out)
