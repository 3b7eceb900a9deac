"""Hostile and broken messages are refused, logged and forgotten; the game and the honest computers carry on.

Each kind is sent on 127.0.0.1 to a host whose Germany and Soviet seats are
held by honest clients. After each, the game must be exactly as before, and
at the end the honest Germany still makes its move.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from game.i18n import Translator
from game.net import host as H
from game.net import protocol as P
from game.net.client import Client, JoinError
from game.net.seat import word_refusal
from tests.net.common import new_session, run, start_host

V = P.PROTOCOL_VERSION


def hello(code: str, **more: object) -> str:
    return json.dumps({"type": "hello", "version": V, "code": code, **more})


def act(actor: str, ref: int = 1, **move: object) -> str:
    return json.dumps({"type": "act", "version": V, "ref": ref, "move": {"kind": "pass", "actor": actor, **move}})


async def answers(ws: ClientConnection, limit: float = 2.0, until: tuple[str, ...] = ()) -> list[dict[str, object]]:
    """Everything the host says until it is quiet for a moment or hangs up (bounded by count and time),
    or up to the first message whose type is in `until` (the answer awaited: no need to wait for quiet)."""
    out: list[dict[str, object]] = []
    for _ in range(200):
        try:
            raw = await asyncio.wait_for(ws.recv(), 0.3 if out else limit)
        except (TimeoutError, ConnectionClosed):
            break
        out.append(json.loads(raw))
        if out[-1].get("type") in until:
            break
    return out


def refusals(msgs: list[dict[str, object]]) -> list[str]:
    return [str(m["reason"]) for m in msgs if m.get("type") == "refused"]


async def raw(url: str, *messages: str | bytes, greet: str | None = None) -> list[str]:
    async with connect(url, max_size=None) as ws:
        if greet is not None:
            await ws.send(greet)
            await answers(ws, until=("lobby", "welcome", "refused"))  # the host has read the greeting
        for m in messages:
            await ws.send(m)
        return refusals(await answers(ws, until=("refused",)))  # the first refusal must be the expected one


def deep(n: int) -> str:
    return "[" * n + "]" * n


#: name -> probe(url, room code, Germany's token) giving the refusal reasons the host sent back
CASES: dict[str, Callable[[str, str, str], Awaitable[list[str]]]] = {
    "not JSON": lambda url, code, tok: raw(url, "{this is not json"),
    "binary garbage": lambda url, code, tok: raw(url, b"\xff\xfe\x00garbage"),
    "a JSON list": lambda url, code, tok: raw(url, "[1, 2, 3]"),
    "nested a million deep": lambda url, code, tok: raw(url, deep(5000)),
    "another version": lambda url, code, tok: raw(url, json.dumps({"type": "hello", "version": 99, "code": code})),
    "no version": lambda url, code, tok: raw(url, json.dumps({"type": "hello", "code": code})),
    "unknown type": lambda url, code, tok: raw(url, json.dumps({"type": "take_over", "version": V})),
    "unknown field": lambda url, code, tok: raw(url, hello(code, seat="belgium", admin=True)),
    "wrong field type": lambda url, code, tok: raw(url, json.dumps({"type": "act", "version": V, "ref": "1", "move": {}}), greet=hello(code)),
    "a move before hello": lambda url, code, tok: raw(url, act("germany")),
    "wrong room code": lambda url, code, tok: raw(url, hello("AAAAA", seat="germany")),
    "a seat that does not exist": lambda url, code, tok: raw(url, hello(code, seat="atlantis")),
    "an AI delegation's seat": lambda url, code, tok: raw(url, hello(code, seat="britain")),
    "a second claim of a held seat": lambda url, code, tok: raw(url, hello(code, seat="germany")),
    "a made-up token": lambda url, code, tok: raw(url, hello(code, token="x" * 24)),
    "a copied token while its computer is on": lambda url, code, tok: raw(url, hello(code, token=tok)),
    "a move without a seat": lambda url, code, tok: raw(url, act("germany"), greet=hello(code)),
    "a message over the size limit": lambda url, code, tok: raw(url, hello(code, seat="x" * (P.MAX_CLIENT_BYTES + 10))),
    "a statement too long": lambda url, code, tok: raw(
        url,
        json.dumps({"type": "act", "version": V, "ref": 1, "move": {"kind": "statement", "actor": "germany", "text": "x" * 501}}),
        greet=hello(code),
    ),
    "a negative proposal number": lambda url, code, tok: raw(
        url,
        json.dumps({"type": "act", "version": V, "ref": 1, "move": {"kind": "respond", "actor": "germany", "proposal": -3, "answer": "accept"}}),
        greet=hello(code),
    ),
    "a second hello": lambda url, code, tok: raw(url, hello(code), greet=hello(code)),
}

EXPECTED = {
    "not JSON": "malformed",
    "binary garbage": "malformed",
    "a JSON list": "malformed",
    "nested a million deep": "malformed",
    "another version": "version",
    "no version": "version",
    "unknown type": "malformed",
    "unknown field": "malformed",
    "wrong field type": "malformed",
    "a move before hello": "malformed",
    "wrong room code": "wrong_code",
    "a seat that does not exist": "no_such_seat",
    "an AI delegation's seat": "no_such_seat",
    "a second claim of a held seat": "seat_taken",
    "a made-up token": "bad_token",
    "a copied token while its computer is on": "seat_taken",
    "a move without a seat": "not_seated",
    "a message over the size limit": "too_big",
    "a statement too long": "malformed",
    "a negative proposal number": "malformed",
    "a second hello": "already_seated",
}


def test_hostile_messages_are_refused_and_change_nothing(tmp_path: Path) -> None:
    assert len(CASES) >= 20

    async def main() -> None:
        host = await start_host(new_session(), tmp_path)
        url = f"ws://127.0.0.1:{host.port}"
        germany, soviet = Client(url, host.code), Client(url, host.code)
        try:
            await germany.join(seat="germany")
            await soviet.join(seat="soviet")
            assert germany.token is not None
            before = (list(host.session.actions), host.session.state.fingerprint())
            for name, case in CASES.items():
                seen = await case(url, host.code, germany.token)
                assert EXPECTED[name] in seen, f"{name}: refused as {seen}"
                assert (list(host.session.actions), host.session.state.fingerprint()) == before, name
            # the honest seats still hold, and their computers were never disturbed
            assert host.seats["germany"].conn is not None and host.seats["soviet"].conn is not None
            assert germany.connected and soviet.connected and not germany.refusals
            assert len(host.incidents) >= len(CASES)
            await acting_for_another_seat_and_out_of_turn(host, germany, soviet)
        finally:
            await germany.close()
            await soviet.close()
            await host.stop()

    run(main(), timeout=120)


async def acting_for_another_seat_and_out_of_turn(host: H.Host, germany: Client, soviet: Client) -> None:
    """A seated computer may move only for its own seat, only on its turn, and only as the rules allow."""
    actor = host.session.state.actor_id
    mover, idle = (germany, soviet) if actor == "germany" else (soviet, germany)
    assert mover.seat is not None and idle.seat is not None
    before = list(host.session.actions)
    r = await idle.act(P.PassMove(kind="pass", actor=mover.seat))
    assert isinstance(r, P.Refused) and r.reason is P.Refusal.NOT_YOUR_SEAT
    r = await idle.act(P.PassMove(kind="pass", actor=idle.seat))
    assert isinstance(r, P.Refused) and r.reason is P.Refusal.NOT_YOUR_TURN
    r = await mover.act(P.RespondMove(kind="respond", actor=mover.seat, proposal=999, answer="accept"))
    assert isinstance(r, P.Refused) and r.reason is P.Refusal.ILLEGAL and r.text  # the rules' own words
    # ... as data: the team's computer words the engine's reason in its own language
    assert r.rule == "NO_PROPOSAL" and ("proposal", 999) in r.params
    lt = Translator("lt")
    assert word_refusal(r, mover.view, lt) == lt.t("there is no proposal {proposal}", proposal=999) != r.text
    assert host.session.actions == before
    r = await mover.act(P.StatementMove(kind="statement", actor=mover.seat, text="We are still here."))
    assert isinstance(r, P.Done) and r.text == "Your statement was made to the conference."
    # the statement is in the log (the AI seats may have moved after it, ending the turn)
    assert any(e.actor == mover.seat and e.data.get("text") == "We are still here." for e in host.session.state.log)
    assert len(host.session.actions) > len(before)


def test_an_enormous_message_or_a_flood_ends_only_that_connection(tmp_path: Path) -> None:
    async def main() -> None:
        host = await start_host(new_session(), tmp_path)
        url = f"ws://127.0.0.1:{host.port}"
        honest = Client(url, host.code)
        try:
            await honest.join(seat="germany")
            async with connect(url, max_size=None) as ws:
                await ws.send("x" * (4 * P.MAX_CLIENT_BYTES + 1))
                await asyncio.wait_for(ws.wait_closed(), 5)
                assert ws.close_code == 1009  # the library hangs up on it before the host reads it
            async with connect(url, max_size=None) as ws:
                await ws.send(hello(host.code))
                with pytest.raises(ConnectionClosed):
                    for _ in range(H.FLOOD_CLOSE + int(H.BURST) + 50):
                        await ws.send(json.dumps({"type": "ping", "version": V}))
                    await asyncio.wait_for(_drain(ws), 5)
                assert ws.close_code == 1008  # the host hung up on the flood
            assert any(i.reason is P.Refusal.FLOOD for i in host.incidents)
            assert any(i.reason is P.Refusal.TOO_BIG for i in host.incidents)
            assert honest.connected and host.seats["germany"].conn is not None
        finally:
            await honest.close()
            await host.stop()

    run(main(), timeout=60)


async def _drain(ws: ClientConnection) -> None:
    for _ in range(10_000):
        await ws.recv()


def test_guessing_room_codes_is_stopped_after_a_few_tries(tmp_path: Path) -> None:
    async def main() -> None:
        host = await start_host(new_session(), tmp_path)
        url = f"ws://127.0.0.1:{host.port}"
        try:
            seen: list[str] = []
            for k in range(H.WRONG_CODES + 1):
                seen += await raw(url, hello("KKKK" + "ACEFHJKMNPRTWXY"[k]))
            assert seen.count("wrong_code") >= H.WRONG_CODES - 1
            assert "too_many_tries" in seen
            # even the right code is refused from that computer for a while
            assert "too_many_tries" in await raw(url, hello(host.code, seat="germany"))
            assert host.seats["germany"].token is None
        finally:
            await host.stop()

    run(main(), timeout=60)


def test_a_freed_seat_s_old_token_no_longer_works_and_the_seat_can_be_claimed_again(tmp_path: Path) -> None:
    async def main() -> None:
        host = await start_host(new_session(), tmp_path)
        url = f"ws://127.0.0.1:{host.port}"
        first, second = Client(url, host.code), Client(url, host.code)
        try:
            await first.join(seat="soviet")
            token = first.token
            assert token is not None
            assert host.free_seat("soviet") is None
            for _ in range(50):  # the refusal reaches the first computer within moments
                if first.refusals:
                    break
                await asyncio.sleep(0.05)
            assert any(r.reason is P.Refusal.SEAT_FREED for r in first.refusals)
            assert "bad_token" in await raw(url, hello(host.code, token=token))
            welcome = await second.join(seat="soviet")
            assert isinstance(welcome, P.Welcome) and welcome.token != token
            with pytest.raises(JoinError):
                await Client(url, host.code).join(seat="soviet")
        finally:
            await first.close()
            await second.close()
            await host.stop()

    run(main(), timeout=60)
