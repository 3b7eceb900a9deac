"""An event's chance and window, made explicit: `per_sitting` says whether a failed draw is tried
again at the next sitting, `until` closes the window of dates the event may fire in."""

from __future__ import annotations

from engine_kit import MINI, all_human, end_sitting

EVENT = """
[[events]]
id = "rumour"
title = "A rumour"
when = { always = true }
chance = 0.3
{extra}

[[outcomes]]"""


def fired_at(cs, seed: int) -> list[int]:
    """Sitting numbers (1-based) at which the rumour fired in an all-pass game."""
    s = all_human(cs, seed)
    out = []
    while not s.ended:
        if any(e.kind.value == "event" and e.data["event"] == "rumour" and e.turn == s.turn + 1 for e in s.log):
            out.append(s.turn + 1)
        s = end_sitting(s)
    return out


def mini_with(compile_toml, extra: str, chance: float = 0.3):
    event = EVENT.replace("{extra}", extra).replace("chance = 0.3", f"chance = {chance}")
    return compile_toml(MINI.replace("\n[[outcomes]]", event, 1))


def test_one_draw_only_when_per_sitting_is_false(compile_toml):
    cs = mini_with(compile_toml, "per_sitting = false")
    firsts = [fired_at(cs, seed) for seed in range(40)]
    assert all(f in ([], [1]) for f in firsts)
    assert [1] in firsts and [] in firsts


def test_a_draw_at_every_sitting_when_per_sitting_is_true(compile_toml):
    cs = mini_with(compile_toml, "per_sitting = true")
    firsts = [fired_at(cs, seed) for seed in range(40)]
    assert all(len(f) <= 1 for f in firsts)  # no repeat: it fires once at most
    assert any(f and f[0] > 1 for f in firsts)  # a failed first draw was tried again later


def test_when_without_per_sitting_keeps_drawing_as_before(compile_toml):
    explicit = mini_with(compile_toml, "per_sitting = true")
    implicit = mini_with(compile_toml, "")
    assert [fired_at(implicit, seed) for seed in range(20)] == [fired_at(explicit, seed) for seed in range(20)]


def test_until_closes_the_window(compile_toml):
    cs = mini_with(compile_toml, 'repeat = true\ndate = "1920-01-02"\nuntil = "1920-01-03"', chance=1.0)
    assert fired_at(cs, 1) == [2, 3]
