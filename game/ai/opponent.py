"""The opponent model: what one delegation has learned about another's priorities.

A frequency model in the manner of HardHeaded (van Krimpen et al., 2013):
an issue on which the other gives ground in public often is probably one it
cares little about (a delegation concedes where it costs least); one it
keeps unchanged from offer to offer, declares it holds firm on, or on which
it refused an offer far from its position, probably matters to it; an option it proposes or accepts often is probably one it likes.
Its stated position is the strongest clue to where it stands now. The
model sees only what its owner saw (private talks stay private) and is
updated in log order, so it is the same whenever the game is replayed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Weight gained by an issue each time the other keeps it unchanged between two offers.
STABLE_GAIN = 0.1
#: Weight gained by an issue on which a refused offer was as far as possible from its stated position.
REFUSAL_GAIN = 0.5
#: Weight gained by an issue each time it declares it holds firm there.
FIRM_GAIN = 0.3
#: Weight gained by the issue a refusal names as the one that decided it.
WANT_GAIN = 0.5
#: Count an option gains when a refusal names it as the one it wants (an offer adds 2, a yes 1).
WANT_COUNT = 2.0
#: How much the options it proposed or accepted count against closeness to its stated position.
FREQUENCY_SHARE = 0.3


@dataclass(slots=True)
class OpponentModel:
    """What the owner has learned about one other delegation (mutable, owned by the game memory)."""

    n_options: tuple[int, ...]
    serial: int = 0  # a number its game memory gives it, to key estimates made from it
    freq: list[list[float]] = field(init=False)
    stable: list[float] = field(init=False)
    shifts: list[int] = field(init=False)
    last_offer: dict[int, dict[int, int]] = field(default_factory=dict)  # instrument -> issue -> option
    version: int = 0  # grows with every piece of evidence, so estimates know when to refresh
    # per issue: grows with every piece of evidence about that issue, so an estimate over some
    # issues (one instrument's scope) knows whether evidence about others left it as it was
    changed: list[int] = field(init=False)
    _close: dict[tuple[int, int], list[float]] = field(default_factory=dict)  # (options, position) -> closeness
    _weights: tuple[int, tuple[int, ...], list[float]] | None = None  # the last `weights`: (version, positions, result)
    # per issue: (its `changed` count, the position, each option's blend of closeness and frequency
    # before the issue's weight, the last weight it was scaled by and the row that gave):
    # `issue_table` scales it for every instrument and sitting until evidence about the issue or
    # another position changes it. Never handed to a copy: a copy's counts move on with other
    # evidence than this model's
    _blend: dict[int, tuple[int, int, list[float], float, tuple[float, ...]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.freq = [[0.0] * n for n in self.n_options]
        self.stable = [0.0] * len(self.n_options)
        self.shifts = [0] * len(self.n_options)
        self.changed = [0] * len(self.n_options)

    def copy(self, serial: int) -> OpponentModel:
        """An independent model with what this one has learned so far."""
        new = OpponentModel(self.n_options, serial, last_offer=dict(self.last_offer), version=self.version, _close=self._close)
        new.freq = [list(row) for row in self.freq]
        new.stable = list(self.stable)
        new.shifts = list(self.shifts)
        new.changed = list(self.changed)
        return new

    # -- evidence -------------------------------------------------------------------

    def saw_offer(self, instrument: int, offer: dict[int, int]) -> None:
        """It proposed `offer` (issue -> option) on an instrument."""
        before = self.last_offer.get(instrument)
        for i, o in offer.items():
            self.freq[i][o] += 2.0
            self.changed[i] += 1
            if before is not None and before.get(i) == o:
                self.stable[i] += STABLE_GAIN
        self.last_offer[instrument] = dict(offer)
        self.version += 1

    def saw_acceptance(self, offer: dict[int, int]) -> None:
        for i, o in offer.items():
            self.freq[i][o] += 1.0
            self.changed[i] += 1
        self.version += 1

    def saw_refusal(self, offer: dict[int, int], positions: tuple[int, ...]) -> None:
        """It refused `offer`: the issues where the offer was far from its stated position are
        probably the ones that decided (the more so, the farther)."""
        for i, o in offer.items():
            pos = positions[i]
            if pos >= 0 and o != pos:
                self.stable[i] += REFUSAL_GAIN * abs(o - pos) / (self.n_options[i] - 1)
                self.changed[i] += 1
        self.version += 1

    def saw_want(self, issue: int, option: int) -> None:
        """It refused an offer mainly over `issue`, saying it wants `option` there: the issue
        matters to it, and it likes that option better than the one offered."""
        self.stable[issue] += WANT_GAIN
        self.freq[issue][option] += WANT_COUNT
        self.changed[issue] += 1
        self.version += 1

    def saw_firmness(self, issue: int) -> None:
        """It declared it holds firm on an issue."""
        self.stable[issue] += FIRM_GAIN
        self.changed[issue] += 1
        self.version += 1

    def saw_shift(self, issue: int) -> None:
        self.shifts[issue] += 1
        self.changed[issue] += 1
        self.version += 1

    # -- estimates ------------------------------------------------------------------

    def weight(self, issue: int, position: int) -> float:
        """The issue's estimated weight (unnormalised); 0 where it states no position."""
        if position < 0:
            return 0.0
        # a delegation that concedes where it costs it least gives k steps on an issue of weight w
        # roughly while w * (2k + 1) stays under its price: so w goes as 1 / (2k + 1)
        return (1.0 + self.stable[issue]) / (1.0 + 2.0 * self.shifts[issue])

    def weights(self, positions: tuple[int, ...]) -> list[float]:
        """Estimated weights of all issues, summing to 1 over those it states a position on
        (kept until the next evidence or other positions: every observer sharing the model asks)."""
        memo = self._weights
        if memo is not None and memo[0] == self.version and memo[1] == positions:
            return memo[2]
        stable, shifts = self.stable, self.shifts
        raw = [(1.0 + stable[i]) / (1.0 + 2.0 * shifts[i]) if p >= 0 else 0.0 for i, p in enumerate(positions)]
        total = sum(raw)
        out = [w / total for w in raw] if total > 0 else raw
        self._weights = (self.version, positions, out)
        return out

    def option_values(self, issue: int, position: int) -> list[float]:
        """Estimated value (0-1) of each option: closeness to its stated position, blended with
        how often it proposed or accepted the option."""
        return self._option_values(issue, position)

    def _closeness(self, n: int, position: int) -> list[float]:
        """Closeness of each of n options to `position` (0-1), kept with its share in the blend
        (under the key -n) for `issue_table`, which reads both for every opponent each sitting."""
        close = self._close[(n, position)] = [1.0 - abs(o - position) / (n - 1) for o in range(n)]
        self._close[(-n, position)] = [(1.0 - FREQUENCY_SHARE) * c for c in close]
        return close

    def _option_values(self, issue: int, position: int) -> list[float]:
        n = self.n_options[issue]
        if position < 0:
            return [0.0] * n
        close = self._close.get((n, position))
        if close is None:
            close = self._closeness(n, position)
        counts = self.freq[issue]
        top = max(counts)
        if top <= 0:
            return list(close)
        a, b = 1.0 - FREQUENCY_SHARE, FREQUENCY_SHARE / top
        return [a * c + b * f for c, f in zip(close, counts, strict=True)]

    def issue_table(self, scope: tuple[int, ...], positions: tuple[int, ...]) -> tuple[tuple[float, ...], ...]:
        """Per scope issue, each option's estimated contribution to its value of a package (0-100 in all)."""
        stable, shifts = self.stable, self.shifts
        raw = [(1.0 + stable[i]) / (1.0 + 2.0 * shifts[i]) if positions[i] >= 0 else 0.0 for i in scope]
        total = sum(raw)
        n_options = self.n_options
        if total <= 0:  # it has said nothing about these issues: every package is as good to it
            return tuple(tuple(100.0 / len(scope) for _ in range(n_options[i])) for i in scope)
        # `_option_values` inlined (this runs for every opponent, instrument and sitting)
        closeness, freq, changed, blends = self._close, self.freq, self.changed, self._blend
        share = FREQUENCY_SHARE
        out = []
        for w, i in zip(raw, scope, strict=True):
            n = n_options[i]
            if w <= 0:
                out.append((0.0,) * n)
                continue
            f = 100.0 * w / total
            position = positions[i]
            held = blends.get(i)
            if held is not None and held[0] == changed[i] and held[1] == position:
                if held[3] == f:  # the issue's share unchanged too (evidence only on other issues' options)
                    out.append(held[4])
                    continue
                blend = held[2]
            else:
                close = closeness.get((n, position))
                if close is None:
                    close = self._closeness(n, position)
                counts = freq[i]
                top = max(counts)
                if top <= 0:
                    blend = close
                else:
                    b = share / top
                    kept = closeness[(-n, position)]  # keep * c, per option
                    blend = [kc + b * x for kc, x in zip(kept, counts, strict=True)]
            row = tuple([f * u for u in blend])
            blends[i] = (changed[i], position, blend, f, row)
            out.append(row)
        return tuple(out)


def estimate(table: tuple[tuple[float, ...], ...], package: tuple[int, ...]) -> float:
    return sum([row[o] for row, o in zip(table, package, strict=True)])
