"""The interviewer's voice: pyttsx3 (espeak-ng on Linux) on a thread of its own.

pyttsx3 hangs when driven from several threads, so one daemon thread owns the
engine and renders text to WAV; playback goes through sounddevice so that it can
be cut off (Esc) and so that no speaker device is needed to render to files.
"""
from __future__ import annotations

import contextlib
import ctypes.util
import io
import itertools
import queue
import shutil
import tempfile
import threading
import re
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path

from coach.errors import AudioError


def espeak_available() -> bool:
    return bool(ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak")) or bool(shutil.which("espeak-ng"))


class SpeechSynth:
    """Renders text to WAV files with pyttsx3 on one dedicated thread."""

    def __init__(self, rate: int = 175, voice: str = "") -> None:
        if not espeak_available():
            raise AudioError("espeak-ng is not installed, so the interviewer cannot speak",
                             "install espeak-ng (apt-get install espeak-ng) or use --silent")
        self._jobs: queue.Queue[tuple[str, Path, Future[Path]] | None] = queue.Queue()
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._loop, args=(rate, voice), name="tts", daemon=True)
        self._thread.start()
        self._ready.result(timeout=30)

    def _loop(self, rate: int, voice: str) -> None:
        try:
            import pyttsx3

            engine = pyttsx3.init()
            engine.setProperty("rate", rate)
            if voice:
                engine.setProperty("voice", voice)
        except Exception as exc:  # driver missing or broken
            self._ready.set_exception(AudioError(f"text-to-speech failed to start: {exc}",
                                                 "install espeak-ng or use --silent"))
            return
        self._ready.set_result(None)
        while (job := self._jobs.get()) is not None:
            text, path, done = job
            if not done.set_running_or_notify_cancel():
                continue
            try:
                with contextlib.redirect_stdout(io.StringIO()):   # the driver prints "Audio saved to ..."
                    engine.save_to_file(text, str(path))
                    engine.runAndWait()
                if not path.exists():
                    raise AudioError("text-to-speech produced no audio", "check espeak-ng works: espeak-ng hello")
                done.set_result(path)
            except Exception as exc:
                done.set_exception(exc)

    def render(self, text: str, path: Path) -> Path:
        done: Future[Path] = Future()
        self._jobs.put((text, path, done))
        return done.result(timeout=120)

    def render_sentences(self, sentences: list[str], folder: Path) -> Iterator[Path]:
        """Queue every sentence at once and yield each WAV as soon as it is ready."""
        jobs: list[Future[Path]] = []
        for i, sentence in enumerate(sentences):
            done: Future[Path] = Future()
            self._jobs.put((sentence, folder / f"part-{i:03d}.wav", done))
            jobs.append(done)
        try:
            for done in jobs:
                yield done.result(timeout=120)
        finally:   # stopped early: drop the sentences not started, let a running one finish
            for done in jobs:
                if not done.cancel():
                    with contextlib.suppress(Exception):
                        done.result(timeout=30)

    def close(self) -> None:
        self._jobs.put(None)


def split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p.strip()]
    return parts or [text]


class SilentSpeaker:
    """Text-only interviewer (`--silent`, or no espeak-ng)."""

    name = "silent"

    def say(self, text: str, wav_path: Path | None = None) -> None:
        return None

    def stop(self) -> None:
        return None


class WavSpeaker:
    """Renders every interviewer line to numbered WAV files in a folder (`--speak-to DIR`)."""

    name = "wav"

    def __init__(self, folder: Path, synth: SpeechSynth) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.synth = synth
        self._count = itertools.count(len(list(self.folder.glob("line-*.wav"))) + 1)
        self.written: list[Path] = []

    def say(self, text: str, wav_path: Path | None = None) -> None:
        path = wav_path or self.folder / f"line-{next(self._count):03d}.wav"
        self.written.append(self.synth.render(text, path))

    def stop(self) -> None:
        return None


class DeviceSpeaker:
    """Speaks through the default output device (sounddevice), interruptible with `stop()`."""

    name = "device"

    def __init__(self, synth: SpeechSynth, play: Callable[[Path], None] | None = None) -> None:
        self.synth = synth
        self._play = play or (lambda path: play_wav(path, SPEAKER_HINT))
        self._stopped = threading.Event()

    def say(self, text: str, wav_path: Path | None = None) -> None:
        """Sentence by sentence: the first sentence plays while the next one is rendered."""
        self._stopped.clear()
        if wav_path is not None:
            self.synth.render(text, wav_path)
        with tempfile.TemporaryDirectory(prefix="coach-tts-") as tmp:
            parts = self.synth.render_sentences(split_sentences(text), Path(tmp))
            try:
                for path in parts:
                    if self._stopped.is_set():
                        break
                    self._play(path)
            finally:
                parts.close()

    def stop(self) -> None:
        self._stopped.set()
        try:
            import sounddevice as sd

            sd.stop()
        except (OSError, ImportError):
            pass


SPEAKER_HINT = "use --speak-to DIR or --silent"


def play_wav(path: Path, hint: str = "check the audio output") -> None:
    """Play a WAV file on the default output and wait for it to end: the interviewer's voice, a
    replayed answer (app and `coach replay --play`). AudioError, with `hint`, when it cannot."""
    try:
        import sounddevice as sd
        import soundfile as sf

        data, rate = sf.read(str(path), dtype="float32")
        sd.play(data, rate)
        sd.wait()
    except (OSError, ImportError) as exc:   # PortAudio missing raises OSError on import
        raise AudioError(f"cannot play {path.name}: {exc}".splitlines()[0], hint) from None
    except Exception as exc:  # sounddevice.PortAudioError: no output device, or it went away
        raise AudioError(f"no audio output for {path.name}: {exc}".splitlines()[0], hint) from None
