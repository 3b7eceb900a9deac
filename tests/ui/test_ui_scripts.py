"""UI scripts: the language, the runner's verdicts, and the two-team Genoa lesson played only by what is visible.

The lesson scripts (tests/ui/scripts/genoa_lesson_{en,lt}.plenipo) are played
on the real window, with real pygame mouse and key events, at both window
sizes and text sizes 100% and 175%; each size, language and text size comes
up at least twice over four runs, which keeps CI time modest.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main
from game.ui.kit.registry import Seen
from game.ui.main import begin, continue_autosave, has_autosave
from game.ui.screens.setup.screen import SetupScene
from game.ui.script import ScriptRun, shows
from game.ui.script_lang import OUTCOME, REPEAT_LIMIT, Command, Kind, ScriptSyntaxError, parse, parse_file

SCRIPTS = Path(__file__).parent / "scripts"
ROOT = Path(__file__).resolve().parents[2]


def _app(make_app):  # type: ignore[no-untyped-def]
    from game.ui.screens.teacher.tools import install

    app = make_app(on_begin=begin, has_save=has_autosave, on_continue=continue_autosave, first_scene=SetupScene())  # finds the shipped scenarios
    install(app)
    app.fast = True
    app.comparison_runs = 0
    return app


def _play(make_app, commands: list[Command], name: str = "test", shots: Path | None = None) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    err = io.StringIO()
    status = ScriptRun(_app(make_app), commands, name, shots=shots, err=err).run()
    return status, err.getvalue()


# --- the language ---------------------------------------------------------------------------


def test_every_command_of_the_language_parses() -> None:
    cmds = parse("""# a comment
setup teams=germany,soviet length=short seed=1922 lang=lt size=1280x720 text=175
click "Accept" in "No. 3"
click "Propose"   # a comment after a command
key page down
type "we need a friend"
expect "2 proposals await your answer"
expect no "Not allowed"
wait ai
wait outcome
shot debrief
""")
    assert [c.kind for c in cmds] == [
        Kind.SETUP,
        Kind.CLICK,
        Kind.CLICK,
        Kind.KEY,
        Kind.TYPE,
        Kind.EXPECT,
        Kind.EXPECT_NO,
        Kind.WAIT_AI,
        Kind.WAIT_OUTCOME,
        Kind.SHOT,
    ]
    assert cmds[0].setup == (
        ("teams", "germany,soviet"),
        ("length", "short"),
        ("seed", "1922"),
        ("lang", "lt"),
        ("size", "1280x720"),
        ("text", "175"),
    )
    assert (cmds[1].text, cmds[1].within, cmds[1].line) == ("Accept", "No. 3", 3)
    assert cmds[3].text == "page down" and cmds[6].text == "Not allowed"


def test_a_repeat_block_folds_into_one_command_with_its_condition_limit_and_lines() -> None:
    cmds = parse("""click "Start"
repeat until outcome
  click "We are ready"
  repeat at most 3 until "Pass the computer to the Soviet"
    click "Pass"
  end
  wait ai
