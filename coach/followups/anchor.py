"""A bank follow-up said after the candidate's own words.

The bank's story probes are written for any answer to the question ("What was the measurable result at the end of
this?", "You said we a lot; what did you personally do or decide?"), so most name nothing of the story told; heard
after a story, they sound like a form being filled in. A strong interviewer points at the place in the story the gap
is in: after a story that stops at a step, its last step ("You mentioned you agreed on a daily check-in with him.
What came of it?"); after a story told in "we", the first thing "we" did ("You said we moved the ranker to a deep
model. What did you personally do or decide?"). `anchored` puts that clause in front of a bank probe that names
nothing of the answer; a clause too long to say back whole is left out rather than cut. Pure: no model.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.followups import guards, specific
from coach.followups.findings import Finding, as_finding, claim_clause
from coach.followups.misheard import misheard
from coach.followups.words import phrases, word_list

# Gaps whose probe points at a place in the answer: a story's last step or its "we", a claim said wrong, a decision
# told without its reason.
ANCHORED_GAPS = ("no_result", "we_not_i", "wrong_claim", "no_tradeoff")
MAX_WORDS = 14           # said back whole, or not at all
MIN_WORDS = 3
_CUT = re.compile(r"\s*(?:[,;:(]|\s-\s|\s—\s|\bso that\b|\bwhich\b|\bbecause\b|\bbut\b|\band (?:we|i|then)\b)",
                  re.I)
_WE_STEP = re.compile(r"\bwe (?:\w+ly )?(?:[a-z]+ed|built|made|set|ran|took|put|sent|chose|wrote|rewrote|rebuilt|"
                      r"split|kept|brought|drove|gave|went|began|found|dug|pulled|cut|led|shipped|moved)\b", re.I)
# A clause cut before its object ("set up an audit log of") is not said back.
_OPEN_ENDS = frozenset("of to for the a an and or with on in at by from that than as into about our my their its "
                       "your his her this these those when while if".split())
_PAST = re.compile(r"\b(?:[a-z]{3,}ed|built|made|set|ran|took|put|sent|chose|wrote|split|kept|brought|drove|gave|"
                   r"went|began|found|cut|led|got|told|met|sat)\b", re.I)


@lru_cache(maxsize=1)
def _leads() -> re.Pattern[str]:
    words = sorted(phrases("anchor", "leads"), key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(re.escape(w) for w in words) + r")\b[\s,]*)+", re.I)


@lru_cache(maxsize=1)
def _you() -> dict[str, str]:
    return {said: back.replace("_", " ") for said, back in (pair.split("=", 1) for pair in word_list("anchor", "you"))}


def to_you(clause: str) -> str:
    """The candidate's clause as the interviewer says it back: "I", "we" and theirs become "you" and "your"."""
    table = _you()
    out = re.sub(r"[a-z']+", lambda m: table.get(m.group(0).lower(), m.group(0)) if m.group(0).lower() in table
                 else m.group(0), clause, flags=re.I)
    return re.sub(r"\byou was\b", "you were", re.sub(r"\byou am\b", "you are", out))


def clause(sentence: str, keep_we: bool = False) -> str | None:
    """The sentence's head clause (its leading "so"/"after that" dropped, cut at its first comma or "which"),
    said back to the candidate ("I" as "you"; `keep_we`: as said, "we" and all, for a probe about that "we"), or
    None when it is too short or too long to say back whole, stops on a word that needs more, or tells no step."""
    text = _leads().sub("", " ".join(sentence.replace("\u2019", "'").split())).rstrip(".?! ")
    head = _CUT.split(text, maxsplit=1)[0].strip()
    words = head.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not _PAST.search(head) or words[-1].lower() in _OPEN_ENDS:
        return None
    head = head[0].lower() + head[1:] if head[1:2].islower() or head[:2].lower() in ("i ", "i'") else head
    if head.startswith("i ") or head.startswith("i'"):
        head = "I" + head[1:]
    return head if keep_we else to_you(head)


def _quoted(evidence: str) -> str:
    found = re.findall(r'"([^"]+)"', evidence)
    return found[0] if found else ""


