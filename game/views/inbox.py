"""A team's inbox: the proposals waiting for its answer, in words, newest first. No pygame here.

Each item carries everything a team needs to decide without opening anything
else: who proposes what, in plenary or in private, every issue and option of
the package in full, what the package is worth to this team beside what no
agreement is worth to it on the same issues, and who has answered so far.
Plain frozen data, so a networked client could draw the same inbox.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.actions import Answer
from game.engine.narrate import Narrator
from game.engine.state import GameState, Proposal
from game.i18n import Translator
from game.scenario.texts import tr


@dataclass(frozen=True)
class InboxItem:
    id: int
    proposer: str
    instrument: str
    private: bool
    to: tuple[str, ...]  # names of those invited (private talks); empty in plenary
    package: tuple[tuple[str, str], ...]  # (issue title, option label), in the instrument's order
    value: float | None  # the package's worth to this team, 0-100 (None: no stake in these issues)
    no_deal: float | None  # what no agreement on the same issues is worth to this team, 0-100
    accepted_by: tuple[str, ...]
    refused_by: tuple[str, ...]
    waiting_for: tuple[str, ...]  # parties who have not answered yet (this team among them)


def worth(s: GameState, d: int, instrument: int, package: tuple[int, ...]) -> tuple[float | None, float | None]:
    """(package value, no-agreement value) for delegation `d`, weighted by how much each issue matters to it."""
    cs = s.cs
    num = base = den = 0.0
    for i, o in zip(cs.scope[instrument], package, strict=True):
        w = float(s.stances.weights[d, i])
        num += w * float(s.stances.values[d, cs.option_offset[i] + o])
        base += w * float(s.stances.no_deal[d, i])
        den += w
    return (num / den, base / den) if den else (None, None)


def inbox_item(s: GameState, p: Proposal, d: int, n: Narrator, lang: str) -> InboxItem:
    cs = s.cs

    def name(k: int) -> str:
        return n.name(cs.delegation_ids[k])

    scope = zip(cs.scope[p.instrument], p.package, strict=True)
    package = tuple((tr(cs.issue(i).title, lang), tr(cs.issue(i).options[o].label, lang)) for i, o in scope)
    value, no_deal = worth(s, d, p.instrument, p.package)
    parties = [k for k in s.active_parties(p.instrument) if k != p.proposer]
    answered = dict(p.answers)
    return InboxItem(
        id=p.id,
        proposer=name(p.proposer),
        instrument=n.instrument(cs.instrument_ids[p.instrument]),
        private=p.to is not None,
        to=tuple(name(k) for k in sorted(p.to)) if p.to is not None else (),
        package=package,
        value=value,
        no_deal=no_deal,
        accepted_by=tuple(name(k) for k, a in p.answers if a is Answer.ACCEPT),
        refused_by=tuple(name(k) for k, a in p.answers if a is Answer.REJECT),
        waiting_for=tuple(name(k) for k in parties if k not in answered),
    )


def inbox(s: GameState, did: str, tr_: Translator, n: Narrator) -> tuple[InboxItem, ...]:
    """Every open proposal `did` must still answer, newest first."""
    d = s.cs.d_index[did]
    return tuple(inbox_item(s, p, d, n, tr_.lang) for p in sorted(s.pending_for(d), key=lambda p: -p.id))
