"""`python -m game.net.bench`: a move's round trip on this computer and the host's memory with 7 team computers.

The host runs as its own process (`plenipo host --headless` on 127.0.0.1, a
throw-away data folder), exactly as in class; seven clients in this process
take Genoa's seven acting delegations and make moves in turn. A round trip
is from sending a move to the host's answer: it includes the engine's check,
the move, the AI turns after it, the autosave written to disk and every
team's new view. Memory is the host process's resident set (Linux /proc).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from game.net import protocol as P
from game.net.client import Client
from game.net.host import RATE as P_RATE
from game.resources import package_parent

ROOT = package_parent()  # children import the same `game` as this process
TEAMS = ("britain", "france", "italy", "germany", "soviet", "belgium", "japan")


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ms(xs: list[float]) -> str:
    if not xs:
        return "n/a"
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
    return f"median {statistics.median(xs) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, n={len(xs)}"


async def measure(port: int, pid: int, moves: int, pings: int) -> dict[str, object]:
    url = f"ws://127.0.0.1:{port}"
    clients = {t: Client(url, "ACEFH") for t in TEAMS}
    before = rss_mb(pid)
    try:
        for seat, c in clients.items():
            await c.join(seat=seat)
        await asyncio.sleep(0.5)
        joined = rss_mb(pid)
        ping_times = []
        probe = clients["germany"]
        for _ in range(pings):
            got: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

            def pong(m: P.HostMsg, got: asyncio.Future[bool] = got) -> None:
                if isinstance(m, P.Pong) and not got.done():
                    got.set_result(True)

            probe.on_message = pong
            t0 = time.perf_counter()
            await probe._send(P.Ping(type="ping", version=P.PROTOCOL_VERSION))
            await asyncio.wait_for(got, 5)
            ping_times.append(time.perf_counter() - t0)
            await asyncio.sleep(1 / (P_RATE / 2))  # well inside the host's flood limit
        probe.on_message = None
        move_times = []
        for k in range(moves):
            views = [c.view for c in clients.values() if c.view is not None]
            if any(v.conference.ended for v in views):
                break
            mover = next((c for c in clients.values() if c.view is not None and c.view.your_turn and c.view.revision >= c.last_done), None)
            if mover is None:
                await asyncio.sleep(0.01)
                continue
            assert mover.seat is not None
            t0 = time.perf_counter()
            answer = await mover.act(P.StatementMove(kind="statement", actor=mover.seat, text=f"Statement number {k}."))
            move_times.append(time.perf_counter() - t0)
            if isinstance(answer, P.Refused):
                raise RuntimeError(f"the host refused a bench move: {answer.text}")
            await mover.wait_for(lambda v: True, 5)
        played = rss_mb(pid)
    finally:
        for c in clients.values():
            await c.close()
    return {
        "ping": _ms(ping_times),
        "move": _ms(move_times),
        "rss_before": before,
        "rss_joined": joined,
        "rss_after": played,
        "moves": len(move_times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.net.bench", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--moves", type=int, default=60, help="moves to time (default 60)")
    parser.add_argument("--pings", type=int, default=40, help="pings to time (default 40)")
    args = parser.parse_args(argv)
    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PLENIPO_HOME": home, "SDL_VIDEODRIVER": "dummy"}
        cmd = [
            sys.executable,
            "-m",
            "game",
            "host",
            "genoa_1922",
            *(x for t in TEAMS for x in ("--team", t)),
            "--seed",
            "1922",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--code",
            "ACEFH",
            "--headless",
        ]
        host = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.1)
            r = asyncio.run(measure(port, host.pid, args.moves, args.pings))
        finally:
            host.terminate()
            host.wait(timeout=10)

    def mb(x: object) -> str:
        return f"{x:.1f} MB" if isinstance(x, float) else "n/a"

    print(f"plenipo network bench: Genoa, 7 team computers on 127.0.0.1 ({os.cpu_count()} cores, Python {sys.version.split()[0]})")
    print(f"  ping round trip          {r['ping']}")
    print(f"  move round trip          {r['move']}  (check, move, AI turns, autosave, 7 views)")
    print(
        f"  host memory (RSS)        {mb(r['rss_before'])} before joining, {mb(r['rss_joined'])} with 7 clients, "
        f"{mb(r['rss_after'])} after {r['moves']} moves"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
