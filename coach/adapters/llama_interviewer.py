"""The interviewer played by a local GGUF model through llama-cpp-python.

Chat models (SmolLM2 Instruct, a user's larger instruct GGUF) get the few-shot
prompt as messages through their own chat template; base models (Gemma 3 270M)
get it as one completion text ending in "follow-up:". Either way several short
candidates are drawn and the guards pick one (`coach.interviewer.followups`).
"""
from __future__ import annotations

import atexit
import contextlib
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from coach.domain import Question
from coach.errors import ModelError
from coach.interviewer import followups
from coach.interviewer.prompt_template import PromptTemplate
from coach.models import check_gguf
from coach.ports import FollowUpReply

TEMPERATURES = (0.0, 0.7, 0.9)
MAX_ANSWER_WORDS = 120


def shorten(answer: str, limit: int = MAX_ANSWER_WORDS) -> str:
    """Keep the start and the end of a long answer: the set-up and the outcome matter most."""
    words = answer.split()
    if len(words) <= limit:
        return answer.strip()
    half = limit // 2
    return " ".join(words[:half]) + " ... " + " ".join(words[-half:])


def _cpu_has_amx() -> bool:
    try:
        return "amx_int8" in Path("/proc/cpuinfo").read_text()
    except OSError:
        return False


@contextlib.contextmanager
def _no_amx_repack() -> Iterator[None]:
    """Load without llama.cpp's extra (repacking) buffer types on CPUs that report AMX.

    A llama.cpp built with -march=native on an AMX CPU routes matrix products
    through AMX tiles, which crash (SIGSEGV) where the kernel or hypervisor does
    not grant the tile state, as in many VMs. The plain CPU path is safe everywhere.
    """
    if not _cpu_has_amx():
        yield
        return
    import llama_cpp.llama as llama_module

    original = llama_module.llama_cpp.llama_model_default_params

    def params():  # type: ignore[no-untyped-def]
        value = original()
        value.use_extra_bufts = False
        return value

    llama_module.llama_cpp.llama_model_default_params = params
    try:
        yield
    finally:
        llama_module.llama_cpp.llama_model_default_params = original


class LlamaInterviewer:
    def __init__(
        self,
        model_path: Path,
        template: PromptTemplate,
        gaps: Mapping[str, Any],
        chat: bool | None = None,
        n_ctx: int = 2048,
        threads: int | None = None,
        seed: int = 7,
    ) -> None:
        self.model_path = check_gguf(Path(model_path))
        self.name = f"llama:{self.model_path.name}"
        self.template = template
        self.gaps = gaps
        from llama_cpp import Llama

        try:
            with _no_amx_repack():
                self._llm = Llama(
                    model_path=str(self.model_path), n_ctx=n_ctx, n_threads=threads or max(1, os.cpu_count() or 1),
                    n_batch=256, seed=seed, verbose=False,
                )
        except Exception as exc:  # llama.cpp raises ValueError on a file it cannot load
            raise ModelError(f"interviewer model failed to load: {self.model_path} ({exc})".splitlines()[0],
                             "the file may be truncated or of an unsupported architecture; pass --llm with another .gguf") from None
        atexit.register(self._llm.close)   # before interpreter teardown, which llama-cpp's __del__ trips over
        self.chat = self._has_chat_template() if chat is None else chat
        self._lock = threading.Lock()   # one Llama object is not safe across threads
        self.last_tokens = 0

    def _has_chat_template(self) -> bool:
        meta = getattr(self._llm, "metadata", {}) or {}
        return "tokenizer.chat_template" in meta

    # -- generation -----------------------------------------------------------
    def propose(self, question: Question, answer: str, gap: str, n: int = 3) -> list[str]:
        values = {
            "question": question.prompt,
            "answer": shorten(answer),
            "gap": self.template.gap_names.get(gap) or followups.gap_description(gap, self.gaps),
        }
        out: list[str] = []
        with self._lock:
            for temperature in TEMPERATURES[:n]:
                if self.chat:
                    reply = self._llm.create_chat_completion(
                        messages=self.template.chat_messages(**values), max_tokens=48,
                        temperature=temperature, top_p=0.9, stop=["\n"], seed=len(out) + 1,
                    )
                    text = reply["choices"][0]["message"]["content"] or ""
                else:
                    reply = self._llm.create_completion(
                        self.template.completion_text(**values), max_tokens=48,
                        temperature=temperature, top_p=0.9, stop=["\n"], seed=len(out) + 1,
                    )
                    text = reply["choices"][0]["text"]
                self.last_tokens += int(reply.get("usage", {}).get("completion_tokens", 0))
                out.append(text)
        return out

    def follow_up(self, question: Question, answer: str, gap: str, asked: Sequence[str]) -> FollowUpReply:
        candidates = self.propose(question, answer, gap)
        return followups.choose(question, answer, gap, candidates, asked, self.gaps, self.template.example_words)

    def stream_text(self, prompt: str, max_tokens: int = 64) -> Iterator[str]:
        with self._lock:
            for chunk in self._llm.create_completion(prompt, max_tokens=max_tokens, stream=True, temperature=0.0):
                yield chunk["choices"][0]["text"]
