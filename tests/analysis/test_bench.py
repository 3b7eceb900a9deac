"""`plenipo bench --quick --json`: every figure is there, with its command, and the figures agree with each other.

No bound of this machine's speed or memory is asserted here: those are the
targets `plenipo bench` itself reports as met or not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.analysis.bench import QUICK

ROOT = Path(__file__).resolve().parents[2]


def test_quick_bench_json_has_every_figure_with_sane_values() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    out = subprocess.run([sys.executable, "-m", "game", "bench", "--quick", "--json"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    r = json.loads(out.stdout)
    assert r["quick"] is True
    assert r["machine"]["cores"] >= 1 and r["machine"]["python"] and r["machine"]["numpy"]
    for key in ("genoa", "tutorial"):
        e = r["engine"][key]
        assert e["games_per_second"] > 0 and e["ms_per_game"] > 0 and e["command"]
    b = r["batch_scaling"]
    assert b["identical"] is True
    assert b["jobs1_seconds"] > 0 and b["jobs2_seconds"] > 0 and b["speedup"] > 0 and b["command"]
    runs = r["batch_memory"]["runs"]
    assert [m["jobs"] for m in runs] == [1, 1, 2]
    for m in runs:
        assert m["peak_rss_mb"] > 0 and m["seconds"] > 0 and m["command"]
    assert runs[-1]["worker_peak_rss_mb"] > 0
    assert r["batch_memory"]["growth_mb"] == round(runs[1]["peak_rss_mb"] - runs[0]["peak_rss_mb"], 1)
    u = r["ui"]
    assert u["available"] is True, u
    assert u["frames"] == QUICK.ui_frames and u["surface"] == [1920, 1080]
    assert 0 < u["frame_ms_median"] <= u["frame_ms_p99"] <= u["frame_ms_max"]
    assert u["first_frame_seconds"] > 0 and u["peak_rss_mb"] > 0
    assert (
        set(r["verdict"])
        == set(r["targets"])
        == {"genoa_games_per_second", "batch_10000_on_2_cores_seconds", "ui_frame_ms_p99", "ui_first_frame_seconds", "batch_memory_growth_mb"}
    )
    assert r["verdict"]["batch_10000_on_2_cores_seconds"]["met"] is None  # quick batches are tutorial games
    for name, row in r["verdict"].items():
        assert row["target"] == r["targets"][name] and row["met"] in (True, False, None)
    growth = r["verdict"]["batch_memory_growth_mb"]
    assert growth["measured"] == r["batch_memory"]["growth_mb"] and growth["met"] == (growth["measured"] <= growth["target"])


def test_bench_table_names_the_machine_and_every_target() -> None:
    from game.cli.cmd_bench import print_table

    fake = {
        "quick": True,
        "machine": {"cores": 2, "python": "3.11", "numpy": "2", "platform": "x", "processor": "y"},
        "engine": {"genoa": {"games_per_second": 20.0, "ms_per_game": 50.0, "command": "c"}},
        "batch_scaling": {"runs": 4, "jobs1_seconds": 1.0, "jobs2_seconds": 0.6, "speedup": 1.7, "identical": True, "command": "c"},
        "batch_memory": {
            "runs": [{"runs": 4, "scenario": "t", "jobs": 1, "peak_rss_mb": 60.0, "worker_peak_rss_mb": 0.0, "seconds": 1.0, "command": "c"}],
            "growth_mb": 0.0,
            "note": "n",
        },
        "ui": {"available": False, "error": "no conference screen", "command": "c"},
        "verdict": {"ui_frame_ms_p99": {"measured": None, "target": 16.7, "met": None}},
    }
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print_table(fake)
    text = buf.getvalue()
    assert "2 cores, Python 3.11, numpy 2" in text and "ui_frame_ms_p99" in text and "not measured" in text
