"""The conference screen and everything drawn over it while a game is played.

``screen`` (the scene that runs the conference), ``draw`` (its painters: table, board, news,
proposals), ``board`` (the issue board widget), ``inbox`` (proposals waiting for an answer),
``move_forms`` (proposal, position, statement, confirm, briefing cards), ``done`` (the
confirmation after a move) and ``handover`` ("pass the computer to ..."). The pause menu,
settings, save and load cards live in ``screens/menu``: every screen reaches them.
"""
