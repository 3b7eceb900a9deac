"""Computers running different Plenipo versions are told so, in words, instead of waiting for a host that never answers."""

from __future__ import annotations

import json

import pytest
from common import LOOPBACK, run
from websockets.asyncio.server import ServerConnection, serve

from game.net import protocol as P
from game.net.client import Client, JoinError


def test_a_team_computer_joining_a_host_of_another_version_is_told_to_install_the_same_version() -> None:
    """The host answers the hello in a protocol this computer does not speak (as an older or newer Plenipo does):
    the join fails at once with the reason, not after its timeout with "the host closed the connection"."""
    said: list[dict[str, object]] = []

    async def older_host(ws: ServerConnection) -> None:
        said.append(json.loads(await ws.recv()))
        await ws.send(json.dumps({"type": "refused", "version": P.PROTOCOL_VERSION - 1, "reason": "version", "text": "?"}))
        await ws.wait_closed()

    async def main() -> JoinError:
        async with serve(older_host, LOOPBACK, 0) as server:
            port = server.sockets[0].getsockname()[1]
            client = Client(f"ws://{LOOPBACK}:{port}", "ABCDE")
            with pytest.raises(JoinError) as caught:
                await client.join(seat="germany", timeout=30.0)
            await client.close()
            return caught.value

    error = run(main(), timeout=20.0)
    assert said and said[0]["type"] == "hello" and said[0]["version"] == P.PROTOCOL_VERSION
    assert error.reason is P.Refusal.VERSION
    assert "another version of Plenipo" in str(error) and f"speaks {P.PROTOCOL_VERSION}" in str(error)


def test_a_host_refuses_a_hello_of_another_version_saying_why() -> None:
    with pytest.raises(P.ProtocolError) as caught:
        P.parse_client(json.dumps({"type": "hello", "version": P.PROTOCOL_VERSION + 1, "code": "ABCDE"}))
    assert caught.value.reason is P.Refusal.VERSION
    assert "install the same Plenipo" in str(caught.value)
