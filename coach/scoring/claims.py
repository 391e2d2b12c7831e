"""Wrong claims: sentences that state one of the question's known misconceptions as true.

A question's `misconceptions` (rubrics/questions/*.toml) each carry cues: patterns for the ways people state the
wrong claim, and cue sets of co-occurring concepts or a swap of two meanings that generalise past any one
wording (coach/scoring/concepts.py). A cue fires on a sentence unless the words around the match deny or distance it ("people think
accuracy is fine here but it isn't", "it is a myth that ...", "not because ..."): the window checked is the
clause around the match, so an unpunctuated spoken answer (one long run) is read piece by piece. A fired sentence
covers no talking point, caps the technical level (coach/scoring/calibrate.py) and raises the gap "wrong_claim".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coach.domain import Misconception, Question
from coach.scoring import concepts
from coach.scoring.literals import may_match
from coach.scoring.text import Sentence

# Words that say the speaker reports or rejects the claim instead of making it. Checked in a window before the
# match (DENY_BEFORE) and just after it (DENY_AFTER: "... but that's wrong", or the harm it does: "... leaks").
DENY_BEFORE = re.compile(
    r"\b(?:(?:people|some|many|folks|candidates|teams|juniors?|others|a lot of \w+|everyone|you might|one might|"
    r"it'?s tempting to|tempting to) (?:\w+ )?(?:think|thinks|believe|believes|assume|assumes|say|says|claim|claims)|"
    r"(?:common|classic|typical|usual) (?:mistake|misconception|trap|error|pitfall|myth)|misconception|myth|"
    r"(?:a |the )?(?:mistake|trap|pitfall|fallacy) (?:is|was|of|to)|it'?s (?:wrong|false|not true) (?:that|to)|"
    r"(?:isn'?t|is not|wasn'?t|was not|not) (?:true|the case) that|contrary to|rather than|instead of|"
    r"the (?:naive|wrong) (?:view|answer|idea|reading)|(?:don'?t|do not|never|shouldn'?t|should not|can'?t|cannot) "
    r"(?:just |simply )?(?:assume|say|think|claim|believe)|no,? (?:it|that)|not (?:because|that))\b", re.I)
DENY_AFTER = re.compile(
    r"^[^.?!;]{0,50}?\b(?:but (?:it|that|this)(?:'?s| is| was)? (?:not|isn'?t|wasn'?t|wrong|false|a myth|backwards)|"
    r"(?:is|are|that'?s|which is|it'?s) (?:wrong|false|a myth|backwards|a mistake|not true|misleading)|"
    r"which (?:isn'?t|is not) (?:true|right|the case)|"
    r"but (?:it|that) (?:doesn'?t|does not|isn'?t|is not)|"
    r"(?:is|was) (?:the |a |our |my )?(?:mistake|trap|misconception|pitfall|error)|"
    # the harm it does, told right after it: "oversampling before the split copies rows into validation"
    # ("copies" and "duplicates" as verbs: "adding copies of real patterns" names the data, not a harm)
    r"(?:leaks?|leaking|inflates?|inflating|contaminat\w*|(?<!adding )(?<!add )(?<!adds )(?<!of )(?<!more )"
    r"(?<!extra )(?<!making )(?:copies|duplicates)|(?:makes?|made) (?:\w+ )?(?:score|scores|"
    r"result|results|estimate) (?:look )?(?:optimistic|too good)|is (?:optimistic|biased|cheating)))\b", re.I)
# A negation inside the matched words, or in the two words just before them, turns the claim round ("L2 does not
# zero weights", "never tune on the test set"): cues are written as plain positive statements.
NEGATED = re.compile(r"\b(?:not|never|no|nor|without|unlike|neither|hardly|(?:do|does|did|is|are|was|were|ca|could|"
                     r"should|would|wo|have|has|had|need|must)n'?t)\b", re.I)
NEAR_BEFORE = re.compile(r"\b(?:not|never|no|don'?t|do not|doesn'?t|does not|shouldn'?t|should not|wouldn'?t|"
                         r"won'?t|can'?t|cannot|avoid|avoiding|instead of|rather than|not to|unlike)\s+(?:\S+\s+){0,2}$",
                         re.I)
WINDOW = 70        # characters before the match read for a denial


@dataclass(frozen=True)
class WrongClaim:
    claim: str          # the misconception, in plain words
    right: str          # what is true
    evidence: str       # the sentence that states it

    def line(self) -> str:
        return f"Wrong: {self.claim} — {self.right}"

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "right": self.right, "evidence": self.evidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "WrongClaim":
        return cls(str(d.get("claim", "")), str(d.get("right", "")), str(d.get("evidence", "")))


@lru_cache(maxsize=1024)
def _compiled(cue: str) -> re.Pattern[str]:
    return re.compile(cue, re.I)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` begins within the look-back window: after the last ; or :."""
    lo = max(0, at - WINDOW)
    cut = max(text.rfind(";", lo, at), text.rfind(":", lo, at))
    return cut + 1 if cut >= 0 else lo


