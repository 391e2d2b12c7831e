"""Transcribing while the candidate speaks: same words as transcribing afterwards, less left at the end."""
from __future__ import annotations

from pathlib import Path
from typing import Any

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


def test_a_short_stretch_is_heard_from_its_own_seconds_and_its_words_come_back(tmp_path: Path, transcriber,
                                                                              monkeypatch) -> None:
    """The answer's tail, the words the end of turn and the reply wait for: Whisper's encoder reads the few
    seconds said (and a second of padding), not 30 s, and the words are the ones said; a primed pass reads 30 s."""
    from coach.adapters import whisper_stt

    seen: list[int] = []

    class Encoder:      # CTranslate2's Whisper, its encoder's input lengths written down
        def __init__(self, real: Any) -> None:
            self.real = real

        def encode(self, features: Any, **kw: Any) -> Any:
            seen.append(features.shape[-1])
            return self.real.encode(features, **kw)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.real, name)

    monkeypatch.setattr(transcriber._model, "model", Encoder(transcriber._model.model))
    audio = decode_file(speak_to_wav("So that's how we cut the ranking latency, and we have not had an incident since.",
                                     tmp_path / "tail.wav"))
    heard = transcriber.transcribe(audio).text.lower()
    assert seen and max(seen) < whisper_stt.FRAMES
    for word in ("ranking", "latency", "incident", "since"):
        assert word in heard, heard
    seen.clear()
    transcriber.transcribe(audio, prompt="Tell me about a latency problem.")
    assert seen and min(seen) == whisper_stt.FRAMES


class _Counting:
    """The real transcriber, counting its calls."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.calls = inner, 0

    def transcribe(self, samples: np.ndarray, **kw: Any) -> Any:
        self.calls += 1
        return self.inner.transcribe(samples, **kw)


def test_the_words_at_a_silence_come_from_a_live_window_that_already_heard_the_last_word(tmp_path: Path,
                                                                                        transcriber) -> None:
    """A live window that ran after the last word has heard the whole answer: the end-of-turn policy gets its
    words at once, and the tail is not transcribed a second time; a window that ran before the last word is
    not taken for the answer's words."""
    speech = decode_file(speak_to_wav("We cut the serving bill by half within a quarter.", tmp_path / "a.wav"))
    speech = speech[: int(np.nonzero(np.abs(speech) > 0.01)[0][-1]) + 1]     # ends on the last word
    said_s = len(speech) / 16000
    counting = _Counting(transcriber)
    inc = IncrementalTranscriber(counting, step_s=said_s + 0.3, settle_s=0.5)   # one window, 0.3 s after it
    audio = np.concatenate([speech, np.zeros(int(0.45 * 16000), np.float32)])
    for start in range(0, len(audio), 1600):
        inc.feed(audio[start:start + 1600])
    assert counting.calls == 1
    heard = inc.heard_by_now(0.0)
    assert heard is not None and "bill" in heard.lower()
    assert inc.speculate() is not None and counting.calls == 1      # the window's words, not a second pass

    early = IncrementalTranscriber(_Counting(transcriber), step_s=said_s / 2, settle_s=0.5)
    for start in range(0, len(audio), 1600):
        early.feed(audio[start:start + 1600])
    assert early.heard_by_now(0.0) is None      # its last window ran mid-answer: the tail is still to come


def test_a_window_that_ended_on_the_last_word_is_not_taken_for_the_answers_words(tmp_path: Path,
                                                                                 transcriber) -> None:
    """A live window that ran a block after the last word heard it cut off: the end-of-turn policy waits for
    the tail, which is transcribed with the room's quiet after the last word, and hears the answer whole."""
    from coach.streaming.incremental import HEARD_AFTER_S

    speech = decode_file(speak_to_wav("We cut the serving bill by half within a quarter.", tmp_path / "a.wav"))
    speech = speech[: int(np.nonzero(np.abs(speech) > 0.01)[0][-1]) + 1]
    said_s = len(speech) / 16000
    room = np.random.default_rng(3).normal(0, 10 ** (-62 / 20), int(0.25 * 16000)).astype(np.float32)
    audio = np.concatenate([speech, room])
    counting = _Counting(transcriber)
    inc = IncrementalTranscriber(counting, step_s=said_s + 0.1, settle_s=0.2)   # one window, a block after it
    for start in range(0, len(audio), 1600):
        inc.feed(audio[start:start + 1600])
    assert counting.calls == 1 and HEARD_AFTER_S > 0.15
    assert inc.heard_by_now(0.0) is None            # not the window's words: it ran too close to the last word
    heard = inc.speculate()
    assert heard is not None and counting.calls == 2
    assert "quarter" in heard.text.lower(), heard.text
    assert all(s.end <= len(audio) / 16000 + 1e-6 for s in heard.segments)   # the quiet added is not the answer's
