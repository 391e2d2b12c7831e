"""Glossary terms put back where Whisper heard them as other words that sound the same (pure: the
phonemes are computed by whoever calls, `coach.adapters.phonemes`).

Whisper tiny hears an ML term it does not know as the ordinary words nearest in sound: "crossing
quarter" for cross-encoder, "to the nation" for utilization, "and DCG" for NDCG. Spelled, the two are
far apart; said, they are close. So a run of heard words is compared with each glossary term by
sound (their phonemes as espeak-ng reads them, stress and length marks dropped), and replaced when
the term is nearly what was said: at most `max_distance` of the term's phonemes differ, the run is
not already the term, and the term is one Whisper could not have written by itself (it has a
capital, a digit, a hyphen or several words: "attention" is never put in for "a tension"). When
every heard word is an ordinary word (the caller says which are), at most one phoneme may differ:
"match size" becomes batch size, "paid attention" (two apart from paged attention) stays. Only glossary terms are ever written in, so ordinary speech is changed
only where it sounds like jargon.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coach.streaming.glossary import edit_distance, spelled

MAX_DISTANCE = 0.2      # share of the term's phonemes that may differ
MAX_WORDS = 4           # the longest run of heard words compared with a term
MIN_PHONEMES = 5        # shorter terms sound like too much ordinary speech
ORDINARY_EDITS = 1      # phonemes that may differ when every heard word is an ordinary word

Phonemize = Callable[[Sequence[str]], list[str]]   # words -> one phoneme string each


def simplify(phonemes: str) -> str:
    """Phonemes without stress, length, syllable and variant marks ("kr'O2sIN" -> "krOsIN"; espeak-ng's
    "0" and "3" are vowels and stay)."""
    return re.sub(r"[^A-Za-z@&03]", "", phonemes)


def spoken(word: str) -> str:
    """A word as it is said: an acronym of two or three capitals letter by letter ("AUC" is "A U C",
    not "auk" as espeak-ng would read it)."""
    return " ".join(word) if re.fullmatch(r"[A-Z]{2,3}s?", word) else word


def within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance of `a` and `b` is at most `limit` (a band of the table, given up
    once a whole row is over the limit: most pairs are settled in a row or two)."""
    if abs(len(a) - len(b)) > limit:
        return False
    big = limit + 1
    row = [j if j <= limit else big for j in range(len(b) + 1)]
    for i, x in enumerate(a, 1):
        lo, hi = max(1, i - limit), min(len(b), i + limit)
        new = [big] * (len(b) + 1)
        new[0] = i if i <= limit else big
        for j in range(lo, hi + 1):
            new[j] = min(row[j] + 1, new[j - 1] + 1, row[j - 1] + (x != b[j - 1]), big)
        if min(new) > limit:
            return False
        row = new
    return row[-1] <= limit


def eligible(term: str) -> bool:
    """A term Whisper would not write unprompted: a capital, a digit, a hyphen or a slash, or several words."""
    return bool(re.search(r"[A-Z0-9/-]", term)) or " " in term.strip()


@dataclass(frozen=True)
class SoundTable:
    """The glossary's eligible terms with their simplified phonemes."""

    terms: tuple[tuple[str, str], ...]

    @classmethod
    def build(cls, terms: Sequence[str], phonemize: Phonemize) -> SoundTable:
        picked = [t for t in dict.fromkeys(terms) if eligible(t)]
        sounds = [simplify(p) for p in phonemize([" ".join(spoken(w) for w in t.split()) for t in picked])] \
            if picked else []
        return cls(tuple((t, s) for t, s in zip(picked, sounds) if len(s) >= MIN_PHONEMES))


def _numbers_fit(said: str, term: str) -> bool:
    """A term with a number ("A100", "FP16") only where the same number was heard beside the same
    letters, as capitals where the term has them ("FP 16", "A 100", "int 8"; not "top 100", nor "a 100" people)."""
    digits = re.sub(r"\D", "", term)
    if re.sub(r"\D", "", said) != digits:
        return False
    if not digits:
        return True
    letters, written = re.sub(r"[^A-Za-z]", "", said), re.sub(r"[^A-Za-z]", "", term)
    return letters.lower() == written.lower() and (letters != letters.lower() or written == written.lower())


def _bare(word: str) -> str:
    """A heard word as espeak-ng should read it: its punctuation around it dropped."""
    return re.sub(r"^[^A-Za-z0-9]+|[^A-Za-z0-9%]+$", "", word)


