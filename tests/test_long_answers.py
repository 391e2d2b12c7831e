"""A long answer keeps its words: audio past 20 s is cut at its quietest moments before Whisper
hears it (coach/streaming/pieces.py), whichever path it comes by (a file, the live windows, the tail)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from coach.ports import SAMPLE_RATE
from coach.streaming.pieces import PIECE_S, cut_points
from conftest import speak_to_wav

STORY = ("So the biggest mistake I made was on a ranking team two years ago. We were moving the feature pipeline "
         "from a nightly batch job to a streaming one, and I approved the cutover without a shadow period because "
         "the offline metrics matched. Two days later the click rate on the home feed fell about four percent, and "
         "it turned out one feature was computed in local time in the stream but in UTC in the batch job, so the "
         "model saw the hour of day shifted. I rolled back, wrote the postmortem, and added a parity check that "
         "compares a sample of streamed features with the batch values before any cutover.")


def _speech(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.2 * np.sin(2 * np.pi * 220 * t) * (1 + np.sin(2 * np.pi * 3 * t))).astype(np.float32)


def test_long_audio_is_cut_inside_its_pause_and_no_piece_is_too_long() -> None:
    pause = np.zeros(int(0.6 * SAMPLE_RATE), np.float32)
    audio = np.concatenate([_speech(12.0), pause, _speech(15.0), pause, _speech(9.0)])
    cuts = cut_points(audio)
    assert cuts[0] == 0 and cuts[-1] == len(audio)
    assert all(0 < b - a <= PIECE_S * SAMPLE_RATE for a, b in zip(cuts, cuts[1:]))
    first_pause = (12.0 * SAMPLE_RATE, 12.6 * SAMPLE_RATE)
    assert first_pause[0] <= cuts[1] <= first_pause[1]
    assert cut_points(_speech(PIECE_S - 1)) == [0, int((PIECE_S - 1) * SAMPLE_RATE)]   # short audio: one piece


def test_a_long_spoken_answer_read_from_a_file_keeps_its_words(tmp_path: Path, transcriber) -> None:
    from coach.adapters.audio_io import decode_file

    audio = decode_file(speak_to_wav(STORY, tmp_path / "story.wav", rate=175))
    assert len(audio) > 30 * SAMPLE_RATE                 # longer than one Whisper window
    heard = transcriber.transcribe(audio)
    assert len(heard.text.split()) >= 0.85 * len(STORY.split()), heard.text
    assert "parity" in heard.text.lower() or "postmortem" in heard.text.lower().replace("-", "")
    assert all(0 <= s.start <= s.end <= len(audio) / SAMPLE_RATE for s in heard.segments)
