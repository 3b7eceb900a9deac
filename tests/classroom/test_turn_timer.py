"""The turn timer and the lesson estimate on an injected clock: no waiting, no pygame."""

from __future__ import annotations

from game.classroom.planning import estimate_minutes, team_factor
from game.classroom.timer import TurnTimer, clock_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_counts_down_and_expires() -> None:
    c = FakeClock()
    t = TurnTimer(c)
    assert t.remaining() is None and not t.expired
    t.start((0, "soviet"), 120)
    c.now += 119.5
    assert t.remaining() == 0.5 and not t.expired
    c.now += 1
    assert t.expired and t.remaining() == 0.0


def test_pause_stops_the_clock() -> None:
    c = FakeClock()
    t = TurnTimer(c)
    t.start("k", 60)
    c.now += 20
    t.pause()
    c.now += 1000
    assert t.remaining() == 40
    t.resume()
    c.now += 30
    assert t.remaining() == 10


def test_same_turn_keeps_time_spent_new_turn_starts_afresh() -> None:
    c = FakeClock()
    t = TurnTimer(c)
    t.start("a", 60)
    c.now += 50
    t.start("a", 60)
    assert t.remaining() == 10
    t.start("b", 60)
    assert t.remaining() == 60
    t.stop()
    assert t.remaining() is None


def test_clock_text_rounds_up() -> None:
    assert clock_text(245) == "4:05"
    assert clock_text(0.2) == "0:01"
    assert clock_text(0) == "0:00"
    assert clock_text(-3) == "0:00"


def test_estimate_scales_with_teams() -> None:
    assert estimate_minutes(45, 2) == 45
    assert estimate_minutes(90, 4) == 110  # +10% per extra team, to 5 minutes
    assert estimate_minutes(45, 1) == 40 and estimate_minutes(45, 0) == 40  # never below 90%
    assert team_factor(3) == 1.1
    assert estimate_minutes(None, 3) is None
