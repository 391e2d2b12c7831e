"""Answers from the microphone: sounddevice at 16 kHz mono, written to WAV as captured.

Two ways to end an answer: push-to-talk (the caller sets `stop`) and hands-free
(an energy-based end-of-turn detector: `silence_seconds` of silence after some
speech, plus a short hangover, so a thinking pause does not cut the answer; with
`turn_model`, an end-of-turn model is asked after `ask_after_s` of silence (and, where the
words weigh in, again every `ask_every_s` up to 1.2 s) and a "complete" ends the answer at
once, unless the words so far (`words_so_far`, from the runner's live transcriber) trail off).

The interviewer's own voice: while `speaking` is set (the speaker plays), blocks are
not taken as the answer. With headphones on, `speak_over` keeps the microphone open
while the interviewer speaks: the candidate starting to talk stops the voice, and
what they said from just before that moment starts the answer's recording.
`import sounddevice` raises OSError when PortAudio is missing, so it is only
imported inside functions, and `microphone_status()` never raises.
"""
from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import numpy as np

from coach.adapters.audio_io import WavWriter
from coach.errors import AudioError
from coach.ports import SAMPLE_RATE, CapturedAudio
from coach.streaming.answer_end import COMPLETE
from coach.streaming.end_of_turn import ASK_EVERY_S, EndOfTurn
from coach.streaming.levels import rms_dbfs

# (callback(block: np.ndarray)) -> a context manager that streams blocks to callback while open
StreamFactory = Callable[[Callable[[np.ndarray], None], int, "str | int | None"], AbstractContextManager[Any]]


