"""Scripts for a networked lesson without a window: the teacher's commands on the host, a team's moves on its computer.

A plain-text file, one command a line, `#` comments, words in double quotes
when they contain spaces. A failing line stops the script with the file,
the line number and the reason (exit status 1). Every wait is bounded.

(`--script` on the same commands plays the window by what it shows, in the UI script language of
`plenipo play --script`; these command files, `--commands`, also work without any window.)

On a team's computer (`plenipo join ... --commands FILE`):
    wait turn            until it is this team's move (fails if the conference ends first)
    wait outcome         until the conference is over
    expect "TEXT"        TEXT is somewhere this team can read now (news, board, inbox, briefing); `expect no "TEXT"`
    accept N | reject N  answer proposal No. N
    answer all           accept what is worth at least no agreement to this team, reject the rest
    propose INSTRUMENT [ISSUE=OPTION ...] [to=ID,ID]   unnamed issues take this team's best allowed option
    position ISSUE OPTION | say "TEXT" | pass | walkout
    why "TEXT"           the rationale sent with the next move
    drop                 cut the connection (as Wi-Fi does); the computer comes back by itself
    pass until outcome   on every turn from now on: `answer all`, then `pass` (bounded by the calendar)

On the host (`plenipo host ... --commands FILE`):
    wait seats ID,ID     until those seats are claimed
    wait outcome         until the conference is over
    wait sitting N       until sitting N has begun
    free ID | ai ID | team ID | pass | pause | resume | fire EVENT | end
    crash                stop at once, as a host computer that dies would (the autosave stays for --continue)
"""

from __future__ import annotations

import asyncio
import shlex
from dataclasses import dataclass
from pathlib import Path

from game.net import protocol as P
from game.net.client import Client, JoinError
from game.net.host import Host

WAIT = 120.0  # seconds any one `wait` may take


class ScriptError(Exception):
    """A script line that failed; the message names the file and line."""


@dataclass(frozen=True)
class Line:
    number: int
    words: tuple[str, ...]


def parse(path: Path) -> list[Line]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ScriptError(f"{path}: cannot read the script ({e.strerror or e})") from None
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        try:
            words = shlex.split(raw, comments=True)
        except ValueError as e:
            raise ScriptError(f"{path}:{n}: {e}") from None
        if words:
            out.append(Line(n, tuple(words)))
    return out


def visible_text(view: P.View) -> str:
    """Everything a team can read on its screen now, as one text to search."""
    c = view.conference
    parts = [c.title, c.date, c.actor_name, *c.signed, view.outcome]
    parts += [f"{s.name} {s.code}" for s in c.seats]
    parts += [f"{i.title} " + " ".join(i.options) for i in c.issues]
    parts += [f"{n.date} {n.text}" for n in c.news]
    parts += [f"No. {p.id} {p.proposer} {p.instrument} {p.package} {p.where} {p.answers}" for p in c.pending]
    if view.briefing is not None:
        parts += [view.briefing.name, *(f"{h} {t}" for h, t in view.briefing.sections), *view.briefing.aims]
    return "\n".join(parts)


