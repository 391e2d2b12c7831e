"""The bench's candidate answers: about a minute of speech each, with thinking pauses.

Each answer is a whole answer to a deep-dive question, as a candidate would give it: it ends where
the story reaches its result or wraps up ("So that's how the latency budget shaped the model we
shipped."), not after whichever sentence fills the minute.

Two kinds of pause, both of which must never end the answer:
- between sentences ("||" after a sentence): 1-2 s of quiet room after a finished sentence that
  is not the end: after the situation, after an action whose result has not come, after the first
  item of an announced list; three per answer;
- mid-sentence ("|"): a sentence broken off after a filler ("and then we, um, ... ran a shadow
  test"), 0.8-1.6 s. The sentence is rendered whole and the silence is put into the voice's own
  short pause at the mark, so the words before it keep the voice's mid-sentence intonation.

Otherwise sentences follow each other as a fluent speaker's do: each voice rendering is trimmed
of its own leading and trailing silence and joined with 0.15-0.25 s of quiet.

The answer's last word is found from the audio itself (the last block above the speech level),
not from any detector: `speech_end_ms` is measured from there.
"""
from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach.ports import SAMPLE_RATE
from coach.streaming.levels import rms_dbfs

ROOM_NOISE_DBFS = -62.0
BLOCK = SAMPLE_RATE // 10

# Three answers (question, sentences); "|" marks a thinking pause mid-sentence, "||" one after the sentence.
# The first tells its result without a figure ("felt a lot faster"), as many real answers do, so the
# interviewer probes it: every session measures a follow-up, the reply that costs most.
SCRIPTS: list[tuple[str, list[str]]] = [
    ("dd-latency-budget", [
        "Two years ago I owned the ranking service for our marketplace search. ||",
        "Latency at the ninety ninth percentile had, um, | crept up to four hundred milliseconds, and the budget was two hundred.",
        "I proposed splitting retrieval from the heavy ranker and, uh, | caching the item embeddings. ||",
        "We served about three thousand queries per second at peak, so the, uh, | cache had to hold a full day of traffic.",
        "I wrote the design, and then we, um, | ran a shadow test for two weeks.",
        "The trade off was a slightly staler index, which we, you know, | accepted. ||",
        "In the end the, uh, | ranking page felt a lot faster, and the team was, um, | happy with it.",
        "So that's how the latency budget shaped the model we shipped.",
    ]),
    ("dd-scaling", [
        "When we launched, the feature service answered about two hundred requests a second from a single database. ||",
        "Over two years traffic grew about, um, | fifteen times, and the first thing to hit its limit was the, uh, | feature lookup.",
        "There were two problems with it. ||",
        "The first was that every request, um, | read the same popular rows, so one shard was always hot. ||",
        "The second was that the nightly, uh, | backfill competed with live reads.",
        "I moved the hot features into an in memory cache with a, um, | five minute expiry, and I, uh, | moved the backfill to a replica.",
        "After that, p99 latency of the lookup went from, um, | ninety milliseconds to twelve, and we have not had a hot shard since.",
    ]),
    ("dd-cost", [
        "The hardest part of that system was the cost of, um, | scoring every listing each night. ||",
        "We ran a large model over forty million listings, and the, uh, | batch took nine hours on, um, | rented GPUs.",
        "My first step was to, uh, | measure how many scores actually changed from one night to the next. ||",
        "It turned out that only about, um, | one in twenty changed.",
        "So I changed the job to rescore only the listings whose, uh, | features had moved. ||",
        "The batch now runs in, um, | forty minutes and costs a tenth of what it did.",
        "I'd measure before optimising the model next time, because the, uh, | biggest saving was in the data, not the network.",
    ]),
]


@dataclass
class Answer:
    audio: np.ndarray           # 16 kHz mono with quiet room noise
    speech_end_s: float         # where the last word ends
    between_pauses: int         # thinking pauses between sentences
    mid_pauses: int             # thinking pauses inside sentences
    pause_spans: list[tuple[float, float]]   # (start, end) of every thinking pause, seconds
    between_spans: list[tuple[float, float]]  # those of them between sentences
    text: str = ""                            # what is said (the reference for the transcript)
    question: str = "dd-latency-budget"       # the question it answers


def last_speech_s(audio: np.ndarray, threshold_db: float = -45.0) -> float:
    """End of the last 100 ms block louder than speech level."""
    end = 0
    for start in range(0, len(audio), BLOCK):
        if rms_dbfs(audio[start:start + BLOCK]) > threshold_db:
            end = min(len(audio), start + BLOCK)
    return end / SAMPLE_RATE


def _gap_near(audio: np.ndarray, at: float, reach_s: float = 0.7) -> int:
    """The middle of the longest quiet stretch within `reach_s` of fraction `at` of the audio:
    the voice's own pause at the comma the mark stands for."""
    win = SAMPLE_RATE // 100
    centre = int(at * len(audio))
    lo, hi = max(0, centre - int(reach_s * SAMPLE_RATE)), min(len(audio), centre + int(reach_s * SAMPLE_RATE))
    quiet = [rms_dbfs(audio[i:i + win]) < -40.0 for i in range(lo, hi, win)]
    best, best_len, run_start = centre, 0, None
    for j, q in enumerate(quiet + [False]):
        if q and run_start is None:
            run_start = j
        elif not q and run_start is not None:
            if j - run_start > best_len:
                best, best_len = lo + (run_start + j) // 2 * win, j - run_start
            run_start = None
    return best


