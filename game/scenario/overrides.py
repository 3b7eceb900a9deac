"""Change one value of a scenario's data before it is validated: `sweep` and what-ifs.

A key path names a value the way a designer reads the file: table keys
joined by dots, and an item of a list of tables by its `id`, e.g.
`delegations.germany.stances.article_116.no_deal` or
`events.villa_dalbertis.chance`. A list of plain values takes an index
(`calendar.sittings.0`). The new value then goes through the same
validation as the file itself, so a bad value is an ordinary
`ScenarioError` with its key path.
"""

from __future__ import annotations

import copy
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.scenario.errors import KeyPath, Problem, ScenarioError, did_you_mean
from game.scenario.models import Scenario


def parse_value(text: str) -> Any:
    """A command-line value as TOML reads it (`0.5`, `true`, `"x"`, `[1, 2]`); else the plain string."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models a field's annotation can hold (through lists, dicts and unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for a in args:
            out.extend(models_in(a))
    elif origin is dict and len(args) == 2:
        out.extend(models_in(args[1]))
    elif origin is typing.Annotated:
        out.extend(models_in(args[0]))
    return out


def _field_names(models: list[type[BaseModel]]) -> list[str]:
    return [f.alias or n for m in models for n, f in m.model_fields.items()]


def _child_models(models: list[type[BaseModel]], key: str) -> list[type[BaseModel]]:
    out = []
    for m in models:
        for n, f in m.model_fields.items():
            if key in (n, f.alias):
                out.extend(models_in(f.annotation))
    return out


def apply_overrides(data: dict[str, Any], overrides: Mapping[str, Any], file: Path) -> tuple[dict[str, Any], list[KeyPath]]:
    """A copy of `data` with each key path set to its value, and the data path each resolved to.

    Raises ScenarioError for a path that names nothing, with the closest names."""
    out = copy.deepcopy(data)
    resolved: list[KeyPath] = []
    problems: list[Problem] = []
    for keypath, value in overrides.items():
        try:
            resolved.append(_set(out, keypath, value, file))
        except ScenarioError as err:
            problems.extend(err.problems)
    if problems:
        raise ScenarioError(problems)
    return out, resolved


def _set(data: dict[str, Any], keypath: str, value: Any, file: Path) -> KeyPath:
    parts = keypath.split(".")
    if not keypath or any(not p for p in parts):
        raise ScenarioError([Problem(file, (), f"--set {keypath!r}: a key path is keys joined by dots, e.g. delegations.ID.reservation")])
    node: Any = data
    models: list[type[BaseModel]] = [Scenario]
    dict_of_models = False  # inside a dict[Id, Model] (stances, ...): keys are ids, not fields
    path: list[str | int] = []

    def fail(known: list[str], what: str) -> ScenarioError:
        here = ".".join(parts[:n]) or "the top level"
        return ScenarioError([Problem(file, tuple(path), f"--set {keypath!r}: {here} has no {what} {part!r}{did_you_mean(part, known)}")])

    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if isinstance(node, list):
            ids = [x.get("id") for x in node if isinstance(x, dict)]
            if part in ids:
                k = ids.index(part)
            elif part.isdigit() and int(part) < len(node):
                k = int(part)
            else:
                raise fail([str(i) for i in ids if i], "item with id")
            path.append(k)
            if last:
                node[k] = value
                return tuple(path)
            node = node[k]
            continue
        if not isinstance(node, dict):
            raise fail([], "key")
        known = sorted(set(node) | set(_field_names(models) if not dict_of_models else []))
        free = not models and not dict_of_models  # a plain table of id -> value (relations, costs): new ids allowed
        if part not in known and not (free and last):
            raise fail(known, "key")
        path.append(part)
        if last:
            node[part] = value
            return tuple(path)
        if part not in node:
            node[part] = {}
        if dict_of_models:
            dict_of_models = False
        else:
            child = _child_models(models, part)
            ann_is_dict = any(
                typing.get_origin(f.annotation) is dict and models_in(f.annotation)
                for m in models
                for nm, f in m.model_fields.items()
                if part in (nm, f.alias)
            )
            models = child
            dict_of_models = ann_is_dict
        node = node[part]
    raise AssertionError("unreachable")
