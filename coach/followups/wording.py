"""Broken wording in a small model's question, by a handful of rules.

The interviewer model rewrites the bank's draft around the candidate's words; pushed
off the draft's own wording it sometimes writes English no interviewer would say
("how do that constrain ...", "what would not have happen ...", "why did you not
reject it?"). Each rule here names one such break; a question that trips one is not
asked (the bank's follow-up is). The rules are narrow on purpose: every bank
follow-up and every bank question passes them (tests/test_followup_wording.py).
"""
from __future__ import annotations

import re

from coach.followups.words import word_list

_FLAGS = re.IGNORECASE
# A base verb after "have" ("would not have happen"): verbs that are rarely nouns, so "have" is the auxiliary.
_BASE_AFTER_HAVE = ("happen|make|take|give|go|do|see|know|begin|choose|write|get|grow|break|find|decide|ask|drive|"
                    "speak|say|tell|think|bring|buy|catch|teach|fall|forget|hear|keep|leave|lose|meet|rise|sell|"
                    "send|spend|steal|understand|win|measure|notice|realise|realize|expect|prevent|avoid")
# Simple pasts whose participle differs ("the label was reran", "had wrote"); "re" may lead them.
_SIMPLE_PAST = ("ran|wrote|took|gave|went|began|chose|drove|broke|spoke|grew|knew|threw|drew|fell|rose|forgot|hid|"
                "shook|stole|ate|sang|swam|rode|wore|tore|did")
# Verbs ending in "ed" in their base form ("did you need").
_ED_BASE = frozenset("need feed proceed exceed succeed embed shred speed breed bleed seed heed weed wed shed bed "
                     "shred red".split())
# Verbs that take two objects ("what would you tell the team"): a "what" question may name one.
_TWO_OBJECTS = frozenset("tell give ask show send offer pay teach charge call name owe promise bring buy get "
                         "do cost expect want need make find consider".split())
_PREPOSITIONS = ("to", "for", "with", "from", "about", "on", "at", "into", "by", "in", "of", "against", "over", "under")

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a word said twice", re.compile(r"\b(\w+)\s+\1\b", _FLAGS)),
    ("the verb does not agree with its subject",
     re.compile(r"\b(?:how|what|why|when|where|which|who)\s+do\s+(?:that|this|it|he|she|there)\b|"
                r"\bdoes\s+(?:you|they|we|i|these|those)\b|\b(?:is|was)\s+(?:you|they|we)\b|"
                r"\b(?:are|were)\s+(?:he|she|it|this)\b", _FLAGS)),
    ("a past form after did/do/does",
     re.compile(r"\b(?:did|does|do)\s+(?:you|they|he|she|it|we)\s+(?:\w+ly\s+)?(?P<verb>\w+ed)\b", _FLAGS)),
    ("a past form after did/do/does",       # irregular: "what did you deliberately left out"
     re.compile(r"\b(?:did|does|do)\s+(?:you|they|he|she|it|we)\s+(?:\w+ly\s+)?(?P<verb>left|made|took|built|kept|found|"
                r"sent|spent|brought|thought|told|sold|lost|won|held|met|caught|taught|bought|led|" + _SIMPLE_PAST +
                r")\b", _FLAGS)),
    ("a base verb after have", re.compile(r"\b(?:have|has|had)\s+(?:" + _BASE_AFTER_HAVE + r")\b", _FLAGS)),
    ("a simple past where the participle belongs",
     re.compile(r"\b(?:was|were|is|are|be|been|being|has|have|had)\s+(?:re)?(?:" + _SIMPLE_PAST + r")\b", _FLAGS)),
    ("asks what would have been done to the candidate",
     re.compile(r"\bwould you have been (?:asked|told|given|shown)\b", _FLAGS)),
    ("a passive verb with an object", re.compile(r"\b(?:was|were|is|are|been|being)\s+\w+ed\s+(?:a|an)\s", _FLAGS)),
    ("a word joined by a hyphen to a preposition",
     re.compile(r"\b(?:before|after|without|of|to|for|with|from|into)-[a-z]+ing\b", _FLAGS)),
    ("two questions joined by a comma",
     re.compile(r"^(?:how|what|which|why|who|where)\b[^,]*,\s*(?:how|what|which|why|who|where)\b", _FLAGS)),
    ("a sentence pasted after 'after that'",
     re.compile(r"\bafter that\s+(?:the|a|an|we|it|they|everyone|everything|our|i)\s+\w+\s+(?:was|were|is|are|had|got)\b",
                _FLAGS)),
    # "How did you convince the warning signal was real?": a verb of persuading needs the person persuaded before
    # what they were persuaded of ("convince the director the signal was real")
    ("nobody persuaded",
     re.compile(r"\b(?:convinc|persuad|reassur|assur)(?:e|ed|es|ing)\s+(?:the|a|an|your|their|its|that|this|our)\s+"
                r"[a-z-]+(?:\s+[a-z-]+)?\s+(?:was|were|is|are|had|has|would|could|will|worked|works|held|mattered)\b",
                _FLAGS)),
    ("ends on a word that needs more after it",
     re.compile(r"\b(?:the|a|an|and|or|but|than|your|their|its|our|my|very)\s*\?$", _FLAGS)),
)
# "What would you choose the threshold ...": "what" is the object, so the verb cannot take another.
_WHAT_AND_AN_OBJECT = re.compile(
    r"(?:^|,\s*)what\s+(?:would|will|did|do|does|could|should|can|might)\s+(?:you|they|we|it|that|this)\s+"
    r"(?P<verb>[a-z]+)\s+(?:the|a|an|your|their|its)\s", _FLAGS)
