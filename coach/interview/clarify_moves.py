"""Moves in a candidate's turn that the question-shape rules of `clarify` miss or mistake.

Each is one general rule over the words of a sentence, its cue words data in
`rubrics/clarifying.toml`: a guess handed back to the interviewer, a fact stated with a
confirming tag, a need to know said as a statement (these ask); a check on the
candidate's own talk, the interviewer's opinion asked for, figures worked out or a
plan stated in the same breath as the question (these do not).
"""
from __future__ import annotations

import re

from coach.interview.clarify_cues import Cues

_AUX = frozenset({"is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "would", "will", "should",
                  "has", "have", "had"})
_BACK = frozenset({"that", "it", "i", "this", "there"})
_NUMBER = re.compile(r"^(?:\d[\d,.]*[kmbg]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
                     r"billion|trillion|percent|dozen|half|double|twice)$")


def _has(text: str, phrase: str) -> bool:
    return re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", text) is not None


def _at(words: list[str], i: int, phrase: str) -> bool:
    p = phrase.split()
    return words[i:i + len(p)] == p


def is_number(word: str) -> bool:
    return _NUMBER.match(word) is not None


def _plans(words: list[str], cues: Cues) -> bool:
    """The candidate's own plan ("i'd shard", "we'll cache"), not a guess ("i'd bet", "i'd guess")."""
    for p in cues.plan_markers:
        for i in range(len(words)):
            nxt = words[i + len(p.split()):][:1]
            if _at(words, i, p) and nxt and nxt[0] not in cues.guess_words:
                return True
    return False


def hands_back(words: list[str], cues: Cues) -> bool:
    """A guess handed to the interviewer to settle ("a few hundred million users but you tell me",
    "mostly reads i'd guess but is that so"): a guessing word, no plan of the candidate's, and a short
    last clause that turns to the interviewer ("you ...") or asks back ("is that so", "am i close")."""
    if not set(words) & cues.guess_words or _plans(words, cues):
        return False

    def asks_back(tail: list[str]) -> bool:
        return tail[0] in _AUX and tail[1:2] != [] and tail[1] in _BACK

    joins = [j for j, w in enumerate(words) if w in cues.hand_back_joins]
    tail = words[joins[-1] + 1:] if joins else []
    if 1 <= len(tail) <= 5 and (tail[0] in ("you", "you'd", "you'll") or asks_back(tail)):
        return True
    # no joining word ("..., i'd guess, is that so"): the last three or four words ask back
    return len(words) > 6 and any(asks_back(words[-k:]) for k in (3, 4))


def tagged_fact(words: list[str], core: list[str], cues: Cues, names_fact: bool) -> bool:
    """A fact of the problem stated for the interviewer to confirm ("we can use gpus for serving right",
    "the phones send a ping every few seconds right"): it names a fact or opens on a thing of the problem
    or what the team may use (`tag_fact_opens`); the candidate's own plan with a tag ("i'd shard by user,
    right") is not asked."""
    if not 4 <= len(words) <= 18 or words[-1] not in cues.confirm_tags:
        return False
    fragment = not set(words) & cues.statement_subjects    # "english only for the launch, correct?"
    if not (names_fact or fragment or any(core[:len(o.split())] == o.split() for o in cues.tag_fact_opens)):
        return False
    return not _plans(words, cues)


def states_a_need(words: list[str], cues: Cues) -> bool:
    """What the candidate needs to know, said as a statement ("one thing i need to understand first is
    how stale...", "it would help me to know if there's a model live"): a first person need, a verb of
    knowing, then what; unless the candidate goes on with the plan ("..., so i'd alert on it")."""
    for i in range(len(words)):
        for need in cues.need_verbs:
            if not _at(words, i, need):
                continue
            before = words[max(0, i - 3):i]
            mine = "me" in need.split() or bool({"i", "i'd", "i'm", "i'll", "it'd"} & set(before)) or \
                before[-2:] == ["it", "would"]
            j = i + len(need.split())
            j += words[j:j + 1] == ["to"]
            know = next((k for k in cues.know_verbs if _at(words, j, k)), None)
            if not mine or know is None:
                continue
            rest = words[j + len(know.split()):j + len(know.split()) + 3]
            after = " ".join(words[j:])
            if set(rest) & cues.embedded_words and not any(_has(after, g) for g in cues.goes_on):
                return True
    return False


