"""What the window's screens show, computed without pygame: serialisable view models.

One module per screen or panel: ``setup`` (what the setup screen offers, the `GameSetup`),
``conference`` (the table, board, news, proposals for one viewer), ``inbox``, ``digest`` (the
"since your last turn" digest), ``move`` (the move forms' drafts), ``outcome`` (the debrief),
``designer`` (the live-state panel) and ``codes`` (short delegation codes). A layer above
sessions and the classroom and below the network, so a classroom host (game/net) builds the
same views the window (game/ui) draws. Nothing here imports pygame or game.ui.
"""
