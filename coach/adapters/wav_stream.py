"""A stand-in microphone: prepared answers delivered block by block as a sound card would.

`MicrophoneSource(stream_factory=WavMicrophone(...))` then runs the microphone's
own path (WAV written as captured, the hands-free detector, the live transcriber)
on recorded audio. `coach bench` measures turn latency through it.

Blocks come at speaking pace, as from a sound card. After an answer's audio the
stream keeps delivering quiet room noise, as an open microphone does, until the
capture closes it (hands-free) or, in push-to-talk, it presses "stop" for the
candidate as the last block goes out.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from coach.ports import SAMPLE_RATE

ROOM_NOISE_DBFS = -62.0


class _Stream:
    def __init__(self, owner: WavMicrophone, audio: np.ndarray, callback: Callable[[np.ndarray], None],
                 blocksize: int) -> None:
        self.owner, self.audio, self.callback, self.blocksize = owner, audio, callback, blocksize
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._play, name="wav-microphone", daemon=True)

    def __enter__(self) -> _Stream:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._closed.set()
        self.owner.closed_at = time.perf_counter()
        self._thread.join(timeout=5)

    def _play(self) -> None:
        owner, n = self.owner, self.blocksize
        rng = np.random.default_rng(len(self.audio))
        noise_rms = 10 ** (ROOM_NOISE_DBFS / 20)
        started, sent = time.perf_counter(), 0
        owner.started_at = started
        for start in range(0, len(self.audio), n):
            if self._closed.is_set():
                return
            self.callback(self.audio[start : start + n].copy())
            sent += n
            self._pace(started, sent)
        owner.answer_ended_at = time.perf_counter()
        if owner.release is not None:           # push-to-talk: the key goes up with the last word
            owner.release()
            return
        while not self._closed.is_set():        # hands-free: an open microphone in a quiet room
            self.callback(rng.normal(0, noise_rms, n).astype(np.float32))
            sent += n
            self._pace(started, sent)

    def _pace(self, started: float, sent: int) -> None:
        ahead = started + sent / SAMPLE_RATE - time.perf_counter()
        if ahead > 0:
            self._closed.wait(ahead)


class WavMicrophone:
    """A `StreamFactory` for `MicrophoneSource` that plays one prepared answer per capture.

    `release`, when given, is called as the last block goes out (push-to-talk).
    """

    def __init__(self, answers: Iterable[np.ndarray], release: Callable[[], None] | None = None) -> None:
        self._answers: deque[np.ndarray] = deque(np.asarray(a, np.float32) for a in answers)
        self.release = release
        self.started_at: float | None = None      # the answer's first sample went out (perf_counter)
        self.answer_ended_at: float | None = None
        self.closed_at: float | None = None

    def __call__(self, callback: Callable[[np.ndarray], None], blocksize: int, device: Any) -> _Stream:
        if not self._answers:
            raise OSError("no more prepared answers")
        self.started_at = self.answer_ended_at = self.closed_at = None
        return _Stream(self, self._answers.popleft(), callback, blocksize)
