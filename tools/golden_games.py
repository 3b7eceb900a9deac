"""Record or check the golden games (see game/play/golden.py for what they are).

    python tools/golden_games.py check                    # every shipped scenario against tests/golden/games.json
    python tools/golden_games.py record                   # after a deliberate change to the engine, the AI or a scenario
    python tools/golden_games.py check  SCENARIO_DIR OUT.json   # against a private copy, e.g. while tuning for speed

`check` exits 1 and names the games that differ; the test suite runs the same
check (tests/engine/test_golden_games.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.engine.compiled import compile_scenario  # noqa: E402
from game.play.golden import fingerprints  # noqa: E402
from game.scenario.loader import load  # noqa: E402

SCENARIOS = ROOT / "scenarios"
GOLDEN = ROOT / "tests" / "golden" / "games.json"


def all_fingerprints(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        loaded = load(path)
        out.update(fingerprints(compile_scenario(loaded.scenario), path.stem, variant=loaded.scenario.extends is not None))
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("record", "check") or len(argv) not in (1, 3):
        print(__doc__, file=sys.stderr)
        return 2
    mode = argv[0]
    folder, file = (Path(argv[1]), Path(argv[2])) if len(argv) == 3 else (SCENARIOS, GOLDEN)
    got = all_fingerprints(folder)
    if mode == "record":
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(got)} games in {file}")
        return 0
    want = json.loads(file.read_text(encoding="utf-8"))
    bad = sorted(k for k in want.keys() | got.keys() if got.get(k) != want.get(k))
    print(f"{len(want.keys() & got.keys()) - len([k for k in bad if k in want and k in got])}/{len(want)} games identical")
    for k in bad[:20]:
        print("DIFFERS" if k in want and k in got else "MISSING" if k in want else "NEW", k)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
