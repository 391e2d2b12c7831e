"""A question is judged on everything said to it, follow-ups included (pure).

An interviewer who probes "what was the measurable result?" and hears the figure judges the story
with its result, not the one sentence that carried it. So an answer to a follow-up (or to a fact
change) is scored joined to the earlier answers to the same question, against a time box that grows
with each answer; only a dodge ("I don't remember") keeps its own card, because the probe found the
gap. An earlier reply that said nothing ("mentoring matters to me") is left out of the join: the
answer that finally tells the story is judged as the answer, not as a story that opens on filler. The session's score and closing remarks take each question's last card once.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from coach.domain import RoundSpec, Segment, Transcript
from coach.scoring.scorecard import Scorecard


def joined(earlier: Sequence[Transcript], now: Transcript, context_first: bool = False) -> Transcript:
    """The answers to one question as one transcript: texts in order, segment times running on. `context_first`:
    `now` answers "what was the situation?", so it is told first, where a story's scene goes."""
    parts = [now, *earlier] if context_first else [*earlier, now]
    segments: list[Segment] = []
    offset, durations = 0.0, []
    for part in parts:
        segments += [Segment(s.start + offset, s.end + offset, s.text) for s in part.segments]
        length = part.duration_s if part.duration_s is not None else \
            (part.segments[-1].end if part.segments else None)
        durations.append(length)
        offset += length or 0.0
    total = sum(d for d in durations if d is not None) if all(d is not None for d in durations) else None
    text = " ".join(p.text.strip() for p in parts if p.text.strip())
    return Transcript(text=text, segments=tuple(segments), duration_s=total, language=now.language)


def widened(round_spec: RoundSpec | None, answers: int) -> RoundSpec | None:
    """The round with room for `answers` answers: joined answers are not one answer run long."""
    if round_spec is None or answers <= 1:
        return round_spec
    return replace(round_spec, answer_seconds=round_spec.answer_seconds * answers)


def keeps_own_card(own: Scorecard) -> bool:
    """A follow-up answer that dodges the probe is judged as the dodge it is."""
    return bool(own.gaps) and own.gaps[0].id == "non_answer"


def last_per_question(cards: Sequence[Scorecard]) -> list[Scorecard]:
    """Each question's latest card, in the order the questions came; a card with no question stands alone."""
    latest: dict[object, Scorecard] = {}
    for i, card in enumerate(cards):
        latest.pop(card.question_id or i, None)     # re-inserted: keeps the order of each question's last card
        latest[card.question_id or i] = card
    return list(latest.values())


def session_overall(scored: Iterable[tuple[str | None, float]]) -> float | None:
    """The session's score: the mean of each question's last score, from (question id, score) pairs in the
    order the answers came. One definition for the app (the runner saves it) and the progress report, so a
    story that came good in its follow-up counts once, at the score of the whole story."""
    latest: dict[object, float] = {}
    for i, (question_id, score) in enumerate(scored):
        latest[question_id or i] = score
    return round(sum(latest.values()) / len(latest), 2) if latest else None
