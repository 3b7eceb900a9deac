"""`plenipo join`: a team's computer joins a hosted conference and plays its delegation."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from pathlib import Path

from game.cli.cmd_host import DEFAULT_PORT
from game.cli.common import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("join", help="join a conference hosted on the teacher's computer (plenipo host)")
    p.add_argument("address", metavar="HOST[:PORT]", help=f"the teacher's computer as shown on the projector (port {DEFAULT_PORT} if left out)")
    p.add_argument("--code", help="the room code shown on the projector")
    p.add_argument("--seat", metavar="ID", help="the delegation this computer plays (default: choose from the list)")
    p.add_argument(
        "--script",
        type=Path,
        metavar="FILE",
        help="a UI script on this team's window (click, key, type, expect, wait, shot), as for `plenipo play --script`",
    )
    p.add_argument(
        "--commands",
        type=Path,
        metavar="FILE",
        help="the team's moves from a file, also without a window (wait turn, accept N, propose ..., pass; see game/net/script.py)",
    )
    p.add_argument("--screenshots", type=Path, metavar="DIR", help="save PNGs of this team's screen (needs the window)")
    p.add_argument("--headless", action="store_true", help="no window: the team's news and moves go to the terminal")
    p.set_defaults(func=run)


async def play(args: argparse.Namespace) -> int:
    from game.net.client import Client, JoinError, url_of
    from game.net.protocol import Lobby
    from game.net.script import ScriptError, TeamScript

    client = Client(url_of(args.address, DEFAULT_PORT), args.code.strip().upper())
    try:
        answer = await client.join(seat=args.seat, token=saved_token(client.url, client.code, args.seat))
    except JoinError as e:
        raise CliError(f"could not join {args.address}: {e}") from None
    keep_token(client.url, client.code, client.seat, client.token)
    if isinstance(answer, Lobby):
        free = [f"{s.id} ({s.name})" for s in answer.seats if not s.taken]
        await client.close()
        raise CliError(f"choose a seat with --seat; free seats: {', '.join(free) or 'none'}")
    print(f"This computer plays {client.seat} in room {client.code}.", flush=True)
    status = 0
    try:
        if args.commands is not None:
            try:
                await TeamScript(client, args.commands).run()
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


def _tokens_file() -> Path:
    from game.play.saves import saves_dir

    return saves_dir() / "seat_tokens.json"


def saved_token(url: str, code: str, seat: str | None) -> str | None:
    """The token this computer was given for the seat in this room, if any (so reopening Plenipo takes the seat back)."""
    import json

    if seat is None:
        return None
    try:
        data = json.loads(_tokens_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    token = data.get(f"{url} {code} {seat}") if isinstance(data, dict) else None
    return token if isinstance(token, str) else None


def keep_token(url: str, code: str, seat: str | None, token: str | None) -> None:
    import json

    from game.play.saves import write_atomic

    if seat is None or token is None:
        return
    path = _tokens_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    data[f"{url} {code} {seat}"] = token
    with contextlib.suppress(OSError):  # the seat still works; only reopening would need the teacher to free it
        write_atomic(path, json.dumps(data, indent=1) + "\n")


def window(args: argparse.Namespace) -> int:
    """The team's window: join on the network thread, then draw this seat's view until the window closes."""
    from game.net.client import Client, JoinError, url_of
    from game.net.link import Loop
    from game.net.protocol import Lobby

    loop = Loop()
    client = Client(url_of(args.address, DEFAULT_PORT), args.code.strip().upper())
    try:
        try:
            answer = loop.run(client.join(seat=args.seat, token=saved_token(client.url, client.code, args.seat)))
        except JoinError as e:
            raise CliError(f"could not join {args.address}: {e}") from None
        keep_token(client.url, client.code, client.seat, client.token)
        from game.ui.screens.remote.windows import run_team

        script = (lambda c: _script(c, args.commands)) if args.commands is not None else None
        lobby = answer if isinstance(answer, Lobby) else None  # no --seat: the team picks its delegation on screen
        try:
            return run_team(client, loop, client.lang, args.screenshots, script, args.script, lobby)
        except RuntimeError as e:  # no display for the window (NoDisplayError)
            raise CliError(f"no display for the team's window ({e}); add --headless to play in the terminal") from None
    finally:
        try:
            loop.run(client.close(), timeout=5)
        finally:
            loop.stop()


def run(args: argparse.Namespace) -> int:
    from game.cli.cmd_play import _display_available

    if not args.code:
        raise CliError("--code: give the room code shown on the projector")
    from game.cli.cmd_host import _check_scripts

    _check_scripts(args)
    try:
        if args.headless or (args.script is None and not _display_available()):
            return asyncio.run(play(args))
        return window(args)
    except KeyboardInterrupt:
        return 130