def trim(audio: np.ndarray, threshold_db: float = -50.0) -> np.ndarray:
    """The audio without the voice's leading and trailing silence (10 ms resolution)."""
    win = SAMPLE_RATE // 100
    loud = [i for i in range(0, len(audio), win) if rms_dbfs(audio[i:i + win]) > threshold_db]
    return audio[loud[0]:loud[-1] + win] if loud else audio


def render_sentence(render: Callable[[str, Path], np.ndarray], text: str, folder: Path,
                    rng: random.Random) -> tuple[list[np.ndarray], int]:
    """The sentence as audio pieces with the mid-sentence pauses put in; (pieces, pauses)."""
    marks = text.count("|")
    spoken = text.replace(" |", "").replace("|", "")
    audio = trim(render(spoken, folder / f"s{abs(hash(text)) % 10**8}.wav"))
    if not marks:
        return [audio], 0
    pieces, cut_from = [], 0
    chars = [i for i, c in enumerate(text) if c == "|"]
    for k, pos in enumerate(chars):
        frac = (pos - k * 2) / max(1, len(spoken))
        cut = max(cut_from, _gap_near(audio, frac))
        pieces.append(audio[cut_from:cut])
        pieces.append(np.zeros(int(rng.uniform(0.8, 1.6) * SAMPLE_RATE), np.float32))
        cut_from = cut
    pieces.append(audio[cut_from:])
    return pieces, marks


WORDS_PER_S = 2.8      # about the voices' pace, thinking pauses included


def shortened(script: list[str], seconds: float) -> list[str]:
    """The script within about `seconds`: its first sentences, then always its last one, so that a
    short answer still ends where the candidate's answer ends."""
    budget = seconds * WORDS_PER_S - len(script[-1].split())
    kept: list[str] = []
    for line in script[:-1]:
        budget -= len(line.split())
        if budget < 0:
            break
        kept.append(line)
    return (kept or script[:1]) + script[-1:]


def make_answer(render: Callable[[str, Path], np.ndarray], index: int, seconds: float,
                rng: random.Random) -> Answer:
    """Answer `index` (the scripts in turn): about a minute of speech with its pauses, or for a
    shorter `seconds` its opening sentences and its real end (`shortened`)."""
    question, script = SCRIPTS[index % len(SCRIPTS)]
    script = shortened(script, seconds)
    parts: list[np.ndarray] = []
    between = mid = 0
    spans: list[tuple[float, float]] = []
    between_spans: list[tuple[float, float]] = []
    said: list[str] = []
    total = 0.0
    with tempfile.TemporaryDirectory(prefix="coach-bench-answer-") as tmp:
        for k, line in enumerate(script):
            pause_after = line.endswith("||")
            sentence = line.removesuffix("||").strip()
            said.append(sentence.replace(" |", "").replace("|", ""))
            pieces, marks = render_sentence(render, sentence, Path(tmp), rng)
            for j, piece in enumerate(pieces):
                if j % 2 == 1:
                    spans.append((total, total + len(piece) / SAMPLE_RATE))
                parts.append(piece)
                total += len(piece) / SAMPLE_RATE
            mid += marks
            gap = np.zeros(int(rng.uniform(0.15, 0.25) * SAMPLE_RATE), np.float32)
            parts.append(gap)
            total += len(gap) / SAMPLE_RATE
            if pause_after:
                gap = rng.uniform(1.0, 2.0)
                spans.append((total, total + gap))
                between_spans.append(spans[-1])
                parts.append(np.zeros(int(gap * SAMPLE_RATE), np.float32))
                between += 1
                total += gap
    parts.append(np.zeros(int(0.2 * SAMPLE_RATE), np.float32))
    audio = np.concatenate(parts)
    end = last_speech_s(audio)
    noise = np.random.default_rng(index).normal(0, 10 ** (ROOM_NOISE_DBFS / 20), len(audio)).astype(np.float32)
    return Answer(audio + noise, end, between, mid, spans, between_spans, " ".join(said), question)


def _make_all(voice: str, count: int, seconds: float, seed: int) -> list[Answer]:
    from coach.eval.speech_sets import renderer

    rng = random.Random(seed)
    return [make_answer(renderer(voice), i, seconds, rng) for i in range(count)]


def make_answers_apart(voice: str, count: int, seconds: float, seed: int = 7) -> list[Answer]:
    """`count` answers made in a child process: the voice's WAVs are decoded there through PyAV
    (FFmpeg), which would otherwise stay in the measured process (24 MiB) though the app's live
    session never imports it (it hands Whisper the microphone's samples). The same answers as
    `make_answer` in turn with one `random.Random(seed)`; Piper, if it says them, is loaded there."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_make_all, (voice, count, seconds, seed))
