"""Resuming an interrupted session: where did it stop? (pure: plain data in, plain data out).

A session killed mid-interview keeps every turn that ended before the kill. From
those turns and the session's saved plan, `restore` rebuilds the engine's place:
which questions of the plan were asked and answered, how many follow-ups the
current question has had, every scorecard so far, and what comes next:

- "start":  nothing was asked yet: start the plan from its first question;
- "ask":    the last question (or follow-up) was asked but never answered: ask it again;
- "decide": the last answer was saved: decide what follows it as the engine would
            (a follow-up on its top gap, or the next question);
- "close":  the closing remarks were said: only the session's end was lost.

`InterviewEngine.start(now, at=point)` picks up from a `ResumePoint`; the runner
continues the same session, with its turn indexes after the last saved one.

The plan itself is saved with the session (`sessions.plan_items`, see
`plan_record`). A session saved before that column existed resumes on the
questions its turns name: it finishes the question in progress, then closes.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coach.domain import Question, RoundSpec
from coach.errors import CoachError
from coach.scoring.scorecard import Scorecard, read_scorecard

RESUMABLE = ("in_progress", "interrupted")
PLAN_FORMAT = 1

Items = list[tuple[Question, RoundSpec]]


class ResumeError(CoachError):
    """This session cannot be resumed (unknown, finished, or its plan cannot be rebuilt)."""


@dataclass(frozen=True)
class SavedAsk:
    """The interviewer's last question or follow-up, as it was said."""

    text: str
    kind: str                  # "question" or "followup"
    gap: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class ResumePoint:
    pending: str                                   # "start", "ask", "decide" or "close"
    index: int = -1                                # the plan slot in progress (-1: none yet)
    followups: int = 0                             # follow-ups asked on that slot
    asked: tuple[str, ...] = ()                    # every question and follow-up said, in order
    ask: SavedAsk | None = None                    # the last one said
    answer: str | None = None                      # "decide": the last answer's text...
    scorecard: Scorecard | None = None             # ...and its scorecard
    scores: tuple[Scorecard, ...] = ()             # every answer's scorecard, in order
    answered: tuple[int, ...] = ()                 # slots with at least one answer
    next_turn: int = 0                             # the index the next saved turn takes
    probed: tuple[str, ...] = ()                   # gaps followed up on that slot
    answer_gaps: tuple[frozenset[str], ...] = ()   # gap ids of each answer on that slot (the last one too)
    answer_texts: tuple[str, ...] = ()             # and their texts: a follow-up's answer is scored with them
    clarified: tuple[str, ...] = ()                # the candidate's clarifying questions on that slot
    changed: bool = False                          # a fact change was announced on that slot

    @property
    def answers(self) -> int:
        return len(self.scores)


# -- the plan, as saved with the session ---------------------------------------------
def plan_record(items: Sequence[tuple[Question, RoundSpec]], max_followups: int | None = None) -> str:
    """What `sessions.plan_items` holds: each slot's question, round and time box, and the follow-up cap."""
    return json.dumps({
        "format": PLAN_FORMAT,
        "items": [{"question": q.id, "round": spec.id, "minutes": spec.time_box_minutes} for q, spec in items],
        "max_followups": max_followups,
    })


def _question(content: Any, qid: str, session_id: str) -> Question:
    question = content.questions.get(qid)
    if question is None:
        raise ResumeError(f"cannot resume session {session_id}: question {qid} is no longer in the question banks",
                          "close it (c on the app's Home screen) and start a new interview")
    return question  # type: ignore[no-any-return]


def plan_items(content: Any, session: Mapping[str, Any], turns: Sequence[Mapping[str, Any]]) -> tuple[Items, int | None]:
    """The session's (question, round) slots and its follow-up cap, from its saved plan.

    Without a saved plan (a session from before it was saved, or an unreadable
    one), the slots are the questions its turns name, in the order they were asked.
    """
    sid = str(session.get("id", "?"))
    record: Any = None
    try:
        record = json.loads(session.get("plan_items") or "null")
    except ValueError:
        record = None
    if isinstance(record, dict) and isinstance(record.get("items"), list) and record["items"]:
        items: Items = []
        for entry in record["items"]:
            question = _question(content, str(entry.get("question")), sid)
            spec = content.rounds.get(entry.get("round")) or content.rounds.get(question.round)
            if spec is None:
                raise ResumeError(f"cannot resume session {sid}: round {entry.get('round')} is no longer defined",
                                  "close it (c on the app's Home screen) and start a new interview")
            if isinstance(entry.get("minutes"), int):
                spec = dataclasses.replace(spec, time_box_minutes=entry["minutes"])
            items.append((question, spec))
        cap = record.get("max_followups")
        return items, cap if isinstance(cap, int) else None
    asked = [str(t.get("question_id")) for t in _ordered(turns)
             if t.get("speaker") == "interviewer" and t.get("kind") == "question" and t.get("question_id")]
    if not asked:
        raise ResumeError(f"cannot resume session {sid}: its plan was not saved and no question was asked",
                          "close it (c on the app's Home screen) and start a new interview")
    items = []
    for qid in asked:
        question = _question(content, qid, sid)
        spec = content.rounds.get(question.round)
        if spec is None:
            raise ResumeError(f"cannot resume session {sid}: round {question.round} is no longer defined",
                              "close it (c on the app's Home screen) and start a new interview")
        items.append((question, spec))
    return items, None


