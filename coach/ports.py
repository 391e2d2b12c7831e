"""The seams between the pure core and the outside world.

Protocols, so a test double or a new backend needs no inheritance. Real
implementations live in `coach.adapters`.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from coach.domain import Question, Transcript, Turn

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class CapturedAudio:
    """One answer's audio: 16 kHz mono float32 samples, already written to `path`."""

    samples: np.ndarray
    path: Path | None
    source: str = ""     # where it came from (file name, device name)
    typed: str | None = None   # a typed answer: no audio, no transcription
    cut_short: str | None = None   # the device failed mid-answer: why (the audio so far is kept)

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE


class AudioSource(Protocol):
    """Where answers come from: the microphone, or audio files standing in for it."""

    def capture(
        self,
        dest: Path,
        stop: threading.Event | None = None,
        on_chunk: Callable[[np.ndarray], None] | None = None,
    ) -> CapturedAudio:
        """Record one answer into `dest` (a WAV, written as it is captured) and return it.

        Raises AudioError when no answer can be had (no device, no more files).
        `stop` ends the answer early (push-to-talk release); `on_chunk` sees each
        block of 16 kHz samples as it arrives (level meter, live transcript).
        """
        ...


class Transcriber(Protocol):
    name: str

    def transcribe(self, samples: np.ndarray) -> Transcript:
        """Speech to text for 16 kHz mono float32 samples; an empty text means no speech."""
        ...


@dataclass(frozen=True)
class FollowUpReply:
    gap: str
    question: str
    source: str          # "model" or "bank"
    candidates: tuple[str, ...] = ()   # what the model proposed, for the record


class Interviewer(Protocol):
    name: str

    def follow_up(
        self,
        question: Question,
        answer: str,
        gap: str,
        asked: Sequence[str],
        cancel: threading.Event | None = None,
        deadline: float | None = None,
    ) -> FollowUpReply:
        """The one follow-up question to ask after `answer`, probing `gap`. Setting `cancel`
        (a draft made ahead of time that is no longer wanted) may cut generation short; past
        `deadline` (a `time.perf_counter()` value) no further attempts are made."""
        ...


class Speaker(Protocol):
    name: str

    def say(self, text: str, wav_path: Path | None = None) -> None:
        """Speak `text` and return when done; also write it to `wav_path` when given."""
        ...

    def stop(self) -> None:
        """Cut off speech in progress."""
        ...


class Store(Protocol):
    def start_session(self, **fields: object) -> str: ...
    def add_turn(self, turn: Turn) -> int: ...
    def end_session(self, session_id: str, status: str = "completed") -> None: ...
    def recent_question_ids(self, limit: int = 50) -> list[str]: ...
