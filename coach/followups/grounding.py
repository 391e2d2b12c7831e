"""Premises in a model's follow-up must come from what was said.

A small model rewriting the bank's draft around the candidate's words sometimes builds
its question on something the candidate never told: "What happened to the product after
you changed your role?" after a story about changing one's mind (the draft said "after you
changed your position"; the no-copy push bent it). The candidate hears a claim about their
own story that is false. A follow-up states such a premise in a few shapes, and each is
checked against the text the candidate and the model both had (the answer, the question,
the scorer's finding, the bank's draft, the interviewer's earlier questions):

- a clause about what the candidate or the team did: "after you changed your role",
  "when the team moved to GPUs", "once you shipped it": every content word must be said;
- what the candidate is said to have said: "You said the cache ..." / "you mentioned ...";
- a thing of theirs: "your manager", "your startup": the noun must be said, unless it is
  one of the words any interviewer uses ("your part", "your estimate", "your design");
- in a question about what happened ("what happened to the product", "how did the
  migration turn out"), the thing it happened to must be said.

Words match by a rough stem ("changed", "changing" and "change" are one). Pure: no model.
"""
from __future__ import annotations

import re

from coach.scoring.text import stem as _raw     # the scorer's light suffix stripper

_FLAGS = re.IGNORECASE
# the clause runs to a comma or other mark, "and"/"but", the question's own words, or the end of the question
_END = r"(?=[,;:.?]|$|\s+(?:and|but|or|so|how|what|why|which|who|where|did|do|does|was|were)\s)"
_CLAUSE = re.compile(r"\b(?:after|when|before|once|since|while|as soon as|now that|given that|because)\s+"
                     r"(?:you|the team|your team|they)\s+(?P<premise>[^,;:.?]+?)" + _END, _FLAGS)
_SAID = re.compile(r"\byou\s+(?:said|mentioned|told me|described|noted|claimed)\s+(?:that\s+)?(?P<premise>[^,;:.?]+?)"
                   + _END, _FLAGS)
# "why did you choose L2 over L1": the choice the question credits the candidate with must be one they told
_CHOSE = re.compile(r"\bwhy did you (?:choose|pick|go with|opt for|settle on|prefer)\s+(?P<premise>[^,;:.?]+?)"
                    r"(?=[,;:.?]|$|\s+(?:over|instead|rather|versus|vs|against|and|but|or|when|if)\b)", _FLAGS)
_YOUR = re.compile(r"\byour\s+(?:(?:current|previous|last|old|new)\s+)?(?P<noun>[a-z][a-z'\-]*)", _FLAGS)
_HAPPENED = re.compile(r"\b(?:happened|happen)\s+(?:to|with)\s+(?:the|that|this)\s+(?P<thing>[a-z][a-z'\-]*"
                       r"(?:\s+[a-z][a-z'\-]*)?)|"
                       r"\bdid\s+the\s+(?P<subject>[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*)?)\s+"
                       r"(?:turn out|work out|end up|go|land|do|perform|change)\b", _FLAGS)
# Nouns after "your" that presuppose nothing about the story: what every interviewer may ask of any candidate.
GENERIC_YOURS = frozenset("""
part role own contribution contributions decision decisions estimate estimates answer approach plan design choice
choices assumption assumptions numbers number math arithmetic figure figures first view take call reasoning thinking
personal side goal goals aim team work experience opinion position recommendation proposal solution system model
next biggest main best worst top one headline priority priorities understanding guess sense starting
job company career background skills strengths
""".split())
_HEAD_SKIP = frozenset("own first personal next biggest main best worst top".split())
_FUNCTION = frozenset("""
a an the and or but if then so of to in on at by for with from into about as is are was were be been being it its
this that these those there here what which who when where why how do does did done i you he she we they me him her
us them my your our their can could would should will may might must have has had not no just also very really more
most some any all each every than too up out over off back down away again still even only first personally
specifically yourself exactly actually one
use make get take try put give
""".split())


# Irregular past forms, and a few verbs a model swaps for one another without changing the claim ("began" for
# "started", "switched" for "changed"): each is read as the first word of its group.
_SAME = tuple(group.split() for group in """
begin began begun start started starting starts
change changed switch switched
move moved migrate migrated
ship shipped launch launched release released roll-out
build built create created
choose chose chosen pick picked select selected
run ran
take took taken
go went gone
make made
write wrote written
find found
lead led
bring brought
think thought
spend spent
tell told
say said
leave left
keep kept
hold held
meet met
buy bought
teach taught
sell sold
fall fell fallen
break broke broken
drive drove driven
grow grew grown
know knew known
see saw seen
give gave given
get got gotten
""".strip().splitlines())


_CANONICAL = {w: group[0] for group in _SAME for w in group}
_BY_RAW = {_raw(w): _raw(group[0]) for group in _SAME for w in group}