# -- where the interview stopped -------------------------------------------------------
def _ordered(turns: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(turns, key=lambda t: int(t.get("idx", t.get("index", 0))))


def restore(items: Sequence[tuple[Question, RoundSpec]], turns: Sequence[Mapping[str, Any]]) -> ResumePoint:
    """Replay the saved turns (rows of the turns table, as dicts) over the plan's slots.

    Each "question" turn moves to the next slot asking that question (slots skipped
    for time were never asked); "followup" turns count against the current slot;
    "repeat" turns change nothing; answers carry the scorecards.
    """
    ids = [q.id for q, _ in items]
    index, followups = -1, 0
    asked: list[str] = []
    ask: SavedAsk | None = None
    scores: list[Scorecard] = []
    answered: list[int] = []
    last: tuple[str, Scorecard] | None = None     # the last answer, while nothing was said after it
    closed = False
    next_turn = 0
    probed: list[str] = []
    answer_gaps: list[frozenset[str]] = []
    answer_texts: list[str] = []
    clarified: list[str] = []
    changed = False
    for turn in _ordered(turns):
        next_turn = max(next_turn, int(turn.get("idx", turn.get("index", 0))) + 1)
        kind, text = turn.get("kind"), str(turn.get("text") or "")
        if turn.get("speaker") == "candidate" and kind == "clarification":
            clarified.append(text)
            last = None       # a question about the problem, not an answer: what was asked waits for its answer
            continue
        if turn.get("speaker") == "candidate":
            card = read_scorecard(turn.get("scores"))
            if card is not None:
                scores.append(card)
                answer_gaps.append(frozenset(g.id for g in card.gaps if g.id))    # as the engine read the card
            answer_texts.append(text)
            if index >= 0 and index not in answered:
                answered.append(index)
            last = (text, card or Scorecard())
            continue
        if kind == "closing":
            closed = True
            continue
        if kind == "question":
            qid = turn.get("question_id")
            nxt = next((j for j in range(index + 1, len(ids)) if ids[j] == qid), None)
            if nxt is None:
                raise ResumeError(f"cannot resume: question {qid} (turn {turn.get('idx')}) is not next in the session's plan",
                                  "close it (c on the app's Home screen) and start a new interview")
            index, followups = nxt, 0
            probed, answer_gaps, answer_texts, clarified, changed = [], [], [], [], False
            asked.append(text)
            ask = SavedAsk(text, "question")
        elif kind in ("followup", "change"):
            if index < 0:
                raise ResumeError(f"cannot resume: a follow-up (turn {turn.get('idx')}) comes before any question",
                                  "close it (c on the app's Home screen) and start a new interview")
            followups += 1
            asked.append(text)
            ask = SavedAsk(text, kind, turn.get("gap"), turn.get("source"))
            if kind == "change":
                changed = True
            elif turn.get("gap"):
                probed.append(str(turn.get("gap")))
        elif kind == "repeat" and ask is None:
            continue
        last = None        # an ask (or a repeat) waits for its answer
    common: dict[str, Any] = dict(index=index, followups=followups, asked=tuple(asked), ask=ask, scores=tuple(scores),
                  answered=tuple(answered), next_turn=next_turn, probed=tuple(probed),
                  answer_gaps=tuple(answer_gaps), answer_texts=tuple(answer_texts), clarified=tuple(clarified),
                  changed=changed)
    if closed:
        return ResumePoint("close", **common)
    if index < 0:
        return ResumePoint("start", **common)
    if last is not None:
        return ResumePoint("decide", answer=last[0], scorecard=last[1], **common)
    return ResumePoint("ask", **common)


def describe(point: ResumePoint, total: int) -> str:
    """One line for the CLI: what was kept and where the interview goes on."""
    kept = f"{point.answers} answer{'' if point.answers == 1 else 's'} kept"
    where = {
        "start": "starting at question 1",
        "ask": f"asking question {point.index + 1} of {total} again" if point.ask and point.ask.kind == "question"
        else f"asking the follow-up on question {point.index + 1} of {total} again",
        "decide": f"going on after the answer to question {point.index + 1} of {total}",
        "close": "the closing remarks were said: only closing the session",
    }[point.pending]
    return f"{kept}; {where}"
