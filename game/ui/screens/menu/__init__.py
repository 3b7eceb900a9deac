"""The menus every screen reaches: ``pause`` (Esc: continue, settings, save, load, quit; the settings card,
also opened from the setup screen) and ``saveload`` (the save and load cards, the resumed game, the message card)."""
