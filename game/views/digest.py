"""What a team finds new when its turn comes round: the "since your last turn" digest. No pygame here.

Computed from the log alone (from just after the team's last move), so it is
the same after a save and a load, and it never shows the team anything its
own news would not: every entry it reads is one the team may see. Plain
strings, so a networked client can show the same digest.
"""

from __future__ import annotations

from game.ai.explain import Explainer
from game.engine.log import LogKind
from game.engine.narrate import Narrator
from game.engine.state import GameState
from game.i18n import Translator

#: Log entries that end a delegation's turn (answering a proposal does not).
MOVE_KINDS = frozenset({LogKind.PROPOSAL, LogKind.POSITION, LogKind.STATEMENT, LogKind.PASS, LogKind.WALKOUT})

#: Entries every team hears about in its digest, whoever they concern.
TOLD = frozenset({LogKind.SIGNED, LogKind.EVENT, LogKind.LEAK, LogKind.WALKOUT})


def last_move_index(s: GameState, did: str) -> int | None:
    """Index just after the team's last move in the log; None before its first move."""
    for k in range(len(s.log) - 1, -1, -1):
        e = s.log[k]
        if e.actor == did and e.kind in MOVE_KINDS:
            return k + 1
    return None


def since_last_turn(s: GameState, did: str, tr_: Translator, n: Narrator) -> tuple[str, ...]:
    """The digest lines for `did`: answers to its proposals, what was signed or lapsed, events, what waits now."""
    start = last_move_index(s, did)
    if start is None:
        return ()
    t = tr_.t
    cs = s.cs
    d = cs.d_index[did]
    mine = {p.id for p in s.proposals if p.proposer == d}
    # an AI that refuses says why, as the AI delegations that saw the refusal learn it (its deciding issue, what it
    # wants there): the team whose proposal it was reads the same reason in words
    explainer = Explainer(n, t)
    explainer.remember(s.log)
    lines: list[str] = []
    amended = {(e.actor, e.data.get("proposal")) for e in s.log[start:] if e.kind is LogKind.ANSWER and e.data.get("amends")}
    for e in s.log[start:]:
        data = e.data
        if e.kind is LogKind.AUDIENCE_ANSWER and e.actor == did and data.get("answer") == "put_off":
            asker = n.name(str(data["asker"]))
            lines.append(t("{who}'s request for private talks went unanswered: it counts as refused.", who=asker))
            continue
        if not e.visible_to(did, s.ended) or (e.actor == did and e.kind is not LogKind.SIGNED):
            continue
        if e.kind is LogKind.AUDIENCE_ANSWER and data.get("asker") == did:  # what became of this team's request for talks
            host = n.name(e.actor) if e.actor else ""
            line = {
                "granted": t("{who} received you for private talks.", who=host),
                "refused": t("{who} refused you an audience.", who=host),
                "put_off": t("{who} put your request for private talks off: it went unanswered.", who=host),
            }[str(data.get("answer"))]
            # an AI host says why ("It refused Germany an audience: …": the line before has named it)
            reason = explainer.why(e, t("It")) if data.get("reasons") and data.get("answer") == "refused" else None
            lines.append(f"{line} {reason}" if reason else line)
            continue
        if e.kind is LogKind.ANSWER and data.get("proposal") in mine:
            who, number = (n.name(e.actor) if e.actor else ""), data["proposal"]
            if data.get("answer") == "reject" and not data.get("want") and (e.actor, number) in amended:
                continue  # the refusal said later in the same turn what would change it: that line says both
            if data.get("answer") == "accept":
                lines.append(t("{who} accepted your proposal No. {number}.", who=who, number=number))
            else:
                if data.get("want"):  # a team that refused it said what would change its answer
                    words = n.wanted(data["want"])
                    lines.append(t("{who} refused your proposal No. {number} and asks for {option} on {issue}.", who=who, number=number, **words))
                    continue
                line = t("{who} refused your proposal No. {number}.", who=who, number=number)
                reason = explainer.why(e, t("It")) if data.get("reasons") else None  # the line has just named it
                lines.append(f"{line} {reason}" if reason else line)
        elif e.kind is LogKind.SIGNED:  # the package is on the board and in the news; the digest says what happened
            lines.append(t("{instrument} is signed.", instrument=n.instrument(data["instrument"])))
        elif e.kind in TOLD or (e.kind is LogKind.LAPSED and data.get("proposal") in mine):
            lines.append(n.sentence(e))
    waiting = len(s.pending_for(d))
    if waiting:
        lines.append(tr_.tn("{n} proposal waits for your answer: see your inbox.", "{n} proposals wait for your answer: see your inbox.", waiting))
    asked = 0 if s.answering else len(s.audiences_for(d))
    if asked:
        lines.append(
            tr_.tn(
                "{n} request for private talks waits for your answer: see your inbox.",
                "{n} requests for private talks wait for your answer: see your inbox.",
                asked,
            )
        )
    if not lines:
        lines.append(t("Nothing new for your delegation since your last move."))
    return tuple(lines)
