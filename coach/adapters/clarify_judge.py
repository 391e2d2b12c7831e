"""Clarifying questions told apart by the local interviewer model: one grammar-constrained word per turn.

The model reads a fixed instruction with a few examples (`prompts/clarify_judge.md`), then
"Line: <the turn>" and answers "ask" or "other". The fixed part is read once into the KV
cache (llama-cpp-python reuses the longest cached prefix of the prompt), so a turn costs only
its own tokens. The judge has its own context over the interviewer's GGUF file: the weights are
memory-mapped and shared, and the follow-up prompt cached in the interviewer's context stays put.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from coach.adapters.llama_interviewer import _no_amx_repack
from coach.errors import ModelError
from coach.models import check_gguf
from coach.paths import PROJECT_ROOT

LABELS = ("ask", "other")
GRAMMAR = "root ::= " + " | ".join(f'" {label}"' for label in LABELS)
PROMPT = PROJECT_ROOT / "prompts" / "clarify_judge.md"
MAX_WORDS = 80          # a longer turn is cut to its start and its end (the question is usually at one of them)


def few_shot(path: Path = PROMPT) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")).strip()


def _line(text: str) -> str:
    words = text.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS // 2] + ["..."] + words[-MAX_WORDS // 2:]
    return " ".join(words)


class LlamaClarifyJudge:
    """`margin(text)`: the model's logit for "ask" less its logit for "other" (> 0: a clarifying question)."""

    def __init__(self, model_path: Path, threads: int | None = None, n_ctx: int = 1024) -> None:
        from llama_cpp import Llama, LlamaGrammar

        self.model_path = check_gguf(Path(model_path))
        self.name = f"judge:{self.model_path.name}"
        try:
            with _no_amx_repack():
                self._llm = Llama(model_path=str(self.model_path), n_ctx=n_ctx, n_batch=256, seed=7, verbose=False,
                                  n_threads=threads or max(1, os.cpu_count() or 1))
        except Exception as exc:  # llama.cpp raises ValueError on a file it cannot load
            raise ModelError(f"clarification judge failed to load: {self.model_path} ({exc})".splitlines()[0],
                             "clarifying questions are told apart by the rules alone") from None
        self._grammar = LlamaGrammar.from_string(GRAMMAR, verbose=False)
        self._ids = [self._first_token(" " + label) for label in LABELS]
        self._prefix = few_shot() + "\n"
        self._lock = threading.Lock()     # one Llama object is not safe across threads
        self.margin("warm-up")            # the fixed prefix sits in the KV cache before the first turn

    def _first_token(self, text: str) -> int:
        return int(self._llm.tokenize(text.encode(), add_bos=False, special=False)[0])

    def margin(self, text: str) -> float:
        from llama_cpp import LogitsProcessorList

        seen: list[float] = []

        def record(_ids: Any, scores: Any) -> Any:
            if not seen:
                seen.append(float(scores[self._ids[0]] - scores[self._ids[1]]))
            return scores

        prompt = f"{self._prefix}Line: {_line(text)}\nLabel:"
        with self._lock:
            out = self._llm(prompt, max_tokens=1, temperature=0.0, grammar=self._grammar,
                            logits_processor=LogitsProcessorList([record]))
        word = out["choices"][0]["text"].strip().lower()
        value = seen[0] if seen else 0.0
        # the grammar's word and the recorded margin agree; the word decides if they ever do not
        return value if (value > 0) == (word == LABELS[0]) else (abs(value) or 1e-3) * (1 if word == LABELS[0] else -1)

    def asks(self, text: str) -> bool:
        return self.margin(text) > 0

    def close(self) -> None:
        self._llm.close()
