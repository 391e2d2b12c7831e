"""Made-up sign-offs over trailing silence ("Thanks for watching!") stay out of the transcript."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from coach.adapters.audio_io import decode_file
from coach.streaming.signoff import is_made_up_ending, phrases
from coach.eval import wer
from tests.conftest import speak_to_wav

QUESTION = "Before I start, how many transactions per second do we score, and how long until the labels come back?"


def test_a_doubted_stock_sign_off_is_dropped_a_confident_one_kept() -> None:
    assert "thanks for watching" in phrases()
    assert is_made_up_ending(" Thanks for watching!", no_speech_prob=0.5, avg_logprob=-0.4)
    assert is_made_up_ending("I'll see you next time.", no_speech_prob=0.1, avg_logprob=-0.9)
    # heard with confidence: the candidate said it
    assert not is_made_up_ending("Thank you.", no_speech_prob=0.05, avg_logprob=-0.2)
    # not a stock sign-off: real words are never dropped, however doubtful
    assert not is_made_up_ending("the labels come back in thirty days", no_speech_prob=0.9, avg_logprob=-1.5)


def test_a_question_followed_by_silence_ends_with_the_question(transcriber, tmp_path: Path) -> None:
    samples = decode_file(speak_to_wav(QUESTION, tmp_path / "q.wav"))
    samples = np.concatenate([samples, np.zeros(32000, dtype=samples.dtype)])   # 2 s of silence after
    for prompt in (None, "Design a fraud detection system."):
        text = transcriber.transcribe(samples, prompt=prompt).text
        tail = wer.normalise(text)[-4:]
        assert tail == ["until", "the", "labels", "come", "back"][-4:], text
