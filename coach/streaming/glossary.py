"""Which glossary terms to prime Whisper with for one question (pure: no model, no files).

Whisper keeps at most 223 tokens of hotwords, and the glossary is longer than that: the terms
that share a word with the question being answered (its prompt and talking points) are sent
first, then the rest in the glossary's order (the most common first), as many as fit.
"""
from __future__ import annotations

import re

HOTWORD_CHARS = 650      # Whisper keeps at most 223 tokens of hotwords; these terms run ~3.4 characters a token

_GENERIC = {"model", "feature", "data", "system", "size", "rate", "time", "test", "metric", "set", "flag", "table",
            "online", "offline", "search", "tree"}   # words too common in questions to pick a term by


def _stems(text: str) -> set[str]:
    out = set()
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        for suffix in ("ing", "es", "ed", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        if len(word) >= 4 and word not in _GENERIC and word.rstrip("e") not in _GENERIC and word + "e" not in _GENERIC:
            out.add(word)
    return out


def glossary_for(terms: list[str], context: str, limit: int = HOTWORD_CHARS) -> str:
    """Hotwords for one question: the terms that share words with `context` (the question and its
    talking points) first, most shared words first, then the rest in order, as many as fit in
    `limit` characters."""
    said = _stems(context)
    shared = {t: len(_stems(t) & said) for t in terms}
    first = sorted((t for t in terms if shared[t]), key=lambda t: -shared[t])   # most words in common first
    chosen: list[str] = []
    size = 0
    for term in first + [t for t in terms if t not in first]:
        if size + len(term) + 2 > limit:
            continue
        chosen.append(term)
        size += len(term) + 2
    return ", ".join(chosen)