def parse_device(value: str | int | None) -> str | int | None:
    """Settings keep the device as text: "" is the default, digits are an index."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    return int(value) if value.strip().isdigit() else value.strip()


def _sounddevice_stream(callback: Callable[[np.ndarray], None], blocksize: int,
                        device: str | int | None) -> AbstractContextManager[Any]:
    import sounddevice as sd

    def on_block(indata: np.ndarray, frames: int, when: Any, status: Any) -> None:
        callback(indata[:, 0].copy())

    return sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32",
                          blocksize=blocksize, device=device, callback=on_block)


class MicrophoneSource:
    """Records one answer per `capture` from an input device."""

    name = "microphone"

    def __init__(self, device: str | int | None = None, hands_free: bool = False,
                 silence_seconds: float = 2.0, block_s: float = 0.1, max_seconds: float = 900.0,
                 paused: threading.Event | None = None, stream_factory: StreamFactory | None = None,
                 stall_s: float = 2.0, turn_model: Callable[[np.ndarray], float] | None = None,
                 ask_after_s: float = 0.3, speaking: threading.Event | None = None,
                 headphones: bool = False) -> None:
        self.device = parse_device(device)
        self.hands_free = hands_free
        self.silence_seconds = silence_seconds
        self.block = int(SAMPLE_RATE * block_s)
        self.max_seconds = max_seconds
        self.paused = paused or threading.Event()
        self.stall_s = stall_s            # no audio for this long mid-answer: the device has gone away
        self._stream_factory = stream_factory or _sounddevice_stream
        self.turn_model = turn_model      # audio so far -> the probability that the answer sounds finished
        self.ask_after_s = ask_after_s
        self.ask_every_s = ASK_EVERY_S    # ... and again this often as the silence grows
        self.speaking = speaking          # set while the interviewer's voice plays
        self.headphones = headphones
        self.last_verdicts: list[bool] = []
        self.last_reasons: list[str] = []      # the graded waits the last answer was given, and why
        self.last_heard: list[str] = []        # ... and the words each was weighed against, in full
        self.words_wait_s = 0.5           # how long a "complete" waits for them before it stands alone
        self._carry: list[np.ndarray] = []    # said over the interviewer: the start of the next answer
        self._held: tuple[AbstractContextManager[Any], queue.Queue[np.ndarray]] | None = None

    def _open(self, blocks: queue.Queue[np.ndarray], blocksize: int | None = None) -> AbstractContextManager[Any]:
        try:
            return self._stream_factory(blocks.put, blocksize or self.block, self.device)
        except OSError as exc:       # PortAudio missing
            raise AudioError(f"cannot use the microphone: {exc}", "install PortAudio (libportaudio2), "
                             "or type the answer / give an audio file") from None
        except Exception as exc:     # sounddevice.PortAudioError, bad device name
            raise AudioError(f"cannot open the microphone: {str(exc).splitlines()[0]}",
                             "check input_device in Settings, or type the answer") from None

    def speak_over(self, say: Callable[[], None], stop_voice: Callable[[], None], onset_blocks: int = 2,
                   preroll_s: float = 0.3) -> bool:
        """With headphones: play the interviewer's line (`say`, blocking) with the microphone open.
        Speech for `onset_blocks` blocks in a row stops the voice (`stop_voice`); the stream stays
        open for the next `capture`, which starts with what was said from `preroll_s` before that.
        Returns True when the candidate barged in. Without headphones it only calls `say`."""
        if not self.headphones:
            say()
            return False
        self._release_held()
        blocks: queue.Queue[np.ndarray] = queue.Queue()
        size = max(1, self.block // 2)      # 50 ms blocks: the voice stops within ~150 ms of the first word
        try:
            stream = self._open(blocks, size)
            stream.__enter__()
        except Exception:                   # no microphone now: the line is said, the answer's capture reports it
            say()
            return False
        self._held = (stream, blocks)
        speaking = threading.Thread(target=say, name="say", daemon=True)
        speaking.start()
        voice, recent, run, barged = EndOfTurn().voice, [], 0, False
        keep = max(1, int(preroll_s * SAMPLE_RATE / size))
        while speaking.is_alive():
            try:
                chunk = blocks.get(timeout=0.02)
            except queue.Empty:
                continue
            recent = (recent + [chunk])[-(keep + onset_blocks):]
            run = run + 1 if voice.feed(rms_dbfs(chunk)) else 0
            if run >= onset_blocks:
                stop_voice()
                barged = True
                break
        speaking.join()
        if not barged:                      # only the room was heard while the voice played
            while not blocks.empty():
                blocks.get_nowait()
        self._carry = recent if barged else []
        return barged

    def _release_held(self) -> None:
        if self._held is not None:
            stream, self._held = self._held[0], None
            try:
                stream.__exit__(None, None, None)
            except Exception:
                pass

    def _judge(self, kept: list[np.ndarray]) -> float:
        """The end-of-turn model's probability that the answer sounds finished (the last 8 s; the model
        hears its last 2 s); a model that fails leaves the silence rule (0.0)."""
        assert self.turn_model is not None
        need, recent, have = 8 * SAMPLE_RATE, [], 0
        for block in reversed(kept):
            recent.append(block)
            have += len(block)
            if have >= need:
                break
        try:
            return float(self.turn_model(np.concatenate(recent[::-1])))
        except Exception:
            return 0.0

    @staticmethod
    def _heard(words_so_far: Callable[[], str | None]) -> str | None:
        try:
            return words_so_far()
        except Exception:
            return None

    def capture(
        self,
        dest: Path,
        stop: threading.Event | None = None,
        on_chunk: Callable[[np.ndarray], None] | None = None,
        words_so_far: Callable[[], str | None] | None = None,
    ) -> CapturedAudio:
        kind = getattr(words_so_far, "kind", None)    # the question's kind: the answer's completeness weighs in
        asked = getattr(words_so_far, "question", None)     # an estimate's figure is read against it
        # asked again as the silence grows only where the words weigh in: alone, the model hears more of a
        # thinking pause as finished the longer it lasts (the silence fills the 2 s it listens to)
        detector = EndOfTurn(self.silence_seconds, ask_after_s=self.ask_after_s if self.turn_model else None,
                             ask_every_s=self.ask_every_s if kind is not None else None)
        self.last_verdicts = detector.verdicts
        self.last_reasons = detector.reasons
        self.last_heard = detector.heard
        kept: list[np.ndarray] = []
        total = 0
        complete_at: float | None = None     # silence when the model was asked, the words not yet known
        heard_now: str | None = None         # the words up to this silence, once known
        carry, self._carry = self._carry, []
        held = self._held is not None       # opened while the interviewer spoke (headphones)
        if self._held is not None:
            (stream, blocks), self._held = self._held, None
        else:
            blocks = queue.Queue()
            stream = self._open(blocks)
        for block in carry:
            blocks.put(block)
        started = last_block = time.monotonic()
        failure, patience = None, 5 * self.stall_s      # a device may take a moment to start
        try:
            with WavWriter(dest) as writer, _Entered(stream, held):
                while not (stop is not None and stop.is_set()):
                    try:
                        block = blocks.get(timeout=0.05)
                    except queue.Empty:
                        now = time.monotonic()
                        if now - started > self.max_seconds + 5:
                            break
                        if now - last_block > patience:
                            failure = "it stopped sending audio"
                            break
                        continue
                    last_block, patience = time.monotonic(), self.stall_s
                    if self.paused.is_set():
                        continue        # paused: the microphone is open but not listened to
                    if self.speaking is not None and self.speaking.is_set() and not self.headphones:
                        continue        # the interviewer's own voice, heard through the speakers
                    writer.write(block)
                    kept.append(block)
                    total += len(block)
                    if on_chunk is not None:
                        on_chunk(block)
                    if self.hands_free and detector.feed(rms_dbfs(block), len(block) / SAMPLE_RATE):
                        break
                    if self.hands_free and detector.silence_s == 0.0:
                        heard_now = complete_at = None     # speech again: this silence's words and verdict are void
                    if self.hands_free and detector.due:
                        probability = self._judge(kept)
                        if words_so_far is None or (kind is None and probability <= COMPLETE):
                            if detector.judged(probability):
                                break
                        elif heard_now is not None:     # asked again, the words already known: weighed at once
                            if detector.judged(probability, heard_now, kind, asked):
                                break
                        else:               # weigh the verdict against the words, once they are transcribed
                            detector.asking(probability)
                            complete_at = detector.silence_s if complete_at is None else complete_at
                    if complete_at is not None and self.hands_free:
                        heard = self._heard(words_so_far) if words_so_far is not None else None
                        late = detector.silence_s - complete_at >= self.words_wait_s
                        if heard is not None or (late and detector.end_after_s is None):
                            # without the words in time, a graded wait for them (the model's verdict
                            # alone without a question kind); with them, the answer's completeness
                            if heard is not None or kind is None:
                                complete_at = None
                                heard_now = heard
                            if detector.judged(None, heard, kind, asked):
                                break
                    if total >= self.max_seconds * SAMPLE_RATE:
                        break
        except AudioError:
            raise
        except Exception as exc:    # the device went away mid-answer: PortAudio raises on stop/close
            failure = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if failure is not None and not kept:
            raise AudioError(f"the microphone stopped: {failure}", "check the input device, or type the answer")
        samples = np.concatenate(kept) if kept else np.zeros(0, np.float32)
        cut = None
        if failure is not None:
            cut = f"the microphone stopped after {total / SAMPLE_RATE:.0f} s ({failure}); the answer so far is kept"
        return CapturedAudio(samples=samples.astype(np.float32, copy=False), path=dest, cut_short=cut,
                             source=f"microphone {self.device}" if self.device is not None else "microphone")


class _Entered:
    """A stream context that may already have been entered (kept open from `speak_over`)."""

    def __init__(self, stream: AbstractContextManager[Any], entered: bool) -> None:
        self.stream, self.entered = stream, entered

    def __enter__(self) -> AbstractContextManager[Any]:
        if not self.entered:
            self.stream.__enter__()
        return self.stream

    def __exit__(self, *exc: Any) -> None:
        self.stream.__exit__(*exc)


def _device_status(kind: str, device: str | int | None = None) -> tuple[bool, str]:
    label = "microphone" if kind == "input" else "audio output"
    try:
        import sounddevice as sd
    except OSError:
        return False, f"no {label}: PortAudio is not installed"
    except ImportError:
        return False, f"no {label}: the sounddevice package is missing"
    try:
        channels = "max_input_channels" if kind == "input" else "max_output_channels"
        devices = [d for d in sd.query_devices() if d.get(channels, 0) > 0]
        if not devices:
            return False, f"no {label} found"
        chosen = parse_device(device)
        info = sd.query_devices(chosen, kind=kind) if chosen is not None else sd.query_devices(kind=kind)
        return True, f"{label}: {info['name']}"
    except Exception as exc:    # PortAudioError, ValueError for an unknown device
        return False, f"no {label}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"


def microphone_status(device: str | int | None = None) -> tuple[bool, str]:
    """(ok, message) about the input device; never raises."""
    return _device_status("input", device)


def output_status() -> tuple[bool, str]:
    """(ok, message) about the default output device; never raises."""
    return _device_status("output")
