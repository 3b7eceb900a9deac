"""The teacher's tools in the window: ``tools`` (the PIN card, the confirmation card, the layer
installed over the game) and ``console`` (the one card with every control a lesson needs)."""
