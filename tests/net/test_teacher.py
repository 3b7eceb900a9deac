"""The teacher's side of a networked lesson: the turn clock, pausing, and a seat handed to the AI."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.engine import actions as A
from game.net import protocol as P
from game.net.client import Client
from tests.net.common import new_session, run, start_host


def test_a_team_whose_computer_is_gone_is_passed_when_its_time_runs_out(tmp_path: Path) -> None:
    async def main() -> None:
        host = await start_host(new_session(minutes=0.01, auto_pass=True), tmp_path)  # 0.6 s a turn
        try:
            first = host.session.state.actor_id
            assert first in ("germany", "soviet") and host.session.waiting_for_human
            view = host.view_for(first)
            assert view.clock.limit == 0.6 and view.your_turn
            for _ in range(200):  # nobody is connected: the clock alone moves the game on
                if any(isinstance(a, A.Pass) and a.actor == first for a in host.session.actions):
                    break
                await asyncio.sleep(0.05)
            assert any(isinstance(a, A.Pass) and a.actor == first for a in host.session.actions)
            assert any(j.kind == "time_up" and j.delegation == first for j in host.session.journal)
        finally:
            await host.stop()

    run(main(), timeout=60)


def test_paused_nobody_moves_and_the_clock_says_so(tmp_path: Path) -> None:
    async def main() -> None:
        host = await start_host(new_session(), tmp_path)
        url = f"ws://127.0.0.1:{host.port}"
        seat = host.session.state.actor_id
        assert seat is not None
        client = Client(url, host.code)
        try:
            await client.join(seat=seat)
            host.pause(True)
            view = await client.wait_for(lambda v: v.clock.paused, 10)
            assert view.your_turn
            r = await client.act(P.PassMove(kind="pass", actor=seat))
            assert isinstance(r, P.Refused) and "paused" in r.text
            host.pause(False)
            await client.wait_for(lambda v: not v.clock.paused, 10)
            r = await client.act(P.PassMove(kind="pass", actor=seat))
            assert isinstance(r, P.Done)
            assert [j.kind for j in host.session.journal][:2] == ["pause", "resume"]
        finally:
            await client.close()
            await host.stop()

    run(main(), timeout=60)


def test_a_seat_given_to_the_ai_closes_and_the_ai_plays_it(tmp_path: Path) -> None:
    async def main() -> None:
        host = await start_host(new_session(), tmp_path)
        url = f"ws://127.0.0.1:{host.port}"
        germany = Client(url, host.code)
        try:
            await germany.join(seat="germany")
            assert host.to_ai("germany") is None
            for _ in range(100):
                if germany.seat is None:
                    break
                await asyncio.sleep(0.05)
            assert germany.seat is None and any(r.reason is P.Refusal.SEAT_FREED for r in germany.refusals)
            assert "germany" not in host.seats
            assert host.session.cs.d_index["germany"] not in host.session.state.humans
            # only Soviet Russia is a team now: the game waits for nobody else
            assert host.session.state.ended or host.session.state.actor_id == "soviet"
            assert [s.id for s in host.lobby().seats] == ["soviet"]
        finally:
            await germany.close()
            await host.stop()

    run(main(), timeout=60)
