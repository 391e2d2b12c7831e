"""Words of a candidate's turn, for telling clarifying questions apart: sentences, fillers and lead-ins
stripped, where a phrase occurs, and whether a clause opens like a question."""
from __future__ import annotations

import functools
import re

from coach.interview.clarify_cues import Cues


SENTENCE = re.compile(r"[^.?!]+[.?!]*")
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_ASKS_ON = r"(?:how|what|which|who|where|when|do|does|is|are|can|could|should|will|the)\b"
# parts of a question: after a comma, or before "and"/"also"/"or" and a new question ("or" is kept: it offers an
# alternative of the part before it, read by clarify_answer)
# (fillers may come between: "and also like how long ...")
CLAUSE = re.compile(r",\s*|\s+(?:and|also)(?:\s+(?:also|then|like|um|uh|er|so))*\s+(?=" + _ASKS_ON + r")|\s+(?=or\s+" + _ASKS_ON + r")")
_BARE = {"whats": "what's", "hows": "how's", "wheres": "where's", "whos": "who's", "whens": "when's"}


def tokens(text: str) -> list[str]:
    return [_BARE.get(w, w) for w in _WORD.findall(text.lower().replace("\u2019", "'"))]


def strip_lead_ins(words: list[str], cues: Cues) -> list[str]:
    """"got it, and what about the data...": the words after an acknowledgement of the last reply."""
    changed = True
    while changed and words:
        changed = False
        if words[0] in cues.fillers:
            words, changed = words[1:], True
            continue
        for phrase in cues.lead_ins:
            p = phrase.split()
            if words[:len(p)] == p:
                words, changed = words[len(p):], True
                break
    return words


@functools.lru_cache(maxsize=None)
def _phrase(phrase: str) -> re.Pattern[str]:
    # compiled once per cue phrase: the cue lists hold thousands, more than re's own cache keeps
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])")


@functools.lru_cache(maxsize=None)
def front(phrase: str) -> re.Pattern[str]:
    """A cue phrase at the start of a word, which may run on ("judge" in "judged"), compiled once."""
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase))


def has(text: str, phrase: str) -> bool:
    return phrase in text and _phrase(phrase).search(text) is not None    # the substring first: cheap


@functools.lru_cache(maxsize=None)
def _whole(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9'])")


def has_words(text: str, phrase: str) -> bool:
    """`has`, but a phrase ending in a word does not match the front of a contraction ("when we" is not in
    "when we're")."""
    return _whole(phrase).search(text) is not None


def core(words: list[str], cues: Cues) -> list[str]:
    """The sentence's words after leading fillers and hedges ("okay so um, roughly how many...")."""
    i = 0
    while i < len(words) and (words[i] in cues.fillers or words[i] in cues.hedges):
        i += 1
    return words[i:]


def opens_question(words: list[str], cues: Cues) -> bool:
    head = " ".join(words[:3])
    for start in cues.question_starts + ("how",):
        if head == start or head.startswith(start + " "):
            rest = words[len(start.split()):]
            if start == "how" and not rest:
                return False
            # "what we need is...", "how I'd do it": a question word, then a subject, is a statement
            return not (rest and rest[0] in cues.statement_subjects and start in ("what", "how", "where", "when", "why"))
    return False


def find(words: list[str], phrase: str, start: int = 0) -> list[int]:
    """Where the phrase's words occur in the word list, from `start` on."""
    p = phrase.split()
    if not p or p[0] not in words:      # (the first word's absence settles it, cheaply)
        return []
    return [i for i in range(start, len(words) - len(p) + 1) if words[i:i + len(p)] == p]

