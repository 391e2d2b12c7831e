"""Answers handed over by the app: typed text, an audio file, or a microphone recording.

The interview runner calls `capture()` on its own thread; it blocks until the UI
supplies the answer (`supply_text`, `supply_file`, `record`) and returns
promptly when `stop` is set (skip, end, repeat). A bad file or a microphone
failure is reported through `on_error` and the source goes on waiting, so a typo
in a path never ends the interview.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach.adapters.audio_io import WavWriter, decode_file
from coach.adapters.mic import MicrophoneSource
from coach.errors import AudioError, CoachError
from coach.ports import SAMPLE_RATE, CapturedAudio


@dataclass(frozen=True)
class _Request:
    kind: str            # "text", "file" or "mic"
    value: str = ""
    hands_free: bool | None = None


class AnswerQueueSource:
    """An AudioSource fed by the UI thread."""

    name = "app"

    def __init__(self, mic: MicrophoneSource | None = None,
                 on_chunk: Callable[[np.ndarray], None] | None = None,
                 on_error: Callable[[CoachError], object] | None = None,
                 poll_s: float = 0.05, block_s: float = 0.25) -> None:
        self.mic = mic
        self.on_chunk = on_chunk
        self.on_error = on_error
        self.poll_s = poll_s
        self.block = int(SAMPLE_RATE * block_s)
        self._requests: queue.Queue[_Request] = queue.Queue()
        self.paused = mic.paused if mic is not None else threading.Event()
        self.waiting = threading.Event()     # set while capture() waits for the UI

    # -- called from the UI thread ------------------------------------------------
    def supply_text(self, text: str) -> None:
        self._requests.put(_Request("text", text))

    def supply_file(self, path: str | Path) -> None:
        self._requests.put(_Request("file", str(path)))

    def record(self, hands_free: bool | None = None) -> None:
        """Start recording the answer from the microphone."""
        self._requests.put(_Request("mic", hands_free=hands_free))

    def clear(self) -> None:
        """Drop answers supplied but not yet taken."""
        while True:
            try:
                self._requests.get_nowait()
            except queue.Empty:
                return

    # -- called from the runner's thread ------------------------------------------
    def speak_over(self, say: Callable[[], None], stop_voice: Callable[[], None]) -> bool:
        """Hands-free with headphones: the microphone listens while the interviewer speaks (barge-in)."""
        if self.mic is not None and self.mic.hands_free:
            return self.mic.speak_over(say, stop_voice)
        say()
        return False

    def capture(
        self,
        dest: Path,
        stop: threading.Event | None = None,
        on_chunk: Callable[[np.ndarray], None] | None = None,
        words_so_far: Callable[[], str | None] | None = None,
    ) -> CapturedAudio:
        chunk = self._chunk_callback(on_chunk)
        self.waiting.set()
        try:
            while True:
                if stop is not None and stop.is_set():
                    return CapturedAudio(samples=np.zeros(0, np.float32), path=None, source="stopped")
                try:
                    request = self._requests.get(timeout=self.poll_s)
                except queue.Empty:
                    continue
                try:
                    return self._take(request, dest, stop, chunk, words_so_far)
                except CoachError as exc:
                    if self.on_error is None:
                        raise
                    self.on_error(exc)
                    self.waiting.set()
        finally:
            self.waiting.clear()

    def _chunk_callback(self, extra: Callable[[np.ndarray], None] | None) -> Callable[[np.ndarray], None] | None:
        mine = self.on_chunk
        if mine is None or extra is None:
            return mine or extra

        def both(block: np.ndarray) -> None:
            mine(block)
            extra(block)
        return both

    def _take(self, request: _Request, dest: Path, stop: threading.Event | None,
              chunk: Callable[[np.ndarray], None] | None,
              words_so_far: Callable[[], str | None] | None = None) -> CapturedAudio:
        if request.kind == "text":
            return CapturedAudio(samples=np.zeros(0, np.float32), path=None, source="typed", typed=request.value)
        self.waiting.clear()
        if request.kind == "file":
            path = Path(request.value).expanduser()
            samples = decode_file(path)
            with WavWriter(dest) as writer:
                for start in range(0, len(samples), self.block):
                    block = samples[start: start + self.block]
                    writer.write(block)
                    if chunk is not None:
                        chunk(block)
            return CapturedAudio(samples=samples, path=dest, source=str(path))
        if self.mic is None:
            raise AudioError("there is no microphone to record from", "type the answer or give an audio file path")
        if request.hands_free is not None:
            self.mic.hands_free = request.hands_free
        return self.mic.capture(dest, stop=stop, on_chunk=chunk, words_so_far=words_so_far)
