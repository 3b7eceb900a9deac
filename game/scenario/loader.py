"""Read a scenario file: TOML -> merged variant -> pydantic model -> checked.

Loading is all or nothing: either a complete, cross-checked `Scenario`, or a
`ScenarioError` holding every problem found. Nothing in a file is executed.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic

from game.resources import shipped_scenarios
from game.scenario.check import check_references
from game.scenario.errors import KeyPath, Problem, ScenarioError, Severity, did_you_mean
from game.scenario.lint import lint
from game.scenario.locate import Locator
from game.scenario.models import (
    CONDITION_ERROR,
    EFFECT_ERROR,
    EFFECTS,
    FORMAT_VERSION,
    TESTS,
    Calendar,
    Delegation,
    EffectKind,
    Event,
    Instrument,
    Issue,
    Outcome,
    Scenario,
)
from game.scenario.overrides import apply_overrides, models_in
from game.scenario.rawcheck import raw_problems

MAX_FILE_BYTES = 2_000_000
MAX_EXTENDS_DEPTH = 8
MAX_NESTING = 40


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario and where it came from."""

    scenario: Scenario
    path: Path
    digest: str  # sha256 of the file and every file it extends, for saves
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class _Raw:
    path: Path
    data: dict[str, Any]
    locator: Locator
    texts: tuple[bytes, ...]
    sources: tuple[tuple[Path, Any, Locator], ...] = ()  # each file's own data and lines: the variant first, then what it extends


def _read(path: Path, chain: tuple[Path, ...]) -> _Raw:
    """One file's checked data, merged over the scenario it extends (read the same way, down the chain)."""
    blob = _bytes(path)
    text = _text(path, blob)
    data = _toml(path, text)
    locator = Locator(text)
    depth = _depth(data)
    if depth > MAX_NESTING:
        deepest = _deepest_path(data)
        line, col = locator.position(deepest)
        raise ScenarioError(
            [Problem(path, deepest, f"values are nested {depth} levels deep; at most {MAX_NESTING} are allowed", line=line, column=col)]
        )
    bad = raw_problems(data, path, locator)
    if bad:
        raise ScenarioError(bad)
    raw = _Raw(path, data, locator, (blob,), ((path, data, locator),))
    return raw if data.get("extends") is None else _extended(raw, chain)


def _bytes(path: Path) -> bytes:
    """The file's bytes, refused beyond MAX_FILE_BYTES without reading further."""
    try:
        if path.exists() and not path.is_dir() and not path.is_file():  # a device or pipe (`extends = "/dev/zero"`) never ends
            raise ScenarioError([Problem(path, (), "not a regular file")])
        with path.open("rb") as f:
            blob = f.read(MAX_FILE_BYTES + 1)  # never more than the limit, however large the file
    except FileNotFoundError:
        raise ScenarioError([Problem(path, (), "file not found")]) from None
    except OSError as err:
        raise ScenarioError([Problem(path, (), f"cannot read the file: {err.strerror or err}")]) from None
    if len(blob) > MAX_FILE_BYTES:
        raise ScenarioError([Problem(path, (), f"file is larger than {MAX_FILE_BYTES:,} bytes, the most a scenario may have")])
    return blob


def _text(path: Path, blob: bytes) -> str:
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_line = blob[: err.start].count(b"\n") + 1
        raise ScenarioError([Problem(path, (), "the file is not UTF-8 text", line=bad_line)]) from None
    return text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors write: not part of the TOML


