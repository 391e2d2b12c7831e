"""The seams between the pure core and the outside world.

Protocols, so a test double or a new backend needs no inheritance. Real
implementations live in `coach.adapters`.
"""
from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from coach.domain import Question, Segment, Transcript, Turn
from coach.followups.findings import Finding
from coach.scoring.scorecard import Scorecard

if TYPE_CHECKING:
    from coach.progress.history import History

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
        words_so_far: Callable[[], str | None] | None = None,
    ) -> CapturedAudio:
        """Record one answer into `dest` (a WAV, written as it is captured) and return it.

        Raises AudioError when no answer can be had (no device, no more files).
        `stop` ends the answer early (push-to-talk release); `on_chunk` sees each
        block of 16 kHz samples as it arrives (level meter, live transcript);
        `words_so_far` gives the answer's text up to the current silence, or None when it is
        not ready (a hands-free end-of-turn policy may weigh it; other sources ignore it).
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
    first_token_at: float | None = None   # `time.perf_counter()` when the model's first token came (None: no model)
    tokens: int = 0                       # tokens generated after each candidate's first one, over
    generation_s: float = 0.0             # the seconds from each candidate's first token to its last
    late: bool = False                    # the model's question was not ready by the reply deadline: the bank's was asked


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
        target: str | Finding = "",
    ) -> FollowUpReply:
        """The one follow-up question to ask after `answer`, probing `gap`. Setting `cancel`
        (a draft made ahead of time that is no longer wanted) may cut generation short; past
        `deadline` (a `time.perf_counter()` value) no further attempts are made. `target` is what
        the scorer found (the missed point, the wrong figure, the "we" sentence, the points already covered),
        or its evidence text alone: the question aims at it."""
        ...

    def fallback(self, question: Question, answer: str, gap: str, asked: Sequence[str],
                 target: str | Finding = "") -> str:
        """The question `follow_up` asks when its own is not ready (the bank's), known before it
        starts, so that the voice can render it ahead."""
        ...


class Speaker(Protocol):
    name: str

    def say(self, text: str, wav_path: Path | None = None) -> None:
        """Speak `text` and return when done; also write it to `wav_path` when given."""
        ...

    def prepare(self, text: str, wait_s: float = 0.0) -> None:
        """`text` may be said soon: render it (its first sentence at least) in the background, behind
        anything being said, so that `say(text)` starts at once. A line prepared and never said is
        never heard; one said is heard once. With `wait_s`, it may be said at once: render it before
        the other lines prepared, and return once it is ready or `wait_s` has passed."""
        ...

    def stop(self) -> None:
        """Cut off speech in progress."""
        ...

    def lead_s(self) -> float | None:
        """How long the voice has lately taken from a line to its first sound (None when it does not
        know, or plays nothing): the interviewer's reply deadline leaves it that."""
        ...


class _Record(Mapping[str, Any]):
    """A stored row as typed fields that still reads as a mapping (`row.status` or `row["status"]`).

    Columns this coach does not know (a newer schema) are kept in `extra`."""

    extra: Mapping[str, Any]

    @classmethod
    def from_row(cls, row: Mapping[str, Any], **parsed: Any) -> Any:
        names = {f.name for f in dataclasses.fields(cls)} - {"extra"}   # type: ignore[arg-type]
        known = {k: v for k, v in row.items() if k in names}
        make: Any = cls
        return make(**{**known, **parsed}, extra={k: v for k, v in row.items() if k not in names})

    def _names(self) -> list[str]:
        return [f.name for f in dataclasses.fields(self) if f.name != "extra"]   # type: ignore[arg-type]

    def __getitem__(self, key: str) -> Any:
        if key in self._names():
            return getattr(self, key)
        return self.extra[key]

    def __iter__(self) -> Iterator[str]:
        return iter([*self._names(), *self.extra])

    def __len__(self) -> int:
        return len(self._names()) + len(self.extra)

    def as_json(self) -> dict[str, Any]:
        """The row as JSON values: a scorecard in its contract form, segments as objects."""
        def plain(value: Any) -> Any:
            if isinstance(value, Scorecard):
                return value.to_dict()
            if isinstance(value, tuple) and all(isinstance(s, Segment) for s in value):
                return [dataclasses.asdict(s) for s in value] or None      # no segments were stored
            return value
        return {key: plain(self[key]) for key in self}


@dataclass(frozen=True, eq=False)
class SavedSession(_Record):
    """One row of the sessions table (`answers` and `clarifications`: how many answers and clarifying
    questions it holds, where the query counts them)."""

    id: str
    started_at: str | None = None
    ended_at: str | None = None
    status: str | None = None
    plan: str | None = None
    round: str | None = None
    level: str | None = None
    mode: str | None = None
    stt_model: str | None = None
    llm_model: str | None = None
    app_version: str | None = None
    overall: float | None = None
    notes: str | None = None
    plan_items: str | None = None
    answers: int | None = None
    clarifications: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class SavedTurn(_Record):
    """One row of the turns table, its segments and scorecard read back as the types they were saved from."""

    id: int
    session_id: str
    idx: int
    speaker: str
    kind: str | None = None
    question_id: str | None = None
    text: str | None = None
    gap: str | None = None
    source: str | None = None
    audio_path: str | None = None
    segments: tuple[Segment, ...] = ()
    duration_ms: int | None = None
    transcribe_ms: int | None = None
    think_ms: int | None = None
    speak_ms: int | None = None
    score_ms: int | None = None
    scores: Scorecard | None = None
    overall: float | None = None
    created_at: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


class Store(Protocol):
    """The coach's history: sessions and their turns, story names, export and purge.

    `coach.adapters.store_sqlite.SQLiteStore` is the one implementation; nothing
    outside `coach.adapters` writes SQL or touches its connection."""

    path: Path                      # the database file
    root: Path                      # the data dir: answer audio lives under root/audio/<session>/

    # sessions and turns
    def start_session(self, **fields: Any) -> str: ...
    def add_turn(self, turn: Turn) -> int: ...
    def update_turn(self, turn_id: int, **fields: Any) -> None: ...
    def end_session(self, session_id: str, status: str = "completed", overall: float | None = None) -> None: ...
    def resume_session(self, session_id: str) -> None: ...
    def session(self, session_id: str) -> SavedSession: ...
    def sessions(self, limit: int = 50) -> list[SavedSession]: ...
    def turns(self, session_id: str) -> list[SavedTurn]: ...
    def recent_question_ids(self, limit: int = 50) -> list[str]: ...
    def interrupted_sessions(self) -> list[SavedSession]: ...
    def resumable_sessions(self) -> list[SavedSession]: ...
    # progress
    def recent_cards(self, limit: int = 300) -> list[Scorecard]: ...
    def recent_dimension_scores(self, limit: int = 10) -> list[dict[str, float]]: ...
    def history(self, since: str | None = None, round_id: str | None = None,
                question_rounds: Mapping[str, str] | None = None) -> History: ...
    def story_names(self) -> dict[int, str]: ...
    def answer_turn(self, turn_id: int) -> dict[str, Any] | None: ...
    def set_story_name(self, turn_id: int, name: str) -> None: ...
    def clear_story_name(self, turn_id: int) -> bool: ...
    # export, import, purge
    def export_rows(self, session_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None: ...
    def has_session(self, session_id: str) -> bool: ...
    def import_rows(self, session: dict[str, Any], turns: Sequence[dict[str, Any]]) -> int: ...
    def sessions_before(self, before: str | None) -> list[str]: ...
    def audio_paths(self, session_ids: Sequence[str]) -> list[str]: ...
    def count_turns(self, session_ids: Sequence[str]) -> int: ...
    def delete_sessions(self, session_ids: Sequence[str]) -> tuple[int, int]: ...
    def close(self) -> None: ...
