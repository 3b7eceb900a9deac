"""Actions to and from JSON, for saves and session records.

Decoding never trusts the file: each action is validated by its model in
`game.play.save_format` (one model per kind of action, the same fields as the
engine's), and checked again by the engine when a save is replayed.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from game.engine import actions as A
from game.play.save_format import ActionModel, problem, to_model


class CodecError(ValueError):
    """A saved action that is not well formed; the message names the field."""


_ACTION: TypeAdapter[Any] = TypeAdapter(ActionModel)


def action_to_json(a: A.Action) -> dict[str, Any]:
    """The action as a JSON table: `type` (its class name) and its fields, None left out."""
    out: dict[str, Any] = to_model(a).model_dump(mode="json", exclude_none=True)
    return out


def action_from_json(d: Any, where: str = "action") -> A.Action:
    """The engine action a JSON table stands for; CodecError naming the field when it is not one."""
    if not isinstance(d, dict):
        raise CodecError(f"{where}: must be a table")
    try:
        model = _ACTION.validate_python(d)
    except ValidationError as err:
        raise CodecError(problem(err, where)) from None
    action: A.Action = model.to_action()
    return action
