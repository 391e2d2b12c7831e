"""Wiring one interview for the app: the same parts as `coach interview --headless`, fed by the UI.

Runs on the interview worker's thread; nothing here touches widgets.
"""
from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from coach.errors import CoachError
from coach.interview import events as ev

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


@dataclass(frozen=True)
class SessionRequest:
    """What Home asked for."""

    plan: str = "drill"
    round: str | None = "behavioral"
    level: str = "senior"
    mode: str = "practice"
    hands_free: bool = False
    items: tuple[Any, ...] = ()          # explicit (question, round) pairs: tests and re-runs
    resume: str | None = None            # an interrupted session's id: go on with it, on its saved plan


def wire_session(app: CoachApp, req: SessionRequest, kit: Any, hands_free: bool,
                 on_event: Callable[[ev.Event], None], on_chunk: Callable[[np.ndarray], None],
                 on_error: Callable[[CoachError], object]) -> tuple[Any, Any, Any]:
    """The runner, its answer source (typed text, audio files, or the microphone when there is one) and
    the store connection it writes through, which the caller closes when the run ends.
    """
    from coach import services
    from coach.adapters.answer_queue import AnswerQueueSource
    from coach.interview.plan import build_items

    from coach.adapters.store_sqlite import SQLiteStore

    if app.store is None or app.content is None:     # start-up already showed why
        raise CoachError("no history database or no interview content: the interview cannot start",
                         "fix the problem shown at start-up, then start coach again")
    # a connection of its own: the UI thread reads through app.store while the runner writes here
    content, store = app.content, SQLiteStore(app.store.path)
    extra: dict[str, Any] = {}
    if req.resume:
        try:
            _, items, point, max_followups = services.prepare_resume(store, content, req.resume)
        except CoachError:
            store.close()
            raise
        extra = {"resume_from": point, "max_followups": max_followups}
    else:
        items = list(req.items) or build_items(content, req.plan, req.round, req.level,
                                               store.recent_question_ids(), random.Random(app.seed),
                                               saved=services.saved_plan(req.plan, content))
    mic = None
    if kit.mic_ok:
        mic = services.build_microphone(app.settings, hands_free=hands_free,
                                        stream_factory=app.overrides.get("mic_stream"), speaker=kit.speaker)
    source = AnswerQueueSource(mic, on_chunk=on_chunk, on_error=on_error)
    runner = services.build_runner(
        content=content, items=items, source=source, transcriber=kit.transcriber,
        interviewer=kit.interviewer, speaker=kit.speaker, store=store, scorer=kit.scorer,
        on_event=on_event, no_speech="retry", clock=app.clock, speculate=mic is not None,
        mode=req.mode, level=req.level, prime_final=app.settings.primed_pass, **extra,
    )
    return runner, source, store


PARTIAL_EVERY_S = 2.0


class LiveAudio:
    """The answer being recorded: a throttled level for the meter, and the live transcript.

    The live transcript is read from the runner's incremental transcriber, which
    transcribes the answer anyway: the audio path is transcribed once, not twice.
    """

    def __init__(self, post_level: Callable[[float], object], level_every_s: float = 0.05) -> None:
        self.post_level = post_level
        self.level_every_s = level_every_s
        self.recording = threading.Event()
        self._last_level = 0.0

    def reset(self) -> None:
        self.recording.clear()

    def add(self, block: np.ndarray) -> None:
        """On the audio thread, once per block: cheap."""
        from coach.streaming.levels import rms_dbfs

        now = time.monotonic()
        if now - self._last_level >= self.level_every_s:
            self._last_level = now
            self.post_level(rms_dbfs(block))

    def partial_loop(self, heard: Callable[[], str], finished: threading.Event, paused: threading.Event | None,
                     post_text: Callable[[str], object]) -> None:
        """Every ~2 s while recording: post what has been heard so far, when it changed."""
        last = ""
        while self.recording.is_set() and not finished.is_set():
            if finished.wait(PARTIAL_EVERY_S) or not self.recording.is_set():
                return
            if paused is not None and paused.is_set():
                continue
            text = heard()
            if text and text != last and self.recording.is_set():
                last = text
                post_text(text)
