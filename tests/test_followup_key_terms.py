"""The no-copy push on the bundled model: it bends the draft's wording, never the candidate's key terms."""
from __future__ import annotations

import numpy as np

from coach.adapters.llama_interviewer import key_terms


def test_key_terms_are_the_content_words_and_figures_said() -> None:
    terms = key_terms("How would you cut the p99 latency?", "We moved the ranking model to 40 ms with a cache.")
    assert {"p99", "latency", "ranking", "model", "40", "cache"} <= set(terms)
    assert not {"would", "with", "the", "we"} & {t.lower() for t in terms}


def _pushed(interviewer, draft: str, keep: tuple[str, ...]) -> tuple[float, float]:
    """Feed the processor the draft's first tokens as if the model had copied them; return the score the
    draft's next token gets after a run of copies, for a key-term token and for a plain one."""
    llm = interviewer._llm
    tokens = [int(t) for t in llm.tokenize((" " + draft).encode(), add_bos=False, special=False)]
    prompt = [int(t) for t in llm.tokenize(b"follow-up:", add_bos=False, special=False)]
    n = interviewer.no_copy_run - 1
    key = interviewer._key_tokens(("holdout",))
    results = {}
    for i in range(n, len(tokens)):
        kind = "key" if tokens[i] in key else "plain"
        if kind in results:
            continue
        process = interviewer._end_after_question([draft], keep)[0]
        process(np.array(prompt), np.zeros(llm.n_vocab(), dtype=np.float32))          # the first token
        scores = process(np.array(prompt + tokens[:i]), np.zeros(llm.n_vocab(), dtype=np.float32))
        results[kind] = float(scores[tokens[i]])
    return results["key"], results["plain"]


def test_the_draft_is_bent_but_the_candidates_term_is_free(interviewer) -> None:
    draft = "So what did the team learn from the holdout test and the launch after it?"
    key, plain = _pushed(interviewer, draft, keep=("holdout",))
    assert plain < 0 and key == 0.0          # copying on is pushed back; the key term is not
    key_pushed, _ = _pushed(interviewer, draft, keep=())
    assert key_pushed < 0                    # without the exemption the term itself was pushed off
