"""The screens of the window, one subpackage or module each, built from ``game.ui.kit``.

``setup`` (scenario, teams, length; the teacher's settings card), ``intro`` (the setting read
aloud), ``conference`` (the table and board, the inbox, the move forms, hand-over, pause, save
and load), ``outcome`` (the debrief and its tabs), ``teacher`` (the PIN, the console, the layer
over the game), ``designer`` (live editing of a scenario file) and ``remote`` (the windows of
`plenipo host` and `plenipo join`). What each shows comes from ``game.views``.
"""
