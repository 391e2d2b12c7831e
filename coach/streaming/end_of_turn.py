"""Hands-free end-of-turn detection (pure, fed block by block)."""
from __future__ import annotations

from coach.streaming.levels import VoiceActivity


class EndOfTurn:
    """The turn ends once speech has been heard for at least `min_speech_s` and then
    `silence_seconds + hangover_s` pass with no speech, so a thinking pause, a short
    "mm-hm" or "let me think" (speech, which restarts the count) does not end it."""

    def __init__(self, silence_seconds: float = 2.0, threshold_db: float = -45.0,
                 hangover_s: float = 0.5, min_speech_s: float = 0.3) -> None:
        self.silence_seconds = float(silence_seconds)
        self.hangover_s = hangover_s
        self.min_speech_s = min_speech_s
        self.voice = VoiceActivity(threshold_db)
        self.speech_s = 0.0
        self.silence_s = 0.0

    @property
    def threshold_db(self) -> float:
        return self.voice.threshold_db

    @property
    def noise_floor(self) -> float:
        return self.voice.noise_floor

    def is_speech(self, level_db: float) -> bool:
        return self.voice.is_speech(level_db)

    def feed(self, level_db: float, block_s: float) -> bool:
        """Account for one block; True when the answer is over."""
        if self.voice.feed(level_db):
            self.speech_s += block_s
            self.silence_s = 0.0
        else:
            self.silence_s += block_s
        return self.speech_s >= self.min_speech_s and self.silence_s >= self.silence_seconds + self.hangover_s
