"""The window's small toolkit: what every screen is drawn with, and nothing about any one screen.

``scene`` (the Scene base and the stack), ``layout`` (rects from window size and text size),
``theme`` (colours, fonts), ``text`` (wrapping, ellipsis, the line cache), ``registry`` (what is
on screen this frame, in words), ``widgets``/``focus`` (keyboard-first controls), ``scroll`` and
``wrap_list`` (content taller than its box), ``card`` (dialog cards over a scene), ``chrome``
(the shared frame: paper, title band, panels), ``emblems`` (delegation flags drawn in code),
``charts`` (line charts) and ``options`` (what the window is opened with; no pygame).
"""
