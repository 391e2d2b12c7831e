"""Resuming an interrupted session: the pure restore, the engine picking up from it, the runner on SQLite.

The restore is checked against the uninterrupted interview itself: an interview is
played out with scripted scorecards, cut after every turn, restored from the cut
turns and played on; the resumed interview must ask what the uninterrupted one asked.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from coach.adapters.store_sqlite import MIGRATIONS, SCHEMA_VERSION, SQLiteStore
from coach.cli import main
from coach.content import default_content
from coach.domain import Turn
from coach.interview.engine import Ask, InterviewEngine, NeedFollowUp, WrapUp
from coach.interview.resume import ResumeError, plan_items, plan_record, restore
from coach.ports import CapturedAudio
from coach.scoring import Scorecard
from tests.fixtures.typed import Killed, TypedAnswers


def _items(n: int = 3, round_id: str = "behavioral", minutes: int | None = None):
    import dataclasses

    content = default_content()
    spec = content.round(round_id)
    if minutes is not None:
        spec = dataclasses.replace(spec, time_box_minutes=minutes)
    return [(q, spec) for q in content.questions_for(round_id)[:n]]


def gaps(*ids: str, severity: float = 0.9) -> dict[str, Any]:
    return {"gaps": [{"id": g, "severity": severity} for g in ids], "overall": 2.0 + 0.1 * len(ids)}


CLEAN = {"gaps": [], "overall": 4.0}
# a follow-up answer "lacking context" is not probed again: the restored follow-up count decides that
SCRIPT = [gaps("no_result"), gaps("no_context", "we_not_i"), CLEAN, gaps("no_tradeoff"), gaps("no_context"),
          gaps("no_result"), gaps("no_result"), gaps("no_result"), CLEAN, CLEAN]


def play(engine: InterviewEngine, action: Any, cards: list[dict[str, Any]], turns: list[dict[str, Any]],
         closed: bool = False) -> list[dict[str, Any]]:
    """Drive the engine as the runner does, recording turns as the turns table holds them."""
    cards = list(cards)

    def save(**row: Any) -> None:
        turns.append({"idx": (turns[-1]["idx"] + 1) if turns else 0, **row})

    while not isinstance(action, WrapUp):
        asked = None
        if isinstance(action, NeedFollowUp):
            asked = action.asked
            action = engine.followup_ready(f"And what about {action.gap}?", action.gap, "bank")
        save(speaker="interviewer", kind=action.kind, question_id=action.question.id, text=action.text,
             gap=action.gap, source=action.source, asked=asked)
        engine.spoken()
        if not cards:
            action = engine.end("no more answers")
            break
        card = cards.pop(0)
        save(speaker="candidate", kind="answer", question_id=action.question.id, text=f"answer {len(turns)}",
             scores=json.dumps(card))
        action = engine.answered(turns[-1]["text"], Scorecard.from_dict(card), now=10.0 * len(turns))
    if not closed:
        save(speaker="interviewer", kind="closing", text="Thanks, that is all.")
    return turns


def spoken(turns: list[dict[str, Any]]) -> list[tuple]:
    """What was said and asked, without the re-asks a resume adds."""
    return [(t["speaker"], t["kind"], t.get("question_id"), t["text"] if t["speaker"] == "interviewer" else "",
             t.get("gap"), t.get("asked")) for t in turns if t["kind"] != "repeat"]


@pytest.mark.parametrize("items", [_items(3), _items(2) + _items(1)], ids=["three questions", "a repeated question"])
@pytest.mark.parametrize("cap", [None, 1])
def test_a_session_cut_after_any_turn_resumes_into_the_same_interview(items, cap) -> None:
    engine = InterviewEngine(items, max_followups=cap)
    full = play(engine, engine.start(0), SCRIPT, [])
    assert any(t["kind"] == "followup" for t in full) and full[-1]["kind"] == "closing"
    for cut in range(len(full) + 1):
        kept = [dict(t) for t in full[:cut]]
        point = restore(items, kept)
        answers = sum(t["speaker"] == "candidate" for t in kept)
        assert point.next_turn == cut and len(point.scores) == answers
        assert [c.overall for c in point.scores] == [json.loads(t["scores"])["overall"] for t in kept
                                                        if t["speaker"] == "candidate"]
        again = InterviewEngine(items, max_followups=cap)
        first = again.start(5000.0, at=point)
        if cut and kept[-1]["speaker"] == "interviewer" and kept[-1]["kind"] != "closing":
            assert point.pending == "ask"
            assert isinstance(first, Ask) and first.kind == "repeat" and first.text == kept[-1]["text"]
        elif cut and kept[-1]["speaker"] == "candidate":
            assert point.pending == "decide"
        resumed = play(again, first, SCRIPT[answers:], kept, closed=point.pending == "close")
        assert spoken(resumed) == spoken(full), f"cut after turn {cut}"
        assert [t["idx"] for t in resumed] == list(range(len(resumed)))


def test_restore_counts_follow_ups_and_answered_questions() -> None:
    items = _items(3)
    engine = InterviewEngine(items, max_followups=2)
    full = play(engine, engine.start(0), [gaps("no_result"), gaps("no_result"), CLEAN], [])
    # question 1, answer, follow-up, answer, follow-up, answer, question 2 (unanswered), closing
    cut = [t for t in full if t["kind"] != "closing"]
    point = restore(items, cut)
    assert point.pending == "ask" and point.index == 1 and point.followups == 0
    assert point.answered == (0,) and point.ask.kind == "question" and point.ask.text == items[1][0].prompt
    point = restore(items, cut[:4])        # question 1, answer, follow-up, answer
    assert point.pending == "decide" and point.index == 0 and point.followups == 1
    assert point.answer == cut[3]["text"] and point.scorecard == Scorecard.from_dict(gaps("no_result"))
    assert point.asked == (cut[0]["text"], cut[2]["text"])
    point = restore(items, cut[:3])
    assert point.pending == "ask" and point.ask == type(point.ask)(cut[2]["text"], "followup", "no_result", "bank")


def test_nothing_saved_starts_the_plan_and_a_saved_closing_only_ends_it() -> None:
    items = _items(2)
    point = restore(items, [])
    assert point.pending == "start" and point.next_turn == 0
    first = InterviewEngine(items).start(0, at=point)
    assert isinstance(first, Ask) and first.kind == "question" and first.question == items[0][0]
    engine = InterviewEngine(items)
    full = play(engine, engine.start(0), [CLEAN, CLEAN], [])
    point = restore(items, full)
    assert point.pending == "close" and len(point.scores) == 2
    assert isinstance(InterviewEngine(items).start(0, at=point), WrapUp)


def test_resumed_round_gets_its_full_time_box_from_the_moment_of_resume() -> None:
    items = _items(3, minutes=10)
    turns = [{"idx": 0, "speaker": "interviewer", "kind": "question", "question_id": items[0][0].id,
              "text": items[0][0].prompt},
             {"idx": 1, "speaker": "candidate", "kind": "answer", "question_id": items[0][0].id, "text": "vague",
              "scores": gaps("no_result")}]
    point = restore(items, turns)
    resumed_at = 100_000.0           # hours later on the monotonic clock: no time of the old run counts
    engine = InterviewEngine(items)
    follow = engine.start(resumed_at, at=point)
    assert isinstance(follow, NeedFollowUp) and follow.gap == "no_result"
    engine.followup_ready("What changed?", "no_result", "bank")
    over = engine.answered("still vague", Scorecard.from_dict(gaps("no_result")), now=resumed_at + 10 * 60 + 1)
    assert isinstance(over, WrapUp)   # the round's ten minutes from the resume are spent: the rest is skipped


def test_turns_that_do_not_fit_the_plan_are_refused() -> None:
    items = _items(2)
    stranger = [{"idx": 0, "speaker": "interviewer", "kind": "question", "question_id": "no-such-q", "text": "?"}]
    with pytest.raises(ResumeError, match="no-such-q"):
        restore(items, stranger)
    backwards = [{"idx": 0, "speaker": "interviewer", "kind": "question", "question_id": items[1][0].id, "text": "?"},
                 {"idx": 1, "speaker": "interviewer", "kind": "question", "question_id": items[0][0].id, "text": "?"}]
    with pytest.raises(ResumeError):
        restore(items, backwards)


def test_the_saved_plan_comes_back_and_old_sessions_fall_back_to_their_turns() -> None:
    content = default_content()
    items = _items(3, minutes=7)
    session = {"id": "s1", "plan_items": plan_record(items, 1)}
    back, cap = plan_items(content, session, [])
    assert [(q.id, s.id, s.time_box_minutes) for q, s in back] == [(q.id, s.id, 7) for q, s in items] and cap == 1
    turns = [{"idx": 0, "speaker": "interviewer", "kind": "question", "question_id": items[1][0].id, "text": "?"},
             {"idx": 1, "speaker": "candidate", "kind": "answer", "text": "a", "scores": None}]
    back, cap = plan_items(content, {"id": "old", "plan_items": None}, turns)
    assert [q.id for q, _ in back] == [items[1][0].id] and cap is None
    with pytest.raises(ResumeError, match="no question was asked"):
        plan_items(content, {"id": "old"}, [])
    gone = {"id": "s2", "plan_items": json.dumps({"items": [{"question": "retired-q", "round": "behavioral"}]})}
    with pytest.raises(ResumeError, match="retired-q is no longer in the question banks"):
        plan_items(content, gone, [])


# -- the runner, on a real database -------------------------------------------------------------
def _runner(store: SQLiteStore, items: list, source: Any, point: Any = None, max_followups: int | None = 1) -> Any:
    from coach import services
    from coach.adapters.tts import SilentSpeaker
    from tests.fixtures.tui import StubInterviewer, StubTranscriber

    scores = {"first": 1.5, "second": 2.5, "third": 3.5, "fourth": 4.5, "only": 1.5}

    def scorer(transcript: Any, question: Any = None, **_: Any) -> Scorecard:
        last = transcript.text.split()[-2]      # "... third answer": an answer joined to the one before it is
        return Scorecard.from_dict({"gaps": [{"id": "no_result", "severity": 0.8}], "overall": scores[last],
                                    "question_id": question.id if question else None})   # scored as its last part
    return services.build_runner(content=default_content(), items=items, source=source,
                                 transcriber=StubTranscriber(), interviewer=StubInterviewer(), speaker=SilentSpeaker(),
                                 store=store, scorer=scorer, on_event=lambda e: None, no_speech="raise",
                                 max_followups=max_followups, resume_from=point)


def test_runner_continues_the_same_session_after_a_crash_mid_answer(tmp_path: Path) -> None:
    from coach import services

    db = tmp_path / "coach.db"
    store = SQLiteStore(db)
    items = _items(2)
    sid = store.start_session(plan="drill", round="behavioral", level="senior", mode="headless",
                              plan_items=plan_record(items, 1))
    with pytest.raises(Killed):     # question, answer, follow-up, answer, question 2, then dies while answering
        _runner(store, items, TypedAnswers(["first answer", "second answer"], kill_at=3)).run(sid)
    store.db.execute("update sessions set status = 'in_progress', ended_at = null where id = ?", [sid])
    store.db.conn.commit()
    before = store.turns(sid)
    assert [t["kind"] for t in before] == ["question", "answer", "followup", "answer", "question"]

    session, items_back, point, cap = services.prepare_resume(store, default_content(), "last")
    assert session["id"] == sid and cap == 1 and point.pending == "ask" and point.next_turn == 5
    store.resume_session(sid)
    assert store.session(sid)["status"] == "in_progress"
    status = _runner(store, items_back, TypedAnswers(["third answer", "fourth answer"]), point, cap).run(sid)
    assert status == "completed"

    after = store.turns(sid)
    assert after[:5] == before                                   # the earlier turns, untouched
    assert [t["idx"] for t in after] == list(range(len(after)))  # no index used twice, none skipped
    assert [t["kind"] for t in after[5:]] == ["repeat", "answer", "followup", "answer", "closing"]
    assert after[5]["text"] == before[4]["text"]                 # the unanswered question, asked again
    row = store.session(sid)
    assert row["status"] == "completed" and row["ended_at"]
    overall = [t["overall"] for t in after if t["speaker"] == "candidate"]
    assert overall == [1.5, 2.5, 3.5, 4.5]
    # each question counts once, by its last card (its follow-up's answer, scored with the answer before it);
    # the first question's was saved before the crash
    assert row["overall"] == round((2.5 + 4.5) / 2, 2)
    assert [s["id"] for s in store.sessions()] == [sid]
    store.close()


def test_a_session_whose_closing_was_said_is_only_ended(tmp_path: Path) -> None:
    from coach import services

    store = SQLiteStore(tmp_path / "coach.db")
    items = _items(1)
    sid = store.start_session(plan="drill", plan_items=plan_record(items))
    _runner(store, items, TypedAnswers(["only answer"]), max_followups=0).run(sid)
    store.db.execute("update sessions set status = 'in_progress', overall = null where id = ?", [sid])
    store.db.conn.commit()
    before = store.turns(sid)
    _, items, point, _ = services.prepare_resume(store, default_content(), sid)
    assert point.pending == "close"
    store.resume_session(sid)
    assert _runner(store, items, TypedAnswers([]), point, 0).run(sid) == "completed"
    assert store.turns(sid) == before                            # no second closing
    assert store.session(sid)["overall"] == 1.5
    store.close()


# -- the store and the CLI's refusals --------------------------------------------------------------
def test_an_old_database_gains_the_plan_column_and_its_sessions_resume_on_their_turns(tmp_path: Path) -> None:
    import sqlite_utils

    db = tmp_path / "old.db"
    old = sqlite_utils.Database(sqlite3.connect(db))
    for n, migration in enumerate(MIGRATIONS[:2], start=1):
        migration(old)
        old.execute(f"PRAGMA user_version = {n}")
    question = _items(1)[0][0]
    old["sessions"].insert({"id": "old-1", "started_at": "2025-01-01T09:00:00+00:00", "status": "in_progress",
                            "plan": "drill", "round": "behavioral", "level": "senior", "mode": "headless"})
    old["turns"].insert({"session_id": "old-1", "idx": 0, "speaker": "interviewer", "kind": "question",
                         "question_id": question.id, "text": question.prompt})
    old.conn.commit()
    old.conn.close()
    store = SQLiteStore(db)
    assert store.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert "plan_items" in store.db["sessions"].columns_dict
    from coach import services

    _, items, point, _ = services.prepare_resume(store, default_content(), "old-1")
    assert [q.id for q, _ in items] == [question.id] and point.pending == "ask"
    store.close()


def test_resume_refuses_unknown_finished_and_missing_sessions_in_one_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "coach.db"
    answer = tmp_path / "a.txt"
    answer.write_text("an answer")
    store = SQLiteStore(db)
    done = store.start_session(plan="drill")
    store.end_session(done, "completed")
    store.close()
    for ref, expected in (("last", "no interrupted session to resume"), ("nope-1", "no session nope-1"),
                          (done, f"session {done} is completed")):
        for headless in (["--headless", "--answers", str(answer)], []):
            code = main(["interview", *headless, "--resume", ref, "--db", str(db), "--silent"])
            err = capsys.readouterr().err
            assert code == 1 and expected in err and err.count("\n") == 1 and "(" in err, err
    code = main(["interview", "--headless", "--answers", str(answer), "--resume", "last", "--question", "x",
                 "--db", str(db)])
    assert code == 1 and "saved plan" in capsys.readouterr().err


def test_sessions_marks_sessions_that_can_resume(tmp_path: Path, capsys) -> None:
    db = tmp_path / "coach.db"
    store = SQLiteStore(db)
    killed = store.start_session(plan="drill")
    store.add_turn(Turn(killed, 0, "interviewer", "Tell me about it.", question_id="x", kind="question"))
    done = store.start_session(plan="drill")
    store.end_session(done, "completed")
    store.close()
    assert main(["sessions", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith(killed))
    assert line.endswith("in progress, resumable")       # the status in words, as the app says it
    assert not next(line for line in out.splitlines() if line.startswith(done)).endswith("resumable")
    assert "coach interview --resume ID" in out
    assert main(["sessions", "--json", "--db", str(db)]) == 0
    rows = {r["id"]: r["resumable"] for r in json.loads(capsys.readouterr().out)}
    assert rows == {killed: True, done: False}


def test_a_session_lock_is_held_once_and_let_go_when_its_holder_dies(tmp_path) -> None:
    """The lock a killed process held is free again, so its session can be resumed."""
    import signal
    import subprocess
    import sys
    import time

    import pytest

    from coach.adapters.session_lock import SessionBusy, SessionLock

    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from coach.adapters.session_lock import SessionLock\n"
        "with SessionLock(Path(sys.argv[1]), 's1'):\n    print('held', flush=True); time.sleep(60)"), str(tmp_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(SessionBusy) as busy:
            SessionLock(tmp_path, "s1").check_free()
        assert f"pid {holder.pid}" in busy.value.one_line()
        with SessionLock(tmp_path, "s2"):          # other sessions are not affected
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    time.sleep(0.05)
    with SessionLock(tmp_path, "s1"):              # the kernel let go of it with the process
        assert (tmp_path / "locks" / "s1.lock").exists()
    assert not (tmp_path / "locks" / "s1.lock").exists()
