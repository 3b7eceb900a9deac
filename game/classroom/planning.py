"""How long a lesson will take: the scenario's minutes scaled by the number of teams.

Scenario authors give minutes for a game length as played by two teams (the
usual class split). Each team beyond two adds about a tenth: one more
hand-over and one more discussion per sitting; AI delegations move in
seconds and barely count. With one team or none (a show), the estimate stays
at the two-team figure less a tenth, never lower, because the news and the
debrief take the same time whoever plays.
"""

from __future__ import annotations

BASE_TEAMS = 2
PER_TEAM = 0.10
FLOOR = 0.9


def team_factor(teams: int) -> float:
    """The scale applied to the scenario's two-team minutes."""
    return max(FLOOR, 1.0 + PER_TEAM * (teams - BASE_TEAMS))


def estimate_minutes(minutes: float | None, teams: int) -> int | None:
    """The estimated lesson length in whole minutes, rounded to 5; None when the scenario gives no minutes."""
    if not minutes:
        return None
    return max(5, round(minutes * team_factor(teams) / 5.0) * 5)
