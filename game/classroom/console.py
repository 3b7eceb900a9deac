"""The teacher's console without a window: the PIN guard and every command the panel offers.

The panel (game/ui/screens/teacher/tools.py) only lays these out. Keeping them here means
each command is tested without pygame, and each one reaches the game the same
way: engine actions (fire an event, news, move the end, end now, hand a
delegation over) go through `Session.apply`, so the log and the session
record mark them as the teacher's; acts that change no game state (pause,
resume, the timer, time running out) are journalled on the session
(`Session.note`) for the same record; undo is `Session.undo_sitting`, which
the record lists from `session.undone`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from game.classroom.timer import Clock, TurnTimer
from game.engine import actions as A
from game.engine.refusals import Refusal
from game.engine.rules import check, step
from game.play.session import Session
from game.scenario.texts import tr

#: Wrong PINs in a row before the guard makes the keyboard wait.
MAX_TRIES = 5
LOCKOUT_SECONDS = 30.0
MAX_MINUTES = 60.0


def pin_matches(expected: str, typed: str) -> bool:
    """Compare PINs in constant time (a student timing keystrokes learns nothing)."""
    return hmac.compare_digest(expected.strip().encode("utf-8"), typed.strip().encode("utf-8"))


class PinGuard:
    """Who may open the console: anyone when no PIN is set; else whoever types it.

    After `MAX_TRIES` wrong PINs it refuses every attempt for `LOCKOUT_SECONDS`,
    so guessing at the keyboard during a lesson is hopeless."""

    def __init__(self, pin: str, clock: Clock = time.monotonic) -> None:
        self.pin = pin.strip()
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    @property
    def required(self) -> bool:
        return bool(self.pin)

    def wait(self) -> float:
        """Seconds before another attempt is allowed (0 = now)."""
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, typed: str) -> bool:
        """True when `typed` opens the console; wrong tries count toward the lockout."""
        if not self.required:
            return True
        if self.wait() > 0:
            return False
        if pin_matches(self.pin, typed):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self.failures = 0
            self.locked_until = self.clock() + LOCKOUT_SECONDS
        return False


@dataclass(frozen=True)
class OptionalEvent:
    """A prepared event the teacher may fire, as the console lists it."""

    id: str
    title: str
    text: str
    fired: bool  # it has happened (and cannot happen again)


@dataclass(frozen=True)
class TimeUp:
    """A team's time ran out (reported once per turn)."""

    delegation: str
    auto_pass: bool
    passed: bool  # the turn was passed for it
    refusal: Refusal | None = None  # why the pass was refused, if it was


def _engine_apply(session: Session) -> Callable[[A.Action], Refusal | None]:
    def apply(action: A.Action) -> Refusal | None:
        problem = check(session.state, action)
        if problem is None:
            session.apply(action)
        return problem

    return apply


