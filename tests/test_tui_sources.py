"""The app's answer sources: the microphone (with a fake stream), and the UI-fed answer queue."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from coach.adapters.answer_queue import AnswerQueueSource
from coach.adapters.audio_io import decode_file, write_wav
from coach.adapters.mic import EndOfTurn, MicrophoneSource, microphone_status, output_status, parse_device
from coach.errors import AudioError, CoachError
from coach.ports import SAMPLE_RATE
from tests.fixtures.audio import BLOCK_S, dying_stream, fake_stream, silence, tone

def feed_blocks(detector: EndOfTurn, samples: np.ndarray) -> float | None:
    """Seconds into `samples` at which the detector ends the turn, or None."""
    from coach.streaming.levels import rms_dbfs

    block = int(BLOCK_S * SAMPLE_RATE)
    for start in range(0, len(samples), block):
        if detector.feed(rms_dbfs(samples[start: start + block]), BLOCK_S):
            return (start + block) / SAMPLE_RATE
    return None


def test_a_thinking_pause_does_not_end_the_turn() -> None:
    audio = np.concatenate([tone(2.0), silence(1.8), tone(1.5), silence(1.0)])
    assert feed_blocks(EndOfTurn(silence_seconds=2.0), audio) is None


def test_silence_after_speech_ends_the_turn_and_silence_alone_does_not() -> None:
    ended = feed_blocks(EndOfTurn(silence_seconds=2.0), np.concatenate([tone(1.0), silence(4.0)]))
    assert ended is not None and 3.4 <= ended <= 3.7          # 1 s speech + 2 s silence + 0.5 s hangover
    assert feed_blocks(EndOfTurn(silence_seconds=2.0), silence(6.0)) is None
    noisy = np.random.default_rng(0).normal(0, 0.002, int(5 * SAMPLE_RATE)).astype(np.float32)
    assert feed_blocks(EndOfTurn(silence_seconds=2.0), noisy) is None    # room noise is not speech


def test_hands_free_microphone_records_until_silence(tmp_path: Path) -> None:
    chunks: list[int] = []
    mic = MicrophoneSource(hands_free=True, silence_seconds=1.0, stream_factory=fake_stream(
        np.concatenate([tone(1.5), silence(0.5), tone(0.5)])))
    captured = mic.capture(tmp_path / "a.wav", on_chunk=lambda b: chunks.append(len(b)))
    assert 3.5 <= captured.duration_s <= 4.5          # 2.5 s of audio, then 1 s + hangover of quiet
    assert captured.path == tmp_path / "a.wav" and sum(chunks) == len(captured.samples)
    on_disk = decode_file(captured.path)
    assert abs(len(on_disk) - len(captured.samples)) < 160


def test_push_to_talk_ends_when_stop_is_set(tmp_path: Path) -> None:
    stop = threading.Event()
    mic = MicrophoneSource(hands_free=False, stream_factory=fake_stream(tone(30.0), realtime=1.0))
    threading.Timer(0.6, stop.set).start()
    started = time.monotonic()
    captured = mic.capture(tmp_path / "b.wav", stop=stop)
    assert time.monotonic() - started < 2.0
    assert 0.3 <= captured.duration_s <= 1.2


@pytest.mark.parametrize("how", ["stall", "raise"])
def test_microphone_lost_mid_answer_keeps_the_audio_so_far(tmp_path: Path, how: str) -> None:
    stop = threading.Event()
    mic = MicrophoneSource(hands_free=False, stall_s=0.5, stream_factory=dying_stream(tone(1.5), how))
    if how == "raise":
        threading.Timer(1.0, stop.set).start()     # the candidate presses stop; closing the device fails
    captured = mic.capture(tmp_path / "cut.wav", stop=stop)
    assert captured.cut_short and "microphone stopped" in captured.cut_short and "kept" in captured.cut_short
    assert 1.4 <= captured.duration_s <= 1.6
    assert abs(len(decode_file(tmp_path / "cut.wav")) - len(captured.samples)) < 160    # on disk, playable


def test_microphone_lost_before_any_audio_is_one_line(tmp_path: Path) -> None:
    mic = MicrophoneSource(stall_s=0.1, stream_factory=dying_stream(np.zeros(0, np.float32), "stall"))
    with pytest.raises(AudioError) as err:
        mic.capture(tmp_path / "none.wav")
    assert "microphone stopped" in err.value.one_line() and "\n" not in err.value.one_line()


def test_paused_microphone_drops_audio(tmp_path: Path) -> None:
    paused = threading.Event()
    paused.set()
    stop = threading.Event()
    mic = MicrophoneSource(paused=paused, stream_factory=fake_stream(tone(5.0), realtime=1.0))
    threading.Timer(0.5, stop.set).start()
    assert mic.capture(tmp_path / "c.wav", stop=stop).duration_s == 0


def test_device_status_never_raises_and_parses_devices() -> None:
    ok, message = microphone_status()
    assert isinstance(ok, bool) and message
    ok, message = microphone_status("no such device 123")
    assert not ok and message
    assert isinstance(output_status()[0], bool)
    assert parse_device("") is None and parse_device("3") == 3 and parse_device("USB Mic") == "USB Mic"


def test_broken_stream_is_an_audio_error(tmp_path: Path) -> None:
    def broken(*_: Any) -> Any:
        raise RuntimeError("Error querying device -1")
    with pytest.raises(AudioError) as info:
        MicrophoneSource(stream_factory=broken).capture(tmp_path / "d.wav")
    assert "microphone" in info.value.message and info.value.hint


def _capture_in_thread(source: AnswerQueueSource, dest: Path, stop: threading.Event | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["audio"] = source.capture(dest, stop=stop)
        except CoachError as exc:
            out["error"] = exc
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    out["thread"] = thread
    return out


def test_answer_queue_typed_answer(tmp_path: Path) -> None:
    source = AnswerQueueSource()
    out = _capture_in_thread(source, tmp_path / "a.wav")
    time.sleep(0.1)
    assert source.waiting.is_set()
    source.supply_text("I shipped it.")
    out["thread"].join(2)
    audio = out["audio"]
    assert audio.typed == "I shipped it." and audio.path is None and len(audio.samples) == 0
    assert not (tmp_path / "a.wav").exists()


def test_answer_queue_file_answer_and_bad_path_keeps_waiting(tmp_path: Path) -> None:
    errors: list[CoachError] = []
    chunks: list[int] = []
    source = AnswerQueueSource(on_error=errors.append, on_chunk=lambda b: chunks.append(len(b)))
    src = write_wav(tmp_path / "in.wav", tone(1.0))
    out = _capture_in_thread(source, tmp_path / "answer.wav")
    source.supply_file(tmp_path / "missing.wav")
    time.sleep(0.2)
    assert errors and "no such audio file" in errors[0].message and out["thread"].is_alive()
    source.supply_file(src)
    out["thread"].join(5)
    audio = out["audio"]
    assert audio.path == tmp_path / "answer.wav" and audio.path.is_file()
    assert abs(audio.duration_s - 1.0) < 0.05 and sum(chunks) == len(audio.samples)


def test_answer_queue_returns_promptly_on_stop(tmp_path: Path) -> None:
    source = AnswerQueueSource()
    stop = threading.Event()
    out = _capture_in_thread(source, tmp_path / "a.wav", stop)
    time.sleep(0.1)
    stopped_at = time.monotonic()
    stop.set()
    out["thread"].join(2)
    assert time.monotonic() - stopped_at < 0.5
    assert out["audio"].typed is None and len(out["audio"].samples) == 0


def test_answer_queue_records_from_the_microphone_or_explains(tmp_path: Path) -> None:
    errors: list[CoachError] = []
    source = AnswerQueueSource(on_error=errors.append)
    stop = threading.Event()
    out = _capture_in_thread(source, tmp_path / "a.wav", stop)
    source.record()
    time.sleep(0.2)
    assert errors and "no microphone" in errors[0].message
    stop.set()
    out["thread"].join(2)

    mic = MicrophoneSource(silence_seconds=0.5, stream_factory=fake_stream(np.concatenate([tone(1.0), silence(0.2)])))
    source = AnswerQueueSource(mic)
    out = _capture_in_thread(source, tmp_path / "b.wav")
    source.record(hands_free=True)
    out["thread"].join(5)
    assert out["audio"].duration_s >= 1.0 and mic.hands_free


def test_thinking_aloud_between_pauses_does_not_end_a_hands_free_answer(tmp_path: Path) -> None:
    """1.5 s pauses broken by "mm-hm" and "let me think" (real espeak-ng speech) stay inside the answer."""
    from tests.conftest import speak_to_wav

    def say(text: str, name: str) -> np.ndarray:
        return decode_file(speak_to_wav(text, tmp_path / f"{name}.wav"))

    answer = np.concatenate([
        say("We moved ranking to a two tower model.", "a"), silence(1.5), say("mm-hm", "b"), silence(1.5),
        say("let me think", "c"), silence(1.8), say("and latency dropped to forty milliseconds.", "d"),
        silence(4.0),
    ])
    mic = MicrophoneSource(hands_free=True, silence_seconds=2.0, stream_factory=fake_stream(answer))
    captured = mic.capture(tmp_path / "think.wav")
    spoken = len(answer) / SAMPLE_RATE - 4.0
    assert spoken + 2.0 <= captured.duration_s <= spoken + 3.2      # ended only after the last words
