"""No limit on issues or options: a 20 x 20 conference plays to its end."""

from __future__ import annotations

import random
from pathlib import Path

from engine_kit import compile_text

from game.ai.driver import play_game


def big_scenario(n_issues: int, n_options: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    lines = [
        'id = "big"',
        "format = 1",
        "",
        "[meta]",
        'title = "Big"',
        "",
        "[calendar]",
        "sittings = [" + ", ".join(f'"1920-01-{d:02d}"' for d in range(1, 9)) + "]",
        "",
    ]
    for i in range(n_issues):
        opts = ", ".join(f'{{ id = "o{o}", label = "O{o}" }}' for o in range(n_options))
        lines += ["[[issues]]", f'id = "i{i}"', f'title = "Issue {i}"', f"options = [{opts}]", ""]
    for name in ("alpha", "beta", "gamma"):
        lines += ["[[delegations]]", f'id = "{name}"', f'name = "{name.title()}"']
        for i in range(n_issues):
            values = ", ".join(f"o{o} = {rnd.randint(0, 100)}" for o in range(n_options))
            lines.append(f"stances.i{i} = {{ weight = {rnd.randint(1, 5)}, values = {{ {values} }} }}")
        lines.append("")
    scope = ", ".join(f'"i{i}"' for i in range(n_issues))
    lines += [
        "[[instruments]]",
        'id = "all"',
        'title = "Everything"',
        'parties = ["alpha", "beta", "gamma"]',
        f"scope = [{scope}]",
        "ends_conference = true",
        "",
        "[[instruments]]",
        'id = "half"',
        'title = "Half"',
        'parties = ["alpha", "beta"]',
        f"scope = [{', '.join(f'{chr(34)}i{i}{chr(34)}' for i in range(n_issues // 2))}]",
        "",
        "[[outcomes]]",
        'id = "all"',
        'title = "All"',
        'when = { signed = "all" }',
        "",
        "[[outcomes]]",
        'id = "none"',
        'title = "None"',
        "when = { always = true }",
        "",
    ]
    return "\n".join(lines)


def test_twenty_issues_of_twenty_options_play(tmp_path: Path) -> None:
    cs = compile_text(tmp_path, big_scenario(20, 20), "big.toml")
    assert max(cs.n_options) == 20 and cs.n_issues == 20
    for seed in range(2):
        s = play_game(cs, seed)
        assert s.ended and s.outcome is not None
        kinds = {e.kind.value for e in s.log}
        assert "proposal" in kinds and "answer" in kinds


def test_the_deal_for_all_measure_searches_a_large_package_space(tmp_path: Path) -> None:
    """20 issues x 20 options cannot be listed: the batch's measure searches them, and a package
    it reports is one every party's own rule accepts."""
    from game.ai.negotiator import Negotiator
    from game.analysis.ai_measures import DealWatch

    cs = compile_text(tmp_path, big_scenario(20, 20), "big.toml")
    k = cs.inst_index["all"]
    seen: list[tuple[int, ...]] = []

    class Check(DealWatch):
        def deal_for_all(self, s, k2, proposer):  # type: ignore[no-untyped-def]
            pkg = super().deal_for_all(s, k2, proposer)
            if pkg is not None:
                ai = Negotiator()
                for j in s.active_parties(k2):
                    value = ai.memory(s).stakes(s, j, k2).value(pkg)
                    assert ai.rule(s, j, k2, proposer).decide(value).accept
                seen.append(pkg)
            return pkg

    watch = Check()
    s = play_game(cs, 0, observe=watch)
    assert s.ended
    assert k in watch.found or not s.is_signed(k)
