"""`plenipo host`: run the conference on the teacher's computer for team computers on the classroom network."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import sys
from pathlib import Path

from game.cli.common import CliError, find_scenario

DEFAULT_PORT = 8765


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("host", help="host a conference that team computers join over the classroom network")
    p.add_argument("scenario", nargs="?", help="scenario file or id (default: genoa_1922)")
    p.add_argument("--team", action="append", default=[], metavar="ID", help="a delegation played by a team computer (repeatable)")
    p.add_argument("--seed", type=int, help="the game's seed (default: random, shown on screen)")
    p.add_argument("--lang", default="en", help="language: en or lt (default en)")
    p.add_argument("--length", help="game length id (e.g. short or full)")
    p.add_argument("--minutes", type=float, default=0.0, help="minutes per team turn (default: no clock)")
    p.add_argument("--auto-pass", action="store_true", help="pass a team's turn when its time runs out")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    p.add_argument(
        "--bind",
        default="0.0.0.0",
        metavar="ADDRESS",
        help="address to listen on (default: every network of this computer; 127.0.0.1 for this computer only)",
    )
    p.add_argument("--code", help="the room code to use (default: a fresh one; kept by --continue)")
    p.add_argument("--continue", dest="resume", action="store_true", help="resume the hosted game from its autosave")
    p.add_argument(
        "--script",
        type=Path,
        metavar="FILE",
        help="a UI script on the projector window (click, key, type, expect, wait, shot), as for `plenipo play --script`",
    )
    p.add_argument(
        "--commands",
        type=Path,
        metavar="FILE",
        help="the teacher's commands from a file, also without a window (wait seats, free, ai, pass, pause...; see game/net/script.py)",
    )
    p.add_argument("--screenshots", type=Path, metavar="DIR", help="save PNGs of the projector screen (needs the window)")
    p.add_argument("--headless", action="store_true", help="no projector window: the room code and events go to the terminal")
    p.set_defaults(func=run)


def lan_addresses() -> list[str]:
    """This computer's own addresses as the system names them (no network traffic), loopback last."""
    try:
        _, _, found = socket.gethostbyname_ex(socket.gethostname())
    except OSError:
        found = []
    outside = sorted({a for a in found if not a.startswith("127.")})
    return outside or ["127.0.0.1"]


def _check(args: argparse.Namespace) -> None:
    from game.net import protocol as P

    if not 0 < args.port < 65536:
        raise CliError(f"--port {args.port}: give a port number between 1 and 65535")
    if args.code is not None:
        code = args.code.strip().upper()
        if len(code) != P.CODE_LENGTH or any(c not in P.CODE_LETTERS for c in code):
            raise CliError(f"--code {args.code!r}: a room code is {P.CODE_LENGTH} of the letters {P.CODE_LETTERS}")
        args.code = code
    if not 0 <= args.minutes <= 600:
        raise CliError(f"--minutes {args.minutes}: give 0 (no clock) to 600 minutes")
    _check_scripts(args)


def _check_scripts(args: argparse.Namespace) -> None:
    """Both script files exist and a UI script parses, before anything starts; a UI script needs the window."""
    for flag, path in (("--script", args.script), ("--commands", args.commands)):
        if path is not None and not path.is_file():
            raise CliError(f"{flag} {path}: no such file")
    if args.script is not None:
        if args.headless:
            raise CliError("--script plays the window by what it shows; without a window (--headless) use --commands")
        from game.ui.script_lang import ScriptSyntaxError, parse_file

        try:
            parse_file(args.script)
        except ScriptSyntaxError as e:
            raise CliError(str(e)) from None


