"""Generate the image assets from code, so nothing in assets/ is downloaded.

Run from the repository root: ``python assets/make_assets.py``. It writes
``assets/paper.png``: a seamless, faint paper texture (fibres, mottling),
tiled behind every screen. Seeded, so re-running gives the same file.
Needs numpy and pygame (to write the PNG); the game only reads the result.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame

HERE = Path(__file__).resolve().parent
SIZE = 512


def _tileable_noise(rng: np.random.Generator, size: int, scale: int) -> np.ndarray:
    """Smooth noise that wraps at the edges: a random coarse grid, smoothly interpolated with wrap-around."""
    coarse = rng.standard_normal((scale, scale))
    idx = np.arange(size) * scale / size
    i0 = np.floor(idx).astype(int) % scale
    i1 = (i0 + 1) % scale
    f = idx - np.floor(idx)
    f = f * f * (3 - 2 * f)  # smoothstep
    a = coarse[np.ix_(i0, i0)]
    b = coarse[np.ix_(i0, i1)]
    c = coarse[np.ix_(i1, i0)]
    d = coarse[np.ix_(i1, i1)]
    fy = f[:, None]
    fx = f[None, :]
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


def paper(seed: int = 1922) -> np.ndarray:
    """RGB array of a light, warm paper: low-contrast so text on it stays crisp on a projector."""
    rng = np.random.default_rng(seed)
    base = np.array([239, 228, 204], dtype=float)  # matches the theme's "paper" colour
    mottle = sum(_tileable_noise(rng, SIZE, s) / (i + 1) for i, s in enumerate((4, 8, 16, 32)))
    grain = rng.standard_normal((SIZE, SIZE)) * 0.6
    # fibres: short horizontal streaks from blurred sparse noise, wrapped
    sparse = (rng.random((SIZE, SIZE)) > 0.996).astype(float) * rng.uniform(-1, 1, (SIZE, SIZE))
    fibres = sum(np.roll(sparse, k, axis=1) for k in range(-6, 7)) * 1.6
    light = mottle * 2.2 + grain + fibres
    rgb = base[None, None, :] + light[:, :, None] * np.array([1.0, 0.95, 0.8])[None, None, :]
    return np.clip(rgb, 0, 255).astype(np.uint8)


def main() -> None:
    pygame.init()
    surf = pygame.surfarray.make_surface(paper().swapaxes(0, 1))
    out = HERE / "paper.png"
    pygame.image.save(surf, str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
