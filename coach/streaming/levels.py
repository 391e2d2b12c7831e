"""Loudness of audio blocks and speech/silence decisions (pure numpy, no devices)."""
from __future__ import annotations

import numpy as np


def rms_dbfs(samples: np.ndarray) -> float:
    """Loudness of a block in dBFS (-120 for digital silence); feeds the level meter."""
    if samples.size == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return -120.0 if rms <= 1e-6 else max(-120.0, 20.0 * np.log10(rms))


class VoiceActivity:
    """Is a block speech? Louder than `threshold_db` and 10 dB above the running noise floor.

    The floor follows quiet blocks quickly and loud ones never, so a humming fan
    raises it and a voice does not.
    """

    def __init__(self, threshold_db: float = -45.0) -> None:
        self.threshold_db = threshold_db
        self.noise_floor = -70.0

    def is_speech(self, level_db: float) -> bool:
        return level_db > self.threshold_db and level_db > self.noise_floor + 10.0

    def feed(self, level_db: float) -> bool:
        """Classify one block's level and update the noise floor; True for speech."""
        if self.is_speech(level_db):
            return True
        self.noise_floor = 0.9 * self.noise_floor + 0.1 * level_db
        return False
