"""`python -m game` is the same as `plenipo`."""

from game.cli.main import main

raise SystemExit(main())
