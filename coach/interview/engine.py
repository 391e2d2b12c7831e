"""The interview as a pure state machine.

plan -> ask -> listen -> score -> decide (follow up, next question, wrap up),
within each round's time box and a cap on follow-ups per question. Time comes in
with the events (`now` in seconds), so tests drive it with a fake clock and the
TUI and the headless runner drive it alike. No IO here.

An interrupted session picks up where it stopped with `start(now, at=point)`
(see `coach.interview.resume`). Time boxes on resume: the time spent before the
interruption is not known on this clock, so the round in progress and every round
after it get their full time box, counted from the moment of resume.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.domain import Question, RoundSpec
from coach.followups.findings import Finding
from coach.followups.first import past_answered, point_left_out, probe_order
from coach.followups.taken_up import READ, takes_up
from coach.interview import fact_change
from coach.interview.resume import ResumePoint
from coach.scoring.gaps import Gap
from coach.scoring.scorecard import Scorecard

# Below this a gap is left for the feedback. A missed talking point outside the technical rounds (0.2-0.25,
# coach/scoring/gaps.py) is above it: ranked last, it is probed when nothing larger is open (a thin plan
# for a what-would-you-do question, an opinion answer that skips half of what was asked).
FOLLOW_UP_MIN_SEVERITY = 0.2
# Set up (or not) by the main answer: after a follow-up they are left for the feedback, not probed again
# (a follow-up's own card, kept when it dodges, lacks them by nature).
NOT_PROBED_AFTER_FOLLOW_UP = frozenset({"no_context", "no_clarifying", "missing_point"})
# Gaps about this one answer (not about what the story or design covered so far): an earlier
# answer that did not have them does not close them.
LOCAL_GAPS = frozenset({"non_answer", "off_topic", "bad_math", "too_long"})
DIG_DEPTH = 3            # realistic mode and staff level: up to three follow-ups deep on one question
BAR = 3.5                # an answer at or above this overall score has reached the bar: stop digging
MAX_PROBES_PER_GAP = 2   # a gap still open after two probes is left for the feedback
MAX_CLARIFICATIONS = 4   # clarifying questions answered per question before the interviewer moves the candidate on


@dataclass(frozen=True)
class Ask:
    """Say this to the candidate, then listen."""

    text: str
    question: Question
    kind: str                 # "question", "followup", "repeat", "clarification" (facts) or "change" (a fact changed)
    gap: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class NeedFollowUp:
    """The driver should produce a follow-up for `gap`, then call `followup_ready`."""

    question: Question
    gap: str
    answer: str
    asked: tuple[str, ...]
    target: str = ""          # what the scorer found for that gap (its evidence): what to aim the question at
    finding: Finding | None = None   # the same with the wrong figure and the points covered so far


@dataclass(frozen=True)
class WrapUp:
    reason: str               # "plan done", "time", "ended by candidate", "no more answers"


Action = Ask | NeedFollowUp | WrapUp


@dataclass
class _Slot:
    question: Question
    round: RoundSpec
    followups: int = 0
    started_at: float | None = None
    clarified: list[str] = field(default_factory=list)      # the candidate's clarifying questions
    probed: list[str] = field(default_factory=list)         # gaps already followed up
    open_gaps: set[str] | None = None                       # gaps every answer to this question so far had
    changed: bool = False                                   # the fact change was announced
    said_at_change: int = 0                                 # how many answers came before it (their words were known)
    change_pressed: bool = False                            # the change said again to an answer that ignored it
    given: list[str] = field(default_factory=list)          # fact topics already told the candidate
    covered: set[str] = field(default_factory=set)          # talking points any answer to this question covered
    found: list[Gap] = field(default_factory=list)          # the gaps of the last answer
    answered_probes: set[str] = field(default_factory=set)  # gaps whose probe a reply took up: not probed again
    said: list[str] = field(default_factory=list)           # every answer to this question so far


@dataclass
class InterviewEngine:
    items: Sequence[tuple[Question, RoundSpec]]
    max_followups: int | None = None       # overrides each round's own cap when set
    state: str = "idle"                    # idle, asking, listening, deciding, done
    index: int = -1
    asked: list[str] = field(default_factory=list)
    round_started: dict[str, float] = field(default_factory=dict)
    last_ask: Ask | None = None
    mode: str = "practice"                 # "realistic": dig deeper, and one system-design fact changes
    level: str = "senior"                  # "staff": dig deeper

    # -- helpers ------------------------------------------------------------
    @property
    def current(self) -> _Slot:
        return self._slots[self.index]

    def __post_init__(self) -> None:
        self._slots = [_Slot(q, r) for q, r in self.items]

    @property
    def digs(self) -> bool:
        """Realistic mode and staff level probe one story or design two or three levels deep."""
        return self.mode == "realistic" or self.level == "staff"

    def _cap(self, slot: _Slot) -> int:
        if self.max_followups is not None:
            return self.max_followups
        return max(slot.round.max_followups, DIG_DEPTH) if self.digs else slot.round.max_followups

    def _round_over(self, slot: _Slot, now: float) -> bool:
        started = self.round_started.get(slot.round.id)
        return started is not None and now - started >= slot.round.time_box_minutes * 60

    def _ask(self, ask: Ask) -> Ask:
        self.asked.append(ask.text)
        self.last_ask = ask
        self.state = "asking"
        return ask

    def _next_question(self, now: float) -> Action:
        while self.index + 1 < len(self._slots):
            self.index += 1
            slot = self.current
            self.round_started.setdefault(slot.round.id, now)
            if self._round_over(slot, now):
                continue      # that round's time is spent: skip its remaining questions
            slot.started_at = now
            return self._ask(Ask(text=slot.question.prompt, question=slot.question, kind="question"))
        self.state = "done"
        return WrapUp("plan done")

    # -- events -------------------------------------------------------------
    def start(self, now: float = 0.0, at: ResumePoint | None = None) -> Action:
        """The first action; with `at`, the first action of a resumed session (see the module docstring)."""
        if at is not None and at.pending != "start":
            return self._resume(at, now)
        if not self._slots:
            self.state = "done"
            return WrapUp("plan done")
        return self._next_question(now)

    def _resume(self, at: ResumePoint, now: float) -> Action:
        if at.pending == "close" or not 0 <= at.index < len(self._slots):
            self.index = min(max(at.index, -1), len(self._slots) - 1)
            self.state = "done"
            return WrapUp("plan done")
        self.index = at.index
        self.asked = list(at.asked)
        slot = self.current
        slot.followups, slot.started_at = at.followups, now
        slot.probed, slot.clarified, slot.changed = list(at.probed), list(at.clarified), at.changed
        earlier = at.answer_gaps[:-1] if at.pending == "decide" else at.answer_gaps   # "decide" re-reads the last
        for ids in earlier:
            slot.open_gaps = set(ids) if slot.open_gaps is None else slot.open_gaps & ids
        self.round_started[slot.round.id] = now          # the round in progress gets its full time again
        if at.ask is not None:
            self.last_ask = Ask(text=at.ask.text, question=slot.question, kind=at.ask.kind,
                                gap=at.ask.gap, source=at.ask.source)
        if at.pending == "decide":
            self.state = "listening"
            return self.answered(at.answer or "", at.scorecard or Scorecard(), now)
        if self.last_ask is None:      # "ask" with nothing said: ask the slot's question
            return self._ask(Ask(text=slot.question.prompt, question=slot.question, kind="question"))
        return self.repeat()           # asked, never answered: ask it again

    def spoken(self) -> None:
        """The question has been said; the candidate's turn."""
        self.state = "listening"

    def answered(self, answer: str, scorecard: Scorecard, now: float = 0.0) -> Action:
        """Decide what follows an answer: a follow-up on the largest gap still open, else the next question.

        A gap is still open when no answer to this question so far was free of it (what the candidate
        already said is never asked for again, and a gap whose probe a reply took up is closed: coach/followups/taken_up.py);
        one gap is probed at most twice, never with the same question. When
        digging (realistic mode, staff level), an answer that reaches the bar ends the probing, and points a story or
        plan still misses below the bar stay open to the next probe; in
        realistic mode a system-design question's fact changes after the first design answer (a pass or
        an off-topic turn is not one), and an answer to the change that never takes it up hears it once more."""
        self.state = "deciding"
        slot = self.current
        found = [g for g in scorecard.gaps if g.id]        # the card's own gaps, as the candidate sees them
        if slot.probed and [g.id for g in found] == ["off_topic"]:
            # An answer to a follow-up is about the follow-up, so it shares few of the question's words; it is
            # not off topic. It is taken to answer what was probed; the other gaps stay as they were.
            found = [g for g in slot.found if g.id != slot.probed[-1]]
        slot.found = found
        ids = {g.id for g in found}
        slot.open_gaps = ids if slot.open_gaps is None else slot.open_gaps & ids
        slot.covered |= {p.point for p in scorecard.talking_points.covered}
        slot.said.append(answer)
        ask = self.last_ask
        probe = ask.gap if ask is not None and ask.kind == "followup" else None
        if probe and "non_answer" not in ids and takes_up(probe, answer):
            slot.answered_probes.add(probe)     # the story as a whole may still show it: the probe was answered
        # a probe the reply dodged ("it was a team effort, we all pitched in" to "what did you do yourself?") while its
        # gap is still open: pressed once more, even on a story at the bar
        dodged = probe if probe in READ and probe in ids and probe not in slot.answered_probes else None
        # digging below the bar, points still missed stay open: the next probe takes the next missed point
        dig_points = self.digs and scorecard.overall < BAR
        gaps = [g for g in probe_order(found, scorecard, slot.round.id, answer) if g.severity >= FOLLOW_UP_MIN_SEVERITY
                and not (slot.followups and g.id in NOT_PROBED_AFTER_FOLLOW_UP and not (dig_points and g.id == "missing_point"))
                and slot.probed.count(g.id) < MAX_PROBES_PER_GAP and g.id not in slot.answered_probes
                and (g.id in LOCAL_GAPS or g.id in slot.open_gaps)]
        if slot.followups >= self._cap(slot) or self._round_over(slot, now):
            return self._next_question(now)
        if (self.last_ask is not None and self.last_ask.kind == "change" and not slot.change_pressed
                and not fact_change.takes_up(answer, slot.question, " ".join(slot.said[:slot.said_at_change]))):
            slot.change_pressed = True       # the answer went on about something else: say the change once more
            slot.followups += 1
            return self._ask(Ask(text=fact_change.press(slot.question), question=slot.question, kind="change",
                                 gap=None, source="facts"))
        if self.mode == "realistic" and slot.question.change and not slot.changed and "non_answer" not in ids:
            slot.changed = True
            slot.said_at_change = len(slot.said)
            slot.given.append(slot.question.change[0])
            slot.followups += 1
            return self._ask(Ask(text=slot.question.change[1], question=slot.question, kind="change",
                                 gap=None, source="facts"))
        # the bar stops the digging, not the first probe: an answer at the bar with a gap open (a tenfold slip that
        # turns noise into "clearly real") hears the follow-up practice mode would ask, and no deeper one
        reached = self.digs and slot.followups > 0 and scorecard.overall >= BAR
        if reached and dodged is not None and (pressed := [g for g in gaps if g.id == dodged]):
            gaps, reached = pressed, False
        if not gaps and ((not found and not slot.followups) or dig_points) and \
                slot.probed.count("missing_point") < MAX_PROBES_PER_GAP and (left_out := point_left_out(scorecard)) is not None:
            # nothing open, but the answer left a point of the question out: ask about it (digging below the bar, a
            # point the story still misses once its probes are answered is the next probe too)
            gaps = [left_out]
        # a point about what an answered probe asked for was given in the reply's own words: not asked for next
        gaps = [g for g in (past_answered(g, scorecard, slot.answered_probes) for g in gaps) if g is not None]
        if gaps and not reached:
            top = gaps[0]
            return NeedFollowUp(question=slot.question, gap=top.id, answer=answer, asked=tuple(self.asked),
                                target=top.evidence,
                                finding=Finding.of(scorecard, top, slot.covered, " ".join(slot.said)))
        return self._next_question(now)

    def facts_now(self) -> dict[str, str]:
        """What the interviewer knows about the question in play, by topic: once the change is announced
        (realistic mode), the changed fact as it now stands, never the old one."""
        q = self.current.question
        facts = dict(q.facts)
        if self.current.changed and q.change and q.change_now:
            facts[q.change[0]] = q.change_now
        return facts

    def facts_given(self) -> tuple[str, ...]:
        """The fact topics the candidate has already been told for the question in play."""
        return tuple(self.current.given)

    def clarified(self, question: str, reply: str, source: str = "facts", used: tuple[str, ...] = ()) -> Ask:
        """The candidate asked about the problem; the interviewer answers (from the facts, or asks for an
        assumption when no fact applies: source "assumption") and listens again."""
        slot = self.current
        slot.clarified.append(question)
        slot.given += [t for t in used if t not in slot.given]
        return self._ask(Ask(text=reply, question=slot.question, kind="clarification", source=source))

    def takes_clarification(self) -> bool:
        """Is the question in play one whose facts the interviewer can give (and not asked too often)?"""
        if self.index < 0 or self.state == "done":
            return False
        slot = self.current
        return bool(slot.question.facts) and len(slot.clarified) < MAX_CLARIFICATIONS

    def followup_ready(self, text: str, gap: str, source: str) -> Ask:
        self.current.followups += 1
        self.current.probed.append(gap)
        return self._ask(Ask(text=text, question=self.current.question, kind="followup", gap=gap, source=source))

    def repeat(self) -> Ask:
        if self.last_ask is None:
            raise RuntimeError("nothing has been asked yet")
        self.state = "asking"
        ask = self.last_ask
        return Ask(text=ask.text, question=ask.question, kind="repeat", gap=ask.gap, source=ask.source)

    def skip(self, now: float = 0.0) -> Action:
        return self._next_question(now)

    def questions_asked(self) -> tuple[int, int]:
        """How many of the planned questions were asked, and how many were planned."""
        return self.index + 1, len(self._slots)

    def end(self, reason: str = "ended by candidate") -> WrapUp:
        self.state = "done"
        return WrapUp(reason)
