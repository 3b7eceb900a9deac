"""What a batch's signed instruments contained, and which issue made each party say no.

Outcome shares tell a designer *that* a scenario leans one way; these counts
say *why*: per instrument, the packages signed most often and how often each
option of each issue was in them; per instrument and party, the issue that
most often decided its refusals. Refusals are read from the log's answer
entries (the `reasons.deciding` list an AI attaches, first issue first), not
from the AI's code, so the table keeps working whatever the AI becomes;
answers without reasons (a counter-proposal's implied refusal, a team's
click) are counted apart.

`SignedTally` is a counter object like `batch.Tally` (constant memory, `+`
merges the tallies of worker processes).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.engine.log import LogKind
from game.engine.state import GameState

#: How many of an instrument's most frequent packages the report lists.
TOP_PACKAGES = 5

Package = tuple[tuple[str, str], ...]  # (issue id, option id) in the instrument's scope order


@dataclass
class SignedTally:
    """Signed packages and refusal reasons over a set of games; `+` merges two."""

    packages: Counter[tuple[str, Package]] = field(default_factory=Counter)  # (instrument, package) -> signatures
    refusals: Counter[tuple[str, str]] = field(default_factory=Counter)  # (instrument, delegation) -> refusals
    deciding: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (instrument, delegation, issue) -> refusals it decided

    def add_game(self, s: GameState) -> None:
        cs = s.cs
        for sig in s.signed:
            k = sig.instrument
            package = tuple((cs.issue_ids[i], cs.option_ids[i][o]) for i, o in zip(cs.scope[k], sig.package, strict=True))
            self.packages[(cs.instrument_ids[k], package)] += 1
        for e in s.log:
            if e.kind is not LogKind.ANSWER or e.data.get("answer") != "reject" or e.actor is None or e.data.get("amends"):
                continue  # (a refusal that only adds what would change it was counted when it was given)
            inst = str(e.data.get("instrument", ""))
            self.refusals[(inst, e.actor)] += 1
            reasons = e.data.get("reasons")
            deciding = reasons.get("deciding") if isinstance(reasons, dict) else None
            if deciding:
                self.deciding[(inst, e.actor, str(deciding[0]))] += 1

    def __add__(self, other: SignedTally) -> SignedTally:
        return SignedTally(self.packages + other.packages, self.refusals + other.refusals, self.deciding + other.deciding)

    def to_json(self, instruments: tuple[str, ...], issues: dict[str, tuple[str, ...]], runs: int) -> dict[str, Any]:
        """Per instrument (every one, in scenario order): signatures, top packages, option shares, refusals.

        `issues` maps each instrument to its scope's issue ids; option shares are of that
        instrument's signatures; package shares of its signatures too (`of_games` of all games)."""
        out: dict[str, Any] = {}
        for iid in instruments:
            mine = sorted(((n, p) for (i, p), n in self.packages.items() if i == iid), key=lambda x: (-x[0], x[1]))
            total = sum(n for n, _ in mine)
            options: dict[str, dict[str, float]] = {}
            for issue in issues.get(iid, ()):
                counts: Counter[str] = Counter()
                for n, p in mine:
                    counts[dict(p)[issue]] += n
                options[issue] = {o: round(c / total, 4) for o, c in sorted(counts.items(), key=lambda x: (-x[1], x[0]))}
            refusals: dict[str, Any] = {}
            for (i, d), n in sorted(self.refusals.items()):
                if i != iid:
                    continue
                by_issue = sorted(((c, issue) for (i2, d2, issue), c in self.deciding.items() if i2 == iid and d2 == d), key=lambda x: (-x[0], x[1]))
                with_reasons = sum(c for c, _ in by_issue)
                refusals[d] = {
                    "refusals": n,
                    "with_reasons": with_reasons,
                    "deciding": {issue: c for c, issue in by_issue},
                    "top_issue": by_issue[0][1] if by_issue else None,
                    "top_share": round(by_issue[0][0] / with_reasons, 4) if by_issue else None,
                }
            out[iid] = {
                "signed": total,
                "distinct_packages": len(mine),
                "packages": [
                    {"package": dict(p), "count": n, "share": round(n / total, 4), "of_games": round(n / max(1, runs), 4)}
                    for n, p in mine[:TOP_PACKAGES]
                ],
                "options": options,
                "refusals": refusals,
            }
        return out


def table_lines(signed: dict[str, Any]) -> list[str]:
    """The plain-text section of `plenipo batch` for `SignedTally.to_json`'s output."""
    lines = ["signed packages (share of the instrument's signatures; of all games)"]
    for iid, data in signed.items():
        if not data["signed"]:
            lines.append(f"  {iid}: never signed")
            continue
        lines.append(f"  {iid}: {data['signed']} signatures, {data['distinct_packages']} different package(s)")
        for row in data["packages"]:
            words = ", ".join(f"{i}={o}" for i, o in row["package"].items())
            lines.append(f"    {100 * row['share']:5.1f}%  ({100 * row['of_games']:4.1f}% of games)  {words}")
        for issue, shares in data["options"].items():
            lines.append(f"    {issue}: " + ", ".join(f"{o} {100 * v:.0f}%" for o, v in shares.items()))
    lines.append("")
    lines.append(f"{'refusals':<24}{'delegation':<16}{'refusals':>9}  deciding issue (share of refusals with reasons)")
    any_refusal = False
    for iid, data in signed.items():
        for d, r in data["refusals"].items():
            any_refusal = True
            top = f"{r['top_issue']} {100 * r['top_share']:.0f}% of {r['with_reasons']}" if r["top_issue"] else "— (no reasons logged)"
            lines.append(f"{iid:<24}{d:<16}{r['refusals']:>9}  {top}")
    if not any_refusal:
        lines.append("  no proposal was refused")
    return lines


def csv_rows(signed: dict[str, Any]) -> list[list[Any]]:
    """Rows for `plenipo batch --csv` (same columns as the rest of that file).

    `signed_package`: id `instrument:issue=option;...`, count, share of games;
    `signed_option`: id `instrument:issue=option`, count, share of the instrument's signatures;
    `refusal_issue`: id `instrument:delegation:issue`, refusals it decided, share of that party's
    refusals with reasons."""
    rows: list[list[Any]] = []
    for iid, data in signed.items():
        for row in data["packages"]:
            words = ";".join(f"{i}={o}" for i, o in row["package"].items())
            rows.append(["signed_package", f"{iid}:{words}", row["count"], row["of_games"], "", "", "", "", ""])
        for issue, shares in data["options"].items():
            for o, share in shares.items():
                rows.append(["signed_option", f"{iid}:{issue}={o}", round(share * data["signed"]), share, "", "", "", "", ""])
        for d, r in data["refusals"].items():
            for issue, count in r["deciding"].items():
                rows.append(["refusal_issue", f"{iid}:{d}:{issue}", count, round(count / max(1, r["with_reasons"]), 4), "", "", "", "", ""])
    return rows
