"""Never hearing itself, and stopping when the candidate talks over it (headphones)."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from coach.adapters import tts
from coach.adapters.audio_io import decode_file
from coach.adapters.mic import MicrophoneSource
from coach.adapters.wav_stream import WavMicrophone
from coach.ports import SAMPLE_RATE
from tests.conftest import speak_to_wav


def room(seconds: float) -> np.ndarray:
    return np.random.default_rng(2).normal(0, 10 ** (-62 / 20), int(seconds * SAMPLE_RATE)).astype(np.float32)


class Device:
    """Stands in for the sound card (there is none here): plays a WAV for its length, cut off by stop."""

    def __init__(self) -> None:
        self.speaker: tts.DeviceSpeaker | None = None
        self.stopped_at: float | None = None

    def play(self, path: Path) -> None:
        ends = time.perf_counter() + sf.info(str(path)).duration
        while time.perf_counter() < ends:
            assert self.speaker is not None
            if self.speaker.stopped:
                self.stopped_at = time.perf_counter()
                return
            time.sleep(0.005)


def test_talking_over_the_interviewer_stops_it_fast_and_is_kept(tmp_path: Path, transcriber) -> None:
    words = decode_file(speak_to_wav("Sorry, can I ask about the latency budget first?", tmp_path / "c.wav"))
    onset_s = 1.0
    mic = WavMicrophone([np.concatenate([room(onset_s), words, room(3.0)])])
    source = MicrophoneSource(hands_free=True, silence_seconds=1.0, stream_factory=mic, headphones=True)
    device = Device()
    speaker = device.speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=device.play)
    line = "Let us turn to capacity. How many machines would you need for ten times the traffic, and why?"
    assert source.speak_over(lambda: speaker.say(line), speaker.stop)
    assert mic.started_at is not None and device.stopped_at is not None
    # the stand-in hands over each 50 ms block as it starts; a sound card does as it ends: add one block
    stopped_after = device.stopped_at - (mic.started_at + onset_s) + 0.05
    print(f"the voice stopped {stopped_after * 1000:.0f} ms after the candidate's first word")
    assert stopped_after < 0.2                                           # within 200 ms of the first word
    captured = source.capture(tmp_path / "answer.wav")
    heard = transcriber.transcribe(captured.samples).text.lower()
    assert "sorry" in heard and "latency budget" in heard, heard           # nothing the candidate said is lost


def test_without_headphones_the_interviewer_is_not_heard_as_the_answer(tmp_path: Path, transcriber) -> None:
    voice = decode_file(speak_to_wav("How would you shard the feature store?", tmp_path / "q.wav"))
    answer = decode_file(speak_to_wav("By user id, with a consistent hash.", tmp_path / "a.wav"))
    mic = WavMicrophone([np.concatenate([voice, room(0.3), answer, room(3.0)])])
    playing = threading.Event()
    playing.set()                     # the interviewer's voice is still coming out of the speakers
    threading.Timer(len(voice) / SAMPLE_RATE + 0.15, playing.clear).start()
    source = MicrophoneSource(hands_free=True, silence_seconds=1.0, stream_factory=mic, speaking=playing)
    assert not source.speak_over(lambda: None, lambda: None)               # no headphones: no barge-in
    captured = source.capture(tmp_path / "answer.wav")
    heard = transcriber.transcribe(captured.samples).text.lower()
    assert "consistent hash" in heard and "feature store" not in heard, heard
