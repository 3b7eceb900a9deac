"""A delegation's utility of a world: the one formula the AI, scores and analysis share.

A world is the tuple of settled options (-1 = unsettled). Utility is the
weighted mean, over the issues a delegation has a stance on, of the value of
the settled option or of leaving the issue unsettled (0-100).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.state import GameState


@dataclass(frozen=True, slots=True, eq=False)
class Table:
    """One delegation's per-issue, per-option contributions to its utility (0-100 scale).

    Compared and hashed by identity: the AI keys its memos on the table itself."""

    contrib: tuple[tuple[float, ...], ...]  # per issue: weight-normalised value of each option
    unsettled: tuple[float, ...]  # per issue: weight-normalised value of leaving it open
    # per issue: contrib then unsettled, so a world's option index (-1 = unsettled) picks the
    # value directly and `utility` is one C-level sum (the AI's most called function)
    rows: tuple[tuple[float, ...], ...] = field(init=False)
    # per issue: best less worst option value, which the AI's candidate search sums per turn
    spread: tuple[float, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows", tuple((*c, u) for c, u in zip(self.contrib, self.unsettled, strict=True)))
        object.__setattr__(self, "spread", tuple(max(c) - min(c) for c in self.contrib))


def table(s: GameState, d: int) -> Table:
    """Delegation d's utility table under the stances of `s`.

    Tables change only when an effect replaces the stances, so each is kept on
    the stances object (`Stances.tables`) and, by the bytes of d's rows, on the
    compiled scenario (`CompiledScenario.tables_by_rows`). No module-level
    state: a memo lives exactly as long as the objects it was derived from, and
    dict reads and writes of pure values are safe for games in other threads."""
    made = s.stances.tables
    t: Table | None = made.get(d)
    if t is None:
        t = made[d] = _shared_table(s, d)
    return t


_MAX_SHARED = 5_000  # tables kept per compiled scenario before the memo starts again


def _shared_table(s: GameState, d: int) -> Table:
    st = s.stances
    key = (st.values[d].tobytes(), st.weights[d].tobytes(), st.no_deal[d].tobytes())  # float64 rows (compile_scenario)
    shared = s.cs.tables_by_rows
    t: Table | None = shared.get(key)
    if t is None:
        if len(shared) > _MAX_SHARED:
            shared.clear()
        t = shared[key] = _table(s, d)
    return t


def _table(s: GameState, d: int) -> Table:
    cs = s.cs
    w = s.stances.weights[d]
    total = float(w.sum())
    if total <= 0:
        zeros = tuple(tuple(0.0 for _ in range(n)) for n in cs.n_options)
        return Table(zeros, tuple(0.0 for _ in cs.n_options))
    # rows as Python floats first (`tolist` is exact): indexing numpy scalars one by one
    # made a table cost a tenth of a millisecond, and every effect on stances remakes them all
    vals = s.stances.values[d].tolist()
    weights = w.tolist()
    no_deal = s.stances.no_deal[d].tolist()
    contrib = []
    unsettled = []
    for i, n in enumerate(cs.n_options):
        share = weights[i] / total
        off = cs.option_offset[i]
        contrib.append(tuple(share * vals[off + o] for o in range(n)))
        unsettled.append(share * no_deal[i])
    return Table(tuple(contrib), tuple(unsettled))


def utility(t: Table, world: tuple[int, ...]) -> float:
    # the same terms, added in the same order, as sum(c[o] if o >= 0 else u ...): bit for bit equal
    return sum(map(tuple.__getitem__, t.rows, world))


def shortfall(s: GameState, d: int, i: int, offered: int) -> tuple[float, int]:
    """How far the option `offered` on issue i falls short of d's best option there, times the issue's weight for d,
    and that best option (the first of equals): what a refusal would most likely ask for on that issue."""
    off = s.cs.option_offset[i]
    values = [float(x) for x in s.stances.values[d, off : off + len(s.cs.option_ids[i])]]
    best = max(range(len(values)), key=values.__getitem__)
    return float(s.stances.weights[d, i]) * (values[best] - values[offered]), best
