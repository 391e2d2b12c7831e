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
