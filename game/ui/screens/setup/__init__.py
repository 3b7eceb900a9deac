"""The setup screen (``screen``: scenario, language, teams, length, seed) and the teacher's
settings card over it (``teacher_setup``: console PIN, turn timer, aim weights)."""
