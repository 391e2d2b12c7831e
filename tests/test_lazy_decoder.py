"""Memory: PyAV (17 MiB of FFmpeg) is loaded only when a file is decoded, yet Whisper transcribes
samples without it and `coach transcribe` still decodes any audio file (real faster-whisper)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import speak_to_wav

SCRIPT = """
import sys
import numpy as np
from coach import services
from coach.adapters.audio_io import decode_file
from coach.adapters.smart_turn import SmartTurn  # imports faster-whisper's feature extractor too
stt = services.build_transcriber(None)
import wave
with wave.open(sys.argv[1]) as w:
    pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
    rate = w.getframerate()
idx = (np.arange(int(len(pcm) * 16000 / rate)) * rate / 16000).astype(int)
print("words:", stt.transcribe(pcm[idx]).text)
print("loaded before a file:", "av._core" in sys.modules)
print("file:", services.transcribe_file(sys.argv[1]).text)
print("loaded after a file:", "av._core" in sys.modules)
import faster_whisper.audio
print("faster-whisper decodes:", len(faster_whisper.audio.decode_audio(sys.argv[1])) > 16000)
"""


def test_pyav_loads_only_for_a_file(tmp_path: Path) -> None:
    wav = speak_to_wav("The data loader was starving the GPUs.", tmp_path / "answer.wav")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(wav)], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout
    lines = dict(line.split(": ", 1) for line in out.strip().splitlines())
    assert "loader" in lines["words"].lower()
    assert lines["loaded before a file"] == "False"
    assert "loader" in lines["file"].lower()
    assert lines["loaded after a file"] == "True"
    assert lines["faster-whisper decodes"] == "True"
