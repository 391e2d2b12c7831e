"""What the interview loop reports as it goes: typed events for the CLI and the TUI.

Errors travel as events too, so a screen never sees an exception from a worker.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.domain import Turn

if TYPE_CHECKING:       # the app imports these events at start-up: the scorer loads when a card exists
    from coach.scoring.scorecard import Scorecard


@dataclass(frozen=True)
class SessionStarted:
    session_id: str


@dataclass(frozen=True)
class Speaking:
    """The interviewer is about to say `text`; the rest is what a screen shows with it, taken on the
    runner's thread when it was said (a screen never reads the engine)."""

    text: str
    kind: str = ""                  # question | followup | repeat | closing: the ask being said
    gap: str | None = None          # for a follow-up: the gap it probes
    question_no: int = 0            # 1-based: distinct questions reached so far (0: none yet)
    questions: int = 0              # distinct questions in the session's plan
    round_id: str | None = None     # the round in progress
    round_name: str | None = None
    round_minutes: int = 0          # its time box


@dataclass(frozen=True)
class Listening:
    prompt: str


@dataclass(frozen=True)
class Transcribing:
    seconds: float


@dataclass(frozen=True)
class Thinking:
    gap: str


@dataclass(frozen=True)
class FollowUpReady:
    """The follow-up is chosen, before it is said: whether it was drafted in the candidate's silence,
    when the interviewer model's first token came (a `time.perf_counter()` value; None when no model
    ran) and how many tokens it generated in how long (what `coach bench` reports)."""

    gap: str
    source: str                     # "model" or "bank"
    drafted_early: bool = False
    first_token_at: float | None = None
    tokens: int = 0
    generation_s: float = 0.0
    late: bool = False              # the model missed the reply deadline; the bank's follow-up for the gap was asked


@dataclass(frozen=True)
class TurnSaved:
    turn: Turn
    scorecard: Scorecard | None = None
    earlier: tuple[str, ...] = ()     # an answer to a follow-up: the earlier answers its card was scored with


@dataclass(frozen=True)
class AnswerRevised:
    """A saved answer transcribed again, primed with the question and the ML glossary (after the
    reply started): its text and scorecard as saved now (`coach.interview.final_pass`)."""

    turn: Turn
    scorecard: Scorecard | None = None
    seconds: float = 0.0            # the primed pass's compute


@dataclass(frozen=True)
class NoSpeech:
    audio_path: str


@dataclass(frozen=True)
class AudioCutShort:
    """The microphone failed mid-answer; what was recorded is transcribed and saved."""

    message: str


@dataclass(frozen=True)
class SessionEnded:
    session_id: str
    status: str
    reason: str
    overall: float | None


Event = (SessionStarted | Speaking | Listening | Transcribing | Thinking | FollowUpReady | TurnSaved | AnswerRevised
         | NoSpeech | AudioCutShort | SessionEnded)
