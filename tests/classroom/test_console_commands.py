"""The teacher's console through the engine: PIN guard, every command, undo, timers, the journal in saves and records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from game.classroom.console import LOCKOUT_SECONDS, MAX_TRIES, Classroom, PinGuard, pin_matches
from game.engine import actions as A
from game.engine.refusals import Code, Refusal
from game.play.saves import load_save, save
from game.play.session import Session, SessionSetup
from game.record import build_record, to_markdown
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]
GENOA = ROOT / "scenarios" / "genoa_1922.toml"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def genoa(humans: tuple[str, ...] = ("germany", "soviet"), pin: str = "", minutes: float = 0.0, auto: bool = False) -> Session:
    return Session(load(GENOA), SessionSetup(str(GENOA), "en", humans, "short", 7, teacher_pin=pin, turn_minutes=minutes, auto_pass=auto))


# --- the PIN guard ---------------------------------------------------------------------------


def test_no_pin_means_open() -> None:
    g = PinGuard("")
    assert not g.required and g.attempt("") and g.attempt("anything")


def test_wrong_pin_refused_right_pin_opens() -> None:
    g = PinGuard("4711")
    assert g.required
    assert not g.attempt("1234") and not g.attempt("") and not g.attempt("47111")
    assert g.attempt("4711") and g.attempt(" 4711 ")
    assert pin_matches("ąž", "ąž") and not pin_matches("ąž", "az")


def test_guessing_locks_the_keyboard_for_a_while() -> None:
    clock = FakeClock()
    g = PinGuard("4711", clock)
    for _ in range(MAX_TRIES):
        assert not g.attempt("0000")
    assert g.wait() == LOCKOUT_SECONDS
    assert not g.attempt("4711")  # even the right PIN waits
    clock.now += LOCKOUT_SECONDS
    assert g.attempt("4711")


# --- engine actions ----------------------------------------------------------------------------


def test_console_commands_are_engine_actions_of_the_teacher() -> None:
    s = genoa()
    room = Classroom(s, FakeClock())
    s.run_ai()
    events = room.optional_events("en")
    assert [e.id for e in events] == ["press_leak", "paris_telegram", "us_loan_offer", "shell_oil_rumour"]
    assert all(e.title and not e.fired for e in events)
    assert room.fire("press_leak") is None
    assert room.optional_events("en")[0].fired
    assert room.fire("press_leak") == Refusal.of(Code.EVENT_HAPPENED)
    assert room.fire("no_such_event") is not None
    assert room.news("  ", "x") == Refusal.of(Code.NEWS_NEEDS_HEADLINE)
    assert room.news("Strike in Genoa", "The dockers stop work.") is None
    last = room.last_date()
    later = room.last_date_after(1)
    assert later is not None and later > last
    assert room.move_end(1) is None and room.last_date() == later
    assert room.last_date_after(-100) is None and room.move_end(-100) is not None
    assert room.set_control("britain", True) is None and s.cs.d_index["britain"] in s.state.humans
    assert room.set_control("usa", True) == Refusal.of(Code.OBSERVER)
    kinds = [type(a).__name__ for a in s.actions if not hasattr(a, "actor")]
    assert kinds == ["FireEvent", "News", "MoveEnd", "SetControl"]
    record = build_record(s, reveal=True)
    assert [a.kind for a in record.teacher] == kinds
    assert any("Strike in Genoa" in a.text for a in record.teacher)
    assert room.end_now() is None and s.state.ended
    assert room.news("late", "") == Refusal.of(Code.CONFERENCE_OVER)


def test_undo_restores_the_exact_state_and_keeps_what_was_taken_back() -> None:
    s = genoa()
    room = Classroom(s, FakeClock())
    s.run_ai()
    s.apply(A.Pass(s.state.actor_id or "", rationale="wait and see"))
    s.run_ai()
    while s.state.turn == 0:  # play on, one turn at a time, into the second sitting
        if s.waiting_for_human:
            s.apply(A.Pass(s.state.actor_id or ""))
        else:
            s.ai_turn()
    start_of_sitting = s.state.fingerprint()  # the instant the second sitting began
    played = len(s.actions)
    while len(s.actions) == played or s.waiting_for_ai:
        s.apply(A.Pass(s.state.actor_id or "")) if s.waiting_for_human else s.ai_turn()
    assert s.state.fingerprint() != start_of_sitting
    assert room.undo()
    assert s.state.fingerprint() == start_of_sitting
    assert s.undone and s.undone[-1].actions


# --- the timer -----------------------------------------------------------------------------


def test_timer_expires_once_and_journals_it() -> None:
    clock = FakeClock()
    s = genoa(minutes=2)
    room = Classroom(s, clock)
    s.run_ai()
    assert s.waiting_for_human
    assert room.tick(at_keyboard=False) is None and room.remaining() is None  # hand-over screen: not yet
    room.tick(at_keyboard=True)
    clock.now += 119
    assert room.tick(True) is None and room.remaining() == 1
    clock.now += 2
    up = room.tick(True)
    assert up is not None and up.delegation == s.state.actor_id and not up.passed
    assert room.tick(True) is None  # reported once
    assert [j.kind for j in s.journal] == ["time_up"]


def test_auto_pass_passes_the_turn_when_time_is_up() -> None:
    clock = FakeClock()
    s = genoa(minutes=1, auto=True)
    room = Classroom(s, clock)
    s.run_ai()
    who = s.state.actor_id
    n = len(s.actions)
    room.tick(True)
    clock.now += 61
    up = room.tick(True)
    assert up is not None and up.passed
    assert s.actions[n] == A.Pass(who or "")
    assert s.journal[-1].kind == "time_up" and s.journal[-1].auto_pass and s.journal[-1].delegation == who


def test_pause_stops_the_timer_and_the_record_shows_it() -> None:
    clock = FakeClock()
    s = genoa()
    room = Classroom(s, clock)
    room.set_timer(3, auto_pass=True)
    s.run_ai()
    room.tick(True)
    clock.now += 60
    room.pause()
    clock.now += 1000
    assert room.tick(True) is None and room.remaining() == 120
    room.resume()
    clock.now += 30
    room.tick(True)
    assert room.remaining() == 90
    assert [j.kind for j in s.journal] == ["timer", "pause", "resume"]
    md = to_markdown(build_record(s, reveal=True))
    assert "The teacher pauses the conference." in md and "The teacher resumes the conference." in md
    assert "timer of 3 minutes per team turn; the turn passes when time is up" in md


def test_journal_and_timer_setting_survive_a_save(tmp_path: Path) -> None:
    s = genoa(pin="12", minutes=4)
    room = Classroom(s, FakeClock())
    room.pause()
    room.set_timer(5, auto_pass=True)
    room.resume()
    path = tmp_path / "lesson.json"
    save(s, path)
    again = load_save(path).session
    assert again.journal == s.journal
    assert again.setup.teacher_pin == "12" and again.setup.turn_minutes == 4
    restored = Classroom(again, FakeClock())
    assert (restored.minutes, restored.auto_pass) == (5, True)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["journal"] = [{"kind": 3}]
    path.write_text(json.dumps(data), encoding="utf-8")
    import pytest

    from game.play.saves import SaveError

    with pytest.raises(SaveError, match="journal"):
        load_save(path)


def test_the_console_logic_needs_no_pygame() -> None:
    import game.classroom.console
    import game.classroom.planning
    import game.classroom.timer  # noqa: F401

    assert "pygame" not in {m.split(".")[0] for m in sys.modules if m.startswith("game.classroom")}
    import subprocess

    code = "import sys, game.classroom.console, game.classroom.timer, game.classroom.planning; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_a_lesson_folder_moves_with_its_own_scenario_copy(tmp_path: Path) -> None:
    """Save + scenarios/ copied to another folder (another computer): the copy is used, and an edit to it is reported."""
    import shutil

    lesson_dir = tmp_path / "lesson"
    (lesson_dir / "scenarios").mkdir(parents=True)
    copy = lesson_dir / "scenarios" / "genoa_1922.toml"
    shutil.copy(GENOA, copy)
    s = Session(load(copy), SessionSetup(str(copy), "en", ("germany",), "short", 3, turn_minutes=3))
    s.run_ai()
    Classroom(s, FakeClock()).pause()
    save(s, lesson_dir / "save.json")
    moved = tmp_path / "elsewhere" / "moved"
    moved.parent.mkdir()
    shutil.move(str(lesson_dir), moved)
    loaded = load_save(moved / "save.json")
    assert Path(loaded.session.setup.scenario_path).resolve() == (moved / "scenarios" / "genoa_1922.toml").resolve()
    assert not loaded.scenario_changed and loaded.session.state.fingerprint() == s.state.fingerprint()
    from game.cli.main import main as cli

    assert cli(["report", str(moved / "save.json"), "--format", "md", "--out", str(tmp_path / "r.md")]) == 0
    assert "The teacher pauses the conference." in (tmp_path / "r.md").read_text(encoding="utf-8")
    text = (moved / "scenarios" / "genoa_1922.toml").read_text(encoding="utf-8")
    (moved / "scenarios" / "genoa_1922.toml").write_text(text.replace("minutes = 45", "minutes = 40", 1), encoding="utf-8")
    assert load_save(moved / "save.json").scenario_changed
