"""Did the answer to a changed fact take the change up?

In realistic mode one system-design fact changes part-way ("Restaurants will no longer report when food is ready").
An answer that goes on about something else (the monitoring, the rollout) leaves the change hanging; a strong
interviewer says it again, once, before moving on. The answer takes the change up when it names what changed: a
word of the change as said or as it now stands that the fact before the change did not have ("prep", "report"),
or two of the words an answer uses for the fact's topic (prompts/followup_words.toml [change]); a word the question
or the candidate's earlier answers already had names nothing new. Naming is a low bar on purpose: pressing a
candidate who did answer the change costs more than letting a vague answer pass.
"""
from __future__ import annotations

from functools import lru_cache

from coach.domain import Question
from coach.followups import words as followup_words
from coach.scoring.text import STOPWORDS, stem, words


@lru_cache(maxsize=None)
def _topic_words(topic: str) -> frozenset[str]:
    """The stems of the words an answer uses to take up a change of this topic (none for a topic not listed)."""
    if topic not in followup_words.phrase_table("change"):
        return frozenset()
    return frozenset(stem(w) for w in followup_words.word_list("change", topic))


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    return frozenset(stem(w) for w in followup_words.word_list("change", "ignore"))


def _content(text: str) -> set[str]:
    """The stems of the words that carry meaning: no stop-word, no bare number, no word that says only "a change"."""
    return {stem(w) for w in words(text) if w not in STOPWORDS and not w.replace(",", "").isdigit()} - _ignored()


# A word of the change itself counts twice a word any answer on the fact's topic uses: "before the labels arrive"
# in an answer about dashboards names the topic in passing, "the food is never reported ready" names the change.
TAKEN_UP = 2


def takes_up(answer: str, question: Question, before: str = "") -> bool:
    """Does the answer name what changed? True when the question has no change to take up. `before`: what the
    candidate said on the question before the change; its words, and the question's own, were there all along and
    name nothing new (an answer on monitoring that mentions "the restaurant queue" again)."""
    if question.change is None:
        return True
    topic, said = question.change
    earlier = _content(before)
    known = _content(question.fact(topic) or "") | _content(question.prompt) | earlier
    changed = (_content(said) | _content(question.change_now)) - known
    heard = _content(answer)
    weight = 2 * len(heard & changed) + len(heard & (_topic_words(topic) - changed - earlier))
    return weight >= TAKEN_UP


def press(question: Question) -> str:
    """The change said again, as it now stands, with the question of what it changes."""
    assert question.change is not None
    now = question.change_now or question.change[1]
    return followup_words.phrases("change", "press")[0].format(now=now.strip())
