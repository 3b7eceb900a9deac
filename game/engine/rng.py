"""Seeded random streams: one seed, a named stream for every purpose.

Every random draw of a game comes from `numpy.random.Generator`s derived from
the game's seed key with `SeedSequence` spawn keys. A stream depends only on
(seed, sitting, purpose, delegation), never on how many draws came before, so
a human move cannot shift the AI's dice and replays are exact.
"""

from __future__ import annotations

import zlib

import numpy as np

SeedKey = tuple[int, ...]


def _code(label: str | int) -> int:
    return label if isinstance(label, int) else zlib.crc32(label.encode())


def stream(seed: SeedKey, *labels: str | int) -> np.random.Generator:
    entropy, *spawn = seed
    key = tuple(spawn) + tuple(_code(x) for x in labels)
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy, spawn_key=key)))
