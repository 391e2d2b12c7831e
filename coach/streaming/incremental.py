"""Incremental transcription: commit the stable prefix while the answer is still being spoken.

Every `step_s` of new audio, the uncommitted window is transcribed; segments that
end more than `margin_s` before the window's end are stable (more audio will not
change them) and are committed, and the window moves past them. When the answer
ends only the uncommitted tail is transcribed. Works with any `Transcriber`.

Speculation: once the candidate has been silent for `settle_s` (0.5 s), `speculate()`
(called from a worker thread) transcribes the tail as if the answer had ended at
the last word. If no speech follows before the turn ends, `finish()` returns that
result instead of transcribing again, so the transcript is ready the moment the
hands-free detector fires or the key is released. If the candidate goes on, the
speculation is not wasted: its segments but the last are committed (more audio came after
them, as after a window's stable ones) and the windows go on from there. The tail left at the
real end is then the last sentence or two, not the last 5-13 s, and is transcribed sooner.
A live window that ran well after the last word (`HEARD_AFTER_S`) has already heard the tail: its words are
the answer's up to the silence (`heard_by_now` gives them at once, `speculate` does not transcribe them again).
A window that ended within a block or two of the last word does not count: Whisper heard that word cut off
("... the model we shipped" came back as "... we should."), and the end-of-turn policy read the answer as
trailing off. For the same reason the tail transcribed in a short silence is given the room's own quiet,
recorded since the last word, repeated to `TAIL_QUIET_S` after it (`_with_quiet`). In the background no live
window starts once the candidate has paused: it could not hear the last word in time, and the tail the
end of the turn waits for would queue behind it.

Priming (`prompt`, `hotwords`): passed to every transcription of the answer, the live
windows and the tail alike, when the transcriber takes them (`primes`). `tail_prompt` and
`tail_hotwords` prime only the final pass (the tail, transcribed ahead of time or at the end):
primed short live windows dropped and repeated words, the final pass is measured apart
(`python -m coach.eval.wer --final-pass`).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np

from coach.domain import Segment, Transcript
from coach.ports import SAMPLE_RATE, Transcriber
from coach.streaming.levels import VoiceActivity, rms_dbfs

HEARD_AFTER_S = 0.3     # a live window heard the answer's last word if it ran this long after it
TAIL_QUIET_S = 0.5      # the tail transcribed in a silence ends this long after the last word (quiet repeated)


@dataclass
class _Speculation:
    marker: tuple[int, int]                   # (_start, _voiced_end) when it began
    done: threading.Event = field(default_factory=threading.Event)
    tail: list[Segment] | None = None         # None until done, or if it failed
    committed: bool = False                   # the candidate went on and the tail was committed


@dataclass
class IncrementalTranscriber:
    transcriber: Transcriber
    step_s: float = 3.0
    margin_s: float = 1.5
    max_window_s: float = 25.0        # Whisper's window is 30 s; commit everything before this
    settle_s: float = 0.5             # silence after speech before the tail is transcribed ahead of time
    prompt: str | None = None         # Whisper's initial prompt: the question being answered
    hotwords: str | None = None       # the ML glossary
    tail_prompt: str | None = None    # the same, for the final pass only (the tail)
    tail_hotwords: str | None = None
    background: bool = False          # transcribe windows on a worker: `feed` never holds up the audio loop
    committed: list[Segment] = field(default_factory=list)
    busy_s: float = 0.0               # compute spent while the candidate was still speaking
    _audio: list[np.ndarray] = field(default_factory=list)
    _total: int = 0
    _start: int = 0                   # first sample not yet committed
    _last_run: int = 0
    _voiced_end: int = 0              # sample just after the last block that held speech
    _pending: list[Segment] = field(default_factory=list)   # latest guess at the uncommitted tail (answer times)
    _voice: VoiceActivity = field(default_factory=VoiceActivity)
    _spec: _Speculation | None = None
    _window_covers: tuple[int, int] = (0, 0)  # (_start after the last live window, the samples it heard up to)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _worker: threading.Thread | None = None

    def _transcribe(self, samples: np.ndarray, tail: bool = False) -> Transcript:
        prompt, hotwords = (self.tail_prompt or self.prompt, self.tail_hotwords or self.hotwords) if tail \
            else (self.prompt, self.hotwords)
        if getattr(self.transcriber, "primes", False) and (prompt or hotwords):
            return self.transcriber.transcribe(samples, prompt=prompt, hotwords=hotwords)  # type: ignore[call-arg]
        return self.transcriber.transcribe(samples)

    def _window(self) -> np.ndarray:
        audio = np.concatenate(self._audio) if self._audio else np.zeros(0, np.float32)
        return audio[self._start : self._total]

    def audio(self) -> np.ndarray:
        """Everything fed so far, as one array (the primed final pass transcribes it whole)."""
        with self._lock:
            return np.concatenate(self._audio) if self._audio else np.zeros(0, np.float32)

    def _marker(self) -> tuple[int, int]:
        return self._start, self._voiced_end

    def feed(self, block: np.ndarray) -> None:
        """Add a block of 16 kHz samples; transcribe the window when enough new audio has come."""
        with self._lock:
            self._audio.append(block.astype(np.float32, copy=False))
            self._total += len(block)
            if self._voice.feed(rms_dbfs(block)):
                self._voiced_end = self._total
                self._commit_speculation()
            due = self._total - self._last_run >= self.step_s * SAMPLE_RATE
            # nothing new has been said since the tail was transcribed ahead of time: keep that result valid
            speculated = self._spec is not None and self._spec.marker == self._marker()
            # in a pause the tail is the speculation's: a window now would not hear the last word in time, and
            # would hold back the tail (and, settled, move the marker under it); it runs when speech resumes
            paused = self._voiced_end > 0 and self._voiced_end < self._total
        if due and not speculated and not (self.background and paused):
            if self.background:
                if self._worker is None or not self._worker.is_alive():
                    self._last_run = self._total
                    self._worker = threading.Thread(target=self._timed_advance, name="live-stt", daemon=True)
                    self._worker.start()
                return
            self._last_run = self._total
            self._timed_advance()

    def _commit_speculation(self) -> None:
        """Once the candidate has spoken again after a pause whose tail was transcribed ahead of
        time, and that transcription is done, commit its segments but the last (under the lock): as
        stable as a window's, since more audio came after them; the last may be a sentence broken
        off at a thinking pause ("the nightly, uh"), which the next window hears whole."""
        spec = self._spec
        if spec is None or spec.committed or not spec.done.is_set() or not spec.tail or len(spec.tail) < 2:
            return
        start, voiced_end = spec.marker
        if start != self._start or self._voiced_end <= voiced_end:
            return                      # not spoken again yet, or the windows have moved on
        spec.committed = True
        keep = spec.tail[:-1]
        cut = int(keep[-1].end * SAMPLE_RATE)
        if cut <= start:
            return
        self.committed += keep
        self._pending = spec.tail[-1:]
        self._start = cut

    def _timed_advance(self) -> None:
        started = time.perf_counter()
        self._advance(final=False)
        self.busy_s += time.perf_counter() - started

    def _settle_worker(self) -> None:
        worker = self._worker
        if worker is not None:
            worker.join()

    def _advance(self, final: bool) -> list[Segment]:
        with self._lock:
            window = self._window()
            start = self._start
        offset = start / SAMPLE_RATE
        if len(window) == 0:
            return []
        segments = list(self._transcribe(window, tail=final).segments)
        if final:
            return [Segment(s.start + offset, s.end + offset, s.text) for s in segments]
        window_s = len(window) / SAMPLE_RATE
        horizon = window_s - self.margin_s
        stable = [s for s in segments if s.end <= horizon]
        if window_s > self.max_window_s and segments:
            stable = segments[:-1] or stable
        with self._lock:
            if self._start != start:    # a speculation's tail was committed meanwhile: it covers this window
                return []
            self._pending = [Segment(s.start + offset, s.end + offset, s.text) for s in segments[len(stable):]]
            if stable:
                self.committed += [Segment(s.start + offset, s.end + offset, s.text) for s in stable]
                self._start = start + int(stable[-1].end * SAMPLE_RATE)
            self._window_covers = (self._start, start + len(window))
        return []

    def _window_heard_all(self) -> bool:
        """The last live window heard everything said so far (it ran after the last word) and nothing has
        moved since: its words are the answer's up to this silence (under the lock)."""
        start, heard_to = self._window_covers
        return (self._voiced_end > 0 and start == self._start
                and heard_to >= self._voiced_end + int(HEARD_AFTER_S * SAMPLE_RATE))

    @property
    def partial_text(self) -> str:
        """What has been heard so far (committed text plus the latest guess at the tail): the live view."""
        return " ".join(s.text for s in self.committed + self._pending).strip()

    @property
    def speech_since_marker(self) -> bool:
        """True if the candidate spoke again after the latest speculation began."""
        with self._lock:
            return self._spec is not None and self._spec.marker != self._marker()

    def silent_s(self) -> float:
        """Seconds since the last block that held speech (0 while speaking or before any)."""
        with self._lock:
            return 0.0 if self._voiced_end == 0 else (self._total - self._voiced_end) / SAMPLE_RATE

    def settled(self) -> bool:
        """The candidate has said something new and then been silent for `settle_s`: time to speculate."""
        with self._lock:
            fresh = self._spec is None or self._spec.marker != self._marker()
            return (fresh and self._voiced_end > 0
                    and self._total - self._voiced_end >= self.settle_s * SAMPLE_RATE)

    def speculate(self) -> Transcript | None:
        """Transcribe the tail now, as if the answer ended at the last word (blocking; call it
        from a worker). Returns the whole answer so far, or None if speech resumed meanwhile."""
        with self._lock:
            self._spec = None       # an earlier silence's speculation no longer speaks for this one
        self._settle_worker()
        with self._lock:
            spec = self._spec = _Speculation(self._marker())
            window, start = self._window(), self._start
            if self._window_heard_all():        # the live window that just ran already heard the last word
                spec.tail = list(self._pending)
                spec.done.set()
        if spec.done.is_set():
            return None if self.speech_since_marker else self._transcript(spec.tail or [])
        try:
            offset, said_s = start / SAMPLE_RATE, len(window) / SAMPLE_RATE
            tail = [Segment(s.start + offset, min(s.end, said_s) + offset, s.text)
                    for s in self._transcribe(self._with_quiet(window, start), tail=True).segments]
            with self._lock:
                spec.tail = tail
        finally:
            spec.done.set()
        with self._lock:
            self._commit_speculation()      # they went on while it ran: it stands for the audio before the pause
        if self.speech_since_marker:
            return None
        return self._transcript(tail)

    def _with_quiet(self, window: np.ndarray, start: int) -> np.ndarray:
        """The tail (`window`, from sample `start`) as Whisper should hear it at a silence: when less than
        `TAIL_QUIET_S` has passed since the last word, followed by the quiet recorded since then (from
        half a block after the last speech block), repeated up to it. Cut off right after the last word,
        Whisper often heard the word wrong."""
        quiet_from = self._voiced_end + SAMPLE_RATE // 20 - start
        quiet = window[max(0, quiet_from):]
        missing = int(TAIL_QUIET_S * SAMPLE_RATE) - (len(window) - (self._voiced_end - start))
        if self._voiced_end <= start or missing <= 0 or len(quiet) < SAMPLE_RATE // 10:
            return window
        return np.concatenate([window, np.resize(quiet, missing)])

    def heard_by_now(self, timeout_s: float) -> str | None:
        """The answer's text up to the current silence, from the tail transcribed ahead of time
        (waiting up to `timeout_s` for it to start and finish); None if it is not ready by then
        or the candidate spoke again (the end-of-turn policy then goes by the audio alone)."""
        deadline = time.perf_counter() + timeout_s
        while True:
            with self._lock:
                if self._window_heard_all():     # no need to wait for the tail: the last window heard it all
                    return self._transcript(list(self._pending)).text
                spec = self._spec if self._spec is not None and self._spec.marker == self._marker() else None
            if spec is not None:
                if not spec.done.wait(max(0.0, deadline - time.perf_counter())) or spec.tail is None:
                    return None
                return self._transcript(spec.tail).text if not self.speech_since_marker else None
            if time.perf_counter() >= deadline:
                return None
            time.sleep(0.01)

    def _transcript(self, tail: list[Segment]) -> Transcript:
        segments = tuple(self.committed + tail)
        return Transcript(text=" ".join(s.text for s in segments).strip(), segments=segments,
                          duration_s=self._total / SAMPLE_RATE)

    def finish(self) -> Transcript:
        """The whole answer: committed segments plus the tail, transcribed now unless a
        speculation already covers everything said (only silence came after it)."""
        self._settle_worker()
        with self._lock:
            self._commit_speculation()
            spec = self._spec if self._spec is not None and self._spec.marker == self._marker() else None
        if spec is not None:
            spec.done.wait()
            if spec.tail is not None:
                return self._transcript(spec.tail)
        return self._transcript(self._advance(final=True))