def stem(word: str) -> str:
    """A rough stem: "changed", "changing", "changes" -> "chang"; "models" -> "model"; "began" -> "begin"."""
    w = re.sub(r"'s$", "", word.lower())
    r = _raw(_CANONICAL.get(w, w))
    return _BY_RAW.get(r, r)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z0-9][a-z0-9'\-]*", text.lower())}


def _content(phrase: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'\-]*", phrase.lower()) if w not in _FUNCTION and len(w) > 2]


def _unsaid(phrase: str, said: set[str]) -> list[str]:
    return [w for w in _content(phrase) if stem(w) not in said and not any(
        part and stem(part) in said for part in w.split("-") if "-" in w)]


def ungrounded(question: str, *sources: str) -> str | None:
    """The first premise of `question` that nothing in `sources` grounds, as a short reason, or None."""
    said = _stems(" ".join(sources))
    for m in _CLAUSE.finditer(question):
        missing = _unsaid(m.group("premise"), said)
        if missing:
            return f'"{m.group(0).strip()}" ({", ".join(missing)} never said)'
    for m in _SAID.finditer(question):
        missing = _unsaid(m.group("premise"), said)
        if missing:
            return f'"{m.group(0).strip()}" ({", ".join(missing)} never said)'
    for m in _YOUR.finditer(question):
        noun = m.group("noun").lower()
        if noun not in GENERIC_YOURS and noun not in _FUNCTION and stem(noun) not in said:
            return f'"your {noun}" never said'
    for m in _HAPPENED.finditer(question):
        thing = m.group("thing") or m.group("subject")
        missing = [w for w in _unsaid(thing, said) if w not in _HEAD_SKIP]
        if missing:
            return f'"{m.group(0).strip()}" ({", ".join(missing)} never said)'
    return None


# A question about a past event of the candidate's: "What was the standard you introduced?", "What happened in the
# incident?", "How did you handle it?" (not "what would you look at first?").
_PAST_EVENT = re.compile(r"^(?:what|how|why|when|who|which|where)\b(?:\s+\w+){0,2}?\s+(?:was|were|did|happened)\b", _FLAGS)
# "I haven't really led one", "I can't think of a strong example": the negation before a word of having or doing
_NO_STORY_TAIL = r"(?:\s+\w+){0,3}?\s+(?:led|had|done|did|do|have|think of|been|worked|run|ran|owned|faced|seen|remember)\b"


def _no_story() -> re.Pattern[str]:
    from coach.followups.words import word_list

    words = "|".join(sorted(map(re.escape, word_list("grounding", "no_story")), key=len, reverse=True))
    return re.compile(r"\b(?:" + words + r")" + _NO_STORY_TAIL, _FLAGS)


def presumes_a_story(question: str, answer: str) -> str | None:
    """After a non-answer in which the candidate says there is no such story ("I haven't really led one"), why a
    question about what happened in it ("What happened in the incident?") builds on a story never told, or None."""
    if not _PAST_EVENT.search(question.strip()):
        return None
    m = _no_story().search(answer)
    return f'asks about a past event after "{m.group(0).strip()}"' if m else None


# "after the director set up ...": a third party said to have done something; the answer must say they did it
_THEY_DID = re.compile(r"\b(?:after|when|before|once|since|while)\s+(?:the|your|their|her|his)\s+"
                       r"(?P<who>[a-z][a-z'\-]*)\s+(?P<verb>[a-z][a-z'\-]*)", _FLAGS)
_NEAR = 4       # words between a person and what they did ("the director quickly set up")


def misattributed(question: str, answer: str, people: frozenset[str]) -> str | None:
    """Why the question credits a person (`people`: their stems) with a step the answer gives to someone else, or
    None: "after the director set up the monthly review" when the candidate set it up and the director funded it."""
    words = [stem(w) for w in re.findall(r"[a-z0-9][a-z0-9'\-]*", answer.lower())]
    for m in _THEY_DID.finditer(question):
        who, verb = stem(m.group("who")), stem(m.group("verb"))
        if who not in people or m.group("verb").lower() in _FUNCTION:
            continue
        if not any(w == who and verb in words[i + 1: i + 2 + _NEAR] for i, w in enumerate(words)):
            return f'"{m.group(0).strip()}": the answer does not say the {m.group("who")} did that'
    return None


_AFTER_EVENT = re.compile(r"\bwhat (?:changed|happened|improved) (?:after|once|when)\s+(?P<x>[^?,;]+)", _FLAGS)
_PROPOSAL_REACH = 8     # words from a proposal ("proposed", "would") to the step it puts forward


def only_proposed(question: str, answer: str) -> str | None:
    """Why "What changed after X?" builds on a step the answer only put forward, or None: every word of X the
    answer says comes a few words after a proposal ("I proposed something smaller instead: refresh the ...")."""
    from coach.followups.words import word_list

    m = _AFTER_EVENT.search(question)
    if m is None:
        return None
    proposal = {stem(w) for w in word_list("grounding", "proposed")}
    said = [stem(w) for w in re.findall(r"[a-z0-9][a-z0-9'\-]*|[.;!?]", answer.lower())]
    asked = {stem(w) for w in _content(m.group("x"))} - proposal
    seen = [i for i, w in enumerate(said) if w in asked]
    if not seen:
        return None

    def proposed(i: int) -> bool:
        before = said[max(0, i - _PROPOSAL_REACH): i]
        cut = max((j for j, w in enumerate(before) if w in ".;!?"), default=-1)
        return any(w in proposal for w in before[cut + 1:])

    if all(proposed(i) for i in seen):
        return f'"{m.group(0).strip()}": the answer only put that forward'
    return None


def unchosen(question: str, answer: str) -> str | None:
    """Why "Why did you choose X ...?" credits the candidate with a choice their answer never named, or None: every
    content word of X (not of the alternative after "over", "instead of") must be in the answer itself (a draft's
    "one more open today" is not a choice the candidate made)."""
    said = _stems(answer)
    for m in _CHOSE.finditer(question):
        missing = _unsaid(m.group("premise"), said)
        if missing:
            return f'"{m.group(0).strip()}" ({", ".join(missing)} not in the answer)'
    return None
