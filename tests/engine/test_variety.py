"""Designer-declared variety: stance jitter, trust jitter and event date windows, drawn from the seed."""

from __future__ import annotations

import datetime as dt

from engine_kit import MINI, compile_text

from game.engine.rules import new_game

VARIED = MINI.replace(
    """relations = { beta = 50, gamma = 50 }
stances.land = { values = { a = 100, b = 50, c = 0 } }""",
    """relations = { beta = 50, gamma = 50 }
relations_jitter = 10
stances.land = { values = { a = 80, b = 50, c = 20 }, jitter = 10 }""",
).replace(
    '''[[events]]
id = "quarrel"''',
    '''[[events]]
id = "thaw"
title = "A thaw"
date = "1920-01-03"
window = 1

[[events]]
id = "quarrel"''',
)


def test_each_seed_draws_its_own_values_within_the_declared_ranges(tmp_path) -> None:
    cs = compile_text(tmp_path, VARIED)
    a, b, land = cs.d_index["alpha"], cs.d_index["beta"], cs.i_index["land"]
    thaw = [e.id for e in cs.scenario.events].index("thaw")
    games = [new_game(cs, seed) for seed in range(30)]
    trust = {float(g.relations[a, b]) for g in games}
    values = {float(g.stances.values[a, cs.option_offset[land]]) for g in games}
    dates = {g.event_dates[thaw] for g in games}
    assert len(trust) > 20 and all(40 <= x <= 60 for x in trust)
    assert len(values) > 20 and all(70 <= x <= 90 for x in values)
    assert dates == {dt.date(1920, 1, 2), dt.date(1920, 1, 3), dt.date(1920, 1, 4)}
    assert new_game(cs, 7).fingerprint() == new_game(cs, 7).fingerprint()  # the same seed, the same draws


def test_a_scenario_without_ranges_plays_as_written(tmp_path) -> None:
    cs = compile_text(tmp_path, MINI)
    g = new_game(cs, 3)
    assert g.event_dates == () and g.stances is cs.stances and g.relations is cs.relations
