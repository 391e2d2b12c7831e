"""A stretch Whisper skipped, found and cut at its quietest moments into pieces it decodes whole.

Why: over a long window of fluent speech, greedy decoding now and then jumps its timestamps and skips
most of it. A 34-second answer read by espeak-ng came back as 40 of its 118 words, one "segment"
spanning 25 s with 10 words in it; that stretch cut into pieces came back whole (114 words). Cutting
every long answer up front cost more than it saved (long jargon answers read whole: espeak-ng WER
23.2% -> 26.0%, Piper 11.6% -> 12.3%: each piece loses the context of the one before), so only a
segment too sparse to be speech as said (`sparse`) is transcribed again in pieces. An answer from a
file, a live window the feed outran, a tail left long at the turn's end: every path goes through the
transcriber, so the transcriber checks (coach/adapters/whisper_stt.py).
"""
from __future__ import annotations

import numpy as np

from coach.ports import SAMPLE_RATE

PIECE_S = 20.0          # no piece longer than this
MIN_PIECE_S = 8.0       # nor, but the last, shorter than this: a cut needs words on both sides
FRAME_S = 0.05          # loudness measured per 50 ms
QUIET_FRAMES = 5        # the quietest 0.25 s: a pause between words, not a consonant
SPARSE_S = 6.0          # a segment this long ...
SPARSE_WPS = 1.0        # ... with fewer words a second than this was skipped, not said (speech runs 2-3 a second)


def cut_points(audio: np.ndarray, piece_s: float = PIECE_S, min_s: float = MIN_PIECE_S) -> list[int]:
    """Sample offsets from 0 to len(audio): each piece at most `piece_s` long, cut in the middle of
    the quietest quarter-second between `min_s` and `piece_s` into it."""
    frame = int(FRAME_S * SAMPLE_RATE)
    frames = len(audio) // frame
    if len(audio) <= piece_s * SAMPLE_RATE or frames == 0:
        return [0, len(audio)]
    squares = np.square(audio[:frames * frame].astype(np.float64)).reshape(frames, frame)
    energy = np.convolve(np.sqrt(squares.mean(axis=1)), np.ones(QUIET_FRAMES) / QUIET_FRAMES, mode="same")
    cuts = [0]
    while len(audio) - cuts[-1] > piece_s * SAMPLE_RATE:
        low = (cuts[-1] + int(min_s * SAMPLE_RATE)) // frame
        high = min(frames, (cuts[-1] + int(piece_s * SAMPLE_RATE)) // frame)
        quietest = low + int(np.argmin(energy[low:high])) if high > low else high
        cuts.append(max(cuts[-1] + frame, quietest * frame))
    return cuts + [len(audio)]


def sparse(start: float, end: float, text: str) -> bool:
    """A segment too long for its words: the decoder jumped over speech."""
    return end - start >= SPARSE_S and len(text.split()) < SPARSE_WPS * (end - start)


def split_pieces(audio: np.ndarray) -> list[tuple[float, np.ndarray]]:
    """A skipped stretch as two or more pieces: at most PIECE_S, and at most about half of it, each."""
    seconds = len(audio) / SAMPLE_RATE
    piece_s = min(PIECE_S, seconds / 2 + FRAME_S * QUIET_FRAMES)
    bounds = cut_points(audio, piece_s, min_s=min(MIN_PIECE_S, seconds / 4))
    return [(start / SAMPLE_RATE, audio[start:end]) for start, end in zip(bounds, bounds[1:])]