def build(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The session and the room (code, tokens) to host: a new game, or the autosaved one with --continue."""
    from game.net.host import network_path, read_network
    from game.play.saves import SaveError, autosave_path, load_save
    from game.play.session import Session, SessionSetup
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import load

    if args.resume:
        try:
            loaded = load_save(autosave_path())
        except SaveError as e:
            raise CliError(f"--continue: {e}") from None
        code, tokens = read_network(network_path())
        return loaded.session, args.code or code, tokens
    path = find_scenario(args.scenario)
    try:
        scenario = load(path)
    except ScenarioError as e:
        raise CliError(f"{path} has {len(e.problems)} problem(s):\n{e}") from None
    ids = [d.id for d in scenario.scenario.delegations]
    bad = [t for t in args.team if t not in ids]
    if bad:
        raise CliError(f"--team {', '.join(bad)}: not a delegation of {path.name} (choose from {', '.join(ids)})")
    lengths = [x.id for x in scenario.scenario.calendar.lengths]
    length = args.length or "full"
    if length != "full" and length not in lengths:
        raise CliError(f"--length {length}: not a length of {path.name} (choose from full, {', '.join(lengths)})")
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(3), "big")
    setup = SessionSetup(str(path), args.lang, tuple(dict.fromkeys(args.team)), length, seed, turn_minutes=args.minutes, auto_pass=args.auto_pass)
    return Session(scenario, setup), args.code, {}


def banner(host, bind: str) -> str:  # type: ignore[no-untyped-def]
    where = ["127.0.0.1"] if bind.startswith("127.") else lan_addresses()
    seats = ", ".join(host.seats) or "none (an all-AI conference)"
    lines = [
        f"Plenipo room {host.code} is open.",
        *(f"  Team computers: plenipo join {a}:{host.port} --code {host.code}" for a in where),
        f"  Seats for teams: {seats}",
    ]
    return "\n".join(lines)


async def serve(args: argparse.Namespace) -> int:
    from game.net.host import Host, network_path
    from game.net.script import HostScript, ScriptError
    from game.play.saves import autosave_path

    session, code, tokens = build(args)
    host = Host(session, code=code, tokens=tokens, save_path=autosave_path(), network_file=network_path())
    try:
        await host.start(args.bind, args.port)
    except OSError as e:
        raise CliError(f"cannot listen on {args.bind}:{args.port} ({e.strerror or e}); try another --port") from None
    print(banner(host, args.bind), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: Ctrl-C arrives as KeyboardInterrupt instead
            loop.add_signal_handler(sig, stop.set)
    status = 0
    try:
        if args.commands is not None:
            script = HostScript(host, args.commands)
            running = asyncio.ensure_future(script.run())
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait([running, stopped], return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            if not running.done():
                running.cancel()
                print("plenipo host: stopped before the script ended", file=sys.stderr)
                status = 1
            elif isinstance(running.exception(), ScriptError):
                print(f"plenipo host: {running.exception()}", file=sys.stderr)
                status = 1
            else:
                running.result()
            if script.crashed:
                os._exit(3)  # as a host computer that dies: no goodbye to anyone (the autosave is on disk)
            await asyncio.sleep(0.5)  # the last views reach the teams
        else:
            ended = asyncio.ensure_future(host.done_event.wait())
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait([ended, stopped], return_when=asyncio.FIRST_COMPLETED)
            ended.cancel()
            stopped.cancel()
            if host.session.state.ended:
                print("The conference is over. The room stays open until Ctrl-C.", flush=True)
                await stop.wait()
    finally:
        await host.stop()
    return status


async def _script(host: object, path: Path) -> int:
    from game.net.host import Host
    from game.net.script import HostScript, ScriptError

    assert isinstance(host, Host)
    script = HostScript(host, path)
    try:
        await script.run()
    except ScriptError as e:
        print(f"plenipo host: {e}", file=sys.stderr)
        return 1
    if script.crashed:
        os._exit(3)  # as a host computer that dies: no goodbye to anyone (the autosave is on disk)
    await asyncio.sleep(0.5)  # the last views reach the teams
    return 0


def window(args: argparse.Namespace) -> int:
    """The projector: the public table, the room code and address; the host runs on a network thread."""
    from game.net.host import Host, network_path
    from game.play.saves import autosave_path
    from game.ui.screens.remote.windows import run_projector

    session, code, tokens = build(args)
    host = Host(session, code=code, tokens=tokens, save_path=autosave_path(), network_file=network_path())
    where = ["127.0.0.1"] if args.bind.startswith("127.") else lan_addresses()
    script = (lambda h: _script(h, args.commands)) if args.commands is not None else None
    host.port = args.port
    print(banner(host, args.bind), flush=True)
    try:
        return run_projector(host, where, args.bind, args.port, session.setup.lang, args.screenshots, script, args.script)
    except OSError as e:
        raise CliError(f"cannot listen on {args.bind}:{args.port} ({e.strerror or e}); try another --port") from None
    except RuntimeError as e:  # no display for the projector window (NoDisplayError)
        raise CliError(f"no display for the projector window ({e}); add --headless to host without one") from None


def run(args: argparse.Namespace) -> int:
    from game.cli.cmd_play import _display_available

    _check(args)
    if args.scenario and args.resume:
        raise CliError("--continue resumes the autosaved game; do not name a scenario with it")
    try:
        if args.headless or (args.script is None and not _display_available()):
            return asyncio.run(serve(args))
        return window(args)
    except KeyboardInterrupt:
        return 130