end
expect "Germany"
""")
    assert [c.kind for c in cmds] == [Kind.CLICK, Kind.REPEAT, Kind.EXPECT]
    loop = cmds[1]
    assert loop.text == OUTCOME and loop.limit == REPEAT_LIMIT and loop.line == 2
    assert [c.kind for c in loop.body] == [Kind.CLICK, Kind.REPEAT, Kind.WAIT_AI]
    inner = loop.body[1]
    assert (inner.text, inner.limit, inner.line) == ("Pass the computer to the Soviet", 3, 4)
    assert [(c.text, c.line) for c in inner.body] == [("Pass", 5)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('repeat until outcome\nclick "Pass"\n', 1),  # no end
        ('click "Pass"\nend\n', 2),  # end without repeat
        ("repeat until outcome\nend\n", 1),  # empty block
        ('repeat forever\nclick "Pass"\nend\n', 1),
        ('repeat at most lots until outcome\nclick "Pass"\nend\n', 1),
    ],
)
def test_a_broken_repeat_block_is_refused_with_its_line(text: str, line: int) -> None:
    with pytest.raises(ScriptSyntaxError, match=rf"^lesson:{line}: "):
        parse(text, "lesson")


def test_a_repeat_that_never_reaches_its_condition_fails_and_a_line_inside_names_itself(make_app) -> None:
    status, err = _play(make_app, parse('repeat at most 2 until "No such words"\n  expect "Start"\nend\n', "r"), "r")
    assert status == 1 and err.startswith("r:1: repeat: 'No such words' never became visible after 2 rounds")
    status, err = _play(make_app, parse('repeat until "No such words"\n  expect "Start"\n  click "Abracadabra"\nend\n', "r"), "r")
    assert status == 1 and err.startswith("r:3: nothing to click labelled 'Abracadabra'")
    # a condition already met: the block is not played at all
    status, err = _play(make_app, parse('repeat until "Start"\n  click "Abracadabra"\nend\n', "r"), "r")
    assert status == 0, err


@pytest.mark.parametrize("line", ['clack "Start"', "setup colour=red", 'click "A" on "B"', "wait lunch", 'type "unclosed', "shot", "key"])
def test_a_bad_line_is_refused_with_its_number(line: str) -> None:
    with pytest.raises(ScriptSyntaxError, match=r"^lesson:2: "):
        parse(f'click "Start"\n{line}\n', "lesson")


def test_expect_needs_the_text_drawn_in_full_and_on_top() -> None:
    line = (0, 0, 10, 10)
    assert shows([Seen("2 proposals await your answer", "text", line)], "proposals await")
    assert not shows([Seen("Restitu…", "text", line, cut=True)], "Restitution")
    assert not shows([Seen("Restitution", "text", line, covered=True)], "Restitution")
    # a sentence wrapped over lines drawn one after another still reads as one
    assert shows([Seen("Treaty of Rapallo (German-Soviet", "text", line), Seen("treaty) is signed", "text", line)], "treaty) is signed")
    assert shows(
        [Seen("Treaty of Rapallo (German-Soviet", "text", line), Seen("treaty) is signed", "text", line)], "Rapallo (German-Soviet treaty) is signed"
    )


# --- the runner's verdicts ----------------------------------------------------------------------


def test_a_failing_line_stops_the_run_and_says_where_why_and_what_is_visible(make_app) -> None:
    status, err = _play(make_app, parse('setup seed=7\nexpect "Start"\nclick "Abracadabra"\nclick "Start"\n'), "mine.plenipo")
    assert status == 1
    assert err.startswith("mine.plenipo:3: nothing to click labelled 'Abracadabra'")
    assert "visible now:" in err and "button  Start" in err


def test_an_ambiguous_click_fails_and_names_the_candidates(make_app) -> None:
    status, err = _play(make_app, parse('click "e"\n', "x"))  # nearly every button has an e
    assert status == 1 and "controls match 'e'" in err


def test_setup_refuses_a_delegation_the_scenario_does_not_have(make_app) -> None:
    status, err = _play(make_app, parse("setup teams=atlantis\n", "x"))
    assert status == 1 and "no delegation atlantis" in err


def test_the_command_line_exits_0_1_and_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 1 from a real `python -m game` process; exits 0 and 2 through the same main() in this process."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT), PLENIPO_HOME=str(tmp_path / "home"))
    monkeypatch.setenv("PLENIPO_HOME", str(tmp_path / "home"))
    good = tmp_path / "good.plenipo"
    good.write_text('setup seed=3\nexpect "Start"\nexpect no "Not allowed"\nshot setup\n', encoding="utf-8")
    bad = tmp_path / "bad.plenipo"
    bad.write_text('expect "There is no such text"\n', encoding="utf-8")
    broken = tmp_path / "broken.plenipo"
    broken.write_text("dance\n", encoding="utf-8")

    def argv(path: Path) -> list[str]:
        return ["play", "--script", str(path), "--screenshots", str(tmp_path / "shots")]

    def run_here(path: Path) -> tuple[int, str]:
        status = main(argv(path))
        return status, capsys.readouterr().err

    status, err = run_here(good)
    assert status == 0, err
    assert (tmp_path / "shots" / "setup.png").is_file()
    failed = subprocess.run([sys.executable, "-m", "game", *argv(bad)], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert failed.returncode == 1 and f"{bad}:1: 'There is no such text' is not visible" in failed.stderr
    status, err = run_here(broken)
    assert status == 2 and "unknown command 'dance'" in err and "Traceback" not in err


# --- the lesson, as students play it --------------------------------------------------------------


def _clicks_between(commands: list[Command], start: str, end: str) -> int:
    """Clicks from the command whose text is `start` (not counted) to the first `end` after it."""
    texts = [c.text for c in commands]
    a = texts.index(start)
    b = texts.index(end, a)
    return sum(1 for c in commands[a + 1 : b] if c.kind is Kind.CLICK)


@pytest.mark.parametrize("lang", ["en", "lt"])
def test_the_lesson_answers_in_one_click_and_proposes_privately_with_two_changes_in_five(lang: str) -> None:
    cmds = parse_file(SCRIPTS / f"genoa_lesson_{lang}.plenipo")
    ready = "We are ready" if lang == "en" else "Esame pasiruošę"
    sent = "Proposal No. 2 sent privately to Soviet Russia." if lang == "en" else "Pasiūlymas Nr. 2 išsiųstas privačiai: Sovietų Rusija."
    accepted = "You accepted No. 2." if lang == "en" else "Priėmėte Nr. 2."
    # Germany's view open -> Propose, Private talks, two options, Propose: the proposal is sent (one more click hands over)
    assert _clicks_between(cmds, ready, sent) == 5 <= 6
    # the Soviet view open -> Accept on the proposal in the inbox: answered. France's plenary offer came after
    # Germany's, so the inbox opens on it and one click pages back (Older): two clicks, one when it is the newest
    second_ready = [k for k, c in enumerate(cmds) if c.text == ready][1]
    assert _clicks_between(cmds[second_ready:], ready, accepted) == 2


@pytest.mark.parametrize(
    ("lang", "size", "text"), [("en", "1280x720", "100"), ("en", "1920x1080", "175"), ("lt", "1280x720", "175"), ("lt", "1920x1080", "100")]
)
def test_the_two_team_genoa_lesson_plays_by_clicking_what_is_visible(make_app, lang: str, size: str, text: str, tmp_path: Path) -> None:
    cmds = parse_file(SCRIPTS / f"genoa_lesson_{lang}.plenipo")
    window = Command(Kind.SETUP, 0, setup=(("size", size), ("text", text)))
    status, err = _play(make_app, [window, *cmds], f"genoa_lesson_{lang}.plenipo")
    assert status == 0, err


@pytest.mark.parametrize(("size", "text"), [("1280x720", "175"), ("1920x1080", "100")])
def test_the_proposal_forms_issue_pager_pages_the_8_issue_settlement_and_proposes(make_app, size: str, text: str) -> None:
    from game.ui.screens.conference.screen import ConferenceScene

    cmds = parse_file(SCRIPTS / "proposal_pager_en.plenipo")
    window = Command(Kind.SETUP, 0, setup=(("size", size), ("text", text)))
    app = _app(make_app)
    err = io.StringIO()
    status = ScriptRun(app, [window, *cmds], "proposal_pager_en.plenipo", err=err).run()
    assert status == 0, err.getvalue()
    conf = next(s for s in app.stack if isinstance(s, ConferenceScene))
    s = conf.session.state
    cs = s.cs
    p = s.proposals[-1]
    assert p.proposer == cs.d_index["soviet"] and cs.instrument_ids[p.instrument] == "general_settlement" and p.to is None
    scope = cs.scope[p.instrument]
    assert len(scope) == 8
    recognition = cs.i_index["recognition"]
    assert cs.option_ids[recognition][p.package[list(scope).index(recognition)]] == "de_facto"  # chosen on the last page


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Germany", "Soviet Russia", "the AI playing every delegation", "with 0 teams")),
        ("lt", ("Vokietija", "Sovietų Rusija", "visas delegacijas žaidžia DI", "žaidžia 0 komand")),
    ],
)
def test_the_setup_summary_says_the_ai_plays_every_delegation_when_no_team_is_chosen(make_app, lang: str, words: tuple[str, ...]) -> None:
    germany, soviet, summary, wrong = words
    script = f'setup teams=germany,soviet length=short lang={lang} size=1280x720 text=100\nclick "{germany}"\nclick "{soviet}"\n'
    status, err = _play(make_app, parse(script + f'expect "{summary}"\nexpect no "{wrong}"\n'), "no_teams")
    assert status == 0, err


@pytest.mark.parametrize(
    ("lang", "size", "words"),
    [
        ("en", "1280x720", {"below": "Below", "above": "Above", "japan": "Japan", "britain": "Great Britain", "none": "Teams: 0", "one": "Teams: 1"}),
        (
            "lt",
            "1920x1080",
            {
                "below": "Žemiau",
                "above": "Aukščiau",
                "japan": "Japonija",
                "britain": "Didžioji Britanija",
                "none": "Komandos: 0",
                "one": "Komandos: 1",
            },
        ),
    ],
)
def test_the_delegations_that_do_not_fit_are_reached_by_clicking_below_and_above(make_app, lang: str, size: str, words: dict[str, str]) -> None:
    """Large text on a projector: Genoa's seven delegations do not all fit, and a teacher with a mouse
    without a wheel (or a touch board) pages to Japan with the buttons under the list. The hidden rows
    take no clicks: the first version of the pager switched a row scrolled out of view to a team."""
    w = words
    script = (
        f"setup length=short seed=1922 lang={lang} size={size} text=175\n"
        f'expect no "{w["japan"]}"\nexpect "{w["none"]}"\n'
        f'click "{w["below"]}"\nexpect "{w["japan"]}"\nexpect "{w["none"]}"\n'
        f'click "{w["japan"]}"\nexpect "{w["one"]}"\n'
        f'click "{w["above"]}"\nexpect "{w["britain"]}"\nexpect no "{w["japan"]}"\nexpect "{w["one"]}"\n'
    )
    status, err = _play(make_app, parse(script, "pager"))
    assert status == 0, err


def test_a_scenario_list_too_long_to_show_is_paged_by_clicking_next_and_previous(make_app) -> None:
    """At 175% text on 1280x720 the setup shows one scenario of ten: "Next" and "Previous" under it reach
    the others without a wheel or the keys, and "Previous" is shown but off on the first."""
    script = (
        "setup length=short seed=1922 lang=en size=1280x720 text=175\n"
        'expect "1 / 10"\nexpect no "What if: the Allies waive Article 116"\n'
        'click "Next"\nexpect "2 / 10"\nexpect "What if: the Allies waive Article 116"\n'
        'click "Previous"\nexpect "1 / 10"\nexpect no "What if: the Allies waive Article 116"\n'
    )
    status, err = _play(make_app, parse(script, "scenarios"))
    assert status == 0, err
    status, err = _play(make_app, parse('setup lang=en size=1280x720 text=175\nclick "Previous"\n', "first"))
    assert status == 1 and "'Previous' is shown but disabled" in err
