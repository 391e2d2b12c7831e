"""Shared helpers for the TUI tests (no tests here): waiting on the app, seeding a database."""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coach.adapters.store_sqlite import SQLiteStore
from coach.domain import Turn, Timings
from coach.scoring import Scorecard


async def wait_for(pilot: Any, condition: Callable[[], bool], timeout: float = 60.0, what: str = "") -> None:
    """Let the app run until `condition()` holds; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await pilot.pause(0.05)


def sample_card(overall: float, star: float = 3.0, sizing: float = 2.0) -> dict[str, Any]:
    """A scorecard in the scorer's `to_dict()` shape, for seeded history."""
    return {
        "star": {
            "situation": {"present": True, "evidence": ["Our churn model was retrained by hand every month."]},
            "task": {"present": True, "evidence": ["I owned moving it to a weekly automated pipeline."]},
            "action": {"present": True, "evidence": ["I built the pipeline with a shadow deployment."]},
            "result": {"present": overall >= 3, "evidence": ["Churn fell by 4 percent in a quarter."] if overall >= 3 else []},
            "score": star,
        },
        "sizing": {
            "quantities": [{"text": "10 million users", "value": 1e7, "unit": "users", "kind": "users"},
                           {"text": "2,000 QPS", "value": 2000.0, "unit": "qps", "kind": "throughput"}],
            "checks": [{"ok": False, "message": "10 million users at one request a day is about 116 QPS, not 2,000",
                        "stated": 2000, "expected": 116}],
            "missing": ["storage"],
            "score": sizing,
        },
        "delivery": {"words": 142, "wpm": 151.0, "fillers": {"um": 3, "like": 1}},
        "dimensions": [
            {"id": "star_structure", "name": "Story structure", "score": star, "rule": "", "evidence": []},
            {"id": "ownership_scope", "name": "Ownership and scope", "score": overall, "rule": "", "evidence": []},
            {"id": "tradeoffs", "name": "Judgment", "score": max(1.0, overall - 1), "rule": "", "evidence": []},
            {"id": "communication", "name": "Delivery", "score": 3.0, "rule": "", "evidence": []},
        ],
        "gaps": [{"id": "no_tradeoff", "severity": 0.7, "evidence": ""},
                 {"id": "bad_math", "severity": 0.5, "evidence": ""}],
        "feedback": ["Name the option you turned down and why."],
        "overall": overall,
    }


ANSWER = ("Our churn model was retrained by hand every month. I owned moving it to a weekly automated pipeline. "
          "I built the pipeline with a shadow deployment. Churn fell by 4 percent in a quarter.")


def seed_history(db: Path, sessions: int = 3) -> SQLiteStore:
    """A database with fixed, completed sessions (fixed ids and timestamps: snapshot-stable)."""
    store = SQLiteStore(db)
    for n in range(sessions):
        sid = f"2025010{n + 1}-090000-abc{n}"
        store.start_session(id=sid, plan="drill", round="behavioral", level="senior", mode="practice",
                            stt_model="tiny-en", llm_model="smollm2-135m")
        store.db["sessions"].update(sid, {"started_at": f"2025-01-0{n + 1}T09:00:00+00:00"})
        overall = 2.0 + n * 0.8
        turns = [
            Turn(sid, 0, "interviewer", "Walk me through a model of yours that went from a notebook to live traffic.",
                 question_id="beh-prod", kind="question", timings=Timings(speak_ms=900)),
            Turn(sid, 1, "candidate", ANSWER, question_id="beh-prod", kind="answer",
                 timings=Timings(transcribe_ms=800, score_ms=40), scores=Scorecard.from_dict(sample_card(overall, 2.5 + n * 0.5)),
                 duration_ms=31000),
            Turn(sid, 2, "interviewer", "What did you give up by choosing a weekly schedule?", question_id="beh-prod",
                 kind="followup", gap="no_tradeoff", source="bank", timings=Timings(think_ms=700, speak_ms=800)),
            Turn(sid, 3, "candidate", "We gave up freshness for stability.", question_id="beh-prod", kind="answer",
                 timings=Timings(score_ms=20), scores=Scorecard.from_dict(sample_card(overall - 0.5, 2.0 + n * 0.4))),
        ]
        for turn in turns:
            store.add_turn(turn)
        store.end_session(sid, "completed", overall=overall)
        store.db.execute("update sessions set ended_at = ? where id = ?", [f"2025-01-0{n + 1}T09:30:00+00:00", sid])
        store.db.execute("update turns set created_at = ? where session_id = ?", [f"2025-01-0{n + 1}T09:10:00+00:00", sid])
        store.db.conn.commit()
    return store


def cards_json(store: SQLiteStore, session_id: str) -> list[dict[str, Any]]:
    return [json.loads(r["scores"]) for r in store.db.query(
        "select scores from turns where session_id = ? and scores is not null order by idx", [session_id])]


class StubTranscriber:
    """Stands in where no speech is transcribed (snapshots, UI-only flows)."""

    name = "tiny-en"

    def transcribe(self, samples: Any) -> Any:
        from coach.domain import Transcript

        return Transcript(text="")


class StubInterviewer:
    name = "smollm2-135m"

    def follow_up(self, question: Any, answer: str, gap: str, asked: Any, **_: Any) -> Any:
        from coach.ports import FollowUpReply

        return FollowUpReply(gap=gap, question="What did you give up, and why was that the right call?", source="bank")

    def stream_text(self, prompt: str, max_tokens: int = 64) -> Any:
        return iter(())


def stub_scorer(transcript: Any, **_: Any) -> Scorecard:
    return Scorecard.from_dict(sample_card(3.4, 3.0))


def ui_overrides(**extra: Any) -> dict[str, Any]:
    """A kit with no models: for screens that do not transcribe or generate."""
    from coach.adapters.tts import SilentSpeaker

    parts: dict[str, Any] = {"transcriber": StubTranscriber(), "interviewer": StubInterviewer(),
                             "speaker": SilentSpeaker(), "mic": (False, "no microphone found"), "scorer": stub_scorer}
    parts.update(extra)
    return parts


def fixed_items() -> tuple[Any, ...]:
    """One made-up behavioural question, so snapshots do not follow the question banks."""
    from coach.domain import Question, RoundSpec

    question = Question(id="snap-q", round="behavioral", levels=("senior",),
                        prompt="Tell me about a time you shipped a model under a hard deadline. What did you cut?",
                        assesses="judgment under pressure")
    spec = RoundSpec(id="behavioral", name="Behavioural round", persona="", behaviour="", grades=(),
                     time_box_minutes=30, answer_seconds=120, max_followups=1)
    return ((question, spec),)