def place(gap: str, answer: str, finding: Finding) -> str | None:
    """The words the probe points at: after no result, the closing step the scorer quoted; after "we", the first
    sentence that tells a step in "we"."""
    from coach.scoring.text import clean, sentences

    if gap == "no_result":
        quoted = _quoted(finding.evidence).rstrip(". ")
        if quoted.endswith("..."):
            return None           # the scorer cut it short; said back it would stop mid-sentence
        return clause(quoted) if quoted else None
    if gap == "we_not_i":
        steps = (clause(s.text[m.start():], keep_we=True) for s in sentences(clean(answer))
                 for m in [_WE_STEP.search(s.text)] if m)
        return next((said for said in steps if said), None)
    if gap == "wrong_claim":
        claim = claimed(answer, finding)
        return _lower_head(to_you(claim)) if claim else None
    if gap == "no_tradeoff" and finding.evidence.startswith("the decision is told"):
        # from the one who decided ("we decided to split his work"), not the talk before it ("we talked it over and")
        decided = _DECIDED.search(_quoted(finding.evidence))
        return clause(decided.group(0)) if decided else None
    return None


def _lower_head(said: str) -> str:
    """A sentence's opening capital lowered, said back inside a question ("You said the same PSI dashboard ..."), unless
    its first word is a name or a term ("PSI", "L2", "XGBoost")."""
    head = said.split(" ", 1)[0]
    return said[:1].lower() + said[1:] if head[1:] == head[1:].lower() and not any(c.isdigit() for c in head) else said


_DECIDED = re.compile(r"\b(?:we|i)\s+(?:\w+ly\s+)?(?:decided|chose|picked|opted|settled|went with)\b[^.?!]*", re.I)


def claimed(answer: str, finding: Finding) -> str | None:
    """After a wrong claim, the candidate's clause that states it ("L2 is the one that pushes weights all the way
    to exactly zero"), when short enough to say back whole; else None."""
    quoted = _quoted(finding.evidence).replace(" ...", "").strip()
    said = claim_clause(quoted, finding.evidence, answer) if quoted else ""
    return said if said and not said.endswith("...") and MIN_WORDS <= len(said.split()) <= MAX_WORDS else None


def anchored(text: str, gap: str, answer: str, target: str | Finding = "") -> str:
    """The bank probe `text`, after the candidate's own words when it names nothing of the answer ("You mentioned
    you agreed on a daily check-in. What came of it?"); else `text` as it is."""
    if gap not in ANCHORED_GAPS or not answer.strip():
        return text
    if specific.vague(text, answer) is None and not (gap == "wrong_claim" and _POINTED.match(text)):
        return text             # it names the story already (a probe pointing at "something there" names nothing)
    finding = as_finding(target)
    said = place(gap, answer, finding)
    if said is None or misheard(said):
        return text             # words the transcriber misheard are not said back (coach/followups/misheard.py)
    if gap == "we_not_i":
        rest = re.sub(r"^you said we a lot;\s*", "", text, flags=re.I)      # the clause says the "we" itself
        out = f"You said {said}. {rest[:1].upper()}{rest[1:]}"
    elif gap == "wrong_claim":
        rest = _POINTED.sub("", text)                  # "You said something there I want to check;" says it again
        out = f"You said {said}. {rest[:1].upper()}{rest[1:]}"
    else:
        out = f"You mentioned {said}. {text}"
    return out if len(guards.words(out)) <= guards.MAX_WORDS else text     # a follow-up is one short question


_POINTED = re.compile(r"^you said something (?:there )?(?:i want|i'd like) to check[;,:]\s*", re.I)


def probe_of(text: str) -> str:
    """The bank probe an anchored follow-up was made from, as a key (lower case, the words said back and a leading
    "You said we a lot;" left out), so an anchored question is matched to the bank's."""
    m = re.match(r"you (?:mentioned|said) [^.?!;]*\.\s+", text, re.I)
    rest = re.sub(r"^you said we a lot;\s*", "", text[m.end():] if m else text, flags=re.I)
    return rest.strip().lower()
