"""Transcribing while the candidate speaks: same words as transcribing afterwards, less left at the end."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from coach.adapters.audio_io import decode_file
from coach.followups.guards import content_words
from coach.streaming.incremental import IncrementalTranscriber
from tests.conftest import speak_to_wav

TEXT = ("Two years ago I owned the ranking service for our marketplace search. Latency had crept up to four "
        "hundred milliseconds. I proposed splitting retrieval from the heavy ranker and caching embeddings. "
        "We served about three thousand queries per second at peak. I ran a shadow test for two weeks and "
        "rolled out behind a flag. In the end latency dropped to one hundred and forty milliseconds.")


def test_incremental_transcript_matches_the_whole_answer_and_commits_while_speaking(tmp_path: Path, transcriber) -> None:
    audio = decode_file(speak_to_wav(TEXT, tmp_path / "long.wav"))
    assert len(audio) / 16000 > 20
    inc = IncrementalTranscriber(transcriber)
    for start in range(0, len(audio), 4000):
        inc.feed(audio[start : start + 4000])
    committed_before_end = len(inc.committed)
    final = inc.finish()
    whole = transcriber.transcribe(audio)
    assert committed_before_end >= 2                     # most of the answer was done before it ended
    a, b = content_words(final.text), content_words(whole.text)
    assert len(a & b) / len(b) >= 0.7, (final.text, whole.text)     # espeak speech + tiny.en: both are noisy
    for word in ("ranking", "shadow", "weeks", "milliseconds"):
        assert word in final.text.lower()
    starts = [s.start for s in final.segments]
    assert starts == sorted(starts) and final.segments[-1].end <= len(audio) / 16000 + 0.5


def test_silence_only_gives_an_empty_transcript(transcriber) -> None:
    inc = IncrementalTranscriber(transcriber)
    for _ in range(40):
        inc.feed(np.zeros(4000, np.float32))
    assert inc.finish().is_empty


def test_a_pause_transcribed_ahead_of_time_is_kept_when_the_candidate_goes_on(tmp_path: Path, transcriber) -> None:
    """The tail transcribed in a pause is not thrown away when speech resumes: its finished sentences
    are committed, so what is left at the real end is short. No windows run here (`step_s` past the
    answer's length): only the pauses' transcriptions commit."""
    said = TEXT.split(". ")
    pause = np.zeros(int(0.8 * 16000), np.float32)
    parts: list[np.ndarray] = []
    for i in range(0, len(said), 2):        # two sentences, then a pause
        text = ". ".join(said[i:i + 2]).rstrip(".") + "."
        parts += [decode_file(speak_to_wav(text, tmp_path / f"p{i}.wav")), pause]
    audio = np.concatenate(parts)
    inc = IncrementalTranscriber(transcriber, step_s=1000.0, settle_s=0.5)
    committed_at_pauses = []
    for start in range(0, len(audio), 1600):
        inc.feed(audio[start:start + 1600])
        if inc.settled():
            inc.speculate()                  # what the runner's prefetch worker does in the pause
            committed_at_pauses.append(len(inc.committed))
    final = inc.finish()
    assert committed_at_pauses[-1] >= 2, committed_at_pauses    # earlier pauses' sentences were kept
    whole = transcriber.transcribe(audio)
    a, b = content_words(final.text), content_words(whole.text)
    assert len(a & b) / len(b) >= 0.7, (final.text, whole.text)
    for word in ("ranking", "shadow", "weeks", "milliseconds"):
        assert word in final.text.lower()
    starts = [s.start for s in final.segments]
    assert starts == sorted(starts)
    texts = [s.text for s in final.segments]
    assert len(texts) == len(set(texts)), texts       # nothing transcribed twice
