"""Reasons a student can read: which issue decided, and what would have changed the answer.

The deciding issue of a refusal is the one whose change would most improve
the package for the delegation that refused; the option it names is the
nearest one on that issue that would have been enough (or its best, when
no single change is). The numbers (value, aspiration, alternative, all
0-100) stay in the record for the teacher's view; the sentence is built
here from the same data, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from game.ai import audience
from game.ai.model import NEG, Stakes
from game.engine.log import LogEntry, LogKind
from game.engine.narrate import Narrator


def N_(msgid: str) -> str:
    """Mark a text for the catalogs; translated when the sentence is built."""
    return msgid


#: The closed set of notes the AI writes, each with the sentence that words it.
#: {who}: the delegation; {issue}, {wanted}, {offered}: the deciding issue and its options.
SENTENCES: dict[str, str] = {
    "below its aspiration": N_("{who} refused mainly over {issue}: it would accept {wanted}, not {offered}."),
    "worse than no agreement": N_("{who} refused: no agreement is better for it, above all because of {issue} (it wants {wanted}, not {offered})."),
    "worse than an offer it refused before": N_(
        "{who} refused: it turned down a better offer before and nothing has changed for it since; on {issue} it wants {wanted}, not {offered}."
    ),
    "meets its aspiration": N_("{who} accepted: the offer is as good as what it would ask for itself; what counts most for it is {issue}: {wanted}."),
    "the best offer it expects before the end": N_(
        "{who} accepted: time is short and this is the best offer it has seen; what counts most for it is {issue}: {wanted}."
    ),
    "accepts now that a treaty is signed": N_("{who} accepted an offer worse than one it refused before, because a treaty has been signed since."),
    "accepts now that events changed its priorities": N_(
        "{who} accepted an offer worse than one it refused before, because events have changed what it wants."
    ),
    "accepts now that its other prospects have faded": N_(
        "{who} accepted an offer worse than one it refused before, because its other hopes at the conference have faded."
    ),
    "accepts now that the conference is ending": N_(
        "{who} accepted an offer worse than one it refused before, because this is the last sitting and no deal would leave it worse off."
    ),
    "accepts now that time is running out": N_(
        "{who} accepted an offer worse than one it refused before, because few sittings are left and no deal would leave it worse off."
    ),
    "expects the addressees to accept": N_(
        "{who} proposed a package it expects everyone addressed to accept; for itself it secures {issue}: {wanted}."
    ),
    "tests the others with an offer": N_(
        "{who} tested the others with an offer it does not expect to pass yet, the likeliest it would make; it holds out for {issue}: {wanted}."
    ),
    "proposes what the parties can all accept": N_("{who} proposed, as mediator, the package it judges most likely to satisfy all the parties."),
    "concedes where it costs least": N_("{who} gave ground on {issue}, where moving toward the others costs it least."),
    "pressure from home and no deal in sight": N_("{who} walked out: pressure from home and no deal in sight."),
    "holds out for a better agreement on the table": N_(
        "{who} refused: a better agreement for it is on the table and likely to pass, and signing this one would end the conference first."
    ),
}

#: A refusal whose deciding issue already gives the refuser what it states in public there: the plain sentence
#: ("it would accept X, not Y", Y being its own public position) would read as a contradiction, so these say
#: what is true instead: the public position is met, and the package as a whole is worth too little to it.
STATED_SENTENCES: dict[str, str] = {
    "below its aspiration": N_(
        "{who} refused mainly over {issue}: its public position there ({offered}) is met, but the package is too weak overall; it wants {wanted}."
    ),
    "worse than no agreement": N_(
        "{who} refused: no deal is better for it. Its public position on {issue} ({offered}) is met, but the package is too weak; it wants {wanted}."
    ),
    "worse than an offer it refused before": N_(
        "{who} refused: it turned down a better offer before, and nothing has changed since. Its public position on {issue} ({offered}) is met."
    ),
}

#: A refusal of a package that meets every public position the refuser states on the instrument's issues (and not
#: tipped by the price of signing): its public terms are not what it will sign, and the reason says so.
ALL_STATED_SENTENCES: dict[str, str] = {
    "worse than no agreement": N_("{who} refused: it would rather have no agreement at all, even one on the terms it states in public."),
    "below its aspiration": N_(
        "{who} refused: the package meets every position it states in public, yet it now holds out for more; it wants {wanted} on {issue}."
    ),
}

#: A refusal as worse than no agreement whose terms alone would have beaten no agreement: the political cost of
#: signing (a designer's `costs`, moved by events) is the real reason, and the one a student can act on.
COST_SENTENCE = N_(
    "{who} refused: the terms alone beat no deal for it, but signing costs it {cost} points politically; on {issue} it wants {wanted}."
)
COST_SENTENCE_PLAIN = N_("{who} refused: the terms alone beat no deal for it, but signing costs it {cost} points politically, more than they bring.")

#: The notes of an answer to a request for an audience (game/ai/audience.py), each with its sentence.
#: {who}: the host; {asker}: who asked; {partners}: the partners whose distrust of the asker weighed most.
AUDIENCE_SENTENCES: dict[str, str] = {
    audience.REFUSE_PARTNERS: N_("{who} refused {asker} an audience: partners whose trust it values ({partners}) distrust {asker}."),
    audience.REFUSE_DISTRUST: N_("{who} refused {asker} an audience: it does not trust {asker} enough."),
    audience.REFUSE_AIMS: N_(
        "{who} refused {asker} an audience: receiving {asker} would cost it the trust of {partners}, which one of its aims needs."
    ),
    audience.GRANT_TRUST: N_("{who} received {asker}: it trusts {asker} more than its partners' doubts weigh."),
    audience.GRANT_SIDE_DEAL: N_("{who} received {asker}: left outside, {asker} could sign a side deal that would cost it more."),
    audience.GRANT_PRESSURE: N_("{who} received {asker}: it is pressed at home for a result."),
}


#: The notes themselves, for the record's short view (the catalogs translate them too).
NOTES: tuple[str, ...] = (
    N_("meets its aspiration"),
    N_("worse than no agreement"),
    N_("below its aspiration"),
    N_("worse than an offer it refused before"),
    N_("the best offer it expects before the end"),
    N_("accepts now that a treaty is signed"),
    N_("accepts now that events changed its priorities"),
    N_("accepts now that its other prospects have faded"),
    N_("accepts now that the conference is ending"),
    N_("accepts now that time is running out"),
    N_("expects the addressees to accept"),
    N_("tests the others with an offer"),
    N_("proposes what the parties can all accept"),
    N_("concedes where it costs least"),
    N_("pressure from home and no deal in sight"),
    N_("holds out for a better agreement on the table"),
    N_("values the asker's trust"),
    N_("fears a side deal without it"),
    N_("pressed at home for a deal"),
    N_("keeps faith with its partners"),
    N_("distrusts the asker"),
    N_("receiving would cost it one of its aims"),
)


def clamp(x: float) -> float:
    """Reasons are shown on the 0-100 scale of utilities."""
    return min(100.0, max(0.0, x))


def refusal_focus(st: Stakes, package: tuple[int, ...], aspiration: float) -> tuple[int, int] | None:
    """(scope position, wanted option) of the issue whose change most improves `package` for the
    refuser, and the nearest option there that would have met `aspiration` (else its best)."""
    value = st.value(package)
    best_i, best_up = -1, 1e-9
    for idx, (row, o) in enumerate(zip(st.gain, package, strict=True)):
        up = max(row) - row[o]
        if up > best_up:
            best_i, best_up = idx, up
    if best_i < 0:
        return None
    row, o = st.gain[best_i], package[best_i]
    better = [x for x in range(len(row)) if row[x] > row[o] + 1e-9 and row[x] > NEG]
    enough = [x for x in better if value + row[x] - row[o] >= aspiration]
    pick = min(enough, key=lambda x: (abs(x - o), -row[x])) if enough else max(better, key=lambda x: (row[x], -x))
    return best_i, pick


def gain_focus(st: Stakes, package: tuple[int, ...]) -> int | None:
    """The scope position of the issue on which `package` gives the delegation most, against its worst option."""
    best_i, best_gain = -1, 1e-9
    for idx, (row, o) in enumerate(zip(st.gain, package, strict=True)):
        finite = [g for g in row if g > NEG]
        gain = row[o] - min(finite)
        if gain > best_gain:
            best_i, best_gain = idx, gain
    return best_i if best_i >= 0 else None


class Explainer:
    """Words the AI's reasons, reading a log in order (it remembers what each proposal offered)."""

    def __init__(self, narrator: Narrator, t: Callable[[str], str]) -> None:
        self.n = narrator
        self.t = t
        self.packages: dict[int, dict[str, str]] = {}

    def feed(self, entries: Iterable[LogEntry]) -> None:
        for e in entries:
            self.why(e)

    def remember(self, entries: Iterable[LogEntry]) -> None:
        """Note what each proposal among `entries` offered, without wording anything (a reader that
        words only some answers, like a team's digest, still needs the packages they answer)."""
        for e in entries:
            if e.kind is LogKind.PROPOSAL:
                self.packages[int(e.data["proposal"])] = dict(e.data["package"])

    def why(self, e: LogEntry, subject: str | None = None) -> str | None:
        """The sentence for one entry's reasons (None when it has none); call in log order.

        `subject` replaces the delegation's name at the head of the sentence, where a sentence before it has just
        named the delegation ("Soviet Russia refused your proposal No. 2. It refused mainly over …")."""
        data = e.data or {}
        self.remember((e,))
        r = data.get("reasons")
        if not r or e.actor is None:
            return None
        note = str(r.get("note", ""))
        if e.kind is LogKind.AUDIENCE_ANSWER and note in AUDIENCE_SENTENCES:
            return self._audience(e.actor, data, note, r, subject)
        template = SENTENCES.get(note)
        if template is None:
            return None  # a note with no sentence: the reader's tag (`ai_note`) says what there is to say
        n = self.n
        issue_id = next(iter(r.get("deciding", [])), None)
        wanted_id = next(iter(r.get("wanted", [])), None)
        offered_id = None
        if issue_id is not None:
            if e.kind is LogKind.ANSWER:
                offered_id = self.packages.get(int(data["proposal"]), {}).get(issue_id)
            elif e.kind is LogKind.PROPOSAL:
                offered_id = data["package"].get(issue_id)
            elif e.kind is LogKind.POSITION:
                offered_id = data.get("was")
        values = {
            "who": subject or n.name(e.actor),
            "issue": n.issue(issue_id) if issue_id else "",
            "wanted": n.option(issue_id, wanted_id) if issue_id and wanted_id else "",
            "offered": n.option(issue_id, offered_id) if issue_id and offered_id else "",
        }
        if r.get("cost") is not None:  # the price of signing decided, whatever the terms
            cost = self.n.number(round(float(r["cost"])))
            return self.t(COST_SENTENCE if issue_id and wanted_id else COST_SENTENCE_PLAIN).format(cost=cost, **values)
        if r.get("positions_met") and note in ALL_STATED_SENTENCES and (issue_id or "{issue}" not in ALL_STATED_SENTENCES[note]):
            return self.t(ALL_STATED_SENTENCES[note]).format(**values)
        if "{issue}" in template and not issue_id:
            return f"{n.name(e.actor)}: {self.t(note)}"  # the bare note: always under the delegation's name
        if offered_id is not None and offered_id in r.get("stated", ()) and note in STATED_SENTENCES:
            template = STATED_SENTENCES[note]
        return self.t(template).format(**values)

    def _audience(self, host: str, data: Mapping[str, Any], note: str, r: Mapping[str, Any], subject: str | None = None) -> str:
        """The sentence for an answer to a request for an audience: its `deciding` names partners, not issues."""
        n = self.n
        deciding = r.get("deciding", [])
        partners = ", ".join(n.name(str(p)) for p in deciding if str(p) in n.cs.d_index)
        asker = n.name(str(data["asker"]))
        if note in (audience.REFUSE_PARTNERS, audience.REFUSE_AIMS) and not partners:
            return f"{n.name(host)}: {self.t(note)}"
        return self.t(AUDIENCE_SENTENCES[note]).format(who=subject or n.name(host), asker=asker, partners=partners)
