"""Which gap each follow-up case's follow-up would probe, without loading a model.

    python -m coach.eval.followups --gaps-only [--set NAME ...] [-v] [--json]

The answer is scored and handed to a one-question interview engine exactly as the
interview's runner does (the same scorer at the session's level, the same
`InterviewEngine.answered` with its severity floor), so the gap reported is the one the
interviewer would aim its first follow-up at; "none" when it would move on instead. The
model only words the question, so gap accuracy is measured here in seconds.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coach.content.types import Content
from coach.domain import Question, Transcript
from coach.followups.findings import Finding
from coach.interview import clarify
from coach.interview.engine import InterviewEngine, NeedFollowUp
from coach.scoring import score_answer
from coach.scoring.scorecard import Scorecard

NO_FOLLOW_UP = "none"
LEVEL = "senior"          # the app's default level (config); the scorer runs at the session's level

# The labels' own names for a gap the scorer names more finely. The cases are labelled in the order documented in
# tests/data/answers/README.md, which has no wrong claim: a misconception stated as true ("L2 is the one that
# pushes weights to exactly zero") is a talking point said wrong, labelled missing_point. The scorer names it
# wrong_claim so the follow-up can take the candidate's own sentence on; it probes the same point.
AS_LABELLED = {"wrong_claim": "missing_point"}


def agrees(label: str, gap: str) -> bool:
    """Is the gap probed the labelled one, in the labels' own names?"""
    return AS_LABELLED.get(gap, gap) == label


@dataclass(frozen=True)
class Aim:
    """What the interview would do after one case's answer: the gap of its first follow-up (NO_FOLLOW_UP
    when it would move on) and what the scorer found for it."""

    question: Question
    card: Scorecard
    gap: str
    finding: Finding


def aim(case: dict[str, Any], question: Question, content: Content, level: str = LEVEL) -> Aim:
    """Score the case's answer and ask a fresh engine what follows it, as the runner does for a first answer."""
    round_spec = content.round(case["round"])
    spoken = Transcript(case["text"], duration_s=case.get("duration_s"))   # as long as it was spoken
    card = clarify.credit(score_answer(spoken, question=question, round_spec=round_spec,
                                       rubric=content.rubric(case["round"]), level=level), [])
    engine = InterviewEngine([(question, round_spec)], level=level)
    engine.start(0.0)
    engine.spoken()
    action = engine.answered(case["text"], card, 0.0)
    if isinstance(action, NeedFollowUp):
        return Aim(question, card, action.gap, action.finding or Finding(action.target))
    return Aim(question, card, NO_FOLLOW_UP, Finding())


def asked(a: Aim, answer: str, content: Content) -> str:
    """The bank's follow-up the interviewer would ask on the gap (as asked with no model: coach/followups/choice.py),
    "" when it would move on."""
    from coach.followups import choice

    if a.gap == NO_FOLLOW_UP:
        return ""
    return choice.bank_probe(a.question, a.gap, [a.question.prompt], content.gaps, a.finding, answer)


def report(cases: list[dict[str, Any]], content: Content,
           question_of: Callable[[dict[str, Any], Content], Question]) -> dict[str, Any]:
    """Gap accuracy overall and per set, and every miss with what the scorer found."""
    rows = []
    for case in cases:
        a = aim(case, question_of(case, content), content)
        rows.append({"id": case.get("id", ""), "set": case.get("set", ""), "round": case["round"],
                     "label": case["top_gap"], "gap": a.gap, "right": agrees(case["top_gap"], a.gap),
                     "gaps": [f"{g.id} {g.severity:.2f}" for g in a.card.gaps], "evidence": a.finding.evidence,
                     "asked": asked(a, case["text"], content)})

    def summary(part: list[dict[str, Any]]) -> dict[str, Any]:
        return {"cases": len(part), "gap_accuracy": round(sum(r["right"] for r in part) / max(1, len(part)), 3)}

    return {**summary(rows), "rounds": len({r["round"] for r in rows}),
            "sets": {name: summary([r for r in rows if r["set"] == name]) for name in sorted({r["set"] for r in rows})},
            "misses": [r for r in rows if not r["right"]], "rows": rows}


def lines(result: dict[str, Any], met: str, verbose: bool = False) -> list[str]:
    """The figures and every miss; `verbose`: every case, with the follow-up the bank would ask."""
    out = [f"gaps only (no model)   cases {result['cases']} ({result['rounds']} rounds)  "
           f"gap accuracy {result['gap_accuracy']:.0%} ({met})"]
    out += [f"    {name:<12} cases {s['cases']}  gap accuracy {s['gap_accuracy']:.0%}" for name, s in result["sets"].items()]
    for r in result["rows"] if verbose else result["misses"]:
        mark = ("right" if r["right"] else "miss") if verbose else "miss"
        out.append(f"  {mark} {r['id'] or r['round']}: labelled {r['label']}, probes {r['gap']}  "
                   f"[{', '.join(r['gaps'])}]  {r['evidence'][:120]}")
        if verbose and r["asked"]:
            out.append(f"      asks: {r['asked']}")
    return out
