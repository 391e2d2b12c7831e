"""The local interviewer model as a second grader: how well its 1-5 grade orders the graded answers, per part.

    python -m coach.eval.grade_model [--part fresh14 ...] [--model NAME] [--threads N] [--cache FILE]

The model reads a fixed instruction, the question and the answer (cut to its first and last words), then writes
one digit under a grammar; the grade is the expected digit under the model's probabilities for "1" to "5". Prints,
per part, the Spearman correlation of the model's grade with the human grade, of the rules' overall, and of a
blend (the rules' overall plus `--weight` x the model's grade, z-scored within the part), and the seconds per
answer. Not wired into scoring: this measures whether it would help.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path
from typing import Any

from coach.eval import graded

INSTRUCTION = (
    "You are a strict interviewer for senior machine learning engineers. Grade the candidate's answer from 1 "
    "(poor: vague, wrong or off the question) to 5 (excellent: specific, correct, shows judgement, measured).")
MAX_WORDS = 260


def _cut(text: str) -> str:
    words = text.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS * 2 // 3] + ["..."] + words[-MAX_WORDS // 3:]
    return " ".join(words)


class ModelGrader:
    def __init__(self, path: Path, threads: int) -> None:
        from llama_cpp import Llama, LlamaGrammar

        from coach.adapters.llama_interviewer import _no_amx_repack
        with _no_amx_repack():
            self._llm = Llama(model_path=str(path), n_ctx=1024, n_threads=threads, n_batch=256, seed=7, verbose=False)
        self._grammar = LlamaGrammar.from_string('root ::= [1-5]', verbose=False)
        self._ids = [int(self._llm.tokenize(str(d).encode(), add_bos=False, special=False)[0]) for d in range(1, 6)]

    def grade(self, question: str, answer: str) -> float:
        from llama_cpp import LogitsProcessorList

        seen: list[list[float]] = []

        def record(_ids: Any, scores: Any) -> Any:
            if not seen:
                seen.append([float(scores[i]) for i in self._ids])
            return scores

        prompt = (f"<|im_start|>system\n{INSTRUCTION}<|im_end|>\n<|im_start|>user\nQuestion: {question}\n"
                  f"Answer: {_cut(answer)}\nGrade (1-5):<|im_end|>\n<|im_start|>assistant\n")
        self._llm(prompt, max_tokens=1, temperature=0.0, grammar=self._grammar,
                  logits_processor=LogitsProcessorList([record]))
        logits = seen[0]
        top = max(logits)
        weights = [math.exp(v - top) for v in logits]
        return sum((i + 1) * w for i, w in enumerate(weights)) / sum(weights)


def _z(values: list[float]) -> list[float]:
    mean = sum(values) / len(values)
    sd = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5 or 1.0
    return [(v - mean) / sd for v in values]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coach.eval.grade_model", description=__doc__.splitlines()[0])
    parser.add_argument("--part", action="append", choices=graded.PARTS, default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--weight", type=float, default=0.5)
    parser.add_argument("--cache", type=Path, default=None, help="JSON file of the model's grade per answer id")
    args = parser.parse_args(argv)
    from coach.content.loader import default_content
    from coach.models import resolve
    parts = tuple(args.part or (graded.FRESH13, graded.FRESH14))
    content = default_content()
    rows = graded.score_graded([g for g in graded.load_graded() if g.part in parts], content)
    cache: dict[str, Any] = json.loads(args.cache.read_text()) if args.cache and args.cache.exists() else {}
    grader: ModelGrader | None = None
    for r in rows:
        g = r["item"]
        if g.id in cache:
            continue
        if grader is None:
            grader = ModelGrader(resolve("llm", args.model)[0], args.threads or os.cpu_count() or 1)
        q = r["question"]
        start = time.perf_counter()
        value = grader.grade(getattr(q, "prompt", "") or "(a follow-up question)", g.text)
        cache[g.id] = {"grade": value, "seconds": time.perf_counter() - start}
        if args.cache:
            args.cache.write_text(json.dumps(cache))
    print(f"{'part':10} {'n':>3} {'model':>7} {'rules':>7} {'blend':>7} {'s/answer':>9}")
    for part in parts:
        sub = [r for r in rows if r["item"].part == part]
        grades = [float(r["item"].grade) for r in sub]
        model = [cache[r["item"].id]["grade"] for r in sub]
        rules = [r["card"].overall for r in sub]
        blend = [a + args.weight * b for a, b in zip(_z(rules), _z(model))]
        secs = sorted(cache[r["item"].id]["seconds"] for r in sub)
        print(f"{part:10} {len(sub):3d} {graded.spearman(model, grades):7.3f} {graded.spearman(rules, grades):7.3f} "
              f"{graded.spearman(blend, grades):7.3f} {secs[len(secs) // 2]:9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
