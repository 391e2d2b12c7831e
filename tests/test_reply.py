"""The reply to an answer that needs a follow-up: the bank's line is ready before the model starts,
so that when the reply deadline fires it plays at once (real llama.cpp, real espeak-ng)."""
from __future__ import annotations

import threading
import time
from typing import Any

from coach.adapters import tts
from coach.content import default_content
from coach.interview.engine import NeedFollowUp
from coach.interview.reply import follow_up_reply


class Watched:
    """The real interviewer, noting whether the bank's line was rendered when the model started."""

    def __init__(self, interviewer: Any, speaker: tts.DeviceSpeaker) -> None:
        self.inner, self.speaker = interviewer, speaker
        self.rendered_at_start: bool | None = None
        self.bank = ""

    def fallback(self, *args: Any, **kwargs: Any) -> str:
        self.bank = self.inner.fallback(*args, **kwargs)
        return self.bank

    def follow_up(self, *args: Any, **kwargs: Any) -> Any:
        self.rendered_at_start = self.speaker.ahead.rendered(tts.split_sentences(self.bank)[0])
        return self.inner.follow_up(*args, **kwargs)


def _need() -> NeedFollowUp:
    question = default_content().question("dd-latency-budget")
    answer = ("I owned the ranking service. Latency at p99 crept up to four hundred milliseconds, so I split "
              "retrieval from the heavy ranker and cached embeddings.")
    return NeedFollowUp(question=question, gap="no_numbers", answer=answer, asked=())


def test_the_banks_line_is_rendered_before_the_model_starts(interviewer) -> None:
    speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=lambda path: None)
    for n in range(3):          # lines rendered ahead while the candidate spoke, still queued
        speaker.prepare(f"Question {n}: how would you shard the feature store across three regions?")
    watched = Watched(interviewer, speaker)
    reply = follow_up_reply(_need(), watched, speaker, None, turn_ended=time.perf_counter(), allowed=30.0,
                            reply_budget_s=30.0)
    assert watched.bank and watched.rendered_at_start is True
    assert reply.question.endswith("?")


def test_past_the_deadline_the_banks_line_is_asked_and_the_model_not_waited_for(interviewer) -> None:
    speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=lambda path: None)
    watched = Watched(interviewer, speaker)
    reply = follow_up_reply(_need(), watched, speaker, None, turn_ended=time.perf_counter() - 5.0, allowed=1.0,
                            reply_budget_s=1.0)
    assert reply.late and reply.source == "bank" and reply.question == watched.bank


def test_at_the_deadline_the_banks_line_does_not_wait_for_the_model_to_let_go(interviewer) -> None:
    """Beside a busy core llama.cpp may still be reading (a prompt, the cache warm-up) when the deadline
    fires; it sees the cancel only at its next token. The bank's line is asked at the deadline all the same."""
    speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=lambda path: None)
    watched = Watched(interviewer, speaker)
    interviewer._lock.acquire()           # the model busy reading: its next call waits for it
    letting_go = threading.Timer(20.0, interviewer._lock.release)     # never a hang, whatever the code does
    letting_go.start()
    try:
        reply = follow_up_reply(_need(), watched, speaker, None, turn_ended=time.perf_counter(), allowed=0.3,
                                reply_budget_s=1.0)
        still_reading = letting_go.is_alive()
    finally:
        if letting_go.is_alive():
            letting_go.cancel()
            interviewer._lock.release()
    assert still_reading, "the reply waited for the model to let go"
    assert reply.late and reply.source == "bank" and reply.question == watched.bank
    with interviewer._lock:               # the abandoned call ends on its own, the model free again
        pass


def test_past_the_deadline_a_draft_still_in_flight_is_not_waited_for() -> None:
    """The draft from the silence still transcribing or generating when the deadline fires: it is cancelled
    and left to stop on its own, and the bank's line goes ahead."""
    from coach.interview.prefetch import FollowUpPrefetch, _Draft

    prefetch = FollowUpPrefetch(None, plan=lambda transcript: None)     # type: ignore[arg-type]
    in_flight = prefetch._draft = _Draft()          # neither planned nor done: busy in the silence
    give_up = threading.Event()
    give_up.set()
    out: list[object] = []
    taking = threading.Thread(target=lambda: out.append(prefetch.take(_need(), give_up)), daemon=True)
    taking.start()
    taking.join(10.0)
    returned_first = bool(out)
    in_flight.planned.set()
    in_flight.done.set()                            # lets a waiting take end, so nothing hangs
    taking.join(10.0)
    assert returned_first, "the reply waited for the draft to stop"
    assert out == [None] and in_flight.cancel.is_set()
