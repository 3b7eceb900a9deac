"""The teacher's computer: the one authoritative game behind a WebSocket server on the classroom network.

The host owns the session (one state, one log, an autosave after every
change) and is the only one that decides order, time and AI moves. Team
computers claim a seat once (a seat is a team's delegation), get a token to
take the seat back after a drop, and send moves; the host checks that a
move is for the seat the computer holds and then lets the engine judge it.
Anything else a computer sends (not JSON, another version, too big, too
fast, a wrong room code, someone else's seat or token) is refused, logged
and forgotten: one bad computer never stops the lesson.

Everything runs on one asyncio loop, so moves, AI turns, the turn clock and
the teacher's commands never interleave.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from game.classroom.console import Classroom, classroom_for
from game.engine import actions as A
from game.engine.refusals import Refusal, describe
from game.engine.rules import check
from game.i18n import Translator, available_languages
from game.net import protocol as P
from game.net.views import build_view
from game.play.saves import save, saves_dir, write_atomic
from game.play.session import Session
from game.scenario.texts import tr
from game.views.codes import short_codes
from game.views.conference import narrator
from game.views.confirm import confirmation

log = logging.getLogger("plenipo.net")

RATE = 20.0  # messages per second a computer may send on average
BURST = 40.0  # ... and at once
FLOOD_CLOSE = 200  # messages dropped for flooding before the host hangs up
MALFORMED_CLOSE = 50  # refused messages before the host hangs up
WRONG_CODES = 10  # wrong room codes one address may try before it is refused for a while
WRONG_CODE_PAUSE = 60.0
HELLO_WAIT = 20.0  # seconds a new connection has to say hello
MAX_CONNECTIONS = 64
OUTBOX = 32  # messages waiting for a slow computer before the host hangs up on it
TICK = 0.25


def room_code(rng: secrets.SystemRandom | None = None) -> str:
    """A fresh room code: five letters that are easy to read aloud and from the back row."""
    r = rng or secrets.SystemRandom()
    return "".join(r.choice(P.CODE_LETTERS) for _ in range(P.CODE_LENGTH))


def network_path() -> Path:
    """Beside the autosave: the room code and seat tokens, so `plenipo host --continue` lets teams back in."""
    return saves_dir() / "network.json"


def read_network(path: Path) -> tuple[str | None, dict[str, str]]:
    """The room code and seat tokens saved beside the autosave (none if the file is missing or damaged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, {}
    code = data.get("code") if isinstance(data, dict) else None
    seats = data.get("seats") if isinstance(data, dict) else None
    if not isinstance(code, str) or len(code) != P.CODE_LENGTH or any(c not in P.CODE_LETTERS for c in code):
        code = None
    tokens = {d: t for d, t in seats.items() if isinstance(d, str) and isinstance(t, str)} if isinstance(seats, dict) else {}
    return code, tokens


@dataclass(eq=False)
class Conn:
    """One connected computer."""

    ws: ServerConnection
    addr: str
    number: int
    seat: str | None = None
    tokens: float = BURST
    last: float = field(default_factory=time.monotonic)
    dropped: int = 0
    refused: int = 0
    greeted: bool = False
    lang: str | None = None  # the language this computer reads (None: the host's)
    outbox: asyncio.Queue[str | None] = field(default_factory=lambda: asyncio.Queue(OUTBOX))

    def allow(self, now: float) -> bool:
        """A token bucket: RATE messages a second on average, BURST at once."""
        self.tokens = min(BURST, self.tokens + (now - self.last) * RATE)
        self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


@dataclass
class Seat:
    token: str | None = None  # None: free
    conn: Conn | None = None


@dataclass(frozen=True)
class Incident:
    """A refused message, kept for the teacher's log and for tests."""

    addr: str
    seat: str | None
    reason: P.Refusal
    text: str


class Host:
    def __init__(
        self,
        session: Session,
        *,
        code: str | None = None,
        tokens: dict[str, str] | None = None,
        save_path: Path | None = None,
        network_file: Path | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.session = session
        self.tr = Translator(session.setup.lang)
        self._words: dict[str, Translator] = {self.tr.lang: self.tr}
        self.code = code or room_code()
        self.save_path = save_path
        self.network_file = network_file
        self.on_change = on_change
        self.classroom: Classroom = classroom_for(session)
        self.classroom.apply_move = self._apply_timeout_pass
        self.seats: dict[str, Seat] = {}
        for k in sorted(session.state.humans):
            did = session.cs.delegation_ids[k]
            self.seats[did] = Seat(token=(tokens or {}).get(did))
        self.conns: set[Conn] = set()
        self.incidents: list[Incident] = []
        self.wrong_codes: dict[str, tuple[int, float]] = {}
        self.server: Server | None = None
        self.port = 0
        self._numbers = 0
        self._ticker: asyncio.Task[None] | None = None
        self._writers: set[asyncio.Task[None]] = set()
        self.done_event = asyncio.Event()
        #: The projector's view, rebuilt on the host's loop after every change (a window thread only reads it).
        self.public: P.View | None = None
        #: Held while the game is read or changed: the host's loop takes it for every message and tick, the
        #: projector's window for every frame, so the teacher's console and a team's move never interleave.
        self.lock = threading.RLock()
        #: `signature()` as the host last sent it out; the projector compares, to notice the console's changes.
        self.seen: tuple[int, ...] = ()

    # --- starting and stopping ------------------------------------------------------------------------------
    async def start(self, bind: str = "127.0.0.1", port: int = 0) -> int:
        """Listen on `bind`:`port` (0 = any free port); returns the port. AI delegations that move first move now."""
        self._advance()
        self._start_clock()
        self._persist()
        self.public = self.view_for(None)
        self.server = await serve(
            self._handle,
            bind,
            port,
            max_size=4 * P.MAX_CLIENT_BYTES,
            max_queue=8,
            ping_interval=10,
            ping_timeout=10,
            close_timeout=2,
            compression=None,
        )
        self.port = int(next(iter(self.server.sockets)).getsockname()[1])
        self._ticker = asyncio.create_task(self._tick())
        log.info("room %s open on %s:%d", self.code, bind, self.port)
        return self.port

    async def stop(self) -> None:
        """Tell every computer the host is closing, then stop listening (the autosave stays for --continue)."""
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
        for conn in list(self.conns):
            self._refuse(conn, P.Refusal.HOST_CLOSING, "the host is closing", fatal=True, record=False)
        if self._writers:
            await asyncio.wait(list(self._writers), timeout=2.0)
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    # --- what the room looks like ----------------------------------------------------------------------------
    def seat_infos(self, lang: str | None = None) -> tuple[P.SeatInfo, ...]:
        cs, lang = self.session.cs, self.words(lang).lang
        codes = short_codes(cs.scenario.delegations, lang)
        return tuple(
            P.SeatInfo(
                id=did,
                name=tr(cs.delegation(cs.d_index[did]).name, lang),
                code=codes[did],
                taken=seat.token is not None,
                connected=seat.conn is not None,
            )
            for did, seat in self.seats.items()
        )

    def public_delegations(self, lang: str | None = None) -> tuple[P.PublicDelegation, ...]:
        lang = self.words(lang).lang
        return tuple(
            P.PublicDelegation(id=d.id, name=tr(d.name, lang), colour=d.colour, colour2=d.colour2, emblem=d.emblem.value)
            for d in self.session.cs.scenario.delegations
        )

    def clock(self) -> P.Clock:
        room = self.classroom
        return P.Clock(remaining=room.remaining(), limit=room.minutes * 60.0, paused=room.paused)

    def words(self, lang: str | None) -> Translator:
        """The translator for a computer's language (the host's own when it named none)."""
        if lang is None or lang not in available_languages():
            return self.tr
        if lang not in self._words:
            self._words[lang] = Translator(lang)
        return self._words[lang]

    def view_for(self, seat: str | None, lang: str | None = None) -> P.View:
        """What one computer may see, worded in its language (a Lithuanian team on an English host reads Lithuanian)."""
        return build_view(self.session, self.words(lang), seat, self.clock(), self.seat_infos(lang))

    def lobby(self, lang: str | None = None) -> P.Lobby:
        words = self.words(lang)
        return P.Lobby(
            type="lobby",
            version=P.PROTOCOL_VERSION,
            title=tr(self.session.cs.scenario.meta.title, words.lang),
            seats=self.seat_infos(lang),
            lang=words.lang,
        )

    # --- the game moving on ------------------------------------------------------------------------------------
    def _advance(self) -> None:
        """AI turns until a team must move or the conference is over (only the host ever plays the AI)."""
        self.session.run_ai()
        if self.session.state.ended:
            self.done_event.set()

    def _start_clock(self) -> None:
        """A team's turn is timed from the moment its view says it may move (the tick would start it a little later,
        after the view had gone out without its clock)."""
        room = self.classroom
        key = room.team_key()
        if key is not None and room.minutes > 0 and key != room.timer.key and not room.paused:
            room.timer.start(key, room.minutes * 60.0)

    def _changed(self) -> None:
        with self.lock:
            self._start_clock()
            self._persist()
            self.public = self.view_for(None)
            self.broadcast()
            self.seen = self.signature()
        if self.on_change is not None:
            self.on_change()

    def signature(self) -> tuple[int, ...]:
        """What a change of the game changes: the state, the actions, undone sittings, the pause and the timer."""
        room = self.classroom
        return (id(self.session.state), len(self.session.actions), len(self.session.undone), int(room.paused), round(room.minutes * 60))

    def touched(self) -> None:
        """The teacher changed the game on the projector's console: seats follow who plays, the AI moves if it
        is to, and every computer gets its new view (run on the host's loop)."""
        with self.lock:
            cs, s = self.session.cs, self.session.state
            humans = [cs.delegation_ids[k] for k in sorted(s.humans)]
            for did in list(self.seats):
                if did not in humans:
                    self.free_seat(did)
                    del self.seats[did]
            for did in humans:
                self.seats.setdefault(did, Seat())
            self._advance()
            self._changed()

    def _persist(self) -> None:
        if self.save_path is not None:
            save(self.session, self.save_path)
        if self.network_file is not None:
            data = {"code": self.code, "seats": {d: s.token for d, s in self.seats.items() if s.token}}
            write_atomic(self.network_file, json.dumps(data, indent=1) + "\n")

    def _check(self, action: A.Action) -> str | None:
        """Why the rules refuse `action`, worded in the game's language (refusals are data; the text is made here)."""
        problem = check(self.session.state, action)
        return None if problem is None else describe(problem, self.session.cs, self.tr.lang, self.tr.t)

    def apply(self, action: A.Action) -> str | None:
        """Apply a move or a teacher's action; the refusal in the rules' words, or None when done."""
        with self.lock:
            problem = self._check(action)
            if problem is not None:
                return problem
            self.session.apply(action)
            self._advance()
            self._changed()
            return None

    def _apply_timeout_pass(self, action: A.Action) -> Refusal | None:
        problem = check(self.session.state, action)
        if problem is None:
            self.session.apply(action)
            self._advance()
        return problem

    async def _tick(self) -> None:
        """The turn clock: when a team's time runs out the classroom reports it (and passes, if the teacher chose so)."""
        while True:
            await asyncio.sleep(TICK)
            try:
                with self.lock:
                    up = self.classroom.tick(at_keyboard=True)
            except Exception:
                log.exception("turn clock")
                continue
            if up is not None:
                log.info("time is up for %s (passed: %s)", up.delegation, up.passed)
                self._changed()

    # --- the teacher's commands ------------------------------------------------------------------------------------
    def free_seat(self, did: str) -> str | None:
        """Free a seat (a computer broke, or the team moves to another): its token stops working; the game is unchanged."""
        seat = self.seats.get(did)
        if seat is None:
            return f"{did!r} is not a team's seat"
        if seat.conn is not None:
            conn = seat.conn
            self._refuse(conn, P.Refusal.SEAT_FREED, "the teacher freed this seat", fatal=True, record=False)
            conn.seat = None
        self.seats[did] = Seat()
        self._changed()
        return None

    def to_ai(self, did: str) -> str | None:
        """Hand a team's delegation to the AI for the rest of the game (its seat closes)."""
        problem = self._check(A.SetControl(did, False))
        if problem is not None:
            return problem
        if did in self.seats:
            self.free_seat(did)
            del self.seats[did]
        return self.apply(A.SetControl(did, False))

    def to_team(self, did: str) -> str | None:
        """Give a delegation (back) to a team: a new seat to claim."""
        problem = self.apply(A.SetControl(did, True))
        if problem is None:
            self.seats.setdefault(did, Seat())
            self._changed()
        return problem

    def pass_turn(self) -> str | None:
        """Pass the acting team's turn (its computer is gone and the class cannot wait)."""
        who = self.session.state.actor_id
        if who is None or not self.session.waiting_for_human:
            return "no team is to move"
        return self.apply(A.Pass(who))

    def pause(self, on: bool) -> None:
        """Pause or resume: the clock stops and no team may move (every screen says so)."""
        with self.lock:
            if on:
                self.classroom.pause()
            else:
                self.classroom.resume()
            self._changed()

    def fire(self, event: str) -> str | None:
        return self.apply(A.FireEvent(event))

    def end(self) -> str | None:
        return self.apply(A.EndNow("ended by the teacher"))

    # --- talking to computers -------------------------------------------------------------------------------------
    def _send(self, conn: Conn, msg: BaseModel) -> None:
        try:
            conn.outbox.put_nowait(P.encode(msg))
        except asyncio.QueueFull:
            log.warning("%s does not read its messages; hanging up", conn.addr)
            self._hang_up(conn)

    def _hang_up(self, conn: Conn) -> None:
        while not conn.outbox.empty():
            conn.outbox.get_nowait()
        conn.outbox.put_nowait(None)

    def _refuse(
        self,
        conn: Conn,
        reason: P.Refusal,
        text: str,
        ref: int | None = None,
        fatal: bool = False,
        record: bool = True,
        rule: str | None = None,
        params: tuple[tuple[str, P.RuleParam], ...] = (),
    ) -> None:
        if record:
            conn.refused += 1
            self.incidents.append(Incident(conn.addr, conn.seat, reason, text))
            log.warning("refused from %s (seat %s): %s: %s", conn.addr, conn.seat, reason.value, text)
        self._send(
            conn,
            P.Refused(type="refused", version=P.PROTOCOL_VERSION, reason=reason, text=text, ref=ref, fatal=fatal, rule=rule, params=params),
        )
        if fatal:
            with contextlib.suppress(asyncio.QueueFull):
                conn.outbox.put_nowait(None)

    def broadcast(self) -> None:
        """Every seated computer gets the view built for its own seat."""
        for conn in list(self.conns):
            if conn.seat is not None:
                self._send(conn, self.view_for(conn.seat, conn.lang))

    async def _writer(self, conn: Conn) -> None:
        try:
            while True:
                text = await conn.outbox.get()
                if text is None:
                    await conn.ws.close(1000 if conn.refused == 0 else 1008)
                    return
                await asyncio.wait_for(conn.ws.send(text), timeout=10.0)
        except (ConnectionClosed, TimeoutError, OSError):
            # a client that stops reading (a flood that never drains its replies) times out here: the
            # code still says whether it was refused, as when the host hangs up on purpose
            with contextlib.suppress(Exception):
                await conn.ws.close(1000 if conn.refused == 0 else 1008)

    async def _handle(self, ws: ServerConnection) -> None:
        addr = str(ws.remote_address[0]) if ws.remote_address else "?"
        self._numbers += 1
        conn = Conn(ws, addr, self._numbers)
        if len(self.conns) >= MAX_CONNECTIONS:
            await ws.close(1013, "the room is full")
            return
        self.conns.add(conn)
        writer = asyncio.create_task(self._writer(conn))
        self._writers.add(writer)
        writer.add_done_callback(self._writers.discard)
        try:
            await self._read(conn)
        except ConnectionClosed as e:
            if (e.rcvd is not None and e.rcvd.code == 1009) or (e.sent is not None and e.sent.code == 1009):
                self.incidents.append(Incident(addr, conn.seat, P.Refusal.TOO_BIG, "a message over the size limit"))
                log.warning("refused from %s: a message over the size limit; connection closed", addr)
        finally:
            self.conns.discard(conn)
            if conn.seat is not None and self.seats.get(conn.seat) is not None and self.seats[conn.seat].conn is conn:
                self.seats[conn.seat].conn = None
                with self.lock:
                    self.broadcast()
            with contextlib.suppress(asyncio.QueueFull):
                conn.outbox.put_nowait(None)
            # the last words (a refusal saying why) go out before the connection ends with this handler
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(writer), 5.0)
            # a full outbox or a client too slow to take it can leave the writer short of its closing
            # line; the library would then close with 1000 ("normal") when this handler returns, so the
            # host says itself whether it hung up on a refused client
            with contextlib.suppress(Exception):
                await ws.close(1000 if conn.refused == 0 else 1008)

    async def _read(self, conn: Conn) -> None:
        while True:
            try:
                raw = await asyncio.wait_for(conn.ws.recv(), timeout=None if conn.greeted else HELLO_WAIT)
            except TimeoutError:
                self._refuse(conn, P.Refusal.MALFORMED, "no hello in time", fatal=True)
                return
            if not conn.allow(time.monotonic()):
                conn.dropped += 1
                if conn.dropped == 1 or conn.dropped % 50 == 0:
                    self._refuse(conn, P.Refusal.FLOOD, "too many messages; slow down", fatal=conn.dropped >= FLOOD_CLOSE)
                if conn.dropped >= FLOOD_CLOSE:
                    return
                continue
            try:
                msg = P.parse_client(raw)
            except P.ProtocolError as e:
                self._refuse(conn, e.reason, str(e), fatal=conn.refused + 1 >= MALFORMED_CLOSE)
                if conn.refused >= MALFORMED_CLOSE:
                    return
                continue
            try:
                with self.lock:
                    keep = self._dispatch(conn, msg)
            except Exception:
                log.exception("while handling a message from %s", conn.addr)
                self._refuse(conn, P.Refusal.MALFORMED, "the host could not handle that message")
                keep = True
            if not keep:
                return

    def _dispatch(self, conn: Conn, msg: P.Hello | P.Claim | P.Act | P.Ping | P.Leave) -> bool:
        """Handle one valid message; False when the connection should end."""
        if isinstance(msg, P.Ping):
            self._send(conn, P.Pong(type="pong", version=P.PROTOCOL_VERSION))
            return True
        if isinstance(msg, P.Hello):
            return self._hello(conn, msg)
        if not conn.greeted:
            self._refuse(conn, P.Refusal.MALFORMED, "say hello with the room code first", fatal=True)
            return False
        if isinstance(msg, P.Claim):
            return self._claim(conn, msg.seat)
        if isinstance(msg, P.Leave):
            if conn.seat is not None:
                self.seats[conn.seat] = Seat()
                conn.seat = None
                self._send(conn, self.lobby(conn.lang))
                self._changed()
            return True
        return self._act(conn, msg)

    def _hello(self, conn: Conn, msg: P.Hello) -> bool:
        if conn.greeted:
            self._refuse(conn, P.Refusal.ALREADY_SEATED, "this connection has already said hello")
            return True
        now = time.monotonic()
        count, since = self.wrong_codes.get(conn.addr, (0, now))
        if count >= WRONG_CODES and now - since < WRONG_CODE_PAUSE:
            self._refuse(conn, P.Refusal.TOO_MANY_TRIES, "too many wrong room codes from this computer; wait a minute", fatal=True)
            return False
        if not secrets.compare_digest(msg.code.strip().upper().encode(), self.code.encode()):
            self.wrong_codes[conn.addr] = (count + 1, now if count == 0 or now - since >= WRONG_CODE_PAUSE else since)
            self._refuse(conn, P.Refusal.WRONG_CODE, "that is not this room's code (it is on the projector)", fatal=True)
            return False
        conn.greeted = True
        conn.lang = msg.lang if msg.lang in available_languages() else None
        if msg.token is not None:
            for did, seat in self.seats.items():
                if seat.token is not None and secrets.compare_digest(seat.token.encode(), msg.token.encode()):
                    if seat.conn is not None:
                        # the seat's computer is still connected: a copied token does not take a live seat
                        self._refuse(conn, P.Refusal.SEAT_TAKEN, "this seat's computer is still connected", fatal=True)
                        return False
                    return self._seat(conn, did, seat.token)
            self._refuse(conn, P.Refusal.BAD_TOKEN, "that seat token is no longer valid; choose a seat again")
            self._send(conn, self.lobby(conn.lang))
            return True
        if msg.seat is not None:
            return self._claim(conn, msg.seat)
        self._send(conn, self.lobby(conn.lang))
        return True

    def _claim(self, conn: Conn, did: str) -> bool:
        if conn.seat is not None:
            self._refuse(conn, P.Refusal.ALREADY_SEATED, f"this computer already holds {conn.seat}")
            return True
        seat = self.seats.get(did)
        if seat is None:
            self._refuse(conn, P.Refusal.NO_SUCH_SEAT, f"{did!r} is not a team's delegation in this game")
            self._send(conn, self.lobby(conn.lang))
            return True
        if seat.token is not None:
            self._refuse(conn, P.Refusal.SEAT_TAKEN, f"another computer has claimed {did}; ask the teacher to free it")
            self._send(conn, self.lobby(conn.lang))
            return True
        return self._seat(conn, did, secrets.token_urlsafe(18))

    def _seat(self, conn: Conn, did: str, token: str) -> bool:
        self.seats[did] = Seat(token, conn)
        conn.seat = did
        self._send(
            conn,
            P.Welcome(
                type="welcome",
                version=P.PROTOCOL_VERSION,
                seat=did,
                token=token,
                lang=self.words(conn.lang).lang,
                delegations=self.public_delegations(conn.lang),
            ),
        )
        log.info("%s took the seat of %s", conn.addr, did)
        self._changed()
        return True

    def _act(self, conn: Conn, msg: P.Act) -> bool:
        if conn.seat is None:
            self._refuse(conn, P.Refusal.NOT_SEATED, "claim a seat before moving", msg.ref)
            return True
        if msg.move.actor != conn.seat:
            self._refuse(conn, P.Refusal.NOT_YOUR_SEAT, f"this computer holds {conn.seat}, not {msg.move.actor}", msg.ref)
            return True
        if self.classroom.paused:
            self._refuse(conn, P.Refusal.NOT_YOUR_TURN, "the teacher has paused the conference", msg.ref)
            return True
        if self.session.state.actor_id != conn.seat:
            self._refuse(conn, P.Refusal.NOT_YOUR_TURN, "it is not your delegation's move", msg.ref)
            return True
        action = P.to_action(msg.move)
        before = len(self.session.state.log)
        problem = check(self.session.state, action)
        if problem is not None:
            # the reason travels as data; the team's computer words it in its own language
            words = self.words(conn.lang)
            text = describe(problem, self.session.cs, words.lang, words.t)
            self._refuse(conn, P.Refusal.ILLEGAL, text, msg.ref, rule=problem.code.name, params=problem.params)
            return True
        self.session.apply(action)
        if isinstance(action, A.MAIN_MOVES):
            text = confirmation(self.session.state, action, self.words(conn.lang))
        else:
            text = self._confirmation(before, conn.seat, conn.lang)
        s = self.session.state  # before the AI moves: the number is the one this move made
        made = s.proposals[-1].id if isinstance(action, A.Propose) else s.audiences[-1].id if isinstance(action, A.RequestAudience) else None
        self._advance()
        done = P.Done(type="done", version=P.PROTOCOL_VERSION, ref=msg.ref, text=text, revision=len(self.session.actions), made=made)
        self._send(conn, done)
        self._changed()
        return True

    def _confirmation(self, before: int, seat: str, lang: str | None = None) -> str:
        """An answer's own news line(s), as the team's screen shows them (only what the seat may see)."""
        n = narrator(self.session, self.words(lang))
        s = self.session.state
        seen = [e for e in s.log[before:] if e.visible_to(seat, s.ended)]
        own = [e for e in seen if e.actor == seat] or seen  # the move itself; what followed is in the news
        return " ".join(n.sentence(e) for e in own)

    def stats(self) -> dict[str, Any]:
        return {"code": self.code, "port": self.port, "connections": len(self.conns), "incidents": len(self.incidents)}
