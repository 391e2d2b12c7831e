"""Long audio cut at its quietest moments into pieces Whisper decodes whole.

Why: over one window of 25-35 s of fluent speech, greedy decoding now and then jumps its timestamps
and skips most of the window. A 34-second answer read by espeak-ng came back as 40 of its 118 words,
one "segment" spanning 25 s; cut into pieces of at most 20 s it came back whole (114 words). An
answer transcribed from a file, a live window the feed outran, a tail left long at the turn's end:
every path goes through the transcriber, so the transcriber cuts (coach/adapters/whisper_stt.py).
"""
from __future__ import annotations

import numpy as np

from coach.ports import SAMPLE_RATE

PIECE_S = 20.0          # no piece longer than this
MIN_PIECE_S = 8.0       # nor, but the last, shorter than this: a cut needs words on both sides
FRAME_S = 0.05          # loudness measured per 50 ms
QUIET_FRAMES = 5        # the quietest 0.25 s: a pause between words, not a consonant


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


def pieces(audio: np.ndarray, piece_s: float = PIECE_S) -> list[tuple[float, np.ndarray]]:
    """The audio as (start in seconds, samples) pieces, cut by `cut_points`."""
    bounds = cut_points(audio, piece_s)
    return [(start / SAMPLE_RATE, audio[start:end]) for start, end in zip(bounds, bounds[1:])]
