"""Incremental transcription: commit the stable prefix while the answer is still being spoken.

Every `step_s` of new audio, the uncommitted window is transcribed; segments that
end more than `margin_s` before the window's end are stable (more audio will not
change them) and are committed, and the window moves past them. When the answer
ends only the uncommitted tail is transcribed. Works with any `Transcriber`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from coach.domain import Segment, Transcript
from coach.ports import SAMPLE_RATE, Transcriber


@dataclass
class IncrementalTranscriber:
    transcriber: Transcriber
    step_s: float = 3.0
    margin_s: float = 1.5
    max_window_s: float = 25.0        # Whisper's window is 30 s; commit everything before this
    committed: list[Segment] = field(default_factory=list)
    busy_s: float = 0.0               # compute spent while the candidate was still speaking
    _audio: list[np.ndarray] = field(default_factory=list)
    _total: int = 0
    _start: int = 0                   # first sample not yet committed
    _last_run: int = 0
    _pending: list[Segment] = field(default_factory=list)   # latest guess at the uncommitted tail

    def _window(self) -> np.ndarray:
        audio = np.concatenate(self._audio) if self._audio else np.zeros(0, np.float32)
        return audio[self._start : self._total]

    def feed(self, block: np.ndarray) -> None:
        """Add a block of 16 kHz samples; transcribe the window when enough new audio has come."""
        self._audio.append(block.astype(np.float32, copy=False))
        self._total += len(block)
        if self._total - self._last_run >= self.step_s * SAMPLE_RATE:
            self._last_run = self._total
            started = time.perf_counter()
            self._advance(final=False)
            self.busy_s += time.perf_counter() - started

    def _advance(self, final: bool) -> list[Segment]:
        window = self._window()
        offset = self._start / SAMPLE_RATE
        if len(window) == 0:
            return []
        segments = list(self.transcriber.transcribe(window).segments)
        if final:
            return [Segment(s.start + offset, s.end + offset, s.text) for s in segments]
        window_s = len(window) / SAMPLE_RATE
        horizon = window_s - self.margin_s
        stable = [s for s in segments if s.end <= horizon]
        if window_s > self.max_window_s and segments:
            stable = segments[:-1] or stable
        self._pending = segments[len(stable):]
        if stable:
            self.committed += [Segment(s.start + offset, s.end + offset, s.text) for s in stable]
            self._start += int(stable[-1].end * SAMPLE_RATE)
        return []

    @property
    def partial_text(self) -> str:
        """What has been heard so far (committed text plus the latest guess at the tail): the live view."""
        return " ".join(s.text for s in self.committed + self._pending).strip()

    def finish(self) -> Transcript:
        """The whole answer: committed segments plus the tail, transcribed now."""
        tail = self._advance(final=True)
        segments = tuple(self.committed + tail)
        return Transcript(text=" ".join(s.text for s in segments).strip(), segments=segments,
                          duration_s=self._total / SAMPLE_RATE)
