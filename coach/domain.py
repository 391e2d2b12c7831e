"""Plain data shared by every part of the coach.

Frozen dataclasses only: no IO, no heavy imports. The content loader builds
the content types from `rubrics/`, the scorer builds `Scorecard`s, adapters
build `Transcript`s, and the store persists `Turn`s.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:     # the scorer's card, typed; scoring imports domain, not the other way round
    from coach.scoring.scorecard import Scorecard

ROUND_IDS: tuple[str, ...] = (
    "recruiter",
    "technical-screen",
    "coding",
    "system-design",
    "deep-dive",
    "behavioral",
    "cross-functional",
    "hiring-manager",
    "napkin-math",
)
LEVEL_IDS: tuple[str, ...] = ("senior", "staff")
NO_ANSWERS = "no_answers"       # a session's status when it ended before any answer: no practice to count
ENDED_EARLY = "ended_early"     # ended by the candidate, or the answers ran out, before the last planned question
STATUS_WORDS = {"in_progress": "in progress", NO_ANSWERS: "ended with no answers", ENDED_EARLY: "ended early"}


def status_words(status: str | None) -> str:
    """A session's stored status as a person reads it: "no_answers" -> "ended with no answers"."""
    return STATUS_WORDS.get(status or "", (status or "").replace("_", " "))


# The gap vocabulary: what an answer can be missing. Scorecards name gaps with
# these ids, question-bank follow-ups are tied to them, and the interviewer
# probes them. `rubrics/gaps.toml` describes each one in words.
GAP_IDS: tuple[str, ...] = (
    "non_answer",      # "I don't know", a restated question, a few words
    "off_topic",       # talks about something else than was asked
    "no_result",       # no outcome, or an outcome with no measure
    "no_numbers",      # a design or sizing answer with no quantities
    "bad_math",        # a stated figure that the stated inputs contradict
    "we_not_i",        # "we did" with no "I did"
    "no_tradeoff",     # no alternative weighed, nothing given up
    "no_monitoring",   # no monitoring, rollout, rollback or retraining plan
    "no_clarifying",   # jumped into a design with no requirements or scope
    "no_context",      # no situation or stakes set up
    "too_long",        # ran well past the time box
    "missing_point",   # left out a talking point a strong answer covers
    "wrong_claim",     # states a known misconception of the topic as true
)

# The staff signals a rubric can ask for (its `staff_signals`, read from the dimensions' staff descriptors);
# coach.scoring.calibrate holds how each is recognised. Without a list, a rubric asks for the first three.
STAFF_SIGNAL_IDS: tuple[str, ...] = (
    "scope across teams",              # the work spans several teams, an area or a platform
    "influence without authority",     # agreement won from people who do not report to the speaker
    "long-term direction",             # a roadmap, a standard, work that outlasts the project
    "limits in production",            # where the textbook view breaks at scale or in production
    "a guard for many models",         # a shared check or practice that protects other teams' models
    "the cost of being wrong",         # the choice framed by what each kind of mistake costs the product
    "behaviour at production scale",   # streaming input, memory limits, parallel or distributed runs
    "safe in a pipeline",              # validation, logging, deterministic runs, code the team can own
    "cost and headroom",               # cost per month or per request, headroom for growth
    "organisation-level trade-off",    # build against buy, shared against team-specific, cost to other teams
    "a sanity check",                  # an estimate checked against a figure known by heart or worked another way
    "the input that moves it most",    # the assumption the estimate is most sensitive to, named
)

# Rubric dimension ids used across rounds (a round's rubric picks and weights them).
DIMENSION_IDS: tuple[str, ...] = (
    "star_structure",
    "numeric_sizing",
    "tradeoffs",
    "production_readiness",
    "ownership_scope",
    "technical_depth",
    "communication",
)

Role = Literal["interviewer", "candidate"]


@dataclass(frozen=True)
class FollowUp:
    gap: str          # one of GAP_IDS
    text: str         # as the interviewer would say it aloud; ends with "?"
    # the talking points (0-based) it asks about, as the bank says: () for none of them (it asks past what a strong
    # answer covers); None when the bank does not say (then read from its words, coach/followups/choice.py)
    points: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Estimate:
    """The known answer of an estimation question: a worked value, the range that passes, the steps' figures."""

    value: float                  # the worked answer, in `unit`
    low: float                    # answers from low to high pass
    high: float
    unit: str                     # a base unit of the scorer's sizing extractor: "/s", "B", "B/s", "$", "s", "GPUs"
    kind: str                     # the sizing kind the answer is stated in ("throughput", "storage", ...)
    answer: str                   # the worked answer in words, for the scorecard
    steps: tuple[float, ...] = ()  # the figure reached at each talking point (0: a step with no figure)


