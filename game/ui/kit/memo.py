"""One bounded memo for the window's measures and rendered text.

The screens redraw at 60 frames a second and measure, wrap and render the
same strings again at every frame; each such result is a pure function of
its key (fonts are never changed in place), so it is kept here, the most
recently used last, up to a size. Keys hold the objects themselves (fonts,
layouts), never their ids, so a freed object's id cannot be mistaken for it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """Up to `size` results by key; the least recently used goes first."""

    __slots__ = ("_items", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, make: Callable[[], V]) -> V:
        items = self._items
        value = items.get(key)
        if value is None:
            value = items[key] = make()
            if len(items) > self.size:
                items.popitem(last=False)
        else:
            items.move_to_end(key)
        return value

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
