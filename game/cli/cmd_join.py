"""`plenipo join`: a team's computer joins a hosted conference and plays its delegation."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from game.cli.cmd_host import DEFAULT_PORT
from game.cli.common import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("join", help="join a conference hosted on the teacher's computer (plenipo host)")
    p.add_argument("address", metavar="HOST[:PORT]", help=f"the teacher's computer as shown on the projector (port {DEFAULT_PORT} if left out)")
    p.add_argument("--code", help="the room code shown on the projector")
    p.add_argument("--seat", metavar="ID", help="the delegation this computer plays (default: choose from the list)")
    p.add_argument("--script", type=Path, metavar="FILE", help="play from a script of moves and checks (see game/net/script.py)")
    p.add_argument("--screenshots", type=Path, metavar="DIR", help="save PNGs of this team's screen (needs the window)")
    p.add_argument("--headless", action="store_true", help="no window: the team's news and moves go to the terminal")
    p.set_defaults(func=run)


async def play(args: argparse.Namespace) -> int:
    from game.net.client import Client, JoinError, url_of
    from game.net.protocol import Lobby
    from game.net.script import ScriptError, TeamScript

    client = Client(url_of(args.address, DEFAULT_PORT), args.code.strip().upper())
    try:
        answer = await client.join(seat=args.seat)
    except JoinError as e:
        raise CliError(f"could not join {args.address}: {e}") from None
    if isinstance(answer, Lobby):
        free = [f"{s.id} ({s.name})" for s in answer.seats if not s.taken]
        await client.close()
        raise CliError(f"choose a seat with --seat; free seats: {', '.join(free) or 'none'}")
    print(f"This computer plays {client.seat} in room {client.code}.", flush=True)
    status = 0
    try:
        if args.script is not None:
            try:
                await TeamScript(client, args.script).run()
            except ScriptError as e:
                print(f"plenipo join: {e}", file=sys.stderr)
                status = 1
        else:
            await client.wait_for(lambda v: v.conference.ended, timeout=24 * 3600)
            view = client.view
            print(f"The conference is over: {view.outcome if view else ''}", flush=True)
    finally:
        await client.close()
    return status


async def _script(client: object, path: Path) -> int:
    from game.net.client import Client
    from game.net.script import ScriptError, TeamScript

    assert isinstance(client, Client)
    try:
        await TeamScript(client, path).run()
    except ScriptError as e:
        print(f"plenipo join: {e}", file=sys.stderr)
        return 1
    return 0


def window(args: argparse.Namespace) -> int:
    """The team's window: join on the network thread, then draw this seat's view until the window closes."""
    from game.net.client import Client, JoinError, url_of
    from game.net.link import Loop
    from game.net.protocol import Lobby

    loop = Loop()
    client = Client(url_of(args.address, DEFAULT_PORT), args.code.strip().upper())
    try:
        try:
            answer = loop.run(client.join(seat=args.seat))
        except JoinError as e:
            raise CliError(f"could not join {args.address}: {e}") from None
        if isinstance(answer, Lobby):
            free = [f"{s.id} ({s.name})" for s in answer.seats if not s.taken]
            raise CliError(f"choose a seat with --seat; free seats: {', '.join(free) or 'none'}")
        from game.ui.remote_main import run_team

        script = (lambda c: _script(c, args.script)) if args.script is not None else None
        return run_team(client, loop, client.lang, args.screenshots, script)
    finally:
        try:
            loop.run(client.close(), timeout=5)
        finally:
            loop.stop()


def run(args: argparse.Namespace) -> int:
    from game.cli.cmd_play import _display_available

    if not args.code:
        raise CliError("--code: give the room code shown on the projector")
    if args.script is not None and not args.script.is_file():
        raise CliError(f"--script {args.script}: no such file")
    try:
        if args.headless or not _display_available():
            return asyncio.run(play(args))
        return window(args)
    except KeyboardInterrupt:
        return 130
