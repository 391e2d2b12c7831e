"""The bundled Whisper model on real speech, silence, noise and broken files."""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from coach.adapters.audio_io import decode_file
from coach.cli import main
from coach.errors import AudioError
from tests.conftest import speak_to_wav

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "fleurs-en"


def test_transcribes_espeak_answer_with_its_content_words(wav_dir: Path, transcriber) -> None:
    wav = speak_to_wav("I trained a gradient boosted model on fraud transactions and reduced chargebacks "
                       "by twenty percent.", wav_dir / "fraud.wav")
    text = transcriber.transcribe(decode_file(wav)).text.lower()
    for word in ("model", "fraud", "transactions", "20%"):
        assert word in text, text


def test_quiet_recording_is_still_transcribed(tmp_path: Path, wav_dir: Path, transcriber) -> None:
    loud = speak_to_wav("The model drifted after the holiday season.", wav_dir / "drift.wav")
    quiet = tmp_path / "quiet.wav"
    subprocess.run(["sox", str(loud), str(quiet), "vol", "0.005"], check=True)   # about -60 dBFS
    text = transcriber.transcribe(decode_file(quiet)).text.lower()
    assert "model" in text and "drift" in text, text


def test_any_sample_rate_and_channel_count_is_resampled(tmp_path: Path, wav_dir: Path) -> None:
    src = speak_to_wav("Latency matters for ranking.", wav_dir / "rank.wav")
    stereo = tmp_path / "stereo44k.flac"
    subprocess.run(["sox", str(src), "-r", "44100", "-c", "2", str(stereo)], check=True)
    mono16 = decode_file(src)
    converted = decode_file(stereo)
    assert converted.dtype == np.float32
    assert abs(len(converted) - len(mono16)) < 16000 * 0.05   # same length in 16 kHz samples


def test_transcribe_command_reads_ogg(capsys: pytest.CaptureFixture[str]) -> None:
    clip = SHARED / "fleurs-en-000.ogg"
    if not clip.exists():
        pytest.skip("shared eval clips not present")
    assert main(["transcribe", str(clip)]) == 0
    out = capsys.readouterr().out.lower()
    assert "communication channels" in out


@pytest.mark.parametrize("make", ["silence", "noise"])
def test_silence_and_noise_yield_no_speech_not_invented_words(tmp_path: Path, make: str, capsys) -> None:
    wav = tmp_path / f"{make}.wav"
    effect = ["trim", "0", "4"] if make == "silence" else ["synth", "4", "whitenoise", "vol", "0.01"]
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(wav), *effect], check=True)
    assert main(["transcribe", str(wav)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coach: no speech detected") and err.count("\n") == 1


def test_corrupt_and_missing_files_give_one_line_errors(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEfmt garbage" * 50)
    assert main(["transcribe", str(bad)]) == 1
    assert "cannot decode" in capsys.readouterr().err
    assert main(["transcribe", str(tmp_path / "absent.wav")]) == 1
    assert "no such audio file" in capsys.readouterr().err


def test_empty_file_is_an_audio_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(empty), "trim", "0", "0"], check=True)
    with pytest.raises(AudioError):
        decode_file(empty)
