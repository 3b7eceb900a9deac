"""The teacher's side of a lesson: console commands, the PIN guard, turn timers and lesson planning (no pygame)."""
