"""The session record: every move and rationale, secrets only at the end, the teacher's actions, safe exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.engine import actions as A
from game.engine.scoring import score
from game.play.session import Session, SessionSetup
from game.record import build_record, export_record, to_html, to_json, to_markdown
from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.toml"
SCRIPT = "<script>alert('x')</script> & <b>bold</b> | pipe"


def new_session(secret: bool = False, seed: int = 2, humans: tuple[str, ...] = ("northland",)) -> Session:
    loaded = load(TUTORIAL, {"instruments.side_pact.secret": True} if secret else None)
    return Session(loaded, SessionSetup(str(TUTORIAL), "en", humans, "full", seed, {"northland": {"treaty": 4}}))


def play_to_end(s: Session) -> None:
    """Teams pass with a rationale (numbered, so each can be found in the record); the AI plays itself."""
    k = 0
    while not s.state.ended:
        if s.waiting_for_human:
            k += 1
            s.apply(A.Pass(s.state.actor_id or "", rationale=f"rationale number {k}"))
        s.run_ai()


def test_every_move_and_rationale_is_in_every_export() -> None:
    s = new_session()
    s.run_ai()
    s.apply(A.Statement("northland", SCRIPT, rationale="We speak first <because>"))
    play_to_end(s)
    record = build_record(s)
    assert record.ended and record.revealed
    assert len(record.moves) == len(s.actions)
    assert [m.kind for m in record.moves] == [type(a).__name__ for a in s.actions]
    md, page, data = to_markdown(record), to_html(record), json.loads(to_json(record))
    assert len(data["moves"]) == len(s.actions)
    rationales = [a.rationale for a in s.actions if getattr(a, "rationale", "")]
    assert len(rationales) >= 3
    for why in rationales:
        assert why in [m["rationale"] for m in data["moves"]]
        plain = why.replace("<", "&lt;").replace(">", "&gt;")
        assert plain in md and plain in page
    ai_moves = [m for m in record.moves if m.by == "ai"]
    assert ai_moves and all(m.reasons is not None for m in ai_moves if m.kind in ("Propose", "Respond"))
    assert {m.by for m in record.moves} >= {"team", "ai"}
    for m in record.moves:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", m.date) and 1 <= m.sitting <= record.of


def test_the_ai_reasons_read_as_sentences_in_the_record_language() -> None:
    """Each AI refusal's reason is the student's sentence (the deciding issue and what would have done), in the
    record's language, before the numbers; the Lithuanian record words it in Lithuanian."""
    s = new_session(seed=5)
    play_to_end(s)
    en, lt = build_record(s, "en"), build_record(s, "lt")
    refusals = [m for m in en.moves if m.by == "ai" and m.kind == "Respond" and m.reasons and m.reasons.note == "below its aspiration"]
    assert refusals, "no AI refusal below its aspiration in this game"
    for m in refusals:
        assert m.reasons is not None and "refused mainly over" in m.reasons.sentence and m.reasons.deciding[0] in m.reasons.sentence
    md = to_markdown(en)
    assert refusals[0].reasons is not None and refusals[0].reasons.sentence in md
    pairs = [(a.reasons, b.reasons) for a, b in zip(en.moves, lt.moves, strict=True) if a.reasons and a.reasons.sentence]
    assert pairs and all(b is not None and b.sentence and b.sentence != a.sentence for a, b in pairs)


def test_json_round_trips_the_facts() -> None:
    s = new_session(seed=5)
    play_to_end(s)
    record = build_record(s)
    data = json.loads(to_json(record))
    assert data["format"] == "plenipo-record" and data["version"] == 1
    assert data["outcome"]["id"] == s.cs.outcome(s.state.outcome).id
    assert data["setup"]["seed"] == 5 and data["setup"]["scenario"] == "tutorial"
    by_id = {r["delegation"]: r for r in data["results"]}
    for ds in score(s.state, s.setup.aim_weights):
        assert by_id[ds.delegation]["score"] == pytest.approx(ds.score, abs=0.05)
        assert [a["met"] for a in by_id[ds.delegation]["aims"]] == [a.met for a in ds.aims]
    northland = {a["aim"]: a for a in by_id["northland"]["aims"]}
    assert northland["treaty"]["weight"] == 4 and northland["treaty"]["default_weight"] == 2
    assert len(data["signed"]) == len(s.state.signed)
    assert data["questions"] and data["history"]["text"]


def test_secrets_are_hidden_mid_game_and_revealed_at_the_end() -> None:
    s = new_session(secret=True)
    s.run_ai()
    s.apply(A.Pass("northland", rationale="our secret plan"))
    s.run_ai()
    assert any(sig.instrument == s.cs.inst_index["side_pact"] for sig in s.state.signed), "the pact should be signed early"
    mid = build_record(s)
    assert not mid.ended and not mid.revealed
    assert all(m.visibility == "public" for m in mid.moves)
    assert all(m.reasons is None and not m.rationale for m in mid.moves)
    assert not mid.signed and not mid.results
    md = to_markdown(mid)
    assert "Southport–Eastmark Pact" not in md and "our secret plan" not in md and "hidden until the conference ends" in md
    assert "Southport–Eastmark Pact" not in to_html(mid) and "Southport–Eastmark Pact" not in to_json(mid)
    teacher_copy = build_record(s, reveal=True)
    assert teacher_copy.revealed and any(sig.secret for sig in teacher_copy.signed)
    s.apply(A.EndNow("time is up"))
    end = build_record(s)
    assert end.revealed and len(end.moves) == len(s.actions)
    assert any(m.visibility == "private" and m.audience for m in end.moves)
    pact = [sig for sig in end.signed if sig.instrument == "side_pact"]
    assert pact and pact[0].secret and pact[0].measure is not None
    assert "our secret plan" in to_markdown(end) and "Southport–Eastmark Pact" in to_markdown(end)


