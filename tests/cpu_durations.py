"""Opt-in ``--cpu-durations=N``: the N tests that cost the most CPU seconds, and the cost per test folder.

Wall time says little on a shared machine; CPU seconds (this process's and its
finished children's) say what a test costs wherever it runs. Setup, call and
teardown are counted together, so a session fixture is charged to the first
test that asks for it. ``--cpu-durations-file=PATH`` also writes every test's
figures as tab-separated lines (total, own, children CPU s, wall s, test id),
to compare before/after. Run it with ``-p no:xdist``: under xdist it measures nothing.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Generator
from pathlib import Path

import pytest


def _cpu() -> tuple[float, float]:
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


class CpuDurations:
    """Collects (own, children) CPU seconds per test id."""

    def __init__(self, top: int, out: str | None) -> None:
        self.top = top
        self.out = out
        self.cost: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        self.start: float = 0.0

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Generator[None, None, None]:
        own0, kids0 = _cpu()
        wall0 = time.perf_counter()
        yield
        own1, kids1 = _cpu()
        cost = self.cost[item.nodeid]
        cost[0] += own1 - own0
        cost[1] += kids1 - kids0
        cost[2] += time.perf_counter() - wall0

    def pytest_sessionstart(self) -> None:
        self.start = sum(_cpu())

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.cost:
            return
        tr = terminalreporter
        total = lambda c: c[0] + c[1]  # noqa: E731
        rows = sorted(self.cost.items(), key=lambda kv: -total(kv[1]))
        tr.write_sep("=", f"{self.top} most expensive tests (CPU s: own + children)")
        for nodeid, c in rows[: self.top]:
            tr.write_line(f"{total(c):8.2f} {c[0]:8.2f} {c[1]:7.2f}  {nodeid}")
        areas: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for nodeid, c in rows:
            parts = nodeid.split("/")
            area = "/".join(parts[:2]) if len(parts) > 2 else parts[0].split("::")[0]
            areas[area][0] += total(c)
            areas[area][1] += 1
        tr.write_sep("-", "CPU s per area")
        for area, (secs, n) in sorted(areas.items(), key=lambda kv: -kv[1][0]):
            tr.write_line(f"{secs:8.2f}  {int(n):5d} tests  {area}")
        in_tests = sum(total(c) for c in self.cost.values())
        tr.write_line(f"{in_tests:8.2f}  in tests; {sum(_cpu()) - self.start:.2f} in the whole session")
        if self.out:
            lines = [f"{total(c):.3f}\t{c[0]:.3f}\t{c[1]:.3f}\t{c[2]:.3f}\t{nodeid}" for nodeid, c in rows]
            Path(self.out).write_text("\n".join(lines) + "\n", encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cpu-durations")
    group.addoption("--cpu-durations", type=int, default=None, metavar="N", help="show the N tests costing the most CPU")
    group.addoption("--cpu-durations-file", default=None, metavar="PATH", help="write every test's CPU cost to PATH")


def pytest_configure(config: pytest.Config) -> None:
    top = config.getoption("--cpu-durations")
    if top is not None and not hasattr(config, "workerinput"):
        config.pluginmanager.register(CpuDurations(top, config.getoption("--cpu-durations-file")), "cpu-durations")
