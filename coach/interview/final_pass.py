"""The primed final pass: the whole answer transcribed again, primed with the question and the ML
glossary, after the interviewer's reply has started, and that transcript saved and scored.

Why after the reply: the reply is decided on the live transcript (unprimed windows while the
candidate speaks, the tail at the end), which is ready the moment the turn ends. Priming that tail
cost up to 1.1 s of reply latency; a primed pass over the whole answer costs several seconds. Run
while the interviewer speaks, it costs the reply nothing, and the saved turn gets the better
transcript (jargon WER about halved: README, Jargon): its text, segments and scorecard are
replaced, and the session's scores use the new card.

The pass runs on a thread of its own (one Whisper call; the transcriber's lock keeps it apart from
the next answer's live windows); the runner applies the result on its own thread (`take`), so the
store and the scores are only touched there.
"""
from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coach.domain import Segment, Transcript, Turn
from coach.interview.events import AnswerRevised
from coach.ports import SAMPLE_RATE

MAX_PIECE_S = 20.0


@dataclass
class PendingPass:
    """One answer waiting for (or going through) its primed pass."""

    turn_id: int
    turn: Turn
    audio: np.ndarray
    prompt: str | None
    hotwords: str | None | Callable[[], str | None]   # a callable is worked out on the pass's own thread
    rescore: Callable[[Transcript], Any]      # the new transcript -> its scorecard (as the answer was scored)
    score_index: int                          # where its card sits in the session's scores
    done: threading.Event = field(default_factory=threading.Event)
    result: Transcript | None = None
    seconds: float = 0.0
    gave_way: bool = False                    # stopped for the live transcriber: the live transcript stays
    _thread: threading.Thread | None = None

    def start(self, transcriber: Any, delay_s: float = 0.0, give_way: Callable[[], bool] | None = None) -> None:
        """Transcribe on a worker, `delay_s` from now (the voice's lead to its first sound: the
        reply's first sentence is rendered before this takes the cores). `give_way`, asked before
        each piece: True stops the pass (a new answer is being captured on a machine short of
        cores, and the live transcriber must not fall behind it)."""
        if self._thread is not None:
            return

        def run() -> None:
            try:
                if delay_s > 0:
                    time.sleep(delay_s)
                started = time.perf_counter()
                hotwords = self.hotwords() if callable(self.hotwords) else self.hotwords
                self.result = primed_transcript(transcriber, self.audio, self.turn.segments, self.prompt,
                                                hotwords, give_way=give_way)
                self.seconds = time.perf_counter() - started
            except GaveWay:
                self.result, self.gave_way = None, True
            except Exception:       # the live transcript stays: a failed polish must not end the interview
                self.result = None
            finally:
                self.done.set()
        self._thread = threading.Thread(target=run, name="primed-final-pass", daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float | None) -> bool:
        return self.done.wait(timeout_s)

    def revise(self, store: Any, scores: list[Any]) -> AnswerRevised | None:
        """Once done, on the runner's thread: the saved turn and its card in `scores` replaced by the
        primed transcript's (unless it lost the answer); the event that says so, or None."""
        primed, turn = self.result, self.turn
        if primed is None or not worth_keeping(turn.text, primed):
            return None
        card = scores[self.score_index]
        if primed.text != turn.text:
            card = self.rescore(primed)
            store.update_turn(self.turn_id, **revised_fields(primed, card))
            scores[self.score_index] = card
        turn = dataclasses.replace(turn, text=primed.text, segments=primed.segments, scores=card)
        return AnswerRevised(turn, card, round(self.seconds, 2))


class GaveWay(Exception):
    """The pass stopped before a piece to leave the cores to the live transcriber."""


def primed_transcript(transcriber: Any, audio: np.ndarray, live: tuple[Segment, ...], prompt: str | None,
                      hotwords: str | None, piece_s: float = MAX_PIECE_S,
                      give_way: Callable[[], bool] | None = None) -> Transcript:
    """The answer transcribed again, primed, in pieces of at most `piece_s` cut where the live
    transcript's segments end (at pauses): over a whole minute in one call, the primed model now
    and then skipped the rest of a 30-second window (168 of 957 words dropped on Piper's long
    answers). A piece whose primed text lost words against the live text of the same stretch keeps
    the live text."""
    total_s = len(audio) / SAMPLE_RATE
    bounds = [0.0]
    ends = [s.end for s in live if 0.0 < s.end < total_s]
    for i, end in enumerate(ends):
        after = ends[i + 1] if i + 1 < len(ends) else total_s
        if after - bounds[-1] > piece_s and end > bounds[-1]:
            bounds.append(end)
    bounds.append(total_s)
    kept: list[Segment] = []
    for start, end in zip(bounds, bounds[1:]):
        said = [s for s in live if start <= (s.start + s.end) / 2 < end]
        if give_way is not None and give_way():
            raise GaveWay
        piece = transcriber.transcribe(audio[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)], prompt=prompt,
                                       hotwords=hotwords)
        if worth_keeping(" ".join(s.text for s in said), piece):
            kept += [Segment(round(s.start + start, 2), round(s.end + start, 2), s.text) for s in piece.segments]
        else:
            kept += said
    return Transcript(text=" ".join(s.text for s in kept).strip(), segments=tuple(kept), duration_s=total_s)


def revised_fields(transcript: Transcript, card: Any) -> dict[str, Any]:
    """The saved turn's columns that the primed transcript replaces."""
    return {"text": transcript.text,
            "segments": json.dumps([s.__dict__ for s in transcript.segments]) if transcript.segments else None,
            "scores": json.dumps(card.to_dict()) if card is not None else None,
            "overall": card.overall if card is not None else None}


def worth_keeping(live: str, primed: Transcript | None) -> bool:
    """The primed transcript replaces the live one unless it lost the answer: empty, or far shorter
    (a primed pass that stopped early must not cut the candidate's words)."""
    if primed is None or primed.is_empty:
        return not live.strip()
    return len(primed.text.split()) >= 0.8 * len(live.split())
