"""Actions to and from JSON, for saves and session records.

Decoding never trusts the file: each action is validated by its model in
`game.play.save_format` (one model per kind of action, the same fields as the
engine's), and checked again by the engine when a save is replayed.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from pydantic import TypeAdapter, ValidationError

from game.engine import actions as A
from game.play.save_format import ActionModel, problem


class CodecError(ValueError):
    """A saved action that is not well formed; the message names the field."""


_ACTION: TypeAdapter[Any] = TypeAdapter(ActionModel)


def action_to_json(a: A.Action) -> dict[str, Any]:
    """The action as a JSON table: `type` (its class name) and its fields, None left out.

    Written directly from the action's fields (saving is frequent: every autosave writes
    every move); the models of `save_format` read it back, and a property test checks
    that every action survives the round trip."""
    out: dict[str, Any] = {"type": type(a).__name__}
    for f in dataclasses.fields(a):
        value = getattr(a, f.name)
        if value is not None:
            out[f.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, A.Reasons):
        reasons = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if not reasons.get("wanted", True):
            del reasons["wanted"]  # written only when an AI says what it held out for
        return reasons
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(x) for x in value]
    return value


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
