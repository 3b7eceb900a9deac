import sys
from pathlib import Path

# the engine tests' scenario helpers (compile_text, TUTORIAL, MINI) are shared with these tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
