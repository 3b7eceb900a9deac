"""What the designer panel shows: the whole live state of a game, every delegation at once. No pygame here.

The panel is for designers and teachers preparing a scenario, so it shows
what players never see: stances, the AI's aspirations, trust, private
proposals. The per-instrument figures are `game.analysis.panel`'s (shared with
`plenipo inspect`), which asks the AI itself (`Negotiator.line`), so the panel
explains the moves the AI is about to make. Everything is computed from one state; the
screen recomputes only when the state object changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.negotiator import Negotiator
from game.analysis.panel import InstrumentLine, instrument_lines
from game.i18n import Translator
from game.play.session import Session
from game.scenario.texts import tr
from game.views.codes import short_codes


@dataclass(frozen=True)
class IssueLine:
    """One issue as a delegation values it: weight, value per option (by id), no deal, its public position."""

    title: str
    weight: float
    values: tuple[tuple[str, float], ...]
    no_deal: float
    position: int  # option index, -1 = none stated
    settled: int


@dataclass(frozen=True)
class DelegationPanel:
    id: str
    name: str
    code: str
    role: str  # "team", "ai", "observer"
    pressure: float
    walked_out: bool
    issues: tuple[IssueLine, ...]
    instruments: tuple[InstrumentLine, ...]


@dataclass(frozen=True)
class DesignerView:
    file: str
    seed: int
    length: str
    sitting: int
    sittings: int
    codes: tuple[str, ...]  # per delegation, in scenario order
    delegations: tuple[DelegationPanel, ...]
    relations: tuple[tuple[float, ...], ...]  # trust of row toward column (0-100)
    pending: tuple[str, ...]  # every open proposal, private ones too


def negotiator_of(session: Session) -> Negotiator:
    strategy = session.strategy
    return strategy if isinstance(strategy, Negotiator) else Negotiator()


def designer_view(session: Session, tr_: Translator) -> DesignerView:
    s, cs = session.state, session.cs
    lang = tr_.lang
    scen = cs.scenario
    codes = short_codes(scen.delegations, lang)
    neg = negotiator_of(session)
    panels = []
    for d, dele in enumerate(scen.delegations):
        issues = []
        for i, issue in enumerate(scen.issues):
            w = float(s.stances.weights[d, i])
            if w <= 0 and s.position(d, i) < 0:
                continue
            off = cs.option_offset[i]
            values = tuple((cs.option_ids[i][o], float(s.stances.values[d, off + o])) for o in range(len(issue.options)))
            issues.append(IssueLine(tr(issue.title, lang), w, values, float(s.stances.no_deal[d, i]), s.position(d, i), s.settled[i]))
        role = "observer" if dele.observer else ("team" if d in s.humans else "ai")
        panels.append(
            DelegationPanel(
                dele.id,
                tr(dele.name, lang),
                codes[dele.id],
                role,
                float(s.pressure[d]),
                d in s.walked_out,
                tuple(issues),
                instrument_lines(s, d, neg, lang),
            )
        )
    n = cs.n_delegations
    relations = tuple(tuple(float(s.relations[a, b]) for b in range(n)) for a in range(n))
    pending = []
    for p in s.open_proposals():
        who = codes[cs.delegation_ids[p.proposer]]
        where = tr_.t("in plenary") if p.to is None else tr_.t("private: {names}", names=", ".join(codes[cs.delegation_ids[x]] for x in sorted(p.to)))
        package = ", ".join(f"{cs.issue_ids[i]}={cs.option_ids[i][o]}" for i, o in zip(cs.scope[p.instrument], p.package, strict=True))
        answers = ", ".join(f"{codes[cs.delegation_ids[j]]} {tr_.t('yes') if a.value == 'accept' else tr_.t('no')}" for j, a in p.answers)
        line = tr_.t("No. {number}", number=p.id) + f" · {who} · {tr(cs.instrument(p.instrument).title, lang)} ({where}): {package}"
        pending.append(line + (f" · {answers}" if answers else ""))
    return DesignerView(
        file=str(session.setup.scenario_path),
        seed=session.setup.seed,
        length=session.setup.length_id,
        sitting=min(s.turn + 1, s.n_turns),
        sittings=s.n_turns,
        codes=tuple(codes[x.id] for x in scen.delegations),
        delegations=tuple(panels),
        relations=relations,
        pending=tuple(pending),
    )
