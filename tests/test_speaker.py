"""The interviewer's voice through real espeak-ng (pyttsx3): files, sentence streaming, stop."""
from __future__ import annotations

from pathlib import Path

import soundfile as sf

from coach.adapters import tts


def test_wav_speaker_writes_real_speech(tmp_path: Path) -> None:
    speaker = tts.WavSpeaker(tmp_path, tts.SpeechSynth())
    speaker.say("Tell me about a model you chose not to ship.")
    (path,) = speaker.written
    data, rate = sf.read(str(path))
    assert rate > 8000 and len(data) / rate > 1.0 and abs(data).max() > 0.05


def test_device_speaker_plays_sentence_by_sentence_and_stops(tmp_path: Path) -> None:
    played: list[float] = []
    speaker: tts.DeviceSpeaker

    def play(path: Path) -> None:
        data, rate = sf.read(str(path))
        played.append(len(data) / rate)
        if len(played) == 2:
            speaker.stop()

    speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=play)
    speaker.say("Thanks for that. Now a harder one. How would you size the cluster? Take your time.")
    assert len(played) == 2                  # stopped after the second sentence
    assert all(seconds > 0.3 for seconds in played)


def test_split_sentences() -> None:
    assert tts.split_sentences("One. Two? Three!") == ["One.", "Two?", "Three!"]
    assert tts.split_sentences("no punctuation") == ["no punctuation"]
