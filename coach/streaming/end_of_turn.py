"""Hands-free end-of-turn detection (pure, fed block by block).

Two policies share one detector:
- silence: the turn ends once speech has been heard for at least `min_speech_s` and then
  `silence_seconds + hangover_s` pass with no speech, so a thinking pause, a short "mm-hm"
  or "let me think" (speech, which restarts the count) does not end it;
- meaning (`ask_after_s` set): after that much silence the caller asks an end-of-turn model
  whether the answer sounds finished (`due`, then `judged`). "Complete" ends the turn at once;
  "incomplete" keeps listening, and the silence rule above still ends the turn at its maximum.
  The model is asked once per silence (speech in between makes it due again), or with `ask_every_s`
  again as the silence grows, up to `ask_until_s`: its surest verdict of the silence counts, since a
  finished answer often sounds finished only once a little silence follows it (used only where the
  words weigh in: alone, the model hears more of a thinking pause as finished the longer it lasts).
  What the transcript says so far weighs in as a person's ear would: a "complete" from the
  model does not end the turn when the words so far trail off on a connective, an article or a
  filler ("... drift in the", "and then we, um") or are only a few words; the silence rule
  then ends it (`sounds_unfinished`).
  Past the tail, the answer as a whole weighs in (`coach.streaming.answer_end`): where the words are
  sure the answer is over (a wrap-up or a lesson said in so many words) and the model hears it
  complete the turn ends at once; otherwise the wait is graded (1.8 s, or the silence rule's maximum)
  by how sure the two are. An "end" the words are not sure of (read from a live transcript's STAR
  labels or sentence count, which mishearing flips) waits as the silence rule does.
"""
from __future__ import annotations

import re

from coach.content import turn_end_words
from coach.domain import Question
from coach.streaming import answer_end
from coach.streaming.answer_end import COMPLETE, trailing
from coach.streaming.levels import VoiceActivity

ASK_EVERY_S = 0.3    # by meaning: the model is asked again this often as a silence grows ...
ASK_UNTIL_S = 1.2    # ... up to this much silence
MIN_WORDS = 8        # fewer words than this is not yet an answer to a mock-interview question


def sounds_unfinished(text: str) -> bool:
    """The words so far stop mid-thought: on a trailing word, a comma or dash, an ellipsis, or
    after only a few words."""
    text = text.strip()
    words = re.findall(r"[a-z0-9']+", text.lower())
    if len(words) < MIN_WORDS:
        return True
    if text.endswith(("...", "…", ",", "-", "—")):
        return True
    last = words[-1]
    if text.endswith(".") and last in turn_end_words.words("trailing", "after_full_stop"):
        return False            # "... and we have not had one since."
    if last in ("know", "mean") and len(words) > 1 and words[-2] in ("you", "i"):
        return True
    if answer_end.offers_more_on_those(re.split(r"(?<=[.?!])\s+", text)[-1]):
        return False            # "... happy to dig into any of those"
    return last in trailing()


class EndOfTurn:
    def __init__(self, silence_seconds: float = 2.0, threshold_db: float = -45.0,
                 hangover_s: float = 0.5, min_speech_s: float = 0.3, ask_after_s: float | None = None,
                 ask_every_s: float | None = None, ask_until_s: float = ASK_UNTIL_S) -> None:
        self.silence_seconds = float(silence_seconds)
        self.hangover_s = hangover_s
        self.min_speech_s = min_speech_s
        self.ask_after_s = ask_after_s
        self.ask_every_s = ask_every_s      # asked again this often as the silence grows (None: once per silence)
        self.ask_until_s = ask_until_s      # ... up to this much silence
        self.voice = VoiceActivity(threshold_db)
        self.speech_s = 0.0
        self.silence_s = 0.0
        self._next_ask: float | None = ask_after_s    # the silence at which the model is due next
        self.probabilities: list[float] = []    # the model's verdicts on this silence, in order
        self.end_after_s: float | None = None   # the graded wait this silence was given, if any
        self.verdicts: list[bool] = []     # ended at once or not, per ask, in order (for the record)
        self.reasons: list[str] = []       # why, per ask weighed against the words
        self.heard: list[str] = []         # the words so far, in full, per ask weighed against them ("" not yet known)

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
            self._next_ask = self.ask_after_s
            self.probabilities = []
            self.end_after_s = None
        else:
            self.silence_s += block_s
        if self.speech_s < self.min_speech_s:
            return False
        return self.silence_s >= (self.longest_s if self.end_after_s is None else self.end_after_s)

    @property
    def longest_s(self) -> float:
        """The silence rule's maximum: `silence_seconds` plus the hangover."""
        return self.silence_seconds + self.hangover_s

    @property
    def due(self) -> bool:
        """Time to ask the end-of-turn model (meaning policy): speech, then `ask_after_s` of silence."""
        return (self._next_ask is not None and self.speech_s >= self.min_speech_s
                and self.silence_s >= self._next_ask - 1e-9)      # 0.1 s blocks do not add up to 0.6 exactly

    def asking(self, probability: float | None = None) -> None:
        """The model has been asked at this point of the silence (`probability`: its verdict, which may
        wait on the words so far); with `ask_every_s` it is due again a little later, up to `ask_until_s`."""
        if probability is not None:
            self.probabilities.append(float(probability))
        every = self.ask_every_s
        after = self.silence_s + every if every else None
        self._next_ask = after if after is not None and after <= self.ask_until_s + 1e-9 else None

    @property
    def probability(self) -> float:
        """The surest the model has been this silence that the answer sounds finished (0 before it is asked)."""
        return max(self.probabilities, default=0.0)

    def judged(self, probability: float | bool | None, heard: str | None = None, kind: str | None = None,
               question: Question | None = None) -> bool:
        """Record the model's verdict for this silence (`probability` that the answer sounds finished; None:
        no new one, the words have come), weighed against `heard` (the transcript so far, None when it is not
        known in time); True when it ends the turn now. With `kind` (the question's: story, design, technical,
        estimate, plan; `question`: what was asked) the answer's completeness and the model's surest verdict this
        silence set a graded wait (`end_after_s`) that `feed` then ends the turn at."""
        if probability is not None:
            self.asking(float(probability))
        complete = self.probability > COMPLETE
        if kind is None:
            ends = complete and not (heard is not None and sounds_unfinished(heard))
            self.verdicts.append(ends)
            return ends
        sure = False
        if heard is None:
            says, why = "unsure", "the words not known yet"
        elif sounds_unfinished(heard):
            says, why = "goes_on", "the words trail off"
        else:
            verdict = answer_end.judge(heard, kind, question)
            says, why, sure = verdict.says, "; ".join(verdict.reasons), verdict.sure
        self.end_after_s = answer_end.wait_s(says, self.probability, self.longest_s, sure)
        says = "end, sure" if says == "end" and sure else says
        self.heard.append(heard or "")
        tail = "" if heard is None else " ".join(heard.split()[-6:])
        self.reasons.append(f"{says} ({why}; heard '... {tail}'), audio {self.probability:.2f} complete at "
                            f"{self.silence_s:.1f} s: wait {self.end_after_s:.1f} s")
        ends = self.silence_s >= self.end_after_s
        self.verdicts.append(ends)
        return ends
