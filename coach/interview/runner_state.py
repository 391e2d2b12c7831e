"""What an interview runner holds: its ports, its settings and the session's state so far.

The runner's behaviour is split by responsibility over small classes that all share
this state (answer_scoring, live_reply, primed_passes, answer_turn, runner); the
whole is assembled as `coach.interview.runner.InterviewRunner`.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.domain import Rubric, Transcript, Turn
from coach.interview import events as ev
from coach.interview.engine import InterviewEngine
from coach.interview.final_pass import PendingPass
from coach.interview.prefetch import FollowUpPrefetch
from coach.ports import AudioSource, Interviewer, Speaker, Store, Transcriber
from coach.scoring.scorecard import Scorecard
from coach.streaming.incremental import IncrementalTranscriber

Scorer = Callable[..., Scorecard]     # coach.scoring.score_answer


def ms_since(since: float) -> int:
    """Milliseconds from a `time.perf_counter()` reading to now."""
    return int(round((time.perf_counter() - since) * 1000))


@dataclass
class RunnerState:
    engine: InterviewEngine
    source: AudioSource
    transcriber: Transcriber
    interviewer: Interviewer
    speaker: Speaker
    store: Store
    scorer: Scorer
    rubrics: Mapping[str, Rubric]
    audio_root: Path                  # the data dir: audio paths are stored relative to it
    closing_template: str
    focus: Mapping[str, str] = field(default_factory=dict)
    unscored: Mapping[str, str] = field(default_factory=dict)   # closing.md `## unscored`: the closing of a
                                      # session with no scored answer (empty: the scores' closing all the same)
    on_event: Callable[[ev.Event], None] = lambda e: None
    no_speech: str = "raise"          # "raise" (headless) or "retry" (live: ask again)
    clock: Callable[[], float] = time.monotonic
    stop_answer: threading.Event = field(default_factory=threading.Event)
    _index: int = 0
    _command: str | None = None
    live: IncrementalTranscriber | None = None   # the answer in progress; the app reads its partial text
    speculate: bool = False           # live audio: draft the follow-up in the silence before the turn ends
    prefetch: FollowUpPrefetch | None = None
    drafts_used: int = 0              # follow-ups that were ready when the turn ended
    reply_budget_s: float = 1.0       # after the end of a turn, no second model attempt past this
    first_audio_budget_s: float | None = 2.0   # the reply's voice should start within this of the end of the turn:
                                      # a follow-up the model has not written by then, less the time the voice
                                      # lately takes to its first sound, is the bank's for the same gap
                                      # (None: wait for the model however long it takes)
    reply_deadline_s: float | None = None   # a fixed deadline for the model's question instead (tests)
    hotwords: str = ""                # the ML glossary, for priming Whisper when `prime` is on
    glossary: tuple[str, ...] = ()    # its terms: those of the question answered are sent first (glossary_for)
    prime: bool = False               # prime the live windows with the question and the glossary: off, because on
                                      # 60-second answers it dropped or repeated words (README, Jargon)
    prime_tail: bool = False          # prime the final pass (the tail) with them: off, it gained a point of WER
                                      # and cost up to 1.1 s of tail (README, --final-pass)
    prime_final: bool = True          # once the reply has started, transcribe the whole answer again primed with
                                      # the question and the glossary, and save and score that (final_pass.py)
    final_pass_wait_s: float = 30.0   # at the end of a session, how long to wait for the last answer's pass
    short_of_cores: Callable[[], bool] | None = None   # the machine leaves the coach less than two cores now: the
                                      # live transcriber goes first (the primed pass and the interviewer's cache
                                      # warm-up give way while an answer is captured)
    _capturing: threading.Event = field(default_factory=threading.Event)
    acknowledgements: tuple[str, ...] = ()   # live: said at once when an answer ends and its follow-up is not
                                      # written yet (prompts/acknowledgements.txt), so the candidate hears the
                                      # interviewer within a moment; the follow-up follows it
    _acks: int = 0
    _finals: list[PendingPass] = field(default_factory=list)   # answers' primed passes not yet applied, oldest first
    settle_s: float = 0.5             # silence before the tail is transcribed and the follow-up drafted
    draft_after_s: float | None = None   # the follow-up drafted only from this much silence (None: settle_s);
                                      # the tail may be transcribed sooner, for the end-of-turn policy's words
    _turn_ended: float | None = None  # when the candidate ended the turn: the reply deadline counts from here
    _released_at: float | None = None  # the key released (push-to-talk), before the capture has noticed
    _scores: list[Scorecard] = field(default_factory=list)
    _answers: dict[str, list[Transcript]] = field(default_factory=dict)   # each question's answers so far
    _asked_in: str = ""           # the last clarifying turn as said, for its reply
    _clarifications: list[tuple[str, ...]] = field(default_factory=list)   # per clarifying turn, the fact topics
                                      # its reply gave (none: the candidate was asked to assume), for the closing
    resume_from: Any = None           # a ResumePoint: continue an interrupted session
    session_lock: Callable[[str], AbstractContextManager[Any]] | None = None   # one process per session

    def __post_init__(self) -> None:
        if self.resume_from is not None:
            self._index = self.resume_from.next_turn
            self._scores = list(self.resume_from.scores)
            at = self.resume_from
            if 0 <= at.index < len(self.engine.items) and at.answer_texts:   # the slot in progress: its answers so far
                self._answers[self.engine.items[at.index][0].id] = [Transcript(t) for t in at.answer_texts]

    def _save(self, turn: Turn, scorecard: Scorecard | None = None, earlier: tuple[str, ...] = ()) -> int | None:
        turn_id = self.store.add_turn(turn)
        self.on_event(ev.TurnSaved(turn, scorecard, earlier))
        self._index += 1
        return turn_id