# "why did you not reject it?": a negation the draft does not have (the no-copy push flips the draft's verb).
_NEGATED = re.compile(r"\b(?:did|do|does|would|could|should|will)\s+(?:you|they|we)\s+not\b|\bdidn't\s+you\b", _FLAGS)
# "it", and "that"/"this" standing alone (before "?", a comma or a preposition), not "that" as a conjunction
_PRONOUN = re.compile(r"\bit\b|\b(?:that|this)\b(?=\s*(?:\?|,|$|(?:in|into|for|to|with|from|on|at|about)\b))",
                      _FLAGS)


def broken(text: str, draft: str = "") -> str | None:
    """The first rule the question breaks, in a few words, or None. `draft`: the bank's follow-up the
    model rewrote (a negation is fine when the draft has one)."""
    low = " ".join(text.lower().split())
    if not low.endswith("?"):
        return "does not end with a question mark"
    for reason, rule in RULES:
        m = rule.search(low)
        if m is None:
            continue
        if reason.startswith("a past form") and m.group("verb") in _ED_BASE:
            continue
        return reason
    if _phrase_twice(low):
        return "a phrase said twice"
    m = _WHAT_AND_AN_OBJECT.search(low)
    if m and m.group("verb") not in _TWO_OBJECTS and not low.rstrip("?").split()[-1] in _PREPOSITIONS:
        return "'what' and an object after one verb"
    if _NEGATED.search(low) and not _NEGATED.search(draft.lower()):
        return "a negation the draft does not have"
    return awkward_after(low)


# "What changed after ...?" reads well after a step ("after you moved the joins", "after the privacy team signed
# off"), a step in -ing ("after writing the criteria down") or a short event ("after the launch"); a long phrase
# with no verb ("after the first pair of weeks", "after the cross-encoder into a smaller model") is a clause cut short.
_CHANGED_AFTER = re.compile(r"\bwhat (?:changed|happened|improved) (?:after|once|when)\s+(?P<x>[^?,;]+)", _FLAGS)
_SUBJECT = re.compile(r"^(?:you|we|they|he|she|i|it|the team|your team|their team|everyone|people)\b")
_FINITE = re.compile(r"\b(?:[a-z]{3,}ed|was|were|is|are|had|has|got|went|came|began|took|made|ran|wrote|built|set|"
                     r"put|chose|moved|shipped|signed|agreed|became|did|said|told|gave|left|kept|brought|found|led)\b")
_AFTER_DETERMINER = re.compile(r"\b(?:a|an|the|your|their|its|our|my|this|that)\s+[a-z]+ed\b")
_EVENT_WORDS = 3       # "the launch", "the schema check", "the new ranker"
_NAMED_EVENT_WORDS = 5     # up to this many words when the last names an event (prompts/followup_words.toml [wording])
_EVENTS = frozenset(word_list("wording", "events"))
# People and groups (prompts/followup_words.toml [specific] people, and teams): "after the payments team" is no event.
_WHO = frozenset(word_list("specific", "people")) | frozenset("team teams group groups org organisation organization "
                                                             "department vendor vendors".split())


def awkward_after(text: str) -> str | None:
    """Why a "What changed after X?" question ends awkwardly, or None (see `_CHANGED_AFTER`)."""
    m = _CHANGED_AFTER.search(text.lower())
    if m is None:
        return None
    x = m.group("x").strip()
    words = x.split()
    verbs = _AFTER_DETERMINER.sub(" ", f" {x}")          # "a distilled model": an -ed word after "a" is no verb
    if _SUBJECT.search(x) or _FINITE.search(verbs) or (words and words[0].endswith("ing")):
        return None
    if words and words[-1] in _WHO:
        return f'"after {x}" names who, not what happened'      # "What changed after the payments team?"
    if len(words) <= _EVENT_WORDS and not set(words) & set(_PREPOSITIONS):
        return None
    if len(words) <= _NAMED_EVENT_WORDS and words[-1] in _EVENTS and not set(words) & set(_PREPOSITIONS + ("and",)):
        return None         # "the search relevance rebuild", "the data scientist's decision"
    return f'"after {x}" is neither a step nor a short event'


_SMALL = frozenset("what that they them this these those with from have does would could should there their about "
                   "into were when where which".split())


def _phrase_twice(low: str) -> bool:
    """Three words said twice, two of them words of substance ("walked the director and two staff engineers
    through ... the director and two staff engineers"), not a parallel "what did you ... what did you"."""
    words = re.findall(r"[a-z0-9'\-]+", low)
    seen: set[tuple[str, ...]] = set()
    for i in range(len(words) - 2):
        run = tuple(words[i: i + 3])
        if run in seen and sum(len(w) > 3 and w not in _SMALL for w in run) >= 2:
            return True
        seen.add(run)
    return False


def dangling_pronoun(text: str, heard: set[str]) -> bool:
    """Does the question say "it" (or a bare "that"/"this") with nothing it could stand for: no word the
    candidate has heard (`heard`: the content words of the question asked and of their answer) and
    fewer than two words of its own before the pronoun ("why did you not reject it?")? The candidate
    never saw the draft, so its words do not count."""
    m = _PRONOUN.search(text)
    if m is None or _content(text) & heard:
        return False
    return len(_content(text[: m.start()])) < 2


def _content(text: str) -> set[str]:
    from coach.followups.guards import content_words     # guards imports this module

    return content_words(text)