def restore(text: str, table: SoundTable, phonemize: Phonemize, max_distance: float = MAX_DISTANCE,
            common: Callable[[str], bool] = lambda word: False) -> str:
    """`text` with each run of heard words that sounds like a glossary term replaced by the term.
    Runs are tried best match first; a replaced run keeps the punctuation after its last word. A run
    of words that are all ordinary (`common`) must sound within `ORDINARY_EDITS` phonemes of the term
    ("match size" batch size; "paid attention" stays)."""
    words = text.split()
    if not words or not table.terms:
        return text
    bare = [_bare(w) for w in words]
    said_words = [i for i, b in enumerate(bare) if b]
    sounds = [""] * len(words)
    for i, p in zip(said_words, phonemize([spoken(bare[i]) for i in said_words])):
        sounds[i] = simplify(p)
    keys = {spelled(term): term for term, _ in table.terms}
    found: list[tuple[float, int, int, str]] = []      # (distance, start, end, term)
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + MAX_WORDS) + 1):
            if not all(sounds[start:end]):
                break
            said = " ".join(bare[start:end])
            same = keys.get(spelled(said))
            if same is not None:        # the term itself, spaced otherwise ("A U C", "fine tuning")
                if _numbers_fit(said, same):
                    found.append((-1.0, start, end, same))
                continue
            ordinary = all(common(b) for b in bare[start:end])
            heard = "".join(sounds[start:end])
            digits = re.sub(r"\D", "", said)
            for term, sound in table.terms:
                limit = min(ORDINARY_EDITS, int(max_distance * len(sound))) if ordinary else int(max_distance * len(sound))
                if abs(len(heard) - len(sound)) > limit or not within(heard, sound, limit) \
                        or (digits or any(c.isdigit() for c in term)) and not _numbers_fit(said, term):
                    continue
                found.append((edit_distance(heard, sound) / len(sound), start, end, term))
    taken = [False] * len(words)
    chosen: dict[int, tuple[int, str]] = {}
    for d, start, end, term in sorted(found):
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        chosen[start] = (end, term)
    out: list[str] = []
    i = 0
    while i < len(words):
        if i in chosen:
            end, term = chosen[i]
            tail = re.search(r"[^A-Za-z0-9%]*$", words[end - 1])
            out.append(term + (tail.group(0) if tail else ""))
            i = end
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def restore_all(texts: Sequence[str], table: SoundTable, phonemize: Phonemize,
                max_distance: float = MAX_DISTANCE, common: Callable[[str], bool] = lambda word: False) -> list[str]:
    """`restore` for several texts (a transcript's segments) with one call to `phonemize`."""
    said = list(dict.fromkeys(spoken(b) for t in texts for b in map(_bare, t.split()) if b))
    if not said or not table.terms:
        return list(texts)
    known = dict(zip(said, phonemize(said)))

    def lookup(words: Sequence[str]) -> list[str]:
        return [known.get(w, "") for w in words]
    return [restore(t, table, lookup, max_distance, common) for t in texts]


NEAR_MIN_SOUNDS = 4     # a shorter coarse key sounds like too much ordinary speech
NEAR_LONG = 9           # a coarse key this long may differ in two places (a shorter one, in one)
_VOWELS = re.compile(r"[aAeEiIoOuUV@03&yY]+")


def coarse(phonemes: str) -> str:
    """Phonemes as a rough key: each run of vowels one "V" and the r-coloured vowel an "r" after it
    ("l'oU r'A:" LoRA and "l'oU3 'eI" "lower a" are both "lVrV"). A synthetic voice and a small model
    disagree most on vowels; the consonants carry the word."""
    return _VOWELS.sub("V", simplify(phonemes).replace("3", "@r"))


def _slack(key: str) -> int:
    return 2 if len(key) >= NEAR_LONG else 1


def _deletions(key: str, depth: int) -> set[str]:
    """`key` and every string made from it by deleting up to `depth` of its sounds."""
    out, edge = {key}, {key}
    for _ in range(depth):
        edge = {k[:i] + k[i + 1:] for k in edge for i in range(len(k))}
        out |= edge
    return out


@dataclass(frozen=True)
class NearTable:
    """Every glossary term by its coarse key, indexed by the keys' deletions (any two strings within
    an edit or two share one), so a heard run is matched without comparing it with every term."""

    keys: dict[str, str]                      # term -> coarse key
    index: dict[str, tuple[str, ...]]         # a deletion of a key -> the terms with that key

    @classmethod
    def build(cls, terms: Sequence[str], phonemize: Phonemize) -> NearTable:
        picked = list(dict.fromkeys(terms))
        spoken_terms = [" ".join(spoken(w) for w in t.split()) for t in picked]
        keys = {t: coarse(p) for t, p in zip(picked, phonemize(spoken_terms) if picked else [])}
        keys = {t: k for t, k in keys.items() if len(k) >= NEAR_MIN_SOUNDS}
        index: dict[str, list[str]] = {}
        for term, key in keys.items():
            for variant in _deletions(key, _slack(key)):
                index.setdefault(variant, []).append(term)
        return cls(keys, {k: tuple(v) for k, v in index.items()})


def near(texts: Sequence[str], table: NearTable, phonemize: Phonemize, max_words: int = 2) -> list[str]:
    """The glossary terms some run of up to `max_words` heard words sounds roughly like (coarse keys
    an edit apart, two for a long term), nearest first: the terms worth priming a second pass with
    ("lower a" LoRA, "FV16" FP16, "ten sorority" TensorRT). Looser than `restore`, which writes a term
    in: here a wrong guess costs only a place among the hotwords."""
    words = [spoken(b) for t in texts for b in map(_bare, t.split()) if b]
    if not words or not table.keys:
        return []
    said = list(dict.fromkeys(words))
    known = dict(zip(said, (coarse(p) for p in phonemize(said))))
    best: dict[str, int] = {}
    for start in range(len(words)):
        heard = ""
        for end in range(start, min(len(words), start + max_words)):
            if not known.get(words[end]):
                break
            heard += known[words[end]]
            if len(heard) < NEAR_MIN_SOUNDS:
                continue
            found = {t for v in _deletions(heard, 2 if len(heard) >= NEAR_LONG - 1 else 1)
                     for t in table.index.get(v, ())}
            for term in found:
                key = table.keys[term]
                d = edit_distance(heard, key)
                if d <= _slack(key) and d < best.get(term, 3):
                    best[term] = d
    return sorted(best, key=lambda t: best[t])
