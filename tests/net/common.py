"""Shared by the network tests: a Genoa lesson set up, a host on 127.0.0.1, a team's fixed way of playing.

Every loop is bounded by a count and every wait by a time, so a broken host
fails a test instead of hanging it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from game.engine import actions as A
from game.i18n import Translator
from game.net import protocol as P
from game.net.host import Host
from game.net.views import build_view
from game.play.session import Session, SessionSetup
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]
GENOA = ROOT / "scenarios" / "genoa_1922.toml"
TEAMS = ("germany", "soviet")
SEED = 1922
LOOPBACK = "127.0.0.1"
MAX_MOVES = 400  # a short Genoa has 8 sittings: far fewer team moves than this
T = TypeVar("T")
SECRET = "team-rationale-"  # every team rationale starts so: private to its team until the end


def new_session(lang: str = "en", minutes: float = 0.0, auto_pass: bool = False) -> Session:
    return Session(load(GENOA), SessionSetup(str(GENOA), lang, TEAMS, "short", SEED, turn_minutes=minutes, auto_pass=auto_pass))


def run(coro: Coroutine[Any, Any, T], timeout: float = 120.0) -> T:
    """Run one test's coroutine with a hard time limit."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro, timeout)

    return asyncio.run(bounded())


def choose(view: P.View, count: int) -> list[P.Move]:
    """A team's moves for one turn from what its screen shows: answer what waits, then one main move.

    Deterministic in the view, so the same game can be played over the network and on one computer."""
    seat = view.seat
    assert seat is not None and view.forms is not None
    forms = view.forms
    moves: list[P.Move] = []
    issues = {i.id: i for i in forms.issues}
    for item in forms.awaiting:
        good = item.value is None or item.alternative is None or item.value >= item.alternative
        answer = "accept" if good else "reject"
        moves.append(P.RespondMove(kind="respond", actor=seat, proposal=item.proposal, answer=answer, rationale=f"{SECRET}{seat}-{count}-answer"))
        if not good:  # then, as "Ask for a change" does, what would change it: another option on the package's first issue
            iid, offered = item.package[0]
            want = (iid, next(o.id for o in issues[iid].options if o.id != offered))
            moves.append(P.RespondMove(kind="respond", actor=seat, proposal=item.proposal, answer="reject", want=want))
    open_ = [k for k in forms.instruments if not k.signed]
    if open_ and count % 3 == 0:
        inst = open_[0]
        package = []
        for iid in inst.scope:
            allowed = [o for o in issues[iid].options if o.allowed]
            best = max(allowed, key=lambda o: -1.0 if o.value is None else o.value)
            package.append((iid, best.id if count % 2 == 0 else allowed[len(allowed) // 2].id))
        others = [p for p in inst.parties if p != seat]
        partners = others if len(others) == 1 else []  # a treaty between two in private, anything wider in plenary
        moves.append(
            P.ProposeMove(
                kind="propose",
                actor=seat,
                instrument=inst.id,
                package=tuple(package),
                to=tuple(partners),
                rationale=f"{SECRET}{seat}-{count}-propose",
            )
        )
    elif count % 3 == 1:
        moves.append(
            P.StatementMove(
                kind="statement", actor=seat, text=f"The {seat} delegation asks for patience ({count}).", rationale=f"{SECRET}{seat}-{count}-say"
            )
        )
    else:
        moves.append(P.PassMove(kind="pass", actor=seat, rationale=f"{SECRET}{seat}-{count}-pass"))
    return moves


def play_locally(lang: str = "en") -> Session:
    """The same lesson on one computer: the same choices from the same views, applied straight to a session."""
    session = new_session(lang)
    tr_ = Translator(lang)
    clock = P.Clock(remaining=None, limit=0.0, paused=False)
    counts = dict.fromkeys(TEAMS, 0)
    for _ in range(MAX_MOVES):
        session.run_ai()
        if session.state.ended:
            return session
        seat = session.state.actor_id
        assert seat is not None
        for move in choose(build_view(session, tr_, seat, clock, ()), counts[seat]):
            action = P.to_action(move)
            session.apply(action)
        counts[seat] += 1
    raise AssertionError("the local game did not end")


def log_json(session: Session) -> str:
    return json.dumps([repr(e) for e in session.state.log])


async def start_host(session: Session, home: Path, port: int = 0, code: str | None = None, tokens: dict[str, str] | None = None) -> Host:
    host = Host(session, code=code, tokens=tokens, save_path=home / "autosave.json", network_file=home / "network.json")
    await host.start(LOOPBACK, port)
    return host


def is_action(x: object) -> bool:
    return isinstance(x, A.Propose | A.Respond | A.Shift | A.Statement | A.Walkout | A.Pass)
