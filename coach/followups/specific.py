"""A follow-up must be about the candidate's own story, in the candidate's own words.

Read as a candidate hears them, two kinds of model question passed every other guard and
still read oddly:

- **The question's wording said back.** The question offered a choice ("a time you
  disagreed with a colleague or your manager"); the candidate spoke of one person ("my
  manager"), and the follow-up asked "How did your colleague or manager react?", as if
  the story had not been heard. `echoed_choice` rejects a follow-up that names both sides
  of the question's "A or B" when the answer did not, or names a person the question
  offered and the answer never mentioned.
- **Vague questions.** "What did the engineer do at the end?", "What happened to the
  project?", "What was the measurable result of that work?": every word is one any story
  has. `vague` rejects a follow-up that names nothing concrete from the candidate's words
  (a system, an action, a metric, a figure), only people, "the project", "the end" and the
  gap's own words.

Either way the bank's follow-up for the gap, written for this question, is asked instead.
Words match by the premise guard's stem (`grounding.stem`). Pure: no model.
"""
from __future__ import annotations

import re

from coach.followups.grounding import stem
from coach.followups.words import word_list

_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
# "a colleague or your manager", "the latency or the cost", "a research or data science team": the word before
# "or" and the words after it (a determiner skipped), to a mark, a preposition or a verb of the question
_CHOICE = re.compile(r"\b(?P<left>[a-z][a-z\-]*) or (?:a |an |the |your |their |my )?"
                     r"(?P<right>[a-z][a-z\-]*(?: (?!on\b|about\b|to\b|that\b|who\b|when\b|for\b|in\b|with\b)"
                     r"[a-z][a-z\-]*)?)", re.IGNORECASE)
_SAID_CHOICE = re.compile(r"\b(?P<left>[a-z][a-z\-]*) or (?:a |an |the |your |their |my )?(?P<right>[a-z][a-z\-]*)",
                          re.IGNORECASE)
# People a question may offer as a choice, and words any story has (prompts/followup_words.toml [specific]):
# a follow-up naming only the latter (and the gap's words) names nothing the candidate said.
PEOPLE = frozenset(stem(w) for w in word_list("specific", "people"))
ANY_STORY = frozenset(stem(w) for w in word_list("specific", "any_story")) | PEOPLE


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower())}


def _choices(question: str) -> list[tuple[str, list[str]]]:
    """The question's "A or B" choices: each as its text and its sides' words (the side's head word last)."""
    out = []
    for m in _CHOICE.finditer(question):
        out.append((m.group(0), [m.group("left").lower(), *m.group("right").lower().split()]))
    return out


def echoed_choice(text: str, question: str, answer: str) -> str | None:
    """Why the follow-up says back a choice the question offered and the candidate did not take, or None:
    both sides of the question's "A or B" in one "A or B" of its own (the answer naming only one, or
    neither), or a person the question offered ("your colleague") that the answer never spoke of."""
    said, low = _stems(answer), text.lower()
    for phrase, sides in _choices(question):
        offered = {stem(w) for w in sides}
        for m in _SAID_CHOICE.finditer(low):
            pair = {stem(m.group("left")), stem(m.group("right"))}
            if len(pair) == 2 and pair <= offered and not pair <= said:
                taken = sorted(w for w in sides if stem(w) in said)
                spoke = f"; the candidate spoke of: {', '.join(taken)}" if taken else ""
                return f'says back the question\'s "{phrase}"{spoke}'
        for word in sides:
            if stem(word) in PEOPLE and stem(word) not in said and re.search(r"\b" + re.escape(word) + r"s?\b", low):
                return f'names "{word}" from the question\'s "{phrase}", whom the candidate never spoke of'
    return None


def concrete_words(text: str, sources: str) -> list[str]:
    """The words of `text`, said in `sources`, that name something of this story rather than of any story."""
    said = _stems(sources)
    out = []
    for word in _WORD.findall(text.lower()):
        s = stem(word)
        if s in said and s not in ANY_STORY and (len(word) > 3 or any(ch.isdigit() for ch in word)) and \
                word not in out and not _function(word):
            out.append(word)
    return out


def vague(text: str, sources: str) -> str | None:
    """Why the follow-up is vague, or None: it names nothing of `sources` (the candidate's answer and what the
    scorer found in it) beyond the words any story has."""
    if concrete_words(text, sources):
        return None
    return "names nothing the candidate said (only words any story has)"


def _function(word: str) -> bool:
    from coach.followups.guards import STOPWORDS     # guards imports this module

    return word in STOPWORDS
