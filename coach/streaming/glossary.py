"""Which glossary terms to prime Whisper with for one question (pure: no model, no files).

Whisper keeps at most 223 tokens of hotwords, and the glossary is longer than that: the terms
that share a word with the question being answered (its prompt and talking points) are sent
first, then the rest in the glossary's order (the most common first), as many as fit.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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


def glossary_for(terms: list[str], context: str, limit: int = HOTWORD_CHARS, heard: str = "",
                 sounds: Callable[[str], Sequence[str]] | None = None) -> str:
    """Hotwords for one question: the terms that share words with `context` (the question and its
    talking points) first, most shared words first, then the rest in order, as many as fit in
    `limit` characters. With `heard` (the answer as first transcribed, unprimed), the terms it
    names or seems to name go before all others: first those whose every word it says, then those
    `sounds` finds it sounds roughly like, nearest first ("lower a" LoRA; the terms Whisper most
    likely misheard), then those it says some of the words of (the larger share first), then those a
    word of it is spelled like ("low RA" LoRA)."""
    said = _stems(context)
    shared = {t: len(_stems(t) & said) for t in terms}
    first = sorted((t for t in terms if shared[t]), key=lambda t: -shared[t])   # most words in common first
    if heard:
        named = _named(terms, heard, sounds)
        first = named + [t for t in first if t not in named]
    chosen: list[str] = []
    size = 0
    for term in first + [t for t in terms if t not in first]:
        if size + len(term) + 2 > limit:
            continue
        chosen.append(term)
        size += len(term) + 2
    return ", ".join(chosen)


def _named(terms: list[str], heard: str, sounds: Callable[[str], Sequence[str]] | None = None) -> list[str]:
    """The terms `heard` names or seems to: those it says in full, then those it sounds roughly like
    (`sounds`, nearest first), then those it says part of (the larger share of the term's words first),
    then the one-word sound-alikes by spelling."""
    words = _stems(heard)
    share = {t: len(stems & words) / len(stems) for t in terms if (stems := _stems(t))}
    whole = [t for t in terms if share.get(t, 0.0) == 1.0]
    partly = sorted((t for t in terms if 0.0 < share.get(t, 0.0) < 1.0), key=lambda t: -share[t])
    known = set(terms)
    by_sound = [t for t in (sounds(heard) if sounds is not None else ()) if t in known]
    spoken = heard.split()
    spans = {" ".join(spoken[i:i + n]) for n in (1, 2) for i in range(len(spoken) - n + 1)}
    skeletons: dict[str, list[str]] = {}        # a span can only sound like a term of its own consonant skeleton
    for t in terms:
        if " " not in t:
            skeletons.setdefault(_sound(spelled(t)), []).append(t)
    hit = {t for s in spans for t in skeletons.get(_sound(spelled(s)), ()) if spelled(s) == spelled(t) or sounds_like(s, t)}
    alike = [t for t in terms if t in hit]
    return list(dict.fromkeys([*whole, *by_sound, *partly, *alike]))


def spelled(text: str) -> str:
    """Letters and digits only, lowercase: how a term or a run of words is spelled, spacing aside."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _spelling(key: str) -> str:
    """A key spelled as it sounds, roughly ("onnx" and "onks" alike)."""
    for a, b in (("ph", "f"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"), ("z", "s")):
        key = key.replace(a, b)
    return key


def _sound(key: str) -> str:
    """The consonant skeleton of a spelling ("lora" and "lowra" are both "lr")."""
    s = _spelling(key)
    return re.sub(r"(.)\1+", r"\1", s[:1] + re.sub(r"[aeiouyhw]", "", s[1:]))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two strings (of letters, or of phonemes)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def sounds_like(heard: str, term: str) -> bool:
    """`heard` (one or two words) may be `term` (one word) misheard: the same consonant skeleton, the
    same digits, and at most a letter in three apart, spelled as it sounds ("low RA" LoRA, "onks" ONNX)."""
    h, t = spelled(heard), spelled(term)
    if len(t) < 4 or h == t or _sound(h) != _sound(t) or re.sub(r"\D", "", h) != re.sub(r"\D", "", t):
        return False
    return edit_distance(_spelling(h), _spelling(t)) <= max(1, len(t) // 3)


def correct(text: str, terms: list[str], common: Callable[[str], bool] = lambda word: False) -> str:
    """`text` with the glossary's one-word terms put back where Whisper heard them as something that
    sounds the same: a word split in two ("air flow" Airflow, "low RA" LoRA) or a made-up word
    ("onks" ONNX). Left alone: a word that is itself a term (or part of one), a word `common` says is
    an ordinary word (Whisper heard a real word: "reduce" stays, though it sounds like Redis), two
    words that only sound like a lowercase term ("on that" is not "one-hot"), terms of several words."""
    single = [t for t in terms if " " not in t.strip() and len(spelled(t)) >= 4]
    written = [t for t in single if t != t.lower()]        # LoRA, ONNX, Redis: spellings Whisper cannot guess
    known = {spelled(w) for t in terms for w in (t, *t.split())}
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (2, 1):
            span = words[i:i + n]
            if len(span) < n or not all(spelled(w) for w in span) or any(spelled(w) in known for w in span):
                continue
            core = " ".join(span)
            if n == 1:
                term = None if common(re.sub(r"[^A-Za-z0-9'-]", "", core)) else \
                    next((t for t in single if sounds_like(core, t)), None)
            else:
                term = next((t for t in single if spelled(core) == spelled(t)), None) or \
                    next((t for t in written if sounds_like(core, t)), None)
            if term is not None:
                tail = re.search(r"[^A-Za-z0-9]*$", span[-1])
                out.append(term + (tail.group(0) if tail else ""))
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)
