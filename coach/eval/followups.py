"""Evaluate the interviewer's follow-ups on the bundled models.

    python -m coach.eval.followups [--llm NAME ...] [--json]

Every labelled answer in tests/data/answers/ whose label names a top gap (52 of
them) is scored, its biggest gap is taken, and each interviewer model proposes
its follow-up exactly as in an interview (candidates drawn one at a time until one
passes the guards, then the bank's probe). Reported per model:

- gap_accuracy: the probed gap is the labelled one;
- guard_pass_rate: share of raw model candidates drawn that pass the guards;
- fallback_rate: share of follow-ups that came from the question bank;
- on_gap_rate: the follow-up asked is about the labelled gap (a bank probe for it,
  or a model question using that gap's words);
- malformed: follow-ups reaching the candidate that are not exactly one question
  of 5-30 words (must be 0);
- ms_per_followup: mean time to produce one follow-up.
"""
from __future__ import annotations

import argparse
import json
import time
import tomllib
from pathlib import Path
from typing import Any

from coach import services
from coach.content import default_content
from coach.domain import Question
from coach.interviewer import followups, guards
from coach.paths import PROJECT_ROOT
from coach.scoring import score_answer

DATA_DIR = PROJECT_ROOT / "tests" / "data" / "answers"
MODELS = ("smollm2-135m", "gemma3-270m")


def load_cases(folder: Path = DATA_DIR) -> list[dict[str, Any]]:
    cases = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data.get("top_gap"):
            cases.append(data)
    return cases


def closest_question(text: str, questions: list[Question]) -> Question:
    """The round's question whose talking-point words the answer shares most (the set has no question ids)."""
    said = guards.content_words(text)

    def overlap(q: Question) -> int:
        words = guards.content_words(" ".join(q.talking_points) + " " + " ".join(k for ks in q.keywords for k in ks))
        return len(words & said)

    return max(questions, key=overlap)


def well_formed(text: str) -> bool:
    n = len(guards.words(text))
    return text.endswith("?") and text.count("?") == 1 and guards.MIN_WORDS <= n <= guards.MAX_WORDS


def on_gap(reply_text: str, source: str, gap: str, question: Question, gaps: dict[str, Any]) -> bool:
    bank = {f.text for f in question.followups if f.gap == gap} | set(getattr(gaps.get(gap), "followups", ()))
    if source == "bank":
        return reply_text in bank
    return any(w in reply_text.lower() for w in followups.GAP_WORDS.get(gap, ()))


def evaluate(model: str, cases: list[dict[str, Any]]) -> dict[str, Any]:
    content = default_content()
    interviewer = services.build_interviewer(model)
    totals = {"cases": 0, "gap_right": 0, "candidates": 0, "passed": 0, "bank": 0, "on_gap": 0, "malformed": 0}
    elapsed = 0.0
    for case in cases:
        question = closest_question(case["text"], content.questions_for(case["round"]))
        card = score_answer(case["text"], question=question, round_spec=content.round(case["round"]),
                            rubric=content.rubric(case["round"])).to_dict()
        gap = card["gaps"][0]["id"] if card["gaps"] else "missing_point"
        started = time.perf_counter()
        reply = interviewer.follow_up(question, case["text"], gap, [question.prompt])   # as in an interview
        candidates = reply.candidates
        elapsed += time.perf_counter() - started
        borrowed = followups.borrowed_words(interviewer.template.example_words, question.prompt, case["text"],
                                            followups.GAP_WORDS.get(gap, ()))
        verdicts = [guards.check(guards.clean(c), case["text"], followups.GAP_WORDS.get(gap, ()), [question.prompt], borrowed)
                    for c in candidates]
        totals["cases"] += 1
        totals["gap_right"] += gap == case["top_gap"]
        totals["candidates"] += len(verdicts)
        totals["passed"] += sum(v.ok for v in verdicts)
        totals["bank"] += reply.source == "bank"
        totals["on_gap"] += gap == case["top_gap"] and on_gap(reply.question, reply.source, gap, question, content.gaps)
        totals["malformed"] += not well_formed(reply.question)
    n = max(1, totals["cases"])
    return {
        "model": model, "cases": totals["cases"],
        "gap_accuracy": round(totals["gap_right"] / n, 3),
        "guard_pass_rate": round(totals["passed"] / max(1, totals["candidates"]), 3),
        "fallback_rate": round(totals["bank"] / n, 3),
        "on_gap_rate": round(totals["on_gap"] / n, 3),
        "malformed": totals["malformed"],
        "ms_per_followup": round(1000 * elapsed / n),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm", action="append", help="model(s) to evaluate (default: both bundled)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    cases = load_cases()
    results = [evaluate(m, cases) for m in (args.llm or MODELS)]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(f"{r['model']:<14} cases {r['cases']}  gap accuracy {r['gap_accuracy']:.0%}  on gap {r['on_gap_rate']:.0%}  "
                  f"guard pass {r['guard_pass_rate']:.0%}  fallback {r['fallback_rate']:.0%}  "
                  f"malformed {r['malformed']}  {r['ms_per_followup']} ms/follow-up")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