def _toml(path: Path, text: str) -> dict[str, Any]:
    """The parsed TOML, or an error placed where tomllib (or Python's limit on long numbers) stopped."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        line: int | None = None
        col: int | None = None
        if "(at line " in msg:
            head, _, tail = msg.rpartition(" (at line ")
            nums = tail.rstrip(")").split(", column ")
            try:
                line, col = int(nums[0]), int(nums[1])
                msg = head
            except (ValueError, IndexError):
                pass
        raise ScenarioError([Problem(path, (), f"not valid TOML: {msg}", line=line, column=col)]) from None
    except RecursionError:
        raise ScenarioError([Problem(path, (), "not valid TOML: nested too deeply")]) from None
    except ValueError:  # an integer of more than 4,300 digits, which Python refuses to read
        long = re.search(r"[0-9_]{4301,}", text)
        where = _line_col(text, long.start()) if long else (None, None)
        raise ScenarioError(
            [Problem(path, (), "a number has more than 4,300 digits; numbers in a scenario stay within ±1e+15", line=where[0], column=where[1])]
        ) from None


def _extended(raw: _Raw, chain: tuple[Path, ...]) -> _Raw:
    """A variant merged over the file its `extends` names: beside it or shipped, never in a loop."""
    path, data = raw.path, raw.data
    base_ref = data["extends"]
    if not isinstance(base_ref, str):
        raise ScenarioError([Problem(path, ("extends",), "must be a file path (a string)", line=raw.locator.line_of(("extends",)))])
    ext_line, ext_col = raw.locator.position(("extends",))
    try:
        base_path = (path.parent / base_ref).resolve()
        allowed = [path.parent.resolve(), shipped_scenarios().resolve()]
    except (OSError, RuntimeError, ValueError) as err:  # a symlink loop, a NUL in the path
        unusable = f"{base_ref!r} is not a usable path ({_why(err)})"
        raise ScenarioError([Problem(path, ("extends",), unusable, line=ext_line, column=ext_col)]) from None
    if not any(base_path.is_relative_to(folder) for folder in allowed):
        msg = (
            f"{base_ref!r} is outside this scenario's folder ({path.parent}) and the shipped scenarios; "
            "a variant may only extend a file beside it or a shipped scenario"
        )
        raise ScenarioError([Problem(path, ("extends",), msg, line=ext_line, column=ext_col)])
    if base_path in chain or len(chain) >= MAX_EXTENDS_DEPTH:
        msg = f"{base_ref!r} leads to a loop or a chain deeper than {MAX_EXTENDS_DEPTH}"
        raise ScenarioError([Problem(path, ("extends",), msg, line=ext_line, column=ext_col)])
    try:
        base = _read(base_path, chain + (base_path,))
    except ScenarioError as err:
        note = Problem(path, ("extends",), f"the scenario it extends, {base_ref!r}, has errors", line=ext_line, column=ext_col)
        raise ScenarioError([note, *err.problems]) from None
    merged = merge(base.data, data)
    merged.pop("extends", None)
    merged["extends"] = base_ref
    return _Raw(path, merged, raw.locator, base.texts + raw.texts, (*raw.sources, *base.sources))


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _why(err: BaseException) -> str:
    if isinstance(err, RuntimeError) or (isinstance(err, OSError) and err.errno == 40):
        return "it leads to a loop of symbolic links"
    if isinstance(err, ValueError):
        return "it holds a NUL character"
    return str(getattr(err, "strerror", None) or err)


def _deepest_path(data: Any) -> KeyPath:
    """The key path to the first value nested more than MAX_NESTING deep, found without recursion."""
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    best: KeyPath = ()
    while stack:
        path, value = stack.pop()
        if len(path) > len(best):
            best = path
            if len(best) > MAX_NESTING:
                return best[: MAX_NESTING + 1]
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, k), v) for k, v in enumerate(value))
    return best


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_NESTING:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def merge(base: Any, over: Any) -> Any:
    """Variant rules: tables merge key by key; lists of tables with `id` merge item by id
    (new ids are appended); `remove = true` in a table or an item drops it; any other value replaces."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            if isinstance(value, dict) and value.get("remove") is True:
                out.pop(key, None)  # `remove = true` drops a table (a stance, a length) as it drops a list item
                continue
            out[key] = merge(base[key], value) if key in base else value
        return out
    if (
        isinstance(base, list)
        and isinstance(over, list)
        and all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in base + over)  # a non-string id is reported by validation
    ):
        items = {x["id"]: x for x in base}
        order = [x["id"] for x in base]
        for item in over:
            if item.get("remove") is True:
                items.pop(item["id"], None)
                continue
            if item["id"] in items:
                items[item["id"]] = merge(items[item["id"]], item)
            else:
                items[item["id"]] = item
                order.append(item["id"])
        return [items[i] for i in order if i in items]
    return over


def _placed(p: Problem, raws: list[tuple[Path, Locator]]) -> Problem:
    where, line, col = _locate(p.path, raws)
    return Problem(where, p.path, p.message, line=line, column=col, severity=p.severity)


