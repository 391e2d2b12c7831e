"""The interviewer played by a local GGUF model through llama-cpp-python.

Chat models (SmolLM2 Instruct, a user's larger instruct GGUF) get the few-shot
prompt as messages through their own chat template; base models (Gemma 3 270M)
get it as one completion text ending in "follow-up:". Either way several short
candidates are drawn and the guards pick one (`coach.followups.choice`).
"""
from __future__ import annotations

import atexit
import contextlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.adapters import heap
from coach.domain import Question
from coach.errors import ModelError
from coach.followups import choice, findings, guards
from coach.followups.prompt import PromptTemplate
from coach.models import check_gguf
from coach.ports import FollowUpReply

TEMPERATURES = (0.0, 0.7, 0.9)
MAX_ANSWER_WORDS = 60
NO_COPY_RUN = 5            # the model may not write this many of the bank draft's tokens in a row ...
NO_COPY_PENALTY = 6.0      # ... unless it is sure (a logit this much above the next token's): a hard ban broke grammar
MAP_WEIGHTS = True         # the weights mapped from the file and let go after loading (see __init__)
KEY_TERM_CHARS = 4         # words this long from the answer, the finding or the question are the model's to use freely


def shorten(answer: str, limit: int = MAX_ANSWER_WORDS) -> str:
    """Keep the start and the end of a long answer: the set-up and the outcome matter most."""
    words = answer.split()
    if len(words) <= limit:
        return answer.strip()
    half = limit // 2
    return " ".join(words[:half]) + " ... " + " ".join(words[-half:])


def key_terms(*texts: str) -> tuple[str, ...]:
    """The words the model may always copy: every content word of `KEY_TERM_CHARS` letters or more
    (or with a digit) in the texts, as said there."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9'\-]*", text):
            if word.lower() in guards.STOPWORDS:
                continue
            if len(word) >= KEY_TERM_CHARS or any(ch.isdigit() for ch in word):
                seen.setdefault(word, None)
    return tuple(seen)


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


@dataclass
class _Pace:
    """One follow-up's generation: when its first token came, and its later tokens over their seconds."""

    first_token_at: float | None = None
    tokens: int = 0
    generation_s: float = 0.0

    def reply(self, chosen: FollowUpReply, drawn: list[str]) -> FollowUpReply:
        return FollowUpReply(chosen.gap, chosen.question, chosen.source, tuple(drawn),
                             first_token_at=self.first_token_at, tokens=self.tokens, generation_s=self.generation_s)