# A condition names what might be done, not what the speaker holds ("if you fit the scaler on the whole dataset
# before splitting, the test set has quietly shaped the training"): the condition is read out of the sentence, unless
# what follows it calls the result fine ("if you skip the split, it's fine").
# Spoken, the supposition often runs into its main clause with no comma ("if you wanted to be safe you could use a
# sketch, which ..."): it ends where the main clause's speaker and modal begin.
_MAIN = r" (?:you|we|i|they) (?:could|would|can|should|might|will|'d)\b"
# ... and the speaker's own, short, before what they would then do: "if I only optimized opens I'd end up spamming
# people" warns against it ("if i want more positives i use smote, which ..." is no supposition: what they do)
_OWN_IF = r"\bif i (?:[^,.;:?!]){0,60}?(?:,|(?= i(?:'d| would)\b))|"
IF_CLAUSE = re.compile(_OWN_IF + rf"\b(?:if|whenever) (?:you|we|someone|anyone|a team|people|they|one)\b"
                       rf"(?:(?!{_MAIN})[^,.;:?!]){{0,160}}?(?:,|(?={_MAIN}))", re.I)
FINE_AFTER = re.compile(r"^[^.;?!]{0,40}?\b(?:fine|okay|ok|no problem|nothing (?:bad|wrong)|works?|safe|good enough|"
                        r"harmless|doesn'?t matter|does not matter)\b", re.I)


def _unconditioned(sentence: str) -> str:
    """The sentence without the conditions it only supposes (see IF_CLAUSE)."""
    return IF_CLAUSE.sub(lambda c: c.group(0) if FINE_AFTER.search(sentence[c.end():]) else " ", sentence)


def states(m: Misconception, sentence: str, negation_in_cue: bool = False) -> bool:
    """Whether the sentence states the misconception as true: a cue fires and nothing near it denies it, or a cue
    set of concept groups or a swap of two meanings fires (coach/scoring/concepts.py). What the sentence only
    supposes ("if you ..., ") is not stated. `negation_in_cue`: a negation the cue itself matches is part of what it
    hears ("nothing ever broke"), not a denial of it (a question's pitfalls, coach/scoring/pitfalls.py)."""
    return _states(m, as_held(sentence), negation_in_cue)


def as_held(sentence: str) -> str:
    """The sentence as the speaker holds it: without the conditions it only supposes (read once per sentence)."""
    return _unconditioned(sentence) if IF_CLAUSE.search(sentence) else sentence


