"""A countdown for one team's turn, on a clock the caller injects.

The window passes its own frame clock and tests pass a fake one, so expiry,
pausing and auto-pass are tested to the second without waiting and without
pygame. A timer is tied to a *key* (which sitting, which team): starting it
for the same key again keeps the time already spent, so reopening a form or
the console never hands a team a fresh allowance.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

Clock = Callable[[], float]


class TurnTimer:
    """Seconds left for the team at the keyboard; paused time does not count."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.key: Hashable | None = None
        self.limit: float = 0.0  # seconds; 0 = off
        self._started = 0.0
        self._spent = 0.0  # time counted before the last pause
        self._running = False

    @property
    def active(self) -> bool:
        return self.key is not None and self.limit > 0

    @property
    def running(self) -> bool:
        return self.active and self._running

    def start(self, key: Hashable, limit_seconds: float) -> None:
        """Time the turn `key`; the same key again keeps the time spent (a new limit applies to it)."""
        if key != self.key:
            self.key = key
            self._spent = 0.0
            self._running = False
        self.limit = max(0.0, float(limit_seconds))
        if not self._running:
            self._started = self.clock()
            self._running = True

    def stop(self) -> None:
        """No turn is being timed (the team moved, or no team is at the keyboard)."""
        self.key = None
        self._spent = 0.0
        self._running = False

    def pause(self) -> None:
        if self._running:
            self._spent += self.clock() - self._started
            self._running = False

    def resume(self) -> None:
        if self.key is not None and not self._running:
            self._started = self.clock()
            self._running = True

    def elapsed(self) -> float:
        return self._spent + (self.clock() - self._started if self._running else 0.0)

    def remaining(self) -> float | None:
        """Seconds left (never below 0), or None when no turn is timed."""
        if not self.active:
            return None
        return max(0.0, self.limit - self.elapsed())

    @property
    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0.0


def clock_text(seconds: float) -> str:
    """'4:05' for a countdown shown across the room (rounded up: 0:00 only when time is really up)."""
    whole = int(-(-max(0.0, seconds) // 1))
    return f"{whole // 60}:{whole % 60:02d}"