def _clean_loc(loc: tuple[Any, ...], data: Any) -> KeyPath:
    """Drop pydantic's union-member markers (`str`, `dict[...]`, `function-after[...]`), but never a key
    the data really has (an event's `date` is a key, not the marker of a date member)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        real = (isinstance(node, dict) and part in node) or (isinstance(node, list) and isinstance(part, int))
        if not real and isinstance(part, str) and (part in {"str", "int", "float", "bool", "date"} or "[" in part):
            continue
        out.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(out)


def _at(data: Any, path: KeyPath) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


_KINDS = {
    "issues": "issue",
    "delegations": "delegation",
    "instruments": "instrument",
    "events": "event",
    "outcomes": "outcome",
    "lengths": "length",
    "aims": "aim",
    "options": "option",
}


def _owner(path: KeyPath, data: Any) -> str:
    """ "event 'storm': " for a path inside an item with an id: the designer finds it by its id."""
    for end in range(len(path) - 1, 0, -1):
        if isinstance(path[end], int) and isinstance(path[end - 1], str):
            item = _at(data, path[: end + 1])
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return f"{_KINDS.get(str(path[end - 1]), 'item')} {item['id']!r}: "
            return ""
    return ""


def _known_keys(path: KeyPath) -> list[str]:
    """The keys the model allows in the table at `path` (for 'did you mean')."""
    models: list[type[pydantic.BaseModel]] = [Scenario]
    for part in path:
        if isinstance(part, int):
            continue
        fields = [m.model_fields for m in models]
        match = [f for fs in fields for n, f in fs.items() if part in (n, f.alias)]
        if match:
            models = [m for f in match for m in models_in(f.annotation)]
        # else: a dict key (a stance's issue id): the models stay those of the dict's values
    return sorted({f.alias or n for m in models for n, f in m.model_fields.items()})


def _worded(err: Any, data: Any) -> list[tuple[KeyPath, str, bool]]:
    """A pydantic error as (key path, message, whether to point at the key rather than the value).

    A condition table with no test or several, and an effect with no usable `kind`, are worded
    from the table itself: its unknown keys with the closest test names, or how many tests it holds."""
    p = _clean_loc(err["loc"], data)
    node = _at(data, p)
    if err["type"] == EFFECT_ERROR:
        if not isinstance(node, dict):
            return [(p, "an effect is a table: `{ kind = ..., ... }`", False)]
        return [(p + ("kind",), "required key is missing" if "kind" not in node else str(err["msg"]), False)]
    if err["type"] == CONDITION_ERROR:
        if not isinstance(node, dict):
            return [(p, f"a condition is a table holding one test, e.g. `{{ always = true }}`; tests are: {', '.join(sorted(TESTS))}", False)]
        tests = [k for k in node if k in TESTS]
        out = [(p + (k,), "unknown key" + did_you_mean(str(k), TESTS), True) for k in node if k not in TESTS]
        if len(tests) > 1 or not out:
            out.append((p, f"a condition needs exactly one test, found {len(tests)}; tests are: {', '.join(sorted(TESTS))}", False))
        return out
    member = err["loc"][-2] if len(err["loc"]) >= 2 else None
    if isinstance(member, str) and member.startswith("effect[") and err["type"] in ("missing", "extra_forbidden"):
        kind = member.removeprefix("effect[").removesuffix("]")
        if err["type"] == "missing":  # said of the effect, where the designer adds the key
            return [(p[:-1], f"a {kind!r} effect needs {p[-1]}", False)]
        takes = ", ".join(f.alias or n for n, f in EFFECTS[EffectKind(kind)].model_fields.items())
        return [(p, f"a {kind!r} effect takes no {p[-1]!r}; it takes {takes}", True)]
    return [(p, _message(err, p, data), err["type"] == "extra_forbidden")]


def _message(err: Any, path: KeyPath = (), data: Any = None) -> str:
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        return "unknown key" + did_you_mean(key, _known_keys(path[:-1]))
    if kind == "missing":
        return "required key is missing"
    if kind.startswith(("date_", "datetime_")) and path:
        value = err.get("input")
        shown = repr(value) if isinstance(value, str | int | float) else "the value"
        return f"{_owner(path, data)}{shown} is not a date; use YYYY-MM-DD (e.g. 1922-04-10)"
    if path and path[-1] == "chance" and kind in ("less_than_equal", "greater_than_equal"):
        return f"chance is a probability, from 0 (never) to 1 (always), e.g. 0.7 for 70%; {err.get('input')!r} is outside it"
    if kind == "string_type" and isinstance(err.get("input"), list):
        found = f"one value here, not a list of {len(err['input'])}"
        if any(part in ("when", "any", "all", "not") for part in path):  # a test names one delegation, issue, ...
            return found + "; for several, write one test each inside `any = [ ... ]`"
        return found
    if kind in ("too_long", "too_short"):
        ctx = err.get("ctx", {})
        if kind == "too_long":
            return f"at most {ctx.get('max_length')} items are allowed, found {ctx.get('actual_length')}"
        need = ctx.get("min_length")
        return f"at least {need} item{'' if need == 1 else 's'} needed here, found {ctx.get('actual_length')}"
    return msg


class _Translated(Locator):
    """A file's locator seen through the merged data: list items are matched by `id`,
    since a variant's first delegation may be the merged scenario's third."""

    def __init__(self, locator: Locator, own: Any, merged: Any) -> None:  # no text to scan: it reads through `locator`
        self.locator, self.own, self.merged = locator, own, merged

    def _own(self, path: KeyPath) -> KeyPath | None:
        node, mine = self.merged, self.own
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int) and isinstance(node, list) and isinstance(mine, list):
                item = node[part] if 0 <= part < len(node) else None
                j = part
                if isinstance(item, dict) and "id" in item:
                    ids = [x.get("id") if isinstance(x, dict) else None for x in mine]
                    if item["id"] not in ids:
                        return None
                    j = part if part < len(ids) and ids[part] == item["id"] else ids.index(item["id"])
                out.append(j)
                node, mine = item, mine[j] if 0 <= j < len(mine) else None
            else:
                out.append(part)
                node = node.get(part) if isinstance(node, dict) and isinstance(part, str) else None
                mine = mine.get(part) if isinstance(mine, dict) and isinstance(part, str) else None
        return tuple(out)

    def has(self, path: KeyPath) -> bool:
        own = self._own(path)
        return own is not None and self.locator.has(own)

    def line_of(self, path: KeyPath) -> int | None:
        own = self._own(path)
        return self.locator.line_of(own if own is not None else path)

    def position(self, path: KeyPath) -> tuple[int | None, int | None]:
        own = self._own(path)
        return self.locator.position(own if own is not None else path)

    def key_position(self, path: KeyPath) -> tuple[int | None, int | None]:
        own = self._own(path)
        return self.locator.key_position(own if own is not None else path)


def _locate(problem_path: KeyPath, raws: list[tuple[Path, Locator]], key: bool = False) -> tuple[Path, int | None, int | None]:
    """The file, line and column that name this path: the variant first, then what it extends.
    `key`: point at the key itself (an unknown key) rather than at its value."""

    def where(locator: Locator) -> tuple[int | None, int | None]:
        return locator.key_position(problem_path) if key else locator.position(problem_path)

    best: tuple[Path, int | None, int | None] = (raws[0][0], *where(raws[0][1]))
    best_depth = 0
    for path, locator in raws:  # the file naming the longest part of the path wins; the variant on ties
        depth = next((end for end in range(len(problem_path), 0, -1) if locator.has(problem_path[:end])), 0)
        if depth > best_depth:
            best, best_depth = (path, *where(locator)), depth
    return best


def load(path: str | Path, overrides: Mapping[str, Any] | None = None) -> LoadedScenario:
    """Load, merge, validate and cross-check one scenario file.

    `overrides` maps key paths (`delegations.germany.reservation`, see
    overrides.py) to values set on the merged data before validation."""
    file = Path(path)
    try:
        resolved = file.resolve()
    except (OSError, RuntimeError, ValueError) as err:
        raise ScenarioError([Problem(file, (), f"cannot open the file: {_why(err)}")]) from None
    raw = _read(resolved, (resolved,))
    sources = raw.sources
    raw = _Raw(file, raw.data, raw.locator, raw.texts)
    data = raw.data
    if overrides:
        data, _ = apply_overrides(data, overrides, file)
        raw = _Raw(file, data, raw.locator, (*raw.texts, repr(sorted(overrides.items())).encode()))
    raws: list[tuple[Path, Locator]] = [(where if k else file, _Translated(loc, own, data)) for k, (where, own, loc) in enumerate(sources)]
    if isinstance(data.get("format"), int) and data["format"] > FORMAT_VERSION:
        msg = f"format {data['format']} is newer than this Plenipo reads ({FORMAT_VERSION}); update Plenipo"
        raise ScenarioError([Problem(file, ("format",), msg, line=raw.locator.line_of(("format",)))])
    try:
        scenario = Scenario.model_validate(data)
    except pydantic.ValidationError as err:
        problems = []
        seen: set[tuple[KeyPath, str]] = set()
        for e in err.errors():
            for p, msg, at_key in _worded(e, data):
                if (p, msg) in seen:
                    continue
                seen.add((p, msg))
                where, line, col = _locate(p, raws, key=at_key)
                problems.append(Problem(where, p, msg, line=line, column=col))
        problems = _dedupe_unions(problems)
        if len(sources) > 1:
            problems = _new_items_in_variant(problems, data, sources, raws)
        problems.extend(_partial_reference_problems(data, raws))
        raise ScenarioError(problems) from None
    except RecursionError:
        raise ScenarioError([Problem(file, (), "values are nested too deeply")]) from None
    problems = [_placed(p, raws) for p in check_references(scenario)]
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise ScenarioError(errors)
    problems += [_placed(p, raws) for p in lint(scenario)]
    digest = hashlib.sha256(b"\0".join(raw.texts)).hexdigest()
    warnings = tuple(p for p in problems if p.severity is Severity.WARNING)
    return LoadedScenario(scenario, file, digest, warnings)


_SECTIONS: dict[str, type[pydantic.BaseModel]] = {
    "issues": Issue,
    "delegations": Delegation,
    "instruments": Instrument,
    "events": Event,
    "outcomes": Outcome,
}


def _partial_reference_problems(data: dict[str, Any], raws: list[tuple[Path, Locator]]) -> list[Problem]:
    """Cross-check the items that did validate, so one run reports both kinds of mistake."""
    parts: dict[str, Any] = {}
    raw_ids: dict[str, set[str]] = {}
    index_of: dict[str, list[int]] = {}
    for section, model in _SECTIONS.items():
        items = data.get(section)
        good = []
        kept: list[int] = []
        raw_ids[section] = set()
        if isinstance(items, list):
            for k, item in enumerate(items):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    raw_ids[section].add(item["id"])
                try:
                    good.append(model.model_validate(item))
                    kept.append(k)
                except (pydantic.ValidationError, RecursionError):
                    continue
        parts[section] = good
        index_of[section] = kept
    try:
        calendar = Calendar.model_validate(data.get("calendar"))
    except pydantic.ValidationError:
        calendar = Calendar.model_construct(sittings=[], lengths=[])
    partial = Scenario.model_construct(calendar=calendar, **parts)
    out = []
    for p in check_references(partial, raw_ids):
        path = p.path
        if len(path) >= 2 and path[0] in index_of and isinstance(path[1], int):
            path = (path[0], index_of[str(path[0])][path[1]], *path[2:])
        where, line, col = _locate(path, raws)
        out.append(Problem(where, path, p.message, line=line, column=col, severity=p.severity))
    return [p for p in out if p.severity is Severity.ERROR]


def _new_items_in_variant(
    problems: list[Problem], data: dict[str, Any], sources: tuple[tuple[Path, Any, Locator], ...], raws: list[tuple[Path, Locator]]
) -> list[Problem]:
    """In a variant, an item whose id the base lacks and that misses required keys is almost always a
    misspelt id: one error naming the base's closest ids, instead of a list of missing keys."""
    out: list[Problem] = []
    done: set[KeyPath] = set()
    for p in problems:
        if len(p.path) >= 3 and p.path[0] in _SECTIONS and isinstance(p.path[1], int) and p.message == "required key is missing":
            item_path = p.path[:2]
            item = _at(data, item_path)
            base_ids: list[str] = [
                x["id"]
                for _, own, _ in sources[1:]
                if isinstance(own, dict)
                for x in (own.get(str(p.path[0])) or [])
                if isinstance(x, dict) and isinstance(x.get("id"), str)
            ]
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] not in base_ids:
                if item_path in done:
                    continue
                done.add(item_path)
                kind = _KINDS[str(p.path[0])]
                msg = (
                    f"{kind} {item['id']!r} is not in the scenario this one extends{did_you_mean(item['id'], base_ids)}; "
                    f"a new {kind} needs all its keys"
                )
                where, line, col = _locate((*item_path, "id"), raws)
                out.append(Problem(where, (*item_path, "id"), msg, line=line, column=col))
                continue
        out.append(p)
    return out


def _dedupe_unions(problems: list[Problem]) -> list[Problem]:
    """A bad `Text` fails both as a string and as a table; say it once, plainly."""
    by_path: dict[KeyPath, list[Problem]] = {}
    for p in problems:
        by_path.setdefault(p.path, []).append(p)
    out = []
    for path, group in by_path.items():
        if len(group) > 1 and any("valid string" in g.message for g in group):
            first = group[0]
            out.append(
                Problem(first.file, path, "must be a text: a string, or a table of language code to string", line=first.line, column=first.column)
            )
        else:
            out.extend(group)
    return out