def _states(m: Misconception, sentence: str, negation_in_cue: bool = False, lowered: str | None = None) -> bool:
    """`states` on a sentence already read by `as_held`. `lowered`: its `_words`, when known: a cue set or a swap
    whose words it lacks is not tried (`_needs`)."""
    needs = _needs(m) if lowered is not None else None

    def may(k: int) -> bool:
        return needs is None or lowered is None or all(any(w in lowered for w in g) for g in needs[k])

    if any(may(k) and concepts.fires(c, sentence) for k, c in enumerate(m.concepts)) or \
            any(may(k) and concepts.swapped(w, sentence) for k, w in enumerate(m.swaps, len(m.concepts))):
        return True
    for cue in m.cues:
        if not may_match(_compiled(cue), sentence):
            continue                     # (the literal text every match holds is not there)
        for hit in _compiled(cue).finditer(sentence):
            before = sentence[_clause_start(sentence, hit.start()):hit.start()]
            if (not negation_in_cue and NEGATED.search(hit.group(0))) or NEAR_BEFORE.search(before) or DENY_BEFORE.search(before) \
                    or DENY_AFTER.search(sentence[hit.end():]):
                continue
            return True
    return False


def _may_hold(m: Misconception, needs: _Needs | None, lowered: str, held: str) -> bool:
    """Whether a sentence (read by `as_held`; `lowered`: its `_words`) holds what one of the misconception's cue
    sets, swaps or cues cannot fire without: the cheap test before `_states`."""
    if _holds(needs, lowered):
        return True
    for c in m.cues:                     # (a loop, not a generator: this runs for every sentence and claim)
        if may_match(_compiled(c), held):
            return True
    return False


# A sentence that names its subject by a pronoun in its first words ("The standard approach is SMOTE. I run it on
# the whole dataset first, before splitting ..."): the claim is read with the sentence before it, unless that one
# turns something round ("don't stop early ... | we had that once where ..." tells what went wrong).
# ("that" after "is", "means", "found" ... opens what is said, not a pointer back: "The catch is that PSI alarms ...")
BACK_REFERENCE = re.compile(r"^(?:\W*[\w'-]+){0,5}?\W*\b(?:it|this|(?<!is )(?<!was )(?<!means )(?<!meant )(?<!said )"
                            r"(?<!says )(?<!found )(?<!think )(?<!thought )(?<!showed )(?<!shows )that|these|those|they|"
                            r"them)\b(?! (?:is|was) (?:why|how|what|when|where)\b)", re.I)


def _joined(before: str, sentence: str) -> str:
    """The sentence read as one clause with the one before it (its end stop dropped, so no clause break between)."""
    return before.rstrip().rstrip(".!?") + ", and " + sentence


def _read(question: Question | None, general: bool) -> tuple[Misconception, ...]:
    """The question's own misconceptions, then the field's common ones (rubrics/misconceptions.toml) when `general`."""
    own = question.misconceptions if question is not None else ()
    if not general:
        return own
    from coach.content.loader import field_misconceptions
    claimed = {m.claim for m in own}
    return own + tuple(m for m in field_misconceptions() if m.claim not in claimed)


def _words(text: str) -> str:
    """The text lowered with every run of non-word characters as one space, and a space in front."""
    return " " + _NON_WORD.sub(" ", text.lower())


_NON_WORD = re.compile(r"[^\w%]+")


_Needs = tuple[tuple[tuple[str, ...], ...], ...]
_NEEDS: dict[int, tuple[Misconception, _Needs | None]] = {}    # by the misconception's id (hashing one is slow)


def _needs(m: Misconception) -> _Needs | None:
    """For each cue set and swap, the words (as `_words` writes them, each with the space before it) without which it
    cannot fire: one of each group's (the longest word of each alternative), or one of a swap's names. None when it
    has neither."""
    known = _NEEDS.get(id(m))
    if known is not None and known[0] is m:
        return known[1]
    if not m.concepts and not m.swaps:
        needs = None
    else:
        def longest(alt: str) -> str:
            return " " + max(_NON_WORD.split(alt.lstrip("!").rstrip("*").lower()), key=len)

        sets = [tuple(tuple(sorted({longest(a) for a in g})) for g in concepts.parse(c) if not g[0].startswith("-"))
                for c in m.concepts]
        sets += [(tuple(sorted({longest(a) for side in w.split(";")
                                for a in concepts.parse(side.partition(":")[0])[0]})),) for w in m.swaps]
        needs = tuple(sets)
    if len(_NEEDS) >= 4096:
        _NEEDS.clear()
    _NEEDS[id(m)] = (m, needs)
    return needs


