"""The reply to an answer that needs a follow-up: the drafted one if it matches, else the model's,
else, once the reply deadline passes, the bank's for the same gap (rendered by the voice before
the model starts, so that it can play the moment the deadline fires)."""
from __future__ import annotations

import dataclasses
import threading
import time

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from coach.interview.engine import InterviewEngine, NeedFollowUp
from coach.interview.prefetch import FollowUpPrefetch
from coach.interview.summary import closing_remarks
from coach.ports import FollowUpReply, Interviewer, Speaker


def prepare_next(engine: InterviewEngine, speaker: Speaker, closing_template: str, scores: Sequence[Any],
                 focus: Mapping[str, str]) -> None:
    """The lines that may come after this answer, for the voice to render while the candidate
    answers: the next question, and at the last question the closing (its first sentence does not
    depend on the scores)."""
    if engine.index < 0:
        return
    if engine.index + 1 < len(engine.items):
        speaker.prepare(engine.items[engine.index + 1][0].prompt)
    else:
        rounds = [spec.name for _, spec in engine.items]
        speaker.prepare(closing_remarks(closing_template, rounds, list(scores), dict(focus)))


def reply_deadline(speaker: Speaker, first_audio_budget_s: float) -> float:
    """Seconds after the end of the turn by which the model's question must be written: the
    budget less the voice's recent lead to its first sound (0.5 s before it has spoken), at least 0.5 s."""
    lead_s = speaker.lead_s()
    return max(0.5, first_audio_budget_s - (0.5 if lead_s is None else lead_s) - 0.1)


def follow_up_reply(action: NeedFollowUp, interviewer: Interviewer, speaker: Speaker,
                    prefetch: FollowUpPrefetch | None, turn_ended: float | None, allowed: float | None,
                    reply_budget_s: float) -> FollowUpReply:
    """The follow-up to ask. With a deadline (`allowed` seconds after `turn_ended`), the bank's
    question is rendered first, waiting for it up to the deadline: beside a busy core the voice and
    the model fought for the free one, and the bank's line was not ready when the deadline fired.
    A draft that is already written is taken at once."""
    give_up, timer, bank = threading.Event(), None, None
    if turn_ended is not None and allowed is not None:
        left = max(0.0, turn_ended + allowed - time.perf_counter())
        timer = threading.Timer(left, give_up.set)
        timer.daemon = True
        timer.start()
        if prefetch is None or not prefetch.ready(action):
            bank = _bank_line(interviewer, action)
            speaker.prepare(bank, wait_s=max(0.01, turn_ended + allowed - time.perf_counter()))
    try:
        reply = prefetch.take(action, give_up) if prefetch is not None else None
        if reply is not None:
            return reply
        deadline = turn_ended + reply_budget_s if turn_ended is not None else None

        def ask() -> FollowUpReply:
            return interviewer.follow_up(action.question, action.answer, action.gap, action.asked,
                                         cancel=give_up, deadline=deadline, target=action.finding or action.target)
        if timer is None:
            return ask()
        reply = _unless_late(ask, give_up)
        if reply is None:           # the deadline fired while the model was still reading its prompt
            return FollowUpReply(gap=action.gap, question=bank or _bank_line(interviewer, action), source="bank",
                                 late=True)
        if give_up.is_set() and reply.source != "model":
            reply = dataclasses.replace(reply, late=True)
        return reply
    finally:
        if timer is not None:
            timer.cancel()


def _bank_line(interviewer: Interviewer, action: NeedFollowUp) -> str:
    return interviewer.fallback(action.question, action.answer, action.gap, action.asked,
                                action.finding or action.target)


def _unless_late(ask: Callable[[], FollowUpReply], give_up: threading.Event) -> FollowUpReply | None:
    """The model's reply, or None once `give_up` is set before it returns. llama.cpp reads the whole
    prompt before it yields a token, and `cancel` is only seen between tokens: beside a busy core the
    deadline fired mid-prompt and the bank's line waited up to a few hundred ms more for the read to
    end. The model now finishes (and stops at its first token) on its own thread, holding its lock,
    while the bank's line is said."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["reply"] = ask()
        except BaseException as exc:   # handed to the caller if it is still waiting
            box["error"] = exc

    worker = threading.Thread(target=run, name="follow-up", daemon=True)
    worker.start()
    while worker.is_alive() and not give_up.is_set():
        worker.join(0.01)
    if worker.is_alive():
        return None
    if "error" in box:
        raise box["error"]
    reply: FollowUpReply = box["reply"]
    return reply
