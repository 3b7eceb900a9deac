"""The conference screen and everything drawn over it while a game is played.

``screen`` (the scene that runs the conference), ``draw`` (its painters: table, board, news,
proposals), ``board`` (the issue board widget), ``inbox`` (proposals waiting for an answer),
``move_forms`` (proposal, position, statement, confirm, briefing cards), ``done`` (the
confirmation after a move), ``handover`` ("pass the computer to ..."), ``pause`` (the pause
menu and settings card) and ``saveload`` (saving, loading, and a plain message screen).
"""
