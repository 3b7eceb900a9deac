"""Short delegation codes (\"G\", \"SR\"): pygame-free, so view models built on a network host need no window."""

from __future__ import annotations

from collections.abc import Iterable

from game.scenario.models import Delegation
from game.scenario.texts import tr


def short_codes(delegations: Iterable[Delegation], lang: str = "en") -> dict[str, str]:
    """A short code per delegation, unique in the scenario: initial, else initials, else two letters.

    Colour-blind viewers and black-and-white printouts tell seats apart by these.
    """
    dels = list(delegations)

    def candidates(d: Delegation) -> list[str]:
        name = tr(d.name, lang).strip() or d.id
        words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
        out = [name[:1].upper()]
        if len(words) > 1:
            out.append("".join(w[0] for w in words[:3]).upper())
        out.append(name[:2].capitalize())
        out.append(name[:3].capitalize())
        out.append(d.id[:4])
        return out

    level = {d.id: 0 for d in dels}
    cands = {d.id: candidates(d) for d in dels}
    for _ in range(6):
        codes = {d.id: cands[d.id][min(level[d.id], len(cands[d.id]) - 1)] for d in dels}
        seen: dict[str, list[str]] = {}
        for did, code in codes.items():
            seen.setdefault(code, []).append(did)
        clashes = [ids for ids in seen.values() if len(ids) > 1]
        if not clashes:
            return codes
        for ids in clashes:
            for did in ids:
                level[did] += 1
    return {d.id: d.id for d in dels}