class TeamScript:
    def __init__(self, client: Client, path: Path, echo: bool = True) -> None:
        self.client = client
        self.path = path
        self.echo = echo
        self.why = ""

    def fail(self, line: Line, reason: str) -> ScriptError:
        return ScriptError(f"{self.path}:{line.number}: {' '.join(line.words)}: {reason}")

    async def run(self) -> None:
        for line in parse(self.path):
            await self.step(line)

    async def _move(self, line: Line, move: P.Move) -> None:
        self.why = ""
        sent_at = self.client.view.revision if self.client.view else -1
        for _ in range(3):
            try:
                answer = await self.client.act(move)
                break
            except JoinError:
                # the connection dropped (or the host restarted) before the answer: once back in the seat, the newest
                # view says whether the move counted; if nothing happened since it was sent, send it again
                await self.client.wait_seated(WAIT)
                if self.client.view is not None and self.client.view.revision != sent_at:
                    return
        else:
            raise self.fail(line, "the connection keeps dropping")
        if isinstance(answer, P.Refused):
            raise self.fail(line, f"refused: {answer.text}")
        if self.echo:
            print(answer.text, flush=True)

    def _view(self, line: Line) -> P.View:
        if self.client.view is None:
            raise self.fail(line, "no view from the host yet")
        return self.client.view

    async def step(self, line: Line) -> None:
        w = line.words
        cmd, args = w[0], w[1:]
        seat = self.client.seat or ""
        try:
            if cmd == "wait" and args == ("turn",):
                view = await self.client.wait_for(lambda v: v.your_turn or v.conference.ended, WAIT)
                if view.conference.ended:
                    raise self.fail(line, "the conference ended first")
            elif cmd == "wait" and args == ("outcome",):
                await self.client.wait_for(lambda v: v.conference.ended, WAIT)
            elif cmd == "expect" and args:
                negate = args[0] == "no" and len(args) == 2
                text = args[-1]
                found = text.casefold() in visible_text(self._view(line)).casefold()
                if found == negate:
                    raise self.fail(line, f"{text!r} is {'visible' if found else 'not visible'}")
            elif cmd in ("accept", "reject") and len(args) == 1 and args[0].isdigit():
                await self._move(
                    line,
                    P.RespondMove(
                        kind="respond", actor=seat, proposal=int(args[0]), answer="accept" if cmd == "accept" else "reject", rationale=self.why
                    ),
                )
            elif cmd == "answer" and args == ("all",):
                forms = self._view(line).forms
                for item in forms.awaiting if forms else ():
                    good = item.value is None or item.alternative is None or item.value >= item.alternative
                    await self._move(
                        line,
                        P.RespondMove(kind="respond", actor=seat, proposal=item.proposal, answer="accept" if good else "reject", rationale=self.why),
                    )
            elif cmd == "propose" and args:
                await self._move(line, self._proposal(line, seat, args))
            elif cmd == "position" and len(args) == 2:
                await self._move(line, P.ShiftMove(kind="shift", actor=seat, issue=args[0], option=args[1], rationale=self.why))
            elif cmd == "say" and len(args) == 1:
                await self._move(line, P.StatementMove(kind="statement", actor=seat, text=args[0], rationale=self.why))
            elif cmd == "pass" and args == ("until", "outcome"):
                for _ in range(10_000):
                    view = await self.client.wait_for(lambda v: v.your_turn or v.conference.ended, WAIT)
                    if view.conference.ended:
                        break
                    await self.step(Line(line.number, ("answer", "all")))
                    await self._move(line, P.PassMove(kind="pass", actor=seat, rationale=self.why))
            elif cmd == "pass" and not args:
                await self._move(line, P.PassMove(kind="pass", actor=seat, rationale=self.why))
            elif cmd == "walkout" and not args:
                await self._move(line, P.WalkoutMove(kind="walkout", actor=seat, rationale=self.why))
            elif cmd == "why" and len(args) == 1:
                self.why = args[0]
            elif cmd == "drop" and not args:
                await self.client.drop()
                await self.client.wait_seated(WAIT)
            else:
                raise self.fail(line, "not a command a team's script knows")
        except TimeoutError:
            raise self.fail(line, f"still waiting after {WAIT:.0f} seconds") from None

    def _proposal(self, line: Line, seat: str, args: tuple[str, ...]) -> P.ProposeMove:
        forms = self._view(line).forms
        if forms is None:
            raise self.fail(line, "no forms: the conference is over")
        inst = next((k for k in forms.instruments if k.id == args[0]), None)
        if inst is None:
            raise self.fail(line, f"{args[0]!r} is not one of this team's instruments ({', '.join(k.id for k in forms.instruments)})")
        chosen: dict[str, str] = {}
        to: tuple[str, ...] = ()
        for a in args[1:]:
            key, sep, value = a.partition("=")
            if not sep:
                raise self.fail(line, f"{a!r}: write ISSUE=OPTION or to=ID,ID")
            if key == "to":
                to = tuple(x for x in value.split(",") if x)
            else:
                chosen[key] = value
        issues = {i.id: i for i in forms.issues}
        package = []
        for iid in inst.scope:
            if iid in chosen:
                package.append((iid, chosen.pop(iid)))
                continue
            allowed = [o for o in issues[iid].options if o.allowed]
            best = max(allowed, key=lambda o: -1.0 if o.value is None else o.value)
            package.append((iid, best.id))
        if chosen:
            raise self.fail(line, f"not in the scope of {inst.id}: {', '.join(chosen)}")
        return P.ProposeMove(kind="propose", actor=seat, instrument=inst.id, package=tuple(package), to=to, rationale=self.why)


class HostScript:
    def __init__(self, host: Host, path: Path) -> None:
        self.host = host
        self.path = path
        self.crashed = False

    def fail(self, line: Line, reason: str) -> ScriptError:
        return ScriptError(f"{self.path}:{line.number}: {' '.join(line.words)}: {reason}")

    async def _until(self, line: Line, test: object) -> None:
        assert callable(test)
        for _ in range(int(WAIT / 0.05)):
            if test():
                return
            await asyncio.sleep(0.05)
        raise self.fail(line, f"still waiting after {WAIT:.0f} seconds")

    async def run(self) -> None:
        for line in parse(self.path):
            if await self.step(line):
                return

    async def step(self, line: Line) -> bool:
        """Run one line; True when the host must stop at once (`crash`)."""
        h = self.host
        cmd, args = line.words[0], line.words[1:]
        problem: str | None = None
        if cmd == "wait" and len(args) == 2 and args[0] == "seats":
            wanted = [x for x in args[1].split(",") if x]
            unknown = [x for x in wanted if x not in h.seats]
            if unknown:
                raise self.fail(line, f"not a team's seat: {', '.join(unknown)}")
            await self._until(line, lambda: all(h.seats[x].conn is not None for x in wanted))
        elif cmd == "wait" and args == ("outcome",):
            await self._until(line, lambda: h.session.state.ended)
        elif cmd == "wait" and len(args) == 2 and args[0] == "sitting" and args[1].isdigit():
            await self._until(line, lambda: h.session.state.ended or h.session.state.turn + 1 >= int(args[1]))
        elif cmd == "free" and len(args) == 1:
            problem = h.free_seat(args[0])
        elif cmd == "ai" and len(args) == 1:
            problem = h.to_ai(args[0])
        elif cmd == "team" and len(args) == 1:
            problem = h.to_team(args[0])
        elif cmd == "pass" and not args:
            problem = h.pass_turn()
        elif cmd in ("pause", "resume") and not args:
            h.pause(cmd == "pause")
        elif cmd == "fire" and len(args) == 1:
            problem = h.fire(args[0])
        elif cmd == "end" and not args:
            problem = h.end()
        elif cmd == "crash" and not args:
            self.crashed = True
            return True
        else:
            raise self.fail(line, "not a command a host script knows")
        if problem is not None:
            raise self.fail(line, problem)
        return False
