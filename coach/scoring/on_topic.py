"""Is a story about what its question asked? A conflict story told to "tell me about a mistake you made" is not.

A question's topics are the `rubrics/story_topics.toml` sections whose `asked` word starts appear in its prompt; a
story on a topic names one of the section's `told` words or `phrases`, or a distinctive word of the question's own
prompt (its talking points are too broad: "what they launched" is a point of a mentoring story, and of any project). A story (a past first-person step, STORY_WORDS words or more) that names none of them answers
another question, however well it is told.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach import paths
from coach.content.word_table import WordTable
from coach.domain import Question
from coach.scoring.signals import NonAnswer, quote_short
from coach.scoring.star_cues import ACT_CLAUSE, I_ACT_CLAUSE
from coach.scoring.text import content_stems

_TABLE = WordTable(paths.rubrics_dir, "story_topics.toml")
STORY_WORDS = 40         # a story this long has had room to reach its topic
# Words of a story question's prompt that name no topic: "Tell me about a time you ... What did you do?"
_FRAME = frozenset(content_stems(
    "tell me about time you your describe walk through give example what did do how happened actually work working "
    "while someone something strongly technical decision colleague manager project model team teams one "
    "it its find out turned learn learned change changed after made significant lot"))


SHORT = 3        # a listed word this short is a word of its own ("he" is not the start of "heavy", "fix" of "fixture")


def _starts(words: str, phrases: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Any word starting with one of `words` (a word of SHORT letters or fewer: that word, or it with -s, -es, -ed,
    -ing), or any whole phrase of `phrases`."""
    starts = [re.escape(w) + (r"(?:s|es|ed|ing)?\b" if len(w) <= SHORT else "")
              for w in sorted(words.split(), key=len, reverse=True)]
    whole = [re.escape(p) + r"\b" for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(whole + starts) + r")", re.I)


@lru_cache(maxsize=256)
def topics(prompt: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The topics a prompt asks about, each with the pattern of the words a story on it names."""
    return tuple((name, _starts(str(_TABLE.raw(name, "told")), _phrases(name)))
                 for name in _TABLE.sections() if _asked(name).search(prompt))


def _asked(section: str) -> re.Pattern[str]:
    """The phrases of a prompt that ask about the topic, each from a word start to anywhere ("mentor" in "mentored")."""
    phrases = sorted((str(p) for p in _TABLE.raw(section, "asked")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")", re.I)


def _phrases(section: str) -> tuple[str, ...]:
    return tuple(str(p) for p in _TABLE.raw(section, "phrases")) if "phrases" in _TABLE.names(section) else ()


def reaches(text: str, question: Question | None) -> bool | None:
    """Whether a story reaches the topic its question asked about: None when there is no question, it asks for a
    plan, its prompt names no known topic, the answer is no story or too short to judge, or it names neither its
    topic nor plainly another one (told in its own words, it gets the benefit of the doubt)."""
    if question is None or question.hypothetical:
        return None
    asked = topics(question.prompt)
    low = text.lower()
    if not asked or len(low.split()) < STORY_WORDS or not ACT_CLAUSE.search(low):
        return None
    own = set(content_stems(question.prompt)) - _FRAME
    if any(told.search(text) for _, told in asked) or own & set(content_stems(text)):
        return True
    # a story in plain words may reach its topic without any listed word ("I switched traffic back to the last good
    # model" is an incident): it is off topic only when it is plainly about another topic, told in two of its words
    names = {name for name, _ in asked}
    return False if any(len({m.group(0).lower() for m in told.finditer(text)}) >= OTHER_TOPIC_WORDS
                        for name, told in _all_topics() if name not in names) else None


OTHER_TOPIC_WORDS = 2
PASSING_STEPS = 3        # the speaker's own steps a story has told when none of them reaching its topic is telling


@lru_cache(maxsize=16)
def _steps_words(section: str) -> re.Pattern[str] | None:
    """The words of a topic's `steps` (the person the story is about, and what one does with them), or None."""
    return _starts(str(_TABLE.raw(section, "steps"))) if "steps" in _TABLE.names(section) else None


def passing_topic(text: str, question: Question | None) -> str:
    """The topic ("someone you helped grow") a story reaches only in passing (see `in_passing`), else ""."""
    if question is None or question.hypothetical or reaches(text, question) is not True:
        return ""
    for name, _ in topics(question.prompt):
        if in_passing(text, (name,)):
            return str(_TABLE.raw(name, "name"))
    return ""


def in_passing(text: str, names: tuple[str, ...]) -> bool:
    """Whether a story names its topic only in passing: asked about a person (someone mentored, a teammate who
    struggled), it tells PASSING_STEPS or more steps of the speaker's own ("I designed ...", "I wrote ...") and not
    one of them is with or for that person (a build story with "the junior engineer picked up a lot" in the middle)."""
    for name in names:
        person = _steps_words(name)
        if person is None:
            continue
        steps = [x for x in re.split(r"(?<=[.!?])\s+", text) if I_ACT_CLAUSE.search(x.lower())]
        told = sum(len(I_ACT_CLAUSE.findall(x.lower())) for x in steps)    # (run-on speech packs steps together)
        if told >= PASSING_STEPS and not any(person.search(x) for x in steps):
            return True
    return False


@lru_cache(maxsize=1)
def _all_topics() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every topic with the pattern of the words a story on it names."""
    return tuple((name, _starts(str(_TABLE.raw(name, "told")), _phrases(name))) for name in _TABLE.sections())


def off_topic(text: str, question: Question | None) -> NonAnswer | None:
    """The off_topic finding of a story that never reaches what its question asked (see `reaches`), naming the
    topic in words ("a mistake of your own") for the follow-up to steer back to."""
    if question is None or reaches(text, question) is not False:
        return None
    topic = str(_TABLE.raw(topics(question.prompt)[0][0], "name"))
    return NonAnswer("off_topic", f'{_EVIDENCE.format(topic=topic)}: "{quote_short(text)}"')


# The finding's words, and the topic read back from them by the follow-up code (coach/followups)
_EVIDENCE = "the question asks about {topic}, and the story never comes to it"
_MISSED = re.compile("^" + re.escape(_EVIDENCE).replace(re.escape("{topic}"), "(.+?)"))


def missed_topic(evidence: str) -> str | None:
    """The topic an off_topic finding says the story never reached ("a mistake of your own"), else None."""
    m = _MISSED.match(evidence)
    return m.group(1) if m else None