class LlamaInterviewer:
    def __init__(
        self,
        model_path: Path,
        template: PromptTemplate,
        gaps: Mapping[str, Any],
        chat: bool | None = None,
        grammar: str | None = None,
        n_ctx: int = 2048,          # the longest prompt (few-shot with hints, a 60-word answer, the draft) is ~1,000 tokens
        threads: int | None = None,
        seed: int = 7,
        candidates: int = 2,
        threads_now: Callable[[], int] | None = None,
        no_copy_run: int = NO_COPY_RUN,
    ) -> None:
        self.model_path = check_gguf(Path(model_path))
        self.name = f"llama:{self.model_path.name}"
        self.template = template
        self.gaps = gaps
        from llama_cpp import Llama

        # Mapped, then let go (`heap.drop_mapped`). llama.cpp reads the whole mapped file while loading,
        # so mapped alone every page stayed resident; read (use_mmap=False), every weight was copied into
        # memory of its own, the token-embedding table too (89 MiB with Qwen2.5-Coder 0.5B), of which a
        # session reads only its tokens' rows. Let go after loading, the pages each token reads come back
        # from the page cache at the warm-up; the embedding rows of tokens never said, and the originals
        # of the weights llama.cpp repacks for the CPU's wide instructions, stay out (about 80 MiB less).
        # The same weights: the same tokens come out.
        try:
            with _no_amx_repack():
                self._llm = Llama(
                    model_path=str(self.model_path), n_ctx=n_ctx, n_threads=threads or max(1, os.cpu_count() or 1),
                    n_batch=64, seed=seed, verbose=False, use_mmap=MAP_WEIGHTS,
                )
        except Exception as exc:  # llama.cpp raises ValueError on a file it cannot load
            raise ModelError(f"interviewer model failed to load: {self.model_path} ({exc})".splitlines()[0],
                             "the file may be truncated or of an unsupported architecture; choose another .gguf as the interviewer "
                             "model (in Settings, or with --llm)") from None
        atexit.register(self._llm.close)   # before interpreter teardown, which llama-cpp's __del__ trips over
        if MAP_WEIGHTS:
            heap.drop_mapped(self.model_path)
        self.chat = self._has_chat_template() if chat is None else chat
        # The shape of a follow-up (prompts/followup.gbnf): only its openers are enforced, on the
        # first token; the whole grammar, checked over the vocabulary at every token, made each
        # follow-up half again as slow on 2 cores.
        self._openers: list[int] = self._opener_tokens(grammar) if grammar else []
        self._lock = threading.Lock()   # one Llama object is not safe across threads
        self.candidates = candidates
        self.threads_now = threads_now  # cores free at the moment of generating (coach.adapters.cpu)
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.no_copy_run = no_copy_run
        self.no_copy_penalty = NO_COPY_PENALTY
        self.keep_key_terms = True

    def _has_chat_template(self) -> bool:
        meta = getattr(self._llm, "metadata", {}) or {}
        return "tokenizer.chat_template" in meta

    # -- generation -----------------------------------------------------------
    def warm_up(self) -> None:
        """Evaluate the few-shot prefix once so that the first real follow-up only reads the live turn."""
        values = {"question": "Warm-up question?", "answer": "warm-up answer", "gap": "warm-up", "found": "", "hint": "",
                  "draft": ""}
        with self._lock:
            self._generate(values, 0.0, seed=1)

    def prepare(self, question: Question, answer_start: str) -> None:
        """While the candidate is still answering: read the prompt up to the answer's first
        words (those the shortened answer will start with) into the KV cache, so the
        follow-up at the end of the turn reads only the rest. Safe to skip."""
        head = " ".join(answer_start.split()[: MAX_ANSWER_WORDS // 2])
        values = {"question": question.prompt, "answer": head, "gap": "", "found": "", "hint": "", "draft": ""}
        with self._lock:
            self._generate(values, 0.0, seed=1, max_tokens=1)

    def _values(self, question: Question, answer: str, gap: str, target: str | findings.Finding = "",
                asked: Sequence[str] = ()) -> dict[str, str]:
        """The live turn: the gap's short name, what the scorer found (`target`) retold in plain
        words, how to ask about that kind of gap, and the bank's follow-up for that gap as the
        draft the model rewrites around the candidate's words."""
        found = findings.as_finding(target)
        return {
            "question": question.prompt,
            "answer": shorten(answer),
            "gap": self.template.gap_names.get(gap) or choice.gap_description(gap, self.gaps),
            "found": findings.plain(gap, found.evidence, answer, question.talking_points, found.check)
            if found.evidence else "-",
            "hint": choice.for_kind(self.template.hints, gap, question, ""),
            "draft": choice.bank_followup(question, gap, asked, self.gaps, target, answer),
        }

    def prompt_tokens(self, values: dict[str, str]) -> int:
        """The prompt's length in tokens (for a chat model, its messages' text without the template's markers)."""
        if self.chat:
            text = "\n".join(m["content"] for m in self.template.chat_messages(**values))
        else:
            text = self.template.completion_text(**values)
        return len(self._llm.tokenize(text.encode(), add_bos=False, special=False))

    def _generate(self, values: dict[str, str], temperature: float, seed: int,
                  cancel: threading.Event | None = None, max_tokens: int = 48, pace: _Pace | None = None,
                  avoid: Sequence[str] | None = None, keep: Sequence[str] = (), opening: Sequence[str] = ()) -> str:
        """One candidate, streamed to stop when `cancel` is set and to note in `pace` when the first
        token came and how fast the rest followed.

        Generation stops at the first "?": a follow-up is one question, and whatever a
        tiny model adds after it is a second question or chatter the guards would reject.
        """
        self._set_threads()
        common = {"max_tokens": max_tokens, "temperature": temperature, "top_p": 0.9, "stop": ["\n"], "seed": seed,
                  "stream": True, "logits_processor": self._end_after_question(
                      [values.get("draft", "")] if avoid is None else avoid, keep, opening)}
        if self.chat:
            stream = self._llm.create_chat_completion(messages=self.template.chat_messages(**values), **common)
        else:
            stream = self._llm.create_completion(self.template.completion_text(**values), **common)
        text, first = "", None
        for chunk in stream:
            if cancel is not None and cancel.is_set():
                stream.close()
                break
            option = chunk["choices"][0]
            piece = option.get("delta", {}).get("content") if self.chat else option.get("text")
            if not piece:
                continue
            if first is None:
                first = time.perf_counter()
                if pace is not None and pace.first_token_at is None:
                    pace.first_token_at = first
            elif pace is not None:
                pace.tokens += 1              # tokens after the first, over the time since the first
            text += piece
        if first is not None and pace is not None:
            pace.generation_s += time.perf_counter() - first
        return text

    def _set_threads(self) -> None:
        """As many llama.cpp threads as there are free cores now: one thread more than there are
        free cores makes every token wait for the thread that got no core."""
        if self.threads_now is None:
            return
        n = max(1, int(self.threads_now()))
        if n != self.threads:
            ctx = getattr(self._llm, "_ctx", None)
            if ctx is not None:
                ctx.set_n_threads(n, n)
                self.threads = n

    def _opener_tokens(self, grammar: str) -> list[int]:
        """The first tokens of the grammar's openers ("What ", "How ", "You said" ...), bare and
        after a space (a completion prompt ends in "follow-up:")."""
        import re

        line = re.search(r"^opener\s*::=(.*?)(?=^\w+\s*::=)", grammar, re.MULTILINE | re.DOTALL)
        words = re.findall(r'"([^"]+)"', line.group(1)) if line else []
        ids: set[int] = set()
        for w in words:
            for form in (w.strip(), " " + w.strip()):
                toks = self._llm.tokenize(form.encode(), add_bos=False, special=False)
                if toks:
                    ids.add(int(toks[0]))
        return sorted(ids)

    def _draft_runs(self, texts: Sequence[str]) -> dict[tuple[int, ...], set[int]]:
        """For each run of `NO_COPY_RUN - 1` tokens of the texts (the bank's draft), the tokens that follow it there."""
        n = self.no_copy_run - 1
        follows: dict[tuple[int, ...], set[int]] = {}
        if n < 1:
            return follows
        for form in (f for text in texts if text for f in (text, " " + text)):
            toks = [int(t) for t in self._llm.tokenize(form.encode(), add_bos=False, special=False)]
            for i in range(len(toks) - n):
                follows.setdefault(tuple(toks[i:i + n]), set()).add(toks[i + n])
        return follows

    def _key_tokens(self, keep: Sequence[str]) -> set[int]:
        """The tokens that spell the key terms (`keep`: the candidate's words, the missed point's, the
        question's), alone or after a space: the no-copy penalty never falls on them, so that the model
        can name "the holdout test" or "p99 latency" even where the draft names it too."""
        ids: set[int] = set()
        for word in keep:
            for form in (word, " " + word, word.capitalize(), " " + word.capitalize()):
                ids.update(int(t) for t in self._llm.tokenize(form.encode(), add_bos=False, special=False))
        return ids

    def _phrases(self, phrases: Sequence[str]) -> list[list[int]]:
        """Each opening phrase as tokens, bare and after a space (a completion prompt ends in "follow-up:")."""
        out = []
        for phrase in phrases:
            for form in (phrase, " " + phrase):
                toks = [int(t) for t in self._llm.tokenize(form.encode(), add_bos=False, special=False)]
                if toks:
                    out.append(toks)
        return out

    def _end_after_question(self, draft: Sequence[str] = (), keep: Sequence[str] = (),
                            opening: Sequence[str] = ()) -> Any:
        """The follow-up's shape, cheaply: its first token opens a question (one of the grammar's
        openers; `opening`: the gap's own opening phrases instead, from the prompt's `## openers`,
        each followed token by token until it is written out), and the text ends once a generated
        token holds "?" (that token is kept). And the
        model writes its own question: it may use the draft's words, but never `no_copy_run` of its
        tokens in a row (a copy of the bank's question is the bank's, and it names nothing the
        candidate said), except the key terms `keep` (see `_key_tokens`)."""
        import numpy as np
        from llama_cpp import LogitsProcessorList

        eos, calls, start = self._llm.token_eos(), 0, 0
        openers = np.array(self._openers, dtype=np.int64)
        runs = self._draft_runs(draft)
        free = self._key_tokens(keep) if runs else set()
        n = self.no_copy_run - 1
        phrases = self._phrases(opening)

        def opened(written: list[int]) -> list[int]:
            """The tokens that continue an opening phrase begun in `written` (none once it is written out)."""
            return sorted({p[len(written)] for p in phrases if len(p) > len(written) and p[:len(written)] == written})

        def after_question(input_ids: Any, scores: Any) -> Any:
            nonlocal calls, start
            calls += 1         # the first call is for the first token, and sees only the prompt
            if calls == 1:
                start = len(input_ids)
                first = np.array(opened([]), dtype=np.int64) if phrases else openers
                if len(first):
                    forced = np.full_like(scores, -np.inf)
                    forced[first] = scores[first]
                    return forced
                return scores
            if b"?" in self._llm.detokenize([int(input_ids[-1])]):
                forced = np.full_like(scores, -np.inf)
                forced[eos] = 0.0
                return forced
            if phrases:
                going = opened([int(t) for t in input_ids[start:]])
                if going:
                    forced = np.full_like(scores, -np.inf)
                    forced[going] = scores[going]
                    return forced
            if runs and len(input_ids) - start >= n:
                banned = runs.get(tuple(int(t) for t in input_ids[-n:]), set()) - free
                if banned:
                    scores = scores.copy()
                    scores[list(banned)] -= self.no_copy_penalty
            return scores

        return LogitsProcessorList([after_question])

    def propose(self, question: Question, answer: str, gap: str, n: int = len(TEMPERATURES)) -> list[str]:
        values = self._values(question, answer, gap)
        with self._lock:
            return [self._generate(values, t, seed=i + 1) for i, t in enumerate(TEMPERATURES[:n])]

    def fallback(self, question: Question, answer: str, gap: str, asked: Sequence[str],
                 target: str | findings.Finding = "") -> str:
        """The question `follow_up` asks when the model's is not ready or fails the guards: the bank's."""
        return choice.bank_probe(question, gap, asked, self.gaps, target, answer)

    def follow_up(self, question: Question, answer: str, gap: str, asked: Sequence[str],
                  cancel: threading.Event | None = None, deadline: float | None = None,
                  target: str | findings.Finding = "") -> FollowUpReply:
        """Draw candidates one by one and stop at the first that passes the guards (a capable
        model usually passes at once); after `candidates` failures the bank's probe is used.
        The first candidate is always drawn; another only if it would end before `deadline`
        (a `time.perf_counter()` value), judging by how long the last one took. A candidate cut
        short by `cancel` is dropped (the bank's probe is asked instead)."""
        values = self._values(question, answer, gap, target, asked)
        avoid = [values["draft"]]       # not the question: banning its runs made the model change its facts ("p98")
        keep = key_terms(question.prompt, values["answer"], values["found"]) if self.keep_key_terms else ()
        opening = choice.opening(self.template.openers, gap, question, target)
        # the opening words are the prompt's, not copied from its examples
        live = " ".join((values["found"], values["hint"], values["draft"], *opening))
        pace = _Pace()
        drawn: list[str] = []
        took = 0.0
        with self._lock:
            for i, temperature in enumerate(TEMPERATURES[: self.candidates]):
                if cancel is not None and cancel.is_set():
                    break
                started = time.perf_counter()
                if drawn and deadline is not None and started + took > deadline:
                    break
                text = self._generate(values, temperature, seed=i + 1, cancel=cancel, pace=pace, avoid=avoid,
                                      keep=keep, opening=opening)
                if cancel is not None and cancel.is_set():
                    break             # cut off mid-question: never asked half-written
                drawn.append(text)
                took = time.perf_counter() - started
                reply = choice.choose(question, answer, gap, drawn[-1:], asked, self.gaps, self.template.example_words,
                                         live=live, target=target)
                if reply.source == "model":
                    return pace.reply(reply, drawn)
        reply = choice.choose(question, answer, gap, [], asked, self.gaps, self.template.example_words,
                                 live=live, target=target)
        return pace.reply(reply, drawn)