class Classroom:
    """The teacher's controls over one session: pause, timer, and the console's commands.

    Each command returns None when done, or the reason it was refused (in the
    rules' words), and then changes nothing."""

    def __init__(self, session: Session, clock: Clock = time.monotonic) -> None:
        self.session = session
        self.clock = clock
        self.guard = PinGuard(session.setup.teacher_pin, clock)
        self.timer = TurnTimer(clock)
        self.paused = False
        self.minutes = max(0.0, float(session.setup.turn_minutes))
        self.auto_pass = bool(session.setup.auto_pass)
        for entry in session.journal:  # a loaded game keeps the teacher's last timer setting
            if entry.kind == "timer":
                self.minutes, self.auto_pass = entry.minutes, entry.auto_pass
        #: How a team's move is made (the window passes its own, which also refreshes the screen).
        self.apply_move: Callable[[A.Action], Refusal | None] = _engine_apply(session)
        self._expired: object | None = None  # the turn whose time-up was reported

    # --- pause -------------------------------------------------------------------------
    def pause(self) -> None:
        if not self.paused:
            self.paused = True
            self.timer.pause()
            self.session.note("pause")

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            self.timer.resume()
            self.session.note("resume")

    def toggle_pause(self) -> None:
        self.resume() if self.paused else self.pause()

    # --- the timer -------------------------------------------------------------------------
    def set_timer(self, minutes: float, auto_pass: bool | None = None) -> None:
        """A new limit per team turn (0 = none); it applies to the turn under way too."""
        minutes = max(0.0, min(MAX_MINUTES, float(minutes)))
        auto = self.auto_pass if auto_pass is None else bool(auto_pass)
        if (minutes, auto) == (self.minutes, self.auto_pass):
            return
        self.minutes, self.auto_pass = minutes, auto
        if self.timer.key is not None:
            self.timer.limit = minutes * 60.0
            if self.timer.remaining() and self._expired == self.timer.key:
                self._expired = None  # more time given: it may run out again
        self.session.note("timer", minutes=minutes, auto_pass=auto)

    def team_key(self) -> tuple[int, str] | None:
        s = self.session.state
        if self.session.waiting_for_human and s.actor_id is not None:
            return (s.turn, s.actor_id)
        return None

    def tick(self, at_keyboard: bool, held: bool = False) -> TimeUp | None:
        """Called every frame: times the team at the keyboard; reports (and auto-passes) once when its time is up.

        `at_keyboard` is False while a hand-over screen hides the game: the clock starts when the team sits down.
        `held` is True while the teacher's console, the PIN card or the menu covers the team's screen: its clock waits."""
        key = self.team_key()
        if key is None or self.minutes <= 0:
            self.timer.stop()
            return None
        if key != self.timer.key and not at_keyboard:
            return None
        self.timer.start(key, self.minutes * 60.0)
        if self.paused or held:
            self.timer.pause()
            return None
        if not self.timer.expired or self._expired == key:
            return None
        self._expired = key
        who = key[1]
        refusal = None
        if self.auto_pass:
            refusal = self.apply_move(A.Pass(who))
        passed = self.auto_pass and refusal is None
        self.session.note("time_up", delegation=who, auto_pass=passed)
        if passed:
            self.timer.stop()
        return TimeUp(who, self.auto_pass, passed, refusal)

    def remaining(self) -> float | None:
        return self.timer.remaining() if self.team_key() == self.timer.key else None

    # --- engine actions ----------------------------------------------------------------------
    def _apply(self, action: A.Action) -> Refusal | None:
        problem = check(self.session.state, action)
        if problem is None:
            self.session.apply(action)
        return problem

    def fire(self, event_id: str) -> Refusal | None:
        return self._apply(A.FireEvent(event_id))

    def news(self, title: str, text: str = "") -> Refusal | None:
        return self._apply(A.News(title.strip(), text.strip()))

    def move_end(self, delta: int) -> Refusal | None:
        return self._apply(A.MoveEnd(delta))

    def end_now(self, reason: str = "") -> Refusal | None:
        return self._apply(A.EndNow(reason))

    def set_control(self, delegation: str, human: bool) -> Refusal | None:
        return self._apply(A.SetControl(delegation, human))

    def undo(self) -> bool:
        """Back to the start of the sitting (or the one before); the record lists what was taken back."""
        done = self.session.undo_sitting()
        if done:
            self.timer.stop()
            self._expired = None
        return done

    # --- what the console shows ----------------------------------------------------------------
    def optional_events(self, lang: str) -> list[OptionalEvent]:
        cs, s = self.session.cs, self.session.state
        out = []
        for k, ev in enumerate(cs.scenario.events):
            if ev.optional:
                out.append(OptionalEvent(ev.id, tr(ev.title, lang), tr(ev.text, lang), s.fired[k] > 0 and not ev.repeat))
        return out

    def last_date(self) -> dt.date:
        return self.session.state.sittings[-1]

    def last_date_after(self, delta: int) -> dt.date | None:
        """The conference's last date if the end moved by `delta`; None when that move is not allowed."""
        s = self.session.state
        if delta == 0:
            return s.sittings[-1]
        if check(s, A.MoveEnd(delta)) is not None:
            return None
        return step(s, A.MoveEnd(delta)).state.sittings[-1]  # a dry run: the engine decides the dates


_CLASSROOMS: weakref.WeakKeyDictionary[Session, Classroom] = weakref.WeakKeyDictionary()


def classroom_for(session: Session, clock: Clock = time.monotonic) -> Classroom:
    """The one classroom of a session (created on first use with `clock`), so pause and timer survive screen changes."""
    room = _CLASSROOMS.get(session)
    if room is None:
        room = _CLASSROOMS[session] = Classroom(session, clock)
    return room


def find_classroom(session: Session) -> Classroom | None:
    """The session's classroom if the teacher's tools have been used on it (no side effect)."""
    return _CLASSROOMS.get(session)
