"""A long answer keeps its words: a stretch the decoder skipped (a segment too sparse to be speech) is
transcribed again in pieces cut at its quietest moments (coach/streaming/pieces.py), whichever path the
audio comes by (a file, the live windows, the tail)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from coach.ports import SAMPLE_RATE
from coach.streaming.pieces import PIECE_S, cut_points, sparse
from tests.conftest import speak_to_wav

STORY = ("So the biggest mistake, I think, was on our ranking team a couple of years ago. We were migrating the feature "
         "pipeline from a nightly batch job to a streaming one, and I signed off on the cutover without a shadow period "
         "because the offline metrics matched. Two days later click through on the home feed dropped about four percent, "
         "and it turned out one of the features was computed in local time in the stream but in UTC in the batch job, so "
         "the model saw shifted hour of day values. I rolled back, wrote the postmortem, and we added a parity check that "
         "compares a sample of streamed features against the batch values before any cutover.")


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


def test_a_segment_too_long_for_its_words_was_skipped_and_speech_at_any_pace_was_not() -> None:
    assert sparse(4.6, 29.3, "We were migrating the feature pipeline from an item at Job")   # 10 words in 25 s
    assert not sparse(0.0, 8.0, "so we rolled the ranker back and paged the feature team on call that night")
    assert not sparse(10.0, 13.0, "okay")              # a short pause with a word in it is just a pause


def test_a_long_spoken_answer_read_from_a_file_keeps_its_words(tmp_path: Path, transcriber) -> None:
    """espeak-ng's default voice at its default pace: read whole, Whisper skipped 25 s of this answer (40 of
    118 words came back)."""
    from coach.adapters.audio_io import decode_file

    audio = decode_file(speak_to_wav(STORY, tmp_path / "story.wav", rate=175, voice="en"))
    assert len(audio) > 30 * SAMPLE_RATE                 # longer than one Whisper window
    heard = transcriber.transcribe(audio)
    assert len(heard.text.split()) >= 0.85 * len(STORY.split()), heard.text
    middle = heard.text.lower()                          # the stretch the decoder had skipped: the middle
    assert "local time" in middle and "rolled back" in middle, heard.text
    assert all(0 <= s.start <= s.end <= len(audio) / SAMPLE_RATE + 2.5 for s in heard.segments)   # in order, in the answer
