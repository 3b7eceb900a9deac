"""A team's computer: connects to the host, claims a seat, keeps the newest view, sends moves, comes back after a drop.

The client trusts the host no more than the host trusts it: every message is
validated against the protocol's models and anything else is dropped and
logged. It keeps the seat token the host gave it; when the connection drops
(Wi-Fi, a host restarted with `--continue`) it reconnects with that token and
carries on from the host's newest view, so nothing a team has seen is lost.
Drafts stay on the team's computer until sent, so a drop loses no typing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from pydantic import BaseModel
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.net import protocol as P

log = logging.getLogger("plenipo.net.client")

RECONNECT_TRIES = 60  # about two minutes of trying before the team is told to call the teacher
RECONNECT_PAUSE = (0.2, 2.0)  # first and longest pause between tries, seconds


class JoinError(Exception):
    """The room refused this computer (wrong code, seat taken, ...) or cannot be reached; the text says which."""

    def __init__(self, text: str, reason: P.Refusal | None = None) -> None:
        super().__init__(text)
        self.reason = reason


def url_of(address: str, default_port: int) -> str:
    """`HOST[:PORT]` as typed by a teacher or team into a WebSocket address."""
    address = address.strip()
    if address.startswith(("ws://", "wss://")):
        return address
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit() or "]" in port:
        host, port = address, str(default_port)
    return f"ws://{host}:{port}"


class Client:
    def __init__(
        self, url: str, code: str, *, capture: bool = False, on_message: Callable[[P.HostMsg], None] | None = None, lang: str | None = None
    ) -> None:
        self.url = url
        self.code = code
        self.want_lang = lang  # the language this computer reads; the host words its views and answers in it
        self.seat: str | None = None
        self.token: str | None = None
        self.lang = "en"
        self.view: P.View | None = None
        self.lobby: P.Lobby | None = None
        self.delegations: tuple[P.PublicDelegation, ...] = ()  # names and seat drawings, from the welcome
        self.refusals: list[P.Refused] = []
        self.received: list[str] = []  # every raw message, when `capture` (the privacy test reads them)
        self.capture = capture
        self.on_message = on_message
        self.reconnects = 0
        self.last_done = 0  # the game's revision after this computer's last move: an older view is out of date
        self.closed = False
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._ref = 0
        self._waiting: dict[int, asyncio.Future[P.Done | P.Refused]] = {}
        self._changed = asyncio.Condition()
        self._hello: asyncio.Future[P.Welcome | P.Lobby | P.Refused] | None = None
        self._reconnecting: asyncio.Task[None] | None = None
        self._welcomed_on: ClientConnection | None = None
        self._view_on: ClientConnection | None = None  # the connection on which the seat was last granted

    # --- joining ---------------------------------------------------------------------------------------------------
    async def join(self, seat: str | None = None, token: str | None = None, timeout: float = 10.0) -> P.Welcome | P.Lobby:
        """Connect and say hello: with a seat to claim, a token to take one back, or neither (then the lobby comes back)."""
        if token is not None:
            self.token = token
        answer = await self._connect(seat, self.token, timeout)
        if isinstance(answer, P.Refused):
            await self.close()
            raise JoinError(answer.text, answer.reason)
        return answer

    async def claim(self, seat: str, timeout: float = 10.0) -> P.Welcome:
        loop = asyncio.get_running_loop()
        self._hello = loop.create_future()
        await self._send(P.Claim(type="claim", version=P.PROTOCOL_VERSION, seat=seat))
        answer = await asyncio.wait_for(self._hello, timeout)
        while isinstance(answer, P.Lobby):  # the lobby that follows a refusal has already been handled
            self._hello = loop.create_future()
            answer = await asyncio.wait_for(self._hello, timeout)
        if isinstance(answer, P.Refused):
            raise JoinError(answer.text, answer.reason)
        return answer

    async def _connect(self, seat: str | None, token: str | None, timeout: float) -> P.Welcome | P.Lobby | P.Refused:
        try:
            self._ws = await asyncio.wait_for(
                connect(self.url, max_size=P.MAX_HOST_BYTES, open_timeout=timeout, ping_interval=10, ping_timeout=10, compression=None), timeout
            )
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as e:
            raise JoinError(f"cannot reach the host at {self.url} ({e})") from None
        loop = asyncio.get_running_loop()
        self._hello = loop.create_future()
        self._reader = asyncio.create_task(self._read(self._ws))
        await self._send(
            P.Hello(type="hello", version=P.PROTOCOL_VERSION, code=self.code, seat=None if token else seat, token=token, lang=self.want_lang)
        )
        answer = await asyncio.wait_for(self._hello, timeout)
        if isinstance(answer, P.Refused) and answer.reason is P.Refusal.BAD_TOKEN and seat is not None:
            self.token = None  # the teacher freed the seat: claim it afresh if it is still free
            return await self.claim(seat, timeout)
        return answer

    # --- moving ------------------------------------------------------------------------------------------------------
    async def act(self, move: P.Move, timeout: float = 30.0) -> P.Done | P.Refused:
        """Send a move for this seat; the host's answer: Done with the confirmation line, or Refused with why."""
        self._ref += 1
        ref = self._ref
        fut: asyncio.Future[P.Done | P.Refused] = asyncio.get_running_loop().create_future()
        self._waiting[ref] = fut
        try:
            await self._send(P.Act(type="act", version=P.PROTOCOL_VERSION, ref=ref, move=move))
            return await asyncio.wait_for(fut, timeout)
        finally:
            self._waiting.pop(ref, None)

    async def wait_for(self, test: Callable[[P.View], bool], timeout: float = 30.0) -> P.View:
        """The newest view once `test` holds for it (a turn, the outcome, ...); TimeoutError after `timeout` seconds.

        Views older than this computer's last move are skipped: they cannot yet show what the move changed."""

        async def until() -> P.View:
            async with self._changed:
                while self.view is None or self.view.revision < self.last_done or not test(self.view):
                    await self._changed.wait()
                return self.view

        return await asyncio.wait_for(until(), timeout)

    async def wait_seated(self, timeout: float = 30.0) -> None:
        """Until this computer is connected, holds its seat again (after a drop or a host restart) and has the newest view."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while not (self.connected and self.seat is not None and self._welcomed_on is self._ws and self._view_on is self._ws):
            if loop.time() > end:
                raise TimeoutError("not back in the seat")
            await asyncio.sleep(0.05)

    async def send_raw(self, text: str | bytes) -> None:
        """Send anything at all (only the hostile-message tests do this)."""
        assert self._ws is not None
        await self._ws.send(text)

    async def _send(self, msg: BaseModel) -> None:
        if self._ws is None:
            raise JoinError("not connected")
        try:
            await self._ws.send(P.encode(msg))
        except ConnectionClosed:
            raise JoinError("the connection dropped; reconnecting") from None

    # --- receiving -----------------------------------------------------------------------------------------------------
    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                if self.capture:
                    self.received.append(raw if isinstance(raw, str) else raw.decode("utf-8", "replace"))
                try:
                    msg = P.parse_host(raw)
                except P.ProtocolError as e:
                    if e.reason is P.Refusal.VERSION and self._hello is not None and not self._hello.done():
                        # a host of another version answers the hello in words this computer cannot read:
                        # say that, not "the host closed the connection" when it gives up on us
                        self._hello.set_exception(JoinError(str(e), P.Refusal.VERSION))
                    log.warning("dropped a message from the host: %s", e)
                    continue
                await self._take(msg)
        except ConnectionClosed:
            pass
        finally:
            if self._hello is not None and not self._hello.done():
                self._hello.set_exception(JoinError("the host closed the connection"))
                self._hello.exception()  # retrieved here: nobody may be waiting for it any more
            for fut in self._waiting.values():  # a move in flight: the newest view after reconnecting tells whether it counted
                if not fut.done():
                    fut.set_exception(JoinError("the connection dropped before the host answered"))
        if not self.closed and self.token is not None and self._ws is ws:
            self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _take(self, msg: P.Lobby | P.Welcome | P.Refused | P.Done | P.Pong | P.View) -> None:
        if self.on_message is not None:
            self.on_message(msg)
        if isinstance(msg, P.View):
            if self.view is None or msg.revision >= self.view.revision or msg.seat != self.view.seat:
                async with self._changed:
                    self.view = msg
                    self._view_on = self._ws
                    self._changed.notify_all()
        elif isinstance(msg, P.Welcome):
            self.seat, self.token, self.lang = msg.seat, msg.token, msg.lang
            self._welcomed_on = self._ws
            self.delegations = msg.delegations
            self._resolve_hello(msg)
        elif isinstance(msg, P.Lobby):
            self.lobby, self.lang = msg, msg.lang
            self._resolve_hello(msg)
        elif isinstance(msg, P.Done):
            self.last_done = max(self.last_done, msg.revision)
            fut = self._waiting.get(msg.ref)
            if fut is not None and not fut.done():
                fut.set_result(msg)
        elif isinstance(msg, P.Refused):
            self.refusals.append(msg)
            if msg.reason is P.Refusal.SEAT_FREED:
                self.seat = self.token = None
            fut = self._waiting.get(msg.ref) if msg.ref is not None else None
            if fut is not None and not fut.done():
                fut.set_result(msg)
            else:
                self._resolve_hello(msg)

    def _resolve_hello(self, msg: P.Welcome | P.Lobby | P.Refused) -> None:
        if self._hello is not None and not self._hello.done():
            self._hello.set_result(msg)

    async def _reconnect(self) -> None:
        """Back into the seat with the token after a drop, trying for a while (the host may be restarting)."""
        pause = RECONNECT_PAUSE[0]
        for _ in range(RECONNECT_TRIES):
            if self.closed or self.token is None:
                return
            await asyncio.sleep(pause)
            try:
                answer = await self._connect(self.seat, self.token, timeout=5.0)
            except (JoinError, TimeoutError, OSError, ConnectionClosed):
                pause = min(RECONNECT_PAUSE[1], pause * 1.6)
                continue
            if isinstance(answer, P.Welcome):
                self.reconnects += 1
                log.info("back in the seat of %s", answer.seat)
                return
            if isinstance(answer, P.Refused) and answer.reason is P.Refusal.SEAT_TAKEN:
                pause = min(RECONNECT_PAUSE[1], pause * 1.6)  # the host has not yet noticed the old connection is gone
                continue
            return  # the seat was freed or the room changed: the team must choose again

    @property
    def connected(self) -> bool:
        return self._ws is not None and self._ws.state.name == "OPEN"

    async def drop(self) -> None:
        """Cut the connection as a Wi-Fi drop would (the client will reconnect by itself)."""
        if self._ws is not None:
            self._ws.transport.abort()

    async def close(self) -> None:
        self.closed = True
        if self._reconnecting is not None and not self._reconnecting.done():
            self._reconnecting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reconnecting
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._reader is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(self._reader, 2.0)
