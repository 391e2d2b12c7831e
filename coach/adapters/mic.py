"""Answers from the microphone: sounddevice at 16 kHz mono, written to WAV as captured.

Two ways to end an answer: push-to-talk (the caller sets `stop`) and hands-free
(an energy-based end-of-turn detector: `silence_seconds` of silence after some
speech, plus a short hangover, so a thinking pause does not cut the answer).
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
from coach.streaming.end_of_turn import EndOfTurn
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
                 stall_s: float = 2.0) -> None:
        self.device = parse_device(device)
        self.hands_free = hands_free
        self.silence_seconds = silence_seconds
        self.block = int(SAMPLE_RATE * block_s)
        self.max_seconds = max_seconds
        self.paused = paused or threading.Event()
        self.stall_s = stall_s            # no audio for this long mid-answer: the device has gone away
        self._stream_factory = stream_factory or _sounddevice_stream

    def _open(self, blocks: queue.Queue[np.ndarray]) -> AbstractContextManager[Any]:
        try:
            return self._stream_factory(blocks.put, self.block, self.device)
        except OSError as exc:       # PortAudio missing
            raise AudioError(f"cannot use the microphone: {exc}", "install PortAudio (libportaudio2), "
                             "or type the answer / give an audio file") from None
        except Exception as exc:     # sounddevice.PortAudioError, bad device name
            raise AudioError(f"cannot open the microphone: {str(exc).splitlines()[0]}",
                             "check input_device in Settings, or type the answer") from None

    def capture(
        self,
        dest: Path,
        stop: threading.Event | None = None,
        on_chunk: Callable[[np.ndarray], None] | None = None,
    ) -> CapturedAudio:
        blocks: queue.Queue[np.ndarray] = queue.Queue()
        detector = EndOfTurn(self.silence_seconds)
        kept: list[np.ndarray] = []
        total = 0
        stream = self._open(blocks)
        started = last_block = time.monotonic()
        failure, patience = None, 5 * self.stall_s      # a device may take a moment to start
        try:
            with WavWriter(dest) as writer, stream:
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
                    writer.write(block)
                    kept.append(block)
                    total += len(block)
                    if on_chunk is not None:
                        on_chunk(block)
                    if self.hands_free and detector.feed(rms_dbfs(block), len(block) / SAMPLE_RATE):
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