@dataclass(frozen=True)
class Misconception:
    """A wrong claim candidates make on a question's topic: shown as "Wrong: <claim> — <right>"."""

    claim: str                    # what is wrong, in plain words
    right: str                    # one line: what is true
    cues: tuple[str, ...]         # regexes (case-insensitive) for ways people state the claim
    concepts: tuple[str, ...] = ()   # cue sets of co-occurring concept groups (coach/scoring/concepts.py)
    swaps: tuple[str, ...] = ()      # two named ideas whose meanings people exchange ("a : means ; b : means")


@dataclass(frozen=True)
class Question:
    id: str                       # e.g. "sd-feed-ranking"
    round: str                    # one of ROUND_IDS
    levels: tuple[str, ...]       # subset of LEVEL_IDS
    prompt: str                   # spoken aloud by the interviewer
    assesses: str                 # what the question is for
    talking_points: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    # keywords/synonyms per talking point, parallel to talking_points; each entry
    # is a tuple of alternatives ("p99", "tail latency") used for lexical coverage
    keywords: tuple[tuple[str, ...], ...] = ()
    source: str = ""              # file it was loaded from
    estimate: Estimate | None = None   # estimation questions (napkin-math round): the known answer
    # system design: what the interviewer knows about the problem, by topic ("traffic", "latency",
    # "data", "labels", "team", "budget", "constraints", "goal"), each said as one or two sentences
    facts: tuple[tuple[str, str], ...] = ()
    change: tuple[str, str] | None = None   # (fact topic, what the interviewer says) in realistic mode
    change_now: str = ""          # that fact as it stands once the change is announced
    hypothetical: bool = False    # "what would you do": scored as a plan, no past result asked for
    opens_round: bool = False     # asked first in its round (the deep-dive's project walkthrough)
    misconceptions: tuple[Misconception, ...] = ()   # wrong claims the scorer recognises (coach/scoring/claims.py)

    def fact(self, topic: str) -> str | None:
        return next((text for name, text in self.facts if name == topic), None)


@dataclass(frozen=True)
class LevelDescriptor:
    score: int        # 1..5
    text: str


@dataclass(frozen=True)
class Dimension:
    id: str                       # one of DIMENSION_IDS
    name: str
    weight: float
    levels: tuple[LevelDescriptor, ...]   # five descriptors, 1..5
    senior: str = ""              # what the senior bar looks like
    staff: str = ""               # what the staff bar looks like


@dataclass(frozen=True)
class Rubric:
    round: str
    dimensions: tuple[Dimension, ...]
    # which sizing kinds (see scoring.sizing kinds) an answer in this round should size
    expected_sizing: tuple[str, ...] = ()
    # the staff signals (STAFF_SIGNAL_IDS) this round's staff descriptors ask for; () = the default three
    staff_signals: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoundSpec:
    id: str
    name: str
    persona: str                  # who the interviewer is, in a sentence or two
    behaviour: str                # how they run the round
    grades: tuple[str, ...]       # dimension ids
    time_box_minutes: int         # length of the round
    answer_seconds: int           # expected length of one answer
    max_followups: int = 2


@dataclass(frozen=True)
class PlanStep:
    round: str
    minutes: int
    questions: int


@dataclass(frozen=True)
class Plan:
    id: str                       # "full-loop", "drill", "warm-up"
    name: str
    description: str
    steps: tuple[PlanStep, ...]


@dataclass(frozen=True)
class Segment:
    start: float                  # seconds from the start of the answer
    end: float
    text: str


@dataclass(frozen=True)
class Transcript:
    text: str
    segments: tuple[Segment, ...] = ()
    duration_s: float | None = None
    language: str = "en"

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass
class Timings:
    """Milliseconds spent on each step of one turn; None when the step did not run."""

    transcribe_ms: int | None = None
    think_ms: int | None = None
    speak_ms: int | None = None
    score_ms: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        return {
            "transcribe_ms": self.transcribe_ms,
            "think_ms": self.think_ms,
            "speak_ms": self.speak_ms,
            "score_ms": self.score_ms,
        }


@dataclass
class Turn:
    session_id: str
    index: int
    speaker: Role
    text: str
    question_id: str | None = None
    kind: str = "question"        # question | followup | answer | closing
    audio_path: str | None = None # relative to the data dir
    segments: tuple[Segment, ...] = ()
    timings: Timings = field(default_factory=Timings)
    scores: Scorecard | None = None   # for answers: the scorer's card
    gap: str | None = None        # for follow-ups: which gap it probes
    source: str | None = None     # for follow-ups: "model" or "bank"
    duration_ms: int | None = None  # for answers: length of the audio
