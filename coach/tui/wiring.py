"""Wiring one interview for the app: the same parts as `coach interview --headless`, fed by the UI.

Runs on the interview worker's thread; nothing here touches widgets.
"""
from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from coach.errors import CoachError
from coach.interview import events as ev
from coach.ports import SAMPLE_RATE


@dataclass(frozen=True)
class SessionRequest:
    """What Home asked for."""

    plan: str = "drill"
    round: str | None = "behavioral"
    level: str = "senior"
    mode: str = "practice"
    hands_free: bool = False
    items: tuple[Any, ...] = ()          # explicit (question, round) pairs: tests and re-runs


def build_runner(app: Any, req: SessionRequest, kit: Any, hands_free: bool,
                 on_event: Callable[[ev.Event], None], on_chunk: Callable[[np.ndarray], None],
                 on_error: Callable[[CoachError], None]) -> tuple[Any, Any]:
    """The runner and its answer source (typed text, audio files, or the microphone when there is one).

    The runner gets its own store connection (`runner.store`); the caller closes it when the run ends.
    """
    from coach import services
    from coach.adapters.answer_queue import AnswerQueueSource
    from coach.adapters.mic import MicrophoneSource
    from coach.interview.plan import build_items

    from coach.adapters.store_sqlite import SQLiteStore

    # a connection of its own: the UI thread reads through app.store while the runner writes here
    content, store = app.content, SQLiteStore(app.store.path)
    items = list(req.items) or build_items(content, req.plan, req.round, req.level,
                                           store.recent_question_ids(), random.Random(app.seed))
    mic = None
    if kit.mic_ok:
        mic = MicrophoneSource(app.settings.input_device, hands_free=hands_free,
                               silence_seconds=app.settings.silence_seconds,
                               stream_factory=app.overrides.get("mic_stream"))
    source = AnswerQueueSource(mic, on_chunk=on_chunk, on_error=on_error)
    runner = services.build_runner(
        content=content, items=items, source=source, transcriber=kit.transcriber,
        interviewer=kit.interviewer, speaker=kit.speaker, store=store, scorer=kit.scorer,
        on_event=on_event, no_speech="retry", clock=app.clock,
    )
    return runner, source


PARTIAL_EVERY_S = 2.0
PARTIAL_WINDOW_S = 28.0


class LiveAudio:
    """The answer being recorded: blocks kept for live transcripts, a throttled level for the meter."""

    def __init__(self, post_level: Callable[[float], None], level_every_s: float = 0.05) -> None:
        self.post_level = post_level
        self.level_every_s = level_every_s
        self.recording = threading.Event()
        self._blocks: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._last_level = 0.0

    def reset(self) -> None:
        self.recording.clear()
        with self._lock:
            self._blocks = []

    def add(self, block: np.ndarray) -> None:
        """On the audio thread, once per block: cheap."""
        from coach.adapters.audio_io import rms_dbfs

        with self._lock:
            self._blocks.append(block)
        now = time.monotonic()
        if now - self._last_level >= self.level_every_s:
            self._last_level = now
            self.post_level(rms_dbfs(block))

    def samples(self) -> np.ndarray:
        with self._lock:
            return np.concatenate(self._blocks) if self._blocks else np.zeros(0, np.float32)

    def partial_loop(self, transcriber: Any, finished: threading.Event, paused: threading.Event | None,
                     post_text: Callable[[str], None]) -> None:
        """Every ~2 s while recording: transcribe the audio so far (the last ~28 s) and post the text."""
        last = ""
        while self.recording.is_set() and not finished.is_set():
            if finished.wait(PARTIAL_EVERY_S) or not self.recording.is_set():
                return
            if paused is not None and paused.is_set():
                continue
            samples = self.samples()
            if len(samples) < SAMPLE_RATE:
                continue
            window = samples[-int(PARTIAL_WINDOW_S * SAMPLE_RATE):]
            transcript = transcriber.try_transcribe(window)
            if transcript is None or not transcript.text.strip() or not self.recording.is_set():
                continue
            text = ("… " if len(samples) > len(window) else "") + transcript.text.strip()
            if text != last:
                last = text
                post_text(text)
