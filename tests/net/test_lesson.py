"""A whole Genoa lesson over the network on 127.0.0.1: a host, Germany's and Soviet Russia's computers.

Mid-game the Soviet computer's connection drops (it comes back by itself),
Germany's computer is killed (a new one takes the seat back with the token),
and the host is stopped and restarted from its autosave the way
`plenipo host --continue` does. The game must end with the very log the same
choices give on one computer, and no team may ever have received another's
private text.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from game.engine import actions as A
from game.net import protocol as P
from game.net.client import Client, JoinError
from game.net.host import Host, read_network
from game.play.saves import load_save
from tests.net.common import MAX_MOVES, SECRET, TEAMS, choose, log_json, new_session, play_locally, run, start_host


class Lesson:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.host: Host | None = None
        self.port = 0
        self.clients: dict[str, Client] = {}
        self.retired: list[Client] = []  # killed computers: what they received still counts for privacy
        self.restarts = 0

    async def restart_host(self) -> None:
        """Stop the host as a crash would leave it (autosave and network file on disk) and resume from them."""
        assert self.host is not None
        await self.host.stop()
        loaded = load_save(self.home / "autosave.json")
        code, tokens = read_network(self.home / "network.json")
        assert code == self.host.code and set(tokens) == set(TEAMS)
        self.host = await start_host(loaded.session, self.home, self.port, code, tokens)
        self.restarts += 1

    async def team(self, seat: str) -> int:
        """Play one seat until the conference ends; returns the number of turns it played."""
        count = 0
        last = 0  # the game's revision after this team's last move: older views are not a new turn
        for _ in range(MAX_MOVES):
            client = self.clients[seat]
            try:
                view = await client.wait_for(lambda v, last=last: v.conference.ended or (v.your_turn and v.revision >= last), 60)
            except TimeoutError:
                raise AssertionError(f"{seat} waited a minute for its turn") from None
            if view.conference.ended:
                return count
            if seat == "soviet" and count == 2 and client.reconnects == 0:
                await client.drop()  # Wi-Fi drops just as the team sits down; the client comes back by itself
                await client.wait_for(lambda v, c=client: c.reconnects > 0 and v.your_turn, 30)
                continue
            if seat == "germany" and count == 2 and not self.retired:
                token = client.token
                await client.close()  # the computer is switched off; another one takes the seat back with the token
                self.retired.append(client)
                fresh = Client(client.url, client.code, capture=True)
                await fresh.join(token=token)
                self.clients[seat] = fresh
                continue
            if seat == "germany" and count == 4 and self.restarts == 0:
                await self.restart_host()
                await client.wait_seated()  # the client finds the restarted host by itself
                continue
            try:
                for move in choose(view, count):
                    answer = await client.act(move)
                    assert isinstance(answer, P.Done), (seat, count, answer)
                    assert answer.text, "a move is confirmed in words"
                    last = answer.revision
            except JoinError:
                await client.wait_seated()  # dropped before the host answered: once back, the newest view says what counted
                continue
            count += 1
        raise AssertionError(f"{seat} played {MAX_MOVES} turns and the conference did not end")


def test_a_networked_lesson_with_a_drop_a_kill_and_a_host_restart_ends_as_on_one_computer(tmp_path: Path) -> None:
    lesson = Lesson(tmp_path)

    async def main() -> None:
        lesson.host = await start_host(new_session(), tmp_path)
        lesson.port = lesson.host.port
        url = f"ws://127.0.0.1:{lesson.port}"
        try:
            for seat in TEAMS:
                client = Client(url, lesson.host.code, capture=True)
                welcome = await client.join(seat=seat)
                assert isinstance(welcome, P.Welcome) and welcome.seat == seat
                lesson.clients[seat] = client
            turns = await asyncio.gather(*(lesson.team(seat) for seat in TEAMS))
            assert all(t >= 3 for t in turns), turns
        finally:
            for client in lesson.clients.values():
                await client.close()
            if lesson.host is not None:
                await lesson.host.stop()

    run(main(), timeout=240)
    assert lesson.restarts == 1 and lesson.retired
    assert lesson.clients["soviet"].reconnects == 2  # after its Wi-Fi drop and after the host restart
    assert lesson.clients["germany"].reconnects == 1  # the new computer, after the host restart
    assert lesson.host is not None
    networked = lesson.host.session
    assert networked.state.ended
    local = play_locally()
    assert [type(a).__name__ for a in networked.actions] == [type(a).__name__ for a in local.actions]
    assert networked.actions == local.actions
    assert log_json(networked) == log_json(local)
    # the teams said what would change their refusals (`choose`: a refusal, then what it asks for), and the host kept it
    assert any(isinstance(a, A.Respond) and a.want is not None for a in networked.actions)
    assert any(e.data.get("want") and e.data.get("amends") for e in networked.state.log)
    # the autosave on disk is the finished game too
    assert load_save(tmp_path / "autosave.json").session.state.fingerprint() == networked.state.fingerprint()

    # privacy: before the end, no computer received another delegation's private text
    session = networked
    cs = session.cs
    from game.i18n import Translator
    from game.scenario.texts import tr
    from game.views.conference import narrator

    n = narrator(session, Translator("en"))
    for seat, clients in (("germany", [*lesson.retired, lesson.clients["germany"]]), ("soviet", [lesson.clients["soviet"]])):
        other = next(t for t in TEAMS if t != seat)
        forbidden = set()
        for d in cs.scenario.delegations:
            if d.id == seat:
                continue
            b = d.briefing
            forbidden |= {tr(x, "en") for x in (b.aims, b.red_lines, b.secret, b.fears)}
        for e in session.state.log:
            if e.audience is not None and not e.visible_to(seat, False):
                forbidden.add(n.sentence(e))
        forbidden = {f for f in forbidden if len(f) > 12}
        assert forbidden, "the test must look for something"
        seen = 0
        for client in clients:
            for raw in client.received:
                data = json.loads(raw)
                if data.get("type") == "view" and data["conference"]["ended"]:
                    continue  # after the end the record is public
                seen += 1
                words = "\n".join(strings(data))
                assert f"{SECRET}{other}" not in words, f"{seat} received {other}'s rationale"
                for text in forbidden:
                    assert text not in words, f"{seat} received private text: {text[:80]!r}"
        assert seen > 10


def strings(data: object) -> list[str]:
    """Every text in a decoded message, wherever it sits."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []
