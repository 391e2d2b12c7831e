"""A whole drill round through the app, on the real bundled models: typed and audio-file answers.

The microphone is reported missing (as on this machine), so the app offers typed
answers and audio file paths; the interviewer is text-only (SilentSpeaker).
"""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from coach.adapters.store_sqlite import SQLiteStore
from coach.adapters.tts import SilentSpeaker
from coach.config import Settings
from coach.interview import events as ev
from coach.tui.app import CoachApp
from coach.tui.messages import InterviewDone, KitReady, RunnerEvent
from coach.tui.screens.interview import InterviewScreen
from coach.tui.screens.replay import SessionScreen
from tests.conftest import speak_to_wav
from tests.fixtures.tui import wait_for

AUDIO_ANSWER = ("When I joined the ranking team, the feature pipeline broke every week. "
                "I owned fixing it. I added data validation and alerts, and I rolled it out behind a flag. "
                "As a result, incidents dropped from four a month to one.")
TYPED_ANSWERS = [
    "I led the migration of our fraud model to streaming features. I chose Kafka over batch because latency "
    "mattered more than cost. I set up monitoring on precision and a rollback plan. Fraud losses fell 12 percent.",
    "The trade-off was freshness against stability: we gave up daily retraining for weekly, and I measured that "
    "the accuracy loss was under one percent while on-call pages halved.",
    "I disagreed with my manager about launching without an A/B test. I proposed a two week holdout, we ran it, "
    "and it showed a 3 percent lift, so we launched with confidence.",
]


def _scorer() -> Any:
    from coach.scoring import score_answer

    return score_answer


@pytest.mark.slow
def test_drill_round_end_to_end_on_real_models(tmp_path: Path, transcriber: Any, interviewer: Any) -> None:
    asyncio.run(_drill_round(tmp_path, transcriber, interviewer))


async def _drill_round(tmp_path: Path, transcriber: Any, interviewer: Any) -> None:
    scorer = _scorer()
    db = tmp_path / "coach.db"
    wav = speak_to_wav(AUDIO_ANSWER, tmp_path / "answer.wav")
    app = CoachApp(db=db, settings=Settings(mode="practice"), seed=3, overrides={
        "transcriber": transcriber, "interviewer": interviewer, "speaker": SilentSpeaker(),
        "mic": (False, "no microphone found"), "scorer": scorer})
    posted: list[Any] = []
    answers = 0
    async with app.run_test(size=(100, 36), message_hook=posted.append) as pilot:
        await wait_for(pilot, app.kit_ready.is_set, 60, "the models")
        assert app.kit.ready and app.kit.text_only and not app.kit.mic_ok
        await pilot.press("s")                        # Home: start the default drill (behavioral)
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen), 5, "the interview screen")
        screen = app.screen
        assert "no microphone found" in str(screen.query_one("#iv-notice").render())
        done = lambda: any(isinstance(m, InterviewDone) for m in posted)   # noqa: E731
        while not done():
            await wait_for(pilot, lambda: done() or screen.state in ("waiting", "feedback"), 90, "the candidate's turn")
            if done():
                break
            if screen.state == "feedback":
                await pilot.press("enter")
                await wait_for(pilot, lambda: done() or screen.state != "feedback", 10, "leaving the scorecard")
                continue
            box = screen.query_one("#iv-typed")      # the first answer: an audio file's path pasted in the answer box
            box.focus()
            box.value = str(wav) if answers == 0 else TYPED_ANSWERS[answers % len(TYPED_ANSWERS)]
            await pilot.press("enter")
            answers += 1
            await wait_for(pilot, lambda: done() or screen.state not in ("waiting",), 10, "the answer to be taken")
            assert answers < 20, "the interview never ended"
        await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen), 10, "the session summary")
        summary = app.screen
        assert summary.summary and len(summary.turns) > 2
        await pilot.press("n", "p", "escape")

    events = [m.event for m in posted if isinstance(m, RunnerEvent)]
    assert any(isinstance(m, KitReady) for m in posted)
    kinds = [type(e).__name__ for e in events]
    assert kinds[0] == "SessionStarted" and kinds[-1] == "SessionEnded"
    assert "Listening" in kinds and "Speaking" in kinds and "Transcribing" in kinds
    ended = [e for e in events if isinstance(e, ev.SessionEnded)][0]
    assert ended.status == "completed" and ended.reason == "plan done"

    store = SQLiteStore(db)
    (session,) = store.sessions()
    assert session["status"] == "completed" and session["plan"] == "drill" and session["round"] == "behavioral"
    assert session["mode"] == "practice" and session["overall"] is not None and session["ended_at"]
    turns = store.turns(session["id"])
    answers_rows = [t for t in turns if t["speaker"] == "candidate"]
    assert len(answers_rows) == answers
    questions = [t for t in turns if t["kind"] == "question"]
    assert len(questions) == 4                     # the drill's four questions, all asked
    assert all(t["speak_ms"] is not None for t in turns if t["speaker"] == "interviewer")
    assert all(t["think_ms"] is not None for t in turns if t["kind"] == "followup")
    assert all(t["score_ms"] is not None and t["scores"] for t in answers_rows)
    spoken = answers_rows[0]
    assert spoken["transcribe_ms"] is not None and spoken["audio_path"]
    assert (db.parent / spoken["audio_path"]).is_file()
    assert "pipeline" in spoken["text"].lower()
    assert all(t["audio_path"] is None for t in answers_rows[1:])      # typed answers: no audio
    assert turns[-1]["kind"] == "closing"
    store.close()


def test_a_path_in_the_answer_box_is_taken_as_the_audio_file_and_words_are_not() -> None:
    from coach.tui.screens.interview_actions import looks_like_audio_path

    assert looks_like_audio_path("~/answers/q1.wav") and looks_like_audio_path("/tmp/Take 2.FLAC".replace(" ", "_"))
    assert not looks_like_audio_path("I recorded it as a wav")
    assert not looks_like_audio_path("We shipped it in two weeks.")