def _holds(needs: _Needs | None, lowered: str) -> bool:
    """Whether a text (`_words`) holds every group's words of one of the cue sets or a swap's names."""
    if needs is None:
        return False
    for groups in needs:                 # (loops, not nested generators: this runs for every sentence and claim)
        for g in groups:
            for w in g:
                if w in lowered:
                    break
            else:
                break                    # a group none of whose words is there: this set cannot fire
        else:
            return True
    return False


def _may_state(m: Misconception, lowered: str, raw: str = "") -> bool:
    """Whether a text (lowered, each word after a space: `_words`) holds what the misconception needs to fire: every
    group's words of one of its cue sets, or a swap's names, or (with `raw`, the whole answer as said, read once) a
    match of one of its cues (an anchored cue is always tried); without `raw` a misconception with cues is always
    tried."""
    if _holds(_needs(m), lowered):
        return True
    if m.cues:
        return not raw or any("^" in c or (may_match(_compiled(c), raw) and _compiled(c).search(raw)) for c in m.cues)
    return False


def scan(question: Question | None, sents: list[Sentence], general: bool = True
         ) -> tuple[tuple[WrongClaim, ...], frozenset[str]]:
    """The misconceptions the answer states (each once, quoting the first sentence that states it), and every
    sentence that states one (none of them covers a talking point): the question's own and, with `general`, the
    field's common ones that any interviewer would catch whatever was asked."""
    raw = " ".join(s.text for s in sents)
    whole = _words(raw)
    read = tuple(m for m in _read(question, general) if _may_state(m, whole, raw))
    if not read:
        return (), frozenset()
    out: list[WrongClaim] = []
    fired: set[str] = set()
    # each sentence read once as the speaker holds it (`as_held`) with its words, and with the one before it when it
    # points back to it (looked up once, and only for a sentence pair that holds a misconception's words)
    held = [as_held(s.text) for s in sents]
    said = [_words(s.text) for s in sents]
    words = [w if h is s.text else _words(h) for w, h, s in zip(said, held, sents)]
    pair_words = [said[i - 1] + said[i] if i else "" for i in range(len(sents))]
    pairs: dict[int, tuple[str, str]] = {}

    def joined(i: int) -> tuple[str, str]:
        """The sentence read with the one before it (as held, and its words), or ("", "") when it does not point
        back to it."""
        if i not in pairs:
            opening = " ".join(sents[i].text.split()[:9])     # all BACK_REFERENCE reads (it is slow on a long one)
            back = bool(i and BACK_REFERENCE.search(opening) and not NEGATED.search(sents[i - 1].text))
            j = as_held(_joined(sents[i - 1].text, sents[i].text)) if back else ""
            pairs[i] = (j, _words(j) if j else "")
        return pairs[i]

    def hit(m: Misconception, needs: _Needs | None, i: int, own: bool) -> bool:
        if _may_hold(m, needs, words[i], held[i]) and _states(m, held[i], lowered=words[i]):
            return True
        if not (own and i) or not (m.cues or _holds(needs, pair_words[i])):
            return False
        j, j_words = joined(i)
        return bool(j) and _may_hold(m, needs, j_words, j) and _states(m, j, lowered=j_words)

    own = {id(m) for m in (question.misconceptions if question is not None else ())}
    for m in read:      # the field's common claims are read sentence by sentence (the look back is slow)
        needs, is_own = _needs(m), id(m) in own
        hits = [s.text for i, s in enumerate(sents) if hit(m, needs, i, is_own)]
        if hits:
            out.append(WrongClaim(m.claim, m.right, hits[0]))
            fired.update(hits)
    return tuple(out), frozenset(fired)


def find(question: Question | None, sents: list[Sentence]) -> tuple[WrongClaim, ...]:
    """The question's misconceptions the answer states, each once, with the first sentence that states it."""
    return scan(question, sents)[0]


__all__ = ["WrongClaim", "as_held", "find", "scan", "states"]
