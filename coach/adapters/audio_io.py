"""Reading any audio file as 16 kHz mono, and writing WAVs that survive a crash.

Decoding goes through PyAV (FFmpeg), which faster-whisper already depends on, so
wav, flac, ogg/opus, mp3 and m4a at any sample rate or channel count all work.
"""
from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np

from coach.errors import AudioError
from coach.paths import private_dirs
from coach.ports import SAMPLE_RATE


def decode_file(path: Path | str) -> np.ndarray:
    """Decode `path` to 16 kHz mono float32 in [-1, 1]."""
    path = Path(path)
    if not path.is_file():
        raise AudioError(f"no such audio file: {path}", "check the path")
    import av

    chunks: list[np.ndarray] = []
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(f"{path} has no audio track", "give a wav, flac, ogg or mp3 file")
            resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except AudioError:
        raise
    except (av.error.FFmpegError, ValueError, OSError) as exc:
        raise AudioError(
            f"cannot decode {path}: it is not a readable audio file ({type(exc).__name__})",
            "re-export it as WAV or FLAC",
        ) from None
    if not chunks:
        raise AudioError(f"{path} holds no audio samples", "record the answer again")
    pcm = np.concatenate(chunks).astype(np.float32) / 32768.0
    if pcm.size == 0:
        raise AudioError(f"{path} holds no audio samples", "record the answer again")
    return pcm


class WavWriter:
    """A 16 kHz mono 16-bit WAV written block by block.

    The header is patched and the file flushed after every block, so a crash
    loses at most the block in flight.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._broken = False
        try:
            private_dirs(path.parent)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as exc:
            raise self._error(exc) from None
        self._file = os.fdopen(fd, "wb")
        self._wav = wave.open(self._file, "wb")
        self._wav.setnchannels(1)
        self._wav.setsampwidth(2)
        self._wav.setframerate(SAMPLE_RATE)
        self.frames = 0

    def _error(self, exc: OSError) -> AudioError:
        self._broken = True
        return AudioError(f"cannot save the recording {self.path}: {exc.strerror or exc}",
                          "free some disk space and answer again; the answers before it are saved")

    def write(self, samples: np.ndarray) -> None:
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")
        try:
            self._wav.writeframes(pcm.tobytes())
            self._file.flush()
        except OSError as exc:
            raise self._error(exc) from None
        self.frames += len(pcm)

    def close(self) -> None:
        try:
            self._wav.close()
            self._file.close()
        except OSError as exc:
            if not self._broken:        # a failed write has already been reported
                raise self._error(exc) from None
        finally:
            if not self._file.closed:
                try:
                    self._file.close()
                except OSError:
                    pass

    def __enter__(self) -> "WavWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_wav(path: Path, samples: np.ndarray) -> Path:
    with WavWriter(path) as writer:
        writer.write(samples)
    return path
