"""The window's small toolkit: what every screen is drawn with, and nothing about any one screen.

``context`` (what a screen may ask of the app, as small Protocols: the app is passed, never
imported), ``scene`` (the Scene base and the stack), ``layout`` (rects from window size and text
size, and the declarative grid: rows and columns of fixed, fractional and content-sized tracks
giving named rectangles), ``theme`` (colours, fonts), ``text`` (wrapping, ellipsis, whole
paragraphs, the line cache), ``registry`` (what is on screen this frame, in words),
``widgets``/``focus`` (keyboard-first controls), ``scroll`` and ``wrap_list`` (content taller than
its box), ``card`` (dialog cards over a scene), ``chrome`` (the shared frame: paper, title band,
panels), ``emblems`` (delegation flags and seats drawn in code), ``charts`` (line charts) and
``options`` (what the window is opened with; no pygame). The kit imports nothing of game/ui
outside itself (tests/test_layers.py checks it).
"""