def test_teacher_actions_and_undos_are_marked_as_the_teachers() -> None:
    s = new_session()
    s.apply(A.News("Extra edition", "Prices rise"))
    s.run_ai()
    s.apply(A.Pass("northland", rationale="first"))
    s.run_ai()
    s.apply(A.News("Taken back soon", "This news will be undone"))
    s.apply(A.SetControl("southport", True))
    assert s.undo_sitting()
    s.apply(A.MoveEnd(-1))
    s.apply(A.FireEvent("storm"))
    s.run_ai()
    s.apply(A.EndNow())
    record = build_record(s)
    kinds = [a.kind for a in record.teacher]
    assert kinds.count("News") == 1 and {"MoveEnd", "FireEvent", "EndNow", "Undo"} <= set(kinds)
    teacher_moves = [m for m in record.moves if m.by == "teacher"]
    assert [m.kind for m in teacher_moves] == [type(a).__name__ for a in s.actions if not hasattr(a, "actor")]
    assert all(m.actor == "teacher" for m in teacher_moves)
    undo = next(a for a in record.teacher if a.kind == "Undo")
    assert any("This news will be undone" in x and "(the teacher's)" in x for x in undo.taken_back)
    assert any("A team now plays Southport" in x for x in undo.taken_back)
    md = to_markdown(record)
    assert "The teacher's actions" in md and "Taken back" in md and "| Teacher |" in md
    assert "This news will be undone" in to_html(record)


def test_html_is_escaped_self_contained_and_printable(tmp_path: Path) -> None:
    s = new_session()
    s.run_ai()
    s.apply(A.Statement("northland", SCRIPT, rationale="<img src=x onerror=alert(1)>"))
    s.apply(A.News("<script>bad()</script>", SCRIPT))
    play_to_end(s)
    path = tmp_path / "record.html"
    export_record(s, path, lang="lt")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="lt">' in page
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "@page" in page and "A4" in page
    assert not re.search(r"<[^>]*\b(src|href)\s*=|url\(|@import", page)  # nothing fetched
    md = to_markdown(build_record(s))
    assert "<script" not in md and "&lt;script&gt;" in md and r"\| pipe" in md


def test_export_picks_the_format_from_the_extension_and_refuses_unknown(tmp_path: Path) -> None:
    s = new_session()
    play_to_end(s)
    for name, start in (("r.md", "# "), ("r.json", "{"), ("r.html", "<!DOCTYPE html>")):
        export_record(s, tmp_path / name)
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    with pytest.raises(ValueError, match="unknown record format"):
        export_record(s, tmp_path / "r.txt")


def test_records_are_written_in_the_chosen_language() -> None:
    s = new_session()
    play_to_end(s)
    md = to_markdown(build_record(s, lang="lt"))
    assert "Posėdis" in md and "Žaidimo protokolas" in md and "Šiaurės kraštas" in md and "delegacija laukia" in md
    assert "Sitting " not in md and "Setup" not in md


def test_signed_deals_carry_pareto_and_nash_measures() -> None:
    for seed in range(1, 12):
        s = new_session(seed=seed, humans=())
        s.run_ai()
        record = build_record(s)
        for sig in record.signed:
            m = sig.measure
            assert m is not None and m.exact and m.frontier_size >= 1
            assert m.frontier_gap >= 0 and (m.frontier_gap == 0 or not m.efficient)
            assert len(m.parties) == len(sig.parties)
        if record.signed:
            return
    pytest.fail("no seed signed anything")


def test_every_note_the_ai_writes_has_a_translated_tag() -> None:
    """`ai_note` keeps its own list (for the catalogs); a note added to the AI without it would reach a
    Lithuanian teacher in English, as three did."""
    from game.ai.explain import AUDIENCE_SENTENCES, SENTENCES
    from game.i18n import Translator
    from game.record.model import ai_note

    t = Translator("lt").t
    missing = [note for note in (*SENTENCES, *AUDIENCE_SENTENCES) if ai_note(t, note) == note]
    assert missing == []


def test_each_ai_proposal_shows_how_sure_its_proposer_was() -> None:
    """Beside what came of an AI proposal, the record gives the chance its proposer gave it that all accept (the
    figure `plenipo batch` judges its opponent models by), in the record's language; answers carry none."""
    s = new_session(seed=5)
    play_to_end(s)
    en, lt = build_record(s, "en"), build_record(s, "lt")
    proposals = [m for m in en.moves if m.by == "ai" and m.kind == "Propose"]
    assert proposals and all(m.reasons is not None and m.reasons.chance is not None for m in proposals)
    assert all(m.reasons is None or m.reasons.chance is None for m in en.moves if m.kind == "Respond")
    md_en, md_lt = to_markdown(en), to_markdown(lt)
    shown = [int(x) for x in re.findall(r"its guess that all accept: (\d+)%", md_en)]
    assert shown == [round(100 * m.reasons.chance) for m in proposals if m.reasons is not None and m.reasons.chance is not None]
    assert len(re.findall(r"tikimybė, kad visi sutiks: \d+ %", md_lt)) == len(proposals)
    data = json.loads(to_json(en))
    assert [m["reasons"]["chance"] for m in data["moves"] if m["kind"] == "Propose" and m["by"] == "ai"] == [
        m.reasons.chance for m in proposals if m.reasons
    ]
