"""The game window (pygame-ce). Nothing outside this package imports pygame.

Modules: ``app`` (window, loop, scene stack owner), ``scene`` (the Scene base),
``layout`` (rects from window size and text size), ``theme`` (colours, fonts),
``widgets``/``focus`` (keyboard-first controls), ``emblems`` (delegation flags),
``setup_model`` (what the setup screen offers; no pygame), and one module per screen.
This ``__init__`` imports nothing, so ``setup_model`` stays importable without pygame.
"""