def checks_in(words: list[str], cues: Cues) -> bool:
    """A check on the candidate's own talk ("does all of that hang together", "do those pieces look okay
    to you", "does the split seem sensible to you"): a do-question with a verb that judges, about what
    was just said (a demonstrative or "my" opens its subject) or put to the interviewer ("... to you")."""
    low = " ".join(words)
    to_you = _has(low, "to you") or _has(low, "for you")
    for i in range(len(words) - 1):
        if words[i] not in ("do", "does", "did", "would", "will"):
            continue
        subject = words[i + 1:i + 6]
        verb = next((k for k, w in enumerate(subject) if w in cues.judging_verbs), None)
        if verb is None or verb == 0 or subject[verb - 1] == "to":     # "does it need to feel instant" asks
            continue
        if to_you or subject[0] in cues.own_talk or " ".join(subject[:verb]) in cues.own_talk:
            return True
    return False


def asks_opinion(words: list[str], cues: Cues) -> bool:
    """The interviewer's own view or choice ("what do you think", "what would you do here", "would you
    shard by merchant"): a verb of opinion after "you", or after "would you" any verb but one that asks
    what the problem holds ("would you say the traffic is spiky")."""
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        hypothetical = w == "you'd" or (w == "you" and i > 0 and words[i - 1] in ("would", "should", "wouldn't"))
        if hypothetical and nxt not in cues.would_you_asks and nxt not in cues.statement_subjects:
            return True
        if w == "you" and i > 0 and nxt in cues.opinion_verbs and words[i - 1] in _AUX | {"don't", "wouldn't"}:
            return True
    return False


def works_it_out(words: list[str], opens: int, cues: Cues) -> bool:
    """Figures worked out after the question in the same breath ("how many gpus would that take seventy
    billion in fp16 is a hundred and forty gigs so two cards", "how long would a retrain take two hours
    on eight gpus so nightly is fine"): a number, then a result word and a number or a conclusion."""
    after = words[opens + 2:]
    seen = False
    for i, w in enumerate(after):
        rest = after[i + 1:]
        if seen and w in cues.result_words and (any(is_number(x) for x in rest[:2]) or (
                w == "so" and len(rest) >= 2 and rest[0] not in cues.statement_subjects)):
            return True
        seen = (seen or is_number(w)) and w != "or"     # "10k or 100k": options offered, not worked out
    return False


def plan_in_breath(words: list[str], opens: int, cues: Cues) -> bool:
    """The candidate's own clause after the question ("what happens if the feature store goes down we
    fall back to default values"): "we" or "i" well into the question, before a verb that does not ask
    what the problem holds ("how many payments we see")."""
    for i in range(opens + 4, len(words) - 1):
        if words[i] in ("we", "i") and words[i - 1] not in cues.bound_before and \
                words[i - 1] not in cues.statement_subjects and words[i - 1] not in ("and", "or", "but") and \
                words[i + 1] not in cues.fact_verbs and not words[i + 1].endswith("'t"):
            return True
    return False


def answered_after_pause(words: list[str], opens: int, cues: Cues) -> bool:
    """"where does most of the cost go um mostly gpu hours": a hesitation, then an answer's hedge."""
    return any(words[i] in ("um", "uh", "er", "erm", "hmm") and words[i + 1] in cues.answer_hedges
               for i in range(opens + 3, len(words) - 1))


def answers_previous(text: str, words: list[str], cues: Cues) -> bool:
    """"Yes, Redis does that easily.": a sentence that opens on an answer to the one before it."""
    return not text.rstrip().endswith("?") and len(words) > 2 and words[0] in cues.answer_words
