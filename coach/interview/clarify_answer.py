"""Answering clarifying questions from the question's facts: which topics each part asks about, the
interviewer's reply (facts, a reminder of facts already told, or "state an assumption"), and the
scorecard credit a design answer gets for having asked."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping

from coach.interview.clarify_cues import Cues, default_cues
from coach.interview.clarify_text import CLAUSE, core, find, front, opens_question, tokens
from coach.scoring.scorecard import Scorecard


def _clause_topics(clause: str, cues: Cues) -> list[str]:
    """The best-matching topics of one clause (the longest match wins where two overlap)."""
    counts = _topic_counts(clause, cues)
    best = max(counts.values(), default=0)
    return [t for t, n in counts.items() if n == best]


def _topic_counts(clause: str, cues: Cues, by_words: bool = False) -> dict[str, int]:
    """How many cue phrases of each topic one clause holds, in the order first matched (the longest match
    wins where two overlap); `by_words` counts each phrase by its words, so "judged on" outweighs "team"."""
    text = " ".join(tokens(clause))
    spans: list[tuple[int, int, str]] = []
    for topic, phrases in cues.topics.items():
        for p in phrases:
            if p not in text:           # (a plain substring test first: most phrases are absent, and it is cheap)
                continue
            for m in front(p).finditer(text):
                spans.append((m.start(), m.start() + len(p), topic))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for s in spans:
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    counts: dict[str, int] = {}
    for start, end, topic in sorted(kept):
        counts[topic] = counts.get(topic, 0) + (len(text[start:end].split()) if by_words else 1)
    return counts


def parts_asked(questions: list[str], cues: Cues | None = None) -> list[list[str]]:
    """Each part of the questions and the topics it asks about, in the order asked ("what's the peak
    volume and how fresh must the features be": two parts). A part that opens like a question but names
    no topic ("how many languages...") is kept with no topics: the candidate must assume it."""
    return [topics for _, topics in _parts(questions, cues or default_cues())]


def _parts(questions: list[str], cues: Cues) -> list[tuple[str, list[str]]]:
    """The clause of each part with its topics."""
    parts: list[tuple[str, list[str]]] = []
    for q in questions:
        for clause in CLAUSE.split(q.lower().replace("\u2019", "'")):
            topics = _clause_topics(clause, cues)
            words = core(tokens(clause), cues)
            if topics or opens_question(words, cues) or find(words, "how many") or find(words, "how much"):
                parts.append((clause, topics))
    return parts


def topics_asked(questions: list[str], cues: Cues | None = None) -> list[str]:
    """Which facts the questions ask about, in the order asked (per clause, the best-matching topics)."""
    found: list[str] = []
    for topics in parts_asked(questions, cues):
        found += [t for t in topics if t not in found]
    return found


def reply(questions: list[str], facts: Mapping[str, str], cues: Cues | None = None, max_facts: int = 3,
          given: Collection[str] = (), said: str = "") -> tuple[str, tuple[str, ...]]:
    """What the interviewer says back, and the facts it used: every part of the question answered, the
    first fact of each part before any second one (at most `max_facts`, or one per part when there are
    more parts); an invitation to state an assumption for any part the facts do not cover. Facts in
    `given` (already told) are said again, but as a reminder ("As I said, ...") and after the new ones.
    `said` is the whole turn: when no part names a fact ("... how many pushes per user per day. Do you have
    that?"), the words around the question decide."""
    cues = cues or default_cues()
    parts = _parts(questions, cues) or [(" ".join(questions).lower(), [])]
    answerable = [_facts_for(clause, facts, cues) for clause, _ in parts]
    if said and not any(answerable):
        answerable = [_facts_for(said.lower(), facts, cues)]
    used: list[str] = []
    for rank in range(max((len(a) for a in answerable), default=0)):
        for a in answerable:
            if rank < len(a) and a[rank] not in used and (rank == 0 or len(used) < max_facts):
                used.append(a[rank])
    if not used:
        return cues.no_fact, ()
    new, again = [t for t in used if t not in given], [t for t in used if t in given]
    text = " ".join([facts[t] for t in new] + ([_reminder(cues, " ".join(facts[t] for t in again))] if again else []))
    used = new + again
    if any(not a for a in answerable):
        text += " " + cues.partly
    return text, tuple(used)


_STOP = frozenset("about what when where which there their with from that this have will would could should does "
                  "were your just again many much some also into only more most than then them they each".split())


def _stems(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z]{4,}", text.lower()):
        if w not in _STOP:
            out.add(re.sub(r"(ing|ed|es|s)$", "", w) or w)
    return out


def _facts_for(clause: str, facts: Mapping[str, str], cues: Cues) -> list[str]:
    """The facts that answer one part: each fact scores two for every word of a cue phrase of its topic the
    part says and one for every content word it shares with the part ("how many listings are live" shares
    "listings" with the fact about 40 million listings); the best-scoring facts, in the facts' order (on a
    tie, those the part names by a cue phrase)."""
    counts = _topic_counts(clause, cues, by_words=True)
    words = _stems(clause)
    score = {t: 2 * counts.get(t, 0) + len(words & _stems(text)) for t, text in facts.items()}
    best = max(score.values(), default=0)
    top = [t for t in facts if best and score[t] == best]
    named = [t for t in top if counts.get(t)]
    return named or top[:1]             # shared words alone: the first such fact


def _reminder(cues: Cues, said: str) -> str:
    """"As I said, about 800 a second": the fact's first letter lowered unless it starts a name or acronym."""
    if len(said) > 1 and said[0].isupper() and said[1].islower():
        said = said[0].lower() + said[1:]
    return f"{cues.reminder} {said}"


def credit(card: Scorecard, asked: list[str]) -> Scorecard:
    """A design answer after clarifying questions: the card records them, and `no_clarifying`
    (asked nothing about the problem) no longer applies."""
    if not asked:
        return card
    dropped = [g for g in card.gaps if g.id == "no_clarifying"]
    feedback = card.feedback
    if dropped and dropped[0].evidence:
        feedback = tuple(f for f in feedback if dropped[0].evidence not in f)
    return dataclasses.replace(card, gaps=tuple(g for g in card.gaps if g.id != "no_clarifying"),
                               feedback=feedback, clarifications=tuple(asked))
