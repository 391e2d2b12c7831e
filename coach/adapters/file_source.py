"""Answers from audio files: the stand-in for the microphone (`--answers a.wav b.wav`).

Production code, not a test fake: it is how a user answers from recordings, and
how the benchmark replays answers in real time through the microphone's path.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from coach.adapters.audio_io import WavWriter, decode_file
from coach.errors import AudioError
from coach.ports import SAMPLE_RATE, CapturedAudio


class AnswersExhausted(AudioError):
    """Every answer file has been used."""


class FileAnswerSource:
    """Plays answer files, one per call to `capture`, as if spoken into the microphone."""

    name = "file"

    def __init__(self, paths: Iterable[Path | str], realtime: bool = False, block_s: float = 0.25) -> None:
        self._queue: deque[Path] = deque(Path(p) for p in paths)
        self.realtime = realtime
        self.block = int(SAMPLE_RATE * block_s)

    @property
    def remaining(self) -> int:
        return len(self._queue)

    def push(self, path: Path | str) -> None:
        self._queue.append(Path(path))

    def capture(
        self,
        dest: Path,
        stop: threading.Event | None = None,
        on_chunk: Callable[[np.ndarray], None] | None = None,
        words_so_far: Callable[[], str | None] | None = None,
    ) -> CapturedAudio:
        if not self._queue:
            raise AnswersExhausted("no more answer files", "pass one audio file per answer")
        src = self._queue.popleft()
        samples = decode_file(src)
        started = time.monotonic()
        written = 0
        with WavWriter(dest) as writer:
            for start in range(0, len(samples), self.block):
                if stop is not None and stop.is_set():
                    break
                block = samples[start : start + self.block]
                writer.write(block)
                written += len(block)
                if on_chunk is not None:
                    on_chunk(block)
                if self.realtime:
                    lag = started + written / SAMPLE_RATE - time.monotonic()
                    if lag > 0:
                        time.sleep(lag)
        return CapturedAudio(samples=samples[:written], path=dest, source=str(src))
