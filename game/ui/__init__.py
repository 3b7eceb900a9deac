"""The game window (pygame-ce). Nothing outside this package imports pygame.

Three parts: ``kit/`` (the small toolkit every screen is drawn with: scenes, layout, theme,
text, widgets, focus, scrolling, cards, emblems, charts), ``screens/`` (one subpackage or
module per screen: setup, intro, conference, outcome, teacher, designer, remote), and this
package itself: ``app`` (window, loop, scene stack owner), ``main`` (`plenipo play` wires the
window to the engine), the UI script runner (``script``, ``script_lang``) and ``bench_probe``.
What a screen shows is computed without pygame in ``game/views/`` (a layer below the network,
so a classroom host can send it). This ``__init__`` imports nothing, so pygame-free helpers
such as ``kit.options`` and ``script_lang`` stay importable without pygame.
"""
