"""The teacher's choices on the setup screen: console PIN, turn timer, aim weights.

Weights are kept as *changes* to the scenario's own (delegation -> aim ->
weight), so a scenario whose weights are later recalibrated still counts its
new weights wherever the teacher did not choose otherwise, and the record can
list exactly what the teacher changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.scenario.models import Delegation

WEIGHT_STEPS = tuple(x / 2 for x in range(0, 21))  # 0, 0.5, ... 10
MINUTE_STEPS = (0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20)


@dataclass
class ClassroomChoices:
    pin: str = ""
    minutes: float = 0.0
    auto_pass: bool = False
    weights: dict[str, dict[str, float]] = field(default_factory=dict)

    def weight(self, delegation: Delegation, aim_id: str) -> float:
        aim = next(a for a in delegation.aims if a.id == aim_id)
        return self.weights.get(delegation.id, {}).get(aim_id, aim.weight)

    def set_weight(self, delegation: Delegation, aim_id: str, value: float) -> None:
        """Set one aim's weight; back at the scenario's value it is no longer a change."""
        aim = next(a for a in delegation.aims if a.id == aim_id)
        mine = self.weights.setdefault(delegation.id, {})
        if float(value) == aim.weight:
            mine.pop(aim_id, None)
        else:
            mine[aim_id] = float(value)
        if not mine:
            del self.weights[delegation.id]

    def reset_weights(self) -> None:
        self.weights.clear()

    def changed_delegations(self) -> int:
        return len(self.weights)

    def frozen_weights(self) -> dict[str, dict[str, float]]:
        return {d: dict(w) for d, w in self.weights.items()}
