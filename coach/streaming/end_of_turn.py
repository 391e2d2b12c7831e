"""Hands-free end-of-turn detection (pure, fed block by block).

Two policies share one detector:
- silence: the turn ends once speech has been heard for at least `min_speech_s` and then
  `silence_seconds + hangover_s` pass with no speech, so a thinking pause, a short "mm-hm"
  or "let me think" (speech, which restarts the count) does not end it;
- meaning (`ask_after_s` set): after that much silence the caller asks an end-of-turn model
  whether the answer sounds finished (`due`, then `judged`). "Complete" ends the turn at once;
  "incomplete" keeps listening, and the silence rule above still ends the turn at its maximum.
  The model is asked once per silence: speech in between makes it due again.
"""
from __future__ import annotations

from coach.streaming.levels import VoiceActivity


class EndOfTurn:
    def __init__(self, silence_seconds: float = 2.0, threshold_db: float = -45.0,
                 hangover_s: float = 0.5, min_speech_s: float = 0.3, ask_after_s: float | None = None) -> None:
        self.silence_seconds = float(silence_seconds)
        self.hangover_s = hangover_s
        self.min_speech_s = min_speech_s
        self.ask_after_s = ask_after_s
        self.voice = VoiceActivity(threshold_db)
        self.speech_s = 0.0
        self.silence_s = 0.0
        self._asked = False
        self.verdicts: list[bool] = []     # the model's answers, in order (for the record)

    @property
    def threshold_db(self) -> float:
        return self.voice.threshold_db

    @property
    def noise_floor(self) -> float:
        return self.voice.noise_floor

    def is_speech(self, level_db: float) -> bool:
        return self.voice.is_speech(level_db)

    def feed(self, level_db: float, block_s: float) -> bool:
        """Account for one block; True when the answer is over by the silence rule."""
        if self.voice.feed(level_db):
            self.speech_s += block_s
            self.silence_s = 0.0
            self._asked = False
        else:
            self.silence_s += block_s
        return self.speech_s >= self.min_speech_s and self.silence_s >= self.silence_seconds + self.hangover_s

    @property
    def due(self) -> bool:
        """Time to ask the end-of-turn model (meaning policy): speech, then `ask_after_s` of silence."""
        return (self.ask_after_s is not None and not self._asked and self.speech_s >= self.min_speech_s
                and self.silence_s >= self.ask_after_s)

    def judged(self, complete: bool) -> bool:
        """Record the model's answer for this silence; True when it ends the turn."""
        self._asked = True
        self.verdicts.append(complete)
        return complete
