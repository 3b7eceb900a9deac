"""Actions to and from JSON, for saves and session records.

Decoding never trusts the file: every field is type-checked here and every
action is checked again by the engine when a save is replayed.
"""

from __future__ import annotations

from typing import Any

from game.engine import actions as A


class CodecError(ValueError):
    """A saved action that is not well formed; the message names the field."""


def _reasons_to_json(r: A.Reasons | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"value": r.value, "aspiration": r.aspiration, "alternative": r.alternative, "deciding": list(r.deciding), "note": r.note}


def action_to_json(a: A.Action) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type(a).__name__}
    if isinstance(a, A.Propose):
        out.update(actor=a.actor, instrument=a.instrument, package=[list(x) for x in a.package], to=list(a.to),
                   counter_to=a.counter_to, reasons=_reasons_to_json(a.reasons), rationale=a.rationale)
    elif isinstance(a, A.Respond):
        out.update(actor=a.actor, proposal=a.proposal, answer=a.answer.value, reasons=_reasons_to_json(a.reasons), rationale=a.rationale)
    elif isinstance(a, A.Shift):
        out.update(actor=a.actor, issue=a.issue, option=a.option, reasons=_reasons_to_json(a.reasons), rationale=a.rationale)
    elif isinstance(a, A.Statement):
        out.update(actor=a.actor, text=a.text, kind=a.kind.value, issue=a.issue, rationale=a.rationale)
    elif isinstance(a, A.Walkout):
        out.update(actor=a.actor, reasons=_reasons_to_json(a.reasons), rationale=a.rationale)
    elif isinstance(a, A.Pass):
        out.update(actor=a.actor, rationale=a.rationale)
    elif isinstance(a, A.RequestAudience):
        out.update(actor=a.actor, host=a.host, rationale=a.rationale)
    elif isinstance(a, A.AnswerAudience):
        out.update(actor=a.actor, audience=a.audience, grant=a.grant, reasons=_reasons_to_json(a.reasons), rationale=a.rationale)
    elif isinstance(a, A.FireEvent):
        out.update(event=a.event)
    elif isinstance(a, A.News):
        out.update(title=a.title, text=a.text)
    elif isinstance(a, A.MoveEnd):
        out.update(delta=a.delta)
    elif isinstance(a, A.EndNow):
        out.update(reason=a.reason)
    elif isinstance(a, A.SetControl):
        out.update(delegation=a.delegation, human=a.human)
    else:  # pragma: no cover - every action type is listed above
        raise CodecError(f"cannot encode {type(a).__name__}")
    return {k: v for k, v in out.items() if v is not None}


def _get(d: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any = ..., where: str = "") -> Any:
    if key not in d:
        if default is ...:
            raise CodecError(f"{where}: missing {key!r}")
        return default
    value = d[key]
    if kind is int and isinstance(value, bool):
        raise CodecError(f"{where}: {key!r} must be a whole number")
    if not isinstance(value, kind):
        raise CodecError(f"{where}: {key!r} has the wrong type ({type(value).__name__})")
    return value


def _reasons(d: dict[str, Any], where: str) -> A.Reasons | None:
    r = d.get("reasons")
    if r is None:
        return None
    if not isinstance(r, dict):
        raise CodecError(f"{where}: 'reasons' must be a table")
    try:
        return A.Reasons(float(r["value"]), float(r["aspiration"]), float(r["alternative"]),
                         tuple(str(x) for x in r.get("deciding", [])), str(r.get("note", "")))
    except (KeyError, TypeError, ValueError):
        raise CodecError(f"{where}: 'reasons' is not well formed") from None


def action_from_json(d: Any, where: str = "action") -> A.Action:
    if not isinstance(d, dict):
        raise CodecError(f"{where}: must be a table")
    kind = _get(d, "type", str, where=where)
    why = _get(d, "rationale", str, "", where)
    if kind == "Propose":
        package = _get(d, "package", list, where=where)
        pairs = []
        for item in package:
            if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
                raise CodecError(f"{where}: each package item must be [issue, option]")
            pairs.append((item[0], item[1]))
        to = _get(d, "to", list, [], where)
        if not all(isinstance(x, str) for x in to):
            raise CodecError(f"{where}: 'to' must list delegation ids")
        counter = d.get("counter_to")
        if counter is not None and (not isinstance(counter, int) or isinstance(counter, bool)):
            raise CodecError(f"{where}: 'counter_to' must be a proposal number")
        return A.Propose(_get(d, "actor", str, where=where), _get(d, "instrument", str, where=where), tuple(pairs), tuple(to),
                         counter, _reasons(d, where), why)
    if kind == "Respond":
        answer = _get(d, "answer", str, where=where)
        if answer not in ("accept", "reject"):
            raise CodecError(f"{where}: 'answer' must be accept or reject")
        return A.Respond(_get(d, "actor", str, where=where), _get(d, "proposal", int, where=where), A.Answer(answer), _reasons(d, where), why)
    if kind == "Shift":
        return A.Shift(_get(d, "actor", str, where=where), _get(d, "issue", str, where=where), _get(d, "option", str, where=where),
                       _reasons(d, where), why)
    if kind == "Statement":
        skind = _get(d, "kind", str, "free", where)
        try:
            statement_kind = A.StatementKind(skind)
        except ValueError:
            raise CodecError(f"{where}: unknown statement kind {skind!r}") from None
        issue = d.get("issue")
        if issue is not None and not isinstance(issue, str):
            raise CodecError(f"{where}: 'issue' must be an issue id")
        return A.Statement(_get(d, "actor", str, where=where), _get(d, "text", str, "", where), statement_kind, issue, why)
    if kind == "Walkout":
        return A.Walkout(_get(d, "actor", str, where=where), _reasons(d, where), why)
    if kind == "Pass":
        return A.Pass(_get(d, "actor", str, where=where), why)
    if kind == "RequestAudience":
        return A.RequestAudience(_get(d, "actor", str, where=where), _get(d, "host", str, where=where), why)
    if kind == "AnswerAudience":
        grant = d.get("grant")
        if not isinstance(grant, bool):
            raise CodecError(f"{where}: 'grant' must be true or false")
        return A.AnswerAudience(_get(d, "actor", str, where=where), _get(d, "audience", int, where=where), grant, _reasons(d, where), why)
    if kind == "FireEvent":
        return A.FireEvent(_get(d, "event", str, where=where))
    if kind == "News":
        return A.News(_get(d, "title", str, where=where), _get(d, "text", str, "", where))
    if kind == "MoveEnd":
        return A.MoveEnd(_get(d, "delta", int, where=where))
    if kind == "EndNow":
        return A.EndNow(_get(d, "reason", str, "", where))
    if kind == "SetControl":
        human = d.get("human")
        if not isinstance(human, bool):
            raise CodecError(f"{where}: 'human' must be true or false")
        return A.SetControl(_get(d, "delegation", str, where=where), human)
    raise CodecError(f"{where}: unknown action type {kind!r}")
