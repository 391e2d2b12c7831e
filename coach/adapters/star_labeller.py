"""STAR labels from the local interviewer model: one grammar-constrained word per sentence.

An optional pass (see coach/eval/star_model.py): the rules in coach/scoring/star.py stay the
default, because on the held-out answers the model did not beat them (README, scoring section).
"""
from __future__ import annotations

import os
from pathlib import Path

from coach.adapters.llama_interviewer import _no_amx_repack
from coach.models import check_gguf
from coach.paths import PROJECT_ROOT

LABELS = ("situation", "task", "action", "result", "other")
GRAMMAR = "root ::= " + " | ".join(f'"{label}"' for label in LABELS)
PROMPT = PROJECT_ROOT / "prompts" / "star_labels.md"


def _few_shot(path: Path = PROMPT) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")).strip()


class LlamaStarLabeller:
    """`label(sentence)` -> one of LABELS, greedy, from a GGUF model through llama-cpp-python."""

    def __init__(self, model_path: Path, threads: int | None = None, n_ctx: int = 1024) -> None:
        from llama_cpp import Llama, LlamaGrammar

        self.model_path = check_gguf(Path(model_path))
        with _no_amx_repack():
            self._llm = Llama(model_path=str(self.model_path), n_ctx=n_ctx, n_threads=threads or (os.cpu_count() or 1),
                              n_batch=256, seed=7, verbose=False)
        self._grammar = LlamaGrammar.from_string(GRAMMAR, verbose=False)
        self._prefix = _few_shot() + "\n"

    def label(self, sentence: str) -> str:
        prompt = f"{self._prefix}Sentence: {' '.join(sentence.split())}\nLabel:"
        out = self._llm(prompt, max_tokens=4, temperature=0.0, grammar=self._grammar)
        word = out["choices"][0]["text"].strip().lower()
        return word if word in LABELS else "other"

    def close(self) -> None:
        self._llm.close()
